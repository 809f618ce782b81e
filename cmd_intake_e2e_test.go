package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// warehouseTyping is the warehouse week as a person types it into
// the interview, from the Week screen of another profile: text typed as it
// is, and the keys tmux names (Enter, Down).
var warehouseTyping = []string{
	"P", "n",
	"Sam", "Enter", "Warehouse", "Enter",
	"Enter", "Enter", "6-14:30", "Enter", "Enter", "Enter", "Down", "Down", "Enter", "Enter",
	"Down", "Enter", "25", "Enter", "Enter", "Down", "Enter",
	"School pickup", "Enter", "Enter", "15-15:30", "Enter", "Enter",
	"Sister", "Enter", "Tue,Thu", "Enter", "14:30-19", "Enter",
	"22", "Enter", "5", "Enter", "Enter",
	"Riverside", "Enter", "Enter", "Enter",
	"Enter", "Mon,Wed,Fri", "Enter", "9-12", "Enter", "Enter", "Mon-Thu", "Enter", "18-21", "Enter",
	"Enter", // the usual rules
	"20", "Enter", "15", "Enter",
	"Enter",
}

// TestIntakeEndToEnd types the warehouse week into the real binary in tmux,
// counts the keystrokes, and compares weekfit export of the new profile with
// the same week imported from a scenario file.
func TestIntakeEndToEnd(t *testing.T) {
	bin, dir, socket, env := e2eSetup(t, "intake")
	db := filepath.Join(dir, "typed.db")
	s := newTmux(t, socket, "intake", bin+" --demo --db "+db, env)
	s.waitFor("Plan 1 of 5")
	keystrokes := 0
	for _, k := range warehouseTyping {
		switch k {
		case "Enter", "Down":
			s.keys(k)
			keystrokes++
		default:
			s.run("send-keys", "-t", s.name, "-l", k)
			keystrokes += utf8.RuneCountInString(k)
		}
	}
	s.waitFor(`profile "Sam" saved from the interview`)
	s.waitFor("5 plans fit for Riverside")
	s.keys("q")
	s.waitGone()
	t.Logf("the warehouse week took %d keystrokes", keystrokes)
	if keystrokes > 150 {
		t.Errorf("the warehouse week took %d keystrokes, want at most 150", keystrokes)
	}
	imported := filepath.Join(dir, "imported.db")
	if r := runDB(t, imported, nil, "", "import", "tui/testdata/intake/warehouse.json", "--as", "Sam"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if got, want := exportedWeek(t, db, "Sam"), exportedWeek(t, imported, "Sam"); got != want {
		t.Errorf("weekfit export of the interview's week:\n%s\nof the file's:\n%s", got, want)
	}
	if !strings.Contains(exportedWeek(t, db, "Sam"), `"warehouse": "Warehouse"`) {
		t.Error("the export does not name the place")
	}
}

// TestIntakeLetsGoOfTheDatabase starts weekfit intake in tmux and, while the
// interview waits for its first answer, runs weekfit profiles on the same
// database: it must succeed (a database held open would make it wait 5
// seconds and fail). The interview then saves, and profiles sees the result.
func TestIntakeLetsGoOfTheDatabase(t *testing.T) {
	bin, dir, socket, env := e2eSetup(t, "intakeidle")
	db := filepath.Join(dir, "w.db")
	if r := runDB(t, db, nil, "", "import", "tui/testdata/intake/warehouse.json", "--as", "Alex"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	s := newTmux(t, socket, "intake", bin+" intake --as Sam --db "+db, env)
	s.waitFor("1 of 6: Work")
	if r := runDB(t, db, nil, "", "profiles"); r.code != 0 || !strings.Contains(r.stdout, "Alex") {
		t.Fatalf("weekfit profiles while the interview waits: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	for _, k := range warehouseTyping[4:] { // from the job's name on
		switch k {
		case "Enter", "Down":
			s.keys(k)
		default:
			s.run("send-keys", "-t", s.name, "-l", k)
		}
	}
	s.waitFor(`profile "Sam" saved from the interview`)
	if r := runDB(t, db, nil, "", "profiles"); r.code != 0 || !strings.Contains(r.stdout, "Sam") {
		t.Fatalf("weekfit profiles while the grid shows the new profile: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	s.keys("q")
	s.waitGone()
}

// TestIntakeAccessibleLetsGoOfTheDatabase runs weekfit intake --accessible
// as a process and, while it waits for the first answer on its standard
// input, runs weekfit profiles on the same database.
func TestIntakeAccessibleLetsGoOfTheDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("builds weekfit: skipped in -short mode")
	}
	bin := buildWeekfit(t, "")
	db := filepath.Join(t.TempDir(), "w.db")
	if r := runDB(t, db, nil, "", "import", "tui/testdata/intake/warehouse.json", "--as", "Alex"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	cmd := exec.Command(bin, "intake", "--accessible", "--as", "Sam", "--db", db)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	var seen bytes.Buffer
	buf := make([]byte, 256)
	for !strings.Contains(seen.String(), "1. Your job") {
		n, err := stdout.Read(buf)
		if err != nil {
			t.Fatalf("the interview stopped before its first question: %v\n%s", err, seen.String())
		}
		seen.Write(buf[:n])
	}
	if r := runDB(t, db, nil, "", "profiles"); r.code != 0 || !strings.Contains(r.stdout, "Alex") {
		t.Fatalf("weekfit profiles while the interview waits: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	lines, err := os.ReadFile("tui/testdata/intake/warehouse.txt")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	if _, err := stdin.Write(lines); err != nil {
		t.Fatal(err)
	}
	_ = stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("weekfit intake --accessible: %v", err)
	}
	if r := runDB(t, db, nil, "", "profiles"); !strings.Contains(r.stdout, "Sam") {
		t.Fatalf("the interview's profile is not saved: %s%s", r.stdout, r.stderr)
	}
}

// TestIntakeReopenKeepsABusyWeek imports a week with two jobs, two duties,
// two helpers and a rotation, opens its review with i in the real binary,
// saves it, and finds weekfit export of the week unchanged.
func TestIntakeReopenKeepsABusyWeek(t *testing.T) {
	bin, dir, socket, env := e2eSetup(t, "intakebusy")
	db := filepath.Join(dir, "busy.db")
	if r := runDB(t, db, nil, "", "import", "tui/testdata/intake/busy.json", "--as", "Sam"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	before := exportedWeek(t, db, "Sam")
	s := newTmux(t, socket, "busy", bin+" --db "+db, env)
	s.waitFor("Plan 1 of")
	s.keys("1")
	s.waitFor("[Week]")
	s.keys("i")
	s.waitFor("9 Your schedule repeats every 2 weeks")
	s.keys("Enter")
	s.waitFor("interview answers saved")
	s.keys("q")
	s.waitGone()
	if after := exportedWeek(t, db, "Sam"); after != before {
		t.Errorf("weekfit export after the interview's save:\n%s\nbefore:\n%s", after, before)
	}
}
