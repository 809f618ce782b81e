package main

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"weekfit/planner"
	"weekfit/store"
)

func openIdle(t *testing.T, path string) *store.DB {
	t.Helper()
	db, err := store.Open(path, store.Options{Idle: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// Two week grids on one database: a week saved from before the other's
// save is refused with the sentence, and the other's save is kept.
func TestWatchedStoreRefusesAStaleWeek(t *testing.T) {
	path := filepath.Join(t.TempDir(), "weekfit.db")
	sc, err := planner.ParseScenario(demoScenario)
	if err != nil {
		t.Fatal(err)
	}
	dbA, dbB := openIdle(t, path), openIdle(t, path)
	p, err := dbA.CreateProfile("Alex", "", sc)
	if err != nil {
		t.Fatal(err)
	}
	a, b := newWatchedStore(dbA), newWatchedStore(dbB)
	weekA, err := a.Scenario(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	weekB, err := b.Scenario(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	weekB.Name = "saved by b"
	if err := b.SaveScenario(p.ID, weekB); err != nil {
		t.Fatalf("b's save: %v", err)
	}
	weekB.Name = "saved by b again"
	if err := b.SaveScenario(p.ID, weekB); err != nil {
		t.Fatalf("b's second save (its own week is not stale): %v", err)
	}
	weekA.Name = "saved by a"
	err = a.SaveScenario(p.ID, weekA)
	if !errors.Is(err, store.ErrStale) {
		t.Fatalf("a's save from before b's: %v, want ErrStale", err)
	}
	if want := "this week was changed in another weekfit window; it has been reloaded — make the change again"; err.Error() != want {
		t.Errorf("sentence %q, want %q", err, want)
	}
	got, err := a.Scenario(p.ID)
	if err != nil || got.Name != "saved by b again" {
		t.Fatalf("after the refusal a reads %q (%v), want b's week", got.Name, err)
	}
	got.Name = "saved by a after reloading"
	if err := a.SaveScenario(p.ID, got); err != nil {
		t.Errorf("a's save after reloading: %v", err)
	}
}

// A command that meets another weekfit's read or write waits a few seconds
// for it instead of failing at once.
func TestCommandWaitsForAWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "weekfit.db")
	held, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		time.Sleep(1500 * time.Millisecond)
		done <- held.Close()
	}()
	r := runDB(t, path, nil, "", "profiles")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if r.code != 0 {
		t.Errorf("profiles while another weekfit held the file for 1.5 s: %+v", r)
	}
}
