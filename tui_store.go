package main

import (
	"sync"

	"weekfit/planner"
	"weekfit/store"
)

// watchedStore is the TUI's store on a database that other weekfits may
// change while it is open: it remembers the revision of each week it read,
// and saves a week only if no one saved that week since (else the store's
// ErrStale sentence, and the TUI reloads within a second, as the store's
// ForeignWrites has moved).
type watchedStore struct {
	tuiStore
	mu   *sync.Mutex
	revs map[string]uint64 // profile id -> revision of the week last read or saved
}

func newWatchedStore(db *store.DB) watchedStore {
	return watchedStore{tuiStore: tuiStore{db}, mu: &sync.Mutex{}, revs: map[string]uint64{}}
}

// Scenario reads a profile's week and remembers its revision.
func (s watchedStore) Scenario(id string) (*planner.Scenario, error) {
	sc, rev, err := s.ScenarioRevision(id)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.revs[id] = rev
	s.mu.Unlock()
	return sc, nil
}

// SaveScenario saves a week read through Scenario only if it is still the
// latest; a week never read is saved as it is.
func (s watchedStore) SaveScenario(id string, sc *planner.Scenario) error {
	s.mu.Lock()
	defer s.mu.Unlock() // saves of one TUI go one at a time, in order
	rev, ok := s.revs[id]
	if !ok {
		return s.DB.SaveScenario(id, sc)
	}
	next, err := s.SaveScenarioAt(id, sc, rev)
	if err != nil {
		return err
	}
	s.revs[id] = next
	return nil
}

// ChangesElsewhere is the store's ForeignWrites: the grid checks it every
// second and reloads when it moves (tui.ChangeWatcher). Only this store
// has it, so the TUI on a tuiStore (tests, the interview) is not watched.
func (s watchedStore) ChangesElsewhere() (uint64, error) { return s.ForeignWrites() }
