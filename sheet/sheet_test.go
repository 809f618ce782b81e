package sheet_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"weekfit/sheet"
)

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestLibreOfficeFiles reads the files LibreOffice saved (testdata/make-sheets.py):
// time cells come out as HH:MM, date cells as YYYY-MM-DD, numbers as typed,
// and the .xlsx and the .ods of one sheet agree cell for cell.
func TestLibreOfficeFiles(t *testing.T) {
	var got [][][]string
	for _, name := range []string{"programs.xlsx", "programs.ods"} {
		s, err := sheet.Read(readFile(t, name), "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if s.Name != "Programs" {
			t.Errorf("%s: first sheet %q, want Programs", name, s.Name)
		}
		if len(s.Rows) != 8 {
			t.Fatalf("%s: %d rows, want 8", name, len(s.Rows))
		}
		row := s.Rows[1]
		for col, want := range map[int]string{0: "northside", 4: "1200 N Main St, Springfield", 9: "3",
			16: "10:00", 17: "13:00", 18: "2026-10-01"} {
			if row[col] != want {
				t.Errorf("%s: %s is %q, want %q", name, s.Ref(1, col), row[col], want)
			}
		}
		if s.Rows[3][15] != "10:00-12:50" {
			t.Errorf("%s: text time cell %q", name, s.Rows[3][15])
		}
		got = append(got, s.Rows)
	}
	if !reflect.DeepEqual(got[0], got[1]) {
		t.Errorf("the .xlsx and the .ods differ:\n%q\n%q", got[0], got[1])
	}
}

func TestSheetByName(t *testing.T) {
	for _, name := range []string{"programs.xlsx", "programs.ods"} {
		s, err := sheet.Read(readFile(t, name), "Evenings")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if s.Name != "Evenings" || len(s.Rows) != 2 || s.Rows[1][0] != "matrix_online" {
			t.Errorf("%s: sheet %q rows %q", name, s.Name, s.Rows)
		}
		_, err = sheet.Read(readFile(t, name), "Mornings")
		if err == nil || !strings.Contains(err.Error(), `no sheet named "Mornings"; its sheets are "Programs", "Evenings"`) {
			t.Errorf("%s: a missing sheet gave %v", name, err)
		}
	}
}

func TestRef(t *testing.T) {
	tests := []struct {
		sheet    string
		row, col int
		want     string
	}{
		{"Sheet1", 6, 5, "Sheet1!F7"},
		{"Sheet1", 0, 0, "Sheet1!A1"},
		{"S", 9, 25, "S!Z10"},
		{"S", 0, 26, "S!AA1"},
		{"S", 0, 701, "S!ZZ1"},
		{"S", 0, 702, "S!AAA1"},
		{"My programs", 1, 1, "'My programs'!B2"},
		{"Bob's", 1, 1, "'Bob''s'!B2"},
	}
	for _, tt := range tests {
		s := &sheet.Sheet{Name: tt.sheet}
		if got := s.Ref(tt.row, tt.col); got != tt.want {
			t.Errorf("Ref(%d, %d) on %q = %q, want %q", tt.row, tt.col, tt.sheet, got, tt.want)
		}
	}
}

// zipOf builds a zip archive of the named parts.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, body := range parts {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// xlsxOf is a one-sheet workbook with the given sheet data, shared strings,
// styles and date system.
func xlsxOf(t testing.TB, sheetData, sst, styles string, date1904 bool) []byte {
	pr := ""
	if date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	return zipOf(t, map[string]string{
		"xl/workbook.xml":            `<workbook ` + ns + `>` + pr + `<sheets><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId7" Target="/xl/worksheets/data.xml"/></Relationships>`,
		"xl/worksheets/data.xml":     `<worksheet ` + ns + `><sheetData>` + sheetData + `</sheetData></worksheet>`,
		"xl/sharedStrings.xml":       `<sst ` + ns + `>` + sst + `</sst>`,
		"xl/styles.xml":              `<styleSheet ` + ns + `>` + styles + `</styleSheet>`,
	})
}

// TestXLSXCells covers what other programs write: inline strings, rich text
// runs, booleans, formula results, cells without references, custom and
// built-in date and time formats, and the 1904 date system.
func TestXLSXCells(t *testing.T) {
	styles := `<numFmts><numFmt numFmtId="170" formatCode="[$-409]h:mm\ AM/PM;@"/><numFmt numFmtId="171" formatCode="&quot;day&quot; 0"/>` +
		`<numFmt numFmtId="172" formatCode="dd/mm/yyyy\ hh:mm"/></numFmts>` +
		`<cellXfs><xf numFmtId="0"/><xf numFmtId="20"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="171"/><xf numFmtId="172"/></cellXfs>`
	sst := `<si><t>program_id</t></si><si><r><t>Rich </t></r><r><rPr/><t>text</t></r></si>`
	data := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>` +
		`<row r="3"><c t="inlineStr"><is><t>inline</t></is></c><c t="b"><v>1</v></c><c t="str"><f>A1</f><v>formula</v></c>` +
		`<c s="1"><v>0.375</v></c><c s="2"><v>46113</v></c><c s="3"><v>0.75</v></c><c s="4"><v>3</v></c><c><v>7.5</v></c>` +
		`<c s="5"><v>46113.5</v></c><c s="1"><v>1</v></c><c t="e"><v>#N/A</v></c></row>`
	s, err := sheet.Read(xlsxOf(t, data, sst, styles, false), "")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"program_id", "", "Rich text"},
		nil,
		{"inline", "TRUE", "formula", "09:00", "2026-04-01", "18:00", "3", "7.5", "2026-04-01 12:00", "24:00", "#N/A"},
	}
	if !reflect.DeepEqual(s.Rows, want) {
		t.Errorf("rows\n%q\nwant\n%q", s.Rows, want)
	}
	s, err = sheet.Read(xlsxOf(t, `<row r="1"><c r="B1" s="1"><v>0</v></c><c r="C1" s="2"><v>0</v></c></row>`, "", styles, true), "")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"", "00:00", "1904-01-01"}; !reflect.DeepEqual(s.Rows[0], want) {
		t.Errorf("1904 system: %q, want %q", s.Rows[0], want)
	}
}

func odsOf(t testing.TB, tables string) []byte {
	return zipOf(t, map[string]string{
		"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
		"content.xml": `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
			`xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">` +
			`<office:body><office:spreadsheet>` + tables + `</office:spreadsheet></office:body></office:document-content>`,
	})
}

// TestODSCells covers repeated rows and columns (a sheet's endless empty
// tail among them), spaces, comments, several paragraphs and covered cells.
func TestODSCells(t *testing.T) {
	table := `<table:table table:name="One"><table:table-column table:number-columns-repeated="1024"/>` +
		`<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="2"/>b</text:p>` +
		`<office:annotation><text:p>a comment</text:p></office:annotation></table:table-cell>` +
		`<table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="float" office:value="2.50">` +
		`<text:p>2.5</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16380"/></table:table-row>` +
		`<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>` +
		`<table:table-header-rows><table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="time" office:time-value="PT18H30M00S"><text:p>6:30 PM</text:p></table:table-cell>` +
		`<table:covered-table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>x</text:p><text:p>y</text:p></table:covered-table-cell>` +
		`<table:table-cell office:value-type="date" office:date-value="2026-03-01T00:00:00"><text:p>03/01/26</text:p></table:table-cell>` +
		`<table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell></table:table-row></table:table-header-rows>` +
		`<table:table-row table:number-rows-repeated="1048571"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>` +
		`<table:table table:name="Two"><table:table-row><table:table-cell office:value-type="string"><text:p>second</text:p></table:table-cell></table:table-row></table:table>`
	s, err := sheet.Read(odsOf(t, table), "")
	if err != nil {
		t.Fatal(err)
	}
	row := []string{"18:30", "x\ny", "x\ny", "2026-03-01 00:00", "FALSE"}
	want := [][]string{{"a  b", "", "", "2.5"}, nil, nil, row, row}
	if s.Name != "One" || !reflect.DeepEqual(s.Rows, want) {
		t.Errorf("sheet %q rows\n%q\nwant\n%q", s.Name, s.Rows, want)
	}
	s, err = sheet.Read(odsOf(t, table), "Two")
	if err != nil || s.Rows[0][0] != "second" {
		t.Errorf("sheet Two: %v %q", err, s)
	}
}

func TestRefusals(t *testing.T) {
	bigRows := `<table:table table:name="T"><table:table-row table:number-rows-repeated="200000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>`
	wideRow := `<table:table table:name="T"><table:table-row><table:table-cell table:number-columns-repeated="5000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>`
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("program_id,track\n"), "not an .xlsx or .ods"},
		{"empty", nil, "not an .xlsx or .ods"},
		{"other zip", zipOf(t, map[string]string{"readme.txt": "hi"}), "zip archive but not an .xlsx or .ods"},
		{"broken workbook", zipOf(t, map[string]string{"xl/workbook.xml": "<workbook"}), "not well-formed"},
		{"no sheets", zipOf(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), "no sheets"},
		{"no worksheet part", zipOf(t, map[string]string{"xl/workbook.xml": `<workbook ` + ns + `><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>`}), "no worksheet part"},
		{"bad cell ref", xlsxOf(t, `<row><c r="7F"><v>1</v></c></row>`, "", "", false), "bad reference"},
		{"row past the limit", xlsxOf(t, `<row r="2000000"><c><v>1</v></c></row>`, "", "", false), "past row"},
		{"repeated rows past the limit", odsOf(t, bigRows), "past row"},
		{"repeated cells past the limit", odsOf(t, wideRow), "past column"},
		{"broken content", zipOf(t, map[string]string{"content.xml": "<a><table:table"}), "not well-formed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sheet.Read(tt.data, "")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error with %q", err, tt.want)
			}
			if !errors.Is(err, sheet.ErrFormat) {
				t.Errorf("%v is not ErrFormat", err)
			}
		})
	}
}

// FuzzRead checks that no file makes Read panic or return more than its
// limits; seeds are the LibreOffice files and the zips above.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"programs.xlsx", "programs.ods", "bad-time.xlsx", "bad-time.ods"} {
		f.Add(readFile(f, name), "")
	}
	f.Add(xlsxOf(f, `<row r="3"><c r="B3" s="1"><v>0.5</v></c></row>`, "<si><t>a</t></si>",
		`<cellXfs><xf numFmtId="0"/><xf numFmtId="20"/></cellXfs>`, false), "Data")
	f.Add(odsOf(f, `<table:table table:name="T"><table:table-row><table:table-cell office:value-type="time" office:time-value="PT9H"/></table:table-row></table:table>`), "T")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		s, err := sheet.Read(data, name)
		if err != nil {
			return
		}
		if len(s.Rows) > sheet.MaxRows {
			t.Fatalf("%d rows", len(s.Rows))
		}
		for _, r := range s.Rows {
			if len(r) > sheet.MaxColumns {
				t.Fatalf("%d columns", len(r))
			}
		}
	})
}
