package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exportedWeek runs weekfit export on a profile and returns its week.
func exportedWeek(t *testing.T, db, profile string) string {
	t.Helper()
	r := runDB(t, db, nil, "", "export", profile)
	if r.code != 0 {
		t.Fatalf("export %s: %s", profile, r.stderr)
	}
	var f struct {
		Scenario json.RawMessage `json:"scenario"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &f); err != nil {
		t.Fatal(err)
	}
	return string(f.Scenario)
}

func TestIntakeAccessibleCommand(t *testing.T) {
	lines, err := os.ReadFile("tui/testdata/intake/warehouse.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	typed, imported := filepath.Join(dir, "typed.db"), filepath.Join(dir, "imported.db")
	for i, env := range []map[string]string{nil, {envAccessible: "1"}} {
		name := []string{"Sam", "C-1042"}[i]
		args := []string{"intake", "--as", name}
		if env == nil {
			args = append(args, "--accessible")
		}
		r := runDB(t, typed, env, string(lines), args...)
		if r.code != 0 || !strings.Contains(r.stdout, `Saved the profile "`+name+`"`) || !strings.Contains(r.stdout, "3 of 6: Family and duties") {
			t.Fatalf("intake %v: %+v", args, r)
		}
	}
	if r := runDB(t, imported, nil, "", "import", "tui/testdata/intake/warehouse.json", "--as", "Sam"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	want := exportedWeek(t, imported, "Sam")
	r := runDB(t, typed, nil, "", "profiles", "--json")
	var list []profileJSON
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) != 2 {
		t.Fatalf("profiles after two interviews: %v %s", err, r.stdout)
	}
	for _, p := range list {
		// the week is named for the profile
		got := strings.Replace(exportedWeek(t, typed, p.ID), `"name": "`+p.Name+`"`, `"name": "Sam"`, 1)
		if got != want {
			t.Errorf("the interview's week:\n%s\nthe file's:\n%s", got, want)
		}
	}
}

func TestIntakeCommandRefusals(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, tc := range []struct {
		args  []string
		typed string
		code  int
		want  string
	}{
		{[]string{"intake"}, "", exitInput, "the interview needs a terminal, and this is not one; to answer it from a script or with a screen reader add --accessible"},
		{[]string{"intake", "--accessible"}, "Sam\nWarehouse\n", exitInput, "the answers ended before the interview did, so nothing was saved"},
		{[]string{"intake", "--as", "\x1b[2J", "--accessible"}, "", exitInput, "holds no name"},
		{[]string{"intake", "extra"}, "", exitInput, "intake takes 0 argument(s), not 1"},
	} {
		r := runDB(t, db, nil, tc.typed, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
	if r := runDB(t, db, nil, "", "profiles", "--json"); strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("a refused interview saved something: %s", r.stdout)
	}
	if r := runDB(t, db, nil, "", "import", "examples/office.json", "--as", "Sam"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := runDB(t, db, nil, "", "intake", "--as", "sam", "--accessible")
	if r.code != exitInput || !strings.Contains(r.stderr, `a profile called "Sam" already exists; choose another name`) || strings.Contains(r.stdout, "1 of 6") {
		t.Errorf("intake --as a taken name: %+v", r)
	}
}
