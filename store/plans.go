package store

import (
	"errors"
	"sort"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"weekfit/planner"
)

// SavedPlan is a plan kept for a profile: its chosen plan or a named snapshot,
// with the scenario it was made from (nil when none was given).
type SavedPlan struct {
	ID        string
	ProfileID string
	Name      string
	Chosen    bool
	Plan      planner.Plan
	Scenario  *planner.Scenario
	Saved     time.Time
	Asks      []planner.Ask // a what-if's asks; none when it was made by an edit
	Replaced  string        // for a week kept by an adoption: the what-if adopted over it
}

// HasPlan reports whether a plan is kept: a what-if in which nothing fits keeps none.
func (sp SavedPlan) HasPlan() bool { return sp.Plan.Program != "" }

func plansWhere(profileID string) string { return "plans/" + profileID }

// planBucket returns the profile's bucket of plans, creating it when asked.
func planBucket(tx *bbolt.Tx, profileID string, create bool) (*bbolt.Bucket, error) {
	parent := tx.Bucket(bucketPlans)
	if !create {
		return parent.Bucket([]byte(profileID)), nil
	}
	return parent.CreateBucketIfNotExists([]byte(profileID))
}

func (r planRec) saved(id, profileID string) (SavedPlan, error) {
	sc, err := decodeScenario(r.Scenario)
	if err != nil {
		return SavedPlan{}, err
	}
	var asks []planner.Ask
	if len(r.Asks) > 0 {
		if asks, err = planner.ParseAsks(r.Asks); err != nil {
			return SavedPlan{}, failf(ErrTampered, "a stored what-if's asks cannot be read (%v); restore the database from a backup", err)
		}
	}
	return SavedPlan{ID: id, ProfileID: profileID, Name: planner.StripControls(r.Name), Chosen: r.Chosen, Plan: planner.CleanPlan(r.Plan.plan()), Scenario: sc, Saved: r.Saved,
		Asks: asks, Replaced: planner.StripControls(r.Replaced)}, nil
}

func newPlanRec(name string, chosen bool, p planner.Plan, sc *planner.Scenario, at time.Time) (planRec, error) {
	data, err := encodeScenario(sc)
	if err != nil {
		return planRec{}, err
	}
	return planRec{Name: name, Chosen: chosen, Saved: at, Plan: toPlanJSON(p), Scenario: data}, nil
}

// putPlan stores a plan record for a profile under a new id. A chosen plan
// replaces the profile's previous choice.
func putPlan(tx *bbolt.Tx, s *sealer, profileID string, rec planRec, now time.Time) (string, error) {
	prof, err := getProfile(tx, s, profileID)
	if err != nil {
		return "", err
	}
	b, err := planBucket(tx, profileID, true)
	if err != nil {
		return "", err
	}
	id := newID()
	if err := putRec(b, s, plansWhere(profileID), id, rec); err != nil {
		return "", err
	}
	if rec.Chosen {
		if prof.Chosen != "" {
			if err := deleteRec(b, s, plansWhere(profileID), []byte(prof.Chosen)); err != nil {
				return "", err
			}
		}
		prof.Chosen = id
	}
	prof.Updated = now
	return id, putProfile(tx, s, profileID, prof)
}

// ChoosePlan makes p, made from scenario sc, the profile's chosen plan,
// replacing the previous choice.
func (db *DB) ChoosePlan(profileID string, p planner.Plan, sc *planner.Scenario) error {
	now := db.now().UTC()
	rec, err := newPlanRec("", true, p, sc, now)
	if err != nil {
		return err
	}
	return db.update("save the chosen plan", func(tx *bbolt.Tx, s *sealer) error {
		_, err := putPlan(tx, s, profileID, rec, now)
		return err
	})
}

// ChosenPlan returns the profile's chosen plan; ErrNotFound when none is chosen.
func (db *DB) ChosenPlan(profileID string) (SavedPlan, error) {
	var out SavedPlan
	err := db.view(func(tx *bbolt.Tx, s *sealer) error {
		var err error
		out, err = chosenIn(tx, s, profileID)
		return err
	})
	return out, err
}

// chosenIn reads the profile's chosen plan in tx; ErrNotFound when none is chosen.
func chosenIn(tx *bbolt.Tx, s *sealer, profileID string) (SavedPlan, error) {
	prof, err := getProfile(tx, s, profileID)
	if err != nil {
		return SavedPlan{}, err
	}
	if prof.Chosen == "" {
		return SavedPlan{}, failf(ErrNotFound, "no plan is chosen for this profile yet")
	}
	b, _ := planBucket(tx, profileID, false)
	var r planRec
	if err := getRec(b, s, plansWhere(profileID), prof.Chosen, &r); err != nil {
		if errors.Is(err, errMissing) {
			return SavedPlan{}, failf(ErrTampered, "the chosen plan is missing from the database; choose a plan again")
		}
		return SavedPlan{}, err
	}
	return r.saved(prof.Chosen, profileID)
}

// SaveSnapshot keeps p, made from scenario sc, as a named snapshot of the profile.
func (db *DB) SaveSnapshot(profileID, name string, p planner.Plan, sc *planner.Scenario) (SavedPlan, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > maxNameLen || strings.ContainsAny(name, "\x00\n\r") {
		return SavedPlan{}, failf(ErrInvalid, "a snapshot needs a name of one line, such as \"Tuesdays off\"")
	}
	now := db.now().UTC()
	rec, err := newPlanRec(name, false, p, sc, now)
	if err != nil {
		return SavedPlan{}, err
	}
	var id string
	err = db.update("save a snapshot", func(tx *bbolt.Tx, s *sealer) error {
		var err error
		if id, err = putPlan(tx, s, profileID, rec, now); err != nil {
			return err
		}
		return stampWhatIfs(tx, profileID)
	})
	if err != nil {
		return SavedPlan{}, err
	}
	return rec.saved(id, profileID)
}

// allPlans returns the chosen plan (if any) and the snapshots of a profile,
// the chosen one first and the snapshots oldest first.
func allPlans(tx *bbolt.Tx, s *sealer, profileID string) ([]SavedPlan, error) {
	b, _ := planBucket(tx, profileID, false)
	if b == nil {
		return nil, nil
	}
	var out []SavedPlan
	err := b.ForEach(func(k, _ []byte) error {
		var r planRec
		if err := getRec(b, s, plansWhere(profileID), string(k), &r); err != nil {
			return err
		}
		sp, err := r.saved(string(k), profileID)
		if err != nil {
			return err
		}
		out = append(out, sp)
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Chosen != out[j].Chosen {
			return out[i].Chosen
		}
		if !out[i].Saved.Equal(out[j].Saved) {
			return out[i].Saved.Before(out[j].Saved)
		}
		return out[i].Name < out[j].Name
	})
	return out, err
}

// Snapshots returns the profile's named snapshots, oldest first.
func (db *DB) Snapshots(profileID string) ([]SavedPlan, error) {
	var out []SavedPlan
	err := db.view(func(tx *bbolt.Tx, s *sealer) error {
		var err error
		out, err = snapshots(tx, s, profileID)
		return err
	})
	return out, err
}

// snapshots returns the profile's named snapshots, oldest first.
func snapshots(tx *bbolt.Tx, s *sealer, profileID string) ([]SavedPlan, error) {
	if _, err := getProfile(tx, s, profileID); err != nil {
		return nil, err
	}
	all, err := allPlans(tx, s, profileID)
	var out []SavedPlan
	for _, sp := range all {
		if !sp.Chosen {
			out = append(out, sp)
		}
	}
	return out, err
}
