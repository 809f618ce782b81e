package store

import (
	"errors"

	"go.etcd.io/bbolt"

	"weekfit/planner"
)

// StartUp is what the week grid shows first, read in one transaction: the
// database's discreet setting, the profiles, and one profile's week, its
// chosen plan and the catalog. A part that cannot be read carries its own
// error, so the rest still shows.
type StartUp struct {
	Discreet    bool      // discreet mode for the whole database
	Profiles    []Profile // sorted by name; empty when the database has none
	Profile     Profile   // the profile asked for, else the first by name
	Scenario    *planner.Scenario
	Revision    uint64 // the week's revision, which SaveScenarioAt checks
	ScenarioErr error
	Chosen      SavedPlan // Chosen.ID is "" when no plan is chosen
	ChosenErr   error
	Catalog     *planner.Catalog
	CatalogErr  error
}

// StartUp reads, with the database opened once, what the week grid needs
// before its first frame: profileID picks the profile (the first by name
// when it is "" or not found). The error is for the setting and the list;
// with no profile, only those are read.
func (db *DB) StartUp(profileID string) (StartUp, error) {
	var out StartUp
	var recs map[string]catalogRec
	err := db.view(func(tx *bbolt.Tx, s *sealer) error {
		out.Discreet = len(tx.Bucket(bucketMeta).Get(keyDiscreet)) > 0
		var err error
		if out.Profiles, err = allProfiles(tx, s); err != nil {
			return wrapf(err, "list profiles")
		}
		sortProfiles(out.Profiles)
		if len(out.Profiles) == 0 {
			return nil
		}
		out.Profile = out.Profiles[0]
		for _, p := range out.Profiles {
			if p.ID == profileID {
				out.Profile = p
			}
		}
		id := out.Profile.ID
		out.Scenario, out.ScenarioErr = readScenario(tx, s, id)
		out.Revision = getUint(tx.Bucket(bucketRevisions), []byte(id))
		if out.Chosen, out.ChosenErr = chosenIn(tx, s, id); errors.Is(out.ChosenErr, ErrNotFound) {
			out.ChosenErr = nil
		}
		recs, out.CatalogErr = catalogEntries(tx, s)
		return nil
	})
	if err != nil {
		return StartUp{}, err
	}
	if out.CatalogErr == nil && len(out.Profiles) > 0 {
		out.Catalog, out.CatalogErr = catalogOf(recs)
	}
	out.CatalogErr = wrapf(out.CatalogErr, "read the catalog")
	return out, nil
}
