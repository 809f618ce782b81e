//go:build linux

package export

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// helperEnv makes the test binary a helper process (see runHelper) instead
// of running the tests.
const helperEnv = "WEEKFIT_EXPORT_HELPER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		os.Exit(runHelper(mode, os.Getenv("WEEKFIT_HELPER_PATH")))
	}
	os.Exit(m.Run())
}

// runHelper writes 64 KiB over path with writes past 4 KiB failing, as on a
// full disk, and prints the error.
func runHelper(mode, path string) int {
	if mode != "diskfull" {
		fmt.Println("unknown helper", mode)
		return 2
	}
	signal.Ignore(syscall.SIGXFSZ) // fail with EFBIG instead of dying
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: 4096, Max: 4096}); err != nil {
		fmt.Println("setrlimit:", err)
		return 2
	}
	if err := WriteFile(path, []byte(strings.Repeat("n", 64<<10))); err != nil {
		fmt.Println("error:", err)
		return 1
	}
	fmt.Println("wrote it")
	return 0
}

func TestWriteFileOnAFullDiskKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.md")
	old := strings.Repeat("old plan\n", 100)
	writeOld(t, path, old, 0o600)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"=diskfull", "WEEKFIT_HELPER_PATH="+path)
	out, err := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(string(out), "error: write "+path) {
		t.Fatalf("helper: exit %d (%v), output %q; want the write to fail", code, err, out)
	}
	if b, _ := os.ReadFile(path); string(b) != old {
		t.Errorf("the old file now holds %d bytes, want the old %d", len(b), len(old))
	}
	noTemporaryFiles(t, dir)
}
