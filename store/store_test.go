package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"weekfit/planner"
)

// checkBolt runs bbolt's consistency check on an open database.
func checkBolt(t testing.TB, b *bbolt.DB) {
	t.Helper()
	err := b.View(func(tx *bbolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	})
	if err != nil {
		t.Errorf("consistency check: %v", err)
	}
}

// openAt opens the database at path for a test, checks and closes it at the end.
func openAt(t testing.TB, path string, opt Options) *DB {
	t.Helper()
	db, err := Open(path, opt)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { closeChecked(t, db) })
	return db
}

// closeChecked checks a database that is still open, then closes it.
func closeChecked(t testing.TB, db *DB) {
	db.mu.RLock()
	b := db.bolt
	db.mu.RUnlock()
	if b != nil {
		checkBolt(t, b)
	}
	if err := db.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
}

func openTemp(t testing.TB) *DB {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "x.db"), Options{})
}

func exampleScenario(t testing.TB) *planner.Scenario {
	t.Helper()
	data, err := os.ReadFile("../examples/office.json")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func examplePlans(t testing.TB, sc *planner.Scenario) []planner.Plan {
	t.Helper()
	res, err := planner.Solve(sc, planner.Options{Top: 3})
	if err != nil || len(res.Plans) < 2 {
		t.Fatalf("solve example: %v (%d plans)", err, len(res.Plans))
	}
	return res.Plans
}

// exported keeps only the exported fields of a plan, as the store does.
func exported(p planner.Plan) planner.Plan { return toPlanJSON(p).plan() }

func TestProfiles(t *testing.T) {
	db := openTemp(t)
	sc := exampleScenario(t)
	for _, name := range []string{"zoe", "Adam", "me"} {
		if _, err := db.CreateProfile(name, "C-"+name, sc); err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
	}
	list, err := db.Profiles()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range list {
		names = append(names, p.Name)
	}
	if want := []string{"Adam", "me", "zoe"}; !reflect.DeepEqual(names, want) {
		t.Errorf("profiles %v, want %v", names, want)
	}
	tests := []struct {
		name string
		err  error
		run  func() error
	}{
		{"by name, any case", nil, func() error { _, err := db.Profile("ZOE"); return err }},
		{"by id", nil, func() error { _, err := db.Profile(list[0].ID); return err }},
		{"missing", ErrNotFound, func() error { _, err := db.Profile("nobody"); return err }},
		{"duplicate name", ErrExists, func() error { _, err := db.CreateProfile("Me", "", nil); return err }},
		{"empty name", ErrInvalid, func() error { _, err := db.CreateProfile("  ", "", nil); return err }},
		{"two-line name", ErrInvalid, func() error { _, err := db.CreateProfile("a\nb", "", nil); return err }},
		{"rename onto another", ErrExists, func() error { return db.RenameProfile(list[0].ID, "zoe") }},
		{"rename missing", ErrNotFound, func() error { return db.RenameProfile("0123", "x") }},
		{"rename", nil, func() error { return db.RenameProfile(list[0].ID, "Adam B") }},
		{"discreet", nil, func() error { return db.SetDiscreet(list[0].ID, true) }},
		{"scenario of missing", ErrNotFound, func() error { _, err := db.Scenario("0123"); return err }},
		{"save nil scenario", ErrInvalid, func() error { return db.SaveScenario(list[0].ID, nil) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			if (tt.err == nil) != (err == nil) || (tt.err != nil && !errors.Is(err, tt.err)) {
				t.Errorf("error %v, want %v", err, tt.err)
			}
		})
	}
	p, err := db.Profile(list[0].ID)
	if err != nil || p.Name != "Adam B" || !p.Discreet || p.ClientCode != "C-Adam" || p.Updated.Before(p.Created) {
		t.Errorf("after rename and discreet: %+v, %v", p, err)
	}
}

func TestScenarioRoundTrip(t *testing.T) {
	db := openTemp(t)
	sc := exampleScenario(t)
	p, err := db.CreateProfile("me", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Scenario(p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("scenario of a new profile: %v, want ErrNotFound", err)
	}
	if err := db.SaveScenario(p.ID, sc); err != nil {
		t.Fatal(err)
	}
	got, err := db.Scenario(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, sc) {
		t.Errorf("scenario changed on the way through the store:\n%+v\n%+v", got, sc)
	}
}

func TestPlans(t *testing.T) {
	db := openTemp(t)
	sc := exampleScenario(t)
	plans := examplePlans(t, sc)
	p, err := db.CreateProfile("me", "", sc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ChosenPlan(p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("chosen plan before any: %v, want ErrNotFound", err)
	}
	for _, pl := range plans[:2] {
		if err := db.ChoosePlan(p.ID, pl, sc); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.ChosenPlan(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Chosen || !reflect.DeepEqual(got.Plan, exported(plans[1])) || !reflect.DeepEqual(got.Scenario, sc) {
		t.Errorf("chosen plan %+v, want the second one", got.Plan)
	}
	snap, err := db.SaveSnapshot(p.ID, "Tuesdays off", plans[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveSnapshot(p.ID, "", plans[0], nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("snapshot without a name: %v", err)
	}
	if _, err := db.SaveSnapshot("0123", "x", plans[0], nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("snapshot of a missing profile: %v", err)
	}
	snaps, err := db.Snapshots(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(snaps) != 1 || snaps[0].ID != snap.ID || snaps[0].Name != "Tuesdays off" || snaps[0].Scenario != nil ||
		!reflect.DeepEqual(snaps[0].Plan, exported(plans[0])) {
		t.Errorf("snapshots %+v", snaps)
	}
	err = db.view(func(tx *bbolt.Tx, _ *sealer) error {
		if n := tx.Bucket(bucketPlans).Bucket([]byte(p.ID)).Stats().KeyN; n != 2 {
			t.Errorf("%d plan records, want 2: choosing again must replace the previous choice", n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDeleteProfileLeavesNoTrace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	db := openAt(t, path, Options{})
	sc := exampleScenario(t)
	sc.Name = "Quentin Marchbanks"
	p, err := db.CreateProfile("Quentin Marchbanks", "QM-77", sc)
	if err != nil {
		t.Fatal(err)
	}
	keep, err := db.CreateProfile("me", "", exampleScenario(t))
	if err != nil {
		t.Fatal(err)
	}
	pl := examplePlans(t, sc)[0]
	if err := db.ChoosePlan(p.ID, pl, sc); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveSnapshot(p.ID, "snap", pl, sc); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteProfile(p.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteProfile(p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	for _, call := range []func() error{
		func() error { _, err := db.Scenario(p.ID); return err },
		func() error { _, err := db.ChosenPlan(p.ID); return err },
		func() error { _, err := db.Snapshots(p.ID); return err },
	} {
		if err := call(); !errors.Is(err, ErrNotFound) {
			t.Errorf("after delete: %v, want ErrNotFound", err)
		}
	}
	if _, err := db.Scenario(keep.ID); err != nil {
		t.Errorf("the other profile lost its scenario: %v", err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Quentin", "QM-77", p.ID} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("the file still holds %q after the delete", s)
		}
	}
}

func TestCatalog(t *testing.T) {
	db := openTemp(t)
	c, err := db.Catalog()
	if err != nil || len(c.Programs) != 0 {
		t.Fatalf("empty catalog: %+v, %v", c, err)
	}
	data, err := os.ReadFile("../planner/testdata/catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	in, err := planner.ParseCatalogJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ added, updated int }{{2, 0}, {0, 2}}
	for i, tt := range tests {
		added, updated, err := db.ImportCatalog(in)
		if err != nil || added != tt.added || updated != tt.updated {
			t.Errorf("import %d: added %d updated %d (%v), want %d %d", i+1, added, updated, err, tt.added, tt.updated)
		}
	}
	got, err := db.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	want := &planner.Catalog{Places: in.Places, Programs: []planner.Program{in.Programs[1], in.Programs[0]}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("catalog\n%+v\nwant\n%+v", got, want)
	}
	if _, _, err := db.ImportCatalog(&planner.Catalog{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("empty import: %v", err)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	db := openTemp(t)
	sc := exampleScenario(t)
	plans := examplePlans(t, sc)
	p, err := db.CreateProfile("Client 7", "C7", sc)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetDiscreet(p.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := db.ChoosePlan(p.ID, plans[1], sc); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveSnapshot(p.ID, "what if", plans[0], nil); err != nil {
		t.Fatal(err)
	}
	first, err := db.ExportProfile("client 7")
	if err != nil {
		t.Fatal(err)
	}
	if !IsProfileExport(first) {
		t.Fatal("the export is not recognised as one")
	}
	other := openTemp(t)
	for round := 0; round < 2; round++ { // once new, once replacing
		q, created, err := other.ImportProfile(first, "")
		if err != nil || created != (round == 0) || q.Name != "Client 7" || !q.Discreet {
			t.Fatalf("import round %d: %+v created=%v %v", round, q, created, err)
		}
	}
	second, err := other.ExportProfile("Client 7")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Errorf("export after import differs:\n%s\n---\n%s", first, second)
	}
	bad := []struct{ name, data, want string }{
		{"not json", "{", "cannot be read"},
		{"unknown field", `{"format":"weekfit profile","version":1,"name":"x","plans":[],"colour":1}`, "unknown field"},
		{"version", `{"format":"weekfit profile","version":9,"name":"x","plans":[]}`, "version 9"},
		{"bad plan", `{"format":"weekfit profile","version":1,"name":"x","plans":[{"chosen":true,"saved":"2026-01-01T00:00:00Z","plan":{"program":"p","sessions":[{"week":1,"day":9,"time":{"start":0,"end":60}}]}}]}`, "impossible day"},
		{"bad scenario", `{"format":"weekfit profile","version":1,"name":"x","scenario":{"programs":[]},"plans":[]}`, "no programs"},
	}
	for _, tt := range bad {
		if _, _, err := other.ImportProfile([]byte(tt.data), ""); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want ErrInvalid with %q", tt.name, err, tt.want)
		}
	}
}

func mustCatalog(t testing.TB) *planner.Catalog {
	t.Helper()
	data, err := os.ReadFile("../planner/testdata/catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := planner.ParseCatalogJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
