//go:build linux

package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"weekfit/planner"
)

// The tests here start the test binary again as a helper process (see
// TestMain) that saves in a loop and prints each save once it is done.

const helperEnv = "WEEKFIT_STORE_HELPER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		os.Exit(runHelper(mode, os.Getenv("WEEKFIT_HELPER_DB")))
	}
	os.Exit(m.Run())
}

// helperPlan is a small fixed plan, so the helper spends its time saving.
var helperPlan = planner.Plan{Program: "p", ProgramName: "P", Track: "Morning",
	Sessions: []planner.Session{{Week: 1, Day: planner.Mon, Time: planner.Clock{Start: 540, End: 720}, Track: "Morning"}}}

func runHelper(mode, path string) int {
	if h := rewriteHelper(mode); h != nil {
		return h(path, os.Getenv("WEEKFIT_HELPER_ARG"))
	}
	if mode == "diskfull" {
		// Let writes past the current size fail with EFBIG instead of killing us.
		signal.Ignore(syscall.SIGXFSZ)
		fi, err := os.Stat(path)
		if err != nil {
			fmt.Println("err", err)
			return 1
		}
		lim := uint64(fi.Size())
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: lim, Max: lim}); err != nil {
			fmt.Println("err setrlimit", err)
			return 1
		}
	}
	db, err := Open(path, Options{Timeout: 5 * time.Second})
	if err != nil {
		fmt.Println("err", err)
		return 1
	}
	defer db.Close()
	p, err := db.Profile("me")
	if errors.Is(err, ErrNotFound) {
		p, err = db.CreateProfile("me", "", nil)
	}
	if err != nil {
		fmt.Println("err", err)
		return 1
	}
	big := strings.Repeat("x", 150)
	for i := 0; i < 100000; i++ {
		name := fmt.Sprintf("%s-%d-%d", mode, os.Getpid(), i)
		if mode == "diskfull" {
			name += big
		}
		if _, err := db.SaveSnapshot(p.ID, name, helperPlan, nil); err != nil {
			fmt.Println("err", err)
			return 0
		}
		fmt.Println("saved", name)
	}
	return 0
}

// startHelper runs the helper on path and collects what it reports; first
// is closed when the helper prints its first line.
func startHelper(t *testing.T, mode, path string, env ...string) (cmd *exec.Cmd, first <-chan struct{}, lines func() []string) {
	t.Helper()
	cmd = exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), helperEnv+"="+mode, "WEEKFIT_HELPER_DB="+path), env...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var got []string
	done, firstLine := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			mu.Lock()
			if len(got) == 0 {
				close(firstLine)
			}
			got = append(got, sc.Text())
			mu.Unlock()
		}
	}()
	return cmd, firstLine, func() []string {
		<-done
		mu.Lock()
		defer mu.Unlock()
		return got
	}
}

// snapshotNames opens path, checks it and returns the names of me's snapshots.
func snapshotNames(t *testing.T, path string) map[string]bool {
	t.Helper()
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer closeChecked(t, db)
	names := map[string]bool{}
	p, err := db.Profile("me")
	if errors.Is(err, ErrNotFound) {
		return names
	}
	if err != nil {
		t.Fatal(err)
	}
	snaps, err := db.Snapshots(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range snaps {
		names[s.Name] = true
	}
	return names
}

func TestSIGKILLLosesNoReportedSave(t *testing.T) {
	if testing.Short() {
		t.Skip("starts helper processes")
	}
	path := filepath.Join(t.TempDir(), "x.db")
	var reported []string
	const rounds = 25
	for round := 0; round < rounds; round++ {
		cmd, first, lines := startHelper(t, "crash", path)
		if round%2 == 1 {
			// Odd rounds kill in the middle of the stream of saves; even
			// rounds at any moment, opening the database included.
			select {
			case <-first:
			case <-time.After(10 * time.Second):
			}
		}
		time.Sleep(time.Duration(rand.IntN(150)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		for _, l := range lines() {
			if name, ok := strings.CutPrefix(l, "saved "); ok {
				reported = append(reported, name)
			} else {
				t.Fatalf("round %d: helper says %q", round, l)
			}
		}
		have := snapshotNames(t, path)
		for _, name := range reported {
			if !have[name] {
				t.Fatalf("round %d: save %s was reported done but is missing", round, name)
			}
		}
	}
	if len(reported) < rounds/2 {
		t.Errorf("only %d saves in %d rounds; the helper hardly ran", len(reported), rounds)
	}
	t.Logf("%d reported saves survived %d kills", len(reported), rounds)
}

func TestDiskFullLosesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	db := openAt(t, path, Options{})
	p, err := db.CreateProfile("me", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveSnapshot(p.ID, "before", helperPlan, nil); err != nil {
		t.Fatal(err)
	}
	closeChecked(t, db)
	cmd, _, lines := startHelper(t, "diskfull", path)
	out := lines()
	_ = cmd.Wait()
	if len(out) == 0 || !strings.Contains(out[len(out)-1], "the disk is full") || !strings.Contains(out[len(out)-1], "nothing was changed") {
		t.Fatalf("helper output ends %q; want the disk-full sentence", out[max(0, len(out)-1):])
	}
	have := snapshotNames(t, path)
	if !have["before"] {
		t.Error("the snapshot saved before the disk filled up is gone")
	}
	for _, l := range out {
		if name, ok := strings.CutPrefix(l, "saved "); ok && !have[name] {
			t.Errorf("save %s reported done is missing", name)
		}
	}
}

func TestReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	makeRO := func() { _ = os.Chmod(filepath.Join(dir, "x.db"), 0o400); _ = os.Chmod(dir, 0o500) }
	makeRW := func() { _ = os.Chmod(dir, 0o700); _ = os.Chmod(filepath.Join(dir, "x.db"), 0o600) }
	if os.Geteuid() == 0 {
		// Root ignores permission bits: use a tmpfs mounted read-only.
		if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=8m,mode=0700"); err != nil {
			t.Skipf("running as root and cannot mount a tmpfs to make read-only (%v)", err)
		}
		t.Cleanup(func() { _ = syscall.Unmount(dir, 0) })
		makeRO = func() {
			if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
				t.Fatal(err)
			}
		}
		makeRW = func() { _ = syscall.Mount("", dir, "", syscall.MS_REMOUNT, "") }
	}
	path := filepath.Join(dir, "x.db")
	makeDB(t, path)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	makeRO()
	defer makeRW()
	for _, p := range []string{path, filepath.Join(dir, "new.db")} {
		db, err := Open(p, Options{})
		if err == nil {
			db.Close()
			t.Fatalf("%s opened for writing in a read-only folder", p)
		}
		if !errors.Is(err, ErrCannotWrite) || !strings.Contains(err.Error(), "read-only") {
			t.Errorf("%s: %v; want a sentence about a read-only folder", p, err)
		}
	}
	makeRW()
	if after, err := os.ReadFile(path); err != nil || !bytes.Equal(after, before) {
		t.Errorf("the database changed in a read-only folder (%d bytes before, %d after, %v)", len(before), len(after), err)
	}
	if _, err := os.Stat(filepath.Join(dir, "new.db")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused open left new.db behind: %v", err)
	}
	db := openAt(t, path, Options{})
	if _, err := db.Profile("me"); err != nil {
		t.Errorf("profile lost after the read-only folder: %v", err)
	}
}

// TestKilledWhileCreatingLeavesNoEmptyFile kills a weekfit that is creating
// its database, very early, many times: whatever it leaves must open.
func TestKilledWhileCreatingLeavesNoEmptyFile(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 30 helper processes")
	}
	for round := 0; round < 30; round++ {
		path := filepath.Join(t.TempDir(), "x.db")
		cmd, _, _ := startHelper(t, "crash", path)
		time.Sleep(time.Duration(rand.IntN(120)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		db, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		checkBolt(t, db.bolt)
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		if left, _ := filepath.Glob(path + ".new-*"); len(left) > 0 && round == 0 {
			t.Logf("a killed creation left %s behind; it holds nothing and is not opened", left[0])
		}
	}
}
