package planner

import (
	"reflect"
	"strings"
	"testing"
)

// A week that travels to the catalog's "clinic" without listing it.
const catalogTravelWeek = `{"name":"x","places":{"work":"Office"%s},
 "travel":[{"from":"work","to":%q,"minutes":5},{"from":"home","to":"work","minutes":30},{"from":"home","to":"clinic","minutes":25}],
 "jobs":[{"name":"Office","place":"work","shifts":[{"days":"Mon-Fri","time":"09:00-17:00"}]}],
 "sleep":[{"days":"daily","time":"23:00-06:30"}],"catalog":%s}`

func catalogWeek(t *testing.T, extraPlaces, workTo, ids string) (*Scenario, error) {
	t.Helper()
	data := strings.Replace(catalogTravelWeek, "%s", extraPlaces, 1)
	data = strings.Replace(data, "%q", `"`+workTo+`"`, 1)
	data = strings.Replace(data, "%s", ids, 1)
	return ParseScenario([]byte(data))
}

// TestTravelToCatalogPlaces: a week's travel may name the place of a
// catalog program it considers; the catalog's name is used unless the week
// lists the place itself; an id that is neither fails at the merge.
func TestTravelToCatalogPlaces(t *testing.T) {
	cat, err := ParseCatalogJSON(readTestdata(t, "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, places, workTo, ids string
		parseErr, mergeErr        string
		placeName                 string
	}{
		{"catalog place", "", "clinic", `["riverside"]`, "", "", "Riverside Recovery"},
		{"listed too: the week's name wins", `,"clinic":"My clinic"`, "clinic", `["riverside"]`, "", "", "My clinic"},
		{"not a catalog place", "", "nowhere", `["riverside"]`, "", `travel[0].to: "nowhere": unknown place: it is not under "places", nor a place of the catalog (the week names riverside)`, ""},
		{"no catalog ids", "", "clinic", `[]`, `travel[0].to: "clinic": unknown place`, "", ""},
		{"not one word", "", "north side", `["riverside"]`, `travel[0].to: "north side": unknown place`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := catalogWeek(t, tt.places, tt.workTo, tt.ids)
			if tt.parseErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.parseErr) {
					t.Fatalf("parse: %v, want %q", err, tt.parseErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			data, err := MarshalScenario(sc)
			if err != nil {
				t.Fatal(err)
			}
			back, err := ParseScenario(data)
			if err != nil || !reflect.DeepEqual(back, sc) {
				t.Fatalf("round trip: %v\n%s", err, data)
			}
			full, err := sc.WithCatalog(cat)
			if tt.mergeErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.mergeErr) {
					t.Fatalf("merge: %v, want %q", err, tt.mergeErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := full.PlaceName("clinic"); got != tt.placeName {
				t.Errorf("place name %q, want %q", got, tt.placeName)
			}
			res, err := Solve(full, Options{Top: 50})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range res.Plans {
				found = found || p.Program == "riverside"
			}
			for _, r := range res.Rejected {
				for _, why := range r.Reasons {
					if strings.Contains(why, "no travel time") {
						t.Errorf("rejected for travel: %s", why)
					}
				}
			}
			if !found {
				t.Errorf("no plan for the catalog program: %+v", res.Rejected)
			}
		})
	}
}

// TestLegToADroppedProgramsPlace: a week that no longer names the program
// of a place it gives travel to still plans.
func TestLegToADroppedProgramsPlace(t *testing.T) {
	cat, err := ParseCatalogJSON(readTestdata(t, "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := catalogWeek(t, "", "clinic", `["online"]`)
	if err != nil {
		t.Fatal(err)
	}
	full, err := sc.WithCatalog(cat)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := Solve(full, Options{}); err != nil || len(res.Plans) == 0 {
		t.Errorf("solve: %v, %+v", err, res)
	}
}

// TestUnmergedCatalogLegIsIgnored: a week solved without its catalog (the
// catalog lacks the program) ignores legs to places it does not know,
// rather than taking them for legs to home.
func TestUnmergedCatalogLegIsIgnored(t *testing.T) {
	sc, err := catalogWeek(t, "", "clinic", `["riverside"]`)
	if err != nil {
		t.Fatal(err)
	}
	sc.Catalog = nil
	sc.Programs = []Program{{ID: "v", Name: "V", Modality: Virtual, MinDays: 1, Tracks: []Track{{Name: "E",
		Sessions: []Span{{Days: DaySet(0).With(Mon), Time: Clock{Start: 19 * 60, End: 21 * 60}}}}}}}
	res, err := Solve(sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Plans) == 0 || res.Plans[0].TravelMinutes != 5*2*30 {
		t.Errorf("plans %+v: want the week's 300 minutes of travel to work and back", res.Plans)
	}
}
