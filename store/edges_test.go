package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"weekfit/planner"
)

// Without a home folder (and without XDG_DATA_HOME) there is no default
// database: the error says to give one.
func TestDefaultPathWithoutHome(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "relative/is/ignored")
	t.Setenv("HOME", "")
	p, err := DefaultPath()
	if err == nil || !strings.Contains(err.Error(), "give a database with --db PATH") {
		t.Fatalf("DefaultPath without a home: %q, %v", p, err)
	}
}

// A database whose folder cannot be created (its parent is a link to
// nothing) is refused with the folder named, and nothing is made.
func TestOpenWhereTheFolderCannotBeMade(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "nowhere"), link); err != nil {
		t.Fatal(err)
	}
	_, err := Open(filepath.Join(link, "sub", "weekfit.db"), Options{})
	if err == nil || !strings.Contains(err.Error(), "create the folder") {
		t.Fatalf("open under a dangling link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "nowhere")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the link's target was made: %v", err)
	}
}

// The catalog lists its places by id, whatever the order of the imports.
func TestCatalogPlacesByID(t *testing.T) {
	db := openTemp(t)
	for _, id := range []string{"west", "east"} {
		cat := &planner.Catalog{
			Places: []planner.Place{{ID: id + "side", Name: id + " clinic"}},
			Programs: []planner.Program{{ID: id, Name: id, Place: id + "side", Modality: planner.InPerson, MinDays: 1,
				Tracks: []planner.Track{{Name: "Evening", Sessions: []planner.Span{{Days: planner.DaySet(0).With(planner.Mon),
					Time: planner.Clock{Start: 18 * 60, End: 21 * 60}}}}}}},
		}
		if _, _, err := db.ImportCatalog(cat); err != nil {
			t.Fatal(err)
		}
	}
	cat, err := db.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	var places, programs []string
	for _, p := range cat.Places {
		places = append(places, p.ID)
	}
	for _, p := range cat.Programs {
		programs = append(programs, p.ID)
	}
	if strings.Join(places, ",") != "eastside,westside" || strings.Join(programs, ",") != "east,west" {
		t.Errorf("places %v, programs %v; want both by id", places, programs)
	}
}

// What-ifs saved in the same instant are listed by name.
func TestWhatIfsOfOneInstantByName(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	db := openAt(t, filepath.Join(t.TempDir(), "x.db"), Options{Now: func() time.Time { return at }})
	p, sc := newProfileWithWeek(t, db)
	for _, name := range []string{"Zebra", "Apple", "Mango"} {
		if _, err := db.SaveWhatIf(p.ID, name, sc, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	list, err := db.Snapshots(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, w := range list {
		names = append(names, w.Name)
	}
	if strings.Join(names, ",") != "Apple,Mango,Zebra" {
		t.Errorf("what-ifs of one instant: %v, want by name", names)
	}
}

// Adopting a what-if whose name is as long as a name may be keeps the
// week before under "before NAME" cut to fit, on a whole character, and
// numbered when that is taken.
func TestAdoptALongNamedWhatIf(t *testing.T) {
	db := openTemp(t)
	p, sc := newProfileWithWeek(t, db)
	long := strings.Repeat("é", maxNameLen/2) // 2 bytes each: the longest name
	w, err := db.SaveWhatIf(p.ID, long, sc, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	kept, err := db.AdoptWhatIf(p.ID, w.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "before " + strings.Repeat("é", (maxNameLen-8-len("before "))/2)
	if kept.Name != want {
		t.Fatalf("kept as %q (%d bytes), want %q (%d bytes)", kept.Name, len(kept.Name), want, len(want))
	}
	if _, err := db.SaveWhatIf(p.ID, long, sc, nil, nil); err != nil {
		t.Fatal(err)
	}
	again, err := db.WhatIf(p.ID, long)
	if err != nil {
		t.Fatal(err)
	}
	kept2, err := db.AdoptWhatIf(p.ID, again.ID, nil)
	if err != nil || kept2.Name != want+" (2)" {
		t.Errorf("the second kept week: %q, %v; want %q", kept2.Name, err, want+" (2)")
	}
}

// A profile name may be maxNameLen bytes long, not one more.
func TestProfileNameLength(t *testing.T) {
	db := openTemp(t)
	longest := strings.Repeat("a", maxNameLen)
	if _, err := db.CreateProfile(longest, "", nil); err != nil {
		t.Errorf("a name of %d bytes: %v", maxNameLen, err)
	}
	if _, err := db.CreateProfile(longest+"b", "", nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("a name of %d bytes: %v, want ErrInvalid", maxNameLen+1, err)
	}
}
