package main

import (
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
	"Enter", "Enter", "6-14:30", "Enter", "Enter", "Down", "Down", "Enter", "Enter",
	"Down", "Enter", "25", "Enter", "Enter", "Down", "Enter",
	"School pickup", "Enter", "Enter", "15-15:30", "Enter", "Enter",
	"Sister", "Enter", "Tue,Thu", "Enter", "1430-19", "Enter",
	"22", "Enter", "5", "Enter", "Enter",
	"Riverside", "Enter", "Enter", "Enter",
	"Enter", "Mon,Wed,Fri", "Enter", "9-12", "Enter", "Enter", "Mon-Thu", "Enter", "18-21", "Enter",
	"Enter", "Enter", "Enter", "Enter", "Enter",
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
