package planner

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func loadExportScenario(t *testing.T, name string) *Scenario {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func bestPlan(t *testing.T, sc *Scenario) *Plan {
	t.Helper()
	res, err := Solve(sc, Options{Top: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Plans) == 0 {
		t.Fatal("no plan fits the test scenario")
	}
	return &res.Plans[0]
}

func TestScheduleDates(t *testing.T) {
	one := &Scenario{CycleWeeks: 1, Programs: []Program{{ID: "p", Weeks: 2}}}
	two := &Scenario{CycleWeeks: 2, Programs: []Program{{ID: "p"}}}
	night := Clock{Start: 22 * 60, End: 60}
	tests := []struct {
		name  string
		sc    *Scenario
		plan  Plan
		start string
		weeks int
		want  []string
	}{
		{"monday start, two weeks", one, Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Mon}, {Week: 1, Day: Thu}}}, "2026-03-02", 0,
			[]string{"2026-03-02", "2026-03-05", "2026-03-09", "2026-03-12"}},
		{"wednesday start skips monday of week 1 and ends on a tuesday", one, Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Mon}, {Week: 1, Day: Thu}}}, "2026-03-04", 0,
			[]string{"2026-03-05", "2026-03-09", "2026-03-12", "2026-03-16"}},
		{"sunday session at the end of the span", one, Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Sun, Time: night}}}, "2026-03-02", 0,
			[]string{"2026-03-08", "2026-03-15"}},
		{"rotation alternates weeks", two, Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Mon}, {Week: 2, Day: Tue}}}, "2026-03-02", 4,
			[]string{"2026-03-02", "2026-03-10", "2026-03-16", "2026-03-24"}},
		{"rotation from a mid-week start keeps the calendar week as week 1", two, Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Mon}, {Week: 2, Day: Tue}}}, "2026-03-03", 2,
			[]string{"2026-03-10", "2026-03-16"}},
		{"default length is twelve weeks", two, Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Mon}}}, "2026-03-02", 0,
			[]string{"2026-03-02", "2026-03-16", "2026-03-30", "2026-04-13", "2026-04-27", "2026-05-11"}},
		{"no sessions, no dates", one, Plan{Program: "p"}, "2026-03-02", 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Schedule(tc.sc, &tc.plan, ExportOptions{Start: day(tc.start), Weeks: tc.weeks})
			var dates []string
			for _, d := range got {
				dates = append(dates, d.Date.Format("2006-01-02"))
			}
			if strings.Join(dates, " ") != strings.Join(tc.want, " ") {
				t.Errorf("dates = %v, want %v", dates, tc.want)
			}
		})
	}
}

func TestScheduleAcrossDST(t *testing.T) {
	// Dates are calendar dates: a span over the US spring change still has
	// exactly one session each Monday.
	sc := &Scenario{CycleWeeks: 1, Programs: []Program{{ID: "p", Weeks: 3}}}
	p := &Plan{Program: "p", Sessions: []Session{{Week: 1, Day: Mon}}}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	got := Schedule(sc, p, ExportOptions{Start: time.Date(2026, 3, 2, 23, 30, 0, 0, ny)})
	want := []string{"2026-03-02", "2026-03-09", "2026-03-16"}
	if len(got) != len(want) {
		t.Fatalf("got %d sessions, want %d", len(got), len(want))
	}
	for i := range want {
		if d := got[i].Date.Format("2006-01-02"); d != want[i] || got[i].Week != i+1 {
			t.Errorf("session %d on %s (week %d), want %s (week %d)", i, d, got[i].Week, want[i], i+1)
		}
	}
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
	sc := &Scenario{CycleWeeks: 1, Programs: []Program{{ID: "p", Weeks: 1}}}
	p := &Plan{Program: "p", ProgramName: `=HYPERLINK("http://x","y")`, Sessions: []Session{{Week: 1, Day: Tue, Time: Clock{600, 780}}}}
	out, err := CSV(sc, p, ExportOptions{Start: day("2026-03-02"), Names: true})
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
	c := func(a, b int) Clock { return Clock{a * 60, b * 60} }
	tests := []struct {
		name     string
		from, to Clock
		want     int
	}{
		{"unchanged", c(9, 17), c(9, 17), 0},
		{"ends an hour early", c(9, 17), c(9, 16), 60},
		{"moved half an hour earlier", c(9, 17), Clock{510, 990}, 30},
		{"overnight ends early", c(22, 6), c(22, 4), 120},
		{"overnight starts later past midnight", c(22, 6), Clock{30, 360}, 150},
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
		opt := ExportOptions{Start: day("2026-10-28")}
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

// sensitiveFound returns the first name or sensitive word that text holds, or "".
func sensitiveFound(sc *Scenario, text string) string {
	low := strings.ToLower(text)
	bad := SensitiveWords()
	for _, pr := range sc.Programs {
		bad = append(bad, pr.Name, pr.ID)
	}
	for _, pl := range sc.Places {
		if pl.ID != Home {
			bad = append(bad, pl.Name)
		}
	}
	for _, w := range bad {
		if w != "" && strings.Contains(low, strings.ToLower(w)) {
			return w
		}
	}
	return ""
}

func TestDiscreetExportsNameNothing(t *testing.T) {
	for _, file := range []string{"export_rotation.json", "export_office.json"} {
		sc := loadExportScenario(t, file)
		p := bestPlan(t, sc)
		opt := ExportOptions{Start: day("2026-03-02")}
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
			if w := sensitiveFound(sc, text); w != "" {
				t.Errorf("%s: discreet %s holds %q", file, what, w)
			}
		}
		// The check itself must be able to fail: the named handout says it all.
		if w := sensitiveFound(sc, Markdown(sc, p, named)); w == "" {
			t.Errorf("%s: the handout with names holds no name; the check would pass anything", file)
		}
	}
}

func TestEmployerNoteTotals(t *testing.T) {
	sc := loadExportScenario(t, "export_rotation.json")
	p := bestPlan(t, sc)
	note := EmployerNote(sc, p, ExportOptions{Start: day("2026-03-02")})
	lost := 0
	for _, c := range p.ShiftChanges {
		lost += lostMinutes(c.From, c.To)
	}
	// Eight weeks of a two-week rotation: four of each week of the cycle.
	want := "In all: " + FormatDuration(4*lost) + " over the 8 weeks."
	if lost == 0 || !strings.Contains(note, want) {
		t.Errorf("note lacks %q (lost a cycle: %d min):\n%s", want, lost, note)
	}
}
