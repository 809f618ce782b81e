package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestImportSpreadsheets: import reads .xlsx and .ods saved by LibreOffice,
// the first sheet or the one --sheet names; a bad cell names its sheet, row
// and column, and nothing is imported.
func TestImportSpreadsheets(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	tests := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"bad xlsx", []string{"import", "sheet/testdata/bad-time.xlsx"}, exitInput,
			`bad-time.xlsx: Sheet1!F7 (time): "25:00-07:00": hour out of range; hours run from 00 to 23, and 24:00 may end a range` + "\nnothing was imported"},
		{"bad ods", []string{"import", "sheet/testdata/bad-time.ods"}, exitInput, `Sheet1!F7 (time)`},
		{"nothing yet", []string{"catalog", "list"}, exitOK, "the catalog is empty"},
		{"missing sheet", []string{"import", "sheet/testdata/programs.ods", "--sheet", "Nights"}, exitInput,
			`no sheet named "Nights"; its sheets are "Programs", "Evenings"`},
		{"sheet of a csv", []string{"import", "planner/testdata/catalog.csv", "--sheet", "A"}, exitInput, "not a spreadsheet"},
		{"as on a sheet", []string{"import", "sheet/testdata/programs.ods", "--as", "me"}, exitInput, "--as names a profile"},
		{"evenings", []string{"import", "sheet/testdata/programs.ods", "--sheet", "Evenings"}, exitOK, "1 program(s) added, 0 updated"},
		{"xlsx", []string{"import", "sheet/testdata/programs.xlsx"}, exitOK, "4 program(s) added, 1 updated"},
		{"ods again", []string{"import", "sheet/testdata/programs.ods"}, exitOK, "0 program(s) added, 5 updated"},
	}
	for _, tt := range tests {
		r := runDB(t, db, nil, "", tt.args...)
		if r.code != tt.code || !strings.Contains(r.stdout+r.stderr, tt.out) {
			t.Fatalf("%s: exit %d, out %q err %q; want exit %d with %q", tt.name, r.code, r.stdout, r.stderr, tt.code, tt.out)
		}
	}
}
