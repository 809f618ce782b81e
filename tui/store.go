package tui

import (
	"weekfit/planner"
)

// ScenarioStore loads and saves the week of one profile. *store.DB has these
// methods as they are.
type ScenarioStore interface {
	Scenario(profileID string) (*planner.Scenario, error)
	SaveScenario(profileID string, sc *planner.Scenario) error
}

// PlanChooser remembers the plan a profile chose. *store.DB has it as it is.
type PlanChooser interface {
	ChoosePlan(profileID string, p planner.Plan, sc *planner.Scenario) error
}

// ProfileEditor changes a profile. *store.DB has these methods as they are.
type ProfileEditor interface {
	RenameProfile(id, name string) error
	DeleteProfile(id string) error
	SetDiscreet(id string, on bool) error
}

// Directory lists and creates profiles and reads a profile's chosen plan, in
// the TUI's own types: the store's methods return store types, which the TUI
// does not import, so main adapts them in a few lines.
type Directory interface {
	ListProfiles() ([]Profile, error)
	NewProfile(name string, sc *planner.Scenario) (Profile, error)
	Chosen(profileID string) (p planner.Plan, ok bool, err error)
}

// CatalogReader reads the programs that every profile may pick from.
// *store.DB has it as it is.
type CatalogReader interface {
	Catalog() (*planner.Catalog, error)
}

// Store is everything the TUI keeps between runs.
type Store interface {
	ScenarioStore
	PlanChooser
	ProfileEditor
	Directory
	CatalogReader
}

// Profile is one person whose week is planned.
type Profile struct {
	ID, Name string
	Discreet bool
}

// clone returns a deep copy of a scenario, so that a change never touches a
// scenario that a command or the undo stack still holds.
func clone(sc *planner.Scenario) *planner.Scenario {
	c := *sc
	c.Places = append([]planner.Place(nil), sc.Places...)
	c.Travel = append([]planner.Leg(nil), sc.Travel...)
	c.RushHours = append([]planner.Rush(nil), sc.RushHours...)
	c.Jobs = make([]planner.Job, len(sc.Jobs))
	for i, j := range sc.Jobs {
		j.Shifts = cloneSpans(j.Shifts)
		c.Jobs[i] = j
	}
	c.Commitments = make([]planner.Commitment, len(sc.Commitments))
	for i, x := range sc.Commitments {
		x.Span = cloneSpan(x.Span)
		c.Commitments[i] = x
	}
	c.Support = make([]planner.Support, len(sc.Support))
	for i, x := range sc.Support {
		x.Span = cloneSpan(x.Span)
		x.Covers = append([]string(nil), x.Covers...)
		c.Support[i] = x
	}
	c.Sleep = cloneSpans(sc.Sleep)
	c.Programs = make([]planner.Program, len(sc.Programs))
	for i, p := range sc.Programs {
		if p.ArriveEarly != nil {
			v := *p.ArriveEarly
			p.ArriveEarly = &v
		}
		p.Tracks = make([]planner.Track, len(sc.Programs[i].Tracks))
		for k, t := range sc.Programs[i].Tracks {
			t.Sessions = cloneSpans(t.Sessions)
			p.Tracks[k] = t
		}
		c.Programs[i] = p
	}
	c.Catalog = append([]string(nil), sc.Catalog...)
	return &c
}

func cloneSpan(s planner.Span) planner.Span {
	s.Weeks = append([]int(nil), s.Weeks...)
	return s
}

func cloneSpans(ss []planner.Span) []planner.Span {
	if ss == nil {
		return nil
	}
	out := make([]planner.Span, len(ss))
	for i, s := range ss {
		out[i] = cloneSpan(s)
	}
	return out
}

// samePlan reports whether two plans attend the same program at the same times.
func samePlan(a, b *planner.Plan) bool {
	if a == nil || b == nil || a.Program != b.Program || len(a.Sessions) != len(b.Sessions) {
		return false
	}
	for i := range a.Sessions {
		if a.Sessions[i] != b.Sessions[i] {
			return false
		}
	}
	return true
}
