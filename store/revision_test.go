package store

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestChangesCountsEveryWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "weekfit.db")
	a := openAt(t, path, Options{Idle: true})
	b := openAt(t, path, Options{Idle: true})
	before, err := a.Changes()
	if err != nil {
		t.Fatal(err)
	}
	sc := exampleScenario(t)
	p, err := b.CreateProfile("Alex", "", sc)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		do   func() error
	}{
		{"save", func() error { return b.SaveScenario(p.ID, sc) }},
		{"rename", func() error { return b.RenameProfile(p.ID, "Sam") }},
		{"delete (a rewrite)", func() error { return b.DeleteProfile(p.ID) }},
	}
	last := before
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		now, err := a.Changes()
		if err != nil {
			t.Fatal(err)
		}
		if now <= last {
			t.Errorf("after %s the counter is %d, was %d: another weekfit would not notice", st.name, now, last)
		}
		last = now
	}
	again, err := a.Changes()
	if err != nil || again != last {
		t.Errorf("a read moved the counter: %d then %d (%v)", last, again, err)
	}
}

func TestSaveScenarioAtRefusesAStaleWeek(t *testing.T) {
	path := filepath.Join(t.TempDir(), "weekfit.db")
	a := openAt(t, path, Options{Idle: true})
	b := openAt(t, path, Options{Idle: true})
	p, err := a.CreateProfile("Alex", "", exampleScenario(t))
	if err != nil {
		t.Fatal(err)
	}
	scA, revA, err := a.ScenarioRevision(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	scB, revB, err := b.ScenarioRevision(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	scB.Name = "from b"
	newB, err := b.SaveScenarioAt(p.ID, scB, revB)
	if err != nil {
		t.Fatalf("first save: %v", err)
	}
	if newB == revB {
		t.Errorf("the revision did not move on a save: %d", newB)
	}
	scA.Name = "from a"
	_, err = a.SaveScenarioAt(p.ID, scA, revA)
	if !errors.Is(err, ErrStale) {
		t.Fatalf("save from a stale week: %v, want ErrStale", err)
	}
	if want := "this week was changed in another weekfit window; it has been reloaded — make the change again"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	got, rev, err := a.ScenarioRevision(p.ID)
	if err != nil || got.Name != "from b" || rev != newB {
		t.Fatalf("after the refused save: %q rev %d (%v), want b's week at %d", got.Name, rev, err, newB)
	}
	if _, err := a.SaveScenarioAt(p.ID, scA, rev); err != nil {
		t.Errorf("save after reloading: %v", err)
	}
	// An unconditional save moves the revision too.
	if err := b.SaveScenario(p.ID, scB); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SaveScenarioAt(p.ID, scA, rev); !errors.Is(err, ErrStale) {
		t.Errorf("save after another's SaveScenario: %v, want ErrStale", err)
	}
}

func TestForeignWritesIgnoresOwnWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "weekfit.db")
	a := openAt(t, path, Options{Idle: true})
	b := openAt(t, path, Options{Idle: true})
	start, err := a.ForeignWrites()
	if err != nil || start != 0 {
		t.Fatalf("just after Open: %d (%v), want 0", start, err)
	}
	p, err := a.CreateProfile("Alex", "", exampleScenario(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.RenameProfile(p.ID, "Sam"); err != nil {
		t.Fatal(err)
	}
	if err := a.DeleteProfile(p.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := a.ForeignWrites(); err != nil || n != start {
		t.Fatalf("after a's own writes: %d (%v), want %d", n, err, start)
	}
	if _, err := b.CreateProfile("Kim", "", exampleScenario(t)); err != nil {
		t.Fatal(err)
	}
	if n, err := a.ForeignWrites(); err != nil || n == start {
		t.Errorf("after b's write: %d (%v), want a new number", n, err)
	}
	before, _ := b.ForeignWrites()
	if _, err := a.CreateProfile("Kim", "", exampleScenario(t)); !errors.Is(err, ErrExists) {
		t.Fatalf("a second Kim: %v, want ErrExists", err)
	}
	if n, err := b.ForeignWrites(); err != nil || n != before {
		t.Errorf("a's refused write moved b's number: %d then %d (%v)", before, n, err)
	}
}
