// Package store keeps weekfit's profiles, scenarios, saved plans and program
// catalog in one local bbolt file, readable by its owner only and, with a
// passphrase, sealed with authenticated encryption. Keys and bucket names hold
// random ids only, never names.
//
// Public methods own their transaction; helpers take a *bbolt.Tx.
package store

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"
)

// Named errors, matched with errors.Is. The errors the store returns carry a
// full sentence; these are what they wrap.
var (
	// ErrNotFound means the profile, plan or scenario asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrLocked means another weekfit holds the database open.
	ErrLocked = errors.New("database open in another weekfit window")
	// ErrWrongPassphrase means the passphrase does not open the database.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrNeedPassphrase means the database has a passphrase and none was given.
	ErrNeedPassphrase = errors.New("passphrase needed")
	// ErrNotWeekfit means the file is not a weekfit database, or is damaged.
	ErrNotWeekfit = errors.New("not a weekfit database")
	// ErrNewerSchema means the file was written by a newer weekfit.
	ErrNewerSchema = errors.New("database written by a newer weekfit")
	// ErrInvalid means a value given to the store is not acceptable, such as an empty name.
	ErrInvalid = errors.New("invalid value")
	// ErrExists means a profile with that name already exists.
	ErrExists = errors.New("already exists")
	// ErrCannotWrite means the disk is full or the file or folder is read-only.
	ErrCannotWrite = errors.New("cannot write the database")
	// ErrTampered means a stored value fails its authentication check.
	ErrTampered = errors.New("stored value fails its check")
)

// storeError is an error with a full sentence for the user that wraps one of
// the named errors (and perhaps a cause).
type storeError struct {
	msg   string
	kind  error
	cause error
}

func (e *storeError) Error() string { return e.msg }

func (e *storeError) Unwrap() []error {
	if e.cause != nil {
		return []error{e.kind, e.cause}
	}
	return []error{e.kind}
}

func failf(kind error, format string, args ...any) error {
	return &storeError{msg: fmt.Sprintf(format, args...), kind: kind}
}

// DefaultTimeout is how long Open (and each read or write of a DB opened
// with Options.Idle) waits for another weekfit to let go of the file: a few
// seconds, as the week grid opens the file for each read and write and a
// command may meet one of them.
const DefaultTimeout = 5 * time.Second

// Options steer Open.
type Options struct {
	// Passphrase is called when the database has a passphrase; nil means none
	// can be given. An error it returns is what Open returns.
	Passphrase func() (string, error)
	// Timeout is how long to wait for another weekfit to close the file; 0 means DefaultTimeout.
	Timeout time.Duration
	// Now is the clock that dates saved records; nil means time.Now.
	Now func() time.Time
	// Idle makes the DB let go of the file and its lock between reads and
	// writes: each opens the file (waiting up to Timeout for another
	// weekfit's write) and closes it again, so other weekfits can use the
	// database while this one waits for its user. The unlocked key of a
	// sealed database stays in memory until Close.
	Idle bool
}

// DB is an open weekfit database.
type DB struct {
	mu       sync.RWMutex // guards bolt and seal, which a rewrite replaces
	bolt     *bbolt.DB
	path     string   // as given, for messages
	file     string   // path with symbolic links followed: the file that is read and rewritten
	lock     *os.File // the lock file beside file, held while the database is open
	timeout  time.Duration
	now      func() time.Time
	seal     *sealer // nil when the database has no passphrase
	warnings []string
	idle     bool // opened with Options.Idle: bolt and lock are held only inside use
	closed   bool
	own      atomic.Uint64 // write transactions this DB committed: each raised the change counter by one
	base     uint64        // the change counter when Open was done
	keyRec   []byte        // idle: the passphrase record this DB's key belongs to
}

// DefaultPath returns where the database lives by default:
// $XDG_DATA_HOME/weekfit/weekfit.db, else ~/.local/share/weekfit/weekfit.db on
// Linux and the BSDs, and the per-user configuration folder elsewhere.
func DefaultPath() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "weekfit", "weekfit.db"), nil
	}
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "plan9":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("find the folder for weekfit's data: %w; give a database with --db PATH", err)
		}
		return filepath.Join(d, "weekfit", "weekfit.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the home folder for weekfit's data: %w; give a database with --db PATH", err)
	}
	return filepath.Join(home, ".local", "share", "weekfit", "weekfit.db"), nil
}

// Open opens the database at path, creating it (and its folder, 0700) when it
// does not exist. A file that is not a weekfit database, is damaged, or was
// written by a newer weekfit is refused and left as it is. Open first takes
// the lock file beside the database (path.lock), which every weekfit holds
// while it has the database open, so that no two can use it at once and none
// can write into a file that a rewrite has replaced.
func Open(path string, opt Options) (*DB, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	db := &DB{path: path, timeout: opt.Timeout, now: opt.Now}
	if err := prepareDir(path, &db.warnings); err != nil {
		return nil, err
	}
	file, err := followLink(path)
	if err != nil {
		return nil, err
	}
	db.file = file
	if db.lock, err = takeLock(file, path, opt.Timeout); err != nil {
		return nil, err
	}
	if err := db.open(opt); err != nil {
		releaseLock(db.lock)
		return nil, err
	}
	if db.base, err = db.counterOpen(); err != nil {
		_ = db.Close()
		return nil, err
	}
	if opt.Idle {
		if err := db.idleAfterOpen(); err != nil {
			_ = db.Close()
			return nil, err
		}
	}
	return db, nil
}

// open does the work of Open once the lock is held.
func (db *DB) open(opt Options) error {
	upgradeCopies := removeLeftovers(db.file)
	existed, err := checkFile(db.file, &db.warnings)
	if err != nil {
		return err
	}
	if !existed {
		if err := createFresh(db.file, opt.Timeout); err != nil {
			return err
		}
	}
	b, err := openBolt(db.file, opt.Timeout)
	if err != nil {
		return err
	}
	db.bolt = b
	if err := db.setup(existed, opt); err != nil {
		_ = b.Close()
		db.bolt = nil
		return err
	}
	// The schema is now current and checked: a copy kept before an upgrade
	// would only keep old (perhaps deleted or unsealed) data around.
	for _, f := range upgradeCopies {
		_ = os.Remove(f)
	}
	return nil
}

// createFresh makes a new database under a temporary name and links it into
// place only once it holds its schema, so that a process killed while
// creating it never leaves an empty file that the next open must refuse. If
// another weekfit created the file first, its file is kept.
func createFresh(path string, timeout time.Duration) error {
	var rnd [8]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return fmt.Errorf("create the database: %w", err)
	}
	tmp := fmt.Sprintf("%s.new-%x", path, rnd)
	defer os.Remove(tmp)
	b, err := openBolt(tmp, timeout)
	if err != nil {
		return err
	}
	err = guard(tmp, func() error { return b.Update(initSchema) })
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o600)
	}
	if err == nil {
		err = syncFile(tmp)
	}
	if err != nil {
		return explainWrite(err, "create the database", path)
	}
	if err := os.Link(tmp, path); err != nil && !errors.Is(err, fs.ErrExist) {
		return explainWrite(err, "create the database", path)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// Close closes the database. It is safe to call more than once.
func (db *DB) Close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.closed = true
	var err error
	if db.bolt != nil {
		err = db.bolt.Close()
		db.bolt = nil
	}
	if db.lock != nil {
		releaseLock(db.lock)
		db.lock = nil
	}
	if err != nil {
		return fmt.Errorf("close %s: %w", db.path, err)
	}
	return nil
}

// Path returns the file the database is in.
func (db *DB) Path() string { return db.path }

// Warnings returns sentences the caller should show, such as a file that
// other users can read and how to fix it.
func (db *DB) Warnings() []string { return append([]string(nil), db.warnings...) }

// HasPassphrase reports whether the database is sealed with a passphrase.
func (db *DB) HasPassphrase() bool {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.seal != nil
}

// view runs fn in a read transaction.
func (db *DB) view(fn func(tx *bbolt.Tx, s *sealer) error) error {
	return db.use(false, "read the database", func() error {
		return guard(db.path, func() error {
			return db.bolt.View(func(tx *bbolt.Tx) error { return fn(tx, db.seal.begin(tx)) })
		})
	})
}

// guard runs fn and turns a panic into an error: bbolt panics on some damaged
// pages, and a damaged file must give a sentence, not a stack trace. A
// damaged page can also send bbolt to read past the end of the mapped file;
// SetPanicOnFault (which is per goroutine, so it is set here, around the
// reads, and restored after) makes that fault a panic instead of a crash.
// bbolt rolls the transaction back before the panic reaches here.
func guard(path string, fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer func() {
		debug.SetPanicOnFault(old)
		if r := recover(); r != nil {
			err = failf(ErrTampered, "%s is damaged and part of it cannot be read; nothing was changed. Restore it from a backup (weekfit backup makes one)", path)
		}
	}()
	return fn()
}

// update runs fn in a write transaction; doing names the work for errors.
func (db *DB) update(doing string, fn func(tx *bbolt.Tx, s *sealer) error) error {
	err := db.use(false, doing, func() error { return db.updateOpen(doing, fn) })
	if err == nil {
		db.own.Add(1)
	}
	return err
}

// updateOpen is update once the database is open.
func (db *DB) updateOpen(doing string, fn func(tx *bbolt.Tx, s *sealer) error) error {
	err := guard(db.path, func() error {
		return db.bolt.Update(func(tx *bbolt.Tx) error {
			if _, err := bumpChanges(tx); err != nil {
				return err
			}
			s := db.seal.begin(tx)
			if err := fn(tx, s); err != nil {
				return err
			}
			return s.flush()
		})
	})
	return explainWrite(err, doing, db.path)
}

// Backup writes a consistent copy of the database to path (0600), which must
// not exist yet. The copy keeps the passphrase, if any.
func (db *DB) Backup(path string) error {
	if _, err := os.Lstat(path); err == nil {
		return failf(ErrExists, "%s already exists; choose a new file name for the backup", path)
	}
	err := db.view(func(tx *bbolt.Tx, _ *sealer) error {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		if _, err := tx.WriteTo(f); err != nil {
			_ = f.Close()
			_ = os.Remove(path)
			return err
		}
		if err := f.Sync(); err != nil {
			_ = f.Close()
			_ = os.Remove(path)
			return err
		}
		return f.Close()
	})
	return explainWrite(err, "write the backup", path)
}
