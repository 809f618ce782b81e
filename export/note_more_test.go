package export

import (
	"strings"
	"testing"

	"weekfit/planner"
)

// twoJobs is a week with two jobs, for the employer note.
func twoJobs() *planner.Scenario {
	return &planner.Scenario{CycleWeeks: 1, Jobs: []planner.Job{{Name: "Cafe"}, {Name: "Shop"}},
		Programs: []planner.Program{{ID: "p", Name: "Hope IOP", Weeks: 1, Tracks: []planner.Track{{Name: "Evening"}}}}}
}

func TestEmployerNoteTwoJobsSameDay(t *testing.T) {
	sc := twoJobs()
	p := &planner.Plan{Program: "p", Track: "Evening", Sessions: []planner.Session{{Week: 1, Day: planner.Tue, Time: planner.Clock{Start: 18 * 60, End: 21 * 60}, Track: "Evening"}},
		ShiftChanges: []planner.ShiftChange{
			{Job: "Shop", Week: 1, Day: planner.Tue, From: planner.Clock{Start: 13 * 60, End: 17 * 60}, To: planner.Clock{Start: 13 * 60, End: 16 * 60}},
			{Job: "Cafe", Week: 1, Day: planner.Tue, From: planner.Clock{Start: 7 * 60, End: 11 * 60}, To: planner.Clock{Start: 7 * 60, End: 10*60 + 30}},
		}}
	note := EmployerNote(sc, p, planner.ExportOptions{Start: ymd("2026-03-02")})
	want := "  Tue 3 Mar 2026: 07:00-10:30 instead of 07:00-11:00 (Cafe), 30 min of my usual hours\n" +
		"  Tue 3 Mar 2026: 13:00-16:00 instead of 13:00-17:00 (Shop), 1 h of my usual hours\n"
	if !strings.Contains(note, want) {
		t.Errorf("note:\n%s\nwant the changes, earlier first, each with its job:\n%s", note, want)
	}
	if !strings.Contains(note, "In all: 1 h 30 min over the 1 weeks.") {
		t.Errorf("note total:\n%s", note)
	}
}

// TestEmployerNoteKeepsOrderOnATie: two changes on one day at the same
// minute stay in the plan's order.
func TestEmployerNoteKeepsOrderOnATie(t *testing.T) {
	sc := twoJobs()
	p := &planner.Plan{Program: "p", Track: "Evening", Sessions: []planner.Session{{Week: 1, Day: planner.Tue, Time: planner.Clock{Start: 18 * 60, End: 21 * 60}, Track: "Evening"}},
		ShiftChanges: []planner.ShiftChange{
			{Job: "Shop", Week: 1, Day: planner.Tue, From: planner.Clock{Start: 7 * 60, End: 12 * 60}, To: planner.Clock{Start: 7 * 60, End: 11 * 60}},
			{Job: "Cafe", Week: 1, Day: planner.Tue, From: planner.Clock{Start: 7 * 60, End: 11 * 60}, To: planner.Clock{Start: 7 * 60, End: 10 * 60}},
		}}
	note := EmployerNote(sc, p, planner.ExportOptions{Start: ymd("2026-03-02")})
	shop, cafe := strings.Index(note, "(Shop)"), strings.Index(note, "(Cafe)")
	if shop < 0 || cafe < 0 || shop > cafe {
		t.Errorf("the Shop change should come first, as in the plan:\n%s", note)
	}
}

func TestEmployerNoteNoChanges(t *testing.T) {
	sc := twoJobs()
	p := &planner.Plan{Program: "p", Track: "Evening", Sessions: []planner.Session{{Week: 1, Day: planner.Tue, Time: planner.Clock{Start: 18 * 60, End: 21 * 60}, Track: "Evening"}}}
	note := EmployerNote(sc, p, planner.ExportOptions{Start: ymd("2026-03-02")})
	want := "No change to my usual working hours is needed in this period: the\nappointments fall outside them. I am letting you know in advance.\n"
	if !strings.HasSuffix(note, want) || strings.Contains(note, "In all") {
		t.Errorf("note:\n%s", note)
	}
}

func TestLostMinutesAcrossMidnight(t *testing.T) {
	// a 01:00-09:00 shift moved to start at 23:30 the evening before
	if got := lostMinutes(planner.Clock{Start: 60, End: 9 * 60}, planner.Clock{Start: 23*60 + 30, End: 7*60 + 30}); got != 90 {
		t.Errorf("lost %d, want 90", got)
	}
}

func TestWhereLineOfAProgramNotInTheWeek(t *testing.T) {
	sc := twoJobs()
	for _, c := range []struct{ track, want string }{{"Evening", "Gone IOP, Evening track"}, {planner.MixedTrack, "Gone IOP, mixed tracks"}} {
		if got := whereLine(sc, &planner.Plan{Program: "gone", ProgramName: "Gone IOP", Track: c.track}); got != c.want {
			t.Errorf("whereLine = %q, want %q", got, c.want)
		}
	}
}
