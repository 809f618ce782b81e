package store

import (
	"fmt"
	"os"
	"path/filepath"

	"go.etcd.io/bbolt"
)

// rewriteInfix names a rewrite's new file until it is put in place
// (DB.file + rewriteInfix + a random id); Open removes any left behind.
const rewriteInfix = ".rewrite-"

// A change is what a rewrite applies: it changes tx (which is never
// committed) and returns the sealer, for that transaction, of the new file:
// s itself, or another one when the change seals the records anew.
type change func(tx *bbolt.Tx, s *sealer) (next *sealer, err error)

// rewrite applies fn to the database as a new file and puts that file in
// place of the old one. The old file is never written: fn runs in a write
// transaction that is rolled back, and what that transaction sees is copied
// into the new file, which is written completely and synced, with its
// folder, before it is renamed over the old one. So a crash or a full disk
// leaves the old database as it was (and at most a file that the next Open
// removes), and once the rename is done nothing of the old file remains:
// not deleted records, not unsealed ones, not an old key. The lock file,
// held since Open, keeps every other weekfit out for the whole time.
// Copies kept before an upgrade are removed with the old file.
func (db *DB) rewrite(doing string, fn change) error {
	err := db.use(true, doing, func() error { return db.rewriteOpen(doing, fn) })
	if err == nil {
		db.own.Add(1)
	}
	return err
}

// rewriteOpen is rewrite once the database is open and no one else uses it.
func (db *DB) rewriteOpen(doing string, fn change) error {
	tmp := db.file + rewriteInfix + newID()
	var next *sealer
	err := guard(db.path, func() error {
		var err error
		next, err = db.writeCopy(tmp, fn)
		return err
	})
	if err != nil {
		_ = os.Remove(tmp)
		return explainWrite(err, doing, db.path)
	}
	if err := db.bolt.Close(); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("%s: close the database to replace it: %w", doing, err)
	}
	db.bolt = nil
	if err := os.Rename(tmp, db.file); err != nil {
		_ = os.Remove(tmp)
		b, oerr := openBolt(db.file, db.timeout)
		if oerr != nil {
			return fmt.Errorf("%s: nothing was changed, but the database could not be opened again (%v); start weekfit again", doing, oerr)
		}
		db.bolt = b
		return explainWrite(err, doing, db.path)
	}
	syncDir(filepath.Dir(db.file))
	for _, f := range removeLeftovers(db.file) {
		_ = os.Remove(f)
	}
	db.seal = next.base()
	b, err := openBolt(db.file, db.timeout)
	if err != nil {
		return fmt.Errorf("%s: done, but the database could not be opened again (%v); start weekfit again", doing, err)
	}
	db.bolt = b
	return nil
}

// writeCopy writes the database, changed by fn, to the new file tmp, synced.
func (db *DB) writeCopy(tmp string, fn change) (*sealer, error) {
	src, err := db.bolt.Begin(true)
	if err != nil {
		return nil, err
	}
	defer func() { _ = src.Rollback() }()
	if _, err := bumpChanges(src); err != nil {
		return nil, err
	}
	next, err := fn(src, db.seal.begin(src))
	if err != nil {
		return nil, err
	}
	if err := next.flush(); err != nil {
		return nil, err
	}
	dst, err := bbolt.Open(tmp, 0o600, &bbolt.Options{Timeout: db.timeout})
	if err != nil {
		return nil, err
	}
	err = dst.Update(func(tx *bbolt.Tx) error { return copyTx(tx, src) })
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o600)
	}
	if err == nil {
		err = syncFile(tmp)
	}
	if err == nil {
		err = syncDirErr(filepath.Dir(tmp))
	}
	return next, err
}

// copyTx copies every bucket of src into dst, packing its pages full.
func copyTx(dst, src *bbolt.Tx) error {
	return src.ForEach(func(name []byte, b *bbolt.Bucket) error {
		d, err := dst.CreateBucket(name)
		if err != nil {
			return err
		}
		return copyBucket(d, b)
	})
}

func copyBucket(dst, src *bbolt.Bucket) error {
	dst.FillPercent = 1.0 // keys arrive in order
	return src.ForEach(func(k, v []byte) error {
		if v != nil {
			return dst.Put(k, v)
		}
		d, err := dst.CreateBucket(k)
		if err != nil {
			return err
		}
		return copyBucket(d, src.Bucket(k))
	})
}

// syncDir makes a rename in dir durable; where a folder cannot be synced the
// rename is still done, so errors are ignored.
func syncDir(dir string) {
	_ = syncDirErr(dir)
}

// syncDirErr syncs a folder, reporting a failure to write (a full disk)
// but not a folder that cannot be synced at all.
func syncDirErr(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !os.IsPermission(err) {
		return explainWrite(err, "sync the folder "+dir, dir)
	}
	return nil
}
