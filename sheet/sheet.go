// Package sheet reads the cells of one sheet of a spreadsheet file, .xlsx
// (Office Open XML) or .ods (OpenDocument), with the standard library only:
// archive/zip and encoding/xml. It reads values, never writes, and takes a
// formula's cached result as its value.
//
// A full spreadsheet library (excelize) costs milliseconds and a megabyte of
// package initialisation at every start of weekfit; reading cells needs far less.
package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Limits that keep a hostile file from exhausting memory.
const (
	MaxRows    = 100_000 // rows a sheet may have up to its last non-empty one
	MaxColumns = 1_000   // columns a row may have up to its last non-empty cell
	maxCells   = 1_000_000
	maxPart    = 64 << 20 // largest uncompressed part of the zip that is read
)

// ErrFormat is matched (errors.Is) by every error about a file that is not a
// readable spreadsheet.
var ErrFormat = errors.New("not a readable spreadsheet")

// Sheet is the cells of one sheet, as text.
type Sheet struct {
	Name string
	// Rows holds the sheet's rows from row 1 on; Rows[i][j] is the cell at
	// row i+1, column j+1 ("" when empty). Trailing empty rows are left out.
	Rows [][]string
}

// Ref names a cell as a spreadsheet shows it: Ref(6, 5) on "Sheet1" is
// "Sheet1!F7" (row and column count from 0).
func (s *Sheet) Ref(row, col int) string {
	name := s.Name
	if strings.ContainsAny(name, " !'") {
		name = "'" + strings.ReplaceAll(name, "'", "''") + "'"
	}
	return fmt.Sprintf("%s!%s%d", name, ColumnName(col), row+1)
}

// ColumnName returns a column's letters: 0 is A, 25 is Z, 26 is AA.
func ColumnName(col int) string {
	var b []byte
	for col++; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
}

// Read reads one sheet of an .xlsx or .ods file, told apart by content. An
// empty name picks the first sheet.
func Read(data []byte, name string) (*Sheet, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: the file is not an .xlsx or .ods spreadsheet (%v)", ErrFormat, err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	switch {
	case files["xl/workbook.xml"] != nil:
		return readXLSX(files, name)
	case files["content.xml"] != nil:
		return readODS(files, name)
	}
	return nil, fmt.Errorf("%w: the file is a zip archive but not an .xlsx or .ods spreadsheet", ErrFormat)
}

// readPart returns the uncompressed bytes of a zip member, nil when absent.
func readPart(files map[string]*zip.File, name string) ([]byte, error) {
	f := files[name]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > maxPart {
		return nil, fmt.Errorf("%w: %s is larger than %d MiB", ErrFormat, name, maxPart>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: open %s: %v", ErrFormat, name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, fmt.Errorf("%w: read %s: %v", ErrFormat, name, err)
	}
	if len(data) > maxPart {
		return nil, fmt.Errorf("%w: %s is larger than %d MiB", ErrFormat, name, maxPart>>20)
	}
	return data, nil
}

// grid collects cells by position and trims what is empty at the ends.
type grid struct {
	rows  [][]string
	cells int
}

func (g *grid) set(row, col int, v string) error {
	if v == "" {
		return nil
	}
	if row >= MaxRows {
		return fmt.Errorf("%w: the sheet has cells past row %d; a catalog is far smaller", ErrFormat, MaxRows)
	}
	if col >= MaxColumns {
		return fmt.Errorf("%w: the sheet has cells past column %s; a catalog is far narrower", ErrFormat, ColumnName(MaxColumns-1))
	}
	g.cells++
	if g.cells > maxCells {
		return fmt.Errorf("%w: the sheet has more than %d cells; a catalog is far smaller", ErrFormat, maxCells)
	}
	for len(g.rows) <= row {
		g.rows = append(g.rows, nil)
	}
	r := g.rows[row]
	for len(r) <= col {
		r = append(r, "")
	}
	r[col] = v
	g.rows[row] = r
	return nil
}

// sheetNames lists names for the error about a missing sheet.
func missingSheet(name string, names []string) error {
	return fmt.Errorf("the file has no sheet named %q; its sheets are %s", name, quoteList(names))
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// resolve joins a relationship target to the folder of the part that names it.
func resolve(base, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join(path.Dir(base), target)
}
