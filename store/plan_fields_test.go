package store

import (
	"fmt"
	"path/filepath"
	"testing"

	"weekfit/planner"
)

// TestPlanFieldsSurviveTheStore saves a plan with every field set (covers,
// shift changes, a return home after midnight) as the chosen plan and as a
// snapshot, and compares what comes back, field by field, with values written
// here, not with the store's own conversion of the plan.
func TestPlanFieldsSurviveTheStore(t *testing.T) {
	db := openTemp(t)
	sc := exampleScenario(t)
	p, err := db.CreateProfile("me", "", sc)
	if err != nil {
		t.Fatal(err)
	}
	plan := fieldPlan()
	if err := db.ChoosePlan(p.ID, plan, sc); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveSnapshot(p.ID, "both weeks", plan, nil); err != nil {
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
	for _, got := range []struct {
		where string
		plan  planner.Plan
	}{{"chosen", chosen.Plan}, {"snapshot", snaps[0].Plan}} {
		g := got.plan
		for _, f := range []struct {
			name      string
			got, want any
		}{
			{"program", g.Program, "riverside"},
			{"program name", g.ProgramName, "Riverside Recovery IOP"},
			{"track", g.Track, "mixed"},
			{"sessions", fmt.Sprint(g.Sessions), "[{1 Tue 17:30-20:30 Evening} {2 Sat 22:00-01:00 Night}]"},
			{"shift changes", fmt.Sprint(g.ShiftChanges), "[{Office 1 Tue 09:00-17:00 08:50-16:50}]"},
			{"covered", fmt.Sprint(g.Covered), "[{School pickup 1 Tue Mom} {Dog walk 2 Sat Sam}]"},
			{"unpaid", g.UnpaidMinutes, 7},
			{"moved", g.MovedMinutes, 20},
			{"travel", g.TravelMinutes, 311},
			{"added travel", g.AddedTravel, 43},
			{"session minutes", g.SessionMinutes, 360},
			{"extra", g.ExtraMinutes, 11},
			{"latest home", g.LatestHome, 1535},
		} {
			if f.got != f.want {
				t.Errorf("%s plan: %s = %v, want %v", got.where, f.name, f.got, f.want)
			}
		}
	}
}

// fieldPlan is a plan with every field set, the values the tests expect back.
func fieldPlan() planner.Plan {
	return planner.Plan{
		Program: "riverside", ProgramName: "Riverside Recovery IOP", Track: planner.MixedTrack,
		Sessions: []planner.Session{
			{Week: 1, Day: planner.Tue, Time: planner.Clock{Start: 17*60 + 30, End: 20*60 + 30}, Track: "Evening"},
			{Week: 2, Day: planner.Sat, Time: planner.Clock{Start: 22 * 60, End: 1 * 60}, Track: "Night"},
		},
		ShiftChanges: []planner.ShiftChange{{Job: "Office", Week: 1, Day: planner.Tue,
			From: planner.Clock{Start: 9 * 60, End: 17 * 60}, To: planner.Clock{Start: 8*60 + 50, End: 16*60 + 50}}},
		Covered: []planner.Cover{
			{Commitment: "School pickup", Week: 1, Day: planner.Tue, By: "Mom"},
			{Commitment: "Dog walk", Week: 2, Day: planner.Sat, By: "Sam"},
		},
		UnpaidMinutes: 7, MovedMinutes: 20, TravelMinutes: 311, AddedTravel: 43,
		SessionMinutes: 360, ExtraMinutes: 11, LatestHome: 24*60 + 95,
	}
}

// TestPassphraseResealsSavedPlans sets a passphrase on a database that
// already holds a chosen plan and a snapshot: both are sealed with the rest
// and read back whole with the passphrase.
func TestPassphraseResealsSavedPlans(t *testing.T) {
	db := openAt(t, filepath.Join(t.TempDir(), "x.db"), Options{})
	sc := exampleScenario(t)
	p, err := db.CreateProfile("me", "", sc)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.ChoosePlan(p.ID, fieldPlan(), sc); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveSnapshot(p.ID, "both weeks", fieldPlan(), nil); err != nil {
		t.Fatal(err)
	}
	if err := db.SetPassphrase("", "correct horse"); err != nil {
		t.Fatal(err)
	}
	db, err = reopen(t, db, Options{Passphrase: pass("correct horse")})
	if err != nil {
		t.Fatal(err)
	}
	chosen, err := db.ChosenPlan(p.ID)
	if err != nil {
		t.Fatalf("the chosen plan after setting a passphrase: %v", err)
	}
	snaps, err := db.Snapshots(p.ID)
	if err != nil || len(snaps) != 1 {
		t.Fatalf("snapshots after setting a passphrase: %+v, %v", snaps, err)
	}
	want := fmt.Sprint(fieldPlan())
	if fmt.Sprint(chosen.Plan) != want || fmt.Sprint(snaps[0].Plan) != want {
		t.Errorf("plans changed when sealed:\n%v\n%v\nwant\n%s", chosen.Plan, snaps[0].Plan, want)
	}
}
