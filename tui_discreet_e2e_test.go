package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDiscreetForTheDatabaseEndToEnd: d on the Profiles screen is kept by the
// database, so the next weekfit on it opens discreet, with the list showing
// "Client 1" and not the name; d there again turns it off for the next time.
func TestDiscreetForTheDatabaseEndToEnd(t *testing.T) {
	bin, dir, socket, env := e2eSetup(t, "discreet")
	db := filepath.Join(dir, "w.db")
	if r := runDB(t, db, nil, "", "import", "examples/office.json", "--as", "Robin Vale"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	command := bin + " --db " + db

	s := newTmux(t, socket, "first", command, env)
	s.waitFor("Robin Vale")
	s.keys("P")
	s.waitFor("Profiles in this database")
	s.keys("d")
	s.waitFor("discreet mode on for every profile in this database, saved")
	s.keys("q")
	s.waitGone()

	s = newTmux(t, socket, "second", command, env)
	s.waitFor("Appointment")
	s.keys("P")
	s.waitFor("Client 1")
	if scr := s.screen(); strings.Contains(scr, "Robin") {
		t.Fatalf("the name shows in discreet mode:\n%s", scr)
	}
	s.keys("d")
	s.waitFor("discreet mode for every profile off, saved")
	s.keys("q")
	s.waitGone()

	s = newTmux(t, socket, "third", command, env)
	s.waitFor("Robin Vale")
	s.keys("q")
	s.waitGone()
}
