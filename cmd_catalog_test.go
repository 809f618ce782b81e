package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"weekfit/store"
)

// runAt runs a command on the database at db at a fixed time, with typed as
// what the user types on a terminal ("" for no terminal).
func runAt(t *testing.T, db string, now time.Time, typed string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	err := runCommand(args[0], args[1:], &out, fakeEnv(&errb, map[string]string{envDB: db}, typed), now)
	code := exitOK
	if err != nil {
		errb.WriteString("weekfit: " + err.Error() + "\n")
		code = exitOther
		var ie inputError
		if errors.As(err, &ie) {
			code = exitInput
		}
	}
	return result{code, out.String(), errb.String()}
}

func TestCatalogCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	if r := runAt(t, db, now, "", "import", "sheet/testdata/programs.xlsx"); r.code != exitOK {
		t.Fatalf("import: %+v", r)
	}
	tests := []struct {
		name, typed string
		args        []string
		code        int
		want        []string
		not         []string
	}{
		{"list", "", []string{"catalog", "list"}, exitOK,
			[]string{"ID", "VERIFIED", "northside", "Northside Counseling", "virtual", "2026-06-01 (check this schedule with the program)", "2026-10-01\n"},
			[]string{"2026-10-01 (check"}},
		{"search", "", []string{"catalog", "list", "WOMEN"}, exitOK, []string{"womens_circle"}, []string{"northside", "lakeview"}},
		{"search two words", "", []string{"catalog", "list", "lake", "adults"}, exitOK, []string{"lakeview"}, []string{"northside"}},
		{"search nothing", "", []string{"catalog", "list", "pediatric"}, exitOK, []string{`no catalog program matches "pediatric" (the catalog has 5)`}, nil},
		{"show", "", []string{"catalog", "show", "northside"}, exitOK,
			[]string{"Northside Counseling IOP", "1200 N Main St, Springfield", "555-0142", "adults",
				"at least 3 days and 9 hours a week, for 12 weeks, one track", "track Day:", "Mon,Tue,Thu 10:00-13:00", "Drug screen at check-in"}, nil},
		{"show stale", "", []string{"catalog", "show", "lakeview"}, exitOK, []string{"2026-06-01 (check this schedule with the program)"}, nil},
		{"show unknown", "", []string{"catalog", "show", "nowhere"}, exitInput, []string{`the catalog has no program "nowhere"; see the ids with: weekfit catalog list`}, nil},
		{"no subcommand", "", []string{"catalog"}, exitInput, []string{"catalog needs list, show or remove"}, nil},
		{"bad subcommand", "", []string{"catalog", "prune"}, exitInput, []string{`"prune" is not list, show or remove`}, nil},
		{"remove without terminal", "", []string{"catalog", "remove", "lakeview"}, exitInput, []string{"add --yes"}, nil},
		{"remove declined", "no\n", []string{"catalog", "remove", "lakeview"}, exitOK, []string{"nothing removed"}, nil},
		{"still there", "", []string{"catalog", "list"}, exitOK, []string{"lakeview"}, nil},
		{"remove typed yes", "yes\n", []string{"catalog", "remove", "lakeview"}, exitOK, []string{`Remove "lakeview" (Lakeview Behavioral Health IOP) from the catalog?`, `removed "lakeview"`}, nil},
		{"remove --yes", "", []string{"catalog", "remove", "teen_bridge", "--yes"}, exitOK, []string{`removed "teen_bridge"`}, nil},
		{"gone", "", []string{"catalog", "list"}, exitOK, []string{"northside"}, []string{"lakeview", "teen_bridge", "Bridge"}},
		{"remove unknown", "", []string{"catalog", "remove", "lakeview", "--yes"}, exitInput, []string{`no program "lakeview"`}, nil},
	}
	for _, tt := range tests {
		r := runAt(t, db, now, tt.typed, tt.args...)
		all := r.stdout + r.stderr
		if r.code != tt.code {
			t.Errorf("%s: exit %d, want %d: %s", tt.name, r.code, tt.code, all)
		}
		for _, w := range tt.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: %q lacks %q", tt.name, all, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(all, w) {
				t.Errorf("%s: %q has %q", tt.name, all, w)
			}
		}
	}
}

func TestCatalogListJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	r := runAt(t, db, now, "", "catalog", "list", "--json")
	if r.code != exitOK || strings.TrimSpace(r.stdout) != "[]" {
		t.Fatalf("empty catalog: %+v", r)
	}
	runAt(t, db, now, "", "import", "sheet/testdata/programs.ods")
	r = runAt(t, db, now, "", "catalog", "list", "--json")
	var list []catalogJSON
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	if len(list) != 5 {
		t.Fatalf("%d programs", len(list))
	}
	byID := map[string]catalogJSON{}
	for _, p := range list {
		byID[p.ID] = p
	}
	n := byID["northside"]
	if n.PlaceName != "Northside Counseling" || n.Address != "1200 N Main St, Springfield" || n.Stale ||
		len(n.Tracks) != 2 || n.Tracks[1].Sessions[0] != "Mon,Tue,Thu 18:00-21:00" || n.MinHours != 9 {
		t.Errorf("northside %+v", n)
	}
	if !byID["lakeview"].Stale || byID["matrix_online"].Modality != "virtual" || byID["matrix_online"].Place != "" {
		t.Errorf("lakeview %+v matrix %+v", byID["lakeview"], byID["matrix_online"])
	}
}

// TestTUICatalogEditor: the Catalog screen's import reads every catalog
// format, refuses a week, and changes nothing on a bad cell.
func TestTUICatalogEditor(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	var errb bytes.Buffer
	err := withStore(db, fakeEnv(&errb, nil, ""), func(sdb *store.DB, _ string) error {
		ed := tuiCatalog{sdb}
		if _, _, err := ed.ImportCatalogFile("sheet/testdata/bad-time.xlsx"); err == nil || !strings.Contains(err.Error(), `Sheet1!F7 (time)`) {
			t.Errorf("bad sheet: %v", err)
		}
		if _, _, err := ed.ImportCatalogFile("examples/office.json"); err == nil || !strings.Contains(err.Error(), "not a catalog") {
			t.Errorf("a week: %v", err)
		}
		if added, _, err := ed.ImportCatalogFile("sheet/testdata/programs.ods"); err != nil || added != 5 {
			t.Errorf("ods: %d, %v", added, err)
		}
		if err := ed.RemoveCatalogProgram("lakeview"); err != nil {
			t.Error(err)
		}
		c, err := sdb.Catalog()
		if err != nil || len(c.Programs) != 4 {
			t.Errorf("catalog after: %v, %v", c, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
