package main

import (
	"errors"
	"sync"

	"weekfit/planner"
	"weekfit/store"
	"weekfit/tui"
)

// watchedStore is the TUI's store on a database that other weekfits may
// change while it is open. It remembers what it last read of each profile
// (the week's revision, the name, the chosen plan, the what-ifs' revision)
// and makes each write only if that part is still as it read it; otherwise
// the store's ErrStale sentence, and the TUI reloads within a second, as the
// store's ForeignWrites has moved. A part never read is written as it is.
type watchedStore struct {
	tuiStore
	seen *seenParts
}

// seenParts is what a watchedStore read last, by profile id.
type seenParts struct {
	mu     sync.Mutex // saves of one TUI go one at a time, in order
	revs   map[string]uint64
	names  map[string]string
	chosen map[string]string // id of the chosen plan, "" for none
	lists  map[string]uint64 // revision of the what-ifs
}

func newWatchedStore(db *store.DB) watchedStore {
	return watchedStore{tuiStore: tuiStore{db}, seen: &seenParts{revs: map[string]uint64{},
		names: map[string]string{}, chosen: map[string]string{}, lists: map[string]uint64{}}}
}

// Scenario reads a profile's week and remembers its revision.
func (s watchedStore) Scenario(id string) (*planner.Scenario, error) {
	sc, rev, err := s.ScenarioRevision(id)
	if err != nil {
		return nil, err
	}
	s.seen.mu.Lock()
	s.seen.revs[id] = rev
	s.seen.mu.Unlock()
	return sc, nil
}

// SaveScenario saves a week read through Scenario only if it is still the
// latest.
func (s watchedStore) SaveScenario(id string, sc *planner.Scenario) error {
	s.seen.mu.Lock()
	defer s.seen.mu.Unlock()
	rev, ok := s.seen.revs[id]
	if !ok {
		return s.DB.SaveScenario(id, sc)
	}
	next, err := s.SaveScenarioAt(id, sc, rev)
	if err != nil {
		return err
	}
	s.seen.revs[id] = next
	return nil
}

// DeleteProfile deletes a profile only if nothing of it this window has
// read changed since: its name, week, chosen plan and what-ifs.
func (s watchedStore) DeleteProfile(id string) error {
	s.seen.mu.Lock()
	defer s.seen.mu.Unlock()
	var seen store.ProfileSeen
	seen.Name, seen.HasName = s.seen.names[id]
	seen.Week, seen.HasWeek = s.seen.revs[id]
	seen.Chosen, seen.HasChosen = s.seen.chosen[id]
	seen.WhatIfs, seen.HasLists = s.seen.lists[id]
	if err := s.DeleteProfileFrom(id, seen); err != nil {
		return err
	}
	delete(s.seen.names, id)
	delete(s.seen.revs, id)
	delete(s.seen.chosen, id)
	delete(s.seen.lists, id)
	return nil
}

// ListProfiles lists the profiles and remembers their names.
func (s watchedStore) ListProfiles() ([]tui.Profile, error) {
	list, err := s.tuiStore.ListProfiles()
	s.seen.mu.Lock()
	defer s.seen.mu.Unlock()
	for _, p := range list {
		s.seen.names[p.ID] = p.Name
	}
	return list, err
}

// RenameProfile renames a profile only if no one renamed it since it was listed.
func (s watchedStore) RenameProfile(id, name string) error {
	s.seen.mu.Lock()
	defer s.seen.mu.Unlock()
	was, ok := s.seen.names[id]
	if !ok {
		return s.DB.RenameProfile(id, name)
	}
	if err := s.RenameProfileFrom(id, was, name); err != nil {
		return err
	}
	s.seen.names[id] = name
	return nil
}

// Chosen reads a profile's chosen plan and remembers which it is.
func (s watchedStore) Chosen(id string) (planner.Plan, bool, error) {
	sp, err := s.ChosenPlan(id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return planner.Plan{}, false, err
	}
	s.seen.mu.Lock()
	s.seen.chosen[id] = sp.ID
	s.seen.mu.Unlock()
	return sp.Plan, sp.ID != "", nil
}

// ChoosePlan chooses a plan only if neither the week nor the choice changed
// since they were read.
func (s watchedStore) ChoosePlan(id string, p planner.Plan, sc *planner.Scenario) error {
	s.seen.mu.Lock()
	defer s.seen.mu.Unlock()
	rev, okRev := s.seen.revs[id]
	was, okChosen := s.seen.chosen[id]
	if !okRev || !okChosen {
		return s.DB.ChoosePlan(id, p, sc)
	}
	now, err := s.ChoosePlanAt(id, p, sc, rev, was)
	if err != nil {
		return err
	}
	s.seen.chosen[id] = now
	return nil
}

// WhatIfs lists a profile's what-ifs and remembers the list's revision.
func (s watchedStore) WhatIfs(id string) ([]tui.WhatIf, error) {
	list, rev, err := s.SnapshotsRevision(id)
	if err != nil {
		return nil, err
	}
	s.seen.mu.Lock()
	s.seen.lists[id] = rev
	s.seen.mu.Unlock()
	return whatIfsOf(list), nil
}

// SaveWhatIf keeps a week as a new what-if: it changes none, so it merges
// with what others saved (a name taken since is refused as ever).
func (s watchedStore) SaveWhatIf(id, name string, sc *planner.Scenario, best *planner.Plan, asks []planner.Ask) (tui.WhatIf, error) {
	return tuiWhatIfs{s.DB}.SaveWhatIf(id, name, sc, best, asks)
}

// RenameWhatIf renames a what-if only if the list is as it was read.
func (s watchedStore) RenameWhatIf(id, whatIf, name string) error {
	return s.listWrite(id, func(rev uint64) (uint64, error) { return s.RenameWhatIfAt(id, whatIf, name, rev) },
		func() error { return s.DB.RenameWhatIf(id, whatIf, name) })
}

// DeleteWhatIf deletes a what-if only if the list is as it was read.
func (s watchedStore) DeleteWhatIf(id, whatIf string) error {
	return s.listWrite(id, func(rev uint64) (uint64, error) { return s.DeleteWhatIfAt(id, whatIf, rev) },
		func() error { return s.DB.DeleteWhatIf(id, whatIf) })
}

// listWrite runs at with the what-ifs' revision last read (plain when the
// list was never read) and remembers the revision it wrote.
func (s watchedStore) listWrite(id string, at func(rev uint64) (uint64, error), plain func() error) error {
	s.seen.mu.Lock()
	defer s.seen.mu.Unlock()
	rev, ok := s.seen.lists[id]
	if !ok {
		return plain()
	}
	next, err := at(rev)
	if err != nil {
		return err
	}
	s.seen.lists[id] = next
	return nil
}

// AdoptWhatIf adopts a what-if only if the week and the list are as they
// were read; the TUI reads both again after it.
func (s watchedStore) AdoptWhatIf(id, whatIf string, oldBest *planner.Plan) (tui.WhatIf, error) {
	s.seen.mu.Lock()
	weekRev, okWeek := s.seen.revs[id]
	listRev, okList := s.seen.lists[id]
	s.seen.mu.Unlock()
	if !okWeek || !okList {
		return tuiWhatIfs{s.DB}.AdoptWhatIf(id, whatIf, oldBest)
	}
	sp, err := s.AdoptWhatIfAt(id, whatIf, oldBest, weekRev, listRev)
	return whatIfOf(sp), err
}

// ChangesElsewhere is the store's ForeignWrites: the grid checks it every
// second and reloads when it moves (tui.ChangeWatcher). Only this store
// has it, so the TUI on a tuiStore (tests, the interview) is not watched.
func (s watchedStore) ChangesElsewhere() (uint64, error) { return s.ForeignWrites() }

// startUp reads, with the database opened once, the database's discreet
// setting and what the TUI shows first of profile id.
func (s tuiStore) startUp(id string) (tui.Start, bool, error) {
	su, err := s.StartUp(id)
	if err != nil {
		return tui.Start{}, false, err
	}
	return startOf(su), su.Discreet, nil
}

// startOf is a store.StartUp in the TUI's types.
func startOf(su store.StartUp) tui.Start {
	out := tui.Start{Profiles: make([]tui.Profile, len(su.Profiles)), Profile: profileOf(su.Profile),
		Scenario: su.Scenario, ScenarioErr: su.ScenarioErr, ChosenErr: su.ChosenErr,
		Catalog: su.Catalog, CatalogErr: su.CatalogErr}
	for i, p := range su.Profiles {
		out.Profiles[i] = profileOf(p)
	}
	if su.Chosen.ID != "" {
		out.Chosen = &su.Chosen.Plan
	}
	return out
}

// Start reads what the TUI shows first of profile id in one read (tui.Starter).
func (s tuiStore) Start(id string) (tui.Start, error) {
	out, _, err := s.startUp(id)
	return out, err
}

// Start reads what the TUI shows first of profile id in one read, and
// remembers the names, the week's revision and the chosen plan as the
// separate reads would.
func (s watchedStore) Start(id string) (tui.Start, error) {
	out, _, err := s.startUp(id)
	return out, err
}

// startUp is tuiStore.startUp, remembering what it read.
func (s watchedStore) startUp(id string) (tui.Start, bool, error) {
	su, err := s.StartUp(id)
	if err != nil {
		return tui.Start{}, false, err
	}
	s.seen.mu.Lock()
	defer s.seen.mu.Unlock()
	for _, p := range su.Profiles {
		s.seen.names[p.ID] = p.Name
	}
	if len(su.Profiles) > 0 {
		if su.ScenarioErr == nil {
			s.seen.revs[su.Profile.ID] = su.Revision
		}
		if su.ChosenErr == nil {
			s.seen.chosen[su.Profile.ID] = su.Chosen.ID
		}
	}
	return startOf(su), su.Discreet, nil
}
