package main

import (
	"path/filepath"
	"strings"
	"testing"

	"weekfit/store"
)

// TestExportPlanPhases: a profile whose week gives a start and phases
// exports its calendar from that start, phase by phase, without --start;
// --start moves it.
func TestExportPlanPhases(t *testing.T) {
	sc, err := loadScenario("planner/testdata/phases/evening-aftercare.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "x.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateProfile("Sam", "", sc); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, out, msg := runExportPlan(t, path, "Sam", "--format", "ics")
	if code != 0 || !strings.Contains(out, "DTSTART;TZID=America/New_York:20271025T173000") ||
		!strings.Contains(out, "DTSTART;TZID=America/New_York:20271209T180000") || !strings.Contains(out, "EXDATE;TZID=America/New_York:20271125T173000") {
		t.Fatalf("exit %d %q:\n%s", code, msg, out)
	}
	code, out, msg = runExportPlan(t, path, "Sam", "--format", "ics", "--start", "2028-03-06")
	if code != 0 || !strings.Contains(out, "DTSTART;TZID=America/New_York:20280306T173000") ||
		!strings.Contains(out, "DTSTART;TZID=America/New_York:20280420T180000") || strings.Contains(out, "EXDATE") {
		t.Fatalf("with --start: exit %d %q:\n%s", code, msg, out)
	}
}
