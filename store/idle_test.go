package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// Two idle DBs on one file both read and write, and a third (a command)
// opens it between their calls.
func TestIdleSharesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "weekfit.db")
	a := openAt(t, path, Options{Idle: true})
	b := openAt(t, path, Options{Idle: true})
	sc := exampleScenario(t)
	p, err := a.CreateProfile("Alex", "", sc)
	if err != nil {
		t.Fatalf("create through a: %v", err)
	}
	cmd, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("a command beside two idle DBs: %v", err)
	}
	if _, err := cmd.CreateProfile("Sam", "", sc); err != nil {
		t.Fatalf("create through the command: %v", err)
	}
	if err := cmd.Close(); err != nil {
		t.Fatal(err)
	}
	ps, err := b.Profiles()
	if err != nil || len(ps) != 2 {
		t.Fatalf("b sees %d profiles (%v), want 2", len(ps), err)
	}
	if err := b.RenameProfile(p.ID, "Alexis"); err != nil {
		t.Fatalf("rename through b: %v", err)
	}
	if got, err := a.Profile(p.ID); err != nil || got.Name != "Alexis" {
		t.Errorf("a reads %q (%v), want b's rename", got.Name, err)
	}
	// A rewrite through one idle DB replaces the file; the other reads the new one.
	if err := a.DeleteProfile(p.ID); err != nil {
		t.Fatalf("delete through a: %v", err)
	}
	if _, err := b.Profile(p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("b after a's delete: %v, want ErrNotFound", err)
	}
}

// An idle DB holds nothing while idle, but one in use (not idle) keeps an
// idle one out, with the usual sentence after its timeout.
func TestIdleWaitsForAWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "weekfit.db")
	idle := openAt(t, path, Options{Idle: true, Timeout: 50e6})
	held := openAt(t, path, Options{})
	_, err := idle.Profiles()
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "open in another weekfit window (waited 50ms for it to finish)") {
		t.Fatalf("read while another holds the file: %v, want ErrLocked", err)
	}
	if err := held.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := idle.Profiles(); err != nil {
		t.Errorf("read once the other let go: %v", err)
	}
}

// A sealed database opened idle asks for its passphrase once, at Open.
func TestIdleSealedAsksOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "weekfit.db")
	first := openAt(t, path, Options{})
	if _, err := first.CreateProfile("Alex", "", exampleScenario(t)); err != nil {
		t.Fatal(err)
	}
	if err := first.SetPassphrase("", "correct horse"); err != nil {
		t.Fatal(err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	asked := 0
	db := openAt(t, path, Options{Idle: true, Passphrase: func() (string, error) { asked++; return "correct horse", nil }})
	for range 3 {
		ps, err := db.Profiles()
		if err != nil || len(ps) != 1 || ps[0].Name != "Alex" {
			t.Fatalf("profiles of the sealed idle DB: %v %v", ps, err)
		}
	}
	if _, err := db.CreateProfile("Sam", "", exampleScenario(t)); err != nil {
		t.Fatalf("write to the sealed idle DB: %v", err)
	}
	if asked != 1 {
		t.Errorf("asked for the passphrase %d times, want 1", asked)
	}
}

func TestIdleClosed(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "weekfit.db"), Options{Idle: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Profiles(); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Errorf("read after Close: %v, want a closed database", err)
	}
}

// A passphrase set, changed or removed by another weekfit makes an idle DB
// say so and write nothing, instead of using a key that no longer opens the file.
func TestIdleNoticesAnotherPassphrase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "weekfit.db")
	b := openAt(t, path, Options{Idle: true})
	c := openAt(t, path, Options{Idle: true, Passphrase: pass("one")})
	if _, err := b.CreateProfile("Alex", "", exampleScenario(t)); err != nil {
		t.Fatal(err)
	}
	// b opened the database without a passphrase: once it has none again,
	// b's (lack of a) key fits it again.
	steps := []struct {
		old, new string
		bWrites  bool
	}{{"", "one", false}, {"one", "two", false}, {"two", "", true}}
	for _, st := range steps {
		if err := c.SetPassphrase(st.old, st.new); err != nil {
			t.Fatalf("%q to %q through c: %v", st.old, st.new, err)
		}
		if _, err := c.Profiles(); err != nil {
			t.Errorf("c after its own change to %q: %v", st.new, err)
		}
		_, err := b.CreateProfile("Sam "+st.new, "", exampleScenario(t))
		if st.bWrites && err != nil {
			t.Errorf("b writing once the passphrase is gone again: %v", err)
		}
		if !st.bWrites && (!errors.Is(err, ErrWrongPassphrase) || !strings.Contains(err.Error(), "quit weekfit and open it again")) {
			t.Errorf("b writing after another set %q: %v", st.new, err)
		}
	}
	ps, err := c.Profiles()
	if err != nil || len(ps) != 2 {
		t.Errorf("profiles: %v (%v), want Alex and the one b wrote last", ps, err)
	}
}

// BenchmarkIdleForeignWrites is the grid's once-a-second check on an idle
// DB: take the lock, open the file, one read, close.
func BenchmarkIdleForeignWrites(b *testing.B) {
	db := openAt(b, filepath.Join(b.TempDir(), "weekfit.db"), Options{Idle: true})
	for b.Loop() {
		if _, err := db.ForeignWrites(); err != nil {
			b.Fatal(err)
		}
	}
}
