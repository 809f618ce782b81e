package planner

import (
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"testing"
)

// shiftWeek is a random small week for the shift-change reference: one job
// with one or two shift days (in a rotation, one day in each of two weeks),
// sessions near the shift, perhaps rush hours and sleep.
func shiftWeek(r *rand.Rand) *Scenario {
	q := func(lo, hi int) int { return lo + r.Intn(hi-lo+1) }
	clock := func(start, length int) Clock {
		start = mod(start, MinutesPerDay)
		return Clock{Start: start, End: (start+length-1)%MinutesPerDay + 1}
	}
	sc := &Scenario{Version: 1, Name: "shift", ArriveEarly: []int{0, 10}[r.Intn(2)], CycleWeeks: 1}
	sc.Places = []Place{{Home, "Home"}, {"work", "Work"}, {"clinic", "Clinic"}}
	sc.Travel = []Leg{{From: Home, To: "work", Minutes: q(1, 6) * 5}, {From: Home, To: "clinic", Minutes: q(1, 6) * 5}, {From: "work", To: "clinic", Minutes: q(1, 6)*5 + q(0, 4)}}
	if r.Intn(2) == 0 {
		sc.RushHours = []Rush{{Days: AllDays, Time: Clock{Start: q(14, 17) * 60, End: q(18, 19) * 60}, Factor: 1.5}}
	}
	if r.Intn(2) == 0 {
		sc.Sleep = []Span{{Days: AllDays, Time: Clock{Start: q(21, 23) * 60, End: 6 * 60}}}
	}
	shift := Span{Time: clock(q(28, 40)*15+q(0, 2)*5, q(12, 36)*15)}
	switch r.Intn(3) {
	case 0:
		shift.Days = DaySet(0).With(Day(r.Intn(5)))
	case 1:
		shift.Days = DaySet(0).With(Mon).With(Day(2 + r.Intn(3)))
	default:
		sc.CycleWeeks = 2
		shift.Days = DaySet(0).With(Day(r.Intn(5)))
	}
	flex := func() int { return []int{0, 10, 30}[r.Intn(3)] }
	sc.Jobs = []Job{{Name: "Job", Place: "work", Shifts: []Span{shift}, MaxUnpaid: []int{0, 20}[r.Intn(2)], Flex: Flex{flex(), flex(), flex(), flex()}}}
	p := Program{ID: "p", Name: "Program", Place: "clinic", Modality: InPerson, MinDays: q(1, shift.Days.Count()), MixTracks: r.Intn(3) == 0}
	if sc.CycleWeeks == 2 {
		p.MinDays = 1
	}
	for t := q(1, 2); t > 0; t-- {
		length := q(4, 12) * 15
		var c Clock
		switch r.Intn(3) {
		case 0: // after the shift
			c = clock(shift.Time.Start+shift.Time.Minutes()+q(-16, 4)*15, length)
		case 1: // before it
			c = clock(shift.Time.Start-q(-12, 4)*15-length, length)
		default: // in it
			c = clock(shift.Time.Start+q(0, 12)*15, length)
		}
		p.Tracks = append(p.Tracks, Track{Name: fmt.Sprintf("T%d", t), Sessions: []Span{{Days: shift.Days, Time: c}}})
	}
	sc.Programs = []Program{p}
	return sc
}

// refChange is one way the reference changes the shift on some days: off,
// or new times start+ds to end+de.
type refChange struct {
	days       []WeekDay
	off        bool
	ds, de     int
	lost, move int
}

// refApply is the reference's own applier: the shift off on the listed
// days, or at its new times as a job of its own that cannot bend and loses
// no pay against the budget; and the budget raised.
func refApply(sc *Scenario, ch refChange, raise int) *Scenario {
	out := sc.Clone()
	out.Jobs[0].MaxUnpaid += raise
	from := sc.Jobs[0].Shifts[0]
	var shifts []Span
	for w := 1; w <= sc.Weeks(); w++ {
		keep := from.Days
		for _, d := range ch.days {
			if d.Week == w {
				keep &^= 1 << uint(d.Day)
			}
		}
		if keep != 0 {
			shifts = append(shifts, Span{Days: keep, Time: from.Time, Weeks: []int{w}})
		}
	}
	out.Jobs[0].Shifts = shifts
	if !ch.off {
		start := from.Time.Start + ch.ds
		length := from.Time.Minutes() + ch.de - ch.ds
		to := Clock{Start: start, End: (start+length-1)%MinutesPerDay + 1}
		for _, d := range ch.days {
			out.Jobs = append(out.Jobs, Job{Name: "Job", Place: "work", Shifts: []Span{{Days: DaySet(0).With(d.Day), Time: to, Weeks: []int{d.Week}}}})
		}
	}
	return out
}

// refChanges lists every change the reference tries: every non-empty set
// of the shift's days, off or at every time of the 5-minute grid within
// 4 hours of its own start and end that starts the same day, lasts an hour
// and leaves the flex; cheapest first.
func refChanges(sc *Scenario) []refChange {
	job := sc.Jobs[0]
	from := job.Shifts[0]
	var days []WeekDay
	for w := 1; w <= sc.Weeks(); w++ {
		for _, d := range from.Days.Days() {
			days = append(days, WeekDay{w, d})
		}
	}
	var out []refChange
	for mask := 1; mask < 1<<len(days); mask++ {
		var set []WeekDay
		for i, d := range days {
			if mask&(1<<i) != 0 {
				set = append(set, d)
			}
		}
		n := len(set)
		out = append(out, refChange{days: set, off: true, lost: n * from.Time.Minutes()})
		for ds := -240; ds <= 240; ds += 5 {
			for de := -240; de <= 240; de += 5 {
				length := from.Time.Minutes() + de - ds
				start := from.Time.Start + ds
				f := job.Flex
				inFlex := ds >= -f.StartEarlier && ds <= f.StartLater && de >= -f.EndEarlier && de <= f.EndLater
				if length < 60 || length >= MinutesPerDay || start < 0 || start >= MinutesPerDay || inFlex {
					continue
				}
				lost := max(0, from.Time.Minutes()-length)
				move := ds
				if move < 0 {
					move = -move
				}
				if de < 0 {
					move -= de
				} else {
					move += de
				}
				out = append(out, refChange{days: set, ds: ds, de: de, lost: n * lost, move: n * move})
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].lost != out[b].lost {
			return out[a].lost < out[b].lost
		}
		return out[a].move < out[b].move
	})
	return out
}

// refShiftFix returns the least cost of a plan of the week's track with one
// ask: a raise of the budget (5-minute steps), or one change of the shift.
func refShiftFix(sc *Scenario) (fixCost, bool) {
	base, err := Solve(sc, Options{Top: 1})
	if err != nil {
		panic(err)
	}
	best, found := fixCost{}, false
	try := func(w *Scenario, lost, move int) {
		res, err := Solve(w, Options{Top: 1})
		if err != nil {
			panic(err)
		}
		for _, x := range res.Warnings {
			if !containsStr(base.Warnings, x) {
				return // the changed shift overlaps, or makes unreachable, something else
			}
		}
		if len(res.Plans) > 0 {
			c := fixCost{1, res.Plans[0].UnpaidMinutes + lost, res.Plans[0].MovedMinutes + move}
			if !found || less3(c, best) {
				best, found = c, true
			}
		}
	}
	for raise := 5; raise <= 7*24*60 && raise <= max(raiseUpper(sc, 0), 0); raise += 5 {
		try(refApply(sc, refChange{}, raise), 0, 0)
	}
	for _, ch := range refChanges(sc) {
		if found && (ch.lost > best.unpaid || ch.lost == best.unpaid && ch.move > best.moved) {
			break // every plan of the rest loses or moves more
		}
		try(refApply(sc, ch, 0), ch.lost, ch.move)
	}
	return best, found
}

// TestShiftChangesMatchBruteForce checks the fix search with one ask
// against a reference that tries every change of the shift on every set of
// its days (every 5-minute time within 4 hours, and off) and every raise, on
// many random small weeks: the same least unpaid and moved minutes, and
// every fix, applied by the reference's applier and by ApplyAsks, fits.
func TestShiftChangesMatchBruteForce(t *testing.T) {
	n := 16 // about 5 s a week on two busy cores: the reference solves up to 28,000 weeks each
	if testing.Short() {
		n = 5
	}
	seed := int64(1212)
	if s := os.Getenv("WEEKFIT_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	r := rand.New(rand.NewSource(seed))
	changes, tracks := 0, 0
	for i := 0; i < n; i++ {
		sc := shiftWeek(r)
		res, err := Solve(sc, Options{Fixes: true, MaxAsks: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, rj := range res.Rejected {
			if rj.Track == MixedTrack {
				continue
			}
			tracks++
			solo := soloTrack(sc, rj.Track)
			want, ok := refShiftFix(solo)
			data, _ := MarshalScenario(solo)
			if !ok {
				if len(rj.Fixes) != 0 {
					t.Fatalf("week %d track %s: the reference finds no fix, the search gives %+v\n%s", i, rj.Track, rj.Fixes, data)
				}
				continue
			}
			if len(rj.Fixes) == 0 {
				t.Fatalf("week %d track %s: the reference finds %+v, the search none (%q)\n%s", i, rj.Track, want, rj.FixNote, data)
			}
			for k, f := range rj.Fixes {
				got := fixCost{len(f.Asks), f.Plan.UnpaidMinutes, f.Plan.MovedMinutes}
				if got != want {
					t.Fatalf("week %d track %s fix %d: search %+v %s, reference %+v\n%s", i, rj.Track, k, got, AskText(f.Asks[0], sc.Weeks()), want, data)
				}
				if a := f.Asks[0]; a.Kind == AskShift && !a.Off {
					changes++
				}
				checkShiftFixFits(t, solo, f)
			}
		}
	}
	if changes < tracks/4 {
		t.Fatalf("the generator does not exercise shift changes: %d of %d tracks", changes, tracks)
	}
	t.Logf("%d tracks, %d fixes with new times", tracks, changes)
}

// checkShiftFixFits applies a fix of one ask with the reference's applier
// and with ApplyAsks and checks the plan's figures.
func checkShiftFixFits(t *testing.T, sc *Scenario, f Fix) {
	t.Helper()
	a := f.Asks[0]
	ch, raise := refChange{days: a.Days, off: a.Off}, 0
	switch a.Kind {
	case AskShift:
		from := sc.Jobs[0].Shifts[0].Time
		if a.From != from {
			t.Fatalf("fix %+v: from %s, the shift is %s", a, a.From, from)
		}
		if !a.Off {
			ch.ds = circularDelta(from.Start, a.To.Start)
			ch.de = circularDelta(from.End%MinutesPerDay, a.To.End%MinutesPerDay)
		}
	case AskUnpaid:
		raise = a.Minutes
	default:
		t.Fatalf("fix %+v: a week with no commitments has no covers", a)
	}
	res, err := Solve(refApply(sc, ch, raise), Options{Top: 1})
	if err != nil || len(res.Plans) == 0 {
		t.Fatalf("fix %+v: no plan with its asks applied", f.Asks)
	}
	if p := res.Plans[0]; p.UnpaidMinutes+a.MinutesLost != f.Plan.UnpaidMinutes || p.MovedMinutes+a.MinutesMoved != f.Plan.MovedMinutes {
		t.Fatalf("fix %+v: with its asks the plan loses %d and moves %d minutes; the fix says %d and %d", f.Asks, p.UnpaidMinutes+a.MinutesLost, p.MovedMinutes+a.MinutesMoved, f.Plan.UnpaidMinutes, f.Plan.MovedMinutes)
	}
	applied, err := ApplyAsks(sc, f.Asks)
	if err != nil {
		t.Fatalf("fix %+v: ApplyAsks: %v", f.Asks, err)
	}
	res, err = Solve(applied, Options{Top: 1})
	if err != nil || len(res.Plans) == 0 {
		t.Fatalf("fix %+v: no plan with its asks applied by ApplyAsks", f.Asks)
	}
	if p := res.Plans[0]; p.UnpaidMinutes+a.MinutesLost > f.Plan.UnpaidMinutes {
		t.Fatalf("fix %+v: with ApplyAsks the plan loses %d minutes; the fix says %d", f.Asks, p.UnpaidMinutes+a.MinutesLost, f.Plan.UnpaidMinutes)
	}
}
