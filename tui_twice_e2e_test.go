package main

import (
	"encoding/json"
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

// TestTwoGridsRenameAndChoose is issue 15's two windows writing the same
// profile: each renames it and chooses a plan while the other holds an
// older copy (a field open, so it has not reloaded yet). The first write
// is kept, the second gets the sentence and the reloaded profile, and the
// same change made again then goes through.
func TestTwoGridsRenameAndChoose(t *testing.T) {
	bin, dir, socket, env := e2eSetup(t, "twowrite")
	db := filepath.Join(dir, "clinic.db")
	if out, err := exec.Command(bin, "import", "examples/office.json", "--as", "Client 7", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("import the week: %v\n%s", err, out)
	}
	const sentence = "changed in another weekfit window; it has been reloaded — do it again"
	one := newTmux(t, socket, "one", bin+" --db "+db, env)
	two := newTmux(t, socket, "two", bin+" --db "+db, env)
	for _, s := range []*tmuxSession{one, two} {
		s.waitFor("Plan 1 of 5")
		s.keys("P")
		s.waitFor("Profiles in this database: 1")
		s.keys("r")
		s.waitFor("Client 7")
	}
	// Both type a new name; one saves first.
	one.keys("C-u", "Alex", "Enter")
	one.waitFor("profile renamed")
	two.keys("C-u", "Sam", "Enter")
	two.waitFor(sentence)
	two.waitFor("Alex")
	if names := profileNames(t, bin, db); names != "Alex" {
		t.Fatalf("after the refused rename the database holds %q, want the first window's Alex", names)
	}
	two.keys("r", "C-u", "Sam", "Enter")
	two.waitFor("profile renamed")
	one.waitFor("Sam")

	// Two keeps a question open (its copy is not reloaded meanwhile) while
	// one chooses the second plan; then two says no (tab: a key that is not
	// a letter, which the terminal would send with the next ones as one) and
	// chooses the first at once.
	two.keys("D")
	two.waitFor("any other key keeps it")
	one.keys("2")
	one.waitFor("> [ ] 1.")
	one.keys("j", "Enter")
	one.waitFor("plan chosen and saved")
	first := chosenPlan(t, bin, db)
	two.keys("Tab", "2", "Enter")
	two.waitFor(sentence)
	waitForRow(t, two, "2.", "chosen") // the first window's choice, reloaded
	if got := chosenPlan(t, bin, db); got != first || first == "" {
		t.Fatalf("after the refused choice the chosen plan is %s, want the first window's %s", got, first)
	}
	two.keys("Enter")
	two.waitFor("plan chosen and saved")
	if got := chosenPlan(t, bin, db); got == first {
		t.Errorf("the second window's choice made again was not saved: %s", got)
	}
	for _, s := range []*tmuxSession{one, two} {
		s.keys("q")
		s.waitGone()
	}
}

// waitForRow waits until a line of the screen that starts with head (after
// the cursor and mark) ends with tail.
func waitForRow(t *testing.T, s *tmuxSession, head, tail string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		for _, line := range strings.Split(s.screen(), "\n") {
			line = strings.TrimSpace(strings.TrimLeft(line, "> "))
			if strings.HasPrefix(strings.TrimPrefix(line, "[ ] "), head) && strings.HasSuffix(line, tail) {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no row %q ... %q on screen:\n%s", head, tail, s.screen())
}

// profileNames lists the names of a database's profiles, one line each.
func profileNames(t *testing.T, bin, db string) string {
	t.Helper()
	out, err := exec.Command(bin, "profiles", "--json", "--db", db).Output()
	if err != nil {
		t.Fatalf("profiles: %v", err)
	}
	var list []struct{ Name string }
	if err := json.Unmarshal(out, &list); err != nil {
		t.Fatalf("profiles --json: %v\n%s", err, out)
	}
	names := make([]string, len(list))
	for i, p := range list {
		names[i] = p.Name
	}
	return strings.Join(names, "\n")
}

// chosenPlan is the chosen plan's sessions in the export of the database's
// one profile ("" when none is chosen).
func chosenPlan(t *testing.T, bin, db string) string {
	t.Helper()
	out, err := exec.Command(bin, "export", profileNames(t, bin, db), "--db", db).Output()
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	var f struct {
		Plans []struct {
			Chosen bool
			Plan   struct{ Sessions json.RawMessage }
		}
	}
	if err := json.Unmarshal(out, &f); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	for _, p := range f.Plans {
		if p.Chosen {
			return string(p.Plan.Sessions)
		}
	}
	return ""
}
