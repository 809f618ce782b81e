package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// prepareDir creates the database's folder (0700) when missing, and warns when
// an existing folder lets other users look inside.
func prepareDir(path string, warnings *[]string) error {
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return explainWrite(err, "create the folder "+dir, dir)
		}
		return os.Chmod(dir, 0o700)
	}
	if err != nil {
		return fmt.Errorf("look at the folder %s: %w", dir, err)
	}
	if !fi.IsDir() {
		return failf(ErrInvalid, "%s is not a folder; give the database a path inside a folder", dir)
	}
	*warnings = append(*warnings, dirWarnings(dir, fi.Mode())...)
	return nil
}

// dirWarnings checks the database's folder. Weekfit's own folder must be
// private; any other folder (given with --db) only must not let others
// replace the file. A shared folder with the sticky bit (like /tmp) is
// meant to be used by all.
func dirWarnings(dir string, mode fs.FileMode) []string {
	if mode&fs.ModeSticky != 0 {
		return nil
	}
	if mode.Perm()&0o022 != 0 {
		return []string{fmt.Sprintf("other users of this computer can change files in %s; to fix it run: chmod 700 %s", dir, dir)}
	}
	if mode.Perm()&0o077 != 0 && filepath.Base(dir) == "weekfit" {
		return []string{fmt.Sprintf("other users of this computer can look inside %s; to fix it run: chmod 700 %s", dir, dir)}
	}
	return nil
}

// checkFile looks at an existing file before bbolt does: bbolt makes an empty
// database of a 0-byte file and panics on a file cut mid-way. It reports
// whether the file exists.
func checkFile(path string, warnings *[]string) (bool, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("look at %s: %w", path, err)
	}
	if fi.IsDir() {
		return true, failf(ErrNotWeekfit, "%s is a folder, not a weekfit database; give the path of a file", path)
	}
	if fi.Size() == 0 {
		return true, failf(ErrNotWeekfit, "%s is empty (0 bytes), so it is not a weekfit database; weekfit left it as it is. Move it away to start a new database there, or restore it from a backup", path)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		*warnings = append(*warnings, fmt.Sprintf("other users of this computer can read %s; to fix it run: chmod 600 %s", path, path))
	}
	f, err := os.Open(path)
	if err != nil {
		return true, explainWrite(err, "read "+path, path)
	}
	defer f.Close()
	return true, checkHeader(f, fi.Size(), path)
}

// boltMeta is the part of a bbolt meta page the check needs.
type boltMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	pgid     uint64
	txid     uint64
}

const (
	boltMagic    = 0xED0CDAED
	boltVersion  = 2
	metaOffset   = 16 // the page header before the meta
	metaSumBytes = 56 // bytes covered by the checksum
)

// readMeta reads the meta page at off and reports whether it is valid.
func readMeta(r io.ReaderAt, off int64) (boltMeta, bool) {
	buf := make([]byte, metaSumBytes+8)
	if _, err := r.ReadAt(buf, off+metaOffset); err != nil {
		return boltMeta{}, false
	}
	le := binary.LittleEndian
	if le.Uint32(buf[0:]) != boltMagic || le.Uint32(buf[4:]) != boltVersion {
		return boltMeta{}, false
	}
	h := fnv.New64a()
	h.Write(buf[:metaSumBytes])
	if h.Sum64() != le.Uint64(buf[metaSumBytes:]) {
		return boltMeta{}, false
	}
	m := boltMeta{pageSize: le.Uint32(buf[8:]), root: le.Uint64(buf[16:]), freelist: le.Uint64(buf[32:]),
		pgid: le.Uint64(buf[40:]), txid: le.Uint64(buf[48:])}
	if m.pageSize < 512 || m.pageSize > 1<<20 || m.pageSize&(m.pageSize-1) != 0 {
		return boltMeta{}, false
	}
	if m.root >= m.pgid || (m.freelist >= m.pgid && m.freelist != ^uint64(0)) {
		return boltMeta{}, false
	}
	return m, true
}

// checkHeader refuses a file whose meta pages are not bbolt's, or that is
// shorter than its newest meta page says.
func checkHeader(r io.ReaderAt, size int64, path string) error {
	m0, ok0 := readMeta(r, 0)
	var m1 boltMeta
	ok1 := false
	sizes := []int64{4096, 8192, 16384, 65536}
	if ok0 {
		sizes = []int64{int64(m0.pageSize)}
	}
	for _, ps := range sizes {
		if m1, ok1 = readMeta(r, ps); ok1 {
			break
		}
	}
	if !ok0 && !ok1 {
		return failf(ErrNotWeekfit, "%s is not a weekfit database (it is not a bbolt file, or both of its header pages are damaged); weekfit left it as it is. Give the right file with --db PATH, or restore it from a backup", path)
	}
	m := m0
	if !ok0 || (ok1 && m1.txid > m0.txid) {
		m = m1
	}
	if need := int64(m.pgid) * int64(m.pageSize); size < need {
		return failf(ErrNotWeekfit, "%s is cut short (%d bytes of at least %d): it may be a partial copy or the disk may be failing; weekfit left it as it is. Restore it from a backup", path, size, need)
	}
	return nil
}

// openBolt opens the file with bbolt, turning its errors and panics into sentences.
// A damaged page that bbolt reads while opening gives ErrTampered (exit 1
// on the command line), as damage found later does.
func openBolt(path string, timeout time.Duration) (db *bbolt.DB, err error) {
	old := debug.SetPanicOnFault(true)
	defer func() {
		debug.SetPanicOnFault(old)
		if r := recover(); r != nil {
			db = nil
			err = failf(ErrTampered, "%s is damaged and cannot be read; weekfit left it as it is. Restore it from a backup", path)
		}
	}()
	db, err = bbolt.Open(path, 0o600, &bbolt.Options{Timeout: timeout})
	if err == nil {
		return db, nil
	}
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, failf(ErrLocked, "%s is open in another weekfit window; close weekfit there (or wait for it to finish) and try again, or give another database with --db PATH", filepath.Base(path))
	}
	if errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrChecksum) || errors.Is(err, berrors.ErrVersionMismatch) {
		return nil, failf(ErrNotWeekfit, "%s is not a weekfit database or is damaged (%v); weekfit left it as it is", path, err)
	}
	return nil, explainWrite(err, "open "+path, path)
}

// explainWrite turns a full disk or a read-only file into a sentence that says
// what to do. Other errors are wrapped with what was being done.
func explainWrite(err error, doing, path string) error {
	if err == nil {
		return nil
	}
	var se *storeError
	if errors.As(err, &se) {
		return err
	}
	// bbolt wraps some errors with %s, so match their text too.
	msg := err.Error()
	has := func(e syscall.Errno) bool { return errors.Is(err, e) || strings.Contains(msg, e.Error()) }
	switch {
	case has(syscall.ENOSPC), has(syscall.EFBIG), has(syscall.EDQUOT):
		return &storeError{msg: fmt.Sprintf("%s: the disk is full (or the file size limit is reached); nothing was changed. Free some space and try again", doing), kind: ErrCannotWrite, cause: err}
	case has(syscall.EROFS), errors.Is(err, fs.ErrPermission), has(syscall.EACCES):
		return &storeError{msg: fmt.Sprintf("%s: %s cannot be written (the folder or file is read-only); nothing was changed. Check its permissions, or give another database with --db PATH", doing, path), kind: ErrCannotWrite, cause: err}
	}
	return fmt.Errorf("%s: %w", doing, err)
}
