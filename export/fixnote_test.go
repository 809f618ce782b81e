package export

import (
	"strings"
	"testing"

	"weekfit/planner"
)

// rotationFix is a fix for the rotation week: two shift asks, an unpaid
// raise, and a cover that is not the employer's to give.
func rotationFix() []planner.Ask {
	wd := func(w int, d planner.Day) planner.WeekDay { return planner.WeekDay{Week: w, Day: d} }
	return []planner.Ask{
		{Kind: planner.AskShift, Party: "Harbor Depot", Job: "Harbor Depot", Days: []planner.WeekDay{wd(2, planner.Mon), wd(2, planner.Wed)},
			From: planner.Clock{Start: 540, End: 1020}, To: planner.Clock{Start: 540, End: 990}},
		{Kind: planner.AskShift, Party: "Harbor Depot", Job: "Harbor Depot", Days: []planner.WeekDay{wd(1, planner.Fri)},
			From: planner.Clock{Start: 420, End: 900}, Off: true},
		{Kind: planner.AskUnpaid, Party: "Harbor Depot", Job: "Harbor Depot", Minutes: 60},
		{Kind: planner.AskCover, Party: "Sam", Commitment: "School pickup", Days: []planner.WeekDay{wd(1, planner.Mon)}},
	}
}

func TestFixNote(t *testing.T) {
	sc := loadExportScenario(t, "export_rotation.json")
	if _, err := planner.ApplyAsks(sc, rotationFix()); err != nil {
		t.Fatalf("the test fix does not fit the week: %v", err)
	}
	note := FixNote(sc, rotationFix(), 4, planner.ExportOptions{Start: ymd("2026-03-04")})
	golden(t, "export_rotation.fixnote.txt", []byte(note))
	if w := sensitiveIn(sc, note); w != "" {
		t.Errorf("the note to the employer names %q:\n%s", w, note)
	}
	for _, name := range []string{"School pickup", "Sam"} {
		if strings.Contains(note, name) {
			t.Errorf("the note names the duty or helper %q", name)
		}
	}
	for _, want := range []string{
		"from Wed 4 Mar 2026 to Tue 31 Mar 2026\n(4 weeks)",
		"1. On Mon, Wed of week 2: 09:00-16:30 instead of 09:00-17:00 (30 min of my usual hours each day).",
		"2. On Fri of week 1: the day off instead of 07:00-15:00 (8 h of my usual hours each day).",
		"3. Up to 1 h more unpaid time a week",
		"  Fri 6 Mar 2026: day off instead of 07:00-15:00, 8 h of my usual hours\n",
		"  Mon 9 Mar 2026: 09:00-16:30 instead of 09:00-17:00, 30 min of my usual hours\n",
		"  Week of Mon 9 Mar 2026: 1 h\n",
		"In all: 18 h over the 4 weeks.",
	} {
		if !strings.Contains(note, want) {
			t.Errorf("the note lacks %q:\n%s", want, note)
		}
	}
	if strings.Contains(note, "  Mon 2 Mar 2026: ") || strings.Contains(note, "  Wed 4 Mar 2026: ") {
		t.Errorf("the note lists a day before the start or of the wrong week:\n%s", note)
	}
	other := FixNote(sc, rotationFix(), 4, planner.ExportOptions{Start: ymd("2026-03-04"), Job: "Elsewhere"})
	if !strings.Contains(other, "No change to my usual working hours") {
		t.Errorf("with another job's filter the note asks for something:\n%s", other)
	}
	covers := FixNote(sc, rotationFix()[3:], 0, planner.ExportOptions{Start: ymd("2026-03-04")})
	if !strings.Contains(covers, "No change") || !strings.Contains(covers, "(12 weeks)") {
		t.Errorf("a fix of covers only asks the employer for something:\n%s", covers)
	}
}

// TestFixNoteFromShiftChange writes the note from the fix weekfit finds for
// the office week's Morning track, a shift at new times on three days: it
// asks for exactly those times on every date of the program, with the
// usual hours they leave (09:00-12:20) week by week, and names no program,
// place or kind of appointment.
func TestFixNoteFromShiftChange(t *testing.T) {
	sc := loadExportScenario(t, "../../examples/office.json")
	res, err := planner.Solve(sc, planner.Options{Fixes: true})
	if err != nil {
		t.Fatal(err)
	}
	var asks []planner.Ask
	for _, rj := range res.Rejected {
		if rj.Track == "Morning" && len(rj.Fixes) > 0 {
			asks = rj.Fixes[0].Asks
		}
	}
	if len(asks) != 1 || asks[0].Kind != planner.AskShift || asks[0].Off {
		t.Fatalf("want one shift change for the Morning track, got %+v", asks)
	}
	note := FixNote(sc, asks, 2, planner.ExportOptions{Start: ymd("2026-03-02")})
	for _, want := range []string{
		"1. On Mon, Wed, Fri: 12:20-20:20 instead of 09:00-17:00 (3 h 20 min of my usual hours each day).",
		"  Mon 2 Mar 2026: 12:20-20:20 instead of 09:00-17:00, 3 h 20 min of my usual hours\n",
		"  Fri 13 Mar 2026: 12:20-20:20 instead of 09:00-17:00, 3 h 20 min of my usual hours\n",
		"  Week of Mon 9 Mar 2026: 10 h\n",
		"In all: 20 h over the 2 weeks.",
	} {
		if !strings.Contains(note, want) {
			t.Errorf("the note lacks %q:\n%s", want, note)
		}
	}
	if n := strings.Count(note, " instead of 09:00-17:00, "); n != 6 {
		t.Errorf("the note lists %d dates, want 6:\n%s", n, note)
	}
	if w := sensitiveIn(sc, note); w != "" {
		t.Errorf("the note to the employer names %q:\n%s", w, note)
	}
}
