package planner

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CatalogColumns returns the columns a catalog CSV or sheet may have, in the
// order the documentation gives them. program_id, track, days and time (or
// start and end) are required; the header row may list the columns in any order.
func CatalogColumns() []string { return append([]string(nil), catalogColumns...) }

var catalogColumns = []string{
	"program_id", "program_name", "place_id", "place_name", "modality", "level",
	"min_days", "min_hours", "mix_tracks", "weeks", "arrive_early_minutes",
	"track", "days", "time", "session_weeks",
	"address", "phone", "population", "last_verified", "notes", "start", "end",
}

// programColumns are the columns every row of one program must agree on.
var programColumns = []string{"program_name", "place_id", "modality", "level", "min_days", "min_hours", "mix_tracks", "weeks", "arrive_early_minutes",
	"address", "phone", "population", "last_verified", "notes"}

// csvRow is one session row, by column name.
type csvRow struct {
	n     int // 1-based row number in the file, the header being row 1
	cells map[string]string
	ref   func(col string) string // names a cell of a sheet ("Sheet1!F7"); nil in a CSV
}

func (r csvRow) at(col string) string { return strings.TrimSpace(r.cells[col]) }

func (r csvRow) bad(col, value, format string, args ...any) *InputError {
	if r.ref != nil {
		return bad(fmt.Sprintf("%s (%s)", r.ref(col), col), value, format, args...)
	}
	return bad(fmt.Sprintf("row %d, column %q", r.n, col), value, format, args...)
}

// ParseCatalogCSV reads a catalog written as CSV, one session per row, with a
// header row naming the columns (see CatalogColumns). Rows of the same program
// must agree on the program's fields. Any bad row fails the whole file; the
// error, an *InputError, names the row and the column.
func ParseCatalogCSV(data []byte) (*Catalog, error) {
	if len(data) > MaxCatalogBytes {
		return nil, bad("", "", "the file is larger than %d MiB; a catalog is far smaller", MaxCatalogBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, bad(fmt.Sprintf("line %d", line), "", "the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"")
	}
	rows, err := readCSVRows(data)
	if err != nil {
		return nil, err
	}
	return catalogFromRows(rows)
}

func readCSVRows(data []byte) ([]csvRow, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var header []string
	var rows []csvRow
	for n := 1; ; n++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, bad(fmt.Sprintf("row %d", n), "", "not valid CSV (%v); check the quotes in this row", pe.Err)
			}
			return nil, bad(fmt.Sprintf("row %d", n), "", "not valid CSV: %v", err)
		}
		if blank(rec) {
			n--
			continue
		}
		if header == nil {
			if header, err = readHeader(rec, csvHeaderCell, false); err != nil {
				return nil, err
			}
			continue
		}
		if len(rec) > len(header) && !blank(rec[len(header):]) {
			return nil, bad(fmt.Sprintf("row %d", n), "", "%d cells but the header names %d columns; quote a cell that holds a comma", len(rec), len(header))
		}
		row := csvRow{n: n, cells: map[string]string{}}
		for i, col := range header {
			if i < len(rec) {
				row.cells[col] = rec[i]
			}
		}
		rows = append(rows, row)
	}
	if header == nil {
		return nil, bad("", "", "the file is empty; a catalog CSV starts with a header row: %s", strings.Join(catalogColumns, ","))
	}
	if len(rows) == 0 {
		return nil, bad("", "", "the file has a header but no sessions; add one row per session")
	}
	return rows, nil
}

// csvHeaderCell names cell i of a CSV's header row, or the row when i < 0.
func csvHeaderCell(i int) string {
	if i < 0 {
		return "row 1"
	}
	return fmt.Sprintf("row 1, column %d", i+1)
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readHeader reads the header row; where names its cell i (the row when i
// < 0) in an error. With spacers, a blank column name is allowed.
func readHeader(rec []string, where func(i int) string, spacers bool) ([]string, error) {
	known := map[string]bool{}
	for _, c := range catalogColumns {
		known[c] = true
	}
	seen := map[string]bool{}
	header := make([]string, len(rec))
	for i, c := range rec {
		c = strings.ToLower(strings.TrimSpace(c))
		if c == "" && spacers {
			continue // a sheet's spacer column; a cell under it is refused
		}
		if !known[c] {
			return nil, bad(where(i), c, "unknown column; the columns are %s", strings.Join(catalogColumns, ","))
		}
		if seen[c] {
			return nil, bad(where(i), c, "this column is named twice")
		}
		seen[c] = true
		header[i] = c
	}
	for _, c := range []string{"program_id", "track", "days"} {
		if !seen[c] {
			return nil, bad(where(-1), "", "the header has no %q column; it is required (columns: %s)", c, strings.Join(catalogColumns, ","))
		}
	}
	if !seen["time"] && (!seen["start"] || !seen["end"]) {
		return nil, bad(where(-1), "", "the header has no \"time\" column, nor \"start\" and \"end\"; give the session times in one of these ways")
	}
	return header, nil
}

// csvProgram gathers the rows of one program.
type csvProgram struct {
	first  csvRow
	fields map[string]csvRow // program column -> first row that gave a value
	fp     fileProgram
}

func catalogFromRows(rows []csvRow) (*Catalog, error) {
	places := map[string]string{}
	placeRow := map[string]csvRow{}
	details := map[string]Details{}
	var order []string
	progs := map[string]*csvProgram{}
	for _, row := range rows {
		id := row.at("program_id")
		cp, ok := progs[id]
		if !ok {
			cp = &csvProgram{first: row, fields: map[string]csvRow{}}
		}
		if err := cp.agree(row); err != nil {
			return nil, err
		}
		fp, err := rowProgram(row)
		if err != nil {
			return nil, err
		}
		if err := addPlace(row, places, placeRow); err != nil {
			return nil, err
		}
		if details[fp.ID], err = rowDetails(row); err != nil {
			return nil, err
		}
		if !ok {
			progs[fp.ID] = cp
			order = append(order, fp.ID)
		}
		tracks := cp.fp.Tracks
		cp.fp = fp
		cp.fp.Tracks = addSession(tracks, fp.Tracks[0])
	}
	list := make([]fileProgram, len(order))
	for i, id := range order {
		list[i] = progs[id].fp
	}
	c, err := buildCatalog(places, list, func(i int) string {
		cp := progs[order[i]]
		if cp.first.ref != nil {
			return fmt.Sprintf("program %q (first row %s)", cp.fp.ID, cp.first.ref("program_id"))
		}
		return fmt.Sprintf("program %q (first row %d)", cp.fp.ID, cp.first.n)
	})
	if err != nil {
		return nil, err
	}
	for id, d := range details {
		if d != (Details{}) {
			if c.Details == nil {
				c.Details = map[string]Details{}
			}
			c.Details[id] = d
		}
	}
	return c, nil
}

func addPlace(row csvRow, places map[string]string, placeRow map[string]csvRow) error {
	id, raw := row.at("place_id"), row.at("place_name")
	name := strings.TrimSpace(StripControls(raw))
	if name == "" && raw != "" {
		return row.bad("place_name", raw, "%s", controlsOnly)
	}
	if id == "" {
		if name != "" {
			return row.bad("place_id", "", "missing; a place_name needs a place_id, one word like \"clinic\"")
		}
		return nil
	}
	if !isWord(id) {
		return row.bad("place_id", id, "a place id must be one word, like \"clinic\"")
	}
	if old, ok := places[id]; ok && name != "" && old != "" && old != name {
		return row.bad("place_name", name, "row %d names place %q %q; a place has one name", placeRow[id].n, id, old)
	}
	if places[id] == "" {
		places[id] = name
		placeRow[id] = row
	}
	return nil
}

// agree checks that the row's program columns match earlier rows of the
// program, and fills the columns the row leaves empty from those rows.
func (cp *csvProgram) agree(row csvRow) error {
	for _, col := range programColumns {
		v := row.at(col)
		prev, ok := cp.fields[col]
		if v == "" && ok {
			row.cells[col] = prev.at(col)
		} else if v == "" {
			continue
		} else if !ok {
			cp.fields[col] = row
		} else if prev.at(col) != v {
			return row.bad(col, v, "row %d gives %q for program %q; every row of one program must give the same %s (or leave it empty)", prev.n, prev.at(col), row.at("program_id"), col)
		}
	}
	return nil
}

func addSession(tracks []fileTrack, t fileTrack) []fileTrack {
	for i := range tracks {
		if StripControls(tracks[i].Name) == StripControls(t.Name) {
			tracks[i].Sessions = append(tracks[i].Sessions, t.Sessions...)
			return tracks
		}
	}
	return append(tracks, t)
}

// rowProgram reads one row as a program with one track of one session and
// checks it with the scenario rules, so that a bad cell is reported by column.
func rowProgram(row csvRow) (fileProgram, error) {
	fp := fileProgram{ID: row.at("program_id"), Name: row.at("program_name"), Place: row.at("place_id"),
		Modality: row.at("modality"), Level: row.at("level")}
	var err error
	if fp.MinDays, err = rowInt(row, "min_days"); err != nil {
		return fp, err
	}
	if fp.Weeks, err = rowInt(row, "weeks"); err != nil {
		return fp, err
	}
	if v := row.at("arrive_early_minutes"); v != "" {
		n, err := rowInt(row, "arrive_early_minutes")
		if err != nil {
			return fp, err
		}
		fp.ArriveEarly = &n
	}
	if v := row.at("min_hours"); v != "" {
		if fp.MinHours, err = strconv.ParseFloat(v, 64); err != nil {
			return fp, row.bad("min_hours", v, "must be a number of hours, like 9 or 7.5")
		}
	}
	if fp.MixTracks, err = rowBool(row, "mix_tracks"); err != nil {
		return fp, err
	}
	span := fileSpan{Days: row.at("days")}
	if span.Time, err = rowTime(row); err != nil {
		return fp, err
	}
	if span.Weeks, err = rowWeeks(row); err != nil {
		return fp, err
	}
	fp.Tracks = []fileTrack{{Name: row.at("track"), Sessions: []fileSpan{span}}}
	anyPlace := func(path, id string, required bool) error {
		if id == "" && required {
			return bad(path, "", "missing; an in-person program needs the id of its place (or set modality to virtual)")
		}
		return nil
	}
	if _, err := readProgram("", fp, MaxCycleWeeks, anyPlace); err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return fp, row.bad(columnOf(ie.Path), ie.Value, "%s", ie.Reason)
		}
		return fp, err
	}
	return fp, nil
}

// columnOf maps a program field path from readProgram to its CSV column.
func columnOf(path string) string {
	if path == ".name" {
		return "program_name"
	}
	switch {
	case strings.HasSuffix(path, ".id"):
		return "program_id"
	case strings.HasSuffix(path, ".place"):
		return "place_id"
	case strings.HasSuffix(path, ".name") || strings.HasSuffix(path, ".tracks"):
		return "track"
	case strings.Contains(path, ".weeks["):
		return "session_weeks"
	case strings.HasSuffix(path, ".days"):
		return "days"
	case strings.HasSuffix(path, ".time"):
		return "time"
	}
	if i := strings.LastIndex(path, "."); i >= 0 {
		return path[i+1:]
	}
	return path
}

func rowInt(row csvRow, col string) (int, error) {
	v := row.at(col)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n > 1<<20 || n < -(1<<20) {
		return 0, row.bad(col, v, "must be a whole number")
	}
	return n, nil
}

func rowBool(row csvRow, col string) (bool, error) {
	switch v := strings.ToLower(row.at(col)); v {
	case "", "false", "no", "0", "n":
		return false, nil
	case "true", "yes", "1", "y":
		return true, nil
	default:
		return false, row.bad(col, row.at(col), "must be true or false")
	}
}

// rowWeeks reads session_weeks: week numbers of the rotation separated by
// spaces, semicolons or commas, e.g. "1 3".
func rowWeeks(row csvRow) ([]int, error) {
	v := row.at("session_weeks")
	if v == "" {
		return nil, nil
	}
	var out []int
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ';' || r == ',' }) {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, row.bad("session_weeks", v, "must be week numbers separated by spaces, like \"1 3\"")
		}
		out = append(out, n)
	}
	return out, nil
}
