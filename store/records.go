package store

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"weekfit/planner"
)

// The records are what the store writes; planner types carry no tags for it.

type profileRec struct {
	Name       string    `json:"name"`
	ClientCode string    `json:"client_code,omitempty"`
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated"`
	Discreet   bool      `json:"discreet,omitempty"`
	Chosen     string    `json:"chosen,omitempty"` // id of the chosen plan
}

type scenarioRec struct {
	Saved    time.Time       `json:"saved"`
	Scenario json.RawMessage `json:"scenario"` // the scenario file format
}

type planRec struct {
	Name     string          `json:"name,omitempty"`
	Chosen   bool            `json:"chosen"`
	Saved    time.Time       `json:"saved"`
	Plan     planJSON        `json:"plan"`
	Scenario json.RawMessage `json:"scenario,omitempty"` // the scenario file format, or empty
	Asks     json.RawMessage `json:"asks,omitempty"`     // a what-if's asks, as planner.MarshalAsks writes them
	Replaced string          `json:"replaced,omitempty"` // the what-if adopted over this week, which adopting this one restores
}

// planJSON holds the exported fields of a planner.Plan.
type planJSON struct {
	Program        string        `json:"program"`
	ProgramName    string        `json:"program_name"`
	Track          string        `json:"track"`
	Sessions       []sessionJSON `json:"sessions"`
	ShiftChanges   []changeJSON  `json:"shift_changes,omitempty"`
	Covered        []coverJSON   `json:"covered,omitempty"`
	UnpaidMinutes  int           `json:"unpaid_minutes"`
	MovedMinutes   int           `json:"moved_minutes"`
	TravelMinutes  int           `json:"travel_minutes"`
	AddedTravel    int           `json:"added_travel_minutes"`
	SessionMinutes int           `json:"session_minutes"`
	ExtraMinutes   int           `json:"extra_minutes"`
	LatestHome     int           `json:"latest_home"`
	// A dated plan's phases and leave (issue 14); records written before
	// they were kept have neither.
	Phases []phaseJSON `json:"phases,omitempty"`
	Leave  *leaveJSON  `json:"leave,omitempty"`
}

type clockJSON struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

type sessionJSON struct {
	Week  int       `json:"week"`
	Day   int       `json:"day"`
	Time  clockJSON `json:"time"`
	Track string    `json:"track"`
}

type changeJSON struct {
	Job  string    `json:"job"`
	Week int       `json:"week"`
	Day  int       `json:"day"`
	From clockJSON `json:"from"`
	To   clockJSON `json:"to"`
}

type coverJSON struct {
	Commitment string `json:"commitment"`
	Week       int    `json:"week"`
	Day        int    `json:"day"`
	By         string `json:"by"`
}

type catalogRec struct {
	Program string          `json:"program"` // the program id, to match on import
	Catalog json.RawMessage `json:"catalog"` // a one-program catalog in the catalog file format
}

func toPlanJSON(p planner.Plan) planJSON {
	out := planJSON{Program: p.Program, ProgramName: p.ProgramName, Track: p.Track,
		UnpaidMinutes: p.UnpaidMinutes, MovedMinutes: p.MovedMinutes, TravelMinutes: p.TravelMinutes,
		AddedTravel: p.AddedTravel, SessionMinutes: p.SessionMinutes, ExtraMinutes: p.ExtraMinutes, LatestHome: p.LatestHome}
	out.Sessions = []sessionJSON{}
	for _, s := range p.Sessions {
		out.Sessions = append(out.Sessions, sessionJSON{Week: s.Week, Day: int(s.Day), Time: clockJSON(s.Time), Track: s.Track})
	}
	for _, c := range p.ShiftChanges {
		out.ShiftChanges = append(out.ShiftChanges, changeJSON{Job: c.Job, Week: c.Week, Day: int(c.Day), From: clockJSON(c.From), To: clockJSON(c.To)})
	}
	for _, c := range p.Covered {
		out.Covered = append(out.Covered, coverJSON{Commitment: c.Commitment, Week: c.Week, Day: int(c.Day), By: c.By})
	}
	out.Phases, out.Leave = toPhasesJSON(p)
	return out
}

func (j planJSON) plan() planner.Plan {
	p := planner.Plan{Program: j.Program, ProgramName: j.ProgramName, Track: j.Track,
		UnpaidMinutes: j.UnpaidMinutes, MovedMinutes: j.MovedMinutes, TravelMinutes: j.TravelMinutes,
		AddedTravel: j.AddedTravel, SessionMinutes: j.SessionMinutes, ExtraMinutes: j.ExtraMinutes, LatestHome: j.LatestHome}
	for _, s := range j.Sessions {
		p.Sessions = append(p.Sessions, planner.Session{Week: s.Week, Day: planner.Day(s.Day), Time: planner.Clock(s.Time), Track: s.Track})
	}
	for _, c := range j.ShiftChanges {
		p.ShiftChanges = append(p.ShiftChanges, planner.ShiftChange{Job: c.Job, Week: c.Week, Day: planner.Day(c.Day), From: planner.Clock(c.From), To: planner.Clock(c.To)})
	}
	for _, c := range j.Covered {
		p.Covered = append(p.Covered, planner.Cover{Commitment: c.Commitment, Week: c.Week, Day: planner.Day(c.Day), By: c.By})
	}
	j.phasesOf(&p)
	return p
}

// check refuses a plan a person could not have chosen, so that an imported file
// cannot store nonsense.
func (j planJSON) check() error {
	if j.Program == "" && len(j.Sessions) == 0 {
		return nil // a what-if in which no plan fits
	}
	if j.Program == "" {
		return errors.New("the plan names no program")
	}
	for i, s := range j.Sessions {
		if s.Day < 0 || s.Day > 6 || s.Week < 1 || s.Week > planner.MaxCycleWeeks ||
			s.Time.Start < 0 || s.Time.Start >= planner.MinutesPerDay || s.Time.End <= 0 || s.Time.End > planner.MinutesPerDay {
			return fmt.Errorf("session %d has an impossible day, week or time", i+1)
		}
	}
	return j.checkPhases()
}

// newID returns a random id: 20 hex digits, saying nothing about what it names.
func newID() string {
	b := make([]byte, 10)
	_, _ = rand.Read(b) // crypto/rand.Read never returns an error since Go 1.24
	return hex.EncodeToString(b)
}

// errMissing is what getRec returns for a key that is not there; callers turn
// it into an ErrNotFound sentence.
var errMissing = errors.New("missing")

// putRec stores v as JSON under key, sealed when the database has a passphrase.
func putRec(b *bbolt.Bucket, s *sealer, where, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode a record: %w", err)
	}
	stored, err := s.wrap(where, []byte(key), data)
	if err != nil {
		return err
	}
	return b.Put([]byte(key), stored)
}

// getRec reads the record under key into v.
func getRec(b *bbolt.Bucket, s *sealer, where, key string, v any) error {
	if b == nil {
		return errMissing
	}
	raw := b.Get([]byte(key))
	if raw == nil {
		return errMissing
	}
	plain, err := s.unwrap(where, []byte(key), raw)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(plain, v); err != nil {
		return failf(ErrTampered, "a stored record cannot be read (%v); restore the database from a backup", err)
	}
	return nil
}

func encodeScenario(sc *planner.Scenario) (json.RawMessage, error) {
	if sc == nil {
		return nil, nil
	}
	data, err := planner.MarshalScenario(sc)
	if err != nil {
		return nil, failf(ErrInvalid, "the scenario cannot be written: %v", err)
	}
	if _, err := planner.ParseScenario(data); err != nil {
		return nil, &storeError{msg: fmt.Sprintf("the scenario is not valid, so it was not saved: %v", err), kind: ErrInvalid, cause: err}
	}
	return data, nil
}

func decodeScenario(data json.RawMessage) (*planner.Scenario, error) {
	if len(data) == 0 {
		return nil, nil
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		return nil, failf(ErrTampered, "a stored scenario cannot be read (%v); restore the database from a backup", err)
	}
	return sc, nil
}
