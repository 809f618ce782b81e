package planner

import (
	"fmt"
	"strings"
	"testing"
)

// coverWeek is a week with a school pickup and a bedtime that helpers can
// cover on every day, and a job; the cases below edit it.
const coverWeek = `{
  "version": 1, "name": "covers", "arrive_early_minutes": 10,
  "places": {"home": "Home", "work": "Work", "school": "School", "clinic": "Clinic"},
  "travel": [
    {"from": "home", "to": "work", "minutes": 20},
    {"from": "work", "to": "school", "minutes": 20},
    {"from": "home", "to": "school", "minutes": 10},
    {"from": "home", "to": "clinic", "minutes": 20},
    {"from": "school", "to": "clinic", "minutes": 15}
  ],
  "cycle_weeks": 1,
  "jobs": [{"name": "Job", "place": "work", "shifts": [{"days": "Mon-Fri", "time": "06:00-14:00"}],
            "flex": {"start_earlier": 0, "start_later": 0, "end_earlier": 0, "end_later": 0}, "max_unpaid_minutes_per_week": 0}],
  "commitments": [
    {"name": "Pickup", "days": "Mon-Fri", "time": "15:00-15:30", "place": "school"},
    {"name": "Bedtime", "days": "daily", "time": "19:30-20:00"}
  ],
  "support": [
    {"name": "Gran", "days": "Mon-Fri", "time": "14:00-16:00", "covers": ["Pickup"]},
    {"name": "Partner", "days": "daily", "time": "19:00-21:00", "covers": ["Bedtime"]}
  ],
  "programs": [{"id": "p", "name": "P", "place": "clinic", "modality": "in-person", "min_days": 1, "min_hours": 0,
    "tracks": [{"name": "T", "sessions": [{"days": "Mon", "time": "18:00-19:00"}]}]}]
}`

// TestCoversOnlyWhereNeeded is the rule of issue 13, case by case: a cover
// is used where the session, its travel or the week itself would otherwise
// meet the commitment or make it unreachable, and nowhere else.
func TestCoversOnlyWhereNeeded(t *testing.T) {
	cases := []struct {
		name  string
		edits []string
		want  string // the best plan's covers
		moves string // the best plan's shift changes, when it has any
	}{
		{"session well after both", []string{`"18:00-19:00"`, `"16:30-18:30"`}, "", ""},
		{"home from the session at the start of bedtime", []string{`"18:00-19:00"`, `"17:00-19:10"`}, "", ""},
		{"the trip home runs into bedtime", []string{`"18:00-19:00"`, `"17:00-19:20"`}, "Bedtime 1 Mon Partner", ""},
		{"the session holds bedtime", []string{`"18:00-19:00"`, `"19:00-21:00"`}, "Bedtime 1 Mon Partner", ""},
		{"the session overlaps the pickup", []string{`"18:00-19:00"`, `"15:00-16:00"`}, "Pickup 1 Mon Gran", ""},
		{"the pickup leaves no time to reach the session", []string{`"18:00-19:00"`, `"15:45-17:00"`}, "Pickup 1 Mon Gran", ""},
		{"the pickup, then the session in time", []string{`"18:00-19:00"`, `"15:55-17:00"`}, "", ""},
		{"both, on two days", []string{`"days": "Mon", "time": "18:00-19:00"`, `"days": "Mon,Tue", "time": "15:00-20:00"`, `"min_days": 1`, `"min_days": 2`},
			"Pickup 1 Mon Gran, Pickup 1 Tue Gran, Bedtime 1 Mon Partner, Bedtime 1 Tue Partner", ""},
		// the session pushes the shift 40 minutes later: its bent end leaves no time
		// for the pickup, and a cover beats 40 unpaid minutes
		{"a bent shift would make it unreachable", []string{`"06:00-14:00"`, `"09:00-14:30"`, `"start_later": 0`, `"start_later": 60`,
			`"end_later": 0}, "max_unpaid_minutes_per_week": 0`, `"end_later": 60}, "max_unpaid_minutes_per_week": 60`, `"18:00-19:00"`, `"07:00-09:00"`},
			"Pickup 1 Mon Gran", "Job Mon 09:00-14:30 -> 09:40-15:10"},
		// the week itself needs the cover: the shift holds the pickup, so every plan uses it
		{"the week needs it", []string{`"06:00-14:00"`, `"07:00-15:15"`, `"days": "Mon-Fri", "time": "14:00-16:00"`, `"days": "Wed", "time": "14:00-16:00"`, `"days": "Mon-Fri", "time": "15:00-15:30"`, `"days": "Wed", "time": "15:00-15:30"`},
			"Pickup 1 Wed Gran", ""},
		// the same when the duty is the first thing of the week and its trip makes the shift late
		{"the week needs it, first thing on Monday", []string{`"days": "Mon-Fri", "time": "14:00-16:00"`, `"days": "Mon", "time": "05:00-06:00"`, `"days": "Mon-Fri", "time": "15:00-15:30"`, `"days": "Mon", "time": "05:30-05:50"`},
			"Pickup 1 Mon Gran", ""},
		{"in week 2 of a rotation only", []string{`"cycle_weeks": 1`, `"cycle_weeks": 2`, `"time": "18:00-19:00"`, `"time": "18:00-19:00", "weeks": [1]}, {"days": "Mon", "time": "15:00-16:00", "weeks": [2]`},
			"Pickup 2 Mon Gran", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := solveJSON(t, edit(t, coverWeek, c.edits...), Options{})
			if len(res.Plans) == 0 {
				t.Fatalf("no plan; rejected %+v", res.Rejected)
			}
			if len(res.Warnings) > 0 {
				t.Fatalf("warnings %v: a cover a helper gives is not a problem of the week", res.Warnings)
			}
			var got []string
			for _, cv := range res.Plans[0].Covered {
				got = append(got, fmt.Sprintf("%s %d %s %s", cv.Commitment, cv.Week, cv.Day, cv.By))
			}
			if strings.Join(got, ", ") != c.want {
				t.Fatalf("covered %q, want %q", strings.Join(got, ", "), c.want)
			}
			var moves []string
			for _, sc := range res.Plans[0].ShiftChanges {
				moves = append(moves, fmt.Sprintf("%s %s %s -> %s", sc.Job, sc.Day, sc.From, sc.To))
			}
			if strings.Join(moves, ", ") != c.moves {
				t.Fatalf("shift changes %q, want %q", strings.Join(moves, ", "), c.moves)
			}
		})
	}
}

// TestCoversRankAfterMovedBeforeTravel checks the order: a plan that needs no
// cover ranks before one that needs one, though it travels more.
func TestCoversRankAfterMovedBeforeTravel(t *testing.T) {
	s := edit(t, coverWeek, `"tracks": [{"name": "T", "sessions": [{"days": "Mon", "time": "18:00-19:00"}]}]`,
		`"tracks": [{"name": "Day", "sessions": [{"days": "Mon", "time": "15:00-17:00"}]}, {"name": "Evening", "sessions": [{"days": "Mon", "time": "16:30-18:30"}]}]`)
	res := solveJSON(t, s, Options{})
	if len(res.Plans) != 2 {
		t.Fatalf("%d plans, want 2", len(res.Plans))
	}
	day, eve := res.Plans[1], res.Plans[0]
	if eve.Track != "Evening" || len(eve.Covered) != 0 || day.Track != "Day" || len(day.Covered) != 1 {
		t.Fatalf("order %s (%v), %s (%v): the plan with no cover comes first", eve.Track, eve.Covered, day.Track, day.Covered)
	}
	if day.TravelMinutes >= eve.TravelMinutes {
		t.Fatalf("travel %d (Day) and %d (Evening): the case needs the covered plan to travel less", day.TravelMinutes, eve.TravelMinutes)
	}
}

// TestTimelineShowsCoversOfThePlan checks that the grid's blocks show a
// commitment as covered only on the days the plan uses the cover.
func TestTimelineShowsCoversOfThePlan(t *testing.T) {
	sc := mustParse(t, edit(t, coverWeek, `"18:00-19:00"`, `"15:00-16:00"`))
	res, err := Solve(sc, Options{})
	if err != nil || len(res.Plans) == 0 {
		t.Fatalf("solve: %v %+v", err, res)
	}
	count := func(p *Plan) (covered, own int) {
		for _, b := range Timeline(sc, p) {
			if b.Label != "Pickup" {
				continue
			}
			if b.Kind == KindCovered {
				covered++
			} else {
				own++
			}
		}
		return covered, own
	}
	if c, o := count(&res.Plans[0]); c != 1 || o != 4 {
		t.Fatalf("plan: %d covered and %d own pickups, want 1 and 4", c, o)
	}
	if c, o := count(nil); c != 0 || o != 5 {
		t.Fatalf("week alone: %d covered and %d own pickups, want 0 and 5", c, o)
	}
}

// TestCoverBitsOfManyDuties checks a week with more commitments a helper
// may cover than the walk state has bits for (ten a day, with no place):
// daily segments count covers exactly, and a segment as long as the week
// sends the solve to the exhaustive search.
func TestCoverBitsOfManyDuties(t *testing.T) {
	sc := mustParse(t, edit(t, coverWeek, `"18:00-19:00"`, `"16:30-17:30"`))
	sc.Support = append(sc.Support, Support{Name: "Friend", Span: Span{Days: AllDays, Time: Clock{Start: 0, End: 24 * 60}}})
	for k := 0; k < 10; k++ {
		name := fmt.Sprintf("Check %d", k)
		sc.Commitments = append(sc.Commitments, Commitment{Name: name, Span: Span{Days: AllDays, Time: Clock{Start: 16*60 + k*20, End: 16*60 + k*20 + 15}}})
		sc.Support[len(sc.Support)-1].Covers = append(sc.Support[len(sc.Support)-1].Covers, name)
	}
	m := compile(sc)
	if len(m.opt) <= 64 {
		t.Fatalf("%d duties with no place a helper may cover; the case needs more than 64", len(m.opt))
	}
	s := newSolver(m, Options{}, nil)
	if s.cyclic || m.coverBitsClash(s.segs) {
		t.Fatalf("a week of daily segments falls back to the exhaustive search")
	}
	if !m.coverBitsClash([]segment{{lo: 0, hi: MinutesPerWeek}}) {
		t.Fatalf("a segment over the whole week holds duties that share bits, and is not caught")
	}
	res, err := Solve(sc, Options{})
	if err != nil || len(res.Plans) == 0 {
		t.Fatalf("solve: %v %+v", err, res)
	}
	// the session 16:20-17:30 and its trips (16:00-16:20, 17:30-17:50) meet
	// the checks from 16:00 to 17:40 on Monday
	var got []string
	for _, c := range res.Plans[0].Covered {
		got = append(got, c.Commitment+" "+c.Day.String())
	}
	if want := "Check 0 Mon, Check 1 Mon, Check 2 Mon, Check 3 Mon, Check 4 Mon, Check 5 Mon"; strings.Join(got, ", ") != want {
		t.Fatalf("covered %q, want %q", strings.Join(got, ", "), want)
	}
}
