package tui

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"weekfit/planner"
)

// catalogStore is a fake store whose catalog the Catalog screen can change.
type catalogStore struct {
	*fakeStore
	mu  sync.Mutex
	cat *planner.Catalog
}

func newCatalogStore(t *testing.T) *catalogStore {
	f := storeWith(t, 1)
	cat, _ := f.Catalog()
	return &catalogStore{fakeStore: f, cat: cat}
}

func (c *catalogStore) Catalog() (*planner.Catalog, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := *c.cat
	out.Programs = append([]planner.Program(nil), c.cat.Programs...)
	return &out, nil
}

// ImportCatalogFile adds Northside Counseling's evening program, whatever
// the file; "missing.csv" fails as a missing file would.
func (c *catalogStore) ImportCatalogFile(path string) (int, int, error) {
	if path == "missing.csv" {
		return 0, 0, errors.New("missing.csv: no such file; check the path")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	every := planner.DaySet(0).With(planner.Mon).With(planner.Tue).With(planner.Thu)
	c.cat.Places = append(c.cat.Places, planner.Place{ID: "northside", Name: "Northside Counseling"})
	c.cat.Programs = append(c.cat.Programs, planner.Program{ID: "north", Name: "Northside Counseling IOP", Place: "northside",
		Modality: planner.InPerson, MinDays: 3, MinMinutes: 9 * 60, Tracks: []planner.Track{{Name: "Evening",
			Sessions: []planner.Span{{Days: every, Time: planner.Clock{Start: 18 * 60, End: 21 * 60}}}}}})
	c.cat.Details = map[string]planner.Details{"north": {Address: "1200 N Main St", Phone: "555-0142", LastVerified: "2026-01-02"}}
	return 1, 0, nil
}

func (c *catalogStore) RemoveCatalogProgram(id string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, p := range c.cat.Programs {
		if p.ID == id {
			c.cat.Programs = append(c.cat.Programs[:i:i], c.cat.Programs[i+1:]...)
			return nil
		}
	}
	return errors.New("no such program")
}

func catalogOptions(st *catalogStore) Options {
	return Options{Catalog: st, Now: func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }}
}

// TestCatalogCounselorPath: import a catalog from the TUI, add two catalog
// programs to the client with travel times when asked, and see both on the
// board with their best tracks.
func TestCatalogCounselorPath(t *testing.T) {
	st := newCatalogStore(t)
	m := startedWith(t, st, catalogOptions(st), 120, 40)
	m = typeKeys(m, "C")
	v := view(m)
	for _, want := range []string{"[Catalog]", "Catalog: 1 of 1 programs", "Eastside Evening IOP", "Evening: Mon,Wed,Fri 18:00-21:00", "last verified: never"} {
		if !strings.Contains(v, want) {
			t.Errorf("catalog screen lacks %q:\n%s", want, v)
		}
	}
	m = typeKeys(m, "i", "m", "i", "s", "s", "i", "n", "g", ".", "c", "s", "v", "enter")
	if !m.statusErr || !strings.Contains(m.status, "the catalog is unchanged: missing.csv: no such file") {
		t.Errorf("a failed import: %q", m.status)
	}
	m = typeKeys(m, "i")
	for _, r := range "clinics.xlsx" {
		m = typeKeys(m, string(r))
	}
	m = typeKeys(m, "enter")
	if m.statusErr || !strings.Contains(m.status, "catalog: 1 program(s) added, 0 updated") {
		t.Fatalf("import: %q", m.status)
	}
	v = view(m)
	if !strings.Contains(v, "Catalog: 2 of 2 programs") || !strings.Contains(v, "Northside Counseling IOP") {
		t.Fatalf("after import:\n%s", v)
	}
	m = typeKeys(m, "/", "n", "o", "r", "t", "h", "enter")
	v = view(m)
	for _, want := range []string{"Catalog: 1 of 2 programs", "1200 N Main St", "555-0142", "! last verified 2026-01-02: check this schedule with the program"} {
		if !strings.Contains(v, want) {
			t.Errorf("filtered detail lacks %q:\n%s", want, v)
		}
	}
	m = typeKeys(m, "a")
	v = view(m)
	if !strings.Contains(v, "How long does the trip to Northside Counseling take?") || !strings.Contains(v, "From home to Northside Counseling:") ||
		!strings.Contains(v, "From Office to Northside Counseling:") {
		t.Fatalf("no travel question:\n%s", v)
	}
	m = typeKeys(m, "x", "enter")
	if !strings.Contains(view(m), `"x": give the minutes as a whole number`) {
		t.Errorf("bad minutes accepted:\n%s", view(m))
	}
	m = typeKeys(m, "backspace", "2", "0", "enter", "1", "5", "enter")
	if got := m.d.sc.Catalog; len(got) != 1 || got[0] != "north" {
		t.Fatalf("week's catalog ids %v", got)
	}
	if !hasLegOf(m.d.sc, "home", "northside", 20) || !hasLegOf(m.d.sc, "work", "northside", 15) {
		t.Errorf("travel %+v", m.d.sc.Travel)
	}
	if saved, _ := st.Scenario(m.d.profile.ID); len(saved.Catalog) != 1 {
		t.Errorf("the week was not saved: %+v", saved.Catalog)
	}
	// The second program: its place has no travel yet either; esc adds it without.
	m = typeKeys(m, "/", "backspace", "backspace", "backspace", "backspace", "backspace", "enter")
	m = typeKeys(m, "a")
	if !strings.Contains(view(m), "Eastside Clinic") {
		t.Fatalf("no travel question for Eastside:\n%s", view(m))
	}
	m = typeKeys(m, "1", "0", "enter", "1", "2", "enter")
	if len(m.d.sc.Catalog) != 2 {
		t.Fatalf("catalog ids %v", m.d.sc.Catalog)
	}
	m = typeKeys(m, "a")
	if !strings.Contains(view(m), "is already in this week") {
		t.Errorf("adding twice:\n%s", view(m))
	}
	m = typeKeys(m, "B")
	v = view(m)
	for _, name := range []string{"Eastside Evening IOP", "Northside Counseling IOP", "Riverside Recovery IOP"} {
		line := lineWith(v, name)
		if !strings.Contains(line, " yes ") || !strings.Contains(line, "Evening") {
			t.Errorf("board row of %s: %q\n%s", name, line, v)
		}
	}
	if !strings.Contains(lineWith(v, "Northside"), "!Northside") {
		t.Errorf("the stale entry has no mark:\n%s", v)
	}
	m = typeKeys(m, "u")
	if len(m.d.sc.Catalog) != 1 {
		t.Errorf("undo kept %v", m.d.sc.Catalog)
	}
}

func hasLegOf(sc *planner.Scenario, from, to string, minutes int) bool {
	for _, l := range sc.Travel {
		if l.From == from && l.To == to && l.Minutes == minutes {
			return true
		}
	}
	return false
}

func TestCatalogRemoveAndReadOnly(t *testing.T) {
	st := newCatalogStore(t)
	m := startedWith(t, st, catalogOptions(st), 120, 40)
	m = typeKeys(m, "C", "x", "n")
	if len(m.d.cat.Programs) != 1 {
		t.Fatalf("n removed the program")
	}
	m = typeKeys(m, "x")
	if !strings.Contains(view(m), "Remove Eastside Evening IOP from the catalog for every profile?") {
		t.Errorf("no question:\n%s", view(m))
	}
	m = typeKeys(m, "y")
	if len(m.d.cat.Programs) != 0 || !strings.Contains(view(m), "The catalog is empty. i imports") {
		t.Errorf("after remove: %d programs\n%s", len(m.d.cat.Programs), view(m))
	}
	ro := started(t, storeWith(t, 1), 120, 40)
	ro = typeKeys(ro, "C", "i")
	if ro.catalog.mode != catBrowse || strings.Contains(view(ro), "i import") {
		t.Errorf("import offered without an editor:\n%s", view(ro))
	}
}

func TestCatalogDiscreet(t *testing.T) {
	st := newCatalogStore(t)
	m := startedWith(t, st, catalogOptions(st), 120, 40)
	m = typeKeys(m, "d", "C", "i")
	for _, r := range "x.csv" {
		m = typeKeys(m, string(r))
	}
	m = typeKeys(m, "enter", "down", "a")
	v := view(m)
	for _, name := range []string{"Eastside", "Northside", "1200 N Main", "IOP"} {
		if strings.Contains(v, name) {
			t.Errorf("discreet catalog shows %q:\n%s", name, v)
		}
	}
}

// TestSizeSweepCatalogScreens draws the Catalog screen (the list, the import
// prompt, the travel question) and the Program board at every size from
// 0x0 to 200x60: no panic, no line wider than the terminal.
func TestSizeSweepCatalogScreens(t *testing.T) {
	st := newCatalogStore(t)
	base := startedWith(t, st, catalogOptions(st), 120, 40)
	base = typeKeys(base, "C", "i", "x", ".", "c", "s", "v", "enter")
	for _, keys := range [][]string{{"C"}, {"C", "i"}, {"C", "down", "a"}, {"B"}, {"B", "a"}, {"B", "/", "e"}} {
		m := typeKeys(base, keys...)
		name := strings.Join(keys, "")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sweep(t, m, name)
		})
	}
}
