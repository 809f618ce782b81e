package main

import (
	"weekfit/planner"
	"weekfit/store"
	"weekfit/tui"
)

// tuiWhatIfs gives the TUI the store's what-ifs in the TUI's own type.
type tuiWhatIfs struct{ db *store.DB }

func whatIfOf(sp store.SavedPlan) tui.WhatIf {
	w := tui.WhatIf{ID: sp.ID, Name: sp.Name, Scenario: sp.Scenario, Asks: sp.Asks, Saved: sp.Saved}
	if sp.HasPlan() {
		p := sp.Plan
		w.Plan = &p
	}
	return w
}

// WhatIfs lists a profile's what-ifs, oldest first.
func (s tuiWhatIfs) WhatIfs(profileID string) ([]tui.WhatIf, error) {
	list, err := s.db.Snapshots(profileID)
	if err != nil {
		return nil, err
	}
	return whatIfsOf(list), nil
}

func whatIfsOf(list []store.SavedPlan) []tui.WhatIf {
	out := make([]tui.WhatIf, len(list))
	for i, sp := range list {
		out[i] = whatIfOf(sp)
	}
	return out
}

// SaveWhatIf keeps a week as a what-if.
func (s tuiWhatIfs) SaveWhatIf(profileID, name string, sc *planner.Scenario, best *planner.Plan, asks []planner.Ask) (tui.WhatIf, error) {
	sp, err := s.db.SaveWhatIf(profileID, name, sc, best, asks)
	return whatIfOf(sp), err
}

// RenameWhatIf renames a what-if.
func (s tuiWhatIfs) RenameWhatIf(profileID, id, name string) error {
	return s.db.RenameWhatIf(profileID, id, name)
}

// DeleteWhatIf deletes a what-if.
func (s tuiWhatIfs) DeleteWhatIf(profileID, id string) error { return s.db.DeleteWhatIf(profileID, id) }

// AdoptWhatIf makes a what-if the week and returns the week before, kept as a what-if.
func (s tuiWhatIfs) AdoptWhatIf(profileID, id string, oldBest *planner.Plan) (tui.WhatIf, error) {
	sp, err := s.db.AdoptWhatIf(profileID, id, oldBest)
	return whatIfOf(sp), err
}
