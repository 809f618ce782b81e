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
