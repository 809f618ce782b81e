package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiscreetForTheDatabaseEndToEnd: d on the Profiles screen is kept by the
// database, so the next weekfit on it opens discreet, with the list showing
// "Client 1" and not the name; d there again turns it off for the next time.
func TestDiscreetForTheDatabaseEndToEnd(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end test (.ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "weekfit")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "w.db")
	if r := runDB(t, db, nil, "", "import", "examples/office.json", "--as", "Robin Vale"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	socket := fmt.Sprintf("weekfit-discreet-%d", os.Getpid())
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", socket, "kill-server").Run() })
	env := []string{"XDG_DATA_HOME=" + dir, "HOME=" + dir, "TERM=xterm-256color"}
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
