package store

import (
	"errors"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"go.etcd.io/bbolt"

	"weekfit/planner"
)

// Profile is one person whose week the database keeps: "me", or a counselor's client.
type Profile struct {
	ID         string
	Name       string
	ClientCode string
	Created    time.Time
	Updated    time.Time
	Discreet   bool // show neutral labels for this profile
}

// maxNameLen bounds display names and client codes, in bytes.
const maxNameLen = 200

func (r profileRec) profile(id string) Profile {
	return Profile{ID: id, Name: planner.StripControls(r.Name), ClientCode: planner.StripControls(r.ClientCode), Created: r.Created, Updated: r.Updated, Discreet: r.Discreet}
}

func checkName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", failf(ErrInvalid, "a profile needs a name; give one such as \"me\" or a client's initials")
	}
	if len(name) > maxNameLen || !utf8.ValidString(name) || strings.ContainsAny(name, "\x00\n\r\t") {
		return "", failf(ErrInvalid, "a profile name must be one line of text of at most %d bytes", maxNameLen)
	}
	if name = strings.TrimSpace(planner.StripControls(name)); name == "" {
		return "", failf(ErrInvalid, "a profile name must be plain text, not only control characters (terminal escape codes)")
	}
	return name, nil
}

func checkCode(code string) (string, error) {
	code = strings.TrimSpace(code)
	if len(code) > maxNameLen || !utf8.ValidString(code) || strings.ContainsAny(code, "\x00\n\r\t") {
		return "", failf(ErrInvalid, "a client code must be one line of text of at most %d bytes", maxNameLen)
	}
	return strings.TrimSpace(planner.StripControls(code)), nil
}

// allProfiles reads every profile record.
func allProfiles(tx *bbolt.Tx, s *sealer) ([]Profile, error) {
	var out []Profile
	b := tx.Bucket(bucketProfiles)
	err := b.ForEach(func(k, _ []byte) error {
		var r profileRec
		err := getRec(b, s, "profiles", string(k), &r)
		if errors.Is(err, errMissing) {
			// Listed but not readable: a damaged page, not a missing profile.
			return failf(ErrTampered, "the list of profiles is damaged and part of it cannot be read; nothing was changed. Restore the database from a backup (weekfit backup makes one)")
		}
		if err != nil {
			return err
		}
		out = append(out, r.profile(string(k)))
		return nil
	})
	return out, err
}

// Profiles returns every profile, sorted by name.
func (db *DB) Profiles() ([]Profile, error) {
	var out []Profile
	err := db.view(func(tx *bbolt.Tx, s *sealer) error {
		var err error
		out, err = allProfiles(tx, s)
		return err
	})
	if err != nil {
		return nil, wrapf(err, "list profiles")
	}
	sortProfiles(out)
	return out, nil
}

// sortProfiles sorts profiles by name; the bucket gives them by id, which a
// stable sort keeps among equal names.
func sortProfiles(ps []Profile) {
	sort.SliceStable(ps, func(i, j int) bool {
		return strings.ToLower(ps[i].Name) < strings.ToLower(ps[j].Name)
	})
}

// findProfile finds a profile by id, else by name (ignoring case).
func findProfile(tx *bbolt.Tx, s *sealer, ref string) (Profile, profileRec, error) {
	b := tx.Bucket(bucketProfiles)
	var r profileRec
	err := getRec(b, s, "profiles", ref, &r)
	if err == nil {
		return r.profile(ref), r, nil
	}
	if !errors.Is(err, errMissing) {
		return Profile{}, r, err
	}
	all, err := allProfiles(tx, s)
	if err != nil {
		return Profile{}, r, err
	}
	want := strings.ToLower(strings.TrimSpace(ref))
	for _, p := range all {
		if strings.ToLower(p.Name) == want {
			err := getRec(b, s, "profiles", p.ID, &r)
			return p, r, err
		}
	}
	return Profile{}, r, failf(ErrNotFound, "no profile is called %q; run weekfit profiles to see the names", ref)
}

// getProfile reads a profile by id only.
func getProfile(tx *bbolt.Tx, s *sealer, id string) (profileRec, error) {
	var r profileRec
	err := getRec(tx.Bucket(bucketProfiles), s, "profiles", id, &r)
	if errors.Is(err, errMissing) {
		return r, failf(ErrNotFound, "no profile has the id %q", id)
	}
	return r, err
}

func putProfile(tx *bbolt.Tx, s *sealer, id string, r profileRec) error {
	return putRec(tx.Bucket(bucketProfiles), s, "profiles", id, r)
}

// nameTaken reports whether another profile than id has this name (ignoring case).
func nameTaken(tx *bbolt.Tx, s *sealer, name, id string) error {
	all, err := allProfiles(tx, s)
	if err != nil {
		return err
	}
	for _, p := range all {
		if p.ID != id && strings.EqualFold(p.Name, name) {
			return failf(ErrExists, "a profile called %q already exists; choose another name", p.Name)
		}
	}
	return nil
}

// Profile returns the profile with this id, or else with this name.
func (db *DB) Profile(ref string) (Profile, error) {
	var p Profile
	err := db.view(func(tx *bbolt.Tx, s *sealer) error {
		var err error
		p, _, err = findProfile(tx, s, ref)
		return err
	})
	return p, err
}

// CreateProfile adds a profile with its scenario (which may be nil).
func (db *DB) CreateProfile(name, clientCode string, sc *planner.Scenario) (Profile, error) {
	name, err := checkName(name)
	if err != nil {
		return Profile{}, err
	}
	if clientCode, err = checkCode(clientCode); err != nil {
		return Profile{}, err
	}
	data, err := encodeScenario(sc)
	if err != nil {
		return Profile{}, err
	}
	now := db.now().UTC()
	id := newID()
	rec := profileRec{Name: name, ClientCode: clientCode, Created: now, Updated: now}
	err = db.update("create a profile", func(tx *bbolt.Tx, s *sealer) error {
		if err := nameTaken(tx, s, name, ""); err != nil {
			return err
		}
		if err := putProfile(tx, s, id, rec); err != nil {
			return err
		}
		if data == nil {
			return nil
		}
		return putRec(tx.Bucket(bucketScenarios), s, "scenarios", id, scenarioRec{Saved: now, Scenario: data})
	})
	if err != nil {
		return Profile{}, err
	}
	return rec.profile(id), nil
}

// changeProfile applies fn to the profile record with this id and stores it.
func (db *DB) changeProfile(doing, id string, fn func(tx *bbolt.Tx, s *sealer, r *profileRec) error) error {
	return db.update(doing, func(tx *bbolt.Tx, s *sealer) error {
		r, err := getProfile(tx, s, id)
		if err != nil {
			return err
		}
		if err := fn(tx, s, &r); err != nil {
			return err
		}
		r.Updated = db.now().UTC()
		return putProfile(tx, s, id, r)
	})
}

// RenameProfile gives a profile a new name.
func (db *DB) RenameProfile(id, name string) error {
	name, err := checkName(name)
	if err != nil {
		return err
	}
	return db.changeProfile("rename a profile", id, func(tx *bbolt.Tx, s *sealer, r *profileRec) error {
		if err := nameTaken(tx, s, name, id); err != nil {
			return err
		}
		r.Name = name
		return nil
	})
}

// SetDiscreet turns neutral labels on or off for a profile.
func (db *DB) SetDiscreet(id string, on bool) error {
	return db.changeProfile("set discreet mode", id, func(_ *bbolt.Tx, _ *sealer, r *profileRec) error {
		r.Discreet = on
		return nil
	})
}

// DeleteProfile removes a profile with its scenario and every saved plan. It
// writes a new file without them and puts it in place of the old one (see
// rewrite), so no copy stays in the file's free space, and a crash or a full
// disk leaves the database as it was before or as it is after, never between.
func (db *DB) DeleteProfile(id string) error {
	return db.deleteProfile(id, nil)
}

// deleteProfile deletes a profile and everything of it, after check (nil
// for none) has accepted it as the file holds it.
func (db *DB) deleteProfile(id string, check func(*bbolt.Tx, profileRec) error) error {
	return db.rewrite("delete the profile", func(tx *bbolt.Tx, s *sealer) (*sealer, error) {
		r, err := getProfile(tx, s, id)
		if err != nil {
			return nil, err
		}
		if check != nil {
			if err := check(tx, r); err != nil {
				return nil, err
			}
		}
		if err := deleteRec(tx.Bucket(bucketProfiles), s, "profiles", []byte(id)); err != nil {
			return nil, err
		}
		if err := deleteRec(tx.Bucket(bucketScenarios), s, "scenarios", []byte(id)); err != nil {
			return nil, err
		}
		if b := tx.Bucket(bucketRevisions); b != nil {
			if err := b.Delete([]byte(id)); err != nil {
				return nil, err
			}
			if err := b.Delete(whatIfsKey(id)); err != nil {
				return nil, err
			}
		}
		return s, deletePlans(tx, s, id)
	})
}

// Scenario returns a profile's scenario; ErrNotFound when it has none.
func (db *DB) Scenario(profileID string) (*planner.Scenario, error) {
	var sc *planner.Scenario
	err := db.view(func(tx *bbolt.Tx, s *sealer) error {
		var err error
		sc, err = readScenario(tx, s, profileID)
		return err
	})
	return sc, err
}

func readScenario(tx *bbolt.Tx, s *sealer, profileID string) (*planner.Scenario, error) {
	if _, err := getProfile(tx, s, profileID); err != nil {
		return nil, err
	}
	var r scenarioRec
	err := getRec(tx.Bucket(bucketScenarios), s, "scenarios", profileID, &r)
	if errors.Is(err, errMissing) {
		return nil, failf(ErrNotFound, "the profile has no week yet; import a scenario file for it")
	}
	if err != nil {
		return nil, err
	}
	return decodeScenario(r.Scenario)
}

// SaveScenario stores a profile's scenario, replacing the one before.
func (db *DB) SaveScenario(profileID string, sc *planner.Scenario) error {
	return db.saveScenario(profileID, sc, func(*bbolt.Tx) error { return nil })
}

// saveScenario stores a profile's scenario if check, run first in the same
// transaction, allows it, and records its revision.
func (db *DB) saveScenario(profileID string, sc *planner.Scenario, check func(*bbolt.Tx) error) error {
	if sc == nil {
		return failf(ErrInvalid, "no scenario to save")
	}
	data, err := encodeScenario(sc)
	if err != nil {
		return err
	}
	return db.changeProfile("save the scenario", profileID, func(tx *bbolt.Tx, s *sealer, _ *profileRec) error {
		if err := check(tx); err != nil {
			return err
		}
		if err := setRevision(tx, profileID); err != nil {
			return err
		}
		return putRec(tx.Bucket(bucketScenarios), s, "scenarios", profileID, scenarioRec{Saved: db.now().UTC(), Scenario: data})
	})
}

// wrapf adds what was being done to an error that is not already a sentence.
func wrapf(err error, doing string) error {
	var se *storeError
	if err == nil || errors.As(err, &se) {
		return err
	}
	return explainWrite(err, doing, "")
}
