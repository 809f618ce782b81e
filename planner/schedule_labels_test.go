package planner

import (
	"fmt"
	"testing"
	"time"
)

func TestChangesFilterAndOrder(t *testing.T) {
	sc, p := phasedPlan(t)
	p.ShiftChanges = []ShiftChange{
		{Job: "Shop", Week: 1, Day: Tue, From: Clock{18 * 60, 21 * 60}, To: Clock{19 * 60, 21 * 60}},
		{Job: "Office", Week: 1, Day: Tue, From: Clock{9 * 60, 17*60 + 30}, To: Clock{9 * 60, 17 * 60}},
		{Job: "Office", Week: 1, Day: Mon, From: Clock{9 * 60, 17*60 + 30}, To: Clock{9 * 60, 17 * 60}},
	}
	opt := ExportOptions{Start: day("2027-10-27"), Weeks: 1} // Wed 27 Oct to Tue 2 Nov
	show := func(cs []DatedChange) string {
		var out string
		for _, c := range cs {
			out += fmt.Sprintf("%s %s %s/%d; ", c.Date.Format(time.DateOnly), c.Change.Job, FormatClock(c.Change.From.Start), c.Week)
		}
		return out
	}
	cases := []struct {
		job, want string
	}{
		{"", "2027-11-01 Office 09:00/2; 2027-11-02 Office 09:00/2; 2027-11-02 Shop 18:00/2; "},
		{"Office", "2027-11-01 Office 09:00/2; 2027-11-02 Office 09:00/2; "},
		{"Shop", "2027-11-02 Shop 18:00/2; "},
		{"Nobody", ""},
	}
	for _, c := range cases {
		opt.Job = c.job
		if got := show(Changes(sc, &p, opt)); got != c.want {
			t.Errorf("job %q: %s; want %s", c.job, got, c.want)
		}
	}
}

func TestExportLabels(t *testing.T) {
	sc := &Scenario{
		Jobs:        []Job{{Name: "Office"}, {Name: "Shop"}},
		Commitments: []Commitment{{Name: "School run"}, {Name: "Choir"}},
	}
	for i := 0; i < 28; i++ {
		sc.Support = append(sc.Support, Support{Name: fmt.Sprintf("h%d", i)})
	}
	named := &Plan{ProgramName: "Lakeside IOP"}
	cases := []struct {
		name, got, want string
	}{
		{"session named", SessionLabel(named, true), "Lakeside IOP"},
		{"session discreet", SessionLabel(named, false), NeutralLabel},
		{"session without a name", SessionLabel(&Plan{}, true), NeutralLabel},
		{"duty named", DutyLabel(sc, "Choir", true), "Choir"},
		{"first duty", DutyLabel(sc, "School run", false), "Duty 1"},
		{"second duty", DutyLabel(sc, "Choir", false), "Duty 2"},
		{"unknown duty", DutyLabel(sc, "Gym", false), "Duty"},
		{"helper named", HelperLabel(sc, "h3", true), "h3"},
		{"first helper", HelperLabel(sc, "h0", false), "Helper A"},
		{"second helper", HelperLabel(sc, "h1", false), "Helper B"},
		{"26th helper", HelperLabel(sc, "h25", false), "Helper Z"},
		{"27th helper", HelperLabel(sc, "h26", false), "Helper 27"},
		{"28th helper", HelperLabel(sc, "h27", false), "Helper 28"},
		{"unknown helper", HelperLabel(sc, "x", false), "Helper"},
		{"second job", JobLabel(sc, "Shop", false), "Work 2"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: %q; want %q", c.name, c.got, c.want)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	cases := []struct {
		m    int
		want string
	}{
		{0, "0 min"}, {45, "45 min"}, {59, "59 min"}, {60, "1 h"}, {120, "2 h"},
		{90, "1 h 30 min"}, {61, "1 h 1 min"}, {600, "10 h"},
	}
	for _, c := range cases {
		if got := FormatDuration(c.m); got != c.want {
			t.Errorf("FormatDuration(%d) = %q; want %q", c.m, got, c.want)
		}
	}
}

func TestCalendarWeeks(t *testing.T) {
	cases := []struct {
		start  string
		weeks  int
		monday string
		n      int
	}{
		{"2027-10-25", 1, "2027-10-25", 1}, // a Monday: the span is one calendar week
		{"2027-10-25", 12, "2027-10-25", 12},
		{"2027-10-27", 1, "2027-10-25", 2}, // a Wednesday: Wed to Tue touches two
		{"2027-10-31", 2, "2027-10-25", 3}, // a Sunday
		{"2027-10-26", 6, "2027-10-25", 7},
	}
	for _, c := range cases {
		monday, n := CalendarWeeks(day(c.start), c.weeks)
		if got := monday.Format(time.DateOnly); got != c.monday || n != c.n {
			t.Errorf("CalendarWeeks(%s, %d) = %s, %d; want %s, %d", c.start, c.weeks, got, n, c.monday, c.n)
		}
	}
}
