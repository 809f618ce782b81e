package planner

import (
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"testing"
)

// bruteSolve is the reference: for every group it tries every choice of
// sessions and every bend of every shift through the whole-cycle walk, then
// ranks all plans by the full order.
func bruteSolve(sc *Scenario, top int) []exPlanG {
	m := compile(sc)
	var all []exPlanG
	id := len(m.items)
	for gi, g := range groupsOf(sc, Options{}) {
		c := m.candidates(g.prog, g.tracks, id)
		id += len(c)
		found, ok := m.exhaustive(&sc.Programs[g.prog], c, func(int, Day) bool { return false }, 1<<40)
		if !ok {
			panic("limit")
		}
		for _, e := range found {
			all = append(all, exPlanG{e, gi})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if c := all[i].key.cmp(all[j].key); c != 0 {
			return c < 0
		}
		if all[i].gi != all[j].gi {
			return all[i].gi < all[j].gi
		}
		return cmpInts(all[i].tie, all[j].tie) < 0
	})
	if len(all) > top {
		all = all[:top]
	}
	return all
}

type exPlanG struct {
	exPlan
	gi int
}

// work estimates the brute force's evaluations, to keep random cases cheap.
func work(sc *Scenario) int {
	m := compile(sc)
	n := 1
	for _, it := range m.items {
		n *= len(it.ds) * len(it.de)
		if it.cover > 0 {
			n *= 2 // the plan may use the cover or not
		}
	}
	sel := 1
	for _, p := range sc.Programs {
		for _, t := range p.Tracks {
			for _, s := range t.Sessions {
				sel *= 1 + s.Days.Count()*sc.Weeks()
			}
		}
	}
	return n * sel
}

func randomScenario(r *rand.Rand) *Scenario {
	for {
		sc := randomScenarioOnce(r)
		if work(sc) <= 60000 {
			return sc
		}
	}
}

func randomScenarioOnce(r *rand.Rand) *Scenario {
	q := func(lo, hi int) int { return lo + r.Intn(hi-lo+1) }
	clock := func(start, length int) Clock {
		start = mod(start, MinutesPerDay)
		return Clock{Start: start, End: (start+length-1)%MinutesPerDay + 1}
	}
	days := func(k int) DaySet {
		var s DaySet
		for i := 0; i < k; i++ {
			s = s.With(Day(r.Intn(7)))
		}
		return s
	}
	sc := &Scenario{Version: 1, Name: "random", ArriveEarly: []int{0, 10, 15}[r.Intn(3)], CycleWeeks: 1 + r.Intn(2)}
	sc.Places = []Place{{Home, "Home"}, {"work", "Work"}, {"clinic", "Clinic"}}
	sc.Travel = []Leg{{From: Home, To: "work", Minutes: q(5, 40)}, {From: Home, To: "clinic", Minutes: q(5, 40)}}
	if r.Intn(3) > 0 {
		sc.Travel = append(sc.Travel, Leg{From: "work", To: "clinic", Minutes: q(5, 40), OneWay: r.Intn(4) == 0})
	}
	for i := r.Intn(3); i > 0; i-- {
		sc.RushHours = append(sc.RushHours, Rush{Days: days(3), Time: clock(q(0, 95)*15, q(4, 16)*15), Factor: []float64{1.2, 1.5, 1.8}[r.Intn(3)]})
	}
	flex := func() int { return []int{0, 5, 10, 20, 30}[r.Intn(5)] }
	for j := q(0, 1); j >= 0; j-- {
		job := Job{Name: fmt.Sprintf("Job%d", j), Place: "work", MaxUnpaid: []int{0, 20, 45, 240}[r.Intn(4)], Flex: Flex{flex(), flex(), flex(), flex()}}
		sp := Span{Days: days(1), Time: clock(q(0, 95)*15, q(8, 40)*15)}
		if sc.CycleWeeks == 2 && r.Intn(2) == 0 {
			sp.Weeks = []int{1 + r.Intn(2)}
		}
		job.Shifts = append(job.Shifts, sp)
		sc.Jobs = append(sc.Jobs, job)
	}
	if r.Intn(2) == 0 {
		place := []string{"", Home, "work"}[r.Intn(3)]
		sc.Commitments = append(sc.Commitments, Commitment{Name: "Duty", Span: Span{Days: days(2), Time: clock(q(0, 95)*15, q(2, 6)*15)}, Place: place})
		if r.Intn(3) > 0 {
			h := clock(q(0, 95)*15, q(8, 32)*15)
			if r.Intn(2) == 0 {
				// a helper whose hours hold the duty, on some days
				dt := sc.Commitments[0].Span.Time
				h = clock(dt.Start-q(0, 4)*15, dt.Minutes()+q(4, 8)*15)
			}
			sc.Support = append(sc.Support, Support{Name: "Helper", Span: Span{Days: days(3), Time: h}, Covers: []string{"Duty"}})
		}
	}
	if r.Intn(2) == 0 {
		sc.Sleep = append(sc.Sleep, Span{Days: AllDays, Time: Clock{Start: q(21, 23) * 60, End: q(5, 7) * 60}})
	}
	for pi := q(1, 2); pi > 0; pi-- {
		p := Program{ID: fmt.Sprintf("p%d", pi), Name: fmt.Sprintf("Program %d", pi), Place: "clinic", Modality: InPerson,
			MinDays: q(0, 2), MinMinutes: q(0, 3) * 60, MixTracks: r.Intn(2) == 0}
		if r.Intn(4) == 0 {
			p.Modality, p.Place = Virtual, ""
		}
		if r.Intn(3) == 0 {
			e := q(0, 20)
			p.ArriveEarly = &e
		}
		for t := q(1, 2); t > 0; t-- {
			tr := Track{Name: fmt.Sprintf("T%d", t)}
			for k := q(1, 2); k > 0; k-- {
				length := q(4, 12) * 15
				c := clock(q(0, 95)*15, length)
				d := days(1)
				if len(sc.Jobs) > 0 && r.Intn(3) > 0 {
					sh := sc.Jobs[r.Intn(len(sc.Jobs))].Shifts[0]
					if r.Intn(2) == 0 {
						c = clock(sh.Time.Start+sh.Time.Minutes()+q(-2, 10)*5, length)
					} else {
						c = clock(sh.Time.Start-q(-2, 10)*5-length, length)
					}
					d = sh.Days
				} else if len(sc.Support) > 0 && r.Intn(2) == 0 {
					// over the duty or close to it, on its days and others:
					// a cover is needed on some days and not on others
					dt := sc.Commitments[0].Span
					c, d = clock(dt.Time.Start+q(-10, 2)*15, length), dt.Days|days(1)
				}
				tr.Sessions = append(tr.Sessions, Span{Days: d, Time: c})
			}
			p.Tracks = append(p.Tracks, tr)
		}
		sc.Programs = append(sc.Programs, p)
	}
	return sc
}

// TestSolveMatchesBruteForce checks the solver against the reference on many
// random small scenarios: the same plans, in the same order, with the same costs.
func TestSolveMatchesBruteForce(t *testing.T) {
	n := 600
	if testing.Short() {
		n = 150
	}
	seed := int64(7)
	if s := os.Getenv("WEEKFIT_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	r := rand.New(rand.NewSource(seed))
	compared, bent, mixed, rejected, covered, spared := 0, 0, 0, 0, 0, 0
	for i := 0; i < n; i++ {
		sc := randomScenario(r)
		top := 1 + r.Intn(6)
		res, err := Solve(sc, Options{Top: top})
		if err != nil {
			t.Fatalf("scenario %d: %v", i, err)
		}
		want := bruteSolve(sc, top)
		got := make([]string, len(res.Plans))
		for k := range res.Plans {
			p := &res.Plans[k]
			got[k] = fmt.Sprintf("g%d %v %v", p.groupIdx, p.key, p.tie)
		}
		exp := make([]string, len(want))
		for k := range want {
			exp[k] = fmt.Sprintf("g%d %v %v", want[k].gi, want[k].key, want[k].tie)
		}
		if fmt.Sprint(got) != fmt.Sprint(exp) {
			data, _ := MarshalScenario(sc)
			t.Fatalf("scenario %d (top %d):\nsolver: %v\nbrute:  %v\n%s", i, top, got, exp, data)
		}
		for k := range res.Plans {
			m := compile(sc)
			cov := m.allCovers(false)
			m.coversFromPlan(res.Plans[k].Covered, cov)
			tl := m.evaluateCov(m.planItems(&res.Plans[k]), res.Plans[k].bends, cov, false)
			if !tl.ok || tl.travel != res.Plans[k].TravelMinutes {
				t.Fatalf("scenario %d plan %d: re-walk ok=%v travel %d, plan says %d", i, k, tl.ok, tl.travel, res.Plans[k].TravelMinutes)
			}
			if fmt.Sprint(m.covered(tl.used)) != fmt.Sprint(res.Plans[k].Covered) {
				t.Fatalf("scenario %d plan %d: the plan lists covers %v, of which the walk needs %v", i, k, res.Plans[k].Covered, m.covered(tl.used))
			}
			switch {
			case len(res.Plans[k].Covered) > 0:
				covered++
			case len(m.covers) > 0:
				spared++
			}
		}
		if len(want) > 0 {
			compared++
		}
		for k := range res.Plans {
			if len(res.Plans[k].ShiftChanges) > 0 {
				bent++
			}
			if res.Plans[k].Track == MixedTrack {
				mixed++
			}
		}
		rejected += len(res.Rejected)
	}
	if bent < n/20 || mixed == 0 || rejected == 0 || covered == 0 || spared == 0 {
		t.Fatalf("the generator does not exercise the solver: %d plans with bends, %d mixed, %d rejections, %d using covers, %d that could and do not",
			bent, mixed, rejected, covered, spared)
	}
	if compared < n/4 {
		t.Fatalf("only %d of %d random scenarios had a plan; the generator is too strict", compared, n)
	}
	t.Logf("%d of %d scenarios had plans; %d plans bend shifts, %d mix tracks, %d use covers, %d could and do not; %d rejections",
		compared, n, bent, mixed, covered, spared, rejected)
}
