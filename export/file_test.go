package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFile(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir, path string)
		wantErr string // part of the error; "" for none
	}{
		{"a new file", func(*testing.T, string, string) {}, ""},
		{"replaces a readable file with a private one", func(t *testing.T, _, path string) {
			writeOld(t, path, "old and longer", 0o644)
		}, ""},
		{"a symbolic link is refused", func(t *testing.T, dir, path string) {
			writeOld(t, filepath.Join(dir, "target"), "theirs", 0o644)
			if err := os.Symlink("target", path); err != nil {
				t.Fatal(err)
			}
		}, "is a symbolic link"},
		{"a dangling symbolic link is refused", func(t *testing.T, dir, path string) {
			if err := os.Symlink(filepath.Join(dir, "nowhere"), path); err != nil {
				t.Fatal(err)
			}
		}, "is a symbolic link"},
		{"a folder is refused", func(t *testing.T, _, path string) {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		}, "is not a regular file"},
		{"a missing folder", func(t *testing.T, dir, _ string) {
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
		}, "no such file or directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "d")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "plan.ics")
			tc.setup(t, dir, path)
			err := WriteFile(path, []byte("new"))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || strings.Count(err.Error(), path) != 1 {
					t.Fatalf("error %v, want one naming %s once and saying %q", err, path, tc.wantErr)
				}
				if b, rerr := os.ReadFile(filepath.Join(dir, "target")); rerr == nil && string(b) != "theirs" {
					t.Errorf("the link's target now holds %q", b)
				}
				if strings.Contains(tc.name, "link") {
					if fi, lerr := os.Lstat(path); lerr != nil || fi.Mode()&os.ModeSymlink == 0 {
						t.Errorf("the link is no longer there: %v", lerr)
					}
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				fi, err := os.Lstat(path)
				if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o600 {
					t.Fatalf("wrote %v (%v), want a regular file with mode 0600", fi.Mode(), err)
				}
				if b, _ := os.ReadFile(path); string(b) != "new" {
					t.Errorf("content %q, want new", b)
				}
			}
			noTemporaryFiles(t, dir)
		})
	}
}

func writeOld(t *testing.T, path, data string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

// noTemporaryFiles fails when a write left a temporary file behind.
func noTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("a temporary file is left: %s", e.Name())
		}
	}
}
