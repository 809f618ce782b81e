package store

import (
	"errors"
	"reflect"
	"testing"

	"weekfit/planner"
)

// TestCatalogDetailsAndRemove: a program's details (address, phone,
// population, last verified, notes) are kept, with and without a
// passphrase, and a removed program is gone with its place and details.
func TestCatalogDetailsAndRemove(t *testing.T) {
	for _, sealed := range []bool{false, true} {
		db := openTemp(t)
		if sealed {
			if err := db.SetPassphrase("", "correct horse"); err != nil {
				t.Fatal(err)
			}
		}
		in := mustCatalog(t)
		in.Details = map[string]planner.Details{"riverside": {Address: "1 River Rd", Phone: "555-0101",
			Population: "adults", LastVerified: "2026-10-01", Notes: "Park behind"}}
		if _, _, err := db.ImportCatalog(in); err != nil {
			t.Fatal(err)
		}
		got, err := db.Catalog()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Details, in.Details) {
			t.Errorf("sealed %v: details %+v, want %+v", sealed, got.Details, in.Details)
		}
		if err := db.RemoveCatalogProgram("riverside"); err != nil {
			t.Fatal(err)
		}
		got, err = db.Catalog()
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Programs) != 1 || got.Programs[0].ID != "online" || len(got.Places) != 0 || got.Details != nil {
			t.Errorf("sealed %v: after remove %+v", sealed, got)
		}
		if err := db.RemoveCatalogProgram("riverside"); !errors.Is(err, ErrNotFound) {
			t.Errorf("sealed %v: second remove: %v, want ErrNotFound", sealed, err)
		}
		if added, _, err := db.ImportCatalog(in); err != nil || added != 1 {
			t.Errorf("sealed %v: import after remove: added %d, %v", sealed, added, err)
		}
	}
}
