package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"weekfit/planner"
	"weekfit/store"
)

// TestExportPlanUsesStoredPhases: a chosen plan whose later phase is not
// the best one for its first (Thursday aftercare where Wednesday ranks
// first) is exported with the phases it was chosen with, not rebuilt.
func TestExportPlanUsesStoredPhases(t *testing.T) {
	data, err := os.ReadFile("planner/testdata/phases/evening-aftercare.json")
	if err != nil {
		t.Fatal(err)
	}
	// Wednesday aftercare after work, so that both aftercare tracks fit.
	data = []byte(strings.Replace(string(data), `"days": "Wed", "time": "10:00-11:00"`, `"days": "Wed", "time": "18:00-19:00"`, 1))
	sc, err := planner.ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := planner.Solve(sc, planner.Options{Top: 5})
	if err != nil || len(res.Plans) != 2 || res.Plans[0].Phases[1].Plan.Track != "Wednesday" || res.Plans[1].Phases[1].Plan.Track != "Thursday" {
		t.Fatalf("want Wednesday, then Thursday aftercare: %+v %v", res, err)
	}
	path := filepath.Join(t.TempDir(), "x.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	prof, err := db.CreateProfile("Sam", "", sc)
	if err == nil {
		err = db.ChoosePlan(prof.ID, res.Plans[1], sc)
	}
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, msg := runExportPlan(t, path, "Sam", "--format", "ics")
	thu, wed := "DTSTART;TZID=America/New_York:20271209T180000", "DTSTART;TZID=America/New_York:20271208T180000"
	if code != exitOK || !strings.Contains(out, thu) || strings.Contains(out, wed) {
		t.Errorf("calendar: exit %d %q; want Thursday aftercare (%s) and no Wednesday:\n%s", code, msg, thu, out)
	}
	code, out, msg = runExportPlan(t, path, "Sam", "--format", "md")
	if code != exitOK || !strings.Contains(out, "Thu 18:00-19:00") || strings.Contains(out, "Wed 18:00-19:00") {
		t.Errorf("handout: exit %d %q; want Thursday aftercare and no Wednesday:\n%s", code, msg, out)
	}
}
