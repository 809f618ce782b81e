package planner

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"testing"
)

// TestPreferencesMatchBruteForce checks the ranking by preferences against
// every plan of small random weeks: the brute force finds every plan that
// fits (every choice of sessions, every bend), scores each with its best
// bends, and sorts by score and then the default order; the solver's top N
// must be the same plans with the same scores. A week in which two bends of
// one choice tie on the default order but not on the score is skipped: which
// of the tied bends a plan shows is not part of the contract.
func TestPreferencesMatchBruteForce(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 100
	}
	seed := int64(13)
	if s := os.Getenv("WEEKFIT_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	r := rand.New(rand.NewSource(seed))
	compared, reordered, skipped := 0, 0, 0
	for i := 0; i < n; i++ {
		sc := randomScenario(r)
		for k := range 5 {
			if r.Intn(2) == 0 {
				sc.Preferences = sc.Preferences.WithWeight(k, r.Intn(MaxWeight+1))
			}
		}
		if sc.Preferences.None() {
			sc.Preferences.HomeEarly = 1
		}
		top := 1 + r.Intn(6)
		res, err := Solve(sc, Options{Top: top})
		if err != nil {
			t.Fatal(err)
		}
		all := bruteSolve(sc, 1<<30)
		ck := newChecker(compile(sc))
		type scored struct {
			id    string
			score int
			key   rankKey
		}
		var want []scored
		byID := map[string]scored{}
		for _, e := range all {
			p := planOfBrute(sc, e)
			p.SetChecks(ck.check(&p))
			s := scored{fmt.Sprintf("g%d %v", e.gi, e.tie), PreferenceScore(sc.Preferences, &p), e.key}
			want = append(want, s)
			byID[s.id] = s
		}
		sort.SliceStable(want, func(a, b int) bool { return want[a].score < want[b].score })
		if len(want) > top {
			want = want[:top]
		}
		got := make([]scored, len(res.Plans))
		tied := false
		for k := range res.Plans {
			p := &res.Plans[k]
			got[k] = scored{fmt.Sprintf("g%d %v", p.groupIdx, p.tie), PreferenceScore(sc.Preferences, p), p.key}
			if b, ok := byID[got[k].id]; ok && b.score != got[k].score && b.key.cmp(p.key) == 0 {
				tied = true
			}
		}
		if tied {
			skipped++
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			data, _ := MarshalScenario(sc)
			t.Fatalf("week %d (top %d, preferences %+v):\nsolver: %v\nbrute:  %v\n%s", i, top, sc.Preferences, got, want, data)
		}
		if len(want) > 0 {
			compared++
		}
		def, _ := Solve(withoutPreferences(sc), Options{Top: top})
		if len(def.Plans) > 0 && len(res.Plans) > 0 && (def.Plans[0].groupIdx != res.Plans[0].groupIdx || fmt.Sprint(def.Plans[0].tie) != fmt.Sprint(res.Plans[0].tie)) {
			reordered++
		}
	}
	if compared < n/4 || reordered == 0 || skipped > n/10 {
		t.Fatalf("compared %d of %d weeks (%d skipped for tied bends), %d ranked another plan first: the weeks do not exercise the ranking", compared, n, skipped, reordered)
	}
	t.Logf("compared %d of %d weeks (%d skipped for tied bends); preferences put another plan first in %d", compared, n, skipped, reordered)
}

func withoutPreferences(sc *Scenario) *Scenario {
	c := sc.Clone()
	c.Preferences = Preferences{}
	return c
}

// planOfBrute turns a plan of the brute force into a Plan with its sessions,
// bends and latest return home.
func planOfBrute(sc *Scenario, e exPlanG) Plan {
	g := groupsOf(sc, Options{})[e.gi]
	pr := &sc.Programs[g.prog]
	p := Plan{Program: pr.ID, ProgramName: pr.Name, LatestHome: e.key.latest, bends: e.bends}
	if e.cov != nil {
		p.cov, p.Covered = e.cov, compile(sc).covered(e.cov)
	}
	for _, it := range e.sel {
		p.Sessions = append(p.Sessions, Session{Week: it.week + 1, Day: it.day, Time: it.clock, Track: pr.Tracks[it.track].Name})
	}
	return p
}

// TestPreferencesChecksStopAtBudget: ranking by preferences checks every
// plan found, within the solve's budget; when it runs out, the plans not
// checked are left out and the result says it is incomplete.
func TestPreferencesChecksStopAtBudget(t *testing.T) {
	sc := mustParse(t, baseScenario)
	res, err := Solve(sc, Options{Top: 1})
	if err != nil || len(res.Plans) == 0 {
		t.Fatalf("%v %+v", err, res)
	}
	many := &Result{Plans: make([]Plan, 200)}
	for i := range many.Plans {
		many.Plans[i] = res.Plans[0]
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	checkFound(compile(sc), many, true, ctx)
	if len(many.Plans) != 63 || !many.More || many.Incomplete != IncompleteSentence || !many.Plans[62].Checked {
		t.Fatalf("%d plans, more %v, %q", len(many.Plans), many.More, many.Incomplete)
	}
	few := &Result{Plans: append([]Plan(nil), many.Plans[:3]...)}
	checkFound(compile(sc), few, false, ctx)
	if len(few.Plans) != 3 || few.Incomplete != "" {
		t.Fatalf("without preferences every plan is checked whatever the budget: %d, %q", len(few.Plans), few.Incomplete)
	}
}
