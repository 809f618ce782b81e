package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmuxSession drives one weekfit in a detached tmux of 120x40 on its own server.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

func newTmux(t *testing.T, socket, name, command string, env []string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: socket, name: name}
	args := []string{"new-session", "-d", "-s", name, "-x", "120", "-y", "40"}
	for _, e := range env {
		args = append(args, "-e", e)
	}
	args = append(args, command)
	// A server whose last session just ended may still be exiting on this
	// socket; new-session then fails with "server exited unexpectedly".
	// Wait for it to go and try again.
	for try := 0; ; try++ {
		out, err := exec.Command("tmux", append([]string{"-L", socket}, args...)...).CombinedOutput()
		if err == nil {
			return s
		}
		if try == 20 {
			t.Fatalf("tmux %s: %v: %s", strings.Join(args, " "), err, out)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string {
	out, err := exec.Command("tmux", "-L", s.socket, "capture-pane", "-p", "-t", s.name).CombinedOutput()
	if err != nil {
		return ""
	}
	return string(out)
}

func (s *tmuxSession) keys(keys ...string) {
	s.run(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// waitFor waits until the screen shows want.
func (s *tmuxSession) waitFor(want string) {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(s.screen(), want) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("screen never showed %q:\n%s", want, s.screen())
}

// waitGone waits until the session has ended (weekfit quit).
func (s *tmuxSession) waitGone() {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if exec.Command("tmux", "-L", s.socket, "has-session", "-t", s.name).Run() != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("weekfit did not quit:\n%s", s.screen())
}

// TestTUIEndToEnd builds weekfit, opens the demo in tmux, chooses the second
// plan, quits, opens it again and finds the choice kept.
func TestTUIEndToEnd(t *testing.T) {
	bin, dir, socket, env := e2eSetup(t, "e2e")
	db := filepath.Join(dir, "demo.db")
	command := bin + " --demo --db " + db

	s := newTmux(t, socket, "first", command, env)
	s.waitFor("Plan 1 of 5")
	s.keys("2")
	s.waitFor("plans fit")
	s.keys("j")
	s.waitFor("> [ ] 2.")
	s.keys("Enter")
	s.waitFor("plan chosen and saved")
	s.keys("q")
	s.waitGone()

	s = newTmux(t, socket, "second", command, env)
	s.waitFor("Plan 2 of 5")
	screen := s.screen()
	if !strings.Contains(screen, "(chosen)") {
		t.Fatalf("the chosen plan is not marked after reopening:\n%s", screen)
	}
	s.keys("q")
	s.waitGone()
}

// TestNoTerminal: without a terminal weekfit says so and points to solve.
func TestNoTerminal(t *testing.T) {
	var stderr bytes.Buffer
	err := cmdTUI([]string{"--db", filepath.Join(t.TempDir(), "x.db")}, processEnv(&stderr), false)
	var ie inputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "weekfit solve FILE") {
		t.Fatalf("err = %v", err)
	}
}

// e2eSetup skips an end-to-end test where tmux is missing or in -short mode,
// and returns the shared weekfit binary, a folder for the test, a tmux socket
// of its own (its server is killed when the test ends) and the environment
// the weekfit it starts runs with.
func e2eSetup(t *testing.T, name string) (bin, dir, socket string, env []string) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end test (.ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin = buildWeekfit(t, "")
	dir = t.TempDir()
	socket = fmt.Sprintf("weekfit-%s-%d", name, os.Getpid())
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", socket, "kill-server").Run() })
	env = []string{"XDG_DATA_HOME=" + dir, "HOME=" + dir, "TERM=xterm-256color"}
	return bin, dir, socket, env
}
