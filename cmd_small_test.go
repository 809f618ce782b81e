package main

import (
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

func TestSolveHelpPrintsUsageAndExitsZero(t *testing.T) {
	for _, flag := range []string{"--help", "-h", "-help"} {
		t.Run(flag, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "solve", flag)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q; want 0 and nothing", code, stderr)
			}
			for _, want := range []string{solveUsage, "--json", "--top N", "--max-time DURATION"} {
				if !strings.Contains(stdout, want) {
					t.Errorf("help lacks %q:\n%s", want, stdout)
				}
			}
		})
	}
}

// TestProfileExportWritesEmptyLists checks that a week with no duties,
// helpers or rush hours exports them as [] and never as null.
func TestProfileExportWritesEmptyLists(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	bare := `{"version": 1, "name": "Bare", "places": {"home": "Home", "clinic": "C"},
		"travel": [{"from": "home", "to": "clinic", "minutes": 10}],
		"programs": [{"id": "p", "name": "P", "place": "clinic", "min_days": 1,
			"tracks": [{"name": "T", "sessions": [{"days": "Mon", "time": "09:00-12:00"}]}]}]}`
	if r := runDB(t, db, nil, "", "import", writeFile(t, dir, "bare.json", bare)); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := runDB(t, db, nil, "", "export", "Bare")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	if strings.Contains(r.stdout, "null") {
		t.Fatalf("export holds null:\n%s", r.stdout)
	}
	var f struct {
		Scenario map[string]json.RawMessage `json:"scenario"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &f); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"rush_hours", "jobs", "commitments", "support", "sleep"} {
		if got := string(f.Scenario[k]); got != "[]" {
			t.Errorf("%s = %s, want []", k, got)
		}
	}
}

// TestReadmeScenarioRunsAsPasted solves the scenario example of README.md.
func TestReadmeScenarioRunsAsPasted(t *testing.T) {
	readme := mustRead(t, "README.md")
	_, rest, ok := strings.Cut(readme, "\n```json\n")
	if !ok {
		t.Fatal("README.md has no json example")
	}
	body, _, ok := strings.Cut(rest, "\n```")
	if !ok {
		t.Fatal("README.md's json example does not end")
	}
	code, stdout, stderr := runCLI(t, "solve", writeScenario(t, body))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Riverside Recovery IOP") {
		t.Errorf("no plan of the example's program:\n%s", stdout)
	}
}

// TestReadAllSized reads what io.ReadAll reads, whatever size it is told,
// from a reader that gives a few bytes at a time and from one that fails.
func TestReadAllSized(t *testing.T) {
	text := strings.Repeat("0123456789", 300)
	for _, size := range []int64{0, 1, 511, 512, 2999, 3000, 3001, 100000} {
		got, err := readAllSized(iotest.HalfReader(strings.NewReader(text)), size)
		if err != nil || string(got) != text {
			t.Errorf("size %d: read %d bytes, err %v; want %d bytes", size, len(got), err, len(text))
		}
	}
	boom := errors.New("boom")
	got, err := readAllSized(io.MultiReader(strings.NewReader("abc"), iotest.ErrReader(boom)), 10)
	if !errors.Is(err, boom) || string(got) != "abc" {
		t.Errorf("failing reader: got %q, %v; want \"abc\", boom", got, err)
	}
}
