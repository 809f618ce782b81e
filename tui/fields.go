package tui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"weekfit/planner"
)

// fieldKind says how a field's text is read.
type fieldKind int

const (
	fHead   fieldKind = iota // a heading, not editable
	fText                    // any text but empty
	fOpt                     // any text, may be empty
	fDays                    // days as the scenario format takes them
	fClock                   // a time range
	fInt                     // whole minutes, 0 or more
	fHours                   // hours, 0 or more, stored as minutes
	fFactor                  // a factor of 1 or more
	fWeeks                   // weeks of the rotation, comma separated, or empty
	fList                    // names, comma separated
	fBool                    // yes or no
)

// field is one line of the Edit screen: a value of the week, or a heading.
type field struct {
	label  string
	indent int
	kind   fieldKind
	get    func(*planner.Scenario) string
	set    func(*planner.Scenario, string)
	add    func(*planner.Scenario) string // adds an item here; says what
	del    func(*planner.Scenario) string // deletes the item this line belongs to; says what
	hint   func(*shared) string           // a line shown under the field when the cursor is on it
}

// check reads text typed into a field of kind k and says what is wrong with it.
func check(k fieldKind, s string) error {
	s = strings.TrimSpace(s)
	switch k {
	case fText:
		if s == "" {
			return errors.New("cannot be empty")
		}
	case fDays:
		_, err := planner.ParseDays(s)
		return err
	case fClock:
		_, err := planner.ParseClock(s)
		return err
	case fInt:
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return errors.New("give whole minutes, 0 or more")
		}
	case fHours:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f < 0 {
			return errors.New("give hours, such as 9 or 7.5")
		}
	case fFactor:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f < 1 {
			return errors.New("give a factor of 1 or more, such as 1.5")
		}
	case fWeeks:
		_, err := parseWeeks(s)
		return err
	case fBool:
		if _, ok := parseBool(s); !ok {
			return errors.New("type yes or no")
		}
	}
	return nil
}

func parseWeeks(s string) ([]int, error) {
	var out []int
	for _, p := range splitList(s) {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > planner.MaxCycleWeeks {
			return nil, fmt.Errorf("%q: give week numbers such as 1 or 1,2", p)
		}
		out = append(out, n)
	}
	return out, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "on":
		return true, true
	case "no", "n", "false", "off":
		return false, true
	}
	return false, false
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func weeksText(ws []int) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = strconv.Itoa(w)
	}
	return strings.Join(parts, ",")
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

func atof(s string) float64 {
	f, _ := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return f
}

// textField edits a string through a pointer into the scenario.
func textField(label string, indent int, k fieldKind, at func(*planner.Scenario) *string) field {
	return field{label: label, indent: indent, kind: k,
		get: func(sc *planner.Scenario) string { return *at(sc) },
		set: func(sc *planner.Scenario, s string) { *at(sc) = strings.TrimSpace(s) }}
}

// intField edits whole minutes through a pointer into the scenario.
func intField(label string, indent int, at func(*planner.Scenario) *int) field {
	return field{label: label, indent: indent, kind: fInt,
		get: func(sc *planner.Scenario) string { return strconv.Itoa(*at(sc)) },
		set: func(sc *planner.Scenario, s string) { *at(sc) = atoi(s) }}
}

// spanFields edits the days, time and weeks of a span.
func spanFields(indent int, at func(*planner.Scenario) *planner.Span) []field {
	return []field{
		{label: "days", indent: indent, kind: fDays,
			get: func(sc *planner.Scenario) string { return at(sc).Days.String() },
			set: func(sc *planner.Scenario, s string) { at(sc).Days, _ = planner.ParseDays(s) }},
		{label: "time", indent: indent, kind: fClock,
			get: func(sc *planner.Scenario) string { return at(sc).Time.String() },
			set: func(sc *planner.Scenario, s string) { at(sc).Time, _ = planner.ParseClock(s) }},
		{label: "weeks (empty = every)", indent: indent, kind: fWeeks,
			get: func(sc *planner.Scenario) string { return weeksText(at(sc).Weeks) },
			set: func(sc *planner.Scenario, s string) { at(sc).Weeks, _ = parseWeeks(s) }},
	}
}

// withDel sets the delete action of every field that has none.
func withDel(fs []field, del func(*planner.Scenario) string) []field {
	for i := range fs {
		if fs[i].del == nil {
			fs[i].del = del
		}
	}
	return fs
}

// withAdd sets the add action of every field that has none.
func withAdd(fs []field, add func(*planner.Scenario) string) []field {
	for i := range fs {
		if fs[i].add == nil {
			fs[i].add = add
		}
	}
	return fs
}

// defaultSpan is what a new shift, session or duty starts as.
func defaultSpan(days, clock string) planner.Span {
	d, _ := planner.ParseDays(days)
	c, _ := planner.ParseClock(clock)
	return planner.Span{Days: d, Time: c}
}

// firstPlace is a place other than home, for a new item, or home.
func firstPlace(sc *planner.Scenario) string {
	for _, p := range sc.Places {
		if p.ID != planner.Home {
			return p.ID
		}
	}
	return planner.Home
}

// fieldShape is what the Edit screen's fields depend on: how many of each
// item the week has and the place ids (the places' labels). Two weeks of the
// same shape have the same fields, which read and write through indexes.
type fieldShape struct {
	counts []int
	places []string
}

// shapeOf returns the shape of sc's fields. Each list's length comes before
// the lengths inside it, so different shapes never give the same counts.
func shapeOf(sc *planner.Scenario) fieldShape {
	s := fieldShape{counts: make([]int, 0, 16+len(sc.Jobs)+4*len(sc.Programs))}
	s.counts = append(s.counts, len(sc.Jobs))
	for _, j := range sc.Jobs {
		s.counts = append(s.counts, len(j.Shifts))
	}
	s.counts = append(s.counts, len(sc.Travel), len(sc.RushHours), len(sc.Commitments), len(sc.Support), len(sc.Sleep), len(sc.Programs))
	for _, p := range sc.Programs {
		s.counts = append(s.counts, len(p.Tracks))
		for _, t := range p.Tracks {
			s.counts = append(s.counts, len(t.Sessions))
		}
	}
	s.places = make([]string, len(sc.Places))
	for i, p := range sc.Places {
		s.places[i] = p.ID
	}
	return s
}

func (s fieldShape) equal(o fieldShape) bool {
	return slices.Equal(s.counts, o.counts) && slices.Equal(s.places, o.places)
}

// placeField edits a reference to a place by the place's name: it shows the
// name, never the id, and takes a name (any case; an id still works). A name
// that no place has is kept as typed, so that the week's check names it.
// opt lets it be empty (no place).
func placeField(label string, indent int, opt bool, at func(*planner.Scenario) *string) field {
	k := fText
	if opt {
		k = fOpt
	}
	return field{label: label, indent: indent, kind: k,
		get: func(sc *planner.Scenario) string {
			if id := *at(sc); id != "" {
				return sc.PlaceName(id)
			}
			return ""
		},
		set: func(sc *planner.Scenario, s string) { *at(sc) = placeByName(sc, s) }}
}

// placeByName returns the id of the place called name (or with that id), or
// name itself when there is none.
func placeByName(sc *planner.Scenario, name string) string {
	name = strings.TrimSpace(name)
	for _, p := range sc.Places {
		if strings.EqualFold(strings.TrimSpace(p.Name), name) {
			return p.ID
		}
	}
	for _, p := range sc.Places {
		if p.ID == name {
			return p.ID
		}
	}
	if strings.EqualFold(name, "home") {
		return planner.Home
	}
	return name
}
