package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// initBudgetMS is the package initialisation a weekfit process may spend
// before main runs, in milliseconds of clock time on the project's machine.
// go-runewidth v0.0.27 alone took about 34 ms building width tables.
const initBudgetMS = 5.0

// initRuns is how many times the binary runs at first; each package counts
// with its fastest run, so a busy machine does not fail the test while a
// package that is slow every time still does. While the sum is over the
// budget the binary runs again, up to initMaxRuns times (the whole test suite
// runs packages side by side on two cores, and a loaded machine slows every
// run a little).
const (
	initRuns    = 15
	initMaxRuns = 80
)

// TestStartupInitIsSmall runs the built binary with GODEBUG=inittrace=1 and
// fails when the package initialisation, summed over packages, passes
// initBudgetMS: a dependency bump cannot bring a slow start-up back unseen.
func TestStartupInitIsSmall(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "weekfit")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	fastest := map[string]float64{}
	runs := 0
	for ; runs < initMaxRuns && (runs < initRuns || sumMS(fastest) > initBudgetMS); runs++ {
		cmd := exec.Command(bin, "help")
		cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("weekfit help: %v\n%s", err, out)
		}
		inits, err := parseInitTrace(string(out))
		if err != nil {
			t.Fatal(err)
		}
		if len(inits) == 0 {
			t.Fatalf("no init lines in the output of weekfit help with GODEBUG=inittrace=1:\n%s", out)
		}
		for pkg, ms := range inits {
			if old, ok := fastest[pkg]; !ok || ms < old {
				fastest[pkg] = ms
			}
		}
	}
	total := sumMS(fastest)
	t.Logf("package initialisation: %.2f ms (each package's fastest of %d runs)", total, runs)
	if total > initBudgetMS {
		t.Fatalf("package initialisation takes %.2f ms before main runs, over the budget of %.1f ms; the slowest: %s",
			total, initBudgetMS, slowest(fastest, 5))
	}
}

// parseInitTrace reads the lines GODEBUG=inittrace=1 writes, such as
// "init github.com/mattn/go-runewidth @27 ms, 34 ms clock, 18776 bytes, 44 allocs",
// into milliseconds of clock time per package. Other lines are skipped.
func parseInitTrace(out string) (map[string]float64, error) {
	inits := map[string]float64{}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 7 || f[0] != "init" || !strings.HasPrefix(f[2], "@") || f[5] != "ms" || strings.TrimSuffix(f[6], ",") != "clock" {
			continue
		}
		ms, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			return nil, fmt.Errorf("read the init trace line %q: %w", sc.Text(), err)
		}
		inits[f[1]] += ms
	}
	return inits, sc.Err()
}

// slowest names the n packages with the longest initialisation.
func slowest(inits map[string]float64, n int) string {
	pkgs := make([]string, 0, len(inits))
	for p := range inits {
		pkgs = append(pkgs, p)
	}
	slices.SortFunc(pkgs, func(a, b string) int {
		switch {
		case inits[a] > inits[b]:
			return -1
		case inits[a] < inits[b]:
			return 1
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, 0, n)
	for _, p := range pkgs[:min(n, len(pkgs))] {
		parts = append(parts, fmt.Sprintf("%s %.2f ms", p, inits[p]))
	}
	return strings.Join(parts, ", ")
}

func TestParseInitTrace(t *testing.T) {
	out := "init internal/bytealg @0.005 ms, 0.002 ms clock, 0 bytes, 0 allocs\n" +
		"Usage: weekfit [--db PATH]\n" +
		"init github.com/mattn/go-runewidth @27 ms, 34 ms clock, 18776 bytes, 44 allocs\n" +
		"init runtime @3.5 ms, 0.44 ms clock, 0 bytes, 0 allocs\n" +
		"init short line\n"
	got, err := parseInitTrace(out)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"internal/bytealg": 0.002, "github.com/mattn/go-runewidth": 34, "runtime": 0.44}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for p, ms := range want {
		if got[p] != ms {
			t.Fatalf("%s: got %v ms, want %v", p, got[p], ms)
		}
	}
	if s := slowest(got, 2); s != "github.com/mattn/go-runewidth 34.00 ms, runtime 0.44 ms" {
		t.Fatalf("slowest = %q", s)
	}
	if _, err := parseInitTrace("init x @1 ms, abc ms clock, 0 bytes, 0 allocs"); err == nil {
		t.Fatal("a clock that is not a number should be an error")
	}
}

// sumMS adds up the milliseconds of every package.
func sumMS(perPackage map[string]float64) float64 {
	total := 0.0
	for _, ms := range perPackage {
		total += ms
	}
	return total
}

// TestNoCgo fails when a dependency brings in cgo (os/user or net in a
// build with cgo on, as github.com/xo/terminfo before v1.3 did): the binary
// is then linked dynamically, and every start pays the dynamic loader, libc
// and a thread made by libc, 4 to 5 ms on the project's machine.
func TestNoCgo(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}: {{join .Imports \" \"}}", ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	if importers := importersOf(string(out), "C"); len(importers) > 0 {
		t.Fatalf("with cgo on, weekfit links C code (cgo in %s), so the binary is linked dynamically; choose a version of the dependency that needs no cgo",
			strings.Join(importers, ", "))
	}
}

// importersOf reads `go list -deps -f '{{.ImportPath}}: {{join .Imports " "}}'`
// and names the packages that import pkg.
func importersOf(list, pkg string) []string {
	var importers []string
	for line := range strings.Lines(list) {
		name, imports, ok := strings.Cut(strings.TrimSpace(line), ": ")
		if ok && slices.Contains(strings.Fields(imports), pkg) {
			importers = append(importers, name)
		}
	}
	return importers
}

func TestImportersOf(t *testing.T) {
	list := "runtime/cgo: C unsafe\nos/user: C syscall\nnet: errors C\nweekfit: os/user\n"
	if got := importersOf(list, "C"); !slices.Equal(got, []string{"runtime/cgo", "os/user", "net"}) {
		t.Fatalf("importersOf = %v", got)
	}
	if got := importersOf(list, "fmt"); got != nil {
		t.Fatalf("importersOf fmt = %v, want none", got)
	}
}
