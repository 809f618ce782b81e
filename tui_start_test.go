package main

import (
	"errors"
	"path/filepath"
	"testing"

	"weekfit/planner"
	"weekfit/store"
)

// TestWatchedStartRemembersWhatItRead: the week grid's first load is one
// read (Start), and it guards the writes after it as the separate reads
// did: a week, a name or a chosen plan changed in another window since is
// not overwritten, and the grid's own writes from the latest copy go
// through.
func TestWatchedStartRemembersWhatItRead(t *testing.T) {
	sc, err := planner.ParseScenario(demoScenario)
	if err != nil {
		t.Fatal(err)
	}
	plans, err := planner.Solve(sc, planner.Options{Top: 2})
	if err != nil || len(plans.Plans) < 2 {
		t.Fatalf("solve: %v", err)
	}
	writes := []struct {
		name      string
		elsewhere func(b watchedStore, id string) error // another window's write, from its own read
		here      func(a watchedStore, id string) error // this grid's write after its Start
	}{
		{"week", func(b watchedStore, id string) error {
			week, err := b.Scenario(id)
			if err != nil {
				return err
			}
			week.Name = "saved elsewhere"
			return b.SaveScenario(id, week)
		}, func(a watchedStore, id string) error { return a.SaveScenario(id, sc) }},
		{"name", func(b watchedStore, id string) error {
			if _, err := b.ListProfiles(); err != nil {
				return err
			}
			return b.RenameProfile(id, "Sam")
		}, func(a watchedStore, id string) error { return a.RenameProfile(id, "Robin") }},
		{"chosen plan", func(b watchedStore, id string) error {
			if _, err := b.Scenario(id); err != nil {
				return err
			}
			if _, _, err := b.Chosen(id); err != nil {
				return err
			}
			return b.ChoosePlan(id, plans.Plans[1], sc)
		}, func(a watchedStore, id string) error { return a.ChoosePlan(id, plans.Plans[0], sc) }},
	}
	for _, w := range writes {
		path := filepath.Join(t.TempDir(), "weekfit.db")
		dbA, dbB := openIdle(t, path), openIdle(t, path)
		p, err := dbA.CreateProfile("Alex", "", sc)
		if err != nil {
			t.Fatal(err)
		}
		a, b := newWatchedStore(dbA), newWatchedStore(dbB)
		start, err := a.Start("")
		if err != nil || start.Profile.ID != p.ID || start.Scenario == nil {
			t.Fatalf("%s: start %+v, %v", w.name, start.Profile, err)
		}
		if err := w.here(a, p.ID); err != nil {
			t.Fatalf("%s: the grid's write from the latest copy: %v", w.name, err)
		}
		if err := w.elsewhere(b, p.ID); err != nil {
			t.Fatalf("%s: the other window's write: %v", w.name, err)
		}
		if err := w.here(a, p.ID); !errors.Is(err, store.ErrStale) {
			t.Errorf("%s: the grid's write over the other window's: %v, want ErrStale", w.name, err)
		}
	}
}
