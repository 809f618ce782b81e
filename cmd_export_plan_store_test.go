package main

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"weekfit/export"
	"weekfit/planner"
	"weekfit/store"
)

// exportDB makes a database with one profile, "Jordan", holding the rotation
// scenario, and returns its path, the scenario and its two best plans.
func exportDB(t *testing.T) (string, *planner.Scenario, []planner.Plan) {
	t.Helper()
	sc, err := loadScenario(filepath.Join("export", "testdata", "export_rotation.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := planner.Solve(sc, planner.Options{Top: 2})
	if err != nil || len(res.Plans) < 2 {
		t.Fatalf("want two plans: %v", err)
	}
	path := filepath.Join(t.TempDir(), "x.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.CreateProfile("Jordan", "", sc); err != nil {
		t.Fatal(err)
	}
	return path, sc, res.Plans
}

// runExportPlan runs export-plan as run does and returns the exit code,
// standard output and the error text.
func runExportPlan(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := storeEnv{
		stdin: bufio.NewReader(strings.NewReader("")),
		lookupEnv: func(k string) (string, bool) {
			return map[string]string{envDB: db, "TZ": "America/New_York"}[k], k == envDB || k == "TZ"
		},
		readPass: func(string) (string, error) { return "", errors.New("no passphrase in this test") },
		stderr:   &errb,
	}
	err := cmdExportPlan(args, &out, env, time.Date(2026, 2, 25, 12, 0, 0, 0, time.UTC))
	if err == nil {
		return exitOK, out.String(), ""
	}
	var ie inputError
	if errors.As(err, &ie) {
		return exitInput, out.String(), err.Error()
	}
	return exitOther, out.String(), err.Error()
}

func TestExportPlanCommand(t *testing.T) {
	db, sc, plans := exportDB(t)
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	opt := export.Options{Start: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Loc: loc}
	want := func(p planner.Plan, format string) string {
		out, err := export.Render(format, sc, p, opt)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	// No plan chosen: the best one, from next Monday (2 March after 25 February).
	code, out, msg := runExportPlan(t, db, "Jordan", "--format", "md")
	if code != exitOK || out != want(plans[0], "md") {
		t.Errorf("best plan: exit %d %s\n%s", code, msg, out)
	}
	// A chosen plan wins over the best one.
	h, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	prof, err := h.Profile("Jordan")
	if err == nil {
		err = h.ChoosePlan(prof.ID, plans[1], sc)
	}
	h.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, msg = runExportPlan(t, db, "Jordan", "--format", "csv", "--start", "2026-03-02")
	if code != exitOK || out != want(plans[1], "csv") {
		t.Errorf("chosen plan: exit %d %s\n%s\nwant\n%s", code, msg, out, want(plans[1], "csv"))
	}
	file := filepath.Join(t.TempDir(), "plan.ics")
	if code, _, msg := runExportPlan(t, db, "Jordan", "--format", "ics", "--out", file); code != exitOK {
		t.Fatalf("ics to a file: exit %d %s", code, msg)
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("output file: %v, want mode 0600", err)
	}
	for _, bad := range [][]string{
		{"Nobody", "--format", "md"},
		{"Jordan", "--format", "md", "--start", "2026-13-01"},
		{"Jordan", "--format", "employer", "--job", "Elsewhere"},
		{"Jordan", "--format", "ics", "--tz", "Nowhere/Town"},
	} {
		if code, _, msg := runExportPlan(t, db, bad...); code != exitInput {
			t.Errorf("%q: exit %d (%s), want %d", bad, code, msg, exitInput)
		}
	}
}
