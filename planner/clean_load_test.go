package planner_test

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"weekfit/planner"
)

// controlStrings lists every string held anywhere in v that has a control
// character, with where it is.
func controlStrings(v any) []string {
	var out []string
	var walk func(path string, x reflect.Value)
	walk = func(path string, x reflect.Value) {
		switch x.Kind() {
		case reflect.String:
			if strings.ContainsFunc(x.String(), unicode.IsControl) {
				out = append(out, fmt.Sprintf("%s = %q", path, x.String()))
			}
		case reflect.Pointer, reflect.Interface:
			if !x.IsNil() {
				walk(path, x.Elem())
			}
		case reflect.Struct:
			for i := 0; i < x.NumField(); i++ {
				if x.Type().Field(i).IsExported() {
					walk(path+"."+x.Type().Field(i).Name, x.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < x.Len(); i++ {
				walk(fmt.Sprintf("%s[%d]", path, i), x.Index(i))
			}
		case reflect.Map:
			for _, k := range x.MapKeys() {
				walk(fmt.Sprintf("%s[%v]", path, k), x.MapIndex(k))
			}
		}
	}
	walk("", reflect.ValueOf(v))
	return out
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestHostileScenarioIsCleanedAtLoad: a scenario whose every name carries
// escape sequences, BEL, C1, DEL and NUL loads with plain names, and nothing
// the solver makes of it carries a control character.
func TestHostileScenarioIsCleanedAtLoad(t *testing.T) {
	sc, err := planner.ParseScenario(readTestdata(t, "hostile.json"))
	if err != nil {
		t.Fatal(err)
	}
	if bad := controlStrings(sc); len(bad) > 0 {
		t.Fatalf("the loaded scenario holds controls:\n%s", strings.Join(bad, "\n"))
	}
	got := []string{sc.Name, sc.Places[0].Name, sc.Jobs[0].Name, sc.Commitments[0].Name, sc.Support[0].Name,
		sc.Support[0].Covers[0], sc.Programs[0].Name, sc.Programs[0].Level, sc.Programs[0].Tracks[0].Name,
		sc.Programs[0].Tracks[1].Name, sc.Travel[0].Mode}
	want := []string{"Me", "Home", "Office", "School pickup", "Mom", "School pickup", "Riverside IOP", "2.1", "Morning", "Evening", "car"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("names = %q\nwant    %q", got, want)
	}
	places := map[string]string{}
	for _, p := range sc.Places {
		places[p.ID] = p.Name
	}
	if places["work"] != "Office" || places["clinic"] != "Riverside Recovery" || places["school"] != "School" {
		t.Fatalf("places = %q", places)
	}
	if err := planner.Check(sc); err != nil {
		t.Fatalf("Check of the cleaned scenario: %v", err)
	}
	res, err := planner.Solve(sc, planner.Options{Top: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Plans) == 0 || len(res.Plans[0].Covered) == 0 || res.Plans[0].Covered[0].By != "Mom" {
		t.Fatalf("the helper does not cover the pickup by its cleaned name: %+v", res.Plans)
	}
	if bad := controlStrings(res); len(bad) > 0 {
		t.Fatalf("the result holds controls:\n%s", strings.Join(bad, "\n"))
	}
}

// TestHostileCatalogsAreCleanedAtLoad: JSON and CSV catalogs from a third
// party lose their escape sequences (OSC 52 clipboard writes among them).
func TestHostileCatalogsAreCleanedAtLoad(t *testing.T) {
	fromJSON, err := planner.ParseCatalogJSON(readTestdata(t, "hostile-catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	fromCSV, err := planner.ParseCatalogCSV([]byte(hostileCSV))
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]*planner.Catalog{"json": fromJSON, "csv": fromCSV} {
		if bad := controlStrings(c); len(bad) > 0 {
			t.Fatalf("%s: the catalog holds controls:\n%s", name, strings.Join(bad, "\n"))
		}
		p := c.Programs[0]
		got := []string{p.Name, p.Level, p.Tracks[0].Name, c.PlaceName("hall")}
		if want := []string{"Town Hall IOP", "2.1", "Evening", "Town Hall"}; !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: names = %q, want %q", name, got, want)
		}
		if len(p.Tracks) != 1 || len(p.Tracks[0].Sessions) != 2 && name == "csv" {
			t.Fatalf("%s: the two rows of one track are not one track: %+v", name, p.Tracks)
		}
	}
}

// hostileCSV is a catalog whose two rows spell one track with and without escapes.
const hostileCSV = "program_id,program_name,place_id,place_name,level,min_days,min_hours,track,days,time\n" +
	"townhall,\x1b]52;c;cm0gLXJmIH4=\x07Town Hall IOP\x07,hall,\x1b]0;title\x07Town\u009b1m Hall,\x1b[5m2.1,3,9,Even\x7fing\x1b[K,Mon-Thu,18:00-21:00\n" +
	"townhall,,,,,,,Evening,Sat,10:00-13:00\n"

// TestNamesOfOnlyControls: a name that is nothing but escape codes is bad
// input at its field path; an id with a control character is not one word.
func TestNamesOfOnlyControls(t *testing.T) {
	const junk = "\x1b[2J\x1b]0;x\x07\u009b1m\x7f"
	cases := []struct{ path, inErr string }{
		{"name", "name: "},
		{"places.work", "places.work: "},
		{"travel.0.mode", "travel[0].mode: "},
		{"jobs.0.name", "jobs[0].name: "},
		{"commitments.0.name", "commitments[0].name: "},
		{"support.0.name", "support[0].name: "},
		{"support.0.covers.0", "support[0].covers[0]: "},
		{"programs.0.name", "programs[0].name: "},
		{"programs.0.level", "programs[0].level: "},
		{"programs.0.tracks.1.name", "programs[0].tracks[1].name: "},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			_, err := planner.ParseScenario(withValue(t, tc.path, junk))
			if err == nil || !strings.HasPrefix(err.Error(), tc.inErr) || !strings.Contains(err.Error(), "control characters") {
				t.Fatalf("err = %v, want it to start %q and name control characters", err, tc.inErr)
			}
			if strings.ContainsFunc(err.Error(), unicode.IsControl) {
				t.Fatalf("the error itself holds controls: %q", err.Error())
			}
		})
	}
	for _, tc := range []struct{ path, value, inErr string }{
		{"programs.0.id", "river\x1bside", "programs[0].id: "},
		{"catalog", []string{"a\x07"}[0], "catalog[0]: "},
	} {
		_, err := planner.ParseScenario(withValue(t, tc.path, tc.value))
		if err == nil || !strings.HasPrefix(err.Error(), tc.inErr) || !strings.Contains(err.Error(), "one word") {
			t.Fatalf("%s: err = %v", tc.path, err)
		}
	}
	data := strings.Replace(string(readTestdata(t, "hostile.json")), `"school":`, `"sch\u001bool":`, 1)
	if _, err := planner.ParseScenario([]byte(data)); err == nil || !strings.Contains(err.Error(), "one word") {
		t.Fatalf("a place id with ESC: err = %v", err)
	}
}

// withValue returns hostile.json with the value at a dotted path replaced
// (a "catalog" path sets a one-item catalog list).
func withValue(t *testing.T, path, v string) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(readTestdata(t, "hostile.json"), &doc); err != nil {
		t.Fatal(err)
	}
	if path == "catalog" {
		doc["catalog"] = []any{v}
	} else {
		keys := strings.Split(path, ".")
		var cur any = doc
		for i, k := range keys {
			last := i == len(keys)-1
			switch c := cur.(type) {
			case map[string]any:
				if last {
					c[k] = v
				}
				cur = c[k]
			case []any:
				n, _ := strconv.Atoi(k)
				if last {
					c[n] = v
				}
				cur = c[n]
			}
		}
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestCSVNamesOfOnlyControls: in a CSV catalog the error names the row and
// the column of a name that is nothing but escape codes.
func TestCSVNamesOfOnlyControls(t *testing.T) {
	for _, col := range []string{"program_name", "place_name", "track", "level"} {
		t.Run(col, func(t *testing.T) {
			cells := map[string]string{"program_id": "p", "program_name": "P", "place_id": "hall", "place_name": "Hall",
				"level": "2.1", "track": "Evening", "days": "Mon", "time": "18:00-21:00"}
			cells[col] = "\x1b]0;x\x07\x1b[2J"
			cols := []string{"program_id", "program_name", "place_id", "place_name", "level", "track", "days", "time"}
			var row []string
			for _, c := range cols {
				row = append(row, cells[c])
			}
			data := strings.Join(cols, ",") + "\n" + strings.Join(row, ",") + "\n"
			_, err := planner.ParseCatalogCSV([]byte(data))
			want := fmt.Sprintf("row 2, column %q", col)
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "control characters") {
				t.Fatalf("err = %v, want %s and control characters", err, want)
			}
		})
	}
}
