package planner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Catalog is a set of programs, with the places they happen at, that several
// scenarios can pick from by program id.
type Catalog struct {
	Places   []Place
	Programs []Program
	Details  map[string]Details // by program id; nil when no program has any
}

// MaxCatalogBytes is the largest catalog file ParseCatalogJSON and ParseCatalogCSV read.
const MaxCatalogBytes = 16 << 20

// maxCatalogPrograms bounds a catalog so that a runaway file cannot fill the store.
const maxCatalogPrograms = 2000

// fileCatalog mirrors the JSON catalog format.
type fileCatalog struct {
	Version  *int                   `json:"version"`
	Places   map[string]string      `json:"places"`
	Programs []fileProgram          `json:"programs"`
	Details  map[string]fileDetails `json:"details,omitempty"`
}

// ParseCatalogJSON reads a catalog file in JSON:
// {"version":1,"places":{"id":"Name"},"programs":[...]}, where each program is
// written as in a scenario file. The error, an *InputError, names the field.
func ParseCatalogJSON(data []byte) (*Catalog, error) {
	if len(data) > MaxCatalogBytes {
		return nil, bad("", "", "the file is larger than %d MiB; a catalog is far smaller", MaxCatalogBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var f fileCatalog
	if err := decodeStrict(data, &f); err != nil {
		return nil, err
	}
	if f.Version != nil && *f.Version != 1 {
		return nil, bad("version", fmt.Sprint(*f.Version), "unsupported version; this weekfit reads version 1")
	}
	c, err := buildCatalog(f.Places, f.Programs, func(i int) string { return fmt.Sprintf("programs[%d]", i) })
	if err != nil {
		return nil, err
	}
	if err := readAllDetails(f.Details, c); err != nil {
		return nil, err
	}
	return c, nil
}

// buildCatalog checks places and programs and builds a catalog. where names
// program i in an error.
func buildCatalog(places map[string]string, progs []fileProgram, where func(int) string) (*Catalog, error) {
	if len(progs) == 0 {
		return nil, bad("programs", "", "the catalog lists no programs; add at least one program with its tracks")
	}
	if len(progs) > maxCatalogPrograms {
		return nil, bad("programs", "", "the catalog has %d programs; at most %d are allowed", len(progs), maxCatalogPrograms)
	}
	var tmp Scenario
	if err := tmp.readPlaces(places); err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, p := range tmp.Places {
		known[p.ID] = true
	}
	placeRef := func(path, id string, required bool) error {
		if id == "" {
			if required {
				return bad(path, "", "missing; an in-person program needs the id of its place")
			}
			return nil
		}
		if !known[id] {
			return bad(path, id, "unknown place; add it under \"places\"")
		}
		return nil
	}
	c := &Catalog{}
	ids := map[string]bool{}
	for i, fp := range progs {
		prog, err := readProgram(where(i), fp, MaxCycleWeeks, placeRef)
		if err != nil {
			return nil, err
		}
		if ids[prog.ID] {
			return nil, bad(where(i)+".id", prog.ID, "another program has this id; ids must differ")
		}
		ids[prog.ID] = true
		c.Programs = append(c.Programs, prog)
	}
	for _, p := range tmp.Places {
		if p.ID != Home || places[Home] != "" {
			c.Places = append(c.Places, p)
		}
	}
	return c, nil
}

// MarshalCatalog writes a catalog in the JSON format ParseCatalogJSON reads.
func MarshalCatalog(c *Catalog) ([]byte, error) {
	sc := &Scenario{Places: c.Places, Programs: c.Programs}
	data, err := MarshalScenario(sc)
	if err != nil {
		return nil, err
	}
	var f fileScenario
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	v := 1
	out := fileCatalog{Version: &v, Places: f.Places, Programs: f.Programs}
	for id, d := range c.Details {
		if c.ProgramIndex(id) < 0 || d == (Details{}) {
			continue
		}
		if out.Details == nil {
			out.Details = map[string]fileDetails{}
		}
		out.Details[id] = d.file()
	}
	return json.MarshalIndent(out, "", "  ")
}

// ProgramIndex returns the index of the catalog program with this id, or -1.
func (c *Catalog) ProgramIndex(id string) int {
	for i := range c.Programs {
		if c.Programs[i].ID == id {
			return i
		}
	}
	return -1
}

// PlaceName returns the display name of a catalog place id, or "".
func (c *Catalog) PlaceName(id string) string {
	for _, p := range c.Places {
		if p.ID == id {
			return p.Name
		}
	}
	return ""
}

// WithCatalog returns a copy of the scenario in which the catalog programs that
// s.Catalog names are appended to its own programs, with their places added
// when the scenario lacks them. The copy's Catalog list is empty, since its
// programs now hold those entries. An id the catalog lacks is an *InputError.
func (s *Scenario) WithCatalog(c *Catalog) (*Scenario, error) {
	out := s.Clone()
	out.Catalog = nil
	if len(s.Catalog) == 0 {
		return out, nil
	}
	if c == nil {
		c = &Catalog{}
	}
	have := map[string]bool{}
	for _, p := range out.Places {
		have[p.ID] = true
	}
	for i, id := range s.Catalog {
		k := c.ProgramIndex(id)
		if k < 0 {
			return nil, bad(fmt.Sprintf("catalog[%d]", i), id, "no program in the catalog has this id; import the catalog first or remove the id (catalog ids: %s)", strings.Join(c.ids(), ", "))
		}
		prog := cloneProgram(c.Programs[k])
		if prog.Modality != Virtual && prog.Place != "" && !have[prog.Place] {
			name := c.PlaceName(prog.Place)
			out.Places = append(out.Places, Place{ID: prog.Place, Name: name})
			have[prog.Place] = true
		}
		out.Programs = append(out.Programs, prog)
	}
	if err := addTravelPlaces(out, c, s.Catalog); err != nil {
		return nil, err
	}
	// A catalog program's session weeks were checked against the longest
	// cycle; check the merged scenario as a whole against its own cycle.
	data, err := MarshalScenario(out)
	if err != nil {
		return nil, fmt.Errorf("merge catalog programs: %w", err)
	}
	merged, err := ParseScenario(data)
	if err != nil {
		return nil, fmt.Errorf("merge catalog programs into the scenario: %w", err)
	}
	return merged, nil
}

func (c *Catalog) ids() []string {
	out := make([]string, 0, len(c.Programs))
	for _, p := range c.Programs {
		out = append(out, p.ID)
	}
	sort.Strings(out)
	if len(out) == 0 {
		return []string{"none; the catalog is empty"}
	}
	return out
}

// catalogPlaceRef lets travel name a place that is not under "places": the
// place of a catalog program the scenario names, known only once it is
// merged with the catalog (WithCatalog checks it then).
func catalogPlaceRef(strict placeChecker) placeChecker {
	return func(path, id string, required bool) error {
		err := strict(path, id, required)
		if err != nil && id != "" && isWord(id) {
			return nil
		}
		return err
	}
}

// addTravelPlaces checks that every leg of a merged scenario joins places
// it knows: its own, or places of the catalog (those of the programs it
// names are there already; a catalog place no named program uses is added,
// so that a leg kept after its program was dropped does no harm).
func addTravelPlaces(s *Scenario, c *Catalog, ids []string) error {
	known := map[string]bool{Home: true}
	for _, p := range s.Places {
		known[p.ID] = true
	}
	inCatalog := map[string]Place{}
	for _, p := range c.Places {
		inCatalog[p.ID] = p
	}
	for i, l := range s.Travel {
		for _, end := range []struct{ field, id string }{{"from", l.From}, {"to", l.To}} {
			if known[end.id] {
				continue
			}
			p, ok := inCatalog[end.id]
			if !ok {
				return bad(fmt.Sprintf("travel[%d].%s", i, end.field), end.id,
					"unknown place: it is not under \"places\", nor a place of the catalog (the week names %s); fix the id or add the place", strings.Join(ids, ", "))
			}
			s.Places = append(s.Places, p)
			known[end.id] = true
		}
	}
	return nil
}
