package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes data to path with mode 0600, creating the file or
// replacing it, atomically: the data goes into a temporary file beside path,
// is synced, and is then renamed over path, so a full disk or a crash leaves
// either the old file whole or the new one. It never writes through a
// symbolic link: a link at path is refused with a sentence, as is anything
// else that is not a regular file (a rename replaces a link that appears
// after the check, never the file it points to).
func WriteFile(path string, data []byte) error {
	fi, err := os.Lstat(path)
	switch {
	case err == nil && fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link, and weekfit does not write through links; give the path of the file itself", path)
	case err == nil && !fi.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file; give the path of a file to write", path)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".weekfit-*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	werr := fill(tmp, data)
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, unwrapLink(unwrapPath(werr)))
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable; a folder that cannot be synced
// (some file systems refuse) is left as it is, since the file is already whole.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// unwrapLink drops the paths an *os.LinkError repeats.
func unwrapLink(err error) error {
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
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
		err := writePrivate(path, data)
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

// writePrivate creates path with mode 0600 only when no file has that name,
// writes data and syncs it; a file it created and could not fill is removed.
// Errors do not repeat the path.
func writePrivate(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return unwrapPath(err)
	}
	if err := fill(f, data); err != nil {
		os.Remove(path)
		return unwrapPath(err)
	}
	return nil
}

// fill makes f private (0600), writes data, syncs it to the disk and closes
// it; the first error wins, and f is closed either way.
func fill(f *os.File, data []byte) error {
	err := f.Chmod(0o600)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
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
