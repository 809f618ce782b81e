package sheet

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// odsReader walks content.xml of an OpenDocument spreadsheet.
type odsReader struct {
	d     *xml.Decoder
	g     grid
	row   int
	names []string
}

func readODS(files map[string]*zip.File, name string) (*Sheet, error) {
	data, err := readPart(files, "content.xml")
	if err != nil {
		return nil, err
	}
	r := &odsReader{d: xml.NewDecoder(strings.NewReader(string(data)))}
	for {
		tok, err := r.d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: content.xml is not well-formed (%v)", ErrFormat, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "table" {
			continue
		}
		tname := attr(se, "name")
		r.names = append(r.names, tname)
		if name != "" && tname != name {
			if err := r.d.Skip(); err != nil {
				return nil, fmt.Errorf("%w: content.xml is not well-formed (%v)", ErrFormat, err)
			}
			continue
		}
		if err := r.table(); err != nil {
			return nil, fmt.Errorf("sheet %q: %w", tname, err)
		}
		return &Sheet{Name: tname, Rows: r.g.rows}, nil
	}
	if name == "" {
		return nil, fmt.Errorf("%w: the spreadsheet has no sheets", ErrFormat)
	}
	return nil, missingSheet(name, r.names)
}

// table reads the rows of the current table up to its end.
func (r *odsReader) table() error {
	for {
		tok, err := r.d.Token()
		if err != nil {
			return fmt.Errorf("%w: the sheet is not well-formed (%v)", ErrFormat, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == "table" {
				return nil
			}
		case xml.StartElement:
			switch t.Name.Local {
			case "table-row":
				if err := r.tableRow(t); err != nil {
					return err
				}
			case "table-columns", "table-column", "table-header-columns", "shapes", "named-expressions":
				if err := r.d.Skip(); err != nil {
					return fmt.Errorf("%w: the sheet is not well-formed (%v)", ErrFormat, err)
				}
			}
		}
	}
}

// repeat reads a number-*-repeated attribute (1 when absent).
func repeat(se xml.StartElement, local string) (int, error) {
	v := attr(se, local)
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%w: a bad %s %q", ErrFormat, local, v)
	}
	return n, nil
}

// tableRow reads one row element, which may stand for several equal rows.
func (r *odsReader) tableRow(se xml.StartElement) error {
	times, err := repeat(se, "number-rows-repeated")
	if err != nil {
		return err
	}
	var cells []string
	col := 0
	for {
		tok, err := r.d.Token()
		if err != nil {
			return fmt.Errorf("%w: a row is not well-formed (%v)", ErrFormat, err)
		}
		if end, ok := tok.(xml.EndElement); ok && end.Name.Local == "table-row" {
			break
		}
		cell, ok := tok.(xml.StartElement)
		if !ok || (cell.Name.Local != "table-cell" && cell.Name.Local != "covered-table-cell") {
			continue
		}
		n, err := repeat(cell, "number-columns-repeated")
		if err != nil {
			return err
		}
		v, err := r.cellValue(cell)
		if err != nil {
			return err
		}
		if v != "" {
			if col+n > MaxColumns {
				return fmt.Errorf("%w: the sheet has cells past column %s; a catalog is far narrower", ErrFormat, ColumnName(MaxColumns-1))
			}
			for len(cells) < col {
				cells = append(cells, "")
			}
			for k := 0; k < n; k++ {
				cells = append(cells, v)
			}
		}
		col += min(n, MaxColumns+1)
	}
	if len(cells) > 0 {
		if r.row+times > MaxRows {
			return fmt.Errorf("%w: the sheet has cells past row %d; a catalog is far smaller", ErrFormat, MaxRows)
		}
		if r.g.cells+times*len(cells) > maxCells {
			return fmt.Errorf("%w: the sheet has more than %d cells; a catalog is far smaller", ErrFormat, maxCells)
		}
		for k := 0; k < times; k++ {
			for c, v := range cells {
				if err := r.g.set(r.row+k, c, v); err != nil {
					return err
				}
			}
		}
	}
	r.row += min(times, MaxRows+1)
	return nil
}

// cellValue reads a cell element to its end and returns its value as text.
func (r *odsReader) cellValue(se xml.StartElement) (string, error) {
	text, err := r.cellText(se.Name.Local)
	if err != nil {
		return "", err
	}
	switch attr(se, "value-type") {
	case "float", "percentage", "currency":
		f, err := strconv.ParseFloat(attr(se, "value"), 64)
		if err != nil {
			return text, nil
		}
		return formatNumber(f, plainNumber, false), nil
	case "date":
		v := attr(se, "date-value")
		if d, t, ok := strings.Cut(v, "T"); ok {
			return d + " " + odsClock(t), nil
		}
		return v, nil
	case "time":
		if v, ok := strings.CutPrefix(attr(se, "time-value"), "PT"); ok {
			return odsDuration(v, text), nil
		}
	case "boolean":
		if attr(se, "boolean-value") == "true" {
			return "TRUE", nil
		}
		return "FALSE", nil
	}
	return text, nil
}

// odsClock shortens "09:00:00" to "09:00".
func odsClock(t string) string {
	if len(t) >= 5 {
		return t[:5]
	}
	return t
}

// odsDuration reads an ISO 8601 time of day such as "09H30M00S" (after "PT")
// as HH:MM; fallback is used when it cannot be read.
func odsDuration(v, fallback string) string {
	var parts [3]float64
	for i, unit := range []string{"H", "M", "S"} {
		num, rest, ok := strings.Cut(v, unit)
		if !ok {
			continue
		}
		f, err := strconv.ParseFloat(num, 64)
		if err != nil || f < 0 || f > 1e6 {
			return fallback
		}
		parts[i], v = f, rest
	}
	frac := (parts[0]*3600 + parts[1]*60 + parts[2]) / 86400
	return formatNumber(frac, timeNumber, false)
}

// cellText gathers the text paragraphs of a cell up to the end of the
// element named end, leaving out comments.
func (r *odsReader) cellText(end string) (string, error) {
	var b strings.Builder
	paras := 0
	for {
		tok, err := r.d.Token()
		if err != nil {
			return "", fmt.Errorf("%w: a cell is not well-formed (%v)", ErrFormat, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == end {
				return b.String(), nil
			}
		case xml.CharData:
			if paras > 0 {
				b.Write(t)
			}
		case xml.StartElement:
			switch t.Name.Local {
			case "annotation":
				if err := r.d.Skip(); err != nil {
					return "", fmt.Errorf("%w: a comment is not well-formed (%v)", ErrFormat, err)
				}
			case "p", "h":
				if paras > 0 {
					b.WriteByte('\n')
				}
				paras++
			case "s":
				n, err := repeat(t, "c")
				if err != nil {
					return "", err
				}
				b.WriteString(strings.Repeat(" ", min(n, 1000)))
			case "tab":
				b.WriteByte('\t')
			case "line-break":
				b.WriteByte('\n')
			}
		}
		if b.Len() > maxPart {
			return "", fmt.Errorf("%w: a cell is too large", ErrFormat)
		}
	}
}
