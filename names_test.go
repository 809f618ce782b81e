package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
)

// hostileCSV is a catalog whose names carry OSC 52, title sets, CSI, BEL, C1 and DEL.
const hostileCSV = "program_id,program_name,place_id,place_name,level,min_days,min_hours,track,days,time\n" +
	"townhall,\x1b]52;c;cm0gLXJmIH4=\x07Town Hall IOP\x07,hall,\x1b]0;title\x07Town\u009b1m Hall,\x1b[5m2.1,3,9,Even\x7fing\x1b[K,Mon-Thu,18:00-21:00\n"

// controlsIn lists the control characters in printed output other than the
// line breaks that end its lines, and, when the output is JSON, in every
// string it decodes to.
func controlsIn(t *testing.T, what, out string) []string {
	t.Helper()
	var found []string
	for i, r := range out {
		if r != '\n' && unicode.IsControl(r) {
			found = append(found, fmt.Sprintf("%s: byte %d: %q", what, i, r))
		}
	}
	var v any
	if json.Unmarshal([]byte(out), &v) == nil {
		var walk func(path string, x any)
		walk = func(path string, x any) {
			switch x := x.(type) {
			case string:
				if strings.ContainsFunc(x, unicode.IsControl) {
					found = append(found, fmt.Sprintf("%s: %s = %q", what, path, x))
				}
			case []any:
				for i, e := range x {
					walk(fmt.Sprintf("%s[%d]", path, i), e)
				}
			case map[string]any:
				for k, e := range x {
					walk(path+"."+k, e)
				}
			}
		}
		walk("", v)
	}
	return found
}

// TestSolveHostileNames: solve prints the names of a scenario full of escape
// codes in plain text, and its JSON holds none either.
func TestSolveHostileNames(t *testing.T) {
	for _, args := range [][]string{{"solve", "planner/testdata/hostile.json"}, {"solve", "planner/testdata/hostile.json", "--json"}} {
		code, out, errs := runCLI(t, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if bad := controlsIn(t, strings.Join(args, " "), out); len(bad) > 0 {
			t.Fatalf("control characters reached the output:\n%s", strings.Join(bad, "\n"))
		}
		for _, want := range []string{"Riverside IOP", "Evening", "Mom"} {
			if !strings.Contains(out, want) {
				t.Fatalf("%v: the output lacks %q:\n%s", args, want, out)
			}
		}
	}
}

// TestBadValueInErrorIsEscaped: a bad id holding escapes is named in the
// error with its escapes written out, never sent raw.
func TestBadValueInErrorIsEscaped(t *testing.T) {
	data := strings.Replace(mustRead(t, "planner/testdata/hostile.json"), `"place": "work"`, `"place": "w\u001b]0;x\u0007ork"`, 1)
	code, _, errs := runCLI(t, "solve", writeScenario(t, data))
	if code != exitInput || !strings.Contains(errs, `jobs[0].place: "w\x1b]0;x\aork": unknown place`) {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if bad := controlsIn(t, "stderr", errs); len(bad) > 0 {
		t.Fatalf("%s", strings.Join(bad, "\n"))
	}
}

// TestImportHostileNames: scenarios, catalogs (JSON and CSV), --as names and
// profile exports with escape codes are imported with plain names, and
// profiles, export and the import messages print no control character.
func TestImportHostileNames(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	csv := writeFile(t, dir, "c.csv", hostileCSV)
	var printed []string
	step := func(want int, args ...string) result {
		t.Helper()
		r := runDB(t, db, nil, "", args...)
		if r.code != want {
			t.Fatalf("%v: exit %d, want %d: %s", args, r.code, want, r.stderr)
		}
		printed = append(printed, controlsIn(t, strings.Join(args[:1], " ")+" stdout", r.stdout)...)
		printed = append(printed, controlsIn(t, strings.Join(args[:1], " ")+" stderr", r.stderr)...)
		return r
	}
	step(exitOK, "import", "planner/testdata/hostile.json")
	step(exitOK, "import", "planner/testdata/hostile.json", "--as", "\x1b]2;pane title\x07Client\u009b2J 7\x7f")
	step(exitOK, "import", "planner/testdata/hostile-catalog.json")
	step(exitOK, "import", csv)
	list := step(exitOK, "profiles")
	if !strings.Contains(list.stdout, "Client 7 ") || !strings.Contains(list.stdout, "Me ") {
		t.Fatalf("profiles:\n%s", list.stdout)
	}
	step(exitOK, "profiles", "--json")
	exp := step(exitOK, "export", "Client 7").stdout
	if !strings.Contains(exp, `"Riverside IOP"`) {
		t.Fatalf("export:\n%s", exp)
	}

	// A profile export from elsewhere, with escapes in its name, client code and plan.
	var f map[string]any
	if err := json.Unmarshal([]byte(exp), &f); err != nil {
		t.Fatal(err)
	}
	f["name"], f["client_code"] = "\x1b]0;x\x07Other\x1b[2J", "C\x1b[1m-9"
	f["plans"] = []any{map[string]any{"chosen": true, "saved": "2026-03-01T10:00:00Z", "plan": map[string]any{
		"program": "riverside", "program_name": "\x1b]52;c;eA==\x07Riverside IOP", "track": "Eve\x7fning",
		"sessions":       []any{map[string]any{"week": 1, "day": 0, "time": map[string]any{"start": 1050, "end": 1230}, "track": "Eve\u009bning"}},
		"covered":        []any{map[string]any{"commitment": "School\x07 pickup", "week": 1, "day": 0, "by": "M\x1bcom"}},
		"unpaid_minutes": 0, "moved_minutes": 0, "travel_minutes": 0, "added_travel_minutes": 0,
		"session_minutes": 180, "extra_minutes": 0, "latest_home": 1255}}}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	step(exitOK, "import", writeFile(t, dir, "other.json", string(data)))
	step(exitOK, "profiles")
	back := step(exitOK, "export", "Other").stdout
	for _, want := range []string{`"name": "Other"`, `"client_code": "C-9"`, `"program_name": "Riverside IOP"`, `"by": "Mom"`} {
		if !strings.Contains(back, want) {
			t.Fatalf("the export read back lacks %s:\n%s", want, back)
		}
	}
	for _, format := range []string{"md", "csv", "employer"} {
		var out, errb bytes.Buffer
		err := cmdExportPlan([]string{"Other", "--format", format, "--names", "--start", "2026-03-02"}, &out, fakeEnv(&errb, map[string]string{envDB: db}, ""), time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatalf("export-plan --format %s: %v", format, err)
		}
		printed = append(printed, controlsIn(t, "export-plan "+format, out.String()+errb.String())...)
	}
	if len(printed) > 0 {
		t.Fatalf("control characters reached the output:\n%s", strings.Join(printed, "\n"))
	}
}

// TestAsOfOnlyControls: --as that is nothing but escape codes is bad input
// named by its flag, and nothing is imported.
func TestAsOfOnlyControls(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	r := runDB(t, db, nil, "", "import", "examples/office.json", "--as", "\x1b[2J\x1b]0;x\x07")
	if r.code != exitInput || !strings.Contains(r.stderr, "--as: ") || !strings.Contains(r.stderr, "control characters") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("the database was created for a refused import")
	}
}
