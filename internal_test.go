package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// TestPanicIsAnInternalError: a command that panics exits 1 with one
// sentence that names the place in the code, not the panic's value (which
// may hold a name) and not a stack trace.
func TestPanicIsAnInternalError(t *testing.T) {
	cases := map[string]func() error{
		"panic with a value": func() error { panic("no plan for Jane Doe") },
		"runtime error":      func() error { var v any = "Jane Doe"; _ = v.(int); return nil },
		"index out of range": func() error { names := []string{"Jane Doe"}; i := len(names); _ = names[i]; return nil },
	}
	for name, command := range cases {
		t.Run(name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := exitCode(&stderr, command)
			checkInternalError(t, code, stderr.String(), "internal_test.go:")
		})
	}
}

// checkInternalError checks exit 1 and the one sentence naming where.
func checkInternalError(t *testing.T, code int, stderr, where string) {
	t.Helper()
	if code != exitOther {
		t.Errorf("exit %d, want %d", code, exitOther)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "weekfit stopped on an internal error (at "+where) ||
		!strings.Contains(lines[0], "please report") {
		t.Errorf("stderr is not the one sentence naming %s:\n%s", where, stderr)
	}
	for _, leak := range []string{"Jane", "goroutine", "panic", ".go:0", "/work/"} {
		if strings.Contains(stderr, leak) {
			t.Errorf("stderr holds %q:\n%s", leak, stderr)
		}
	}
}

// TestStopErrorExitCodes: a stop signal exits 128 plus its number and says
// whether every change was saved.
func TestStopErrorExitCodes(t *testing.T) {
	for _, tc := range []struct {
		err  stopError
		code int
		says string
	}{
		{stopError{sig: syscall.SIGHUP}, 129, "weekfit: stopped by SIGHUP (the terminal closed); every change was saved\n"},
		{stopError{sig: syscall.SIGTERM, unsaved: errors.New("save the chosen plan: the disk is full")}, 143,
			"weekfit: stopped by SIGTERM; save the chosen plan: the disk is full\n"},
	} {
		var stderr bytes.Buffer
		if code := exitCode(&stderr, func() error { return tc.err }); code != tc.code || stderr.String() != tc.says {
			t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr.String(), tc.code, tc.says)
		}
	}
}

// builds holds the weekfit binaries the end-to-end tests share, by build
// tags, in binDir, which TestMain removes at the end.
var (
	builds sync.Map
	binDir string
)

func TestMain(m *testing.M) {
	if argv := os.Getenv(peakRSSEnv); argv != "" {
		os.Exit(runMeasured(argv))
	}
	dir, err := os.MkdirTemp("", "weekfit-bin")
	if err != nil {
		panic(err)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// buildWeekfit builds weekfit once per set of tags for the tests that run it.
func buildWeekfit(t *testing.T, tags string) string {
	t.Helper()
	type result struct {
		once sync.Once
		bin  string
		err  error
		out  []byte
	}
	v, _ := builds.LoadOrStore(tags, &result{})
	r := v.(*result)
	r.once.Do(func() {
		r.bin = filepath.Join(binDir, "weekfit-"+strings.ReplaceAll(tags, ",", "-"))
		r.out, r.err = exec.Command("go", "build", "-tags", tags, "-o", r.bin, ".").CombinedOutput()
	})
	if r.err != nil {
		t.Fatalf("build with tags %q: %v\n%s", tags, r.err, r.out)
	}
	return r.bin
}

// TestCrashedCommandExitsOne runs a weekfit built with the crash hook: a
// panic in a command exits 1 with the one sentence.
func TestCrashedCommandExitsOne(t *testing.T) {
	if testing.Short() {
		t.Skip("builds weekfit: skipped in -short mode")
	}
	bin := buildWeekfit(t, "weekfit_crashhook")
	cmd := exec.Command(bin, "solve", "examples/office.json")
	cmd.Env = append(os.Environ(), "WEEKFIT_CRASH=command")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("run: %v", err)
	}
	checkInternalError(t, ee.ExitCode(), stderr.String(), "crashhook_on.go:")
	if stdout.Len() > 0 {
		t.Errorf("stdout: %s", stdout.String())
	}
	// The same binary without WEEKFIT_CRASH works as ever.
	if out, err := exec.Command(bin, "solve", "examples/office.json").CombinedOutput(); err != nil {
		t.Fatalf("solve: %v\n%s", err, out)
	}
}

// peakRSSEnv, set to a JSON list of arguments, makes the test binary run that
// command and report its peak memory (see measuredRun).
const peakRSSEnv = "WEEKFIT_TEST_PEAK_RSS_ARGV"

// runMeasured runs the command argv names, passing its output through, and
// writes its peak resident memory in KiB as the last line of standard error.
// It runs as a fresh, small process: Linux counts into a child's peak memory
// the memory of the process it was started from, so a child of the (large)
// test process would report the test's own size.
func runMeasured(argv string) int {
	var args []string
	if err := json.Unmarshal([]byte(argv), &args); err != nil || len(args) == 0 {
		fmt.Fprintf(os.Stderr, "%s: %v\n", peakRSSEnv, err)
		return 3
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		code = ee.ExitCode()
	}
	fmt.Fprintf(os.Stderr, "\npeak-rss-kib: %d\n", cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)
	return code
}

// measuredRun returns a command that runs argv from a fresh helper process
// and a function that reads argv's peak memory in bytes once it has run.
func measuredRun(t *testing.T, argv ...string) (*exec.Cmd, func(stderr string) int64) {
	t.Helper()
	data, err := json.Marshal(argv)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), peakRSSEnv+"="+string(data))
	return cmd, func(stderr string) int64 {
		i := strings.LastIndex(stderr, "peak-rss-kib: ")
		if i < 0 {
			t.Fatalf("no peak memory reported; stderr:\n%s", stderr)
		}
		n, err := strconv.ParseInt(strings.TrimSpace(stderr[i+len("peak-rss-kib: "):]), 10, 64)
		if err != nil {
			t.Fatalf("peak memory: %v", err)
		}
		return n << 10
	}
}
