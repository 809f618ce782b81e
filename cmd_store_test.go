package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"weekfit/store"
)

// fakeEnv is a storeEnv with no terminal unless typed is given, and the
// environment variables in vars.
func fakeEnv(stderr *bytes.Buffer, vars map[string]string, typed string) storeEnv {
	return storeEnv{
		stdin:    bufio.NewReader(strings.NewReader(typed)),
		terminal: typed != "",
		lookupEnv: func(k string) (string, bool) {
			v, ok := vars[k]
			return v, ok
		},
		readPass: func(string) (string, error) { return "", errors.New("no passphrase typed in this test") },
		stderr:   stderr,
	}
}

// result is what one command did.
type result struct {
	code           int
	stdout, stderr string
}

// runDB runs a database command on the database at db, as run does.
func runDB(t *testing.T, db string, vars map[string]string, typed string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	all := map[string]string{envDB: db}
	for k, v := range vars {
		all[k] = v
	}
	err := runCommand(args[0], args[1:], &out, fakeEnv(&errb, all, typed), time.Now())
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

func writeFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestStoreCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "weekfit.db")
	csvCatalog := "program_id,program_name,place_id,place_name,modality,min_days,min_hours,track,days,time\n" +
		"riverside,Riverside,clinic,Riverside Recovery,in-person,3,9,Morning,\"Mon,Wed,Fri\",09:00-12:00\n"
	badCSV := strings.Replace(csvCatalog, "09:00-12:00", "25:00-07:00", 1)
	catalogPath := writeFile(t, dir, "catalog.csv", csvCatalog)
	badCSVPath := writeFile(t, dir, "bad.csv", badCSV)
	noName := writeFile(t, dir, "noname.json", `{"programs":[],"catalog":["riverside"]}`)
	tests := []struct {
		name  string
		args  []string
		code  int
		out   string // in stdout
		err   string // in stderr
		typed string // typed on a pretend terminal
	}{
		{"empty list", []string{"profiles"}, 0, "no profiles yet", "", ""},
		{"import scenario", []string{"import", "examples/office.json"}, 0, `created profile "Office worker"`, "", ""},
		{"import again updates", []string{"import", "examples/office.json"}, 0, `updated the week of profile "Office worker"`, "", ""},
		{"import as", []string{"import", "--as", "me", "examples/office.json"}, 0, `created profile "me"`, "", ""},
		{"list", []string{"profiles"}, 0, "Office worker", "", ""},
		{"import catalog csv", []string{"import", catalogPath}, 0, "1 program(s) added, 0 updated", "", ""},
		{"import catalog json", []string{"import", "planner/testdata/catalog.json"}, 0, "1 program(s) added, 1 updated", "", ""},
		{"bad csv row", []string{"import", badCSVPath}, 2, "", `row 2, column "time": "25:00-07:00"`, ""},
		{"catalog with --as", []string{"import", catalogPath, "--as", "x"}, 2, "", "leave it out", ""},
		{"no name", []string{"import", noName}, 2, "", "give one with --as NAME", ""},
		{"missing file", []string{"import", filepath.Join(dir, "nope.json")}, 2, "", "no such file", ""},
		{"unknown flag", []string{"profiles", "--colour"}, 2, "", "-colour", ""},
		{"too many args", []string{"export", "a", "b"}, 2, "", "usage: weekfit export", ""},
		{"export missing", []string{"export", "nobody"}, 2, "", `no profile is called "nobody"`, ""},
		{"delete without terminal", []string{"delete", "me"}, 2, "", "add --yes", ""},
		{"delete answered no", []string{"delete", "me"}, 0, "nothing deleted", "Type yes", "no\n"},
		{"delete answered yes", []string{"delete", "me"}, 0, `deleted profile "me"`, "", "yes\n"},
		{"delete again", []string{"delete", "me", "--yes"}, 2, "", `no profile is called "me"`, ""},
		{"backup", []string{"backup", filepath.Join(dir, "b.db")}, 0, "backed up", "", ""},
		{"backup exists", []string{"backup", filepath.Join(dir, "b.db")}, 2, "", "already exists", ""},
		{"passphrase without terminal", []string{"passphrase"}, 2, "", "WEEKFIT_NEW_PASSPHRASE", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(db)
			r := runDB(t, db, nil, tt.typed, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stdout, tt.out) || !strings.Contains(r.stderr, tt.err) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, %q, %q", r.code, r.stdout, r.stderr, tt.code, tt.out, tt.err)
			}
			if after, _ := os.ReadFile(db); tt.code == exitInput && !bytes.Equal(before, after) {
				t.Error("a refused command changed the database")
			}
		})
	}
}

func TestExportImportCommandsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	one, two := filepath.Join(dir, "one.db"), filepath.Join(dir, "two.db")
	for _, args := range [][]string{{"import", "examples/office.json", "--as", "Client A"}} {
		if r := runDB(t, one, nil, "", args...); r.code != 0 {
			t.Fatalf("%v: %s", args, r.stderr)
		}
	}
	r := runDB(t, one, nil, "", "export", "client a")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	exported := writeFile(t, dir, "a.json", r.stdout)
	if r := runDB(t, two, nil, "", "import", exported); r.code != 0 || !strings.Contains(r.stdout, `created profile "Client A"`) {
		t.Fatalf("import export: %+v", r)
	}
	again := runDB(t, two, nil, "", "export", "Client A", "--out", filepath.Join(dir, "b.json"))
	if again.code != 0 {
		t.Fatal(again.stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "b.json"))
	if err != nil || string(b) != r.stdout {
		t.Errorf("export, import, export changed the file (%v):\n%s\n---\n%s", err, r.stdout, b)
	}
	if fi, _ := os.Stat(filepath.Join(dir, "b.json")); fi.Mode().Perm() != 0o600 {
		t.Errorf("--out file mode %v, want 0600", fi.Mode().Perm())
	}
	var list []profileJSON
	p := runDB(t, two, nil, "", "profiles", "--json")
	if err := json.Unmarshal([]byte(p.stdout), &list); err != nil || len(list) != 1 || list[0].Name != "Client A" {
		t.Errorf("profiles --json: %v %+v", err, list)
	}
}

func TestPassphraseCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if r := runDB(t, db, nil, "", "import", "examples/office.json"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	steps := []struct {
		name string
		vars map[string]string
		args []string
		code int
		want string
	}{
		{"too short", map[string]string{envNewPassphrase: "short"}, []string{"passphrase"}, 2, "at least 8"},
		{"set", map[string]string{envNewPassphrase: "correct horse"}, []string{"passphrase"}, 0, "passphrase set"},
		{"locked without it", nil, []string{"profiles"}, 2, "set WEEKFIT_PASSPHRASE"},
		{"wrong", map[string]string{envPassphrase: "Correct horse"}, []string{"profiles"}, 2, "does not open"},
		{"right", map[string]string{envPassphrase: "correct horse"}, []string{"profiles"}, 0, "Office worker"},
		{"change", map[string]string{envPassphrase: "correct horse", envNewPassphrase: "battery staple"}, []string{"passphrase"}, 0, "passphrase changed"},
		{"old fails", map[string]string{envPassphrase: "correct horse"}, []string{"profiles"}, 2, "does not open"},
		{"remove", map[string]string{envPassphrase: "battery staple", envNewPassphrase: ""}, []string{"passphrase"}, 0, "passphrase removed"},
		{"open without", nil, []string{"profiles"}, 0, "Office worker"},
	}
	for _, s := range steps {
		r := runDB(t, db, s.vars, "", s.args...)
		if r.code != s.code || !strings.Contains(r.stdout+r.stderr, s.want) {
			t.Errorf("%s: exit %d %q %q; want %d and %q", s.name, r.code, r.stdout, r.stderr, s.code, s.want)
		}
	}
}

func TestCommandsRefuseBadDatabase(t *testing.T) {
	dir := t.TempDir()
	garbage := writeFile(t, dir, "notes.db", "these are my notes, not a database\n")
	r := runDB(t, garbage, nil, "", "profiles")
	if r.code != 2 || !strings.Contains(r.stderr, "not a weekfit database") {
		t.Errorf("garbage file: %+v", r)
	}
	if b, _ := os.ReadFile(garbage); string(b) != "these are my notes, not a database\n" {
		t.Error("the refused file was changed")
	}
	path := filepath.Join(dir, "weekfit.db")
	held, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	r = runDB(t, path, nil, "", "profiles")
	if r.code != 1 || !strings.Contains(r.stderr, "weekfit.db is open in another weekfit window") {
		t.Errorf("second window: %+v", r)
	}
}

func TestDispatchReachesStoreCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	var out, errb bytes.Buffer
	code := run([]string{"profiles", "--json", "--db", db}, &out, &errb)
	if code != 0 || strings.TrimSpace(out.String()) != "[]" {
		t.Errorf("run profiles: %d %q %q", code, out.String(), errb.String())
	}
	out.Reset()
	if code := run([]string{"help"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "weekfit passphrase") {
		t.Errorf("help does not list the database commands: %q", out.String())
	}
}

func TestDetectKind(t *testing.T) {
	tests := []struct {
		path, data string
		want       fileKind
	}{
		{"a.json", `{"name":"x","programs":[]}`, kindScenario},
		{"a.json", `{"version":1,"places":{},"programs":[]}`, kindCatalogJSON},
		{"a.json", `{"catalog":["x"]}`, kindScenario},
		{"a.json", `{"format":"weekfit profile","version":1}`, kindExport},
		{"a.csv", `{"not":"json really"}`, kindCatalogCSV},
		{"a.txt", "program_id,track,days,time\n", kindCatalogCSV},
		{"a.txt", "\xef\xbb\xbf{\"programs\":[]}", kindCatalogJSON},
	}
	for _, tt := range tests {
		if got := detectKind(tt.path, []byte(tt.data)); got != tt.want {
			t.Errorf("%s %q: %v, want %v", tt.path, tt.data, got, tt.want)
		}
	}
}

func TestPassphraseTypedOnTerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if r := runDB(t, db, nil, "", "import", "examples/office.json"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	tests := []struct {
		name  string
		typed []string // answers to the passphrase prompts, in order
		args  []string
		code  int
		want  string
	}{
		{"set", []string{"correct horse", "correct horse"}, []string{"passphrase"}, 0, "passphrase set"},
		{"mismatch", []string{"correct horse", "new passphrase", "other passphrase"}, []string{"passphrase"}, 2, "differ"},
		{"mistyped twice", []string{"x", "y", "correct horse"}, []string{"profiles"}, 0, "Office worker"},
		{"mistyped thrice", []string{"x", "y", "z"}, []string{"profiles"}, 2, "does not open"},
		{"remove", []string{"correct horse", ""}, []string{"passphrase"}, 0, "passphrase removed"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		env := fakeEnv(&errb, map[string]string{envDB: db}, "\n")
		answers := tt.typed
		env.readPass = func(string) (string, error) {
			if len(answers) == 0 {
				return "", errors.New("no more answers")
			}
			a := answers[0]
			answers = answers[1:]
			return a, nil
		}
		err := runCommand(tt.args[0], tt.args[1:], &out, env, time.Now())
		code := exitOK
		var ie inputError
		if errors.As(err, &ie) {
			code = exitInput
		} else if err != nil {
			code = exitOther
		}
		if code != tt.code || !strings.Contains(out.String()+errb.String()+fmt.Sprint(err), tt.want) {
			t.Errorf("%s: exit %d, %q %q %v; want %d and %q", tt.name, code, out.String(), errb.String(), err, tt.code, tt.want)
		}
	}
}
