package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// makeDB writes a database with one profile at path and closes it.
func makeDB(t *testing.T, path string) {
	t.Helper()
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateProfile("me", "", exampleScenario(t)); err != nil {
		t.Fatal(err)
	}
	closeChecked(t, db)
}

// rawBolt writes a bbolt file at path with fn, without the store.
func rawBolt(t *testing.T, path string, fn func(tx *bbolt.Tx) error) {
	t.Helper()
	b, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Update(fn); err != nil {
		t.Fatal(err)
	}
	checkBolt(t, b)
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestRefusesBadFiles(t *testing.T) {
	good := filepath.Join(t.TempDir(), "good.db")
	makeDB(t, good)
	goodBytes, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		err  error
		want string
	}{
		{"empty file", func(t *testing.T, p string) { write(t, p, nil) }, ErrNotWeekfit, "is empty (0 bytes)"},
		{"text", func(t *testing.T, p string) { write(t, p, []byte("name,shift\nme,9-5\n")) }, ErrNotWeekfit, "not a weekfit database"},
		{"garbage", func(t *testing.T, p string) { write(t, p, bytes.Repeat([]byte{0xED, 0x0C, 0xDA, 0xED, 7}, 5000)) }, ErrNotWeekfit, "not a weekfit database"},
		{"truncated", func(t *testing.T, p string) { write(t, p, goodBytes[:len(goodBytes)/2]) }, ErrNotWeekfit, "cut short"},
		{"one page", func(t *testing.T, p string) { write(t, p, goodBytes[:4096]) }, ErrNotWeekfit, "cut short"},
		{"other program", func(t *testing.T, p string) {
			rawBolt(t, p, func(tx *bbolt.Tx) error { _, err := tx.CreateBucket([]byte("sessions")); return err })
		}, ErrNotWeekfit, "another program"},
		{"wrong magic", func(t *testing.T, p string) {
			rawBolt(t, p, func(tx *bbolt.Tx) error {
				b, _ := tx.CreateBucket(bucketMeta)
				return b.Put(keyMagic, []byte("something else"))
			})
		}, ErrNotWeekfit, "meta data is not weekfit's"},
		{"newer schema", func(t *testing.T, p string) {
			write(t, p, goodBytes)
			rawBolt(t, p, func(tx *bbolt.Tx) error { return putSchema(tx, SchemaVersion+1) })
		}, ErrNewerSchema, "newer weekfit"},
		{"folder", func(t *testing.T, p string) { os.Mkdir(p, 0o700) }, ErrNotWeekfit, "is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.db")
			tt.make(t, path)
			before, _ := os.ReadFile(path)
			db, err := Open(path, Options{})
			if err == nil {
				db.Close()
				t.Fatal("opened")
			}
			if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want %v with %q", err, tt.err, tt.want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Errorf("the refused file was changed")
			}
		})
	}
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestSecondOpenFailsFast(t *testing.T) {
	path := filepath.Join(t.TempDir(), "weekfit.db")
	openAt(t, path, Options{})
	start := time.Now()
	db, err := Open(path, Options{Timeout: 300 * time.Millisecond})
	if err == nil {
		db.Close()
		t.Fatal("a second open succeeded")
	}
	if !errors.Is(err, ErrLocked) || !strings.HasPrefix(err.Error(), "weekfit.db is open in another weekfit window") || !strings.Contains(err.Error(), "--db") {
		t.Errorf("error %q", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the second open took %v; it must not hang", d)
	}
}

func TestMigrationFromSchema1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	// Schema 1: no catalog bucket.
	rawBolt(t, path, func(tx *bbolt.Tx) error {
		for _, name := range [][]byte{bucketMeta, bucketProfiles, bucketScenarios, bucketPlans} {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketMeta).Put(keyMagic, []byte(magic)); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, binary.BigEndian.AppendUint64(nil, 1))
	})
	db := openAt(t, path, Options{})
	// The copy kept before the upgrade is removed once the upgrade is checked.
	if _, err := os.Stat(BackupPathBeforeUpgrade(path, 1)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the copy kept before the upgrade is still there after a checked upgrade: %v", err)
	}
	err := db.view(func(tx *bbolt.Tx, _ *sealer) error {
		if v := tx.Bucket(bucketMeta).Get(keySchema); binary.BigEndian.Uint64(v) != SchemaVersion {
			t.Errorf("schema %d after upgrade", binary.BigEndian.Uint64(v))
		}
		if tx.Bucket(bucketCatalog) == nil {
			t.Error("the upgrade did not add the catalog")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Catalog(); err != nil {
		t.Errorf("catalog after upgrade: %v", err)
	}
}

func TestPermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "weekfit")
	path := filepath.Join(dir, "weekfit.db")
	db := openAt(t, path, Options{})
	if w := db.Warnings(); len(w) != 0 {
		t.Errorf("warnings on a new database: %v", w)
	}
	for p, want := range map[string]os.FileMode{dir: 0o700, path: 0o600} {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v (%v), want %v", p, fi.Mode().Perm(), err, want)
		}
	}
	closeChecked(t, db)
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	db = openAt(t, path, Options{})
	w := strings.Join(db.Warnings(), "\n")
	for _, want := range []string{"chmod 600 " + path, "chmod 700 " + dir} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings %q do not say %q", w, want)
		}
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data/x")
	if p, err := DefaultPath(); err != nil || p != "/data/x/weekfit/weekfit.db" {
		t.Errorf("with XDG_DATA_HOME: %q %v", p, err)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/u")
	if p, err := DefaultPath(); err != nil || p != "/home/u/.local/share/weekfit/weekfit.db" {
		t.Errorf("without XDG_DATA_HOME: %q %v", p, err)
	}
}

func TestBackup(t *testing.T) {
	db := openTemp(t)
	p, err := db.CreateProfile("me", "", exampleScenario(t))
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	if err := db.Backup(dst); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(dst); !errors.Is(err, ErrExists) {
		t.Errorf("backup over an existing file: %v", err)
	}
	if fi, _ := os.Stat(dst); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", fi.Mode().Perm())
	}
	cp := openAt(t, dst, Options{})
	if _, err := cp.Scenario(p.ID); err != nil {
		t.Errorf("backup lacks the scenario: %v", err)
	}
}

func TestDirWarnings(t *testing.T) {
	tests := []struct {
		dir  string
		mode os.FileMode
		want string
	}{
		{"/home/u/.local/share/weekfit", 0o700, ""},
		{"/home/u/.local/share/weekfit", 0o755, "chmod 700 /home/u/.local/share/weekfit"},
		{"/home/u", 0o755, ""},
		{"/home/u/shared", 0o777, "can change files in /home/u/shared"},
		{"/tmp", 0o777 | os.ModeSticky, ""},
	}
	for _, tt := range tests {
		got := strings.Join(dirWarnings(tt.dir, tt.mode|os.ModeDir), "\n")
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s %v: %q, want %q", tt.dir, tt.mode, got, tt.want)
		}
	}
}

func TestDamagedPagesGiveAnError(t *testing.T) {
	good := filepath.Join(t.TempDir(), "good.db")
	makeDB(t, good)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	const ps = 4096
	for page := 2; page*ps < len(data); page++ {
		bad := bytes.Clone(data)
		for i := page * ps; i < (page+1)*ps; i++ {
			bad[i] = 0xA5
		}
		path := filepath.Join(t.TempDir(), "x.db")
		write(t, path, bad)
		db, err := Open(path, Options{}) // must not panic
		if err != nil {
			if !errors.Is(err, ErrTampered) && !errors.Is(err, ErrNotWeekfit) {
				t.Errorf("page %d damaged: open gives %v", page, err)
			}
			continue
		}
		if _, err := db.Profiles(); err != nil && !errors.Is(err, ErrTampered) {
			t.Errorf("page %d damaged: listing gives %v", page, err)
		}
		db.Close()
	}
}

func TestCutAnywhereIsRefused(t *testing.T) {
	good := filepath.Join(t.TempDir(), "good.db")
	makeDB(t, good)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	m0, _ := readMeta(bytes.NewReader(data), 0)
	m1, _ := readMeta(bytes.NewReader(data), int64(m0.pageSize))
	used := int(max(m0.pgid, m1.pgid)) * int(m0.pageSize)
	if used < 4*4096 || used > len(data) {
		t.Fatalf("used %d of %d bytes: the header reader is wrong", used, len(data))
	}
	// bbolt grows a file ahead of use; a cut past the pages in use loses nothing.
	for cut := 1; cut < used; cut += 509 {
		path := filepath.Join(t.TempDir(), "x.db")
		write(t, path, data[:cut])
		db, err := Open(path, Options{})
		if err == nil {
			db.Close()
			t.Fatalf("a file cut at %d of %d bytes opened", cut, len(data))
		}
		if !errors.Is(err, ErrNotWeekfit) {
			t.Errorf("cut at %d: %v", cut, err)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, data[:cut]) {
			t.Errorf("cut at %d: the refused file was changed", cut)
		}
	}
}
