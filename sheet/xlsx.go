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

type xlsxWorkbook struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name string `xml:"name,attr"`
		RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	} `xml:"sheets>sheet"`
}

type xlsxRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type xlsxText struct {
	T    string `xml:"t"`
	Runs []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

func (t xlsxText) String() string {
	s := t.T
	for _, r := range t.Runs {
		s += r.T
	}
	return s
}

type xlsxStrings struct {
	SI []xlsxText `xml:"si"`
}

type xlsxStyles struct {
	NumFmts []struct {
		ID   int    `xml:"numFmtId,attr"`
		Code string `xml:"formatCode,attr"`
	} `xml:"numFmts>numFmt"`
	Xfs []struct {
		NumFmt int `xml:"numFmtId,attr"`
	} `xml:"cellXfs>xf"`
}

func unmarshalPart(files map[string]*zip.File, name string, v any) error {
	data, err := readPart(files, name)
	if err != nil || data == nil {
		return err
	}
	if err := xml.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%w: %s is not well-formed (%v)", ErrFormat, name, err)
	}
	return nil
}

// xlsxBook is what reading any sheet of a workbook needs.
type xlsxBook struct {
	strings  []string
	kinds    []numKind // by style index
	date1904 bool
}

func readXLSX(files map[string]*zip.File, name string) (*Sheet, error) {
	var wb xlsxWorkbook
	if err := unmarshalPart(files, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if len(wb.Sheets) == 0 {
		return nil, fmt.Errorf("%w: the workbook has no sheets", ErrFormat)
	}
	pick := -1
	names := make([]string, len(wb.Sheets))
	for i, s := range wb.Sheets {
		names[i] = s.Name
		if pick < 0 && (name == "" || s.Name == name) {
			pick = i
		}
	}
	if pick < 0 {
		return nil, missingSheet(name, names)
	}
	var rels xlsxRels
	if err := unmarshalPart(files, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	part := ""
	for _, r := range rels.Rels {
		if r.ID == wb.Sheets[pick].RID {
			part = resolve("xl/workbook.xml", r.Target)
		}
	}
	if files[part] == nil {
		return nil, fmt.Errorf("%w: the workbook's sheet %q has no worksheet part", ErrFormat, names[pick])
	}
	book, err := readBook(files, wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true")
	if err != nil {
		return nil, err
	}
	data, err := readPart(files, part)
	if err != nil {
		return nil, err
	}
	g, err := book.readWorksheet(data)
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", names[pick], err)
	}
	return &Sheet{Name: names[pick], Rows: g.rows}, nil
}

func readBook(files map[string]*zip.File, date1904 bool) (*xlsxBook, error) {
	b := &xlsxBook{date1904: date1904}
	var sst xlsxStrings
	if err := unmarshalPart(files, "xl/sharedStrings.xml", &sst); err != nil {
		return nil, err
	}
	for _, si := range sst.SI {
		b.strings = append(b.strings, si.String())
	}
	var st xlsxStyles
	if err := unmarshalPart(files, "xl/styles.xml", &st); err != nil {
		return nil, err
	}
	custom := map[int]string{}
	for _, f := range st.NumFmts {
		custom[f.ID] = f.Code
	}
	for _, xf := range st.Xfs {
		b.kinds = append(b.kinds, formatKind(xf.NumFmt, custom[xf.NumFmt]))
	}
	return b, nil
}

// formatKind tells dates and times from numbers by a number format: the
// built-in ids of dates and times, or a custom code with date or time letters.
func formatKind(id int, code string) numKind {
	switch {
	case id >= 14 && id <= 17:
		return dateNumber
	case id == 22:
		return dateTimeNumber
	case id >= 18 && id <= 21, id >= 45 && id <= 47:
		return timeNumber
	case code == "":
		return plainNumber
	}
	var date, clock bool
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == '[':
			bracket = true
			if rest := strings.ToLower(code[i:]); strings.HasPrefix(rest, "[h") || strings.HasPrefix(rest, "[m") || strings.HasPrefix(rest, "[s") {
				clock = true
			}
		case c == ']':
			bracket = false
		case bracket:
		case strings.ContainsRune("yYdD", rune(c)):
			date = true
		case strings.ContainsRune("hHsS", rune(c)):
			clock = true
		}
	}
	switch {
	case date && clock:
		return dateTimeNumber
	case date:
		return dateNumber
	case clock:
		return timeNumber
	}
	return plainNumber
}

// xlsxCell is one <c> element of a worksheet.
type xlsxCell struct {
	Ref    string   `xml:"r,attr"`
	Style  int      `xml:"s,attr"`
	Type   string   `xml:"t,attr"`
	V      string   `xml:"v"`
	Inline xlsxText `xml:"is"`
}

func (b *xlsxBook) readWorksheet(data []byte) (*grid, error) {
	d := xml.NewDecoder(strings.NewReader(string(data)))
	g := &grid{}
	row, col := -1, -1
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return g, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: the worksheet is not well-formed (%v)", ErrFormat, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "row":
			row++
			if r := attr(se, "r"); r != "" {
				n, err := strconv.Atoi(r)
				if err != nil || n < 1 {
					return nil, fmt.Errorf("%w: a row has a bad number %q", ErrFormat, r)
				}
				row = n - 1
			}
			col = -1
		case "c":
			var c xlsxCell
			if err := d.DecodeElement(&c, &se); err != nil {
				return nil, fmt.Errorf("%w: a cell is not well-formed (%v)", ErrFormat, err)
			}
			col++
			if c.Ref != "" {
				r, k, ok := parseRef(c.Ref)
				if !ok {
					return nil, fmt.Errorf("%w: a cell has a bad reference %q", ErrFormat, c.Ref)
				}
				row, col = r, k
			}
			if row < 0 {
				row = 0
			}
			if err := g.set(row, col, b.cellText(c)); err != nil {
				return nil, err
			}
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// cellText is a cell's value as text.
func (b *xlsxBook) cellText(c xlsxCell) string {
	switch c.Type {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(c.V))
		if err != nil || i < 0 || i >= len(b.strings) {
			return ""
		}
		return b.strings[i]
	case "inlineStr":
		return c.Inline.String()
	case "str", "e":
		return c.V
	case "b":
		if strings.TrimSpace(c.V) == "1" {
			return "TRUE"
		}
		return "FALSE"
	case "d":
		return strings.Replace(strings.TrimSuffix(c.V, "Z"), "T", " ", 1)
	}
	v := strings.TrimSpace(c.V)
	if v == "" {
		return ""
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	kind := plainNumber
	if c.Style >= 0 && c.Style < len(b.kinds) {
		kind = b.kinds[c.Style]
	}
	return formatNumber(f, kind, b.date1904)
}

// parseRef reads a cell reference such as "F7" as a 0-based row and column.
func parseRef(ref string) (row, col int, ok bool) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
		if col > 1<<20 {
			return 0, 0, false
		}
	}
	if i == 0 || i == len(ref) || ref[i] < '0' || ref[i] > '9' {
		return 0, 0, false
	}
	n, err := strconv.Atoi(ref[i:])
	if err != nil || n < 1 {
		return 0, 0, false
	}
	return n - 1, col - 1, true
}
