package main

import (
	"runtime/debug"
	"strings"
	"testing"

	"weekfit/tui"
)

// TestCommandGC runs the built binary with GODEBUG=gctrace=1, which writes a
// line to standard error for each garbage collection: a command runs at Go's
// default (the 120-program search for fixes collects several times, where
// GOGC=400 collected once), a GOGC given by the user is kept, and a search
// for fixes stays within bounded memory (it may finish before a collection
// is due, so its peak is what is checked).
func TestCommandGC(t *testing.T) {
	if testing.Short() {
		t.Skip("builds weekfit: skipped in -short mode")
	}
	bin := buildWeekfit(t, "")
	week := "testdata/bench-40-programs.json"
	week120 := "testdata/bench-120-programs.json"
	cases := []struct {
		name    string
		gogc    string // "" leaves GOGC unset
		args    []string
		minGCs  int
		maxGCs  int
		maxPeak int64 // bytes; 0: not checked
	}{
		{"a command runs at the default", "", []string{"solve", week120, "--top", "10"}, 3, 1 << 20, 40 << 20},
		{"the user's GOGC is kept", "400", []string{"solve", week120, "--top", "10"}, 0, 2, 0},
		{"a low GOGC is kept", "50", []string{"solve", week, "--top", "10", "--no-fixes"}, 1, 1 << 20, 0},
		{"a search for fixes stays bounded", "", []string{"solve", week, "--top", "10", "--fixes", "--max-time", "1s"}, 0, 1 << 20, 100 << 20},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cmd, peak := measuredRun(t, append([]string{bin}, c.args...)...)
			cmd.Env = append(withoutEnv(cmd.Env, "GOGC"), "GODEBUG=gctrace=1", "WEEKFIT_DB="+t.TempDir()+"/unused.db")
			if c.gogc != "" {
				cmd.Env = append(cmd.Env, "GOGC="+c.gogc)
			}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("weekfit %s: %v\n%s", strings.Join(c.args, " "), err, stderr.String())
			}
			gcs := 0
			for line := range strings.Lines(stderr.String()) {
				if strings.HasPrefix(line, "gc ") {
					gcs++
				}
			}
			rss := peak(stderr.String())
			t.Logf("%d collections, peak %.1f MB", gcs, float64(rss)/(1<<20))
			if gcs < c.minGCs || gcs > c.maxGCs {
				t.Errorf("%d garbage collections, want %d to %d", gcs, c.minGCs, c.maxGCs)
			}
			if c.maxPeak > 0 && rss > c.maxPeak {
				t.Errorf("peak memory %.1f MB, over %d MB", float64(rss)/(1<<20), c.maxPeak>>20)
			}
		})
	}
}

// withoutEnv drops the variable name from an environment.
func withoutEnv(env []string, name string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// TestWithoutEnv checks the helper the GC test clears GOGC with.
func TestWithoutEnv(t *testing.T) {
	got := withoutEnv([]string{"GOGC=50", "GOGCX=1", "HOME=/h"}, "GOGC")
	if strings.Join(got, " ") != "GOGCX=1 HOME=/h" {
		t.Fatalf("withoutEnv = %v", got)
	}
}

// TestGridGC checks that the week grid sets the collector to tui.GCPercent,
// and leaves a GOGC the user set alone.
func TestGridGC(t *testing.T) {
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	for _, c := range []struct {
		gogc string // "" leaves GOGC unset
		want int
	}{{"", tui.GCPercent}, {"100", 100}, {"off", 100}} {
		debug.SetGCPercent(100)
		env := storeEnv{lookupEnv: func(name string) (string, bool) {
			if name == "GOGC" && c.gogc != "" {
				return c.gogc, true
			}
			return "", false
		}}
		gridGC(env)
		if got := debug.SetGCPercent(100); got != c.want {
			t.Errorf("GOGC %q: the grid runs at %d, want %d", c.gogc, got, c.want)
		}
	}
}
