package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSolveHostileWeeksBounded runs the built binary on the hostile weeks of
// issue 9 with a 500 ms budget and measures each child: it must end within
// the budget and a margin for starting up on a busy machine, under 200 MB of
// peak memory, with valid JSON that says whether it stopped early.
func TestSolveHostileWeeksBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "weekfit")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const budget, margin, maxRSS = 500 * time.Millisecond, 1500 * time.Millisecond, 200 << 20
	cases := []struct {
		file       string
		top        string
		plans      int  // plans expected when complete; -1: any
		incomplete bool // whether the budget must run out
	}{
		{"tied-rotation-5.json", "10", 10, false},
		{"tied-rotation-8.json", "10", 10, false},
		{"allday-job.json", "5", 0, false},
		{"ten-tracks-wide-flex.json", "5", -1, true},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			cmd, peak := measuredRun(t, bin, "solve", filepath.Join("testdata", "hostile", c.file), "--json", "--top", c.top, "--max-time", budget.String())
			var out, errb strings.Builder
			cmd.Stdout, cmd.Stderr = &out, &errb
			start := time.Now()
			err := cmd.Run()
			took := time.Since(start)
			if err != nil {
				t.Fatalf("exit: %v; stderr: %s", err, errb.String())
			}
			rss := peak(errb.String())
			t.Logf("%s: %s, peak %d MB", c.file, took.Round(time.Millisecond), rss>>20)
			if took > budget+margin {
				t.Errorf("took %s; the budget is %s", took, budget)
			}
			if rss > maxRSS {
				t.Errorf("peak memory %d MB, over %d MB", rss>>20, maxRSS>>20)
			}
			var res map[string]json.RawMessage
			if err := json.Unmarshal([]byte(out.String()), &res); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, out.String())
			}
			var plans []json.RawMessage
			_ = json.Unmarshal(res["plans"], &plans)
			_, inc := res["incomplete"]
			if inc != c.incomplete {
				t.Fatalf("incomplete present %v, want %v:\n%s", inc, c.incomplete, out.String())
			}
			if !inc && len(plans) != c.plans {
				t.Fatalf("%d plans, want %d", len(plans), c.plans)
			}
		})
	}
}

// TestSolveReadsBounded: /dev/zero stops at the size limit, a pipe nobody
// writes to stops waiting, and a pipe that is written to late is read.
func TestSolveReadsBounded(t *testing.T) {
	dir := t.TempDir()
	idle, late := filepath.Join(dir, "idle"), filepath.Join(dir, "late")
	for _, p := range []string{idle, late} {
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	go func() {
		time.Sleep(200 * time.Millisecond)
		f, err := os.OpenFile(late, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		_, _ = f.WriteString(mustRead(t, "examples/office.json"))
	}()
	cases := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"dev zero", []string{"solve", "/dev/zero"}, 2, "/dev/zero is larger than 4 MiB; a scenario is at most 4 MiB"},
		{"pipe with no writer", []string{"solve", idle}, 2, "nothing arrived within 2s"},
		{"pipe written late", []string{"solve", late, "--top", "1"}, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, c.args...)
			if code != c.code || !strings.Contains(stderr, c.inStderr) {
				t.Fatalf("exit %d, want %d; stderr %q lacks %q", code, c.code, stderr, c.inStderr)
			}
		})
	}
}

// TestSolveMaxTime: the flag's bad values are invalid input, and a budget
// that runs out prints the sentence in text and in JSON.
func TestSolveMaxTime(t *testing.T) {
	for _, v := range []string{"0", "-1s", "soon"} {
		code, _, stderr := runCLI(t, "solve", "examples/office.json", "--max-time", v)
		if code != 2 || !strings.Contains(stderr, "max-time") {
			t.Fatalf("--max-time %s: exit %d, %q", v, code, stderr)
		}
	}
	wide := filepath.Join("testdata", "hostile", "ten-tracks-wide-flex.json")
	code, out, _ := runCLI(t, "solve", wide, "--max-time", "50ms")
	if code != 0 || !strings.Contains(out, "Note: the search stopped before it had tried every plan") {
		t.Fatalf("text: exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "solve", wide, "--max-time", "50ms", "--json")
	if code != 0 || !strings.Contains(out, `"incomplete": "the search stopped`) {
		t.Fatalf("json: exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "solve", "examples/office.json", "--json")
	if code != 0 || strings.Contains(out, "incomplete") {
		t.Fatalf("a finished solve mentions incomplete: exit %d:\n%s", code, out)
	}
}
