package planner

import (
	"reflect"
	"strings"
	"testing"
)

// diffWeek is a three-week rotation with a duty, sleep and no rush hours,
// for WeekChanges cases that edit one part of it.
const diffWeek = `{
  "version": 1, "cycle_weeks": 3,
  "places": {"home": "Home", "work": "Office", "clinic": "Clinic"},
  "travel": [{"from": "home", "to": "work", "minutes": 30}, {"from": "home", "to": "clinic", "minutes": 25}],
  "jobs": [{"name": "Office", "place": "work", "shifts": [{"days": "Mon-Fri", "time": "09:00-17:00"}]}],
  "commitments": [{"name": "Choir", "days": "Wed", "time": "19:00-20:00", "weeks": [2]}],
  "sleep": [{"days": "daily", "time": "23:00-06:30"}],
  "programs": [{"id": "p", "name": "P", "place": "clinic", "min_days": 1, "min_hours": 1,
    "tracks": [{"name": "Evening", "sessions": [{"days": "Mon", "time": "18:00-19:00"}]}]}]
}`

func TestWeekChangesEdits(t *testing.T) {
	cases := []struct {
		name string
		edit func(sc *Scenario)
		want []string
	}{
		{"a job gone", func(sc *Scenario) { sc.Jobs = nil },
			[]string{"Office: no longer in the week"}},
		{"a shift on a day off", func(sc *Scenario) {
			sc.Jobs[0].Shifts = append(sc.Jobs[0].Shifts, Span{Days: DaySet(0).With(Sat), Time: Clock{8 * 60, 12 * 60}})
		}, []string{"Office: Sat a new shift 08:00-12:00"}},
		{"a second shift on a day, earlier", func(sc *Scenario) {
			sc.Jobs[0].Shifts = append(sc.Jobs[0].Shifts, Span{Days: DaySet(0).With(Tue), Time: Clock{6 * 60, 8 * 60}})
		}, []string{"Office: Tue 06:00-08:00 and 09:00-17:00 instead of 09:00-17:00"}},
		{"a second shift on a day, later", func(sc *Scenario) {
			sc.Jobs[0].Shifts = append([]Span{{Days: DaySet(0).With(Tue), Time: Clock{18 * 60, 20 * 60}}}, sc.Jobs[0].Shifts...)
		}, []string{"Office: Tue 09:00-17:00 and 18:00-20:00 instead of 09:00-17:00"}},
		{"a duty in two weeks", func(sc *Scenario) { sc.Commitments[0].Span.Weeks = []int{1, 3} },
			[]string{"Choir: Wed 19:00-20:00 in weeks 1, 3 instead of Wed 19:00-20:00 in week 2"}},
		{"a duty in every week", func(sc *Scenario) { sc.Commitments[0].Span.Weeks = []int{1, 2, 3} },
			[]string{"Choir: Wed 19:00-20:00 instead of Wed 19:00-20:00 in week 2"}},
		{"a duty gone", func(sc *Scenario) { sc.Commitments = nil },
			[]string{"Choir: no longer in the week"}},
		{"no sleep", func(sc *Scenario) { sc.Sleep = nil },
			[]string{"Sleep: none instead of daily 23:00-06:30"}},
		{"rush hours", func(sc *Scenario) {
			sc.RushHours = []Rush{{Days: DaySet(0).With(Mon).With(Tue), Time: Clock{16 * 60, 18 * 60}, Factor: 1.5}}
		}, []string{"Rush hours: Mon,Tue 16:00-18:00 x1.5 instead of none"}},
		{"a leg gone", func(sc *Scenario) { sc.Travel = sc.Travel[:1] },
			[]string{"Travel Home and Clinic: no longer given"}},
		{"a program gone", func(sc *Scenario) { sc.Programs = nil },
			[]string{"P: no longer considered"}},
		{"a program changed", func(sc *Scenario) { sc.Programs[0].MinDays = 2 },
			[]string{"P: its tracks or rules changed"}},
		{"a program added", func(sc *Scenario) {
			q := sc.Programs[0]
			q.ID, q.Name = "q", "Q"
			sc.Programs = append(sc.Programs, q)
		}, []string{"Q: newly considered"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := ParseScenario([]byte(diffWeek))
			if err != nil {
				t.Fatal(err)
			}
			b := a.Clone()
			c.edit(b)
			if got := WeekChanges(a, b); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("changes\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

func TestDiffFigureLines(t *testing.T) {
	cases := []struct {
		name string
		a, z int
		want string
	}{
		{"unpaid", 30, 30, "  unpaid: 30 min, the same\n"},
		{"unpaid", 30, 90, "  unpaid: 1 h 30 min instead of 30 min (1 h more)\n"},
		{"unpaid", 90, 30, "  unpaid: 30 min instead of 1 h 30 min (1 h less)\n"},
		{"travel", 60, 61, "  travel: 1 h 1 min instead of 1 h (1 min more)\n"},
		{"home by", 21 * 60, 22 * 60, "  home by: 22:00 instead of 21:00\n"},
		{"home by", 22 * 60, 21 * 60, "  home by: 21:00 instead of 22:00\n"},
	}
	for _, c := range cases {
		var b strings.Builder
		f := FormatDuration
		if c.name == "home by" {
			f = FormatLatestHome
		}
		figure(&b, c.name, c.a, c.z, f)
		if b.String() != c.want {
			t.Errorf("%s %d -> %d: %q; want %q", c.name, c.a, c.z, b.String(), c.want)
		}
	}
}
