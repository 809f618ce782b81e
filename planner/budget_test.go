package planner

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"sync/atomic"
	"testing"
	"time"
)

// countCtx is a context that is cancelled from its n-th look on: it stops a
// solve after a set amount of work, with no clock involved.
type countCtx struct {
	context.Context
	n, calls atomic.Int64
}

func stopAfter(n int) *countCtx {
	c := &countCtx{Context: context.Background()}
	c.n.Store(int64(n))
	return c
}

func (c *countCtx) Err() error {
	if c.calls.Add(1) >= c.n.Load() {
		return context.Canceled
	}
	return nil
}

func (c *countCtx) Done() <-chan struct{} { return nil }
func (c *countCtx) Deadline() (time.Time, bool) {
	return time.Time{}, false
}

func hostile(t testing.TB, name string) *Scenario {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "hostile", name))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestSolveStopsInsideASearch gives one-group solves a context that is
// cancelled at its third look (the first two are before the search starts):
// a solve that looked only between groups would finish, or run its
// exhaustive search to the end of its step limit.
func TestSolveStopsInsideASearch(t *testing.T) {
	wide := hostile(t, "ten-tracks-wide-flex.json")
	cases := []struct {
		name string
		sc   *Scenario
		opt  Options
	}{
		{"exhaustive search, wide flex", wide, Options{Programs: []string{"p"}}},
		{"depth-first search and DP, tied rotation", hostile(t, "tied-rotation-8.json"), Options{Top: 10}},
		{"40 programs, one of them", benchScenario(), Options{Programs: []string{benchScenario().Programs[0].ID}}},
	}
	wide.Programs[0].Tracks = wide.Programs[0].Tracks[:1]
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := stopAfter(3)
			c.opt.Context = ctx
			res, err := Solve(c.sc, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if res.Incomplete != IncompleteSentence {
				t.Fatalf("Incomplete = %q after %d looks at the context", res.Incomplete, ctx.calls.Load())
			}
			checkPlans(t, c.sc, res)
		})
	}
}

// TestSolveCutShortKeepsPlansAndCache stops the 40-program solve after more
// and more looks at its context, with one cache: every result holds plans that
// fit, best first; no rejection is claimed past the stop; and a full solve
// with the same cache then gives the same answer as one without it (a price
// cut short is never kept).
func TestSolveCutShortKeepsPlansAndCache(t *testing.T) {
	sc := benchScenario()
	cache := NewCache()
	full, err := Solve(sc, Options{Top: 10})
	if err != nil {
		t.Fatal(err)
	}
	stoppedEarly, withPlans := 0, 0
	for n := 1; n < 400; n += 7 {
		res, err := Solve(sc, Options{Top: 10, Cache: cache, Context: stopAfter(n)})
		if err != nil {
			t.Fatal(err)
		}
		if res.Incomplete != "" {
			stoppedEarly++
			if len(res.Plans) > 0 {
				withPlans++
			}
		}
		if len(res.Rejected) > len(full.Rejected) {
			t.Fatalf("stopped after %d looks: %d rejections, the full solve has %d", n, len(res.Rejected), len(full.Rejected))
		}
		checkPlans(t, sc, res)
	}
	if stoppedEarly < 10 || withPlans < 5 {
		t.Fatalf("%d of the cut solves stopped early, %d of them with plans", stoppedEarly, withPlans)
	}
	again, err := Solve(sc, Options{Top: 10, Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := resultSig(again), resultSig(full); a != b || again.Incomplete != "" {
		t.Fatalf("after cut solves, with the cache:\n%s\nwithout:\n%s", a, b)
	}
}

// TestSolveAlreadyCancelled returns at once with nothing claimed.
func TestSolveAlreadyCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := Solve(hostile(t, "allday-job.json"), Options{Context: ctx})
	if err != nil {
		t.Fatal(err)
	}
	if res.Incomplete != IncompleteSentence || len(res.Plans) != 0 || len(res.Rejected) != 0 {
		t.Fatalf("cancelled solve: %+v", res)
	}
}

// TestUnmetMinimumsPruned: a week whose sessions can never add up to the
// program's minimum is rejected without trying its choices (before, the
// exhaustive search enumerated 2^56 of them), and says why.
func TestUnmetMinimumsPruned(t *testing.T) {
	res, err := Solve(hostile(t, "allday-job.json"), Options{Context: stopAfter(1 << 20)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Incomplete != "" || len(res.Rejected) != 1 || len(res.Rejected[0].Reasons) == 0 {
		t.Fatalf("all-day job: incomplete %q, rejected %+v", res.Incomplete, res.Rejected)
	}
}

// TestExhaustiveLimitIsPerSolve: ten tracks of wide flex share one step
// limit, so the solve ends with the too-much-work sentence instead of
// spending the limit ten times.
func TestExhaustiveLimitIsPerSolve(t *testing.T) {
	sc := hostile(t, "ten-tracks-wide-flex.json")
	m := compile(sc)
	s := newSolver(m, Options{Top: 5}, newBudget(context.Background(), 3000))
	for gi := range s.groups {
		if s.bud.halted() {
			break
		}
		s.solveOne(gi, nil)
	}
	if s.bud.why != TooMuchWorkSentence || s.bud.evals != -1 {
		t.Fatalf("after the groups: why %q, %d steps left", s.bud.why, s.bud.evals)
	}
}

// checkPlans checks what a solve returns, finished or not: at most Top plans,
// best first, each fitting the week when walked again, with the travel it
// states and every week's minimum met.
func checkPlans(t *testing.T, sc *Scenario, res *Result) {
	t.Helper()
	if !sort.SliceIsSorted(res.Plans, func(i, j int) bool { return res.Plans[i].key.cmp(res.Plans[j].key) < 0 }) {
		t.Fatalf("plans not best first")
	}
	m := compile(sc)
	for k := range res.Plans {
		p := &res.Plans[k]
		walk := m.evaluate(m.planItems(p), p.bends, false)
		if !walk.ok || walk.travel != p.TravelMinutes {
			t.Fatalf("plan %d: re-walk ok=%v travel %d, plan says %d", k, walk.ok, walk.travel, p.TravelMinutes)
		}
		prog := &sc.Programs[sc.ProgramIndex(p.Program)]
		days, mins := make([]int, sc.Weeks()), make([]int, sc.Weeks())
		for _, s := range p.Sessions {
			days[s.Week-1]++
			mins[s.Week-1] += s.Time.Minutes()
		}
		for w := range days {
			if days[w] < max(prog.MinDays, 1) || mins[w] < prog.MinMinutes {
				t.Fatalf("plan %d week %d: %d days, %d min; the program needs %d and %d", k, w+1, days[w], mins[w], prog.MinDays, prog.MinMinutes)
			}
		}
	}
}
