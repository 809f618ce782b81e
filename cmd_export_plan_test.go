package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseStart(t *testing.T) {
	tests := []struct{ in, today, want, err string }{
		{"", "2026-11-24", "2026-11-30", ""}, // a Tuesday
		{"", "2026-11-30", "2026-12-07", ""}, // a Monday: the next one
		{"", "2026-11-29", "2026-11-30", ""}, // a Sunday
		{"2026-03-04", "2026-11-24", "2026-03-04", ""},
		{"2026-13-01", "2026-11-24", "", `--start: "2026-13-01": month out of range; write the date as YYYY-MM-DD`},
		{"next week", "2026-11-24", "", `--start: "next week": `},
		{"2026-02-30", "2026-11-24", "", `day out of range`},
	}
	for _, tc := range tests {
		got, err := parseStart(tc.in, ymd(tc.today))
		if tc.err != "" {
			var ie inputError
			if err == nil || !strings.Contains(err.Error(), tc.err) || !errors.As(err, &ie) {
				t.Errorf("parseStart(%q) error %v, want an input error holding %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || got.Format("2006-01-02") != tc.want {
			t.Errorf("parseStart(%q) on %s = %s, %v; want %s", tc.in, tc.today, got.Format("2006-01-02"), err, tc.want)
		}
	}
}

func noEnv(string) (string, bool) { return "", false }

func TestExportFlags(t *testing.T) {
	bad := [][]string{
		{"me"}, {"--format", "ics"}, {"me", "--format", "docx"}, {"me", "--format", "md", "--weeks", "-1"},
		{"me", "--format", "md", "--bogus"}, {"a", "b", "--format", "md"},
	}
	for _, args := range bad {
		var ie inputError
		if _, _, err := parseExportFlags(args); !errors.As(err, &ie) {
			t.Errorf("%q: %v, want an input error", args, err)
		}
	}
	ref, f, err := parseExportFlags([]string{"me", "--format", "ics", "--tz", "Europe/Berlin", "--names", "--start", "2026-03-02"})
	if err != nil || ref != "me" || !f.names {
		t.Fatalf("good flags: %q %+v %v", ref, f, err)
	}
	opt, err := f.options(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), noEnv)
	if err != nil || opt.Loc.String() != "Europe/Berlin" || opt.Paper != "a4" || !opt.Names || opt.Start.Format("2006-01-02") != "2026-03-02" {
		t.Errorf("options = %+v, %v", opt, err)
	}
	f.tz = "America/Chicago"
	if opt, err := f.options(time.Now(), noEnv); err != nil || opt.Paper != "letter" {
		t.Errorf("an American zone should default to letter paper: %+v %v", opt, err)
	}
	f.tz = "Mars/Olympus"
	var ie inputError
	if _, err := f.options(time.Now(), noEnv); !errors.As(err, &ie) || !strings.Contains(err.Error(), `--tz: "Mars/Olympus"`) {
		t.Errorf("unknown zone: %v", err)
	}
	f.tz, f.paper = "", "legal"
	if _, err := f.options(time.Now(), func(string) (string, bool) { return "Asia/Tokyo", true }); !errors.As(err, &ie) {
		t.Errorf("legal paper: %v, want an input error", err)
	}
}

func TestMachineZoneFromTZ(t *testing.T) {
	if got := machineZone(func(string) (string, bool) { return ":Europe/Paris", true }); got != "Europe/Paris" {
		t.Errorf("machineZone with TZ=:Europe/Paris = %q", got)
	}
}

func TestWriteExportIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.ics")
	if err := os.WriteFile(path, []byte("old and longer"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeExport(path, []byte("new"), nil); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("content %q, want %q", b, "new")
	}
	var out bytes.Buffer
	if err := writeExport("-", []byte("x"), &out); err != nil || out.String() != "x" {
		t.Errorf("stdout: %q %v", out.String(), err)
	}
	if err := writeExport(filepath.Join(t.TempDir(), "no", "such", "dir"), []byte("x"), nil); err == nil {
		t.Error("writing into a missing folder gave no error")
	}
}

func FuzzParseStart(f *testing.F) {
	for _, s := range []string{"2026-03-02", "2026-13-01", "", "0000-00-00", "2026-02-29", " 2026-03-02 ", "9999-12-31"} {
		f.Add(s)
	}
	today := ymd("2026-11-24")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseStart(s, today)
		if err != nil {
			var ie inputError
			if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "--start: ") {
				t.Fatalf("parseStart(%q): %v, want an input error that names --start", s, err)
			}
			return
		}
		if s != "" && got.Format("2006-01-02") != strings.TrimSpace(s) {
			t.Fatalf("parseStart(%q) = %s", s, got.Format("2006-01-02"))
		}
		if got.Weekday() != time.Monday && s == "" {
			t.Fatalf("default start %s is not a Monday", got.Format("2006-01-02"))
		}
	})
}

// ymd reads a YYYY-MM-DD date as midnight UTC.
func ymd(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}
