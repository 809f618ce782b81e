package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// lockSuffix names the lock file beside the database. It is never removed:
// removing it would let two weekfits lock two different files of one name.
const lockSuffix = ".lock"

// Names of files a weekfit killed mid-way may leave beside the database: a
// rewrite not yet put in place, an older weekfit's rewrite, a new database
// not yet linked into place.
var leftoverInfixes = []string{".rewrite-", ".tmp-", ".new-"}

// takeLock opens (creating it, 0600) the lock file beside file and locks it,
// waiting up to timeout for another weekfit to let go of it. shown is the
// path as the user gave it, for the message.
func takeLock(file, shown string, timeout time.Duration) (*os.File, error) {
	f, err := os.OpenFile(file+lockSuffix, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, explainWrite(err, "open the lock file beside the database", file+lockSuffix)
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		got, err := tryLock(f)
		if err != nil {
			_ = f.Close()
			return nil, explainWrite(err, "lock the database", file+lockSuffix)
		}
		if got {
			return f, nil
		}
		poll := time.After(5 * time.Millisecond)
		select {
		case <-timer.C:
			_ = f.Close()
			return nil, failf(ErrLocked, "%s is open in another weekfit window (waited %v for it to finish); close weekfit there (or wait for it to finish) and try again, or give another database with --db PATH", filepath.Base(shown), timeout)
		case <-poll:
		}
	}
}

// releaseLock unlocks and closes the lock file (closing alone would unlock it).
func releaseLock(f *os.File) {
	_ = unlockFile(f)
	_ = f.Close()
}

// followLink returns the file a symbolic link at path points to, so that a
// rewrite replaces that file and the link stays a link; any other path is
// returned as it is.
func followLink(path string) (string, error) {
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", failf(ErrInvalid, "%s is a link to a file that does not exist; fix the link, or give the database's own path with --db PATH", path)
	}
	if err != nil {
		return "", failf(ErrInvalid, "%s is a link that cannot be followed (%v); give the database's own path with --db PATH", path, err)
	}
	return target, nil
}

// removeLeftovers removes what a killed weekfit left beside file (it runs
// with the lock held, so nobody is writing them), and returns the copies an
// upgrade kept (file.schemaN.bak), for Open to remove once the database is
// open and current.
func removeLeftovers(file string) (upgradeCopies []string) {
	dir, base := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), base)
		if !ok || e.IsDir() {
			continue
		}
		full := filepath.Join(dir, e.Name())
		if strings.HasPrefix(rest, ".schema") && strings.HasSuffix(rest, ".bak") {
			upgradeCopies = append(upgradeCopies, full)
			continue
		}
		for _, in := range leftoverInfixes {
			if strings.HasPrefix(rest, in) {
				_ = os.Remove(full)
			}
		}
	}
	return upgradeCopies
}
