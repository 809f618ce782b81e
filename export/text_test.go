package export

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"weekfit/planner"
)

func loadExportScenario(t *testing.T, name string) *planner.Scenario {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func bestPlan(t *testing.T, sc *planner.Scenario) *planner.Plan {
	t.Helper()
	res, err := planner.Solve(sc, planner.Options{Top: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Plans) == 0 {
		t.Fatal("no plan fits the test scenario")
	}
	return &res.Plans[0]
}

func TestCSVCell(t *testing.T) {
	tests := map[string]string{
		"Appointment": "Appointment", "=SUM(A1)": "'=SUM(A1)", "+1": "'+1", "-2": "'-2",
		"@cmd": "'@cmd", "\tx": "'\tx", "": "", "a=b": "a=b",
	}
	for in, want := range tests {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVEscapesProgramName(t *testing.T) {
	sc := &planner.Scenario{CycleWeeks: 1, Programs: []planner.Program{{ID: "p", Weeks: 1}}}
	p := &planner.Plan{Program: "p", ProgramName: `=HYPERLINK("http://x","y")`, Sessions: []planner.Session{{Week: 1, Day: planner.Tue, Time: planner.Clock{Start: 600, End: 780}}}}
	out, err := CSV(sc, p, planner.ExportOptions{Start: ymd("2026-03-02"), Names: true})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want header and one session", len(rows))
	}
	want := []string{"2026-03-03", "10:00", "13:00", `'=HYPERLINK("http://x","y")`}
	if strings.Join(rows[1], "|") != strings.Join(want, "|") {
		t.Errorf("row = %q, want %q", rows[1], want)
	}
}

func TestLostMinutes(t *testing.T) {
	c := func(a, b int) planner.Clock { return planner.Clock{Start: a * 60, End: b * 60} }
	tests := []struct {
		name     string
		from, to planner.Clock
		want     int
	}{
		{"unchanged", c(9, 17), c(9, 17), 0},
		{"ends an hour early", c(9, 17), c(9, 16), 60},
		{"moved half an hour earlier", c(9, 17), planner.Clock{Start: 510, End: 990}, 30},
		{"overnight ends early", c(22, 6), c(22, 4), 120},
		{"overnight starts later past midnight", c(22, 6), planner.Clock{Start: 30, End: 360}, 150},
	}
	for _, tc := range tests {
		if got := lostMinutes(tc.from, tc.to); got != tc.want {
			t.Errorf("%s: lostMinutes(%s, %s) = %d, want %d", tc.name, tc.from, tc.to, got, tc.want)
		}
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it; read the diff):\n--- got\n%s", name, got)
	}
}

func TestExportGolden(t *testing.T) {
	for _, file := range []string{"export_rotation", "export_office"} {
		sc := loadExportScenario(t, file+".json")
		p := bestPlan(t, sc)
		opt := planner.ExportOptions{Start: ymd("2026-10-28")}
		golden(t, file+".md", []byte(Markdown(sc, p, opt)))
		named := opt
		named.Names = true
		golden(t, file+".names.md", []byte(Markdown(sc, p, named)))
		out, err := CSV(sc, p, opt)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, file+".csv", out)
		golden(t, file+".employer.txt", []byte(EmployerNote(sc, p, opt)))
	}
}

func TestDiscreetExportsNameNothing(t *testing.T) {
	for _, file := range []string{"export_rotation.json", "export_office.json"} {
		sc := loadExportScenario(t, file)
		p := bestPlan(t, sc)
		opt := planner.ExportOptions{Start: ymd("2026-03-02")}
		out, err := CSV(sc, p, opt)
		if err != nil {
			t.Fatal(err)
		}
		named := opt
		named.Names = true
		texts := map[string]string{
			"markdown": Markdown(sc, p, opt), "csv": string(out),
			"employer": EmployerNote(sc, p, opt), "employer with names": EmployerNote(sc, p, named),
		}
		for what, text := range texts {
			if w := sensitiveIn(sc, text); w != "" {
				t.Errorf("%s: discreet %s holds %q", file, what, w)
			}
		}
		// The check itself must be able to fail: the named handout says it all.
		if w := sensitiveIn(sc, Markdown(sc, p, named)); w == "" {
			t.Errorf("%s: the handout with names holds no name; the check would pass anything", file)
		}
	}
}

func TestEmployerNoteTotals(t *testing.T) {
	sc := loadExportScenario(t, "export_rotation.json")
	p := bestPlan(t, sc)
	note := EmployerNote(sc, p, planner.ExportOptions{Start: ymd("2026-03-02")})
	lost := 0
	for _, c := range p.ShiftChanges {
		lost += lostMinutes(c.From, c.To)
	}
	// Eight weeks of a two-week rotation: four of each week of the cycle.
	want := "In all: " + planner.FormatDuration(4*lost) + " over the 8 weeks."
	if lost == 0 || !strings.Contains(note, want) {
		t.Errorf("note lacks %q (lost a cycle: %d min):\n%s", want, lost, note)
	}
}
