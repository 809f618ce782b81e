package store

import (
	"encoding/binary"
	"errors"

	"go.etcd.io/bbolt"
)

// keyVersions is the meta key of the sealed table of record versions.
var keyVersions = []byte("versions")

// versionsAD binds the sealed table to its purpose.
var versionsAD = []byte("weekfit versions v1")

// versions is the table of the version of every sealed record, with the
// counter that gives the next one, as one transaction sees them. The table
// is sealed as a whole in the meta bucket, so one record put back from an
// older copy has an older version than the table says and is refused.
type versions struct {
	tx      *bbolt.Tx
	key     *sealer // seals the table itself
	loaded  bool
	old     bool // the file has no table: its records predate versions
	dirty   bool
	counter uint64
	table   map[string]uint64
}

// begin returns the sealer one transaction uses; nil stays nil.
func (s *sealer) begin(tx *bbolt.Tx) *sealer {
	if s == nil {
		return nil
	}
	base := &sealer{aead: s.aead}
	return &sealer{aead: s.aead, v: &versions{tx: tx, key: base}}
}

// fresh returns a sealer for tx whose table starts empty, to seal every
// record anew (its flush replaces the table in the file).
func (s *sealer) fresh(tx *bbolt.Tx) *sealer {
	t := s.begin(tx)
	t.v.loaded, t.v.dirty, t.v.table = true, true, map[string]uint64{}
	return t
}

// base returns the sealer without a transaction, for the DB to keep.
func (s *sealer) base() *sealer {
	if s == nil {
		return nil
	}
	return &sealer{aead: s.aead}
}

func versionKey(where string, key []byte) string { return where + "\x00" + string(key) }

func (v *versions) load() error {
	if v.loaded {
		return nil
	}
	v.loaded, v.table = true, map[string]uint64{}
	raw := v.tx.Bucket(bucketMeta).Get(keyVersions)
	if raw == nil {
		v.old = true
		return nil
	}
	data, err := v.key.openWith(raw, versionsAD)
	if err == nil {
		err = v.decode(data)
	}
	if err != nil {
		return failf(ErrTampered, "the table of record versions in the database fails its check; it was changed outside weekfit. Restore the database from a backup")
	}
	return nil
}

func (v *versions) decode(data []byte) error {
	if len(data) < 8 {
		return errors.New("short")
	}
	v.counter, data = binary.BigEndian.Uint64(data), data[8:]
	for len(data) > 0 {
		n, k := binary.Uvarint(data)
		if k <= 0 || uint64(len(data)-k) < n+8 {
			return errors.New("bad entry")
		}
		data = data[k:]
		v.table[string(data[:n])] = binary.BigEndian.Uint64(data[n:])
		data = data[n+8:]
	}
	return nil
}

// legacy reports whether the file's sealed records predate versions.
func (v *versions) legacy() (bool, error) {
	err := v.load()
	return v.old, err
}

// of returns the version the table holds for a record.
func (v *versions) of(where string, key []byte) (uint64, error) {
	if err := v.load(); err != nil {
		return 0, err
	}
	n, ok := v.table[versionKey(where, key)]
	if !ok {
		return 0, failf(ErrTampered, "a stored value was not saved by weekfit (the database has no version for it); restore the database from a backup")
	}
	return n, nil
}

// next gives a record the next version.
func (v *versions) next(where string, key []byte) (uint64, error) {
	if err := v.load(); err != nil {
		return 0, err
	}
	v.counter++
	v.table[versionKey(where, key)] = v.counter
	v.dirty = true
	return v.counter, nil
}

// forget drops a deleted record from the table, so that it cannot be put back.
func (s *sealer) forget(where string, key []byte) error {
	if s == nil {
		return nil
	}
	if err := s.v.load(); err != nil {
		return err
	}
	delete(s.v.table, versionKey(where, key))
	s.v.dirty = true
	return nil
}

// flush writes the table back when the transaction changed it.
func (s *sealer) flush() error {
	if s == nil || !s.v.dirty {
		return nil
	}
	data := binary.BigEndian.AppendUint64(nil, s.v.counter)
	for k, n := range s.v.table {
		data = binary.AppendUvarint(data, uint64(len(k)))
		data = append(data, k...)
		data = binary.BigEndian.AppendUint64(data, n)
	}
	s.v.dirty = false
	return s.v.tx.Bucket(bucketMeta).Put(keyVersions, s.v.key.sealWith(data, versionsAD))
}

// deleteRec removes a record and its version.
func deleteRec(b *bbolt.Bucket, s *sealer, where string, key []byte) error {
	if err := b.Delete(key); err != nil {
		return err
	}
	return s.forget(where, key)
}

// deletePlans removes a profile's bucket of plans and their versions.
func deletePlans(tx *bbolt.Tx, s *sealer, profileID string) error {
	b := tx.Bucket(bucketPlans).Bucket([]byte(profileID))
	if b == nil {
		return nil
	}
	err := b.ForEach(func(k, _ []byte) error {
		return s.forget(plansWhere(profileID), k)
	})
	if err != nil {
		return err
	}
	return tx.Bucket(bucketPlans).DeleteBucket([]byte(profileID))
}
