package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDamagedDatabaseThroughTheBinary builds weekfit and runs it on copies of
// a database with damaged pages: each run succeeds, or prints one sentence
// and exits 1, never a stack trace, and leaves the file byte for byte as it
// was.
func TestDamagedDatabaseThroughTheBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds weekfit")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "weekfit")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	good := filepath.Join(dir, "good.db")
	if out, err := exec.Command(bin, "import", "examples/office.json", "--as", "me", "--db", good).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	const ps = 4096
	var copies [][]byte
	for page := 2; page*ps < len(data); page++ { // every page past the headers, overwritten
		bad := bytes.Clone(data)
		for i := page * ps; i < (page+1)*ps; i++ {
			bad[i] = 0xA5
		}
		copies = append(copies, bad)
	}
	rng := rand.New(rand.NewPCG(10, 1))
	for range 40 { // and random bits flipped in those pages
		bad := bytes.Clone(data)
		for range 1 + rng.IntN(4) {
			bad[2*ps+rng.IntN(len(bad)-2*ps)] ^= 1 << rng.IntN(8)
		}
		copies = append(copies, bad)
	}
	failed := 0
	for i, bad := range copies {
		path := filepath.Join(t.TempDir(), "x.db")
		if err := os.WriteFile(path, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(bin, "export", "me", "--db", path)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := cmd.ProcessState.ExitCode()
		msg := stderr.String()
		for _, crash := range []string{"goroutine ", "panic", "fatal error", "runtime."} {
			if strings.Contains(msg, crash) {
				t.Fatalf("copy %d: weekfit crashed:\n%s", i, msg)
			}
		}
		if err != nil {
			failed++
			if code != 1 || strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "weekfit: ") {
				t.Errorf("copy %d: exit %d with %q; want exit 1 and one sentence", i, code, msg)
			}
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, bad) {
			t.Errorf("copy %d: weekfit changed the damaged file", i)
		}
	}
	if failed == 0 {
		t.Error("no damaged copy was refused; the test damages nothing that is read")
	}
	t.Logf("%d of %d damaged copies refused", failed, len(copies))
}
