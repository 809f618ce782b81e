package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutRefusesSymlinks runs export-plan and export with --out at a
// symbolic link: both refuse, and the file the link points to is untouched.
func TestOutRefusesSymlinks(t *testing.T) {
	db, _, _ := exportDB(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere.txt")
	if err := os.WriteFile(target, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "out")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	code, _, msg := runExportPlan(t, db, "Jordan", "--format", "md", "--out", link)
	if code != exitOther || !strings.Contains(msg, "is a symbolic link") {
		t.Errorf("export-plan: exit %d %q, want 1 and a sentence about the link", code, msg)
	}
	r := runDB(t, db, nil, "", "export", "Jordan", "--out", link)
	if r.code != exitOther || !strings.Contains(r.stderr, "is a symbolic link") {
		t.Errorf("export: exit %d %q, want 1 and a sentence about the link", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep me" {
		t.Errorf("the link's target now holds %q", b)
	}
	// A regular file is replaced, private.
	file := filepath.Join(dir, "me.json")
	if err := os.WriteFile(file, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runDB(t, db, nil, "", "export", "Jordan", "--out", file); r.code != exitOK {
		t.Fatalf("export to a file: exit %d %s", r.code, r.stderr)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 || fi.Size() < 10 {
		t.Errorf("export replaced the file as %v (%v), want a private file with the profile", fi.Mode(), err)
	}
}
