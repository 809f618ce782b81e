package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
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

// twoGrids opens one database as two week grids do, with a profile that has
// a what-if, and has both grids read it (the profile list, the week, the
// chosen plan, the what-ifs) as a grid does when it opens.
func twoGrids(t *testing.T) (a, b watchedStore, id, whatIf string, plans []planner.Plan) {
	t.Helper()
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
	w, err := dbA.SaveWhatIf(p.ID, "Later start", sc, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := planner.Solve(sc, planner.Options{Top: 2})
	if err != nil || len(res.Plans) < 2 {
		t.Fatalf("solve the demo week: %v", err)
	}
	a, b = newWatchedStore(dbA), newWatchedStore(dbB)
	for _, s := range []watchedStore{a, b} {
		if _, err := s.ListProfiles(); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Scenario(p.ID); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Chosen(p.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.WhatIfs(p.ID); err != nil {
			t.Fatal(err)
		}
	}
	return a, b, p.ID, w.ID, res.Plans
}

// Every write a grid makes from a copy another grid has changed since is
// refused with the sentence, the other's write is kept, and the same write
// made again after reading goes through.
func TestWatchedStoreRefusesEveryStaleWrite(t *testing.T) {
	const sentence = "this profile changed in another weekfit window; it has been reloaded — do it again"
	cases := []struct {
		name  string
		write func(s watchedStore, id, whatIf string, plans []planner.Plan, n int) error
		kept  func(s watchedStore, id, whatIf string) string // what the first grid's write left, read back
		want  string
	}{
		{"rename the profile", func(s watchedStore, id, _ string, _ []planner.Plan, n int) error {
			return s.RenameProfile(id, fmt.Sprintf("Name %d", n))
		}, func(s watchedStore, id, _ string) string {
			p, _ := s.Profile(id)
			return p.Name
		}, "Name 1"},
		{"choose a plan", func(s watchedStore, id, _ string, plans []planner.Plan, n int) error {
			sc, err := s.DB.Scenario(id)
			if err != nil {
				return err
			}
			return s.ChoosePlan(id, plans[n-1], sc)
		}, func(s watchedStore, id, _ string) string {
			sp, _ := s.ChosenPlan(id)
			return fmt.Sprint(sp.Plan.Sessions)
		}, ""},
		{"rename the what-if", func(s watchedStore, id, whatIf string, _ []planner.Plan, n int) error {
			return s.RenameWhatIf(id, whatIf, fmt.Sprintf("What-if %d", n))
		}, func(s watchedStore, id, whatIf string) string {
			w, _ := s.WhatIf(id, whatIf)
			return w.Name
		}, "What-if 1"},
		{"delete the what-if after the other renamed it", func(s watchedStore, id, whatIf string, _ []planner.Plan, n int) error {
			if n == 1 {
				return s.RenameWhatIf(id, whatIf, "Kept")
			}
			return s.DeleteWhatIf(id, whatIf)
		}, func(s watchedStore, id, whatIf string) string {
			w, _ := s.WhatIf(id, whatIf)
			return w.Name
		}, "Kept"},
		{"adopt the what-if after the other renamed it", func(s watchedStore, id, whatIf string, _ []planner.Plan, n int) error {
			if n == 1 {
				return s.RenameWhatIf(id, whatIf, "Kept")
			}
			_, err := s.AdoptWhatIf(id, whatIf, nil)
			return err
		}, func(s watchedStore, id, whatIf string) string {
			w, _ := s.WhatIf(id, whatIf)
			return w.Name
		}, "Kept"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b, id, whatIf, plans := twoGrids(t)
			if err := c.write(a, id, whatIf, plans, 1); err != nil {
				t.Fatalf("the first grid's write: %v", err)
			}
			want := c.want
			if want == "" {
				want = fmt.Sprint(plans[0].Sessions)
			}
			err := c.write(b, id, whatIf, plans, 2)
			if !errors.Is(err, store.ErrStale) || err.Error() != sentence {
				t.Fatalf("the second grid's write from its older copy: %v, want %q", err, sentence)
			}
			if got := c.kept(a, id, whatIf); got != want {
				t.Errorf("after the refusal: %q, want the first grid's %q", got, want)
			}
			// The grid reloads (as the TUI does within a second) and does it again.
			reload(t, b, id)
			if err := c.write(b, id, whatIf, plans, 2); err != nil {
				t.Errorf("the same write after the reload: %v", err)
			}
		})
	}
}

// A grid whose copy of a profile is older than another grid's write cannot
// delete the profile: the refusal says so, the profile and the other's
// write stay, and after the reload (as the TUI does within a second) the
// delete goes through.
func TestWatchedStoreRefusesAStaleDelete(t *testing.T) {
	writes := []struct {
		name  string
		write func(a watchedStore, id, whatIf string, plans []planner.Plan) error
	}{
		{"renamed", func(a watchedStore, id, _ string, _ []planner.Plan) error { return a.RenameProfile(id, "Renamed by a") }},
		{"week saved", func(a watchedStore, id, _ string, _ []planner.Plan) error {
			sc, err := a.Scenario(id)
			if err != nil {
				return err
			}
			sc.Name = "saved by a"
			return a.SaveScenario(id, sc)
		}},
		{"what-if renamed", func(a watchedStore, id, whatIf string, _ []planner.Plan) error {
			return a.RenameWhatIf(id, whatIf, "Kept")
		}},
		{"plan chosen", func(a watchedStore, id, _ string, plans []planner.Plan) error {
			sc, err := a.DB.Scenario(id)
			if err != nil {
				return err
			}
			return a.ChoosePlan(id, plans[1], sc)
		}},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			a, b, id, whatIf, plans := twoGrids(t)
			if err := w.write(a, id, whatIf, plans); err != nil {
				t.Fatalf("the first grid's write: %v", err)
			}
			err := b.DeleteProfile(id)
			if !errors.Is(err, store.ErrStale) || !strings.Contains(err.Error(), "check it, then delete again") {
				t.Fatalf("the delete from the older copy: %v, want ErrStale and the sentence", err)
			}
			if _, err := a.Profile(id); err != nil {
				t.Fatalf("the profile is gone after the refusal: %v", err)
			}
			reload(t, b, id)
			if err := b.DeleteProfile(id); err != nil {
				t.Fatalf("the delete after the reload: %v", err)
			}
			if _, err := a.Profile(id); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("after the delete: %v, want ErrNotFound", err)
			}
		})
	}
}

// reload reads again everything of profile id that a grid shows, as the
// TUI does when another weekfit has written.
func reload(t *testing.T, s watchedStore, id string) {
	t.Helper()
	if _, err := s.ListProfiles(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Scenario(id); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Chosen(id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WhatIfs(id); err != nil {
		t.Fatal(err)
	}
}
