package planner

import (
	"fmt"
	"math/rand"
	"sort"
	"testing"
)

// bruteSolve is the reference: for every program group and week it tries
// every set of sessions (at most one a day) and every bend of every shift in
// 5-minute steps, keeps the cheapest bends of each set, then tries every
// combination of weeks and sorts all plans by the full order.
func bruteSolve(sc *Scenario, top int) []Plan {
	m := compile(sc)
	var all []Plan
	for pi := range sc.Programs {
		p := &sc.Programs[pi]
		for gi, tracks := range groups(p) {
			weeks := make([][]weekOpt, m.weeks)
			ok := true
			for w := 0; w < m.weeks; w++ {
				weeks[w] = m.bruteWeek(pi, tracks, w)
				if len(weeks[w]) == 0 {
					ok = false
				}
			}
			if !ok {
				continue
			}
			idx := make([]int, m.weeks)
			var rec func(w int)
			rec = func(w int) {
				if w == m.weeks {
					all = append(all, m.makePlan(pi, gi, tracks, weeks, append([]int(nil), idx...)))
					return
				}
				for i := range weeks[w] {
					idx[w] = i
					rec(w + 1)
				}
			}
			rec(0)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].less(&all[j]) })
	if len(all) > top {
		all = all[:top]
	}
	return all
}

func (m *model) bruteWeek(pi int, tracks []int, w int) []weekOpt {
	p := &m.sc.Programs[pi]
	insts := m.instances(pi, tracks, w)
	var opts []weekOpt
	n := len(insts)
	for mask := 1; mask < 1<<n; mask++ {
		var sel []sinst
		days := DaySet(0)
		okDays := true
		mins := 0
		for i := 0; i < n; i++ {
			if mask&(1<<i) == 0 {
				continue
			}
			if days.Has(insts[i].day) {
				okDays = false
				break
			}
			days = days.With(insts[i].day)
			sel = append(sel, insts[i])
			mins += insts[i].end - insts[i].start
		}
		if !okDays || len(sel) < max(p.MinDays, 1) || mins < p.MinMinutes {
			continue
		}
		if o, ok := m.bruteBends(sel, p, mins); ok {
			opts = append(opts, o)
		}
	}
	sort.SliceStable(opts, func(i, j int) bool { return cmpInts(opts[i].order, opts[j].order) < 0 })
	return opts
}

func flexSteps(earlier, later int) []int {
	var out []int
	for d := -(earlier / 5 * 5); d <= later; d += 5 {
		out = append(out, d)
	}
	return out
}

func (m *model) bruteBends(sel []sinst, p *Program, mins int) (weekOpt, bool) {
	bends := make([]bend, len(m.items))
	var best weekOpt
	found := false
	var rec func(i int)
	rec = func(i int) {
		if i == len(m.items) {
			out := m.eval(sel, bends, modeSolve)
			if !out.ok {
				return
			}
			key := rankKey{out.unpaid, out.moved, out.travel - m.base, mins - p.MinMinutes, out.latestHome}
			if !found || key.cmp(best.key) < 0 {
				found = true
				best = weekOpt{sel: append([]sinst(nil), sel...), bends: append([]bend(nil), bends...), key: key}
			}
			return
		}
		it := &m.items[i]
		if it.kind != kShift {
			rec(i + 1)
			return
		}
		for _, ds := range flexSteps(it.flex.StartEarlier, it.flex.StartLater) {
			for _, de := range flexSteps(it.flex.EndEarlier, it.flex.EndLater) {
				bends[i] = bend{ds, de}
				rec(i + 1)
			}
		}
		bends[i] = bend{}
	}
	rec(0)
	if found {
		best.order = []int{best.key.unpaid, best.key.moved, best.key.travel, best.key.extra, best.key.home, len(sel)}
		for _, s := range sel {
			best.order = append(best.order, s.start, s.end, s.track)
		}
	}
	return best, found
}

// randomScenario builds a small scenario whose brute force stays cheap.
func randomScenario(r *rand.Rand) *Scenario {
	for {
		sc := randomScenarioOnce(r)
		m := compile(sc)
		combos := 1
		for _, it := range m.items {
			if it.kind == kShift {
				combos *= len(flexSteps(it.flex.StartEarlier, it.flex.StartLater)) * len(flexSteps(it.flex.EndEarlier, it.flex.EndLater))
			}
		}
		if combos <= 2500 {
			return sc
		}
	}
}

func randomScenarioOnce(r *rand.Rand) *Scenario {
	q := func(lo, hi int) int { return lo + r.Intn(hi-lo+1) }
	clock := func(minLen, maxLen int) Clock {
		start := q(0, 95) * 15
		length := q(minLen/15, maxLen/15) * 15
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
		sc.RushHours = append(sc.RushHours, Rush{Days: days(3), Time: clock(60, 240), Factor: []float64{1.2, 1.5, 1.8}[r.Intn(3)]})
	}
	flex := func() int { return []int{0, 0, 5, 10, 15, 20, 30}[r.Intn(7)] }
	for j := q(0, 1); j >= 0; j-- {
		job := Job{Name: fmt.Sprintf("Job%d", j), Place: "work", MaxUnpaid: []int{0, 10, 30, 120}[r.Intn(4)],
			Flex: Flex{flex(), flex(), flex(), flex()}}
		for k := q(1, 2); k > 0; k-- {
			sp := Span{Days: days(q(1, 2)), Time: clock(120, 600)}
			if sc.CycleWeeks == 2 && r.Intn(2) == 0 {
				sp.Weeks = []int{1 + r.Intn(2)}
			}
			job.Shifts = append(job.Shifts, sp)
		}
		sc.Jobs = append(sc.Jobs, job)
	}
	if r.Intn(2) == 0 {
		place := []string{"", Home, "work"}[r.Intn(3)]
		sc.Commitments = append(sc.Commitments, Commitment{Name: "Duty", Span: Span{Days: days(2), Time: clock(30, 90)}, Place: place})
		if r.Intn(2) == 0 {
			sc.Support = append(sc.Support, Support{Name: "Helper", Span: Span{Days: days(3), Time: clock(120, 480)}, Covers: []string{"Duty"}})
		}
	}
	if r.Intn(2) == 0 {
		sc.Sleep = append(sc.Sleep, Span{Days: AllDays, Time: Clock{Start: q(21, 23) * 60, End: q(5, 7) * 60}})
	}
	for pi := q(1, 2); pi > 0; pi-- {
		p := Program{ID: fmt.Sprintf("p%d", pi), Name: fmt.Sprintf("Program %d", pi), Place: "clinic", Modality: InPerson,
			MinDays: q(1, 2), MinMinutes: q(0, 4) * 60, MixTracks: r.Intn(2) == 0}
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
				c := clock(60, 180)
				if len(sc.Jobs) > 0 && r.Intn(3) > 0 {
					// near a shift's edge, where bending matters
					sh := sc.Jobs[0].Shifts[0]
					length := q(4, 12) * 15
					if r.Intn(2) == 0 {
						start := mod(sh.Time.End+q(-6, 6)*5, MinutesPerDay)
						c = Clock{Start: start, End: (start+length-1)%MinutesPerDay + 1}
					} else {
						end := mod(sh.Time.Start+q(-6, 6)*5, MinutesPerDay)
						start := mod(end-length, MinutesPerDay)
						c = Clock{Start: start, End: (start+length-1)%MinutesPerDay + 1}
					}
					tr.Sessions = append(tr.Sessions, Span{Days: sh.Days | days(1), Time: c})
					continue
				}
				tr.Sessions = append(tr.Sessions, Span{Days: days(q(1, 2)), Time: c})
			}
			p.Tracks = append(p.Tracks, tr)
		}
		sc.Programs = append(sc.Programs, p)
	}
	return sc
}

func planSig(p *Plan) string {
	return fmt.Sprintf("%s/%s %v unpaid=%d moved=%d travel=%d extra=%d home=%d",
		p.Program, p.Track, p.Sessions, p.UnpaidMinutes, p.MovedMinutes, p.TravelMinutes, p.ExtraMinutes, p.LatestHome)
}

// TestSolveMatchesBruteForce checks the solver against the reference on many
// random small scenarios: the same plans, in the same order, with the same costs.
func TestSolveMatchesBruteForce(t *testing.T) {
	n := 1500
	if testing.Short() {
		n = 200
	}
	r := rand.New(rand.NewSource(7))
	compared := 0
	for i := 0; i < n; i++ {
		sc := randomScenario(r)
		top := 1 + r.Intn(8)
		res, err := Solve(sc, Options{Top: top})
		if err != nil {
			t.Fatalf("scenario %d: %v", i, err)
		}
		want := bruteSolve(sc, top)
		if len(res.Plans) != len(want) {
			data, _ := MarshalScenario(sc)
			t.Fatalf("scenario %d: solver found %d plans, brute force %d\n%s\nsolver: %v\nbrute: %v", i, len(res.Plans), len(want), data, sigs(res.Plans), sigs(want))
		}
		for k := range want {
			if planSig(&res.Plans[k]) != planSig(&want[k]) {
				data, _ := MarshalScenario(sc)
				t.Fatalf("scenario %d plan %d:\nsolver: %s\nbrute:  %s\n%s", i, k, planSig(&res.Plans[k]), planSig(&want[k]), data)
			}
		}
		if len(want) > 0 {
			compared++
		}
	}
	if compared < n/5 {
		t.Fatalf("only %d of %d random scenarios had a plan; the generator is too strict", compared, n)
	}
}

func sigs(ps []Plan) []string {
	var out []string
	for i := range ps {
		out = append(out, planSig(&ps[i]))
	}
	return out
}
