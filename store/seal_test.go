package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.etcd.io/bbolt"
)

func pass(s string) func() (string, error) { return func() (string, error) { return s, nil } }

// reopen closes db and opens path again with opt; the result is closed at cleanup.
func reopen(t *testing.T, db *DB, opt Options) (*DB, error) {
	t.Helper()
	closeChecked(t, db)
	next, err := Open(db.path, opt)
	if err == nil {
		t.Cleanup(func() { closeChecked(t, next) })
	}
	return next, err
}

// sealedDB makes a database with one profile and the passphrase "correct horse".
func sealedDB(t *testing.T) (*DB, Profile) {
	t.Helper()
	db := openAt(t, filepath.Join(t.TempDir(), "x.db"), Options{})
	p, err := db.CreateProfile("Rosalind Vantongeren", "RV-1", exampleScenario(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetPassphrase("something", "new"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("an old passphrase when none is set: %v", err)
	}
	if err := db.SetPassphrase("", "correct horse"); err != nil {
		t.Fatal(err)
	}
	if !db.HasPassphrase() {
		t.Error("HasPassphrase is false after setting one")
	}
	return db, p
}

func TestPassphraseOpen(t *testing.T) {
	db, p := sealedDB(t)
	path, sc := db.path, exampleScenario(t)
	tests := []struct {
		name string
		opt  Options
		err  error
	}{
		{"none given", Options{}, ErrNeedPassphrase},
		{"wrong", Options{Passphrase: pass("Correct horse")}, ErrWrongPassphrase},
		{"empty", Options{Passphrase: pass("")}, ErrWrongPassphrase},
		{"right", Options{Passphrase: pass("correct horse")}, nil},
	}
	for _, tt := range tests {
		// Not subtests: the database reopened here must outlive each case.
		var err error
		db, err = reopen(t, db, tt.opt)
		if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
			t.Fatalf("%s: open: %v, want %v", tt.name, err, tt.err)
		}
		if err != nil {
			if db, err = Open(path, Options{Passphrase: pass("correct horse")}); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.Scenario(p.ID)
		if err != nil || !reflect.DeepEqual(got, sc) {
			t.Errorf("%s: scenario after reopening: %v", tt.name, err)
		}
	}
	raw, _ := os.ReadFile(path)
	for _, s := range []string{"Rosalind", "RV-1", "Office"} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("the file holds %q in plain text although a passphrase is set", s)
		}
	}
}

func TestPassphraseChangeAndRemove(t *testing.T) {
	db, _ := sealedDB(t)
	path := db.path
	// Changing it makes a new data key: every record is sealed anew, and the
	// old data key (which the old passphrase opens, from any old copy of the
	// file) opens none of them.
	before := recordBytes(t, db)
	oldKey, err := unwrapKey(passRecord(t, db), "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetPassphrase("wrong", "battery staple"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("change with a wrong passphrase: %v", err)
	}
	if err := db.SetPassphrase("correct horse", "battery staple"); err != nil {
		t.Fatal(err)
	}
	after := recordBytes(t, db)
	if len(after) != len(before) {
		t.Fatalf("%d records before the change, %d after", len(before), len(after))
	}
	old, err := newSealer(oldKey)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range after {
		if v == before[k] {
			t.Errorf("record %s kept its sealed bytes across a passphrase change", k)
		}
		where, id, _ := strings.Cut(k, "/")
		if _, err := old.openWith([]byte(v)[9:], recordAD(where, []byte(id), []byte(v)[1:9])); err == nil {
			t.Errorf("record %s opens with the old data key", k)
		}
	}
	raw, _ := os.ReadFile(path)
	if n := bytes.Count(raw, []byte(`"kdf":"argon2id"`)); n != 1 {
		t.Errorf("the file holds %d wrapped keys after a change, want 1", n)
	}
	if _, err := reopen(t, db, Options{Passphrase: pass("correct horse")}); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("the old passphrase still opens the database: %v", err)
	}
	db, err = Open(path, Options{Passphrase: pass("battery staple")})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetPassphrase("battery staple", ""); err != nil {
		t.Fatal(err)
	}
	if db, err = reopen(t, db, Options{}); err != nil {
		t.Fatalf("open after removing the passphrase: %v", err)
	}
	if got, err := db.Profile("rosalind vantongeren"); err != nil || got.ClientCode != "RV-1" {
		t.Errorf("profile after removing the passphrase: %+v %v", got, err)
	}
}

// passRecord returns the stored passphrase record.
func passRecord(t *testing.T, db *DB) []byte {
	t.Helper()
	var out []byte
	err := db.view(func(tx *bbolt.Tx, _ *sealer) error {
		out = append(out, tx.Bucket(bucketMeta).Get(keyLock)...)
		return nil
	})
	if err != nil || len(out) == 0 {
		t.Fatalf("no passphrase record: %v", err)
	}
	return out
}

// recordBytes returns every stored record by bucket and key.
func recordBytes(t *testing.T, db *DB) map[string]string {
	out := map[string]string{}
	err := db.view(func(tx *bbolt.Tx, _ *sealer) error {
		for _, name := range [][]byte{bucketProfiles, bucketScenarios} {
			tx.Bucket(name).ForEach(func(k, v []byte) error {
				out[string(name)+"/"+string(k)] = string(v)
				return nil
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTamperedAndSwappedValues(t *testing.T) {
	for _, sealed := range []bool{true, false} {
		path := filepath.Join(t.TempDir(), "x.db")
		db := openAt(t, path, Options{})
		a, _ := db.CreateProfile("a", "", nil)
		b, _ := db.CreateProfile("b", "", nil)
		opt := Options{}
		if sealed {
			opt.Passphrase = pass("pw")
			if err := db.SetPassphrase("", "pw"); err != nil {
				t.Fatal(err)
			}
		}
		closeChecked(t, db)
		rawBolt(t, path, func(tx *bbolt.Tx) error {
			pb := tx.Bucket(bucketProfiles)
			va, vb := bytes.Clone(pb.Get([]byte(a.ID))), bytes.Clone(pb.Get([]byte(b.ID)))
			if err := pb.Put([]byte(a.ID), vb); err != nil {
				return err
			}
			return pb.Put([]byte(b.ID), va[:len(va)-1])
		})
		db, err := Open(path, opt)
		if err != nil {
			t.Fatal(err)
		}
		_, errA := db.Profile(a.ID)
		_, errB := db.Profile(b.ID)
		closeChecked(t, db)
		if sealed && (!errors.Is(errA, ErrTampered) || !errors.Is(errB, ErrTampered)) {
			t.Errorf("sealed: swapped value gives %v, cut value gives %v; want ErrTampered", errA, errB)
		}
		if !sealed && !errors.Is(errB, ErrTampered) {
			t.Errorf("plain: cut value gives %v; want ErrTampered", errB)
		}
	}
}

func TestNoNamesInKeys(t *testing.T) {
	db := openTemp(t)
	sc := exampleScenario(t)
	p, err := db.CreateProfile("Winifred Oakhurst", "WO", sc)
	if err != nil {
		t.Fatal(err)
	}
	pl := examplePlans(t, sc)[0]
	if _, err := db.SaveSnapshot(p.ID, "Winifred's Tuesdays", pl, sc); err != nil {
		t.Fatal(err)
	}
	if err := db.ChoosePlan(p.ID, pl, sc); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.ImportCatalog(mustCatalog(t)); err != nil {
		t.Fatal(err)
	}
	var keys []string
	err = db.view(func(tx *bbolt.Tx, _ *sealer) error {
		var walk func(prefix string, b *bbolt.Bucket) error
		walk = func(prefix string, b *bbolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				keys = append(keys, prefix+string(k))
				if v == nil {
					return walk(prefix+string(k)+"/", b.Bucket(k))
				}
				return nil
			})
		}
		return tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
			keys = append(keys, string(name))
			return walk(string(name)+"/", b)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.ToLower(strings.Join(keys, "\n"))
	for _, s := range []string{"winifred", "oakhurst", "tuesday", "office", "riverside", "online", "clinic"} {
		if strings.Contains(all, s) {
			t.Errorf("a key or bucket name holds %q:\n%s", s, all)
		}
	}
}

// TestSealedBeforeVersions opens a database sealed by a weekfit whose
// records had no versions: it opens, every record is read, the records get
// versions, and from then on an unversioned value put back is refused.
func TestSealedBeforeVersions(t *testing.T) {
	db, p := sealedDB(t)
	path := db.path
	key, err := unwrapKey(passRecord(t, db), "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	closeChecked(t, db)
	s, err := newSealer(key)
	if err != nil {
		t.Fatal(err)
	}
	var legacy []byte // the profile record as the older weekfit sealed it
	rawBolt(t, path, func(tx *bbolt.Tx) error {
		v := s.begin(tx)
		err := eachRecord(tx, func(b *bbolt.Bucket, where string, k []byte) error {
			plain, err := v.unwrap(where, k, b.Get(k))
			if err != nil {
				return err
			}
			old := append([]byte{formatSealed}, s.sealWith(plain, recordAD(where, k, nil))...)
			if where == "profiles" {
				legacy = old
			}
			return b.Put(k, old)
		})
		if err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Delete(keyVersions)
	})
	db = openAt(t, path, Options{Passphrase: pass("correct horse")})
	if got, err := db.Profile(p.ID); err != nil || got.Name != p.Name {
		t.Fatalf("a database sealed before versions: %+v %v", got, err)
	}
	if _, err := db.Scenario(p.ID); err != nil {
		t.Fatalf("its scenario: %v", err)
	}
	if rec := storedRecord(t, db, p.ID); rec[0] != formatVersioned {
		t.Errorf("the profile record has format %d after the open; want versions", rec[0])
	}
	closeChecked(t, db)
	rawBolt(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(bucketProfiles).Put([]byte(p.ID), legacy) })
	db = openAt(t, path, Options{Passphrase: pass("correct horse")})
	if _, err := db.Profile(p.ID); !errors.Is(err, ErrTampered) {
		t.Errorf("an unversioned record put back: %v; want ErrTampered", err)
	}
}

// TestDeleteInSealedDatabase deletes a profile from a sealed database: the
// rest stays readable after reopening, and the deleted one cannot be put back.
func TestDeleteInSealedDatabase(t *testing.T) {
	db, p := sealedDB(t)
	other, err := db.CreateProfile("me", "", exampleScenario(t))
	if err != nil {
		t.Fatal(err)
	}
	gone := storedRecord(t, db, p.ID)
	if err := db.DeleteProfile(p.ID); err != nil {
		t.Fatal(err)
	}
	path := db.path
	closeChecked(t, db)
	db = openAt(t, path, Options{Passphrase: pass("correct horse")})
	if _, err := db.Scenario(other.ID); err != nil {
		t.Errorf("the other profile after a delete in a sealed database: %v", err)
	}
	closeChecked(t, db)
	rawBolt(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(bucketProfiles).Put([]byte(p.ID), gone) })
	db = openAt(t, path, Options{Passphrase: pass("correct horse")})
	if _, err := db.Profiles(); !errors.Is(err, ErrTampered) {
		t.Errorf("a deleted record put back: %v; want ErrTampered", err)
	}
}
