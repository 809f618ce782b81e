package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"weekfit/export"
	"weekfit/planner"
	"weekfit/tui"
)

// TestTUIExporter writes each format as the TUI asks: a 0600 file in the
// folder, named for the format and date only, and a second export of the same
// kind goes beside the first instead of over it.
func TestTUIExporter(t *testing.T) {
	data, err := os.ReadFile("examples/office.json")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := planner.Solve(sc, planner.Options{Top: 1})
	if err != nil || len(res.Plans) == 0 {
		t.Fatalf("solve: %v", err)
	}
	env := func(k string) (string, bool) {
		if k == "TZ" {
			return "Europe/Berlin", true
		}
		return "", false
	}
	ex := tuiExporter{lookupEnv: env, now: func() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC) }}
	dir := t.TempDir()
	start := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	wantNames := map[string]string{
		"ics": "weekfit-plan-2026-11-30.ics", "pdf": "weekfit-handout-2026-11-30.pdf", "md": "weekfit-plan-2026-11-30.md",
		"csv": "weekfit-sessions-2026-11-30.csv", "employer": "weekfit-employer-note-2026-11-30.txt",
	}
	for format, name := range wantNames {
		req := tui.ExportRequest{Format: format, Scenario: sc, Plan: res.Plans[0], ProfileID: "p-random-id", Start: start, Dir: dir}
		first, err := ex.Export(req)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if first != filepath.Join(dir, name) {
			t.Errorf("%s: wrote %s, want %s", format, first, name)
		}
		checkPrivateFile(t, first, sc)
		before, _ := os.ReadFile(first)
		second, err := ex.Export(req)
		if err != nil {
			t.Fatalf("%s again: %v", format, err)
		}
		ext := filepath.Ext(name)
		if want := filepath.Join(dir, strings.TrimSuffix(name, ext)+"-2"+ext); second != want {
			t.Errorf("%s again: wrote %s, want %s", format, second, want)
		}
		checkPrivateFile(t, second, sc)
		if after, _ := os.ReadFile(first); string(after) != string(before) {
			t.Errorf("%s: the second export changed the first file", format)
		}
	}
	third, err := ex.Export(tui.ExportRequest{Format: "md", Scenario: sc, Plan: res.Plans[0], Start: start, Dir: dir})
	if err != nil || filepath.Base(third) != "weekfit-plan-2026-11-30-3.md" {
		t.Errorf("third md export: %s, %v", third, err)
	}
}

// checkPrivateFile checks that path has mode 0600 and that its name holds no
// name from the week: not the program's, its place's, or the week's.
func checkPrivateFile(t *testing.T, path string, sc *planner.Scenario) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 || fi.Size() == 0 {
		t.Errorf("%s: mode %v, size %d; want 0600 and some content", path, fi.Mode().Perm(), fi.Size())
	}
	base := strings.ToLower(filepath.Base(path))
	names := []string{sc.Name}
	for _, p := range sc.Programs {
		names = append(names, p.Name, p.ID)
	}
	for _, p := range sc.Places {
		names = append(names, p.Name)
	}
	for _, n := range names {
		for _, w := range strings.Fields(strings.ToLower(n)) {
			if len(w) > 3 && strings.Contains(base, w) {
				t.Errorf("file name %s holds %q from %q", base, w, n)
			}
		}
	}
}

func TestTUIExporterErrors(t *testing.T) {
	ex := tuiExporter{lookupEnv: func(string) (string, bool) { return "Europe/Berlin", true }, now: time.Now}
	sc := &planner.Scenario{}
	_, err := ex.Export(tui.ExportRequest{Format: "md", Scenario: sc, Plan: planner.Plan{Program: "gone"}, Start: time.Now(), Dir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "does not match") {
		t.Errorf("a plan of another week: %v", err)
	}
}

func TestTUIExporterFolderErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := export.WriteNew(filepath.Join(dir, "missing"), "a.md", []byte("x")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing folder: %v", err)
	}
	file := filepath.Join(dir, "f")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := export.WriteNew(file, "a.md", []byte("x")); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("a file for a folder: %v", err)
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		_, err := export.WriteNew(ro, "a.md", []byte("x"))
		if err == nil || strings.Count(err.Error(), "a.md") != 1 || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("read-only folder: %v", err)
		}
	}
}
