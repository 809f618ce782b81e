package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"weekfit/planner"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// phasedPlan is a plan of two phases with its leave, every field set, the
// values the tests expect back. Its later phase is not what a solve would
// give, so that a store that rebuilt it could not pass.
func phasedPlan() planner.Plan {
	first := fieldPlan()
	later := planner.Plan{Program: "riverside", ProgramName: "Riverside Recovery IOP", Track: "Thursday",
		Sessions:      []planner.Session{{Week: 1, Day: planner.Thu, Time: planner.Clock{Start: 18 * 60, End: 19 * 60}, Track: "Thursday"}},
		UnpaidMinutes: 3, MovedMinutes: 4, TravelMinutes: 50, AddedTravel: 5, SessionMinutes: 60, ExtraMinutes: 1, LatestHome: 19*60 + 25}
	p := first
	p.Phases = []planner.PhasePlan{
		{Name: "Intensive", Weeks: 6, From: day("2027-10-25"), Until: day("2027-12-05"), Plan: first},
		{Name: "Aftercare", Weeks: 12, From: day("2027-12-06"), Until: day("2028-02-27"), Plan: later},
	}
	p.Leave = &planner.LeaveLedger{Increment: 30, MinutesPerWeek: []float64{180, 7.5}, TotalMinutes: 1110, EntitlementLeft: -90,
		RunsOut: day("2028-02-21"), EntitlementTotal: 1200, PhaseMinutes: []int{1020, 90}, Skipped: []time.Time{day("2027-11-25"), day("2027-12-30")}}
	return p
}

// TestPhasedPlanSurvivesTheStore saves a plan of two phases with its leave as
// the chosen plan, as a snapshot and through a profile export, and compares
// what comes back, field by field, with values written here.
func TestPhasedPlanSurvivesTheStore(t *testing.T) {
	db := openTemp(t)
	sc := exampleScenario(t)
	p, err := db.CreateProfile("me", "", sc)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.ChoosePlan(p.ID, phasedPlan(), sc); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveSnapshot(p.ID, "two phases", phasedPlan(), nil); err != nil {
		t.Fatal(err)
	}
	chosen, err := db.ChosenPlan(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	snaps, err := db.Snapshots(p.ID)
	if err != nil || len(snaps) != 1 {
		t.Fatalf("snapshots %+v, %v", snaps, err)
	}
	data, err := db.ExportProfile(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	other := openTemp(t)
	q, _, err := other.ImportProfile(data, "")
	if err != nil {
		t.Fatal(err)
	}
	imported, err := other.ChosenPlan(q.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range []struct {
		where string
		plan  planner.Plan
	}{{"chosen", chosen.Plan}, {"snapshot", snaps[0].Plan}, {"imported", imported.Plan}} {
		checkPhasedFields(t, got.where, got.plan)
	}
}

func checkPhasedFields(t *testing.T, where string, g planner.Plan) {
	t.Helper()
	if len(g.Phases) != 2 || g.Leave == nil {
		t.Fatalf("%s plan: %d phases, leave %v; want 2 phases and the leave", where, len(g.Phases), g.Leave)
	}
	a, b := g.Phases[0], g.Phases[1]
	l := g.Leave
	for _, f := range []struct {
		name      string
		got, want any
	}{
		{"track", g.Track, "mixed"},
		{"sessions", fmt.Sprint(g.Sessions), "[{1 Tue 17:30-20:30 Evening} {2 Sat 22:00-01:00 Night}]"},
		{"phase 1", fmt.Sprintf("%s %d %s %s", a.Name, a.Weeks, a.From.Format(time.DateOnly), a.Until.Format(time.DateOnly)), "Intensive 6 2027-10-25 2027-12-05"},
		{"phase 1 plan", fmt.Sprint(a.Plan.Sessions, a.Plan.ShiftChanges, a.Plan.Covered, a.Plan.UnpaidMinutes, a.Plan.LatestHome),
			"[{1 Tue 17:30-20:30 Evening} {2 Sat 22:00-01:00 Night}] [{Office 1 Tue 09:00-17:00 08:50-16:50}] [{School pickup 1 Tue Mom} {Dog walk 2 Sat Sam}] 7 1535"},
		{"phase 2", fmt.Sprintf("%s %d %s %s", b.Name, b.Weeks, b.From.Format(time.DateOnly), b.Until.Format(time.DateOnly)), "Aftercare 12 2027-12-06 2028-02-27"},
		{"phase 2 track", b.Plan.Track, "Thursday"},
		{"phase 2 sessions", fmt.Sprint(b.Plan.Sessions), "[{1 Thu 18:00-19:00 Thursday}]"},
		{"phase 2 figures", fmt.Sprint(b.Plan.UnpaidMinutes, b.Plan.MovedMinutes, b.Plan.TravelMinutes, b.Plan.AddedTravel, b.Plan.SessionMinutes, b.Plan.ExtraMinutes, b.Plan.LatestHome),
			"3 4 50 5 60 1 1165"},
		{"phase 2 nested", len(b.Plan.Phases) == 0 && b.Plan.Leave == nil, true},
		{"increment", l.Increment, 30},
		{"per week", fmt.Sprint(l.MinutesPerWeek), "[180 7.5]"},
		{"total", l.TotalMinutes, 1110},
		{"left", l.EntitlementLeft, -90},
		{"entitlement", l.EntitlementTotal, 1200},
		{"runs out", l.RunsOut.Format(time.DateOnly), "2028-02-21"},
		{"per phase", fmt.Sprint(l.PhaseMinutes), "[1020 90]"},
		{"skipped", fmt.Sprint(l.Skipped[0].Format(time.DateOnly), " ", l.Skipped[1].Format(time.DateOnly)), "2027-11-25 2027-12-30"},
		{"warning", l.Warning(), "This plan needs 18.5 h of leave, more than the 17 h left: the leave runs out in the week of Mon 21 Feb 2028."},
	} {
		if f.got != f.want {
			t.Errorf("%s plan: %s = %v, want %v", where, f.name, f.got, f.want)
		}
	}
}

// TestDatabaseFromBeforePhasesReads opens a database written by weekfit
// before plans kept their phases (testdata/before-phases.bolt: a profile
// with a phased week, its chosen plan and a snapshot): both plans read back
// as they were kept, without phases, and a phased plan chosen over the old
// one keeps its phases.
func TestDatabaseFromBeforePhasesReads(t *testing.T) {
	data, err := os.ReadFile("testdata/before-phases.bolt")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	db := openAt(t, path, Options{})
	profs, err := db.Profiles()
	if err != nil || len(profs) != 1 {
		t.Fatalf("profiles %+v, %v", profs, err)
	}
	id := profs[0].ID
	chosen, err := db.ChosenPlan(id)
	if err != nil {
		t.Fatal(err)
	}
	snaps, err := db.Snapshots(id)
	if err != nil || len(snaps) != 1 {
		t.Fatalf("snapshots %+v, %v", snaps, err)
	}
	for _, sp := range []SavedPlan{chosen, snaps[0]} {
		g := sp.Plan
		if g.Program != "lakeside" || g.Track != "Evening" || len(g.Sessions) != 3 || len(g.ShiftChanges) != 3 || g.Phases != nil || g.Leave != nil {
			t.Errorf("old plan %q read back as %+v", sp.Name, g)
		}
		if sp.Scenario == nil || len(sp.Scenario.Programs[0].Phases) != 2 {
			t.Errorf("old plan %q lost its scenario: %+v", sp.Name, sp.Scenario)
		}
	}
	if err := db.ChoosePlan(id, phasedPlan(), exampleScenario(t)); err != nil {
		t.Fatal(err)
	}
	again, err := db.ChosenPlan(id)
	if err != nil {
		t.Fatal(err)
	}
	checkPhasedFields(t, "chosen over an old one", again.Plan)
}

// TestImportRefusesImpossiblePhases: a profile file whose plan has phases or
// leave no weekfit could have written is refused with a sentence naming the
// plan and what is wrong.
func TestImportRefusesImpossiblePhases(t *testing.T) {
	db := openTemp(t)
	plan := func(extra string) string {
		return `{"format":"weekfit profile","version":1,"name":"x","plans":[{"chosen":true,"saved":"2026-01-01T00:00:00Z","plan":{"program":"p","sessions":[]` + extra + `}}]}`
	}
	ok := `{"name":"A","weeks":6,"from":"2027-10-25","until":"2027-12-05","plan":{"program":"p","sessions":[]}}`
	for _, tt := range []struct{ name, extra, want string }{
		{"phase without weeks", `,"phases":[{"name":"A","weeks":0,"from":"2027-10-25","until":"2027-12-05","plan":{"program":"p","sessions":[]}}]`, "phase 1 has no name or an impossible number of weeks"},
		{"phase date", `,"phases":[` + ok + `,{"name":"B","weeks":1,"from":"2027-13-01","until":"","plan":{"program":"p","sessions":[]}}]`, `phase 2: "2027-13-01" is not a date`},
		{"phase session", `,"phases":[{"name":"A","weeks":1,"from":"","until":"","plan":{"program":"p","sessions":[{"week":1,"day":8,"time":{"start":0,"end":60}}]}}]`, "phase 1: session 1 has an impossible day"},
		{"nested phases", `,"phases":[{"name":"A","weeks":1,"from":"","until":"","plan":{"program":"p","sessions":[],"phases":[` + ok + `]}}]`, "phase 1 has phases of its own"},
		{"increment", `,"leave":{"increment_minutes":90,"minutes_per_week":[],"total_minutes":0,"entitlement_left_minutes":0,"entitlement_minutes":0,"phase_minutes":[]}`, "steps of 90 minutes"},
		{"runs out", `,"leave":{"increment_minutes":60,"minutes_per_week":[],"total_minutes":0,"entitlement_left_minutes":0,"entitlement_minutes":0,"phase_minutes":[],"runs_out":"soon"}`, `the leave: "soon" is not a date`},
	} {
		_, _, err := db.ImportProfile([]byte(plan(tt.extra)), "")
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want ErrInvalid with %q", tt.name, err, tt.want)
		}
	}
	if _, _, err := db.ImportProfile([]byte(plan(`,"phases":[`+ok+`]`)), ""); err != nil {
		t.Errorf("a plan with a good phase: %v", err)
	}
}

// BenchmarkSavePhasedPlan measures saving a chosen plan of two phases with
// its leave, and reading it back, as BenchmarkSavePlan does for one week.
func BenchmarkSavePhasedPlan(b *testing.B) {
	db := openTemp(b)
	sc := exampleScenario(b)
	p, err := db.CreateProfile("me", "", sc)
	if err != nil {
		b.Fatal(err)
	}
	pl := phasedPlan()
	for b.Loop() {
		if err := db.ChoosePlan(p.ID, pl, sc); err != nil {
			b.Fatal(err)
		}
		if _, err := db.ChosenPlan(p.ID); err != nil {
			b.Fatal(err)
		}
	}
}
