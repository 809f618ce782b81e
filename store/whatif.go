package store

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.etcd.io/bbolt"

	"weekfit/planner"
)

// A what-if is a named snapshot of a profile (a SavedPlan that is not the
// chosen one): a week of its own, made from the profile's week by a fix's
// asks or by any edit, with its best plan when one fits. The profile's week
// does not change until the what-if is adopted.

// checkWhatIfName cleans a what-if's name: one line of plain text, not a word
// the command line reserves.
func checkWhatIfName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > maxNameLen || !utf8.ValidString(name) || strings.ContainsAny(name, "\x00\n\r\t") {
		return "", failf(ErrInvalid, "a what-if needs a name of one line of at most %d bytes, such as \"Tuesdays off\"", maxNameLen)
	}
	if name = strings.TrimSpace(planner.StripControls(name)); name == "" {
		return "", failf(ErrInvalid, "a what-if's name must be plain text, not only control characters (terminal escape codes)")
	}
	for _, r := range []string{"week", "chosen"} { // what weekfit diff reads as something else
		if strings.EqualFold(name, r) {
			return "", failf(ErrInvalid, "%q names the profile's own week or chosen plan in weekfit diff; give the what-if another name", name)
		}
	}
	return name, nil
}

// whatIfNameTaken refuses a name another what-if of the profile (than id) has, ignoring case.
func whatIfNameTaken(tx *bbolt.Tx, s *sealer, profileID, name, id string) error {
	all, err := allPlans(tx, s, profileID)
	if err != nil {
		return err
	}
	for _, sp := range all {
		if !sp.Chosen && sp.ID != id && strings.EqualFold(sp.Name, name) {
			return failf(ErrExists, "a what-if called %q already exists; choose another name, or delete that one first", sp.Name)
		}
	}
	return nil
}

// SaveWhatIf keeps sc as the profile's what-if called name, with its best
// plan (nil when none fits) and the asks it was made from (none when it was
// made by an edit). Names are unique per profile, ignoring case.
func (db *DB) SaveWhatIf(profileID, name string, sc *planner.Scenario, best *planner.Plan, asks []planner.Ask) (SavedPlan, error) {
	name, err := checkWhatIfName(name)
	if err != nil {
		return SavedPlan{}, err
	}
	if sc == nil {
		return SavedPlan{}, failf(ErrInvalid, "a what-if needs a week")
	}
	now := db.now().UTC()
	rec, err := whatIfRec(name, sc, best, asks, now)
	if err != nil {
		return SavedPlan{}, err
	}
	var id string
	err = db.update("save the what-if", func(tx *bbolt.Tx, s *sealer) error {
		if _, err := getProfile(tx, s, profileID); err != nil {
			return err
		}
		if err := whatIfNameTaken(tx, s, profileID, name, ""); err != nil {
			return err
		}
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

func whatIfRec(name string, sc *planner.Scenario, best *planner.Plan, asks []planner.Ask, now time.Time) (planRec, error) {
	var p planner.Plan
	if best != nil {
		p = *best
	}
	rec, err := newPlanRec(name, false, p, sc, now)
	if err != nil {
		return planRec{}, err
	}
	rec.Asks, err = asksJSON(asks)
	return rec, err
}

// asksJSON writes a what-if's asks for its record; nil when there are none.
func asksJSON(asks []planner.Ask) (json.RawMessage, error) {
	if len(asks) == 0 {
		return nil, nil
	}
	data, err := planner.MarshalAsks(asks)
	if err != nil {
		return nil, failf(ErrInvalid, "the asks cannot be written: %v", err)
	}
	return json.RawMessage(data), nil
}

// WhatIf finds one of the profile's what-ifs by its id, else by its name
// (ignoring case).
func (db *DB) WhatIf(profileID, ref string) (SavedPlan, error) {
	var out SavedPlan
	err := db.view(func(tx *bbolt.Tx, s *sealer) error {
		var err error
		out, err = findWhatIf(tx, s, profileID, ref)
		return err
	})
	return out, err
}

func findWhatIf(tx *bbolt.Tx, s *sealer, profileID, ref string) (SavedPlan, error) {
	if _, err := getProfile(tx, s, profileID); err != nil {
		return SavedPlan{}, err
	}
	all, err := allPlans(tx, s, profileID)
	if err != nil {
		return SavedPlan{}, err
	}
	var byName []SavedPlan
	for _, sp := range all {
		if sp.Chosen {
			continue
		}
		if sp.ID == ref {
			return sp, nil
		}
		if strings.EqualFold(sp.Name, strings.TrimSpace(ref)) {
			byName = append(byName, sp)
		}
	}
	switch len(byName) {
	case 0:
		return SavedPlan{}, failf(ErrNotFound, "the profile has no what-if called %q; weekfit whatif PROFILE list shows them", ref)
	case 1:
		return byName[0], nil
	}
	return SavedPlan{}, failf(ErrInvalid, "%d what-ifs are called %q (from an older weekfit); give one by its id, which weekfit whatif PROFILE list shows", len(byName), ref)
}

// RenameWhatIf gives the what-if with this id a new name, unique in the profile.
func (db *DB) RenameWhatIf(profileID, id, name string) error {
	return db.renameWhatIf(profileID, id, name, noCheck)
}

// renameWhatIf renames a what-if if check, run first in the transaction, allows it.
func (db *DB) renameWhatIf(profileID, id, name string, check func(*bbolt.Tx) error) error {
	name, err := checkWhatIfName(name)
	if err != nil {
		return err
	}
	return db.update("rename the what-if", func(tx *bbolt.Tx, s *sealer) error {
		if err := check(tx); err != nil {
			return err
		}
		rec, err := getWhatIfRec(tx, s, profileID, id)
		if err != nil {
			return err
		}
		if err := whatIfNameTaken(tx, s, profileID, name, id); err != nil {
			return err
		}
		rec.Name = name
		b, _ := planBucket(tx, profileID, false)
		if err := putRec(b, s, plansWhere(profileID), id, rec); err != nil {
			return err
		}
		return stampWhatIfs(tx, profileID)
	})
}

func getWhatIfRec(tx *bbolt.Tx, s *sealer, profileID, id string) (planRec, error) {
	if _, err := getProfile(tx, s, profileID); err != nil {
		return planRec{}, err
	}
	b, _ := planBucket(tx, profileID, false)
	var rec planRec
	if err := getRec(b, s, plansWhere(profileID), id, &rec); err != nil {
		if errors.Is(err, errMissing) {
			return rec, failf(ErrNotFound, "the profile has no what-if with the id %q", id)
		}
		return rec, err
	}
	if rec.Chosen {
		return rec, failf(ErrInvalid, "that is the chosen plan, not a what-if")
	}
	return rec, nil
}

// DeleteWhatIf removes the what-if with this id. Like deleting a profile it
// writes the database anew, so that no copy of the what-if's week stays in the
// file's free pages.
func (db *DB) DeleteWhatIf(profileID, id string) error {
	return db.deleteWhatIf(profileID, id, noCheck)
}

// deleteWhatIf deletes a what-if if check, run first in the transaction, allows it.
func (db *DB) deleteWhatIf(profileID, id string, check func(*bbolt.Tx) error) error {
	return db.rewrite("delete the what-if", func(tx *bbolt.Tx, s *sealer) (*sealer, error) {
		if err := check(tx); err != nil {
			return nil, err
		}
		if _, err := getWhatIfRec(tx, s, profileID, id); err != nil {
			return nil, err
		}
		b, _ := planBucket(tx, profileID, false)
		if err := deleteRec(b, s, plansWhere(profileID), []byte(id)); err != nil {
			return nil, err
		}
		return s, stampWhatIfs(tx, profileID)
	})
}

// AdoptWhatIf makes the week of the what-if with this id the profile's week,
// in one transaction. The what-if leaves the list (it is the week now) and
// the week before is kept as a what-if, with oldBest as its best plan (nil
// when none fits), so that adopting it undoes the adoption: it is called
// "before NAME", and adopting it keeps the week it replaces as NAME again
// (with " (2)" ... when that name is taken by then). It returns that
// what-if; its ID is empty when the profile had no week before.
func (db *DB) AdoptWhatIf(profileID, id string, oldBest *planner.Plan) (SavedPlan, error) {
	return db.adoptWhatIf(profileID, id, oldBest, noCheck)
}

// adoptWhatIf adopts a what-if if check, run first in the transaction,
// allows it; the week and the what-ifs get this write's revision.
func (db *DB) adoptWhatIf(profileID, id string, oldBest *planner.Plan, check func(*bbolt.Tx) error) (SavedPlan, error) {
	now := db.now().UTC()
	var kept SavedPlan
	err := db.update("adopt the what-if", func(tx *bbolt.Tx, s *sealer) error {
		if err := check(tx); err != nil {
			return err
		}
		if err := setRevision(tx, profileID); err != nil {
			return err
		}
		if err := stampWhatIfs(tx, profileID); err != nil {
			return err
		}
		rec, err := getWhatIfRec(tx, s, profileID, id)
		if err != nil {
			return err
		}
		if len(rec.Scenario) == 0 {
			return failf(ErrInvalid, "the what-if %q keeps no week to adopt", planner.StripControls(rec.Name))
		}
		scenarios := tx.Bucket(bucketScenarios)
		var old scenarioRec
		hadWeek := true
		if err := getRec(scenarios, s, "scenarios", profileID, &old); errors.Is(err, errMissing) {
			hadWeek = false
		} else if err != nil {
			return err
		}
		b, _ := planBucket(tx, profileID, false)
		if err := deleteRec(b, s, plansWhere(profileID), []byte(id)); err != nil {
			return err
		}
		if err := putRec(scenarios, s, "scenarios", profileID, scenarioRec{Saved: now, Scenario: rec.Scenario}); err != nil {
			return err
		}
		if !hadWeek {
			return nil
		}
		kept, err = keepWeekBefore(tx, s, profileID, rec, old.Scenario, oldBest, now)
		return err
	})
	return kept, err
}

// keepWeekBefore stores the week a what-if replaced as a what-if of its own.
// It is named after the adopted what-if, which records that it replaced it.
func keepWeekBefore(tx *bbolt.Tx, s *sealer, profileID string, adopted planRec, week json.RawMessage, best *planner.Plan, now time.Time) (SavedPlan, error) {
	var p planner.Plan
	if best != nil {
		p = *best
	}
	adoptedName := planner.StripControls(adopted.Name)
	name := "before " + adoptedName
	if adopted.Replaced != "" {
		name = planner.StripControls(adopted.Replaced)
	}
	name, err := freeWhatIfName(tx, s, profileID, name)
	if err != nil {
		return SavedPlan{}, err
	}
	rec := planRec{Name: name, Saved: now, Plan: toPlanJSON(p), Scenario: week, Replaced: adoptedName}
	id, err := putPlan(tx, s, profileID, rec, now)
	if err != nil {
		return SavedPlan{}, err
	}
	return rec.saved(id, profileID)
}

// freeWhatIfName returns name, shortened to fit, or with " (2)", " (3)" ...
// when another what-if of the profile has it.
func freeWhatIfName(tx *bbolt.Tx, s *sealer, profileID, name string) (string, error) {
	for len(name) > maxNameLen-8 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	try := name
	for n := 2; ; n++ {
		err := whatIfNameTaken(tx, s, profileID, try, "")
		if err == nil {
			return try, nil
		}
		if !errors.Is(err, ErrExists) {
			return "", err
		}
		try = name + " (" + strconv.Itoa(n) + ")"
	}
}
