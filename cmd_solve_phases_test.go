package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestSolvePhases: `weekfit solve --no-fixes` of a program with phases prints
// what the planner's golden files (solved without fixes) hold, text and JSON.
func TestSolvePhases(t *testing.T) {
	const file = "planner/testdata/phases/evening-aftercare.json"
	for _, c := range []struct {
		args   []string
		golden string
	}{
		{[]string{"solve", file, "--no-fixes"}, "planner/testdata/phases/evening-aftercare.txt"},
		{[]string{"solve", file, "--json", "--no-fixes"}, "planner/testdata/phases/evening-aftercare.out.json"},
	} {
		code, out, stderr := runCLI(t, c.args...)
		if code != 0 || out != mustRead(t, c.golden) {
			t.Fatalf("%v: exit %d, stderr %q; stdout\n%s\nwant %s", c.args, code, stderr, out, c.golden)
		}
	}
}

// TestSolvePhasesFromToday: without a start the program starts on the
// Monday after today.
func TestSolvePhasesFromToday(t *testing.T) {
	body := strings.Replace(mustRead(t, "planner/testdata/phases/evening-aftercare.json"), `"start": "2027-10-25",`, "", 1)
	var out, errb bytes.Buffer
	today := time.Date(2027, 3, 3, 22, 0, 0, 0, time.UTC) // a Wednesday
	if err := runCommand("solve", []string{writeScenario(t, body), "--json"}, &out, processEnv(&errb), today); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"from": "2027-03-08"`, `"until": "2027-04-18"`, `"from": "2027-04-19"`, `"until": "2027-07-11"`} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("output lacks %s:\n%s", want, out.String())
		}
	}
}

func TestSolvePhasesBadInput(t *testing.T) {
	body := mustRead(t, "planner/testdata/phases/evening-aftercare.json")
	cases := []struct{ from, to, want string }{
		{`"weeks": 6`, `"weeks": 0`, `programs[0].phases[0].weeks: "0": must be from 1 to 104`},
		{`"start": "2027-10-25"`, `"start": "2027-02-30"`, `start: "2027-02-30": not a date; write it as YYYY-MM-DD`},
		{`"start": "2027-10-25",`, `"start": "2027-10-25", "leave": {"increment_minutes": 120},`, `leave.increment_minutes: "120": must be from 1 to 60 minutes`},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, "solve", writeScenario(t, strings.Replace(body, c.from, c.to, 1)))
		if code != 2 || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 {
			t.Fatalf("exit %d, stderr %q; want 2 and one line with %q", code, stderr, c.want)
		}
	}
}
