package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"weekfit/planner"
	"weekfit/tui"
)

// catalogWeekFile names two programs of sheet/testdata/programs.xlsx and
// gives travel times to their places, which it does not list itself.
const catalogWeekFile = `{"name":"Client 7","places":{"work":"Office"},
 "travel":[{"from":"home","to":"work","minutes":30},{"from":"home","to":"northside_clinic","minutes":20},
  {"from":"work","to":"northside_clinic","minutes":15}],
 "jobs":[{"name":"Office","place":"work","shifts":[{"days":"Mon-Fri","time":"09:00-17:00"}]}],
 "sleep":[{"days":"daily","time":"23:00-06:30"}],
 "catalog":["northside","matrix_online"%s]}`

func TestSolveWithCatalog(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	week := writeFile(t, dir, "week.json", strings.Replace(catalogWeekFile, "%s", "", 1))
	unknown := writeFile(t, dir, "unknown.json", strings.Replace(catalogWeekFile, "%s", `,"nope"`, 1))
	r := runAt(t, db, now, "", "solve", week)
	if r.code != exitInput || !strings.Contains(r.stderr, `week.json: catalog: "northside", "matrix_online": these are programs of a weekfit database's catalog, and solve was given none; add --db PATH`) {
		t.Fatalf("without --db: %+v", r)
	}
	if r := runAt(t, db, now, "", "import", "sheet/testdata/programs.xlsx"); r.code != exitOK {
		t.Fatal(r)
	}
	r = runAt(t, db, now, "", "solve", week, "--db", db, "--json", "--top", "20")
	if r.code != exitOK {
		t.Fatalf("with --db: %+v", r)
	}
	var out struct {
		Plans []struct {
			Program string `json:"program"`
			Track   string `json:"track"`
		} `json:"plans"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, p := range out.Plans {
		got[p.Program+"/"+p.Track] = true
	}
	if !got["northside/Evening"] || !got["matrix_online/Evening"] {
		t.Errorf("plans %v, want northside's and matrix_online's evening tracks", got)
	}
	r = runAt(t, db, now, "", "solve", week, "--db", db)
	if r.code != exitOK || !strings.Contains(r.stdout, "Northside Counseling") {
		t.Errorf("text: %+v", r)
	}
	r = runAt(t, db, now, "", "solve", unknown, "--db", db)
	if r.code != exitInput || !strings.Contains(r.stderr, `unknown.json: catalog[2]: "nope": no program in the catalog has this id`) {
		t.Errorf("unknown id: %+v", r)
	}
}

// TestExportPlanWithCatalog: a profile whose week names catalog programs
// exports a plan of them.
func TestExportPlanWithCatalog(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	week := writeFile(t, dir, "week.json", strings.Replace(catalogWeekFile, "%s", "", 1))
	for _, args := range [][]string{{"import", "sheet/testdata/programs.ods"}, {"import", week}} {
		if r := runAt(t, db, now, "", args...); r.code != exitOK {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	r := runAt(t, db, now, "", "export-plan", "Client 7", "--format", "md", "--names")
	if r.code != exitOK || !strings.Contains(r.stdout, "## Options we looked at") ||
		!strings.Contains(r.stdout, "| Northside Counseling IOP | yes |") || !strings.Contains(r.stdout, "| Matrix Model Telehealth | yes |") {
		t.Errorf("export-plan --names: %+v", r)
	}
	r = runAt(t, db, now, "", "export-plan", "Client 7", "--format", "md")
	if r.code != exitOK || !strings.Contains(r.stdout, "| Option 1 | yes |") || strings.Contains(r.stdout, "Northside") || strings.Contains(r.stdout, "Matrix") {
		t.Errorf("export-plan, discreet: %+v", r)
	}
	r = runAt(t, db, now, "", "export-plan", "Client 7", "--format", "csv")
	if r.code != exitOK || strings.Contains(r.stdout, "Options we looked at") {
		t.Errorf("export-plan csv: %+v", r)
	}
}

// TestTUIExportHasBoard: the TUI's Markdown export of a week with two
// programs holds the program board, neutral unless names are asked for.
func TestTUIExportHasBoard(t *testing.T) {
	data, err := os.ReadFile("examples/parent-bus.json")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Programs) < 2 {
		t.Fatalf("the example should have two programs, has %d", len(sc.Programs))
	}
	res, err := planner.Solve(sc, planner.Options{Top: 1})
	if err != nil || len(res.Plans) == 0 {
		t.Fatalf("solve: %v", err)
	}
	ex := tuiExporter{lookupEnv: func(string) (string, bool) { return "UTC", true }, now: func() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC) }}
	for _, names := range []bool{false, true} {
		req := tui.ExportRequest{Format: "md", Scenario: sc, Plan: res.Plans[0], ProfileID: "p1", Start: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC),
			Dir: t.TempDir(), Names: names}
		path, err := ex.Export(req)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := os.ReadFile(path)
		want := "| Option 1 |"
		if names {
			want = "| " + sc.Programs[0].Name + " |"
		}
		if !strings.Contains(string(out), "## Options we looked at") || !strings.Contains(string(out), want) {
			t.Errorf("names %v: %s", names, out)
		}
	}
}
