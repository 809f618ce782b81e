package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// paneState is the pane's "alternate screen on, any mouse mode on" as tmux
// sees it, e.g. "1 1" while weekfit runs.
func (s *tmuxSession) paneState() string {
	return strings.TrimSpace(s.run("display", "-p", "-t", s.name, "#{alternate_on} #{mouse_any_flag}"))
}

// weekfitPID is the process id of the weekfit the pane's shell runs.
func (s *tmuxSession) weekfitPID() int {
	s.t.Helper()
	shell := strings.TrimSpace(s.run("display", "-p", "-t", s.name, "#{pane_pid}"))
	out, err := exec.Command("pgrep", "-P", shell).Output()
	if err != nil {
		s.t.Fatalf("pgrep -P %s: %v", shell, err)
	}
	var pid int
	if _, err := fmt.Sscan(string(out), &pid); err != nil {
		s.t.Fatalf("no weekfit under the pane's shell %s: %q", shell, out)
	}
	return pid
}

// startWeekGrid opens weekfit's demo database in dir in a tmux pane whose
// shell prints weekfit's exit code and then stays, so that the pane can be
// inspected.
func startWeekGrid(t *testing.T, bin, dir, name string, env ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end test (.ci/run installs it)")
	}
	if _, err := exec.LookPath("pgrep"); err != nil {
		t.Skip("pgrep is not installed: skipping the end-to-end test")
	}
	socket := fmt.Sprintf("weekfit-stop-%d-%s", os.Getpid(), name)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", socket, "kill-server").Run() })
	env = append(env, "XDG_DATA_HOME="+dir, "HOME="+dir, "TERM=xterm-256color")
	command := fmt.Sprintf(`%s --demo --db %s; echo "weekfit exit=$?"; sleep 600`, bin, filepath.Join(dir, "demo.db"))
	return newTmux(t, socket, name, command, env)
}

// TestStopSignalsRestoreTheTerminal sends SIGHUP and SIGTERM to the running
// week grid: it leaves the alternate screen and mouse mode, as on q, and
// exits 128 plus the signal's number, never 2.
func TestStopSignalsRestoreTheTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildWeekfit(t, "")
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
		says string
	}{
		{syscall.SIGHUP, 129, "stopped by SIGHUP"},
		{syscall.SIGTERM, 143, "stopped by SIGTERM"},
		{syscall.SIGQUIT, 131, "stopped by SIGQUIT"},
	} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			s := startWeekGrid(t, bin, t.TempDir(), strings.ReplaceAll(tc.sig.String(), " ", "-"))
			s.waitFor("Plan 1 of 5")
			if st := s.paneState(); st != "1 1" {
				t.Fatalf("while weekfit runs the pane is %q, want alternate screen and mouse on (1 1)", st)
			}
			if err := syscall.Kill(s.weekfitPID(), tc.sig); err != nil {
				t.Fatal(err)
			}
			s.waitFor(fmt.Sprintf("weekfit exit=%d", tc.code))
			if st := s.paneState(); st != "0 0" {
				t.Fatalf("after %v the pane is %q, want the alternate screen and mouse mode off (0 0)", tc.sig, st)
			}
			if screen := s.screen(); !strings.Contains(screen, tc.says) || strings.Contains(screen, "goroutine") {
				t.Fatalf("screen after %v:\n%s", tc.sig, screen)
			}
		})
	}
}

// TestTUICrashRestoresTheTerminal runs a weekfit built with the crash hook
// and makes the week grid panic in Init, Update, View and a command: each
// time the terminal is restored, the exit code is 1 and the one sentence
// names neither a person nor a goroutine.
func TestTUICrashRestoresTheTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildWeekfit(t, "weekfit_crashhook")
	for _, where := range []string{"tui-init", "tui-update", "tui-view", "tui-cmd"} {
		t.Run(where, func(t *testing.T) {
			s := startWeekGrid(t, bin, t.TempDir(), where, "WEEKFIT_CRASH="+where)
			s.waitFor("weekfit exit=")
			screen := s.screen()
			if !strings.Contains(screen, "weekfit exit=1\n") || !strings.Contains(screen, "weekfit stopped on an internal error (at crashhook_on.go:") {
				t.Fatalf("after a crash in %s:\n%s", where, screen)
			}
			for _, leak := range []string{"Jane", "goroutine", "Caught panic"} {
				if strings.Contains(screen, leak) {
					t.Fatalf("the screen shows %q:\n%s", leak, screen)
				}
			}
			if st := s.paneState(); st != "0 0" {
				t.Fatalf("after a crash in %s the pane is %q, want 0 0", where, st)
			}
		})
	}
}

// TestStopAfterSaveKeepsIt: a plan chosen and said saved is still chosen
// after SIGTERM stops the week grid.
func TestStopAfterSaveKeepsIt(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildWeekfit(t, "")
	dir := t.TempDir()
	s := startWeekGrid(t, bin, dir, "keep")
	s.waitFor("Plan 1 of 5")
	s.keys("2")
	s.waitFor("plans fit")
	s.keys("j")
	s.waitFor("> [ ] 2.")
	s.keys("Enter")
	s.waitFor("plan chosen and saved")
	if err := syscall.Kill(s.weekfitPID(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	s.waitFor("every change was saved")
	again := startWeekGrid(t, bin, dir, "keep-again")
	again.waitFor("Plan 2 of 5")
	if screen := again.screen(); !strings.Contains(screen, "(chosen)") {
		t.Fatalf("the chosen plan is not marked after reopening:\n%s", screen)
	}
}

// TestSignalAtPassphrasePromptRestoresEcho: SIGTERM or SIGHUP while weekfit
// waits for a passphrase leaves the terminal with echo on, and weekfit exits
// 128 plus the signal's number.
func TestSignalAtPassphrasePromptRestoresEcho(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildWeekfit(t, "")
	dir := t.TempDir()
	db := filepath.Join(dir, "sealed.db")
	if r := runDB(t, db, map[string]string{envNewPassphrase: "correct horse"}, "", "passphrase"); r.code != exitOK {
		t.Fatalf("set a passphrase: exit %d: %s", r.code, r.stderr)
	}
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGTERM, 143}, {syscall.SIGHUP, 129}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			if _, err := exec.LookPath("tmux"); err != nil {
				t.Skip("tmux is not installed: skipping the end-to-end test (.ci/run installs it)")
			}
			socket := fmt.Sprintf("weekfit-prompt-%d-%d", os.Getpid(), tc.sig)
			t.Cleanup(func() { _ = exec.Command("tmux", "-L", socket, "kill-server").Run() })
			command := fmt.Sprintf(`%s profiles --db %s; echo "weekfit exit=$?"; stty -a | tr ' ;' '\n\n' | grep -x -e echo -e -echo; sleep 600`, bin, db)
			s := newTmux(t, socket, "prompt", command, []string{"HOME=" + dir, "TERM=xterm-256color"})
			s.waitFor("Passphrase for")
			if err := syscall.Kill(s.weekfitPID(), tc.sig); err != nil {
				t.Fatal(err)
			}
			s.waitFor(fmt.Sprintf("weekfit exit=%d", tc.code))
			s.waitFor("echo")
			lines := strings.Fields(s.screen())
			if lines[len(lines)-1] != "echo" {
				t.Fatalf("after %v at the prompt the terminal does not echo:\n%s", tc.sig, s.screen())
			}
			if !strings.Contains(s.screen(), "at the passphrase prompt; nothing was changed") {
				t.Fatalf("no word on the stop:\n%s", s.screen())
			}
		})
	}
}
