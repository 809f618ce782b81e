package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestQuitAfterFirstFrameEnv runs the built binary in a terminal (util-linux
// script) with WEEKFIT_QUIT_AFTER_FIRST_FRAME set: it draws the first full
// frame, with the best plan, and exits by itself with status 0.
func TestQuitAfterFirstFrameEnv(t *testing.T) {
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script (util-linux) is not installed: skipping")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "weekfit")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	inner := "stty cols 120 rows 40; exec " + bin + " --demo --db " + filepath.Join(dir, "demo.db")
	cmd := exec.CommandContext(ctx, "script", "-qec", inner, "/dev/null")
	// TERM=screen: no terminal answers colour queries inside script, and
	// termenv asks none of a screen-like terminal.
	cmd.Env = append(os.Environ(), firstFrameEnv+"=1", "TERM=screen-256color", "HOME="+dir, "XDG_DATA_HOME="+dir)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("weekfit did not quit after its first frame:\n%s", out)
	}
	if err != nil {
		t.Fatalf("weekfit: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "Plan 1 of 5") {
		t.Fatalf("the first frame lacks the best plan:\n%q", out)
	}
}
