package export

import (
	"strings"
	"testing"
	"time"

	"weekfit/planner"
)

// boardWeek is the rotation week with a second program that cannot fit
// (it meets during the shifts, with no travel to its place).
func boardWeek(t *testing.T) (*planner.Scenario, planner.Plan, []planner.BoardRow) {
	t.Helper()
	sc, p := testPlan(t, "export_rotation.json")
	sc.Places = append(sc.Places, planner.Place{ID: "farclinic", Name: "Faraway Counseling"})
	sc.Programs = append(sc.Programs, planner.Program{ID: "far", Name: "Faraway IOP", Place: "farclinic", Modality: planner.InPerson,
		MinDays: 3, MinMinutes: 9 * 60, Tracks: []planner.Track{{Name: "Day", Sessions: []planner.Span{
			{Days: planner.DaySet(0x1f), Time: planner.Clock{Start: 10 * 60, End: 13 * 60}}}}}})
	rows, err := planner.Board(sc, &planner.Catalog{Details: map[string]planner.Details{"far": {LastVerified: "2025-01-01"}}},
		[]string{"far"}, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), planner.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || !rows[0].Fits || rows[1].Fits || !rows[1].Stale {
		t.Fatalf("board %+v", rows)
	}
	return sc, p, rows
}

// TestBoardInExports: the Markdown has an "Options we looked at" section and
// the PDF a page with the board; without names neither names a program, a
// place or a job, and a program that does not fit says so without its reason.
func TestBoardInExports(t *testing.T) {
	needTool(t, "pdftotext")
	sc, p, rows := boardWeek(t)
	opt := Options{Start: ymd("2026-03-02"), Loc: time.UTC, Now: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Board: rows}
	for _, f := range []string{"md", "pdf"} {
		text := exportText(t, f, sc, p, opt)
		stale := map[string]string{"md": "Option 2 (" + neutralStale + ")", "pdf": "* Option 2"}[f]
		for _, want := range []string{BoardTitle, "Option 1", stale, "does not fit this week", "Home by", neutralStale} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q:\n%s", f, want, text)
			}
		}
		if w := sensitiveIn(sc, text); w != "" {
			t.Errorf("discreet %s holds %q", f, w)
		}
		named := opt
		named.Names = true
		text = exportText(t, f, sc, p, named)
		for _, want := range []string{"Faraway IOP", rows[0].Name, rows[0].Days(), planner.StaleWarning} {
			if !strings.Contains(text, want) {
				t.Errorf("%s with names lacks %q:\n%s", f, want, text)
			}
		}
	}
	md := exportText(t, "md", sc, p, Options{Start: ymd("2026-03-02"), Loc: time.UTC, Names: true, Board: rows})
	if !strings.Contains(md, "| Faraway IOP ("+planner.StaleWarning+") | no | "+rows[1].Reason+" |") {
		t.Errorf("the Markdown row of a program that does not fit:\n%s", md)
	}
	pages := poppler(t, "pdfinfo", renderPDFFile(t, sc, p, opt))
	if !strings.Contains(pages, "Pages:           2") {
		t.Errorf("the handout with a board should have two pages:\n%s", pages)
	}
	opt.Board = nil
	if md := exportText(t, "md", sc, p, opt); strings.Contains(md, BoardTitle) {
		t.Errorf("no board given, yet the Markdown has its section")
	}
}
