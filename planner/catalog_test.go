package planner

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestCatalogCSVEqualsJSON(t *testing.T) {
	fromJSON, err := ParseCatalogJSON(readTestdata(t, "catalog.json"))
	if err != nil {
		t.Fatalf("json: %v", err)
	}
	csvData := readTestdata(t, "catalog.csv")
	variants := map[string][]byte{
		"plain":          csvData,
		"bom":            append([]byte("\xef\xbb\xbf"), csvData...),
		"crlf":           []byte(strings.ReplaceAll(string(csvData), "\n", "\r\n")),
		"trailing blank": append(append([]byte(nil), csvData...), []byte("\n\n,,,\n\n")...),
	}
	for name, data := range variants {
		t.Run(name, func(t *testing.T) {
			fromCSV, err := ParseCatalogCSV(data)
			if err != nil {
				t.Fatalf("csv: %v", err)
			}
			if !reflect.DeepEqual(fromCSV, fromJSON) {
				t.Errorf("csv catalog\n%+v\ndiffers from json catalog\n%+v", fromCSV, fromJSON)
			}
		})
	}
}

func TestCatalogJSONRoundTrip(t *testing.T) {
	c, err := ParseCatalogJSON(readTestdata(t, "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := MarshalCatalog(c)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseCatalogJSON(data)
	if err != nil {
		t.Fatalf("parse marshalled catalog: %v\n%s", err, data)
	}
	if !reflect.DeepEqual(back, c) {
		t.Errorf("round trip changed the catalog:\n%+v\n%+v", back, c)
	}
}

const csvHeader = "program_id,program_name,place_id,place_name,modality,min_days,min_hours,track,days,time\n"

func TestCatalogCSVErrors(t *testing.T) {
	good := "p,P,clinic,Clinic,in-person,3,9,Morning,Mon-Wed,09:00-12:00\n"
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "the file is empty"},
		{"header only", csvHeader, "no sessions"},
		{"unknown column", "program_id,colour,track,days,time\n", `row 1, column 2: "colour": unknown column`},
		{"missing column", "program_id,track,days\n", `no "time" column`},
		{"bad hour", csvHeader + good + good + good + good + good + "p,P,clinic,Clinic,in-person,3,9,Night,Mon,25:00-07:00\n",
			`row 7, column "time": "25:00-07:00": `},
		{"bad days", csvHeader + "p,P,clinic,Clinic,in-person,3,9,Morning,Funday,09:00-12:00\n", `row 2, column "days": "Funday": unknown day`},
		{"bad number", csvHeader + "p,P,clinic,Clinic,in-person,three,9,Morning,Mon,09:00-12:00\n", `row 2, column "min_days": "three": must be a whole number`},
		{"min days range", csvHeader + "p,P,clinic,Clinic,in-person,9,9,Morning,Mon,09:00-12:00\n", `row 2, column "min_days": "9": must be from 0 to 7`},
		{"bad modality", csvHeader + "p,P,clinic,Clinic,carrier pigeon,3,9,Morning,Mon,09:00-12:00\n", `row 2, column "modality"`},
		{"no place", csvHeader + "p,P,,,in-person,3,9,Morning,Mon,09:00-12:00\n", `row 2, column "place_id": missing`},
		{"disagree", csvHeader + good + "p,P,clinic,Clinic,in-person,4,9,Evening,Mon,18:00-21:00\n", `row 3, column "min_days": "4": row 2 gives "3"`},
		{"place names differ", csvHeader + good + "q,Q,clinic,Other,in-person,3,9,Evening,Mon,18:00-21:00\n", `row 3, column "place_name"`},
		{"mixed track", csvHeader + "p,P,clinic,Clinic,in-person,3,9,mixed,Mon,09:00-12:00\n", `row 2, column "track"`},
		{"too many cells", csvHeader + "p,P,clinic,Clinic,in-person,3,9,Morning,Mon,Wed,09:00-12:00\n", "row 2: 11 cells but the header names 10"},
		{"bad quote", csvHeader + "p,\"P,clinic\n", "row 2"},
		{"column named twice", "program_id,track,days,time,track\n", `row 1, column 5: "track": this column is named twice`},
		{"bad arrive early", "program_id,place_id,track,days,time,arrive_early_minutes\np,clinic,Morning,Mon,09:00-12:00,soon\n", `row 2, column "arrive_early_minutes": "soon": must be a whole number`},
		{"long session", csvHeader + "p,P,clinic,Clinic,in-person,3,9,Morning,Mon,06:00-20:00\n", `row 2, column "time"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCatalogCSV([]byte(tt.data))
			if err == nil {
				t.Fatalf("no error; got %+v", c)
			}
			if !errors.Is(err, ErrInput) {
				t.Errorf("error %v is not an input error", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestCatalogJSONErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"empty", "", "empty"},
		{"unknown field", `{"programs":[],"jobs":[]}`, "jobs: unknown field"},
		{"no programs", `{"version":1,"programs":[]}`, "no programs"},
		{"version", `{"version":2,"programs":[]}`, "unsupported version"},
		{"unknown place", `{"programs":[{"id":"a","place":"x","tracks":[{"name":"M","sessions":[{"days":"Mon","time":"9am-noon"}]}]}]}`, `programs[0].place: "x": unknown place`},
		{"duplicate id", `{"places":{"c":"C"},"programs":[{"id":"a","place":"c","tracks":[{"name":"M","sessions":[{"days":"Mon","time":"09:00-12:00"}]}]},{"id":"a","place":"c","tracks":[{"name":"M","sessions":[{"days":"Mon","time":"09:00-12:00"}]}]}]}`, "programs[1].id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseCatalogJSON([]byte(tt.data)); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestWithCatalog(t *testing.T) {
	c, err := ParseCatalogJSON(readTestdata(t, "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	base := `{"name":"x","places":{"work":"Work"},"sleep":[{"days":"daily","time":"23:00-07:00"}],"catalog":%s}`
	tests := []struct {
		name, ids  string
		programs   []string
		wantPlaces []string
		wantErr    string
	}{
		{"one", `["riverside"]`, []string{"riverside"}, []string{"home", "clinic", "work"}, ""},
		{"virtual adds no place", `["online"]`, []string{"online"}, []string{"home", "work"}, ""},
		{"both", `["online","riverside"]`, []string{"online", "riverside"}, []string{"home", "clinic", "work"}, ""},
		{"missing", `["nowhere"]`, nil, nil, `catalog[0]: "nowhere": no program in the catalog`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := ParseScenario([]byte(strings.Replace(base, "%s", tt.ids, 1)))
			if err != nil {
				t.Fatal(err)
			}
			before, _ := MarshalScenario(sc)
			got, err := sc.WithCatalog(c)
			if after, _ := MarshalScenario(sc); string(after) != string(before) {
				t.Errorf("WithCatalog changed its receiver")
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids, places []string
			for _, p := range got.Programs {
				ids = append(ids, p.ID)
			}
			for _, p := range got.Places {
				places = append(places, p.ID)
			}
			if !reflect.DeepEqual(ids, tt.programs) || !reflect.DeepEqual(places, tt.wantPlaces) {
				t.Errorf("programs %v places %v, want %v %v", ids, places, tt.programs, tt.wantPlaces)
			}
			if len(got.Catalog) != 0 {
				t.Errorf("merged scenario still lists catalog ids %v", got.Catalog)
			}
			if _, err := Solve(got, Options{}); err != nil {
				t.Errorf("solve merged scenario: %v", err)
			}
		})
	}
}

func FuzzParseCatalogCSV(f *testing.F) {
	f.Add(readTestdata(f, "catalog.csv"))
	f.Add([]byte(csvHeader + "p,P,clinic,Clinic,in-person,3,9,Morning,Mon-Wed,09:00-12:00\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCatalogCSV(data)
		if err != nil {
			if !errors.Is(err, ErrInput) {
				t.Fatalf("error is not an input error: %v", err)
			}
			return
		}
		checkCatalogRoundTrip(t, c)
	})
}

func FuzzParseCatalogJSON(f *testing.F) {
	f.Add(readTestdata(f, "catalog.json"))
	f.Add([]byte(`{"programs":[{"id":"a","modality":"virtual","tracks":[{"name":"M","sessions":[{"days":"Mon","time":"9am-noon"}]}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCatalogJSON(data)
		if err != nil {
			if !errors.Is(err, ErrInput) {
				t.Fatalf("error is not an input error: %v", err)
			}
			return
		}
		checkCatalogRoundTrip(t, c)
	})
}

func checkCatalogRoundTrip(t *testing.T, c *Catalog) {
	t.Helper()
	data, err := MarshalCatalog(c)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	back, err := ParseCatalogJSON(data)
	if err != nil {
		t.Fatalf("a parsed catalog does not parse again: %v\n%s", err, data)
	}
	if !reflect.DeepEqual(back, c) {
		t.Fatalf("round trip changed the catalog:\n%+v\n%+v", back, c)
	}
}
