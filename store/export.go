package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"weekfit/planner"
)

// ExportFormat is the value of the "format" field of a profile export.
const ExportFormat = "weekfit profile"

// exportFile is the JSON a profile export holds. It has no ids and no
// created or updated times, so that an export imported elsewhere and
// exported again gives the same bytes.
type exportFile struct {
	Format     string          `json:"format"`
	Version    int             `json:"version"`
	Name       string          `json:"name"`
	ClientCode string          `json:"client_code,omitempty"`
	Discreet   bool            `json:"discreet,omitempty"`
	Scenario   json.RawMessage `json:"scenario,omitempty"`
	Plans      []planRec       `json:"plans"`
}

// ExportProfile writes a profile (by id or name) with its scenario and saved
// plans, the chosen one first, as JSON that ImportProfile reads back.
func (db *DB) ExportProfile(ref string) ([]byte, error) {
	var f exportFile
	err := db.view(func(tx *bbolt.Tx, s *sealer) error {
		p, _, err := findProfile(tx, s, ref)
		if err != nil {
			return err
		}
		f = exportFile{Format: ExportFormat, Version: 1, Name: p.Name, ClientCode: p.ClientCode, Discreet: p.Discreet, Plans: []planRec{}}
		var sr scenarioRec
		if err := getRec(tx.Bucket(bucketScenarios), s, "scenarios", p.ID, &sr); err == nil {
			f.Scenario = sr.Scenario
		} else if !errors.Is(err, errMissing) {
			return err
		}
		plans, err := allPlans(tx, s, p.ID)
		if err != nil {
			return err
		}
		for _, sp := range plans {
			rec, err := newPlanRec(sp.Name, sp.Chosen, sp.Plan, sp.Scenario, sp.Saved.UTC())
			if err != nil {
				return err
			}
			if rec.Asks, err = asksJSON(sp.Asks); err != nil {
				return err
			}
			rec.Replaced = sp.Replaced
			f.Plans = append(f.Plans, rec)
		}
		return nil
	})
	if err != nil {
		return nil, wrapf(err, "export the profile")
	}
	return json.MarshalIndent(f, "", "  ")
}

// IsProfileExport reports whether data looks like a profile export rather
// than a scenario or a catalog.
func IsProfileExport(data []byte) bool {
	var head struct {
		Format string `json:"format"`
	}
	return json.Unmarshal(data, &head) == nil && head.Format == ExportFormat
}

// readExport parses and checks a profile export.
func readExport(data []byte) (exportFile, *planner.Scenario, error) {
	var f exportFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return f, nil, failf(ErrInvalid, "the profile file cannot be read (%v); it should be a file written by weekfit export", err)
	}
	if f.Format != ExportFormat || f.Version != 1 {
		return f, nil, failf(ErrInvalid, "the profile file has format %q version %d; this weekfit reads %q version 1", f.Format, f.Version, ExportFormat)
	}
	var sc *planner.Scenario
	if len(f.Scenario) > 0 {
		var err error
		if sc, err = planner.ParseScenario(f.Scenario); err != nil {
			return f, nil, &storeError{msg: fmt.Sprintf("the scenario in the profile file: %v", err), kind: ErrInvalid, cause: err}
		}
	}
	chosen := 0
	for i, p := range f.Plans {
		if err := p.Plan.check(); err != nil {
			return f, nil, failf(ErrInvalid, "plans[%d] in the profile file: %v", i, err)
		}
		if len(p.Scenario) > 0 {
			if _, err := planner.ParseScenario(p.Scenario); err != nil {
				return f, nil, &storeError{msg: fmt.Sprintf("the scenario of plans[%d] in the profile file: %v", i, err), kind: ErrInvalid, cause: err}
			}
		}
		if len(p.Asks) > 0 {
			if _, err := planner.ParseAsks(p.Asks); err != nil {
				return f, nil, &storeError{msg: fmt.Sprintf("the asks of plans[%d] in the profile file: %v", i, err), kind: ErrInvalid, cause: err}
			}
		}
		if p.Chosen {
			chosen++
		}
	}
	if chosen > 1 {
		return f, nil, failf(ErrInvalid, "the profile file has %d chosen plans; a profile has at most one", chosen)
	}
	return f, sc, nil
}

// ImportProfile reads a profile export. The profile named as (or, when as is
// empty, the name in the file) is created, or has its scenario and saved plans
// replaced by those in the file. It reports whether the profile is new.
func (db *DB) ImportProfile(data []byte, as string) (Profile, bool, error) {
	f, sc, err := readExport(data)
	if err != nil {
		return Profile{}, false, err
	}
	if as == "" {
		as = f.Name
	}
	name, err := checkName(as)
	if err != nil {
		return Profile{}, false, err
	}
	code, err := checkCode(f.ClientCode)
	if err != nil {
		return Profile{}, false, err
	}
	scData, err := encodeScenario(sc)
	if err != nil {
		return Profile{}, false, err
	}
	var out Profile
	created := false
	err = db.update("import the profile", func(tx *bbolt.Tx, s *sealer) error {
		var err error
		out, created, err = putExport(tx, s, name, code, f, scData, db.now().UTC())
		return err
	})
	return out, created, err
}

// putExport creates the profile called name, or clears the plans of the one
// there is, and stores the export's scenario and plans in it.
func putExport(tx *bbolt.Tx, s *sealer, name, code string, f exportFile, scData []byte, now time.Time) (Profile, bool, error) {
	p, rec, err := findProfile(tx, s, name)
	created := false
	if err == nil {
		rec.Chosen = ""
		if err := deletePlans(tx, s, p.ID); err != nil {
			return Profile{}, false, err
		}
	} else if isNotFound(err) {
		created = true
		p.ID, rec = newID(), profileRec{Name: name, Created: now}
	} else {
		return Profile{}, false, err
	}
	rec.ClientCode, rec.Discreet, rec.Updated = code, f.Discreet, now
	if err := putProfile(tx, s, p.ID, rec); err != nil {
		return Profile{}, false, err
	}
	if scData == nil {
		err = deleteRec(tx.Bucket(bucketScenarios), s, "scenarios", []byte(p.ID))
	} else {
		err = putRec(tx.Bucket(bucketScenarios), s, "scenarios", p.ID, scenarioRec{Saved: now, Scenario: scData})
	}
	if err != nil {
		return Profile{}, false, err
	}
	for _, pr := range f.Plans {
		if _, err := putPlan(tx, s, p.ID, pr, now); err != nil {
			return Profile{}, false, err
		}
	}
	if err := setRevision(tx, p.ID); err != nil {
		return Profile{}, false, err
	}
	if err := stampWhatIfs(tx, p.ID); err != nil {
		return Profile{}, false, err
	}
	rec, err = getProfile(tx, s, p.ID)
	return rec.profile(p.ID), created, err
}

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
