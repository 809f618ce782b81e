package sheet_test

import (
	"reflect"
	"strings"
	"testing"

	"weekfit/planner"
	"weekfit/sheet"
)

// week is a person who works 09:00-17:00 on weekdays and considers every
// program of testdata/programs.json, with travel times to their places.
const week = `{"name":"Counselor's client","places":{"work":"Office","northside_clinic":"Northside","lakeview":"Lakeview",
 "bridge":"Bridge","eastgate":"Eastgate"},
 "travel":[{"from":"home","to":"work","minutes":30},{"from":"home","to":"northside_clinic","minutes":20},
  {"from":"work","to":"northside_clinic","minutes":15},{"from":"home","to":"lakeview","minutes":25},
  {"from":"work","to":"lakeview","minutes":10},{"from":"home","to":"bridge","minutes":10},
  {"from":"work","to":"bridge","minutes":35},{"from":"home","to":"eastgate","minutes":15},
  {"from":"work","to":"eastgate","minutes":20}],
 "jobs":[{"name":"Office","place":"work","shifts":[{"days":"Mon-Fri","time":"09:00-17:00"}],
  "flex":{"start_earlier":60,"start_later":60,"end_earlier":60,"end_later":60},"max_unpaid_minutes_per_week":300}],
 "sleep":[{"days":"daily","time":"23:00-06:30"}],
 "catalog":["northside","lakeview","teen_bridge","matrix_online","womens_circle"]}`

// TestSheetsPlanAsJSON: the programs of a spreadsheet saved by LibreOffice,
// as .xlsx and .ods, with time cells and text cells, read as the same
// catalog as the JSON file, and a week plans the same with either.
func TestSheetsPlanAsJSON(t *testing.T) {
	want, err := planner.ParseCatalogJSON(readFile(t, "programs.json"))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := planner.ParseScenario([]byte(week))
	if err != nil {
		t.Fatal(err)
	}
	wantPlans := solveWith(t, sc, want)
	if len(wantPlans.Plans) == 0 {
		t.Fatal("the test week has no plan; make it one that fits")
	}
	for _, name := range []string{"programs.xlsx", "programs.ods"} {
		s, err := sheet.Read(readFile(t, name), "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := planner.ParseCatalogSheet(s.Rows, s.Ref)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s reads as\n%+v\nwant\n%+v", name, got, want)
		}
		if plans := solveWith(t, sc, got); !reflect.DeepEqual(plans, wantPlans) {
			t.Errorf("%s plans differently from the JSON catalog", name)
		}
	}
}

func solveWith(t *testing.T, sc *planner.Scenario, c *planner.Catalog) *planner.Result {
	t.Helper()
	full, err := sc.WithCatalog(c)
	if err != nil {
		t.Fatal(err)
	}
	res, err := planner.Solve(full, planner.Options{Top: 20})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestSheetBadCell: a bad cell is named by sheet, row and column, as the
// spreadsheet shows them.
func TestSheetBadCell(t *testing.T) {
	for _, name := range []string{"bad-time.xlsx", "bad-time.ods"} {
		s, err := sheet.Read(readFile(t, name), "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		c, err := planner.ParseCatalogSheet(s.Rows, s.Ref)
		if err == nil || !strings.Contains(err.Error(), `Sheet1!F7 (time): "25:00-07:00": hour out of range`) {
			t.Errorf("%s: got %v, %v", name, c, err)
		}
	}
}
