package store

import (
	"fmt"
	"os"
	"path/filepath"

	"go.etcd.io/bbolt"
)

// unlock asks for the passphrase and opens the data key with it. An error
// from ask is returned as it is.
func (db *DB) unlock(lock []byte, ask func() (string, error)) error {
	if ask == nil {
		return failf(ErrNeedPassphrase, "%s is protected by a passphrase; give the passphrase to open it", filepath.Base(db.path))
	}
	pass, err := ask()
	if err != nil {
		return err // the caller's own sentence
	}
	key, err := unwrapKey(lock, pass)
	if err != nil {
		return err
	}
	s, err := newSealer(key)
	if err != nil {
		return err
	}
	db.seal = s
	return nil
}

// SetPassphrase sets, changes or removes the passphrase. old is "" when none
// is set; new "" removes it. Changing a passphrase re-wraps the data key only;
// setting the first one or removing it reseals every record and then rewrites
// the file so that no unsealed copy stays in its free space.
func (db *DB) SetPassphrase(old, new string) error {
	changed, err := db.setPassphrase(old, new)
	if err != nil || !changed {
		return err
	}
	return db.scrub()
}

func (db *DB) setPassphrase(old, new string) (resealed bool, err error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.bolt == nil {
		return false, failf(ErrInvalid, "the database is closed")
	}
	var lock []byte
	if err := db.bolt.View(func(tx *bbolt.Tx) error {
		lock = append([]byte(nil), tx.Bucket(bucketMeta).Get(keyLock)...)
		return nil
	}); err != nil {
		return false, err
	}
	var key []byte
	if len(lock) > 0 {
		if key, err = unwrapKey(lock, old); err != nil {
			return false, failf(ErrWrongPassphrase, "the current passphrase is wrong, so nothing was changed; check it (letters are case-sensitive) and try again")
		}
	} else if old != "" {
		return false, failf(ErrWrongPassphrase, "this database has no passphrase yet; leave the current passphrase empty")
	}
	switch {
	case len(lock) > 0 && new != "":
		wrapped, err := wrapKey(key, new)
		if err != nil {
			return false, err
		}
		err = db.bolt.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyLock, wrapped) })
		return false, explainWrite(err, "change the passphrase", db.path)
	case len(lock) > 0:
		err = db.bolt.Update(func(tx *bbolt.Tx) error {
			if err := reseal(tx, db.seal, nil); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Delete(keyLock)
		})
		if err != nil {
			return false, explainWrite(err, "remove the passphrase", db.path)
		}
		db.seal = nil
		return true, nil
	case new != "":
		return db.firstPassphrase(new)
	}
	return false, nil
}

// firstPassphrase makes a data key, wraps it and seals every record with it.
func (db *DB) firstPassphrase(pass string) (bool, error) {
	key, err := newDataKey()
	if err != nil {
		return false, err
	}
	wrapped, err := wrapKey(key, pass)
	if err != nil {
		return false, err
	}
	s, err := newSealer(key)
	if err != nil {
		return false, err
	}
	err = db.bolt.Update(func(tx *bbolt.Tx) error {
		if err := reseal(tx, nil, s); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyLock, wrapped)
	})
	if err != nil {
		return false, explainWrite(err, "set the passphrase", db.path)
	}
	db.seal = s
	return true, nil
}

// reseal rewrites every record from sealer from to sealer to (nil: plain).
func reseal(tx *bbolt.Tx, from, to *sealer) error {
	type place struct {
		b     *bbolt.Bucket
		where string
	}
	places := []place{{tx.Bucket(bucketProfiles), "profiles"}, {tx.Bucket(bucketScenarios), "scenarios"}, {tx.Bucket(bucketCatalog), "catalog"}}
	plans := tx.Bucket(bucketPlans)
	if err := plans.ForEach(func(k, v []byte) error {
		if v == nil {
			places = append(places, place{plans.Bucket(k), plansWhere(string(k))})
		}
		return nil
	}); err != nil {
		return err
	}
	for _, p := range places {
		var keys [][]byte
		if err := p.b.ForEach(func(k, _ []byte) error {
			keys = append(keys, append([]byte(nil), k...))
			return nil
		}); err != nil {
			return err
		}
		for _, k := range keys {
			plain, err := from.unwrap(p.where, k, p.b.Get(k))
			if err != nil {
				return err
			}
			if err := p.b.Put(k, to.wrap(p.where, k, plain)); err != nil {
				return err
			}
		}
	}
	return nil
}

// scrub rewrites the database into a new file holding only live records, then
// puts it in place of the old one, so that deleted or unsealed data does not
// linger in the file's free pages.
func (db *DB) scrub() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.bolt == nil {
		return failf(ErrInvalid, "the database is closed")
	}
	tmp := db.path + ".tmp-" + newID()
	dst, err := bbolt.Open(tmp, 0o600, &bbolt.Options{Timeout: db.timeout})
	if err != nil {
		return explainWrite(err, "rewrite the database without deleted data", tmp)
	}
	err = bbolt.Compact(dst, db.bolt, 64<<20)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncFile(tmp)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return explainWrite(err, "rewrite the database without deleted data (the change itself is saved)", tmp)
	}
	if err := db.bolt.Close(); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("close the database to rewrite it: %w", err)
	}
	db.bolt = nil
	renameErr := os.Rename(tmp, db.path)
	if renameErr != nil {
		_ = os.Remove(tmp)
	} else {
		syncDir(filepath.Dir(db.path))
	}
	b, err := openBolt(db.path, db.timeout)
	if err != nil {
		return err
	}
	db.bolt = b
	return explainWrite(renameErr, "put the rewritten database in place (the change itself is saved)", db.path)
}

// syncDir makes a rename in dir durable; where a folder cannot be synced the
// rename is still done, so errors are ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
