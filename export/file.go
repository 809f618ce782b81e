package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes data to path with mode 0600, creating the file or
// replacing what it held (an existing file's mode is tightened to 0600).
func WriteFile(path string, data []byte) error {
	if err := writePrivate(path, data, os.O_TRUNC); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// WriteNew writes data with mode 0600 to a file in dir named name, or, when
// that exists, name-2, name-3 ... before its extension; it never replaces a
// file. It returns the path written.
func WriteNew(dir, name string, data []byte) (string, error) {
	if fi, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("the folder %s does not exist; type another, or create it first", dir)
	} else if err == nil && !fi.IsDir() {
		return "", fmt.Errorf("%s is a file, not a folder; type a folder", dir)
	}
	ext := filepath.Ext(name)
	base := name[:len(name)-len(ext)]
	for n := 1; n < 1000; n++ {
		path := filepath.Join(dir, name)
		if n > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d%s", base, n, ext))
		}
		err := writePrivate(path, data, os.O_EXCL)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("write %s: %w", path, err)
		}
		return path, nil
	}
	return "", fmt.Errorf("write %s: 999 files of that name are already in %s; move some away", name, dir)
}

// writePrivate is the one writer of files only their owner may read: it
// opens path with os.O_CREATE and mode (os.O_TRUNC to replace a file,
// os.O_EXCL to refuse one), makes it 0600, writes data and syncs it. A file
// it created and could not fill is removed. Errors do not repeat the path.
func writePrivate(path string, data []byte, mode int) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|mode, 0o600)
	if err != nil {
		return unwrapPath(err)
	}
	werr := f.Chmod(0o600)
	if werr == nil {
		_, werr = f.Write(data)
	}
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil && mode&os.O_EXCL != 0 {
		os.Remove(path)
	}
	return unwrapPath(werr)
}

// unwrapPath drops the path a *fs.PathError repeats, so the message names the
// file once: "write DIR/FILE: permission denied".
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
