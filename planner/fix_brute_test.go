package planner

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"testing"
)

// tinyWeek is a random small week for the fix search's reference: one job
// on two or three days, perhaps a duty and a helper, one program whose
// sessions sit near the shifts.
func tinyWeek(r *rand.Rand) *Scenario {
	q := func(lo, hi int) int { return lo + r.Intn(hi-lo+1) }
	clock := func(start, length int) Clock {
		start = mod(start, MinutesPerDay)
		return Clock{Start: start, End: (start+length-1)%MinutesPerDay + 1}
	}
	days := func(k int) DaySet {
		var s DaySet
		for s.Count() < k {
			s = s.With(Day(r.Intn(5)))
		}
		return s
	}
	sc := &Scenario{Version: 1, Name: "tiny", ArriveEarly: []int{0, 10}[r.Intn(2)], CycleWeeks: 1}
	if r.Intn(4) == 0 {
		sc.CycleWeeks = 2
	}
	sc.Places = []Place{{Home, "Home"}, {"work", "Work"}, {"clinic", "Clinic"}}
	sc.Travel = []Leg{{From: Home, To: "work", Minutes: q(1, 6) * 5}, {From: Home, To: "clinic", Minutes: q(1, 6) * 5}, {From: "work", To: "clinic", Minutes: q(1, 6) * 5}}
	if r.Intn(2) == 0 {
		sc.RushHours = []Rush{{Days: AllDays, Time: Clock{Start: 16 * 60, End: 18 * 60}, Factor: 1.5}}
	}
	flex := func() int { return []int{0, 10, 30, 60}[r.Intn(4)] }
	shift := Span{Days: days(q(2, 3)), Time: clock(q(28, 40)*15, q(16, 36)*15)}
	if sc.CycleWeeks == 2 {
		shift.Days = days(q(1, 2))
	}
	sc.Jobs = []Job{{Name: "Job", Place: "work", Shifts: []Span{shift}, MaxUnpaid: []int{0, 20, 45}[r.Intn(3)], Flex: Flex{flex(), flex(), flex(), []int{0, 30, 60, 90}[r.Intn(4)]}}}
	if r.Intn(2) == 0 {
		sc.Sleep = []Span{{Days: AllDays, Time: Clock{Start: 23 * 60, End: 6 * 60}}}
	}
	p := Program{ID: "p", Name: "Program", Place: "clinic", Modality: InPerson, MinDays: q(1, 2), MinMinutes: q(0, 4) * 60, MixTracks: r.Intn(3) == 0}
	for t := q(1, 2); t > 0; t-- {
		length := q(8, 12) * 15
		var c Clock
		switch r.Intn(3) {
		case 0:
			c = clock(shift.Time.Start+shift.Time.Minutes()+q(-6, 4)*5, length)
		case 1:
			c = clock(shift.Time.Start-q(-4, 6)*5-length, length)
		default:
			c = clock(shift.Time.Start+q(0, 8)*15, length)
		}
		p.Tracks = append(p.Tracks, Track{Name: fmt.Sprintf("T%d", t), Sessions: []Span{{Days: days(q(2, 3)), Time: c}}})
	}
	sc.Programs = []Program{p}
	if r.Intn(2) == 0 {
		// a duty that meets a track's sessions, perhaps with a helper
		at := p.Tracks[0].Sessions[0]
		place := []string{"", Home}[r.Intn(2)]
		sc.Commitments = []Commitment{{Name: "Duty", Span: Span{Days: at.Days, Time: clock(at.Time.Start+q(-4, 8)*15, q(2, 4)*15)}, Place: place}}
		if r.Intn(2) == 0 {
			sc.Support = []Support{{Name: "Helper", Span: Span{Days: days(2), Time: clock(at.Time.Start+q(-4, 4)*15, q(2, 8)*15)}, Covers: []string{"Duty"}}}
		}
	}
	return sc
}

// applyAsksForTest is the reference's own applier: the listed shift
// occurrences off, covers on the listed days, and a raise of the job's budget.
func applyAsksForTest(sc *Scenario, offs []WeekDay, covers []coverDay, raise int) *Scenario {
	out := sc.Clone()
	out.Jobs[0].MaxUnpaid += raise
	var shifts []Span
	for _, sp := range out.Jobs[0].Shifts {
		for w := 1; w <= sc.Weeks(); w++ {
			if !sp.InWeek(w) {
				continue
			}
			keep := sp.Days
			for _, o := range offs {
				if o.Week == w && keep.Has(o.Day) {
					keep &^= 1 << uint(o.Day)
				}
			}
			if keep != 0 {
				shifts = append(shifts, Span{Days: keep, Time: sp.Time, Weeks: []int{w}})
			}
		}
	}
	out.Jobs[0].Shifts = shifts
	for _, c := range covers {
		com := sc.Commitments[c.com]
		out.Support = append(out.Support, Support{Name: c.party, Covers: []string{com.Name}, Span: Span{Days: DaySet(0).With(c.at.Day), Time: com.Span.Time, Weeks: []int{c.at.Week}}})
	}
	return out
}

// bruteWork is how many weeks bruteFix solves for sc.
func bruteWork(sc *Scenario) int {
	return (1 << len(offDays(sc))) * (1 << len(coverDays(compile(sc)))) * (max(raiseUpper(sc, 0), 0)/5 + 1)
}

// fixCost is what ranks a fix: asks, then unpaid, then moved minutes.
type fixCost struct{ asks, unpaid, moved int }

// bruteFix tries every set of shift days off, every set of cover days and
// every raise of the budget in 5-minute steps, solves each week, and returns
// the least cost of a plan of track (program p) with at most maxAsks asks.
func bruteFix(sc *Scenario, track string, maxAsks int) (fixCost, bool) {
	occ := offDays(sc)
	covers := coverDays(compile(sc))
	up := max(raiseUpper(sc, 0), 0)
	best, found := fixCost{}, false
	for om := 0; om < 1<<len(occ); om++ {
		var offs []WeekDay
		lost := 0
		for i, o := range occ {
			if om&(1<<i) != 0 {
				offs = append(offs, o.at)
				lost += o.from.Minutes()
			}
		}
		for cm := 0; cm < 1<<len(covers); cm++ {
			var cs []coverDay
			parties := map[string]bool{}
			for i, c := range covers {
				if cm&(1<<i) != 0 {
					cs = append(cs, c)
					parties[c.party] = true
				}
			}
			for raise := 0; raise <= up; raise += 5 {
				asks := len(parties)
				if len(offs) > 0 {
					asks++
				}
				if raise > 0 {
					asks++
				}
				if asks == 0 || asks > maxAsks {
					continue
				}
				res, err := Solve(applyAsksForTest(sc, offs, cs, raise), Options{Top: 50})
				if err != nil {
					panic(err)
				}
				for _, p := range res.Plans {
					if p.Track != track && !(track == MixedTrack) {
						continue
					}
					c := fixCost{asks, p.UnpaidMinutes + lost, p.MovedMinutes}
					if !found || less3(c, best) {
						best, found = c, true
					}
				}
			}
		}
	}
	return best, found
}

func less3(a, b fixCost) bool {
	if a.asks != b.asks {
		return a.asks < b.asks
	}
	if a.unpaid != b.unpaid {
		return a.unpaid < b.unpaid
	}
	return a.moved < b.moved
}

// TestFixesMatchBruteForce checks the fix search against the reference on
// many random tiny weeks: the same least number of asks, unpaid and moved
// minutes, and every fix, applied by the reference's own applier, fits with
// the figures it claims. A fix with new shift times must be no worse than
// the reference's best, which has none.
func TestFixesMatchBruteForce(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 80
	}
	seed := int64(12)
	if s := os.Getenv("WEEKFIT_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	r := rand.New(rand.NewSource(seed))
	withFix, kinds := 0, map[AskKind]int{}
	for i := 0; i < n; i++ {
		sc := tinyWeek(r)
		if bruteWork(sc) > 400 {
			i--
			continue
		}
		maxAsks := 1 + r.Intn(3)
		res, err := Solve(sc, Options{Fixes: true, MaxAsks: maxAsks})
		if err != nil {
			t.Fatal(err)
		}
		for _, rj := range res.Rejected {
			want, ok := bruteFix(soloTrack(sc, rj.Track), rj.Track, maxAsks)
			data, _ := MarshalScenario(sc)
			if !ok {
				if len(rj.Fixes) != 0 || rj.FixNote == "" {
					t.Fatalf("week %d track %s: the reference finds no fix within %d asks, the search gives %+v (note %q)\n%s", i, rj.Track, maxAsks, rj.Fixes, rj.FixNote, data)
				}
				continue
			}
			if len(rj.Fixes) == 0 {
				t.Fatalf("week %d track %s: the reference finds %+v, the search none (%q)\n%s", i, rj.Track, want, rj.FixNote, data)
			}
			withFix++
			for k, f := range rj.Fixes {
				got := fixCost{len(f.Asks), f.Plan.UnpaidMinutes, f.Plan.MovedMinutes}
				if hasChange(f) {
					// the reference tries days off only; new times may do better
					if less3(want, got) {
						t.Fatalf("week %d track %s fix %d: search %+v, worse than the reference's %+v\n%+v\n%s", i, rj.Track, k, got, want, f.Asks, data)
					}
					kinds[AskShift]++
					continue
				}
				if got != want {
					t.Fatalf("week %d track %s fix %d: search %+v, reference %+v\n%+v\n%s", i, rj.Track, k, got, want, f.Asks, data)
				}
				checkFixFits(t, sc, rj.Track, f)
				for _, a := range f.Asks {
					kinds[a.Kind]++
				}
			}
		}
	}
	// a raise seldom wins now that a shift may move beyond its flex to keep
	// its pay; TestFixRules has a week where it does
	if withFix < n/10 || kinds[AskShift] == 0 || kinds[AskCover] == 0 {
		t.Fatalf("the generator does not exercise the search: %d tracks with fixes, asks by kind %v", withFix, kinds)
	}
	t.Logf("%d tracks with fixes; asks by kind %v", withFix, kinds)
}

// hasChange reports whether a fix asks for a shift at new times, which
// bruteFix does not try (TestShiftChangesMatchBruteForce checks those).
func hasChange(f Fix) bool {
	for _, a := range f.Asks {
		if a.Kind == AskShift && !a.Off {
			return true
		}
	}
	return false
}

// soloTrack keeps only the named track (or every track, for MixedTrack).
func soloTrack(sc *Scenario, track string) *Scenario {
	out := sc.Clone()
	if track == MixedTrack {
		return out
	}
	for _, t := range sc.Programs[0].Tracks {
		if t.Name == track {
			out.Programs[0].Tracks = []Track{t}
		}
	}
	return out
}

// checkFixFits applies a fix's asks with the reference's applier and checks
// that the track then has a plan with the fix's figures.
func checkFixFits(t *testing.T, sc *Scenario, track string, f Fix) {
	t.Helper()
	var offs []WeekDay
	var covers []coverDay
	raise, lost := 0, 0
	for _, a := range f.Asks {
		switch a.Kind {
		case AskShift:
			offs = append(offs, a.Days...)
			lost += a.MinutesLost
		case AskUnpaid:
			raise += a.Minutes
		case AskCover:
			for _, d := range a.Days {
				covers = append(covers, coverDay{com: 0, at: d, party: a.Party})
			}
		}
	}
	res, err := Solve(applyAsksForTest(soloTrack(sc, track), offs, covers, raise), Options{Top: 1})
	if err != nil || len(res.Plans) == 0 {
		t.Fatalf("fix %+v: no plan with its asks applied", f.Asks)
	}
	p := res.Plans[0]
	if p.UnpaidMinutes+lost != f.Plan.UnpaidMinutes || p.MovedMinutes != f.Plan.MovedMinutes {
		t.Fatalf("fix %+v: with its asks the plan loses %d and moves %d minutes; the fix says %d and %d", f.Asks, p.UnpaidMinutes+lost, p.MovedMinutes, f.Plan.UnpaidMinutes, f.Plan.MovedMinutes)
	}
	// and so does part B's applier, which the what-if screens use
	applied, err := ApplyAsks(soloTrack(sc, track), f.Asks)
	if err != nil {
		t.Fatalf("fix %+v: ApplyAsks: %v", f.Asks, err)
	}
	res, err = Solve(applied, Options{Top: 1})
	if err != nil || len(res.Plans) == 0 {
		t.Fatalf("fix %+v: no plan with its asks applied by ApplyAsks", f.Asks)
	}
	if p := res.Plans[0]; p.UnpaidMinutes+lost != f.Plan.UnpaidMinutes || p.MovedMinutes != f.Plan.MovedMinutes {
		t.Fatalf("fix %+v: with ApplyAsks the plan loses %d and moves %d minutes; the fix says %d and %d", f.Asks, p.UnpaidMinutes+lost, p.MovedMinutes, f.Plan.UnpaidMinutes, f.Plan.MovedMinutes)
	}
}
