package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// marker is the profile the rewrite tests delete or seal; nothing of it may
// stay in plain text anywhere in the folder afterwards.
const (
	marker     = "Zebulon Quartermaine"
	markerWord = "Quartermaine"
)

// copyTo copies the template into a new folder as x.db.
func copyTo(t *testing.T, template string) string {
	t.Helper()
	data, err := os.ReadFile(template)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "weekfit")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "x.db")
	write(t, path, data)
	return path
}

// filesWith returns the files in dir that hold word, as `strings` would find it.
func filesWith(t *testing.T, dir, word string) []string {
	t.Helper()
	var out []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err == nil && bytes.Contains(data, []byte(word)) {
			out = append(out, e.Name())
		}
	}
	return out
}

// folderIs fails unless dir holds exactly the named files.
func folderIs(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var have []string
	for _, e := range entries {
		have = append(have, e.Name())
	}
	slices.Sort(names)
	if !slices.Equal(have, names) {
		t.Errorf("the folder holds %v, want %v", have, names)
	}
}

// markerDB makes a database in its own folder with the profile "me" and the
// marker profile (with a chosen plan), and returns it and the marker's id.
func markerDB(t *testing.T) (*DB, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "weekfit")
	db := openAt(t, filepath.Join(dir, "x.db"), Options{})
	if _, err := db.CreateProfile("me", "", exampleScenario(t)); err != nil {
		t.Fatal(err)
	}
	sc := exampleScenario(t)
	sc.Name = marker
	p, err := db.CreateProfile(marker, "ZQ-"+markerWord, sc)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.ChoosePlan(p.ID, examplePlans(t, sc)[0], sc); err != nil {
		t.Fatal(err)
	}
	return db, p.ID
}

// storedRecord returns the stored bytes of a profile record.
func storedRecord(t *testing.T, db *DB, id string) []byte {
	t.Helper()
	var out []byte
	if err := db.view(func(tx *bbolt.Tx, _ *sealer) error {
		out = append(out, tx.Bucket(bucketProfiles).Get([]byte(id))...)
		return nil
	}); err != nil || len(out) < 40 {
		t.Fatalf("no record for %s: %v", id, err)
	}
	return out
}

// TestRewritesLeaveNothingBehind scans the database's folder, as `strings`
// would, after every kind of rewrite.
func TestRewritesLeaveNothingBehind(t *testing.T) {
	const pass1, pass2 = "correct horse", "battery staple"
	tests := []struct {
		name string
		// run does the rewrite and returns what must no longer be anywhere
		// in the folder.
		run func(t *testing.T, db *DB, id string) [][]byte
	}{
		{"delete", func(t *testing.T, db *DB, id string) [][]byte {
			if err := db.DeleteProfile(id); err != nil {
				t.Fatal(err)
			}
			return [][]byte{[]byte(markerWord), []byte(id)}
		}},
		{"set a passphrase", func(t *testing.T, db *DB, _ string) [][]byte {
			if err := db.SetPassphrase("", pass1); err != nil {
				t.Fatal(err)
			}
			return [][]byte{[]byte(markerWord), []byte("Office")}
		}},
		{"change the passphrase", func(t *testing.T, db *DB, id string) [][]byte {
			if err := db.SetPassphrase("", pass1); err != nil {
				t.Fatal(err)
			}
			sealed, key := storedRecord(t, db, id), passRecord(t, db)
			if err := db.SetPassphrase(pass1, pass2); err != nil {
				t.Fatal(err)
			}
			return [][]byte{[]byte(markerWord), sealed[len(sealed)-32:], key[len(key)-40:]}
		}},
		{"remove the passphrase", func(t *testing.T, db *DB, id string) [][]byte {
			if err := db.SetPassphrase("", pass1); err != nil {
				t.Fatal(err)
			}
			sealed := storedRecord(t, db, id)
			if err := db.SetPassphrase(pass1, ""); err != nil {
				t.Fatal(err)
			}
			return [][]byte{sealed[len(sealed)-32:], []byte("argon2id")}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, id := markerDB(t)
			dir := filepath.Dir(db.path)
			for _, gone := range tt.run(t, db, id) {
				if got := filesWith(t, dir, string(gone)); len(got) > 0 {
					t.Errorf("%v still hold %q", got, gone)
				}
			}
			folderIs(t, dir, "x.db", "x.db.lock")
			if _, err := db.Profile("me"); err != nil {
				t.Errorf("the other profile after the rewrite: %v", err)
			}
		})
	}
}

// TestUpgradeCopyIsRemoved upgrades a schema 1 file holding a profile: the
// copy kept before the upgrade goes once the upgrade is checked, so deleting
// the profile afterwards leaves no copy of it.
func TestUpgradeCopyIsRemoved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "weekfit")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "x.db")
	rawBolt(t, path, func(tx *bbolt.Tx) error {
		for _, name := range [][]byte{bucketMeta, bucketProfiles, bucketScenarios, bucketPlans} {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		rec := fmt.Sprintf(`{"name":%q,"created":"2026-01-05T10:00:00Z","updated":"2026-01-05T10:00:00Z"}`, marker)
		if err := tx.Bucket(bucketProfiles).Put([]byte("0123456789abcdef0123"), append([]byte{formatPlain}, rec...)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keyMagic, []byte(magic)); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, binary.BigEndian.AppendUint64(nil, 1))
	})
	db := openAt(t, path, Options{})
	folderIs(t, dir, "x.db", "x.db.lock")
	p, err := db.Profile(marker)
	if err != nil {
		t.Fatalf("the profile after the upgrade: %v", err)
	}
	if err := db.DeleteProfile(p.ID); err != nil {
		t.Fatal(err)
	}
	if got := filesWith(t, dir, markerWord); len(got) > 0 {
		t.Errorf("%v still hold the deleted profile's name", got)
	}
}

// TestOpenRemovesLeftovers puts what a killed weekfit (this one or an older
// one) leaves beside the database there; the next open removes it and
// leaves other files alone.
func TestOpenRemovesLeftovers(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "weekfit")
	path := filepath.Join(dir, "x.db")
	makeDB(t, path)
	for _, name := range []string{"x.db.rewrite-0011223344", "x.db.tmp-5566", "x.db.new-77", "x.db.schema1.bak", "y.db.rewrite-1", "x.db.notes"} {
		write(t, filepath.Join(dir, name), []byte(markerWord))
	}
	db := openAt(t, path, Options{})
	folderIs(t, dir, "x.db", "x.db.lock", "x.db.notes", "y.db.rewrite-1")
	fi, err := os.Stat(path + ".lock")
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("lock file: %v %v; want mode 0600", fi, err)
	}
	if _, err := db.Profile("me"); err != nil {
		t.Error(err)
	}
}

// TestSymlinkedPath opens the database through a link: delete and the
// passphrase rewrite the file the link points to, and the link stays a link.
func TestSymlinkedPath(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real", "x.db")
	if err := os.Mkdir(filepath.Dir(real), 0o700); err != nil {
		t.Fatal(err)
	}
	makeDB(t, real)
	link := filepath.Join(base, "link.db")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	db := openAt(t, link, Options{})
	p, err := db.CreateProfile(marker, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteProfile(p.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.SetPassphrase("", "correct horse"); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link is no longer a link: %v %v", fi, err)
	}
	if got := filesWith(t, filepath.Dir(real), markerWord); len(got) > 0 {
		t.Errorf("%v still hold the deleted profile's name", got)
	}
	if got := filesWith(t, filepath.Dir(real), "Office"); len(got) > 0 {
		t.Errorf("%v hold a name in plain text after the passphrase was set", got)
	}
	folderIs(t, filepath.Dir(real), "x.db", "x.db.lock")
	folderIs(t, base, "link.db", "real")
	closeChecked(t, db)
	if _, err := Open(real, Options{}); !errors.Is(err, ErrNeedPassphrase) {
		t.Errorf("the file the link points to is not the sealed one: %v", err)
	}
}

// TestRolledBackRecordIsRefused puts an older sealed value back at its key,
// as a person copying from an old backup might: weekfit refuses it.
func TestRolledBackRecordIsRefused(t *testing.T) {
	db, p := sealedDB(t)
	old := storedRecord(t, db, p.ID)
	if err := db.RenameProfile(p.ID, "Client 7"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetDiscreet(p.ID, true); err != nil {
		t.Fatal(err)
	}
	path := db.path
	closeChecked(t, db)
	rawBolt(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(bucketProfiles).Put([]byte(p.ID), old) })
	db = openAt(t, path, Options{Passphrase: pass("correct horse")})
	_, err := db.Profile(p.ID)
	if !errors.Is(err, ErrTampered) || !strings.Contains(err.Error(), "put back from an older copy") {
		t.Errorf("a rolled-back record gives %v; want a sentence saying it was put back", err)
	}
}

// TestRandomBitFlipsNeverCrash flips random bits in the pages of a database
// and reads all of it: a damaged file gives an error, never a crash (a fault
// inside bbolt's mapped file would kill this test binary).
func TestRandomBitFlipsNeverCrash(t *testing.T) {
	good := filepath.Join(t.TempDir(), "good.db")
	makeDB(t, good)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(9, uint64(len(data))))
	n := 1000
	if testing.Short() {
		n = 150
	}
	refused := 0
	path := filepath.Join(t.TempDir(), "x.db")
	for i := 0; i < n; i++ {
		bad := bytes.Clone(data)
		for j := 0; j < 1+rng.IntN(3); j++ {
			at := 2*4096 + rng.IntN(len(bad)-2*4096) // past the two header pages
			bad[at] ^= 1 << rng.IntN(8)
		}
		write(t, path, bad)
		if err := readEverything(path); err != nil {
			refused++
			// A flip in the schema number can make it a plausible newer one,
			// which no check can tell from a newer weekfit's file.
			if !errors.Is(err, ErrTampered) && !errors.Is(err, ErrNotWeekfit) && !errors.Is(err, ErrNewerSchema) {
				t.Errorf("flip %d: %v; want a sentence about a damaged database", i, err)
			}
		}
	}
	t.Logf("%d of %d damaged copies refused", refused, n)
}

// readEverything opens the database and reads every profile, week and plan.
func readEverything(path string) error {
	db, err := Open(path, Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.Profiles()
	if err != nil {
		return err
	}
	for _, p := range list {
		if _, err := db.Scenario(p.ID); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if _, err := db.Snapshots(p.ID); err != nil {
			return err
		}
	}
	_, err = db.Catalog()
	return err
}

// TestClockFromOptions dates records by Options.Now.
func TestClockFromOptions(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	db := openAt(t, filepath.Join(t.TempDir(), "x.db"), Options{Now: func() time.Time { return at }})
	sc := exampleScenario(t)
	p, err := db.CreateProfile("me", "", sc)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Created.Equal(at) || !p.Updated.Equal(at) {
		t.Errorf("created %v, updated %v; want %v", p.Created, p.Updated, at)
	}
	at = at.Add(time.Hour)
	snap, err := db.SaveSnapshot(p.ID, "later", examplePlans(t, sc)[0], sc)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Profile(p.ID); !snap.Saved.Equal(at) || !got.Updated.Equal(at) {
		t.Errorf("snapshot saved %v, profile updated %v; want %v", snap.Saved, got.Updated, at)
	}
}
