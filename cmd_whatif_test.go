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

// stiffWeek is the office example with shifts that cannot bend and no unpaid
// time: the evening track fits only if the shift ends at 16:50.
func stiffWeek(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("examples/office.json")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), `"flex": {"start_earlier": 30, "start_later": 0, "end_earlier": 60, "end_later": 0}`, `"flex": {"start_earlier": 0, "start_later": 0, "end_earlier": 0, "end_later": 0}`, 1)
	s = strings.Replace(s, `"max_unpaid_minutes_per_week": 60`, `"max_unpaid_minutes_per_week": 0`, 1)
	if s == string(data) {
		t.Fatal("the office example changed; update stiffWeek")
	}
	return s
}

const earlyFinishAsks = `{"asks": [{"kind": "shift", "party": "Office", "job": "Office",
  "days": [{"week": 1, "day": "Mon"}, {"week": 1, "day": "Wed"}, {"week": 1, "day": "Thu"}],
  "from": "09:00-17:00", "to": "09:00-16:50", "minutes_lost": 30, "minutes_moved": 30}]}`

// whatIfDB makes a database with the profile "me" on the stiff week.
func whatIfDB(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "weekfit.db")
	week := writeFile(t, dir, "week.json", stiffWeek(t))
	if r := runDB(t, db, nil, "", "import", week, "--as", "me"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	return db, dir
}

func mustRun(t *testing.T, db string, args ...string) string {
	t.Helper()
	r := runDB(t, db, nil, "", args...)
	if r.code != 0 {
		t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
	}
	return r.stdout
}

func wantIn(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

func TestWhatIfCommand(t *testing.T) {
	db, dir := whatIfDB(t)
	asks := writeFile(t, dir, "fix.json", earlyFinishAsks)
	wantIn(t, "list", mustRun(t, db, "whatif", "me", "list"), "has no what-ifs yet")
	wantIn(t, "save", mustRun(t, db, "whatif", "me", "save", "Early finish", "--from", asks),
		`saved the what-if "Early finish" of "me": its best plan is Riverside Recovery IOP, Evening`)
	wantIn(t, "list", mustRun(t, db, "whatif", "me", "list"), "NAME", "Early finish", "Riverside Recovery IOP, Evening")

	var list []struct {
		ID, Name, Track string
		Asks            int
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "whatif", "me", "list", "--json")), &list); err != nil || len(list) != 1 || list[0].Asks != 1 || list[0].Track != "Evening" {
		t.Fatalf("list --json: %+v %v", list, err)
	}

	wantIn(t, "show", mustRun(t, db, "whatif", "me", "show", "early FINISH"),
		"Changes from the week as it is now:\n  Office: Mon, Wed, Thu end 16:50 instead of 17:00\n",
		"Made from these asks:\n  Office: 09:00-16:50 instead of 09:00-17:00 on Mon, Wed, Thu\n",
		"Mon 17:30-20:30")
	var show struct {
		Name    string
		Changes []string
		Asks    []struct{ Kind, To string }
		Result  struct{ Plans []struct{ Track string } }
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "whatif", "me", "show", list[0].ID, "--json")), &show); err != nil ||
		show.Name != "Early finish" || len(show.Changes) != 1 || len(show.Asks) != 1 || show.Asks[0].To != "09:00-16:50" || len(show.Result.Plans) == 0 {
		t.Fatalf("show --json: %+v %v", show, err)
	}

	wantIn(t, "diff", mustRun(t, db, "diff", "me", "week", "Early finish"),
		"From week to Early finish:\n  Office: Mon, Wed, Thu end 16:50 instead of 17:00\n",
		"plan: none fits -> Riverside Recovery IOP, Evening",
		"sessions gained: Mon 17:30-20:30, Wed 17:30-20:30, Thu 17:30-20:30",
		"Tracks that now fit: Riverside Recovery IOP, Evening")

	// Adopt, then undo by adopting the week kept before.
	wantIn(t, "adopt", mustRun(t, db, "whatif", "me", "adopt", "Early finish"),
		`the week of "me" is now the what-if "Early finish"`, "weekfit whatif me adopt 'before Early finish'")
	wantIn(t, "diff after adopt", mustRun(t, db, "diff", "me", "week", "before Early finish"),
		"Office: Mon, Wed, Thu end 17:00 instead of 16:50", "Tracks that no longer fit: Riverside Recovery IOP, Evening")
	if r := runDB(t, db, nil, "", "whatif", "me", "show", "Early finish"); r.code != 2 || !strings.Contains(r.stderr, `no what-if called "Early finish"`) {
		t.Fatalf("the adopted what-if is still there: %+v", r)
	}
	wantIn(t, "undo", mustRun(t, db, "whatif", "me", "adopt", "before Early finish"), `the week before is kept as the what-if "Early finish"`)
	wantIn(t, "diff after undo", mustRun(t, db, "diff", "me", "week", "Early finish", "--json"), `"now_fit": [`, `"track": "Evening"`)

	mustRun(t, db, "whatif", "me", "rename", "Early finish", "Leave at 16:50")
	wantIn(t, "delete", mustRun(t, db, "whatif", "me", "delete", "leave at 16:50"), `deleted the what-if "Leave at 16:50"`)
	wantIn(t, "list", mustRun(t, db, "whatif", "me", "list"), "has no what-ifs yet")
}

func TestWhatIfFromScenarioFile(t *testing.T) {
	db, dir := whatIfDB(t)
	edited := strings.Replace(stiffWeek(t), `"days": "Mon-Fri", "time": "09:00-17:00"`, `"days": "Mon-Fri", "time": "09:00-16:30"`, 1)
	file := writeFile(t, dir, "edited.json", edited)
	mustRun(t, db, "whatif", "me", "save", "Shorter days", "--from", file)
	wantIn(t, "show", mustRun(t, db, "whatif", "me", "show", "Shorter days"), "Office: Mon, Tue, Wed, Thu, Fri end 16:30 instead of 17:00")
	if out := mustRun(t, db, "whatif", "me", "show", "Shorter days"); strings.Contains(out, "Made from these asks") {
		t.Fatalf("a what-if from a file has no asks:\n%s", out)
	}
}

func TestWhatIfAndDiffRefuse(t *testing.T) {
	db, dir := whatIfDB(t)
	badAsks := writeFile(t, dir, "bad.json", strings.Replace(earlyFinishAsks, `"Thu"}`, `"Sat"}`, 1))
	badJSON := writeFile(t, dir, "broken.json", `[{"kind": "shift", "to": "soon"}]`)
	good := writeFile(t, dir, "fix.json", earlyFinishAsks)
	mustRun(t, db, "whatif", "me", "save", "Early finish", "--from", good)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"whatif", "me"}, "needs a profile and what to do"},
		{[]string{"whatif", "me", "paint"}, `"paint": use list, show`},
		{[]string{"whatif", "me", "show"}, "takes 1 name(s), not 0"},
		{[]string{"whatif", "me", "save", "x"}, "save needs it"},
		{[]string{"whatif", "nobody", "list"}, `no profile is called "nobody"`},
		{[]string{"whatif", "me", "show", "Nope"}, `no what-if called "Nope"`},
		{[]string{"whatif", "me", "save", "Sat", "--from", badAsks}, "asks[0].days[2]: \"Sat\": Office has no 09:00-17:00 shift on that day"},
		{[]string{"whatif", "me", "save", "Broken", "--from", badJSON}, "asks[0].from"},
		{[]string{"whatif", "me", "save", "early finish", "--from", good}, "already exists"},
		{[]string{"whatif", "me", "save", "Week", "--from", good}, "names the profile's own week"},
		{[]string{"whatif", "me", "save", "x", "--from", filepath.Join(dir, "missing.json")}, "--from:"},
		{[]string{"whatif", "me", "delete", "x", "--json"}, "--json goes with list and show"},
		{[]string{"diff", "me", "week"}, "diff takes 3 argument(s), not 2"},
		{[]string{"diff", "me", "week", "chosen"}, "has no chosen plan yet"},
		{[]string{"diff", "me", "week", "Nope"}, `no what-if called "Nope"`},
	}
	for _, c := range cases {
		r := runDB(t, db, nil, "", c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, r.code, r.stderr, c.want)
		}
	}
	wantIn(t, "list after refusals", mustRun(t, db, "whatif", "me", "list"), "Early finish")
}

func TestExportPlanWhatIf(t *testing.T) {
	db, dir := whatIfDB(t)
	mustRun(t, db, "whatif", "me", "save", "Early finish", "--from", writeFile(t, dir, "fix.json", earlyFinishAsks))
	note := mustRun(t, db, "export-plan", "me", "--format", "employer", "--whatif", "early finish", "--start", "2026-03-02")
	wantIn(t, "the note", note,
		"from Mon 2 Mar 2026 to Sun 24 May 2026\n(12 weeks)",
		"1. On Mon, Wed, Thu: 09:00-16:50 instead of 09:00-17:00 (10 min of my usual hours each day).",
		"  Mon 2 Mar 2026: 09:00-16:50 instead of 09:00-17:00, 10 min of my usual hours\n",
		"  Week of Mon 2 Mar 2026: 30 min\n",
		"In all: 6 h over the 12 weeks.")
	low := strings.ToLower(note)
	for _, w := range append(planner.SensitiveWords(), "riverside", "evening") {
		if strings.Contains(low, w) {
			t.Errorf("the employer note holds %q:\n%s", w, note)
		}
	}
	md := mustRun(t, db, "export-plan", "me", "--format", "md", "--whatif", "Early finish", "--start", "2026-03-02")
	wantIn(t, "markdown of the what-if's plan", md, "17:30-20:30")
	if r := runDB(t, db, nil, "", "export-plan", "me", "--format", "md", "--start", "2026-03-02"); r.code != 1 || !strings.Contains(r.stderr, "no plan fits") {
		t.Fatalf("the week itself has no plan, so a plain export fails: %+v", r)
	}
	if r := runDB(t, db, nil, "", "export-plan", "me", "--format", "employer", "--whatif", "Nope"); r.code != 2 || !strings.Contains(r.stderr, `no what-if called "Nope"`) {
		t.Fatalf("an unknown what-if: %+v", r)
	}
}

// TestTUIExporterFixNote writes the TUI's employer note of a what-if made
// from a fix: the fix's asks, not the plan's bends.
func TestTUIExporterFixNote(t *testing.T) {
	data, err := os.ReadFile("examples/office.json")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	asks, err := planner.ParseAsks([]byte(earlyFinishAsks))
	if err != nil {
		t.Fatal(err)
	}
	ex := tuiExporter{lookupEnv: func(string) (string, bool) { return "Europe/Berlin", true }, now: func() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC) }}
	dir := t.TempDir()
	path, err := ex.Export(tui.ExportRequest{Format: "employer", Scenario: sc, ProfileID: "p1", Asks: asks,
		Start: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	note, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wantIn(t, "the TUI's fix note", string(note), "1. On Mon, Wed, Thu: 09:00-16:50 instead of 09:00-17:00", "(12 weeks)")
}
