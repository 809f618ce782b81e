package store

import (
	"bytes"
	"fmt"
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
// is set; new "" removes it. Setting or changing it makes a new data key and
// seals every record with it, so the old passphrase opens nothing in the new
// file and the file holds one wrapped key; removing it unseals every record.
// Each is a rewrite, so no unsealed or old copy stays in the file's free
// space, and a crash or a full disk leaves the database as it was.
func (db *DB) SetPassphrase(old, new string) error {
	var lock []byte
	err := db.view(func(tx *bbolt.Tx, _ *sealer) error {
		lock = append([]byte(nil), tx.Bucket(bucketMeta).Get(keyLock)...)
		return nil
	})
	if err != nil {
		return err
	}
	if len(lock) > 0 {
		if _, err := unwrapKey(lock, old); err != nil {
			return failf(ErrWrongPassphrase, "the current passphrase is wrong, so nothing was changed; check it (letters are case-sensitive) and try again")
		}
	} else if old != "" {
		return failf(ErrWrongPassphrase, "this database has no passphrase yet; leave the current passphrase empty")
	}
	doing := "set the passphrase"
	if len(lock) > 0 && new == "" {
		doing = "remove the passphrase"
	} else if len(lock) > 0 {
		doing = "change the passphrase"
	} else if new == "" {
		return nil
	}
	var to *sealer
	var wrapped []byte
	if new != "" {
		key, err := newDataKey()
		if err == nil {
			wrapped, err = wrapKey(key, new)
		}
		if err == nil {
			to, err = newSealer(key)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", doing, err)
		}
	}
	return db.rewrite(doing, func(tx *bbolt.Tx, s *sealer) (*sealer, error) {
		meta := tx.Bucket(bucketMeta)
		if !bytes.Equal(meta.Get(keyLock), lock) {
			return nil, failf(ErrInvalid, "the passphrase was changed meanwhile, so nothing was changed; open the database again and retry")
		}
		return sealAll(tx, s, to, wrapped)
	})
}

// sealAll seals every record of tx anew with the data key of to (nil:
// plain), with new versions, and stores wrapped as the only passphrase
// record. It returns to's sealer for tx.
func sealAll(tx *bbolt.Tx, from, to *sealer, wrapped []byte) (*sealer, error) {
	meta := tx.Bucket(bucketMeta)
	var next *sealer
	if to != nil {
		next = to.fresh(tx)
	}
	if err := reseal(tx, from, next); err != nil {
		return nil, err
	}
	if next == nil {
		if err := meta.Delete(keyVersions); err != nil {
			return nil, err
		}
		return nil, meta.Delete(keyLock)
	}
	return next, meta.Put(keyLock, wrapped)
}

// reseal rewrites every record from sealer from to sealer to (nil: plain).
func reseal(tx *bbolt.Tx, from, to *sealer) error {
	return eachRecord(tx, func(b *bbolt.Bucket, where string, k []byte) error {
		plain, err := from.unwrap(where, k, b.Get(k))
		if err != nil {
			return err
		}
		stored, err := to.wrap(where, k, plain)
		if err != nil {
			return err
		}
		return b.Put(k, stored)
	})
}

// readAll opens every record, to check that each can be read.
func readAll(tx *bbolt.Tx, s *sealer) error {
	return eachRecord(tx, func(b *bbolt.Bucket, where string, k []byte) error {
		_, err := s.unwrap(where, k, b.Get(k))
		return err
	})
}

// eachRecord calls fn with the bucket, place and key of every record; fn
// may replace the record's value.
func eachRecord(tx *bbolt.Tx, fn func(b *bbolt.Bucket, where string, k []byte) error) error {
	type place struct {
		b     *bbolt.Bucket
		where string
	}
	places := []place{{tx.Bucket(bucketProfiles), "profiles"}, {tx.Bucket(bucketScenarios), "scenarios"}, {tx.Bucket(bucketCatalog), "catalog"}}
	plans := tx.Bucket(bucketPlans)
	err := plans.ForEach(func(k, v []byte) error {
		if v == nil {
			places = append(places, place{plans.Bucket(k), plansWhere(string(k))})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range places {
		var keys [][]byte
		err := p.b.ForEach(func(k, _ []byte) error {
			keys = append(keys, append([]byte(nil), k...))
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range keys {
			if err := fn(p.b, p.where, k); err != nil {
				return err
			}
		}
	}
	return nil
}
