package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"weekfit/planner"
)

// startUpSeparately reads what StartUp reads, one call each, as the TUI did.
func startUpSeparately(t *testing.T, db *DB, id string) StartUp {
	t.Helper()
	var out StartUp
	var err error
	if out.Discreet, err = db.Discreet(); err != nil {
		t.Fatal(err)
	}
	if out.Profiles, err = db.Profiles(); err != nil {
		t.Fatal(err)
	}
	if len(out.Profiles) == 0 {
		return out
	}
	out.Profile = out.Profiles[0]
	for _, p := range out.Profiles {
		if p.ID == id {
			out.Profile = p
		}
	}
	out.Scenario, out.Revision, out.ScenarioErr = db.ScenarioRevision(out.Profile.ID)
	if out.Chosen, err = db.ChosenPlan(out.Profile.ID); err != nil && !errorsIsNotFound(err) {
		out.ChosenErr = err
	}
	out.Catalog, out.CatalogErr = db.Catalog()
	return out
}

func errorsIsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }

// TestStartUpReadsWhatSeparateCallsRead: StartUp gives, in one read, what
// the separate calls give, for each profile asked for, on an empty
// database, with a chosen plan and a catalog, and with discreet mode on.
func TestStartUpReadsWhatSeparateCallsRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "weekfit.db")
	db := openAt(t, path, Options{Idle: true})
	check := func(what, id string) {
		t.Helper()
		got, err := db.StartUp(id)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		want := startUpSeparately(t, db, id)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: StartUp\n%+v\nseparate reads\n%+v", what, got, want)
		}
	}
	check("an empty database", "")
	sc := exampleScenario(t)
	var ids []string
	for _, name := range []string{"Sam", "alex", "Robin"} {
		p, err := db.CreateProfile(name, "", sc)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	check("the first by name", "")
	check("an id not there", "no-such-id")
	if got, _ := db.StartUp(""); got.Profile.Name != "alex" || len(got.Profiles) != 3 {
		t.Errorf("the first profile is %q of %d, want alex of 3", got.Profile.Name, len(got.Profiles))
	}
	if err := db.ChoosePlan(ids[0], examplePlans(t, sc)[1], sc); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../planner/testdata/catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := planner.ParseCatalogJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.ImportCatalog(cat); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveScenario(ids[0], sc); err != nil { // a revision past the first
		t.Fatal(err)
	}
	if err := db.SetDatabaseDiscreet(true); err != nil {
		t.Fatal(err)
	}
	check("Sam, with a chosen plan and the catalog", ids[0])
	check("Robin, with no plan chosen", ids[2])
	got, _ := db.StartUp(ids[0])
	if !got.Discreet || got.Chosen.ID == "" || len(got.Catalog.Programs) != 2 || got.Revision == 0 {
		t.Errorf("Sam: discreet %v, chosen %q, %d catalog programs, revision %d", got.Discreet, got.Chosen.ID, len(got.Catalog.Programs), got.Revision)
	}
}
