package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"weekfit/planner"
	"weekfit/store"
)

// weeksDB makes a database with one profile, "Sam", on the week in file
// changed by edit, and returns its path.
func weeksDB(t *testing.T, file string, edit func(string) string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := planner.ParseScenario([]byte(edit(string(data))))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "x.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.CreateProfile("Sam", "", sc); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestExportPlanWeeksOnPhases: --weeks is refused with a sentence (exit 2)
// for a program with phases, which set its length; a dated program without
// phases lasts --weeks weeks in the calendar, the handout and the note.
func TestExportPlanWeeksOnPhases(t *testing.T) {
	phased := weeksDB(t, "planner/testdata/phases/evening-aftercare.json", func(s string) string { return s })
	for _, format := range []string{"ics", "md", "employer"} {
		code, out, msg := runExportPlan(t, phased, "Sam", "--format", format, "--weeks", "4")
		want := "--weeks: the program has phases (Intensive, Aftercare), which last 18 weeks together and set its length; leave --weeks out, or change the phases' weeks in the week"
		if code != exitInput || msg != want || out != "" {
			t.Errorf("%s with --weeks on phases: exit %d %q, wrote %d bytes; want exit %d %q", format, code, msg, len(out), exitInput, want)
		}
	}
	dated := weeksDB(t, "examples/office.json", func(s string) string {
		return strings.Replace(s, `"cycle_weeks": 1,`, `"cycle_weeks": 1, "start": "2027-03-01",`, 1)
	})
	for _, tt := range []struct{ weeks string }{{"2"}, {"3"}} {
		code, out, msg := runExportPlan(t, dated, "Sam", "--format", "ics", "--weeks", tt.weeks)
		rules := strings.Count(out, "RRULE:")
		if code != exitOK || rules == 0 || strings.Count(out, ";COUNT="+tt.weeks+"\r\n") != rules {
			t.Errorf("--weeks %s: exit %d %q; want every weekly session %s times:\n%s", tt.weeks, code, msg, tt.weeks, out)
		}
		code, out, msg = runExportPlan(t, dated, "Sam", "--format", "md", "--weeks", tt.weeks)
		if code != exitOK || !strings.Contains(out, "("+tt.weeks+" weeks)") {
			t.Errorf("handout with --weeks %s: exit %d %q:\n%s", tt.weeks, code, msg, out)
		}
	}
}
