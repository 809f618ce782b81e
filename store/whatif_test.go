package store

import (
	"errors"
	"reflect"
	"testing"

	"weekfit/planner"
)

// tuesdaysOff is the office week with Tuesday off, as a what-if.
func tuesdaysOff(t *testing.T, sc *planner.Scenario) (*planner.Scenario, []planner.Ask) {
	t.Helper()
	asks := []planner.Ask{{Kind: planner.AskShift, Party: "Office", Job: "Office", Days: []planner.WeekDay{{Week: 1, Day: planner.Tue}},
		From: planner.Clock{Start: 540, End: 1020}, Off: true, MinutesLost: 480}}
	out, err := planner.ApplyAsks(sc, asks)
	if err != nil {
		t.Fatal(err)
	}
	return out, asks
}

func newProfileWithWeek(t *testing.T, db *DB) (Profile, *planner.Scenario) {
	t.Helper()
	sc := exampleScenario(t)
	p, err := db.CreateProfile("me", "", sc)
	if err != nil {
		t.Fatal(err)
	}
	return p, sc
}

func TestWhatIfSaveFindRename(t *testing.T) {
	db := openTemp(t)
	p, sc := newProfileWithWeek(t, db)
	wi, asks := tuesdaysOff(t, sc)
	best := examplePlans(t, wi)[0]
	saved, err := db.SaveWhatIf(p.ID, "Tuesdays off", wi, &best, asks)
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.WhatIf(p.ID, "tuesdays OFF")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != saved.ID || !reflect.DeepEqual(got.Asks, asks) || !reflect.DeepEqual(got.Scenario, wi) || !got.HasPlan() ||
		!reflect.DeepEqual(got.Plan, exported(best)) {
		t.Fatalf("what-if read back %+v", got)
	}
	if byID, err := db.WhatIf(p.ID, saved.ID); err != nil || byID.Name != "Tuesdays off" {
		t.Fatalf("by id: %+v %v", byID, err)
	}
	none, err := db.SaveWhatIf(p.ID, "Nothing fits", wi, nil, nil)
	if err != nil || none.HasPlan() || none.Asks != nil {
		t.Fatalf("a what-if without a plan: %+v %v", none, err)
	}
	for _, c := range []struct {
		name string
		want error
	}{{"TUESDAYS OFF", ErrExists}, {"week", ErrInvalid}, {"Chosen", ErrInvalid}, {"  ", ErrInvalid}, {"a\nb", ErrInvalid}, {"\x1b[2J", ErrInvalid}} {
		if _, err := db.SaveWhatIf(p.ID, c.name, wi, nil, nil); !errors.Is(err, c.want) {
			t.Errorf("save %q: %v, want %v", c.name, err, c.want)
		}
	}
	if err := db.RenameWhatIf(p.ID, none.ID, "tuesdays off"); !errors.Is(err, ErrExists) {
		t.Fatalf("rename to a taken name: %v", err)
	}
	if err := db.RenameWhatIf(p.ID, saved.ID, "Tuesdays OFF"); err != nil {
		t.Fatalf("a what-if may change the case of its own name: %v", err)
	}
	if err := db.RenameWhatIf(p.ID, none.ID, "Still nothing"); err != nil {
		t.Fatal(err)
	}
	list, err := db.Snapshots(p.ID)
	if err != nil || len(list) != 2 || list[0].Name != "Tuesdays OFF" || list[1].Name != "Still nothing" {
		t.Fatalf("list %+v %v", list, err)
	}
	if _, err := db.WhatIf(p.ID, "Mondays off"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown what-if: %v", err)
	}
}

func TestWhatIfDelete(t *testing.T) {
	db := openTemp(t)
	p, sc := newProfileWithWeek(t, db)
	wi, asks := tuesdaysOff(t, sc)
	saved, err := db.SaveWhatIf(p.ID, "Tuesdays off", wi, nil, asks)
	if err != nil {
		t.Fatal(err)
	}
	best := examplePlans(t, sc)[0]
	if err := db.ChoosePlan(p.ID, best, sc); err != nil {
		t.Fatal(err)
	}
	chosen, err := db.ChosenPlan(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteWhatIf(p.ID, chosen.ID); !errors.Is(err, ErrInvalid) {
		t.Fatalf("deleting the chosen plan as a what-if: %v", err)
	}
	if err := db.DeleteWhatIf(p.ID, saved.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.WhatIf(p.ID, "Tuesdays off"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted what-if still found: %v", err)
	}
	if _, err := db.ChosenPlan(p.ID); err != nil {
		t.Fatalf("the chosen plan went with the what-if: %v", err)
	}
	if err := db.DeleteWhatIf(p.ID, saved.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting twice: %v", err)
	}
}

func TestWhatIfAdoptAndUndo(t *testing.T) {
	db := openTemp(t)
	p, sc := newProfileWithWeek(t, db)
	wi, asks := tuesdaysOff(t, sc)
	saved, err := db.SaveWhatIf(p.ID, "Tuesdays off", wi, nil, asks)
	if err != nil {
		t.Fatal(err)
	}
	oldBest := examplePlans(t, sc)[0]
	before, err := db.AdoptWhatIf(p.ID, saved.ID, &oldBest)
	if err != nil {
		t.Fatal(err)
	}
	week, err := db.Scenario(p.ID)
	if err != nil || !reflect.DeepEqual(week, wi) {
		t.Fatalf("the week after adopting is not the what-if's: %v", err)
	}
	if before.Name != "before Tuesdays off" || before.Replaced != "Tuesdays off" || !reflect.DeepEqual(before.Scenario, sc) || before.Plan.Program != oldBest.Program {
		t.Fatalf("the week before was kept as %+v", before)
	}
	if _, err := db.WhatIf(p.ID, "Tuesdays off"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the adopted what-if is still listed: %v", err)
	}
	// Undo: adopting the week before gives the week back and the what-if its name.
	again, err := db.AdoptWhatIf(p.ID, before.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if week, _ := db.Scenario(p.ID); !reflect.DeepEqual(week, sc) {
		t.Fatal("undo did not give the week back")
	}
	if again.Name != "Tuesdays off" || !reflect.DeepEqual(again.Scenario, wi) {
		t.Fatalf("undo kept %+v", again)
	}
	list, _ := db.Snapshots(p.ID)
	if len(list) != 1 {
		t.Fatalf("after adopt and undo the profile has %d what-ifs, want 1", len(list))
	}
	// A name already taken gets a number.
	if _, err := db.SaveWhatIf(p.ID, "before Tuesdays off", sc, nil, nil); err != nil {
		t.Fatal(err)
	}
	third, err := db.AdoptWhatIf(p.ID, again.ID, nil)
	if err != nil || third.Name != "before Tuesdays off (2)" {
		t.Fatalf("adopting next to a taken name: %+v %v", third, err)
	}
}

func TestWhatIfExportImport(t *testing.T) {
	db := openTemp(t)
	p, sc := newProfileWithWeek(t, db)
	wi, asks := tuesdaysOff(t, sc)
	saved, err := db.SaveWhatIf(p.ID, "Tuesdays off", wi, nil, asks)
	if err != nil {
		t.Fatal(err)
	}
	before, err := db.AdoptWhatIf(p.ID, saved.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	data, err := db.ExportProfile("me")
	if err != nil {
		t.Fatal(err)
	}
	other := openTemp(t)
	q, _, err := other.ImportProfile(data, "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := other.WhatIf(q.ID, before.Name)
	if err != nil || got.Replaced != "Tuesdays off" || got.HasPlan() || !reflect.DeepEqual(got.Scenario, sc) {
		t.Fatalf("imported %+v %v", got, err)
	}
	back, err := other.AdoptWhatIf(q.ID, got.ID, nil)
	if err != nil || !reflect.DeepEqual(back.Scenario, wi) {
		t.Fatalf("undo in the imported profile: %+v %v", back, err)
	}
	// Asks survive the trip too.
	if _, err := db.SaveWhatIf(p.ID, "with asks", wi, nil, asks); err != nil {
		t.Fatal(err)
	}
	data, _ = db.ExportProfile("me")
	q, _, err = other.ImportProfile(data, "")
	if err != nil {
		t.Fatal(err)
	}
	if w, err := other.WhatIf(q.ID, "WITH ASKS"); err != nil || !reflect.DeepEqual(w.Asks, asks) {
		t.Fatalf("asks after import: %+v %v", w.Asks, err)
	}
}
