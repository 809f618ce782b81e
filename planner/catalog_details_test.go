package planner

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

const detailsCSV = `program_id,program_name,modality,place_id,place_name,address,phone,population,min_days,min_hours,track,days,start,end,time,last_verified,notes
north,Northside IOP,,northside,Northside Counseling,"1200 N Main St, Springfield",555-0142,adults,3,9,Day,"Mon,Tue,Thu",10:00,13:00,,2026-10-01,"Drug screen, check-in"
north,,,,,,,,,,Evening,"Mon,Tue,Thu",6pm,9pm,,,
tele,Telehealth,virtual,,,,,women,3,9,Evening,"Mon,Wed,Fri",0.75,0.875,,,
tele,,,,,,,,,,Late,"Tue,Thu",,,19:00-22:00,2026-11-30 00:00,
`

const detailsJSON = `{"version":1,"places":{"northside":"Northside Counseling"},"programs":[
 {"id":"north","name":"Northside IOP","place":"northside","min_days":3,"min_hours":9,"tracks":[
  {"name":"Day","sessions":[{"days":"Mon,Tue,Thu","time":"10:00-13:00"}]},
  {"name":"Evening","sessions":[{"days":"Mon,Tue,Thu","time":"18:00-21:00"}]}]},
 {"id":"tele","name":"Telehealth","modality":"virtual","min_days":3,"min_hours":9,"tracks":[
  {"name":"Evening","sessions":[{"days":"Mon,Wed,Fri","time":"18:00-21:00"}]},
  {"name":"Late","sessions":[{"days":"Tue,Thu","time":"19:00-22:00"}]}]}],
 "details":{"north":{"address":"1200 N Main St, Springfield","phone":"555-0142","population":"adults","last_verified":"2026-10-01","notes":"Drug screen, check-in"},
  "tele":{"population":"women","last_verified":"2026-11-30"}}}`

// TestCatalogDetailsCSVEqualsJSON: the new columns (address, phone,
// population, last_verified, notes) and session times given as start and
// end (clock text, or fractions of a day) read as the JSON catalog does.
func TestCatalogDetailsCSVEqualsJSON(t *testing.T) {
	fromCSV, err := ParseCatalogCSV([]byte(detailsCSV))
	if err != nil {
		t.Fatal(err)
	}
	fromJSON, err := ParseCatalogJSON([]byte(detailsJSON))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromCSV, fromJSON) {
		t.Errorf("csv\n%+v\njson\n%+v", fromCSV, fromJSON)
	}
	checkCatalogRoundTrip(t, fromCSV)
	if d := fromCSV.Details["north"]; d.Address != "1200 N Main St, Springfield" || d.LastVerified != "2026-10-01" {
		t.Errorf("details %+v", d)
	}
}

func TestCatalogDetailsErrors(t *testing.T) {
	head := "program_id,place_id,track,days,time,start,end,last_verified,address\n"
	tests := []struct{ name, data, want string }{
		{"bad date", head + "p,c,M,Mon,09:00-12:00,,,1 March,\n", `row 2, column "last_verified": "1 March": must be a date written YYYY-MM-DD`},
		{"impossible date", head + "p,c,M,Mon,09:00-12:00,,,2026-02-30,\n", `column "last_verified": "2026-02-30"`},
		{"dates disagree", head + "p,c,M,Mon,09:00-12:00,,,2026-01-01,\np,c,E,Tue,18:00-21:00,,,2026-02-01,\n", `row 3, column "last_verified": "2026-02-01": row 2 gives "2026-01-01"`},
		{"address of controls", head + "p,c,M,Mon,09:00-12:00,,,,\x1b[2J\n", `row 2, column "address"`},
		{"time and start", head + "p,c,M,Mon,09:00-12:00,09:00,,,\n", `row 2, column "time": "09:00-12:00": the row also gives a start`},
		{"start without end", head + "p,c,M,Mon,,09:00,,,\n", `row 2, column "end": missing`},
		{"start hour", head + "p,c,M,Mon,,25:00,27:00,,\n", `row 2, column "start": "25:00": hour out of range`},
		{"end as start", head + "p,c,M,Mon,,09:00,09:00,,\n", `row 2, column "time"`},
		{"no time columns", "program_id,place_id,track,days,start\n", `no "time" column, nor "start" and "end"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCatalogCSV([]byte(tt.data))
			if err == nil || !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want an input error with %q", err, tt.want)
			}
		})
	}
	if _, err := ParseCatalogJSON([]byte(`{"programs":[{"id":"a","modality":"virtual","tracks":[{"name":"M","sessions":[{"days":"Mon","time":"9am-12pm"}]}]}],"details":{"b":{"phone":"1"}}}`)); err == nil || !strings.Contains(err.Error(), `details["b"]`) {
		t.Errorf("details of an unknown program: %v", err)
	}
}

// sheetRef names cells as a sheet called S does.
func sheetRef(row, col int) string { return fmt.Sprintf("S!%c%d", 'A'+col, row+1) }

func TestCatalogSheetErrors(t *testing.T) {
	head := []string{"program_id", "place_id", "track", "days", "", "time"}
	good := []string{"p", "c", "M", "Mon", "", "09:00-12:00"}
	tests := []struct {
		name string
		rows [][]string
		want string
	}{
		{"empty", [][]string{nil, {"", " "}}, "the sheet is empty"},
		{"header only", [][]string{head}, "no sessions"},
		{"unknown column", [][]string{{"program_id", "colour"}}, `S!B1: "colour": unknown column`},
		{"missing column after a blank row", [][]string{nil, {"program_id", "track", "days"}}, `row 2: the header has no "time" column`},
		{"bad cell", [][]string{head, good, good, good, good, good, {"q", "c", "M", "Mon", "", "25:00-07:00"}}, `S!F7 (time): "25:00-07:00": hour out of range`},
		{"a cell in no column", [][]string{head, append(append([]string(nil), good...), "", "stray")}, `S!H2: "stray": this cell is in no column`},
		{"disagreeing program", [][]string{{"program_id", "place_id", "track", "days", "time", "min_days"}, {"p", "c", "M", "Mon", "09:00-12:00", "3"}, {"p", "c", "E", "Tue", "18:00-21:00", "4"}}, `S!F3 (min_days): "4": row 2 gives "3"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCatalogSheet(tt.rows, sheetRef)
			if err == nil || !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want an input error with %q", err, tt.want)
			}
		})
	}
}

func TestStale(t *testing.T) {
	today := time.Date(2026, 12, 1, 15, 4, 0, 0, time.UTC)
	tests := []struct {
		verified string
		want     bool
	}{
		{"", false},
		{"2026-12-01", false},
		{"2026-09-02", false}, // 90 days before
		{"2026-09-01", true},  // 91 days before
		{"2025-01-01", true},
		{"2027-01-01", false},
	}
	for _, tt := range tests {
		if got := (Details{LastVerified: tt.verified}).Stale(today); got != tt.want {
			t.Errorf("Stale(%q) = %v, want %v", tt.verified, got, tt.want)
		}
	}
}

// FuzzParseCatalogSheet feeds sheets written as lines of tab-separated cells.
func FuzzParseCatalogSheet(f *testing.F) {
	f.Add("program_id\tplace_id\ttrack\tdays\tstart\tend\tlast_verified\np\tc\tM\tMon\t09:00\t0.5\t2026-01-01\n")
	f.Add(strings.ReplaceAll(detailsCSV, ",", "\t"))
	f.Fuzz(func(t *testing.T, data string) {
		var rows [][]string
		for _, line := range strings.Split(data, "\n") {
			rows = append(rows, strings.Split(line, "\t"))
		}
		c, err := ParseCatalogSheet(rows, sheetRef)
		if err != nil {
			if !errors.Is(err, ErrInput) {
				t.Fatalf("error is not an input error: %v", err)
			}
			return
		}
		checkCatalogRoundTrip(t, c)
	})
}
