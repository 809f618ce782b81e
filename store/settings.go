package store

import "go.etcd.io/bbolt"

// keyDiscreet, in the meta bucket, is there when discreet mode is on for the
// whole database.
var keyDiscreet = []byte("discreet")

// Discreet reports whether discreet mode is on for the whole database: a
// counselor's setting that keeps every profile discreet, whatever each says.
func (db *DB) Discreet() (bool, error) {
	var on bool
	err := db.view(func(tx *bbolt.Tx, _ *sealer) error {
		on = len(tx.Bucket(bucketMeta).Get(keyDiscreet)) > 0
		return nil
	})
	return on, wrapf(err, "read the discreet setting")
}

// SetDatabaseDiscreet turns discreet mode for the whole database on or off.
func (db *DB) SetDatabaseDiscreet(on bool) error {
	return db.update("save the discreet setting", func(tx *bbolt.Tx, _ *sealer) error {
		meta := tx.Bucket(bucketMeta)
		if on {
			return meta.Put(keyDiscreet, []byte{1})
		}
		return meta.Delete(keyDiscreet)
	})
}
