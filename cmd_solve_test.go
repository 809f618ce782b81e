package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeScenario(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "s.json")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSolveExitCodes(t *testing.T) {
	bad := strings.Replace(mustRead(t, "examples/office.json"), `"09:00-17:00"`, `"25:00-07:00"`, 1)
	cases := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"valid", []string{"solve", "examples/office.json"}, 0, ""},
		{"valid json", []string{"solve", "examples/office.json", "--json"}, 0, ""},
		{"flag first", []string{"solve", "--top", "2", "examples/office.json"}, 0, ""},
		{"bad time names field", []string{"solve", writeScenario(t, bad)}, 2, `jobs[0].shifts[0].time: "25:00-07:00": hour out of range`},
		{"missing file", []string{"solve", "nope.json"}, 2, "no such file"},
		{"no file", []string{"solve"}, 2, "needs one scenario file"},
		{"bad top", []string{"solve", "examples/office.json", "--top", "0"}, 2, "--top"},
		{"unknown flag", []string{"solve", "examples/office.json", "--fast"}, 2, "-fast"},
		{"unknown command", []string{"solver"}, 2, `unknown command "solver"`},
		{"not json", []string{"solve", writeScenario(t, "hello")}, 2, "not valid JSON"},
		{"truncated", []string{"solve", writeScenario(t, `{"version": 1, "programs": [`)}, 2, "ends too early"},
		{"unknown field", []string{"solve", writeScenario(t, `{"version": 1, "programz": []}`)}, 2, "programz: unknown field"},
		{"directory", []string{"solve", t.TempDir()}, 1, "read"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, c.code, stderr)
			}
			if !strings.Contains(stderr, c.inStderr) {
				t.Fatalf("stderr %q lacks %q", stderr, c.inStderr)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Fatalf("stack trace on stderr: %s", stderr)
			}
		})
	}
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSolveJSONContract checks the fields the issue names, by their JSON names.
func TestSolveJSONContract(t *testing.T) {
	for _, ex := range []string{"examples/office.json", "examples/night-rotation.json", "examples/parent-bus.json"} {
		code, out, stderr := runCLI(t, "solve", ex, "--json", "--top", "3")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", ex, code, stderr)
		}
		var res struct {
			Plans []struct {
				Program       *string `json:"program"`
				Track         *string `json:"track"`
				UnpaidMinutes *int    `json:"unpaid_minutes"`
				MovedMinutes  *int    `json:"moved_minutes"`
				TravelMinutes *int    `json:"travel_minutes"`
				Sessions      []struct {
					Week  int    `json:"week"`
					Day   string `json:"day"`
					Start string `json:"start"`
					End   string `json:"end"`
					Track string `json:"track"`
				} `json:"sessions"`
				ShiftChanges []struct {
					Job  string `json:"job"`
					Week int    `json:"week"`
					Day  string `json:"day"`
					From string `json:"from"`
					To   string `json:"to"`
				} `json:"shift_changes"`
				Covered []struct {
					Commitment string `json:"commitment"`
					Week       int    `json:"week"`
					Day        string `json:"day"`
					By         string `json:"by"`
				} `json:"covered"`
			} `json:"plans"`
			Rejected []struct {
				Program string   `json:"program"`
				Track   string   `json:"track"`
				Reasons []string `json:"reasons"`
			} `json:"rejected"`
		}
		dec := json.NewDecoder(strings.NewReader(out))
		if err := dec.Decode(&res); err != nil {
			t.Fatalf("%s: %v", ex, err)
		}
		if len(res.Plans) == 0 || len(res.Plans) > 3 {
			t.Fatalf("%s: %d plans with --top 3", ex, len(res.Plans))
		}
		days := "Mon Tue Wed Thu Fri Sat Sun"
		for _, p := range res.Plans {
			if p.Program == nil || p.Track == nil || p.UnpaidMinutes == nil || p.MovedMinutes == nil || p.TravelMinutes == nil {
				t.Fatalf("%s: a plan lacks a required field: %s", ex, out)
			}
			for _, s := range p.Sessions {
				if !strings.Contains(days, s.Day) || len(s.Day) != 3 || len(s.Start) != 5 || len(s.End) != 5 || s.Week < 1 || s.Track == "" {
					t.Fatalf("%s: bad session %+v", ex, s)
				}
			}
			for _, c := range p.ShiftChanges {
				if c.Job == "" || c.Week < 1 || len(c.Day) != 3 || len(c.From) != 11 || len(c.To) != 11 {
					t.Fatalf("%s: bad shift change %+v", ex, c)
				}
			}
		}
		for _, r := range res.Rejected {
			if r.Program == "" || r.Track == "" || len(r.Reasons) == 0 {
				t.Fatalf("%s: bad rejection %+v", ex, r)
			}
		}
	}
}
