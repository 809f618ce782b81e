package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"go.etcd.io/bbolt"

	"weekfit/planner"
	"weekfit/store"
	"weekfit/tui"
)

// hostileProfileName is a profile name as an older weekfit could store it.
const hostileProfileName = "\x1b]2;pane title\x07Client\x1b[2J 7\u009b1m\x7f"

// storeRawName rewrites a profile's name in the database file behind the
// store's back, as a weekfit that did not clean names would have kept it.
func storeRawName(t *testing.T, path, id, name string) {
	t.Helper()
	bdb, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	err = bdb.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("profiles"))
		v := b.Get([]byte(id))
		var rec map[string]any
		if err := json.Unmarshal(v[1:], &rec); err != nil {
			return err
		}
		rec["name"] = name
		data, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		return b.Put([]byte(id), append([]byte{v[0]}, data...))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// sgr matches the styling the TUI writes itself.
var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// TestWeekGridShowsNoControlsFromNames: the TUI on a database whose profile
// name (stored raw, as by an older weekfit), week and catalog came from files
// full of escape codes draws every screen without a control character other
// than its own styling.
func TestWeekGridShowsNoControlsFromNames(t *testing.T) {
	old := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.Ascii)
	t.Cleanup(func() { lipgloss.SetColorProfile(old) })

	path := filepath.Join(t.TempDir(), "x.db")
	sc, err := planner.ParseScenario([]byte(mustRead(t, "planner/testdata/hostile.json")))
	if err != nil {
		t.Fatal(err)
	}
	sc.Catalog = []string{"townhall"}
	cat, err := planner.ParseCatalogJSON([]byte(mustRead(t, "planner/testdata/hostile-catalog.json")))
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := db.CreateProfile("Client 7", "", sc)
	if err == nil {
		_, _, err = db.ImportCatalog(cat)
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	storeRawName(t, path, p.ID, hostileProfileName)
	for _, args := range [][]string{{"profiles"}, {"profiles", "--json"}, {"export", p.ID}} {
		r := runDB(t, path, nil, "", args...)
		if bad := controlsIn(t, strings.Join(args, " "), r.stdout+r.stderr); r.code != exitOK || len(bad) > 0 || !strings.Contains(r.stdout, "Client 7") {
			t.Fatalf("%v: exit %d, controls %q:\n%s%s", args, r.code, bad, r.stdout, r.stderr)
		}
	}

	db, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	var m tea.Model = tui.New(tuiStore{db}, tui.Options{Template: func() *planner.Scenario { return sc }})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = runAll(m, m.Init())
	seen := map[string]bool{}
	for _, k := range []string{"", "2", "3", "4", "5", "1", "d"} {
		if k != "" {
			m = runAll(m, func() tea.Msg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)} })
		}
		v := m.View()
		plain := sgr.ReplaceAllString(v, "")
		for i, r := range plain {
			if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)) {
				t.Fatalf("after key %q the view holds %q at byte %d:\n%s", k, r, i, plain)
			}
		}
		for _, name := range []string{"Client 7", "Riverside IOP", "Town Hall IOP", "Office"} {
			seen[name] = seen[name] || strings.Contains(plain, name)
		}
	}
	for name, ok := range seen {
		if !ok {
			t.Errorf("no screen shows %q", name)
		}
	}
}
