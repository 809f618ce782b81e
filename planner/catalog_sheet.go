package planner

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseCatalogSheet reads a catalog from the cells of a spreadsheet's sheet,
// one session per row after a header row, with the columns of a catalog CSV.
// rows[i][j] is the cell at row i+1, column j+1; ref names a cell as the
// spreadsheet shows it ("Sheet1!F7"). Any bad row fails the whole sheet; the
// error, an *InputError, names the cell and its column.
func ParseCatalogSheet(rows [][]string, ref func(row, col int) string) (*Catalog, error) {
	var header []string
	headerRow := -1
	var out []csvRow
	for i, rec := range rows {
		if blank(rec) {
			continue
		}
		if header == nil {
			var err error
			header, err = readHeader(rec, func(j int) string {
				if j < 0 {
					return fmt.Sprintf("row %d", i+1)
				}
				return ref(i, j)
			}, true)
			if err != nil {
				return nil, err
			}
			headerRow = i
			continue
		}
		for j, v := range rec {
			if strings.TrimSpace(v) != "" && (j >= len(header) || header[j] == "") {
				return nil, bad(ref(i, j), v, "this cell is in no column: row %d names none above it; add a column name there or move the value", headerRow+1)
			}
		}
		row := csvRow{n: i + 1, cells: map[string]string{}}
		colIndex := map[string]int{}
		for j, col := range header {
			if col == "" {
				continue
			}
			colIndex[col] = j
			if j < len(rec) {
				row.cells[col] = rec[j]
			}
		}
		at := i
		row.ref = func(col string) string {
			if j, ok := colIndex[col]; ok {
				return ref(at, j)
			}
			return fmt.Sprintf("row %d", at+1)
		}
		out = append(out, row)
	}
	if header == nil {
		return nil, bad("", "", "the sheet is empty; a catalog starts with a header row: %s", strings.Join(catalogColumns, ","))
	}
	if len(out) == 0 {
		return nil, bad("", "", "the sheet has a header but no sessions; add one row per session")
	}
	return catalogFromRows(out)
}

// rowDetails reads a row's address, phone, population, last_verified and notes.
func rowDetails(row csvRow) (Details, error) {
	d, err := readDetails("", fileDetails{Address: row.at("address"), Phone: row.at("phone"),
		Population: row.at("population"), LastVerified: row.at("last_verified"), Notes: row.at("notes")})
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return d, row.bad(strings.TrimPrefix(ie.Path, "."), ie.Value, "%s", ie.Reason)
		}
	}
	return d, err
}

// rowTime reads a row's session time from its time column, or from its
// start and end columns: clock times, or fractions of a day as a
// spreadsheet stores times (0.375 is 09:00).
func rowTime(row csvRow) (string, error) {
	v := row.at("time")
	if v != "" && (row.at("start") != "" || row.at("end") != "") {
		return "", row.bad("time", v, "the row also gives a start or an end; give the time range or the start and end, not both")
	}
	if v != "" || (row.at("start") == "" && row.at("end") == "") {
		return v, nil
	}
	var parts [2]string
	for i, col := range []string{"start", "end"} {
		v := row.at(col)
		if v == "" {
			return "", row.bad(col, "", "missing; give the session's %s time (or the whole range in the time column)", col)
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 && f <= 1 && strings.Contains(v, ".") {
			m := int(math.Round(f * MinutesPerDay))
			v = fmt.Sprintf("%02d:%02d", m/60, m%60)
		}
		if _, err := parseTimeOfDay(v, i == 1); err != nil {
			return "", row.bad(col, row.at(col), "%v", err)
		}
		parts[i] = v
	}
	return parts[0] + "-" + parts[1], nil
}
