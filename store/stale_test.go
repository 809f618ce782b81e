package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"weekfit/planner"
)

// seen is what a week grid read of one profile before another weekfit
// wrote: the revisions its conditional writes check.
type seen struct {
	profile          Profile
	week             *planner.Scenario
	weekRev, listRev uint64
	chosen, whatIf   string // ids of the chosen plan and of a what-if
	plans            []planner.Plan
}

// twoWindows opens one database twice, as two weekfits do, with a profile
// that has a chosen plan and a what-if, and what window a read of it.
func twoWindows(t *testing.T) (a, b *DB, s seen) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "weekfit.db")
	a, b = openAt(t, path, Options{Idle: true}), openAt(t, path, Options{Idle: true})
	p, sc := newProfileWithWeek(t, a)
	s.plans = examplePlans(t, sc)
	if err := a.ChoosePlan(p.ID, s.plans[0], sc); err != nil {
		t.Fatal(err)
	}
	wi, asks := tuesdaysOff(t, sc)
	w, err := a.SaveWhatIf(p.ID, "Tuesdays off", wi, nil, asks)
	if err != nil {
		t.Fatal(err)
	}
	s.profile, s.whatIf = p, w.ID
	if s.week, s.weekRev, err = a.ScenarioRevision(p.ID); err != nil {
		t.Fatal(err)
	}
	if _, s.listRev, err = a.SnapshotsRevision(p.ID); err != nil {
		t.Fatal(err)
	}
	chosen, err := a.ChosenPlan(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.chosen = chosen.ID
	return a, b, s
}

// Every conditional write from a copy that another weekfit changed since is
// refused with ErrStale and the sentence, and the other's write is kept.
func TestStaleWritesAreRefused(t *testing.T) {
	otherWeek := func(b *DB, s seen) error {
		sc := s.week.Clone()
		sc.Name = "changed by b"
		return b.SaveScenario(s.profile.ID, sc)
	}
	renameWhatIf := func(b *DB, s seen) error { return b.RenameWhatIf(s.profile.ID, s.whatIf, "named by b") }
	weekKept := func(t *testing.T, a *DB, s seen) {
		if sc, err := a.Scenario(s.profile.ID); err != nil || sc.Name != "changed by b" {
			t.Errorf("the other window's week is gone: %v", err)
		}
	}
	whatIfKept := func(t *testing.T, a *DB, s seen) {
		if w, err := a.WhatIf(s.profile.ID, s.whatIf); err != nil || w.Name != "named by b" {
			t.Errorf("the other window's what-if: %+v, %v", w, err)
		}
	}
	cases := []struct {
		name  string
		other func(b *DB, s seen) error
		stale func(a *DB, s seen) error
		kept  func(t *testing.T, a *DB, s seen)
	}{
		{"rename the profile after another rename",
			func(b *DB, s seen) error { return b.RenameProfile(s.profile.ID, "Sam") },
			func(a *DB, s seen) error { return a.RenameProfileFrom(s.profile.ID, s.profile.Name, "Jo") },
			func(t *testing.T, a *DB, s seen) {
				if p, err := a.Profile(s.profile.ID); err != nil || p.Name != "Sam" {
					t.Errorf("the other window's name is gone: %+v, %v", p, err)
				}
			}},
		{"choose a plan after another choice",
			func(b *DB, s seen) error { return b.ChoosePlan(s.profile.ID, s.plans[1], s.week) },
			func(a *DB, s seen) error {
				_, err := a.ChoosePlanAt(s.profile.ID, s.plans[0], s.week, s.weekRev, s.chosen)
				return err
			},
			func(t *testing.T, a *DB, s seen) {
				if sp, err := a.ChosenPlan(s.profile.ID); err != nil || !planEqual(sp.Plan, exported(s.plans[1])) {
					t.Errorf("the other window's choice is gone: %v", err)
				}
			}},
		{"choose a plan of a week changed since", otherWeek,
			func(a *DB, s seen) error {
				_, err := a.ChoosePlanAt(s.profile.ID, s.plans[1], s.week, s.weekRev, s.chosen)
				return err
			},
			func(t *testing.T, a *DB, s seen) {
				if sp, err := a.ChosenPlan(s.profile.ID); err != nil || sp.ID != s.chosen {
					t.Errorf("the chosen plan changed: %v", err)
				}
			}},
		{"rename a what-if after another rename", renameWhatIf,
			func(a *DB, s seen) error {
				_, err := a.RenameWhatIfAt(s.profile.ID, s.whatIf, "named by a", s.listRev)
				return err
			}, whatIfKept},
		{"delete a what-if renamed since", renameWhatIf,
			func(a *DB, s seen) error {
				_, err := a.DeleteWhatIfAt(s.profile.ID, s.whatIf, s.listRev)
				return err
			}, whatIfKept},
		{"adopt a what-if renamed since", renameWhatIf,
			func(a *DB, s seen) error {
				_, err := a.AdoptWhatIfAt(s.profile.ID, s.whatIf, nil, s.weekRev, s.listRev)
				return err
			}, whatIfKept},
		{"adopt a what-if over a week changed since", otherWeek,
			func(a *DB, s seen) error {
				_, err := a.AdoptWhatIfAt(s.profile.ID, s.whatIf, nil, s.weekRev, s.listRev)
				return err
			}, weekKept},
		{"rename a what-if after a snapshot was saved",
			func(b *DB, s seen) error {
				_, err := b.SaveSnapshot(s.profile.ID, "kept by b", s.plans[1], s.week)
				return err
			},
			func(a *DB, s seen) error {
				_, err := a.RenameWhatIfAt(s.profile.ID, s.whatIf, "kept by b", s.listRev)
				return err
			},
			func(t *testing.T, a *DB, s seen) {
				if _, err := a.WhatIf(s.profile.ID, "kept by b"); err != nil {
					t.Errorf("the other window's snapshot: %v", err)
				}
			}},
		{"save a week after another window adopted a what-if",
			func(b *DB, s seen) error {
				_, err := b.AdoptWhatIf(s.profile.ID, s.whatIf, nil)
				return err
			},
			func(a *DB, s seen) error {
				_, err := a.SaveScenarioAt(s.profile.ID, s.week, s.weekRev)
				return err
			},
			func(t *testing.T, a *DB, s seen) {
				if _, err := a.WhatIf(s.profile.ID, "before Tuesdays off"); err != nil {
					t.Errorf("the adoption is undone: %v", err)
				}
			}},
		{"save a week after an import replaced the profile",
			func(b *DB, s seen) error {
				data, err := b.ExportProfile(s.profile.ID)
				if err == nil {
					_, _, err = b.ImportProfile(data, "")
				}
				return err
			},
			func(a *DB, s seen) error {
				_, err := a.SaveScenarioAt(s.profile.ID, s.week, s.weekRev)
				return err
			},
			func(t *testing.T, a *DB, s seen) {
				if _, err := a.WhatIf(s.profile.ID, "Tuesdays off"); err != nil {
					t.Errorf("the imported what-if: %v", err)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b, s := twoWindows(t)
			if err := c.other(b, s); err != nil {
				t.Fatalf("the other window's write: %v", err)
			}
			err := c.stale(a, s)
			if !errors.Is(err, ErrStale) {
				t.Fatalf("the write from the older copy: %v, want ErrStale", err)
			}
			if err.Error() != staleSentence(c.name) {
				t.Errorf("sentence %q", err)
			}
			c.kept(t, a, s)
		})
	}
}

// staleSentence is the sentence a refused write gives: the week's own for a
// week save, else the profile's.
func staleSentence(name string) string {
	if strings.HasPrefix(name, "save a week") {
		return "this week was changed in another weekfit window; it has been reloaded — make the change again"
	}
	return "this profile changed in another weekfit window; it has been reloaded — do it again"
}

func planEqual(a, b planner.Plan) bool {
	if a.Program != b.Program || a.Track != b.Track || len(a.Sessions) != len(b.Sessions) {
		return false
	}
	for i := range a.Sessions {
		if a.Sessions[i] != b.Sessions[i] {
			return false
		}
	}
	return true
}

// A window's own conditional writes, one after another, are never stale:
// each returns the revision (or chosen plan) the next one checks.
func TestOwnWritesAreNotStale(t *testing.T) {
	a, _, s := twoWindows(t)
	id := s.profile.ID
	chosen, err := a.ChoosePlanAt(id, s.plans[1], s.week, s.weekRev, s.chosen)
	if err != nil || chosen == "" || chosen == s.chosen {
		t.Fatalf("choose: %q, %v", chosen, err)
	}
	if _, err := a.ChoosePlanAt(id, s.plans[0], s.week, s.weekRev, chosen); err != nil {
		t.Fatalf("choose again: %v", err)
	}
	if err := a.RenameProfileFrom(id, "me", "Sam"); err != nil {
		t.Fatalf("rename: %v", err)
	}
	if err := a.RenameProfileFrom(id, "Sam", "Jo"); err != nil {
		t.Fatalf("rename again: %v", err)
	}
	rev, err := a.RenameWhatIfAt(id, s.whatIf, "Tuesdays free", s.listRev)
	if err != nil || rev == s.listRev {
		t.Fatalf("rename the what-if: %d, %v", rev, err)
	}
	if rev, err = a.RenameWhatIfAt(id, s.whatIf, "Tuesdays at home", rev); err != nil {
		t.Fatalf("rename the what-if again: %v", err)
	}
	list, listRev, err := a.SnapshotsRevision(id)
	if err != nil || listRev != rev || len(list) != 1 || list[0].Name != "Tuesdays at home" {
		t.Fatalf("list after renames: %+v at %d (want %d), %v", list, listRev, rev, err)
	}
	kept, err := a.AdoptWhatIfAt(id, s.whatIf, nil, s.weekRev, rev)
	if err != nil || kept.Name != "before Tuesdays at home" {
		t.Fatalf("adopt: %+v, %v", kept, err)
	}
	_, weekRev, err := a.ScenarioRevision(id)
	if err != nil || weekRev == s.weekRev {
		t.Fatalf("the week's revision after an adoption: %d (was %d), %v", weekRev, s.weekRev, err)
	}
	_, listRev, err = a.SnapshotsRevision(id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.DeleteWhatIfAt(id, kept.ID, listRev); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if list, err := a.Snapshots(id); err != nil || len(list) != 0 {
		t.Errorf("after the delete: %+v, %v", list, err)
	}
}

// A rename from an older copy that names the profile as it still is goes
// through: nothing another window saved is lost. The discreet flag is set,
// never toggled, so a window that shows it off and turns it on leaves it on
// whatever another window did: that too loses nothing.
func TestWritesThatLoseNothingGoThrough(t *testing.T) {
	a, b, s := twoWindows(t)
	if err := b.SetDiscreet(s.profile.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := a.RenameProfileFrom(s.profile.ID, "me", "Sam"); err != nil {
		t.Fatalf("rename after another window changed only the discreet flag: %v", err)
	}
	if err := a.SetDiscreet(s.profile.ID, true); err != nil {
		t.Fatal(err)
	}
	p, err := b.Profile(s.profile.ID)
	if err != nil || p.Name != "Sam" || !p.Discreet {
		t.Errorf("after both: %+v, %v", p, err)
	}
	if _, err := a.RenameWhatIfAt(s.profile.ID, s.whatIf, "x", s.listRev+1); !errors.Is(err, ErrStale) {
		t.Errorf("a revision the list never had: %v, want ErrStale", err)
	}
}

// A window that read a profile cannot delete it once another weekfit has
// changed a part of it the window read: its name, week, chosen plan or
// what-ifs. The profile and the other's change stay; a part never read is
// not checked, and a copy that is still current deletes.
func TestStaleDeleteIsRefused(t *testing.T) {
	cases := []struct {
		name  string
		other func(b *DB, s seen) error
	}{
		{"renamed", func(b *DB, s seen) error { return b.RenameProfile(s.profile.ID, "Sam") }},
		{"week changed", func(b *DB, s seen) error {
			sc := s.week.Clone()
			sc.Name = "changed by b"
			return b.SaveScenario(s.profile.ID, sc)
		}},
		{"another plan chosen", func(b *DB, s seen) error { return b.ChoosePlan(s.profile.ID, s.plans[1], s.week) }},
		{"a what-if renamed", func(b *DB, s seen) error { return b.RenameWhatIf(s.profile.ID, s.whatIf, "named by b") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b, s := twoWindows(t)
			read := ProfileSeen{Name: s.profile.Name, Week: s.weekRev, Chosen: s.chosen, WhatIfs: s.listRev,
				HasName: true, HasWeek: true, HasChosen: true, HasLists: true}
			if err := c.other(b, s); err != nil {
				t.Fatal(err)
			}
			err := a.DeleteProfileFrom(s.profile.ID, read)
			if !errors.Is(err, ErrStale) || !strings.Contains(err.Error(), "changed in another weekfit window") {
				t.Fatalf("delete from the old copy: %v, want ErrStale and the sentence", err)
			}
			if _, err := a.Profile(s.profile.ID); err != nil {
				t.Fatalf("the profile is gone after a refused delete: %v", err)
			}
			if _, err := a.Scenario(s.profile.ID); err != nil {
				t.Fatalf("the week is gone after a refused delete: %v", err)
			}
		})
	}
	t.Run("current copy", func(t *testing.T) {
		a, _, s := twoWindows(t)
		read := ProfileSeen{Name: s.profile.Name, Week: s.weekRev, Chosen: s.chosen, WhatIfs: s.listRev,
			HasName: true, HasWeek: true, HasChosen: true, HasLists: true}
		if err := a.DeleteProfileFrom(s.profile.ID, read); err != nil {
			t.Fatalf("delete from a current copy: %v", err)
		}
		if _, err := a.Profile(s.profile.ID); !errors.Is(err, ErrNotFound) {
			t.Fatalf("after the delete: %v, want ErrNotFound", err)
		}
	})
	t.Run("parts never read", func(t *testing.T) {
		a, b, s := twoWindows(t)
		if err := b.RenameProfile(s.profile.ID, "Sam"); err != nil {
			t.Fatal(err)
		}
		if err := a.DeleteProfileFrom(s.profile.ID, ProfileSeen{Week: s.weekRev, HasWeek: true}); err != nil {
			t.Fatalf("a rename is no reason to refuse a window that never read the name: %v", err)
		}
	})
}
