package store

import (
	"bytes"
	"path/filepath"

	"go.etcd.io/bbolt"
)

// use runs fn with the database open. A database opened with Options.Idle
// is opened (lock file, then file) for fn alone and closed after it, so
// other weekfits can use the file in between; the unlocked key of a sealed
// database stays in memory. exclusive asks that no other call of this DB
// runs at the same time (a rewrite replaces db.bolt).
func (db *DB) use(exclusive bool, doing string, fn func() error) error {
	if !db.idle {
		if exclusive {
			db.mu.Lock()
			defer db.mu.Unlock()
		} else {
			db.mu.RLock()
			defer db.mu.RUnlock()
		}
		if db.bolt == nil {
			return failf(ErrInvalid, "%s: the database is closed", doing)
		}
		return fn()
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed {
		return failf(ErrInvalid, "%s: the database is closed", doing)
	}
	lock, err := takeLock(db.file, db.path, db.timeout)
	if err != nil {
		return err
	}
	defer releaseLock(lock)
	b, err := openBolt(db.file, db.timeout)
	if err != nil {
		return err
	}
	db.bolt = b
	defer db.park()
	if key, err := db.keyRecord(); err != nil {
		return err
	} else if !bytes.Equal(key, db.keyRec) {
		return failf(ErrWrongPassphrase, "%s: the passphrase of %s was set, changed or removed in another weekfit window; quit weekfit and open it again", doing, filepath.Base(db.path))
	}
	err = fn()
	// Only this DB could have changed the passphrase record since the check.
	if key, kerr := db.keyRecord(); kerr == nil {
		db.keyRec = key
	}
	return err
}

// keyRecord reads the passphrase record (nil when the database has none).
func (db *DB) keyRecord() ([]byte, error) {
	var key []byte
	err := guard(db.path, func() error {
		return db.bolt.View(func(tx *bbolt.Tx) error {
			if meta := tx.Bucket(bucketMeta); meta != nil {
				key = bytes.Clone(meta.Get(keyLock))
			}
			return nil
		})
	})
	return key, err
}

// park closes the file of an idle database after a read or write (a
// rewrite may have replaced db.bolt, so it closes whatever is there).
func (db *DB) park() {
	if db.bolt != nil {
		_ = db.bolt.Close()
		db.bolt = nil
	}
}

// idleAfterOpen lets go of the file and the lock once Open has checked and
// set up the database, when the caller asked for an idle database.
func (db *DB) idleAfterOpen() error {
	key, err := db.keyRecord()
	if err != nil {
		return err
	}
	db.keyRec = key
	db.idle = true
	db.park()
	releaseLock(db.lock)
	db.lock = nil
	return nil
}
