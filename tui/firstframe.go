package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// Start is what the TUI shows first, read in one go: the profiles, the
// profile to open and its week, chosen plan and the catalog. A part that
// could not be read carries its error, and the rest still shows.
type Start struct {
	Profiles    []Profile // empty: the database has no profile yet
	Profile     Profile
	Scenario    *planner.Scenario
	ScenarioErr error
	Chosen      *planner.Plan // nil when none is chosen
	ChosenErr   error
	Catalog     *planner.Catalog
	CatalogErr  error
}

// Starter is a Store that reads a Start with the database opened once,
// where the Directory, ScenarioStore and CatalogReader calls would open it
// once each. The TUI uses it for every load when the Store has it.
type Starter interface {
	Start(profileID string) (Start, error)
}

// loadedFrom is the load message of a Start that has profiles.
func loadedFrom(s Start) loadedMsg {
	msg := loadedMsg{profiles: s.Profiles, profile: s.Profile}
	if s.ScenarioErr != nil {
		return loadedMsg{profiles: s.Profiles, err: fmt.Errorf("open the week of this profile: %w", s.ScenarioErr)}
	}
	msg.sc, msg.cat = s.Scenario, s.Catalog
	if s.CatalogErr != nil {
		msg.note = fmt.Sprintf("could not read the program catalog: %v", s.CatalogErr)
	}
	if s.ChosenErr != nil {
		msg.note = fmt.Sprintf("could not read the chosen plan: %v", s.ChosenErr)
	} else if s.Chosen != nil {
		plan := *s.Chosen
		msg.chosen = &plan
	}
	return msg
}

// startCmd loads profile id through a Starter: one read of the database.
// A database with no profile goes the long way, which makes the first.
func startCmd(s Starter, st Store, id string, template func() *planner.Scenario) tea.Cmd {
	return func() tea.Msg {
		start, err := s.Start(id)
		if err != nil {
			return loadedMsg{err: fmt.Errorf("list profiles: %w", err)}
		}
		if len(start.Profiles) == 0 {
			return readLoad(st, id, template)
		}
		return loadedFrom(start)
	}
}
