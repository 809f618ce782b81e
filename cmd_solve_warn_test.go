package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSolveWarningsCLI runs `weekfit solve` on the office week with its new
// fields: a bad value exits 2 naming the field; a bad-day factor of 2 makes
// the 20-minute trip from work (30 in the rush hour) 60 minutes, 30 late.
func TestSolveWarningsCLI(t *testing.T) {
	office := mustRead(t, "examples/office.json")
	with := func(extra string) string {
		return writeScenario(t, strings.Replace(office, `"arrive_early_minutes": 10,`, `"arrive_early_minutes": 10, `+extra, 1))
	}
	for _, c := range []struct{ extra, want string }{
		{`"bad_day_factor": -2,`, `bad_day_factor: "-2": must be from 1 to 10`},
		{`"min_slack_minutes": -1,`, `min_slack_minutes: "-1": minutes cannot be negative`},
		{`"preferences": {"robust": 12},`, `preferences.robust: "12": a weight must be a whole number from 0`},
	} {
		code, _, stderr := runCLI(t, "solve", with(c.extra), "--json")
		if code != 2 || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%s: exit %d, stderr %q; want 2 and one line with %q", c.extra, code, stderr, c.want)
		}
	}
	code, stdout, stderr := runCLI(t, "solve", with(`"bad_day_factor": 2, "min_slack_minutes": 0,`), "--json", "--top", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		Plans []struct {
			Tightest *int  `json:"tightest_slack_minutes"`
			FitsBad  *bool `json:"fits_bad_day"`
			Warnings []struct {
				Kind    string `json:"kind"`
				Day     string `json:"day"`
				Week    int    `json:"week"`
				Minutes int    `json:"minutes"`
				Text    string `json:"text"`
			} `json:"warnings"`
		} `json:"plans"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil || len(out.Plans) != 1 {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	p := out.Plans[0]
	if p.Tightest == nil || *p.Tightest != 0 || p.FitsBad == nil || *p.FitsBad || len(p.Warnings) != 3 {
		t.Fatalf("plan 1: %+v", p)
	}
	w := p.Warnings[0]
	if w.Kind != "bad_day" || w.Day != "Mon" || w.Week != 1 || w.Minutes != 30 ||
		w.Text != "On a bad-traffic day (every trip x2), Mon Office to Riverside Recovery arrives 30 min late for the session (be there 17:20)." {
		t.Fatalf("warning %+v", w)
	}
}
