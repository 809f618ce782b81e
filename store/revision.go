package store

import (
	"encoding/binary"
	"errors"

	"go.etcd.io/bbolt"

	"weekfit/planner"
)

// ErrStale means a save was made from a week that another weekfit has
// changed since it was read; nothing was saved.
var ErrStale = errors.New("changed in another weekfit window")

var (
	// keyChanges is the meta key of the database's change counter, which
	// every write transaction raises by one.
	keyChanges = []byte("changes")
	// bucketRevisions maps a profile id to the change counter of the write
	// that last saved its scenario (absent: 0).
	bucketRevisions = []byte("revisions")
)

func getUint(b *bbolt.Bucket, key []byte) uint64 {
	if b == nil {
		return 0
	}
	if v := b.Get(key); len(v) == 8 {
		return binary.BigEndian.Uint64(v)
	}
	return 0
}

func putUint(b *bbolt.Bucket, key []byte, n uint64) error {
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], n)
	return b.Put(key, v[:])
}

// bumpChanges raises the change counter in a write transaction and returns
// its new value.
func bumpChanges(tx *bbolt.Tx) (uint64, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, nil
	}
	n := getUint(meta, keyChanges) + 1
	return n, putUint(meta, keyChanges, n)
}

// setRevision records that the profile's scenario was saved by this write.
func setRevision(tx *bbolt.Tx, id string) error { return stamp(tx, []byte(id)) }

// Changes returns the database's change counter: every write by any weekfit
// raises it, so a caller that remembers it can tell, with one short read,
// whether anything changed since.
func (db *DB) Changes() (uint64, error) {
	var n uint64
	err := db.view(func(tx *bbolt.Tx, _ *sealer) error {
		n = getUint(tx.Bucket(bucketMeta), keyChanges)
		return nil
	})
	return n, err
}

// ForeignWrites returns how many writes other weekfits (or other DB
// values) made to the database since Open: it is 0 after Open, moves when
// another writes, and stays when this DB writes. A caller polls it to learn
// that what it shows was changed elsewhere.
func (db *DB) ForeignWrites() (uint64, error) {
	var n uint64
	err := db.view(func(tx *bbolt.Tx, _ *sealer) error {
		n = getUint(tx.Bucket(bucketMeta), keyChanges) - db.own.Load() - db.base
		return nil
	})
	return n, err
}

// counterOpen reads the change counter during Open, with the file held.
func (db *DB) counterOpen() (uint64, error) {
	var n uint64
	err := guard(db.path, func() error {
		return db.bolt.View(func(tx *bbolt.Tx) error {
			n = getUint(tx.Bucket(bucketMeta), keyChanges)
			return nil
		})
	})
	return n, err
}

// ScenarioRevision returns a profile's scenario with its revision, which
// SaveScenarioAt checks.
func (db *DB) ScenarioRevision(profileID string) (*planner.Scenario, uint64, error) {
	var sc *planner.Scenario
	var rev uint64
	err := db.view(func(tx *bbolt.Tx, s *sealer) error {
		var err error
		sc, err = readScenario(tx, s, profileID)
		rev = getUint(tx.Bucket(bucketRevisions), []byte(profileID))
		return err
	})
	return sc, rev, err
}

// SaveScenarioAt saves a profile's scenario only if it has not been saved
// since it was read at revision rev (from ScenarioRevision); otherwise it
// saves nothing and returns an error wrapping ErrStale. It returns the new
// revision.
func (db *DB) SaveScenarioAt(profileID string, sc *planner.Scenario, rev uint64) (uint64, error) {
	var next uint64
	err := db.saveScenario(profileID, sc, func(tx *bbolt.Tx) error {
		if getUint(tx.Bucket(bucketRevisions), []byte(profileID)) != rev {
			return failf(ErrStale, "this week was changed in another weekfit window; it has been reloaded — make the change again")
		}
		next = getUint(tx.Bucket(bucketMeta), keyChanges)
		return nil
	})
	return next, err
}
