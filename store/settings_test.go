package store

import (
	"path/filepath"
	"testing"
)

// TestDatabaseDiscreet: the setting is off in a new database, kept across
// opens, survives a rewrite (deleting a profile, setting a passphrase) and
// turns off again.
func TestDatabaseDiscreet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if on, err := db.Discreet(); err != nil || on {
		t.Fatalf("new database: discreet %v, %v", on, err)
	}
	p, err := db.CreateProfile("Kim", "", exampleScenario(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetDatabaseDiscreet(true); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteProfile(p.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.SetPassphrase("", "correct horse"); err != nil {
		t.Fatal(err)
	}
	closeChecked(t, db)
	db = openAt(t, path, Options{Passphrase: func() (string, error) { return "correct horse", nil }})
	if on, err := db.Discreet(); err != nil || !on {
		t.Fatalf("after a rewrite and a reopen: discreet %v, %v", on, err)
	}
	if err := db.SetDatabaseDiscreet(false); err != nil {
		t.Fatal(err)
	}
	if on, err := db.Discreet(); err != nil || on {
		t.Fatalf("turned off: discreet %v, %v", on, err)
	}
}
