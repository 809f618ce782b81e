package planner

import (
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestScheduleDates(t *testing.T) {
	one := &Scenario{CycleWeeks: 1, Programs: []Program{{ID: "p", Weeks: 2}}}
	two := &Scenario{CycleWeeks: 2, Programs: []Program{{ID: "p"}}}
	night := Clock{Start: 22 * 60, End: 60}
	tests := []struct {
		name  string
		sc    *Scenario
		plan  Plan
		start string
		weeks int
		want  []string
	}{
		{"monday start, two weeks", one, Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Mon}, {Week: 1, Day: Thu}}}, "2026-03-02", 0,
			[]string{"2026-03-02", "2026-03-05", "2026-03-09", "2026-03-12"}},
		{"wednesday start skips monday of week 1 and ends on a tuesday", one, Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Mon}, {Week: 1, Day: Thu}}}, "2026-03-04", 0,
			[]string{"2026-03-05", "2026-03-09", "2026-03-12", "2026-03-16"}},
		{"sunday session at the end of the span", one, Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Sun, Time: night}}}, "2026-03-02", 0,
			[]string{"2026-03-08", "2026-03-15"}},
		{"rotation alternates weeks", two, Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Mon}, {Week: 2, Day: Tue}}}, "2026-03-02", 4,
			[]string{"2026-03-02", "2026-03-10", "2026-03-16", "2026-03-24"}},
		{"rotation from a mid-week start keeps the calendar week as week 1", two, Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Mon}, {Week: 2, Day: Tue}}}, "2026-03-03", 2,
			[]string{"2026-03-10", "2026-03-16"}},
		{"default length is twelve weeks", two, Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Mon}}}, "2026-03-02", 0,
			[]string{"2026-03-02", "2026-03-16", "2026-03-30", "2026-04-13", "2026-04-27", "2026-05-11"}},
		{"no sessions, no dates", one, Plan{Program: "p"}, "2026-03-02", 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Schedule(tc.sc, &tc.plan, ExportOptions{Start: day(tc.start), Weeks: tc.weeks})
			var dates []string
			for _, d := range got {
				dates = append(dates, d.Date.Format("2006-01-02"))
			}
			if strings.Join(dates, " ") != strings.Join(tc.want, " ") {
				t.Errorf("dates = %v, want %v", dates, tc.want)
			}
		})
	}
}

func TestScheduleAcrossDST(t *testing.T) {
	// Dates are calendar dates: a span over the US spring change still has
	// exactly one session each Monday.
	sc := &Scenario{CycleWeeks: 1, Programs: []Program{{ID: "p", Weeks: 3}}}
	p := &Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Mon}}}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	got := Schedule(sc, p, ExportOptions{Start: time.Date(2026, 3, 2, 23, 30, 0, 0, ny)})
	want := []string{"2026-03-02", "2026-03-09", "2026-03-16"}
	if len(got) != len(want) {
		t.Fatalf("got %d sessions, want %d", len(got), len(want))
	}
	for i := range want {
		if d := got[i].Date.Format("2006-01-02"); d != want[i] || got[i].Week != i+1 {
			t.Errorf("session %d on %s (week %d), want %s (week %d)", i, d, got[i].Week, want[i], i+1)
		}
	}
}

func TestNextMonday(t *testing.T) {
	for _, tc := range []struct{ now, want string }{
		{"2026-11-25", "2026-11-30"}, // Wednesday
		{"2026-11-29", "2026-11-30"}, // Sunday: tomorrow
		{"2026-11-30", "2026-12-07"}, // Monday: a week on
		{"2026-12-31", "2027-01-04"}, // over the new year
	} {
		now, _ := time.Parse(time.DateOnly, tc.now)
		if got := NextMonday(now.Add(23 * time.Hour)).Format(time.DateOnly); got != tc.want {
			t.Errorf("NextMonday(%s) = %s, want %s", tc.now, got, tc.want)
		}
	}
}
