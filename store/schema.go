package store

import (
	"encoding/binary"
	"fmt"
	"os"

	"go.etcd.io/bbolt"
)

// Bucket names and meta keys: fixed words, never anything about a person.
var (
	bucketMeta      = []byte("meta")
	bucketProfiles  = []byte("profiles")  // profile id -> profileRec
	bucketScenarios = []byte("scenarios") // profile id -> scenarioRec
	bucketPlans     = []byte("plans")     // profile id -> bucket of plan id -> planRec
	bucketCatalog   = []byte("catalog")   // random id -> catalogRec

	keyMagic  = []byte("magic")
	keySchema = []byte("schema")
	keyLock   = []byte("passphrase") // keyRecord, present when a passphrase is set
)

// magic marks a bbolt file as weekfit's.
const magic = "weekfit database"

// SchemaVersion is the layout this weekfit writes. Version 1 had no catalog.
const SchemaVersion = 2

// maxSchema bounds the schema versions any weekfit could write; a larger
// one is damage, not a newer weekfit.
const maxSchema = 1 << 16

// migration moves a database from schema version from to from+1.
type migration struct {
	from int
	what string
	run  func(tx *bbolt.Tx) error
}

// migrations, in order; each runs in the one upgrade transaction.
var migrations = []migration{
	{from: 1, what: "add the program catalog", run: func(tx *bbolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucketCatalog)
		return err
	}},
}

// setup checks the meta bucket, creates it in a new file, unlocks a sealed
// database and runs the migrations an older file needs.
func (db *DB) setup(existed bool, opt Options) error {
	var schema uint64
	var lock []byte
	fresh, versioned := false, false
	err := guard(db.path, func() error {
		return db.bolt.View(func(tx *bbolt.Tx) error {
			meta := tx.Bucket(bucketMeta)
			if meta == nil {
				err := tx.ForEach(func([]byte, *bbolt.Bucket) error { return errStop })
				if err != nil {
					return failf(ErrNotWeekfit, "%s is a database of another program, not weekfit's; weekfit left it as it is. Give weekfit's database with --db PATH", db.path)
				}
				fresh = true
				return nil
			}
			if string(meta.Get(keyMagic)) != magic {
				return failf(ErrNotWeekfit, "%s is not a weekfit database (its meta data is not weekfit's); weekfit left it as it is", db.path)
			}
			if v := meta.Get(keySchema); len(v) == 8 {
				schema = binary.BigEndian.Uint64(v)
			}
			lock = append([]byte(nil), meta.Get(keyLock)...)
			versioned = meta.Get(keyVersions) != nil
			return nil
		})
	})
	if err != nil {
		return err
	}
	if fresh {
		return explainWrite(guard(db.path, func() error { return db.bolt.Update(initSchema) }), "create the database", db.path)
	}
	if schema > maxSchema {
		return failf(ErrTampered, "%s is damaged (its schema version %d is impossible); weekfit left it as it is. Restore it from a backup", db.path, schema)
	}
	if schema > SchemaVersion {
		return failf(ErrNewerSchema, "%s was written by a newer weekfit (schema %d; this one reads up to %d); weekfit left it as it is. Install the newer weekfit to open it", db.path, schema, SchemaVersion)
	}
	if schema < 1 {
		return failf(ErrNotWeekfit, "%s has no schema version, so weekfit cannot tell how to read it; weekfit left it as it is", db.path)
	}
	if len(lock) > 0 {
		if err := db.unlock(lock, opt.Passphrase); err != nil {
			return err
		}
		if !versioned {
			if err := db.addVersions(); err != nil {
				return err
			}
		}
	}
	if schema < SchemaVersion {
		return db.migrate(int(schema))
	}
	return nil
}

// errStop ends a ForEach early.
var errStop = fmt.Errorf("stop")

func initSchema(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketMeta, bucketProfiles, bucketScenarios, bucketPlans, bucketCatalog} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	meta := tx.Bucket(bucketMeta)
	if err := meta.Put(keyMagic, []byte(magic)); err != nil {
		return err
	}
	return putSchema(tx, SchemaVersion)
}

func putSchema(tx *bbolt.Tx, v int) error {
	return tx.Bucket(bucketMeta).Put(keySchema, binary.BigEndian.AppendUint64(nil, uint64(v)))
}

// BackupPathBeforeUpgrade is where Open keeps a copy of a database before it
// upgrades it from schema version from.
func BackupPathBeforeUpgrade(path string, from int) string {
	return fmt.Sprintf("%s.schema%d.bak", path, from)
}

// addVersions seals every record of a database sealed before records had
// versions again, with versions, so that from now on a record put back from
// an older copy is refused.
func (db *DB) addVersions() error {
	return db.update("give the sealed records versions", func(tx *bbolt.Tx, s *sealer) error {
		next := s.fresh(tx)
		if err := reseal(tx, s, next); err != nil {
			return err
		}
		return next.flush()
	})
}

// migrate copies the file aside, then runs every migration from schema
// version from in one transaction. Once the upgraded file is checked, the
// copy is removed: it would keep profiles deleted later, or records
// unsealed, around.
func (db *DB) migrate(from int) error {
	backup := BackupPathBeforeUpgrade(db.file, from)
	err := db.update("upgrade the database", func(tx *bbolt.Tx, _ *sealer) error {
		if err := tx.CopyFile(backup, 0o600); err != nil {
			return fmt.Errorf("keep a copy at %s before upgrading: %w", backup, err)
		}
		if err := syncFile(backup); err != nil {
			return fmt.Errorf("keep a copy at %s before upgrading: %w", backup, err)
		}
		for _, m := range migrations {
			if m.from < from {
				continue
			}
			if err := m.run(tx); err != nil {
				return fmt.Errorf("upgrade from schema %d (%s): %w", m.from, m.what, err)
			}
		}
		return putSchema(tx, SchemaVersion)
	})
	if err != nil {
		return err
	}
	if err := db.view(verifyUpgrade); err != nil {
		return fmt.Errorf("check the upgraded database (the copy from before is kept at %s): %w", backup, err)
	}
	return os.Remove(backup)
}

// verifyUpgrade checks an upgraded database: bbolt's own check, the schema
// version, and every record readable.
func verifyUpgrade(tx *bbolt.Tx, s *sealer) error {
	for err := range tx.Check() {
		return err
	}
	if v := tx.Bucket(bucketMeta).Get(keySchema); len(v) != 8 || binary.BigEndian.Uint64(v) != SchemaVersion {
		return fmt.Errorf("the schema version is not %d", SchemaVersion)
	}
	return readAll(tx, s)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
