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

// DatabaseSettings keeps what holds for every profile of the database.
// *store.DB has it as it is.
type DatabaseSettings interface {
	SetDatabaseDiscreet(on bool) error
}

// ChangeWatcher is a Store that other weekfits may change while the TUI is
// open. ChangesElsewhere returns how many writes other weekfits made since
// the store was opened (0 before any), not counting this Store's; the TUI checks it
// every second and reloads when it moves. main gives it from the store's ForeignWrites.
type ChangeWatcher interface {
	ChangesElsewhere() (uint64, error)
}

// Store is everything the TUI keeps between runs.
type Store interface {
	ScenarioStore
	PlanChooser
	ProfileEditor
	Directory
	CatalogReader
	DatabaseSettings
}

// Profile is one person whose week is planned.
type Profile struct {
	ID, Name   string
	ClientCode string // a counselor's code for the client, shown instead of the name in discreet mode
	Discreet   bool
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
	return samePhases(a, b)
}
