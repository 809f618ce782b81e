package planner_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"weekfit/planner"
)

// askWeek is an office week whose shifts cannot bend and whose unpaid budget is
// 0, so that only asks make the evening track fit: the trip to the clinic takes
// 30 minutes in the rush hour, so the shift must end at 16:50 to be there at 17:20.
const askWeek = `{
  "version": 1, "name": "Asks", "arrive_early_minutes": 10,
  "places": {"home": "Home", "work": "Office", "clinic": "Clinic", "school": "School"},
  "travel": [
    {"from": "home", "to": "work", "minutes": 30},
    {"from": "work", "to": "clinic", "minutes": 20},
    {"from": "home", "to": "clinic", "minutes": 25},
    {"from": "home", "to": "school", "minutes": 10},
    {"from": "work", "to": "school", "minutes": 10},
    {"from": "school", "to": "clinic", "minutes": 10}
  ],
  "rush_hours": [{"days": "Mon-Fri", "time": "16:00-18:30", "factor": 1.5}],
  "cycle_weeks": CYCLE,
  "jobs": [{"name": "Office", "place": "work",
    "shifts": [{"days": "Mon-Fri", "time": "09:00-17:00"}],
    "max_unpaid_minutes_per_week": 0}],
  "commitments": [{"name": "School pickup", "days": "Mon-Fri", "time": "19:00-19:30", "place": "school"}],
  "support": [{"name": "Sister", "days": "Tue", "time": "18:00-20:00", "covers": ["School pickup"]}],
  "sleep": [{"days": "daily", "time": "23:00-06:30"}],
  "programs": [{"id": "p", "name": "P", "place": "clinic", "min_days": 3, "min_hours": 9, "weeks": 12,
    "tracks": [{"name": "Evening", "sessions": [{"days": "Mon-Thu", "time": "17:30-20:30"}]}]}]
}`

func askScenario(t *testing.T, cycle string) *planner.Scenario {
	t.Helper()
	sc, err := planner.ParseScenario([]byte(strings.Replace(askWeek, "CYCLE", cycle, 1)))
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func days(week int, ds ...planner.Day) []planner.WeekDay {
	var out []planner.WeekDay
	for _, d := range ds {
		out = append(out, planner.WeekDay{Week: week, Day: d})
	}
	return out
}

var (
	nineToFive = planner.Clock{Start: 9 * 60, End: 17 * 60}
	to1650     = planner.Clock{Start: 9 * 60, End: 16*60 + 50}
	monWedFri  = planner.DaySet(0).With(planner.Mon).With(planner.Wed).With(planner.Fri)
	tueThu     = planner.DaySet(0).With(planner.Tue).With(planner.Thu)
	monToFri   = planner.DaySet(0x1f)
)

func TestApplyAsks(t *testing.T) {
	cases := []struct {
		name  string
		cycle string
		asks  []planner.Ask
		check func(t *testing.T, sc *planner.Scenario)
	}{
		{"shift end on Mon, Wed, Fri splits the span", "1",
			[]planner.Ask{{Kind: planner.AskShift, Party: "Office", Job: "Office", Days: days(1, planner.Mon, planner.Wed, planner.Fri), From: nineToFive, To: to1650}},
			func(t *testing.T, sc *planner.Scenario) {
				want := []planner.Span{{Days: tueThu, Time: nineToFive}, {Days: monWedFri, Time: to1650}}
				if got := sc.Jobs[0].Shifts; !reflect.DeepEqual(got, want) {
					t.Fatalf("shifts %+v, want %+v", got, want)
				}
			}},
		{"Wed off removes the day", "1",
			[]planner.Ask{{Kind: planner.AskShift, Job: "Office", Days: days(1, planner.Wed), From: nineToFive, Off: true}},
			func(t *testing.T, sc *planner.Scenario) {
				want := []planner.Span{{Days: monToFri &^ (1 << planner.Wed), Time: nineToFive}}
				if got := sc.Jobs[0].Shifts; !reflect.DeepEqual(got, want) {
					t.Fatalf("shifts %+v, want %+v", got, want)
				}
			}},
		{"Wed of week 2 in a rotation splits by week", "2",
			[]planner.Ask{{Kind: planner.AskShift, Job: "Office", Days: days(2, planner.Wed), From: nineToFive, To: to1650}},
			func(t *testing.T, sc *planner.Scenario) {
				want := []planner.Span{
					{Days: monToFri, Time: nineToFive, Weeks: []int{1}},
					{Days: monToFri &^ (1 << planner.Wed), Time: nineToFive, Weeks: []int{2}},
					{Days: planner.DaySet(0).With(planner.Wed), Time: to1650, Weeks: []int{2}},
				}
				if got := sc.Jobs[0].Shifts; !reflect.DeepEqual(got, want) {
					t.Fatalf("shifts %+v, want %+v", got, want)
				}
			}},
		{"the same days in both weeks of a rotation stay one span for every week", "2",
			[]planner.Ask{{Kind: planner.AskShift, Job: "Office", Days: append(days(1, planner.Mon), days(2, planner.Mon)...), From: nineToFive, To: to1650}},
			func(t *testing.T, sc *planner.Scenario) {
				want := []planner.Span{{Days: monToFri &^ 1, Time: nineToFive}, {Days: 1, Time: to1650}}
				if got := sc.Jobs[0].Shifts; !reflect.DeepEqual(got, want) {
					t.Fatalf("shifts %+v, want %+v", got, want)
				}
			}},
		{"every day off removes the job", "1",
			[]planner.Ask{{Kind: planner.AskShift, Job: "Office", Days: days(1, planner.Mon, planner.Tue, planner.Wed, planner.Thu, planner.Fri), From: nineToFive, Off: true}},
			func(t *testing.T, sc *planner.Scenario) {
				if len(sc.Jobs) != 0 {
					t.Fatalf("jobs %+v, want none", sc.Jobs)
				}
			}},
		{"unpaid raise", "1",
			[]planner.Ask{{Kind: planner.AskUnpaid, Job: "Office", Minutes: 30}},
			func(t *testing.T, sc *planner.Scenario) {
				if sc.Jobs[0].MaxUnpaid != 30 {
					t.Fatalf("max unpaid %d, want 30", sc.Jobs[0].MaxUnpaid)
				}
			}},
		{"someone covers on Fri", "1",
			[]planner.Ask{{Kind: planner.AskCover, Party: planner.Someone, Commitment: "School pickup", Days: days(1, planner.Fri)}},
			func(t *testing.T, sc *planner.Scenario) {
				want := planner.Support{Name: "Someone", Span: planner.Span{Days: 1 << planner.Fri, Time: planner.Clock{Start: 19 * 60, End: 19*60 + 30}}, Covers: []string{"School pickup"}}
				if got := sc.Support[len(sc.Support)-1]; len(sc.Support) != 2 || !reflect.DeepEqual(got, want) {
					t.Fatalf("support %+v, want Sister and %+v", sc.Support, want)
				}
			}},
		{"a named helper covers Wed of week 2", "2",
			[]planner.Ask{{Kind: planner.AskCover, Party: "Sister", Commitment: "School pickup", Time: planner.Clock{Start: 19 * 60, End: 19*60 + 30}, Days: days(2, planner.Wed)}},
			func(t *testing.T, sc *planner.Scenario) {
				got := sc.Support[1]
				if got.Name != "Sister" || got.Span.Days != 1<<planner.Wed || !reflect.DeepEqual(got.Span.Weeks, []int{2}) {
					t.Fatalf("support %+v", got)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := askScenario(t, c.cycle)
			before := sc.Clone()
			out, err := planner.ApplyAsks(sc, c.asks)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(sc, before) {
				t.Fatal("ApplyAsks changed the scenario it was given")
			}
			c.check(t, out)
			data, err := planner.MarshalScenario(out)
			if err != nil {
				t.Fatal(err)
			}
			back, err := planner.ParseScenario(data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, out) {
				t.Fatalf("the applied week does not survive a trip through the file format:\n%+v\n%+v", back, out)
			}
		})
	}
}

// TestApplyAsksMakesTheTrackFit solves the week before and after: the evening
// track fits only once the shift ends at 16:50 and a helper picks up from school.
func TestApplyAsksMakesTheTrackFit(t *testing.T) {
	for _, cycle := range []string{"1", "2"} {
		sc := askScenario(t, cycle)
		res, err := planner.Solve(sc, planner.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Plans) != 0 {
			t.Fatalf("cycle %s: the week itself should not fit, got %+v", cycle, res.Plans[0].Sessions)
		}
		var asks []planner.Ask
		for w := 1; w <= sc.Weeks(); w++ {
			asks = append(asks,
				planner.Ask{Kind: planner.AskShift, Job: "Office", Days: days(w, planner.Mon, planner.Wed, planner.Thu), From: nineToFive, To: to1650},
				planner.Ask{Kind: planner.AskCover, Party: planner.Someone, Commitment: "School pickup", Days: days(w, planner.Mon, planner.Wed, planner.Thu)})
		}
		out, err := planner.ApplyAsks(sc, asks)
		if err != nil {
			t.Fatal(err)
		}
		res, err = planner.Solve(out, planner.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Plans) == 0 {
			t.Fatalf("cycle %s: no plan with the asks applied: %+v", cycle, res.Rejected)
		}
		for _, s := range res.Plans[0].Sessions {
			if s.Day != planner.Mon && s.Day != planner.Wed && s.Day != planner.Thu {
				t.Fatalf("cycle %s: session on %s, a day the shift still ends at 17:00", cycle, s.Day)
			}
		}
		if got := len(res.Plans[0].Sessions); got != 3*sc.Weeks() {
			t.Fatalf("cycle %s: %d sessions, want Mon, Wed and Thu of every week", cycle, got)
		}
		if got := res.Plans[0].UnpaidMinutes; got != 0 {
			t.Fatalf("cycle %s: the changed shift is the week's own now, so nothing is unpaid; got %d", cycle, got)
		}
	}
}

func TestApplyAsksRefuses(t *testing.T) {
	cases := []struct {
		name string
		ask  planner.Ask
		want string
	}{
		{"unknown job", planner.Ask{Kind: planner.AskShift, Job: "Shop", Days: days(1, planner.Mon), From: nineToFive, Off: true}, `asks[0].job: "Shop": the week has no job`},
		{"no such shift", planner.Ask{Kind: planner.AskShift, Job: "Office", Days: days(1, planner.Sat), From: nineToFive, Off: true}, `asks[0].days[0]: "Sat": Office has no 09:00-17:00 shift`},
		{"not in 5-minute steps", planner.Ask{Kind: planner.AskShift, Job: "Office", Days: days(1, planner.Mon), From: nineToFive, To: planner.Clock{Start: 540, End: 1017}}, "steps of 5 minutes"},
		{"more than 4 hours", planner.Ask{Kind: planner.AskShift, Job: "Office", Days: days(1, planner.Mon), From: nineToFive, To: planner.Clock{Start: 540, End: 720}}, "at most 4 h"},
		{"shorter than 1 hour", planner.Ask{Kind: planner.AskShift, Job: "Office", Days: days(1, planner.Mon), From: planner.Clock{Start: 540, End: 1020}, To: planner.Clock{Start: 780, End: 810}}, "at least 1 h"},
		{"week out of the cycle", planner.Ask{Kind: planner.AskShift, Job: "Office", Days: days(2, planner.Mon), From: nineToFive, Off: true}, "asks[0].days[0].week"},
		{"no days", planner.Ask{Kind: planner.AskCover, Commitment: "School pickup"}, "asks[0].days: missing"},
		{"no raise", planner.Ask{Kind: planner.AskUnpaid, Job: "Office"}, "asks[0].minutes"},
		{"unknown commitment", planner.Ask{Kind: planner.AskCover, Commitment: "Gym", Days: days(1, planner.Mon)}, `asks[0].commitment: "Gym"`},
		{"commitment not that day", planner.Ask{Kind: planner.AskCover, Commitment: "School pickup", Days: days(1, planner.Sun)}, "School pickup is not on that day"},
		{"wrong time", planner.Ask{Kind: planner.AskCover, Commitment: "School pickup", Time: nineToFive, Days: days(1, planner.Mon)}, "School pickup is at 19:00-19:30"},
		{"unpaid past a week", planner.Ask{Kind: planner.AskUnpaid, Job: "Office", Minutes: planner.MinutesPerWeek + 1}, "max_unpaid_minutes_per_week"},
	}
	sc := askScenario(t, "1")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := planner.ApplyAsks(sc, []planner.Ask{c.ask})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one with %q", err, c.want)
			}
			if !errors.Is(err, planner.ErrInput) {
				t.Fatalf("error %v is not an input error", err)
			}
		})
	}
}

// BenchmarkApplyAsksAndDiff applies a two-ask fix to a two-week rotation and
// says what changed, as saving a what-if and showing it do.
func BenchmarkApplyAsksAndDiff(b *testing.B) {
	sc, err := planner.ParseScenario([]byte(strings.Replace(askWeek, "CYCLE", "2", 1)))
	if err != nil {
		b.Fatal(err)
	}
	asks := []planner.Ask{
		{Kind: planner.AskShift, Job: "Office", Days: append(days(1, planner.Mon, planner.Wed), days(2, planner.Thu)...), From: nineToFive, To: to1650},
		{Kind: planner.AskCover, Party: planner.Someone, Commitment: "School pickup", Days: days(2, planner.Fri)},
	}
	b.ReportAllocs()
	for b.Loop() {
		out, err := planner.ApplyAsks(sc, asks)
		if err != nil {
			b.Fatal(err)
		}
		if len(planner.WeekChanges(sc, out)) != 2 {
			b.Fatal("want two changes")
		}
	}
}

// TestWhatIfFromShiftFixSolvesToItsPlan finds the fix of the evening track
// (a shift at new times, and covers), applies it as a what-if, and solves
// the what-if: its best plan is the fix's, with the same sessions, and the
// pay and minutes the shift change itself loses and moves now part of the
// week.
func TestWhatIfFromShiftFixSolvesToItsPlan(t *testing.T) {
	for _, c := range []struct{ cycle, shift string }{
		{"1", "Office: 08:50-16:50 instead of 09:00-17:00 on Mon, Tue, Wed"},
		// the same days in both weeks of the rotation: once, without weeks
		{"2", "Office: 08:50-16:50 instead of 09:00-17:00 on Mon, Tue, Wed"},
	} {
		sc := askScenario(t, c.cycle)
		res, err := planner.Solve(sc, planner.Options{Fixes: true})
		if err != nil || len(res.Rejected) != 1 || len(res.Rejected[0].Fixes) == 0 {
			t.Fatalf("cycle %s: want a fix of the evening track: %+v, %v", c.cycle, res.Rejected, err)
		}
		fix := res.Rejected[0].Fixes[0]
		var texts []string
		lost, moved := 0, 0
		for _, a := range fix.Asks {
			texts = append(texts, planner.AskText(a, sc.Weeks()))
			lost, moved = lost+a.MinutesLost, moved+a.MinutesMoved
		}
		if texts[0] != c.shift {
			t.Errorf("cycle %s: asks %q, want first %q", c.cycle, texts, c.shift)
		}
		whatIf, err := planner.ApplyAsks(sc, fix.Asks)
		if err != nil {
			t.Fatal(err)
		}
		got, err := planner.Solve(whatIf, planner.Options{Top: 1})
		if err != nil || len(got.Plans) == 0 {
			t.Fatalf("cycle %s: the what-if does not fit: %+v, %v", c.cycle, got.Rejected, err)
		}
		p := got.Plans[0]
		if !reflect.DeepEqual(p.Sessions, fix.Plan.Sessions) {
			t.Errorf("cycle %s: the what-if's sessions %+v, the fix's %+v", c.cycle, p.Sessions, fix.Plan.Sessions)
		}
		if p.UnpaidMinutes+lost != fix.Plan.UnpaidMinutes || p.MovedMinutes+moved != fix.Plan.MovedMinutes {
			t.Errorf("cycle %s: the what-if loses %d and moves %d minutes (with the asks' own), the fix %d and %d",
				c.cycle, p.UnpaidMinutes+lost, p.MovedMinutes+moved, fix.Plan.UnpaidMinutes, fix.Plan.MovedMinutes)
		}
	}
}

// TestAskDaysInARotation writes an ask's days as a person would say them:
// a day of every week once, without weeks, and the others grouped by the
// weeks they fall in.
func TestAskDaysInARotation(t *testing.T) {
	off := func(days ...planner.WeekDay) planner.Ask {
		return planner.Ask{Kind: planner.AskShift, Job: "Office", From: planner.Clock{Start: 540, End: 1020}, Off: true, Days: days}
	}
	cover := func(days ...planner.WeekDay) planner.Ask {
		return planner.Ask{Kind: planner.AskCover, Party: "Sister", Commitment: "School pickup", Time: planner.Clock{Start: 900, End: 930}, Days: days}
	}
	wd := func(w int, d planner.Day) planner.WeekDay { return planner.WeekDay{Week: w, Day: d} }
	for _, c := range []struct {
		ask   planner.Ask
		weeks int
		want  string
	}{
		{off(wd(1, planner.Mon), wd(1, planner.Wed)), 1, "Office: Mon, Wed off (09:00-17:00 a day)"},
		{off(wd(1, planner.Mon), wd(1, planner.Tue), wd(2, planner.Wed)), 2, "Office: Mon, Tue of week 1; Wed of week 2 off (09:00-17:00 a day)"},
		{off(wd(1, planner.Fri), wd(2, planner.Fri)), 2, "Office: Fri off (09:00-17:00 a day)"},
		{off(wd(1, planner.Mon), wd(3, planner.Mon), wd(2, planner.Tue)), 3, "Office: Mon of weeks 1, 3; Tue of week 2 off (09:00-17:00 a day)"},
		{cover(wd(2, planner.Mon), wd(2, planner.Wed)), 2, "Sister to cover School pickup on Mon, Wed of week 2 15:00-15:30"},
	} {
		if got := planner.AskText(c.ask, c.weeks); got != c.want {
			t.Errorf("%d weeks: %q, want %q", c.weeks, got, c.want)
		}
	}
}
