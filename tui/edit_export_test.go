package tui

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"weekfit/planner"
	"weekfit/store"
)

// dbStore is the TUI's Store on a real database, as main adapts it: the
// Edit-field test compares the screen with the store's own export.
type dbStore struct{ *store.DB }

func (s dbStore) ListProfiles() ([]Profile, error) {
	ps, err := s.Profiles()
	out := make([]Profile, len(ps))
	for i, p := range ps {
		out[i] = Profile{ID: p.ID, Name: p.Name, ClientCode: p.ClientCode, Discreet: p.Discreet}
	}
	return out, err
}

func (s dbStore) NewProfile(name string, sc *planner.Scenario) (Profile, error) {
	p, err := s.CreateProfile(name, "", sc)
	return Profile{ID: p.ID, Name: p.Name}, err
}

func (s dbStore) Chosen(id string) (planner.Plan, bool, error) {
	sp, err := s.ChosenPlan(id)
	if errors.Is(err, store.ErrNotFound) {
		return planner.Plan{}, false, nil
	}
	return sp.Plan, err == nil, err
}

// editAllDB is a database with the catalog of testdata/editall and one
// profile on its week.
func editAllDB(t *testing.T) (dbStore, string) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "weekfit.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", "editall", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	cat, err := planner.ParseCatalogJSON(read("catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.ImportCatalog(cat); err != nil {
		t.Fatal(err)
	}
	sc, err := planner.ParseScenario(read("week.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := db.CreateProfile("Edit test", "", sc)
	if err != nil {
		t.Fatal(err)
	}
	return dbStore{db}, p.ID
}

// editAllValues is what the test types into each field of the Edit screen
// of testdata/editall/week.json, in the screen's order, by the field's
// label: a new valid value for every one, some typed as a person might
// (any case, short times), which the screen must show as stored.
var editAllValues = []struct{ label, typed string }{
	{"name", "Edited week"}, {"arrive early (min)", "15"}, {"weeks in rotation", "2"}, {"catalog programs (ids)", "east"},
	{"job 1 name", "Warehouse"}, {"place", "library"}, {"may start earlier (min)", "5"}, {"may start later (min)", "10"},
	{"may end earlier (min)", "15"}, {"may end later (min)", "20"}, {"unpaid a week at most (min)", "90"},
	{"days", "mon-thu"}, {"time", "08:00-16:30"}, {"weeks (empty = every)", "1"},
	{"place 1", "Home sweet home"}, {"place 2", "Gym and pool"}, {"place 3", "City library"}, {"place 4", "Elm school"}, {"place 5", "Head office"},
	{"leg 1 from", "elm school"}, {"to", "Gym and pool"}, {"minutes", "30"}, {"mode (car, bus, walk, ride)", "car"}, {"one way", "y"},
	{"rush 1 days", "Mon-Thu"}, {"time", "16:00-18:00"}, {"factor", "1.7"},
	{"duty 1 name", "School run"}, {"place (empty = none)", "city library"}, {"days", "Mon-Wed"}, {"time", "15:00-15:30"}, {"weeks (empty = every)", "2"},
	{"person 1 name", "Brother"}, {"covers (duty names)", "School run"}, {"days", "Mon,Wed"}, {"time", "13:00-18:00"}, {"weeks (empty = every)", "1,2"},
	{"days", "Mon-Sat"}, {"time", "22:30-06:00"}, {"weeks (empty = every)", "1"},
	{"program 1 name", "Lakeside Evening"}, {"place", "head office"}, {"modality (in-person, virtual)", "Virtual"},
	{"days a week at least", "4"}, {"hours a week at least", "10.5"}, {"may mix tracks", "yes"}, {"length in weeks", "8"},
	{"track 1 name", "Late evening"}, {"days", "Mon-Thu"}, {"time", "18:30-21:30"}, {"weeks (empty = every)", "2"},
}

// screenRow is one field as the Edit screen shows it: label and value.
type screenRow struct{ label, value string }

// cursorRow reads the row under the cursor from the screen, as a person sees it.
func cursorRow(t *testing.T, m Model) screenRow {
	t.Helper()
	for _, line := range strings.Split(view(m), "\n") {
		if rest, ok := strings.CutPrefix(line, "> "); ok {
			if len(rest) < labelWidth {
				return screenRow{label: strings.TrimSpace(rest)}
			}
			return screenRow{label: strings.TrimSpace(rest[:labelWidth]), value: strings.TrimSpace(rest[labelWidth:])}
		}
	}
	t.Fatalf("no row under the cursor:\n%s", view(m))
	return screenRow{}
}

// TestEditEveryFieldMatchesTheExport is issue 15's Edit-field test: every
// field of the Edit screen is changed through the keys to a new valid value
// and saved; then each row the screen shows is compared with the profile's
// export from the database, field by field.
func TestEditEveryFieldMatchesTheExport(t *testing.T) {
	st, id := editAllDB(t)
	m := started(t, st, 120, 40)
	m = typeKeys(m, "e")
	if m.active != scEdit {
		t.Fatal("e did not open the Edit screen")
	}
	n := 0
	for i := range m.edit.fields {
		if m.edit.fields[i].kind == fHead {
			continue
		}
		for m.edit.cursor < i {
			m = typeKeys(m, "j")
		}
		if n >= len(editAllValues) {
			t.Fatalf("the screen has more fields than the test types: %q", cursorRow(t, m).label)
		}
		v := editAllValues[n]
		n++
		if row := cursorRow(t, m); row.label != v.label {
			t.Fatalf("field %d is %q, the test expected %q", n, row.label, v.label)
		}
		m = typeKeys(m, "enter", "ctrl+u")
		m = typeKeys(m, strings.Split(v.typed, "")...)
		m = typeKeys(m, "enter")
		if m.edit.editing || m.edit.err != "" || strings.Contains(m.status, "could not") {
			t.Fatalf("%s = %q was not taken: %q %q", v.label, v.typed, m.edit.err, m.status)
		}
	}
	if n != len(editAllValues) {
		t.Fatalf("typed into %d fields, the test has %d values", n, len(editAllValues))
	}
	want := exportRows(t, st, id)
	got := editRows(t, m)
	compareRows(t, "after the edits", got, want)
	// Opened again, the screen reads the week back from the database.
	compareRows(t, "opened again", editRows(t, typeKeys(started(t, st, 120, 40), "e")), want)
	for i, v := range editAllValues {
		if got[i].value == "" && v.typed != "1,2" { // every week of the rotation is kept as none named
			t.Errorf("%s is empty after typing %q", v.label, v.typed)
		}
		if v.label == "modality (in-person, virtual)" && got[i].value != "virtual" {
			t.Errorf("%s shows %q after typing %q, want it as stored: virtual", v.label, got[i].value, v.typed)
		}
	}
}

// editRows walks the Edit screen from the top and reads every field's row.
func editRows(t *testing.T, m Model) []screenRow {
	t.Helper()
	var got []screenRow
	for m.edit.cursor > 0 {
		m = typeKeys(m, "k")
	}
	for i := range m.edit.fields {
		if i > 0 {
			m = typeKeys(m, "j")
		}
		if m.edit.fields[i].kind != fHead {
			got = append(got, cursorRow(t, m))
		}
	}
	return got
}

func compareRows(t *testing.T, when string, got, want []screenRow) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s the screen shows %d fields, the export has %d", when, len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s, field %d: the screen shows %q = %q, the export %q = %q", when, i+1, got[i].label, got[i].value, want[i].label, want[i].value)
		}
	}
}

// exportRows lays the profile's export out as the Edit screen's rows, read
// from the JSON alone (labels, order, place names for ids), not through the
// screen's own code.
func exportRows(t *testing.T, st dbStore, id string) []screenRow {
	t.Helper()
	data, err := st.ExportProfile(id)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Scenario exportWeek `json:"scenario"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	w := f.Scenario
	place := func(id string) string {
		if name, ok := w.Places[id]; ok {
			return name
		}
		if id == planner.Home {
			return "Home"
		}
		return id
	}
	var rows []screenRow
	add := func(label string, v any) { rows = append(rows, screenRow{label, fmt.Sprint(v)}) }
	span := func(s exportSpan) {
		add("days", s.Days)
		add("time", s.Time)
		add("weeks (empty = every)", weeksList(s.Weeks))
	}
	add("name", w.Name)
	add("arrive early (min)", w.ArriveEarly)
	add("weeks in rotation", w.CycleWeeks)
	add("catalog programs (ids)", strings.Join(w.Catalog, ", "))
	for i, j := range w.Jobs {
		add(fmt.Sprintf("job %d name", i+1), j.Name)
		add("place", place(j.Place))
		add("may start earlier (min)", j.Flex.StartEarlier)
		add("may start later (min)", j.Flex.StartLater)
		add("may end earlier (min)", j.Flex.EndEarlier)
		add("may end later (min)", j.Flex.EndLater)
		add("unpaid a week at most (min)", j.MaxUnpaid)
		for _, s := range j.Shifts {
			span(s)
		}
	}
	ids := make([]string, 0, len(w.Places)) // home first, then by id
	for id := range w.Places {
		if id != planner.Home {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	if _, ok := w.Places[planner.Home]; ok {
		ids = append([]string{planner.Home}, ids...)
	}
	for i, id := range ids {
		add(fmt.Sprintf("place %d", i+1), w.Places[id])
	}
	for i, l := range w.Travel {
		add(fmt.Sprintf("leg %d from", i+1), place(l.From))
		add("to", place(l.To))
		add("minutes", l.Minutes)
		add("mode (car, bus, walk, ride)", l.Mode)
		add("one way", map[bool]string{true: "yes", false: "no"}[l.OneWay])
	}
	for i, r := range w.RushHours {
		add(fmt.Sprintf("rush %d days", i+1), r.Days)
		add("time", r.Time)
		add("factor", strconv.FormatFloat(r.Factor, 'g', -1, 64))
	}
	for i, c := range w.Commitments {
		add(fmt.Sprintf("duty %d name", i+1), c.Name)
		add("place (empty = none)", place(c.Place))
		span(c.exportSpan)
	}
	for i, s := range w.Support {
		add(fmt.Sprintf("person %d name", i+1), s.Name)
		add("covers (duty names)", strings.Join(s.Covers, ", "))
		span(s.exportSpan)
	}
	for _, s := range w.Sleep {
		span(s)
	}
	for i, p := range w.Programs {
		add(fmt.Sprintf("program %d name", i+1), p.Name)
		add("place", place(p.Place))
		add("modality (in-person, virtual)", p.Modality)
		add("days a week at least", p.MinDays)
		add("hours a week at least", strconv.FormatFloat(p.MinHours, 'g', -1, 64))
		add("may mix tracks", map[bool]string{true: "yes", false: "no"}[p.MixTracks])
		add("length in weeks", p.Weeks)
		for k, tr := range p.Tracks {
			add(fmt.Sprintf("track %d name", k+1), tr.Name)
			for _, s := range tr.Sessions {
				span(s)
			}
		}
	}
	return rows
}

func weeksList(ws []int) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = strconv.Itoa(w)
	}
	return strings.Join(parts, ",")
}

// exportWeek is the scenario of a profile export, as the file format
// (README) writes it.
type exportWeek struct {
	Name        string            `json:"name"`
	ArriveEarly int               `json:"arrive_early_minutes"`
	CycleWeeks  int               `json:"cycle_weeks"`
	Catalog     []string          `json:"catalog"`
	Places      map[string]string `json:"places"`
	Travel      []struct {
		From, To, Mode string
		Minutes        int
		OneWay         bool `json:"one_way"`
	} `json:"travel"`
	RushHours []struct {
		Days, Time string
		Factor     float64
	} `json:"rush_hours"`
	Jobs []struct {
		Name, Place string
		Shifts      []exportSpan
		Flex        struct {
			StartEarlier int `json:"start_earlier"`
			StartLater   int `json:"start_later"`
			EndEarlier   int `json:"end_earlier"`
			EndLater     int `json:"end_later"`
		}
		MaxUnpaid int `json:"max_unpaid_minutes_per_week"`
	} `json:"jobs"`
	Commitments []struct {
		Name, Place string
		exportSpan
	} `json:"commitments"`
	Support []struct {
		Name   string
		Covers []string
		exportSpan
	} `json:"support"`
	Sleep    []exportSpan `json:"sleep"`
	Programs []struct {
		Name, Place, Modality string
		MinDays               int     `json:"min_days"`
		MinHours              float64 `json:"min_hours"`
		MixTracks             bool    `json:"mix_tracks"`
		Weeks                 int
		Tracks                []struct {
			Name     string
			Sessions []exportSpan
		}
	} `json:"programs"`
}

type exportSpan struct {
	Days, Time string
	Weeks      []int
}
