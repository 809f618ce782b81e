package store

import (
	"go.etcd.io/bbolt"

	"weekfit/planner"
)

// A week grid shows a copy of the database that another weekfit may change
// at any time. Each write it makes is conditional on the part of the profile
// it changes being as the grid read it: the name, the chosen plan, the list
// of what-ifs, the week. A write from an older copy is refused with ErrStale
// and staleProfile, and nothing is written. Commands write unconditionally.

// staleProfile is the sentence of a write refused because the profile
// changed since it was read; the grid reloads it at once.
const staleProfile = "this profile changed in another weekfit window; it has been reloaded — do it again"

// whatIfsKey is the key, in the revisions bucket, of the change counter of
// the write that last changed a profile's what-ifs.
func whatIfsKey(profileID string) []byte { return []byte(profileID + "/whatifs") }

// stampWhatIfs records that this write changed the profile's what-ifs.
func stampWhatIfs(tx *bbolt.Tx, profileID string) error {
	return stamp(tx, whatIfsKey(profileID))
}

// stamp records the change counter of this write at key in the revisions bucket.
func stamp(tx *bbolt.Tx, key []byte) error {
	n := getUint(tx.Bucket(bucketMeta), keyChanges)
	b, err := tx.CreateBucketIfNotExists(bucketRevisions)
	if err != nil {
		return err
	}
	return putUint(b, key, n)
}

// revisionOf reads the revision at key (0 when nothing was stamped there).
func revisionOf(tx *bbolt.Tx, key []byte) uint64 {
	return getUint(tx.Bucket(bucketRevisions), key)
}

// checkRevision refuses the write when the revision at key is not rev.
func checkRevision(tx *bbolt.Tx, key []byte, rev uint64) error {
	if revisionOf(tx, key) != rev {
		return failf(ErrStale, staleProfile)
	}
	return nil
}

// RenameProfileFrom renames a profile only if its name is still was (the
// name the caller shows); otherwise it renames nothing and returns an error
// wrapping ErrStale.
func (db *DB) RenameProfileFrom(id, was, name string) error {
	name, err := checkName(name)
	if err != nil {
		return err
	}
	return db.changeProfile("rename a profile", id, func(tx *bbolt.Tx, s *sealer, r *profileRec) error {
		if r.Name != was {
			return failf(ErrStale, staleProfile)
		}
		if err := nameTaken(tx, s, name, id); err != nil {
			return err
		}
		r.Name = name
		return nil
	})
}

// ChoosePlanAt makes p the chosen plan, as ChoosePlan does, only if the
// week is still at revision weekRev (from ScenarioRevision) and the chosen
// plan is still the one with id chosenID ("" for none, as ChosenPlan's
// SavedPlan.ID gives it); otherwise it saves nothing and returns an error
// wrapping ErrStale. It returns the new chosen plan's id.
func (db *DB) ChoosePlanAt(profileID string, p planner.Plan, sc *planner.Scenario, weekRev uint64, chosenID string) (string, error) {
	now := db.now().UTC()
	rec, err := newPlanRec("", true, p, sc, now)
	if err != nil {
		return "", err
	}
	var id string
	err = db.update("save the chosen plan", func(tx *bbolt.Tx, s *sealer) error {
		prof, err := getProfile(tx, s, profileID)
		if err != nil {
			return err
		}
		if prof.Chosen != chosenID {
			return failf(ErrStale, staleProfile)
		}
		if err := checkRevision(tx, []byte(profileID), weekRev); err != nil {
			return err
		}
		id, err = putPlan(tx, s, profileID, rec, now)
		return err
	})
	return id, err
}

// SnapshotsRevision returns the profile's what-ifs, as Snapshots does, with
// the revision of the list, which the *At methods check.
func (db *DB) SnapshotsRevision(profileID string) ([]SavedPlan, uint64, error) {
	var out []SavedPlan
	var rev uint64
	err := db.view(func(tx *bbolt.Tx, s *sealer) error {
		var err error
		out, err = snapshots(tx, s, profileID)
		rev = revisionOf(tx, whatIfsKey(profileID))
		return err
	})
	return out, rev, err
}

// RenameWhatIfAt renames a what-if, as RenameWhatIf does, only if the
// profile's what-ifs are still at revision rev; it returns the new revision.
func (db *DB) RenameWhatIfAt(profileID, id, name string, rev uint64) (uint64, error) {
	return db.whatIfAt(profileID, rev, func(check func(*bbolt.Tx) error) error {
		return db.renameWhatIf(profileID, id, name, check)
	})
}

// DeleteWhatIfAt deletes a what-if, as DeleteWhatIf does, only if the
// profile's what-ifs are still at revision rev; it returns the new revision.
func (db *DB) DeleteWhatIfAt(profileID, id string, rev uint64) (uint64, error) {
	return db.whatIfAt(profileID, rev, func(check func(*bbolt.Tx) error) error {
		return db.deleteWhatIf(profileID, id, check)
	})
}

// AdoptWhatIfAt adopts a what-if, as AdoptWhatIf does, only if the profile's
// week is still at revision weekRev and its what-ifs at listRev.
func (db *DB) AdoptWhatIfAt(profileID, id string, oldBest *planner.Plan, weekRev, listRev uint64) (SavedPlan, error) {
	return db.adoptWhatIf(profileID, id, oldBest, func(tx *bbolt.Tx) error {
		if err := checkRevision(tx, []byte(profileID), weekRev); err != nil {
			return err
		}
		return checkRevision(tx, whatIfsKey(profileID), listRev)
	})
}

// whatIfAt runs a what-if write with a check of the list's revision, and
// reads the revision it wrote.
func (db *DB) whatIfAt(profileID string, rev uint64, write func(check func(*bbolt.Tx) error) error) (uint64, error) {
	var next uint64
	err := write(func(tx *bbolt.Tx) error {
		if err := checkRevision(tx, whatIfsKey(profileID), rev); err != nil {
			return err
		}
		next = getUint(tx.Bucket(bucketMeta), keyChanges)
		return nil
	})
	return next, err
}

// noCheck lets a write through whatever the revisions.
func noCheck(*bbolt.Tx) error { return nil }

// ProfileSeen is what a week grid last read of a profile, for
// DeleteProfileFrom: each part it has read (Has*) must be unchanged.
type ProfileSeen struct {
	Name                string
	Week                uint64 // the week's revision (ScenarioRevision)
	Chosen              string // the chosen plan's id, "" for none
	WhatIfs             uint64 // the what-ifs' revision (SnapshotsRevision)
	HasName, HasWeek    bool
	HasChosen, HasLists bool
}

// DeleteProfileFrom deletes a profile, as DeleteProfile does, only if every
// part of it the caller has read is as it read it: its name, its week, its
// chosen plan and its what-ifs. Otherwise it deletes nothing and returns
// an error wrapping ErrStale, so that a window showing an old copy cannot
// delete what another weekfit saved since.
func (db *DB) DeleteProfileFrom(id string, seen ProfileSeen) error {
	return db.deleteProfile(id, func(tx *bbolt.Tx, r profileRec) error {
		switch {
		case seen.HasName && r.Name != seen.Name,
			seen.HasChosen && r.Chosen != seen.Chosen,
			seen.HasWeek && revisionOf(tx, []byte(id)) != seen.Week,
			seen.HasLists && revisionOf(tx, whatIfsKey(id)) != seen.WhatIfs:
			return failf(ErrStale, staleProfileDelete)
		}
		return nil
	})
}

// staleProfileDelete is the sentence of a deletion refused because the
// profile changed since it was read.
const staleProfileDelete = "this profile changed in another weekfit window; it has been reloaded — check it, then delete again"
