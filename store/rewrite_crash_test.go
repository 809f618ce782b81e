//go:build linux

package store

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// rewriteHelper returns the helper process for mode (see TestMain), or nil.
// Each prints "ready" once the database is open and "ok" or "err SENTENCE"
// when done.
func rewriteHelper(mode string) func(path, arg string) int {
	switch mode {
	case "delete":
		return func(path, arg string) int {
			return withHelperDB(path, func(db *DB) error {
				p, err := db.Profile(arg)
				if err != nil {
					return err
				}
				return db.DeleteProfile(p.ID)
			})
		}
	case "seal":
		// The passphrase's slow key derivation is done once by the test,
		// which passes the data key and the wrapped key; this runs the
		// rewrite SetPassphrase runs.
		return func(path, arg string) int {
			key, wrapped := decodeKeys(arg)
			return withHelperDB(path, func(db *DB) error {
				to, err := newSealer(key)
				if err != nil {
					return err
				}
				return db.rewrite("set the passphrase", func(tx *bbolt.Tx, s *sealer) (*sealer, error) {
					return sealAll(tx, s, to, wrapped)
				})
			})
		}
	case "diskfull-delete", "diskfull-passphrase":
		return func(path, arg string) int {
			signal.Ignore(syscall.SIGXFSZ)
			lim, _ := strconv.ParseUint(arg, 10, 64)
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: lim, Max: lim}); err != nil {
				fmt.Println("err setrlimit", err)
				return 1
			}
			return withHelperDB(path, func(db *DB) error {
				if mode == "diskfull-passphrase" {
					return db.SetPassphrase("", "correct horse battery")
				}
				p, err := db.Profile(marker)
				if err != nil {
					return err
				}
				return db.DeleteProfile(p.ID)
			})
		}
	case "import":
		// Short opens, as the TUI makes: open, save one profile, close.
		return func(path, arg string) int {
			for j := 0; j < 4; j++ {
				name := fmt.Sprintf("%s-%d", arg, j)
				db, err := Open(path, Options{Timeout: 20 * time.Second})
				if err == nil {
					_, err = db.CreateProfile(name, "", nil)
					if cerr := db.Close(); err == nil {
						err = cerr
					}
				}
				if err != nil {
					fmt.Println("err", err)
					return 0
				}
				fmt.Println("saved", name)
			}
			return 0
		}
	}
	return nil
}

func withHelperDB(path string, fn func(db *DB) error) int {
	db, err := Open(path, Options{Timeout: 20 * time.Second})
	if err != nil {
		fmt.Println("err", err)
		return 1
	}
	fmt.Println("ready")
	err = fn(db)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Println("err", err)
		return 0
	}
	fmt.Println("ok")
	return 0
}

func decodeKeys(arg string) (key, wrapped []byte) {
	a, b, _ := strings.Cut(arg, ":")
	key, _ = hex.DecodeString(a)
	wrapped, _ = hex.DecodeString(b)
	return key, wrapped
}

// bigTemplate writes a database of n clients and the marker profile (with a
// chosen plan and a snapshot) and returns its path.
func bigTemplate(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "template.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sc := exampleScenario(t)
	for i := 0; i < n; i++ {
		if _, err := db.CreateProfile(fmt.Sprintf("client %03d", i), "", sc); err != nil {
			t.Fatal(err)
		}
	}
	msc := exampleScenario(t)
	msc.Name = marker
	p, err := db.CreateProfile(marker, "ZQ-"+markerWord, msc)
	if err != nil {
		t.Fatal(err)
	}
	pl := examplePlans(t, msc)[0]
	if err := db.ChoosePlan(p.ID, pl, msc); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveSnapshot(p.ID, markerWord+" Tuesdays off", pl, msc); err != nil {
		t.Fatal(err)
	}
	closeChecked(t, db)
	return path
}

// runKilled starts the helper, waits until it has the database open, lets it
// run a random moment into its work and kills it; it returns what it printed.
func runKilled(t *testing.T, mode, path string, maxDelay time.Duration, env ...string) []string {
	t.Helper()
	cmd, first, lines := startHelper(t, mode, path, env...)
	select {
	case <-first:
	case <-time.After(20 * time.Second):
		t.Fatal("the helper did not open the database")
	}
	time.Sleep(time.Duration(rand.Int64N(int64(maxDelay))))
	_ = cmd.Process.Signal(syscall.SIGKILL)
	out := lines()
	_ = cmd.Wait()
	return out
}

func rounds(short, long int) int {
	if testing.Short() {
		return short
	}
	return long
}

func TestKilledDuringDeleteLeavesOldOrNew(t *testing.T) {
	const clients = 60
	template := bigTemplate(t, clients)
	states := map[string]int{}
	for round := 0; round < rounds(5, 50); round++ {
		path := copyTo(t, template)
		dir := filepath.Dir(path)
		out := runKilled(t, "delete", path, 60*time.Millisecond, "WEEKFIT_HELPER_ARG="+marker)
		db, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("round %d: open after the kill: %v", round, err)
		}
		folderIs(t, dir, "x.db", "x.db.lock")
		list, err := db.Profiles()
		closeChecked(t, db)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		switch {
		case len(list) == clients+1 && list[clients].Name == marker:
			states["old"]++
			if slices.Contains(out, "ok") {
				t.Errorf("round %d: the delete was reported done, but the profile is there", round)
			}
			if got := filesWith(t, dir, markerWord); !slices.Equal(got, []string{"x.db"}) {
				t.Errorf("round %d: %v hold the profile's name; only the database should", round, got)
			}
		case len(list) == clients:
			states["new"]++
			if got := filesWith(t, dir, markerWord); len(got) > 0 {
				t.Errorf("round %d: the profile was deleted, but %v still hold its name", round, got)
			}
		default:
			t.Fatalf("round %d: %d profiles after the kill; want %d (before) or %d (after)", round, len(list), clients+1, clients)
		}
	}
	t.Logf("states after a kill during delete: %v", states)
}

func TestKilledDuringFirstPassphraseLeavesOldOrNew(t *testing.T) {
	const clients = 60
	template := bigTemplate(t, clients)
	key, err := newDataKey()
	if err != nil {
		t.Fatal(err)
	}
	wrapped, err := wrapKey(key, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	arg := "WEEKFIT_HELPER_ARG=" + hex.EncodeToString(key) + ":" + hex.EncodeToString(wrapped)
	states := map[string]int{}
	for round := 0; round < rounds(5, 50); round++ {
		path := copyTo(t, template)
		dir := filepath.Dir(path)
		runKilled(t, "seal", path, 60*time.Millisecond, arg)
		db, err := Open(path, Options{}) // removes what the kill left; asks for no passphrase
		if err == nil {
			states["old"]++
			list, lerr := db.Profiles()
			closeChecked(t, db)
			if lerr != nil || len(list) != clients+1 {
				t.Fatalf("round %d: %d profiles in the unsealed database (%v); want %d", round, len(list), lerr, clients+1)
			}
			if got := filesWith(t, dir, markerWord); !slices.Equal(got, []string{"x.db"}) {
				t.Errorf("round %d: %v hold the profile's name; only the database should", round, got)
			}
		} else {
			if !errors.Is(err, ErrNeedPassphrase) {
				t.Fatalf("round %d: open after the kill: %v", round, err)
			}
			states["new"]++
			if n := sealedRecords(t, path, key); n < clients+1 {
				t.Errorf("round %d: %d sealed records, want every one", round, n)
			}
			if got := filesWith(t, dir, markerWord); len(got) > 0 {
				t.Errorf("round %d: the database is sealed, but %v still hold a name in plain text", round, got)
			}
		}
		folderIs(t, dir, "x.db", "x.db.lock")
	}
	t.Logf("states after a kill during the first passphrase: %v", states)
}

// sealedRecords opens every record of a sealed file with the data key, as
// weekfit would, and counts them.
func sealedRecords(t *testing.T, path string, key []byte) int {
	t.Helper()
	b, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	base, err := newSealer(key)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = b.View(func(tx *bbolt.Tx) error {
		s := base.begin(tx)
		return eachRecord(tx, func(b *bbolt.Bucket, where string, k []byte) error {
			n++
			_, err := s.unwrap(where, k, b.Get(k))
			return err
		})
	})
	if err != nil {
		t.Fatalf("a record of the sealed file does not open: %v", err)
	}
	return n
}

// TestImportWhileDeleting runs a delete and a series of short imports as
// two processes at once: every import reported done must be there after.
func TestImportWhileDeleting(t *testing.T) {
	template := bigTemplate(t, 10)
	path := copyTo(t, template)
	var saved []string
	for round := 0; round < rounds(5, 50); round++ {
		victim := fmt.Sprintf("victim %d", round)
		db := openAt(t, path, Options{})
		if _, err := db.CreateProfile(victim, "", nil); err != nil {
			t.Fatal(err)
		}
		closeChecked(t, db)
		delCmd, _, delOut := startHelper(t, "delete", path, "WEEKFIT_HELPER_ARG="+victim)
		impCmd, _, impOut := startHelper(t, "import", path, fmt.Sprintf("WEEKFIT_HELPER_ARG=imported %d", round))
		dout, iout := delOut(), impOut() // read all before Wait closes the pipes
		_ = delCmd.Wait()
		_ = impCmd.Wait()
		if !slices.Contains(dout, "ok") {
			t.Fatalf("round %d: delete says %q", round, dout)
		}
		for _, l := range iout {
			name, ok := strings.CutPrefix(l, "saved ")
			if !ok {
				t.Fatalf("round %d: import says %q", round, l)
			}
			saved = append(saved, name)
		}
		db = openAt(t, path, Options{})
		for _, name := range saved {
			if _, err := db.Profile(name); err != nil {
				t.Fatalf("round %d: %q was reported saved, but: %v", round, name, err)
			}
		}
		if _, err := db.Profile(victim); !errors.Is(err, ErrNotFound) {
			t.Fatalf("round %d: the deleted profile: %v", round, err)
		}
		closeChecked(t, db)
	}
	if want := 4 * rounds(5, 50); len(saved) != want {
		t.Errorf("%d imports saved, want %d", len(saved), want)
	}
}

func TestDiskFullDuringRewrite(t *testing.T) {
	template := bigTemplate(t, 40)
	for _, tt := range []struct{ mode, doing string }{
		{"diskfull-delete", "delete the profile"},
		{"diskfull-passphrase", "set the passphrase"},
	} {
		path := copyTo(t, template)
		dir := filepath.Dir(path)
		before, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cmd, _, lines := startHelper(t, tt.mode, path, fmt.Sprintf("WEEKFIT_HELPER_ARG=%d", len(before)/4))
		out := lines()
		_ = cmd.Wait()
		want := "err " + tt.doing + ": the disk is full (or the file size limit is reached); nothing was changed. Free some space and try again"
		if !slices.Equal(out, []string{"ready", want}) {
			t.Errorf("%s: the helper says %q; want %q", tt.mode, out, want)
		}
		after, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(before, after) {
			t.Errorf("%s: the database changed although nothing was changed (%v)", tt.mode, err)
		}
		folderIs(t, dir, "x.db", "x.db.lock")
		db := openAt(t, path, Options{})
		if _, err := db.Profile(marker); err != nil || db.HasPassphrase() {
			t.Errorf("%s: after a full disk: %v, sealed %v; want the old database", tt.mode, err, db.HasPassphrase())
		}
	}
}
