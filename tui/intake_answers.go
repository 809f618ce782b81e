package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"weekfit/planner"
)

// intakeAnswers are the interview's answers as typed, bound to its fields.
// Nothing here is a scenario yet: build makes one, and checks it. The first
// job, duty and helper are asked in their groups; more of each are added
// from the review, so that a simple week pays no keystroke for them.
type intakeAnswers struct {
	Name string // the profile's name, or a client code

	Job      jobAnswers
	MoreJobs []*jobAnswers
	Patterns []*patternAnswers // other hours of the jobs, added from the review

	Rotation int // weeks before the schedule repeats; 0 or 1: every week is the same

	Mode       string
	Rush       bool
	RushFactor float64

	Duty        dutyAnswers
	MoreDuties  []*dutyAnswers
	Helper      helperAnswers
	MoreHelpers []*helperAnswers

	Bed, Wake               string
	SleepDiffers            bool   // another pattern on some days (a night worker's workdays)
	Sleep2Days, Bed2, Wake2 string // that pattern: its days, and when sleep starts and ends then

	ProgName, ProgPlace, Modality   string
	ProgCatalog                     string           // the id of the catalog program picked; empty: described here
	cat                             *planner.Catalog // the clinic's catalog, to pick from
	Track1, Track1Days, Track1Hours string
	Track2, Track2Days, Track2Hours string
	MinDays, MinHours, Early, Weeks string
	Mix                             bool
	RulesOK                         bool                 // the rules summed up (minimum days and hours, mixing, arriving, weeks) hold
	progID, level, weekName         string               // kept from a week the answers were filled from
	ids                             map[string]string    // place name (lower case) to id, kept from that week
	trips                           map[tripPair]*string // minutes between two places, by what they join
	catalog                         []string
	adding                          intakeStep        // what the review's add asked for
	taken                           []string          // names of the profiles there are
	limits                          *planner.Scenario // the thresholds and preferences kept from that week (carryLimits)
}

// jobAnswers are one job's answers.
type jobAnswers struct {
	Name, Place, Days, Hours string
	StartLater, LeaveEarly   int // minutes a shift may bend
	Unpaid                   string
	Rot                      [maxRotation - 1]weekAnswers // weeks 2 on of a rotation
}

// dutyAnswers are one duty's answers; an empty place is at home.
type dutyAnswers struct {
	Name, Days, Hours, Place string
}

// helperAnswers are one helper's answers.
type helperAnswers struct {
	Name, Days, Hours string
	Covers            []int // the duties they could take over, by their place in duties(); none: the first
}

func (j *jobAnswers) has() bool    { return strings.TrimSpace(j.Name) != "" }
func (d *dutyAnswers) has() bool   { return strings.TrimSpace(d.Name) != "" }
func (h *helperAnswers) has() bool { return strings.TrimSpace(h.Name) != "" }

// place is the name of the place of work: as typed, else the job's name.
func (j *jobAnswers) place() string { return orName(j.Place, j.Name) }

// away reports whether the duty is somewhere to travel to.
func (d *dutyAnswers) away() bool { return d.has() && strings.TrimSpace(d.Place) != "" }

// jobs returns the jobs answered, the first one first.
func (a *intakeAnswers) jobs() []*jobAnswers {
	var out []*jobAnswers
	for _, j := range append([]*jobAnswers{&a.Job}, a.MoreJobs...) {
		if j.has() {
			out = append(out, j)
		}
	}
	return out
}

// duties returns the duties answered, the first one first.
func (a *intakeAnswers) duties() []*dutyAnswers {
	var out []*dutyAnswers
	for _, d := range append([]*dutyAnswers{&a.Duty}, a.MoreDuties...) {
		if d.has() {
			out = append(out, d)
		}
	}
	return out
}

// helpers returns the helpers answered: the first one only with the first duty.
func (a *intakeAnswers) helpers() []*helperAnswers {
	var out []*helperAnswers
	if a.hasHelper() {
		out = append(out, &a.Helper)
	}
	for _, h := range a.MoreHelpers {
		if h.has() {
			out = append(out, h)
		}
	}
	return out
}

// The ends of a trip the interview asks about: home, the program's place,
// or the place of a job (*jobAnswers) or of a duty (*dutyAnswers). A trip is
// bound to what it joins, not to place names, so that renaming a place keeps
// its minutes.
const (
	tripHome    = "home"
	tripProgram = "program"
)

type tripPair struct{ from, to any }

// trip returns the answer of the minutes between two ends, either way,
// made empty the first time it is asked.
func (a *intakeAnswers) trip(from, to any) *string {
	if p := a.trips[tripPair{from, to}]; p != nil {
		return p
	}
	if p := a.trips[tripPair{to, from}]; p != nil {
		return p
	}
	p := new(string)
	a.trips[tripPair{from, to}] = p
	return p
}

// tripText is the minutes between two ends as answered, or "".
func (a *intakeAnswers) tripText(from, to any) string {
	return strings.TrimSpace(*a.trip(from, to))
}

// What an empty answer means, where the question says so.
const (
	defDays   = "Mon-Fri"
	defUnpaid = "0"
	defBed    = "23:00"
	defWake   = "07:00"
	defMin    = "3"
	defHours  = "9"
	defEarly  = "10"
	defWeeks  = "12"
)

// or is an answer, or def when it is empty.
func or(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// The usual rush hours the interview offers: weekday mornings and afternoons.
const (
	rushDays    = "Mon-Fri"
	rushMorning = "07:00-09:00"
	rushEvening = "16:00-18:30"
)

// newIntakeAnswers returns the answers a blank interview starts from.
func newIntakeAnswers(name string) *intakeAnswers {
	return &intakeAnswers{
		Name: name, Mode: "car", Rush: true, RushFactor: 1.25, Modality: planner.InPerson,
		ids: map[string]string{}, trips: map[tripPair]*string{},
	}
}

// Checks of one answer, as it is typed. Each returns a sentence that says
// what to write.

func checkName(what string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(planner.StripControls(s)) == "" {
			return fmt.Errorf("%s needs a name", what)
		}
		return nil
	}
}

// checkProfileName checks a new profile's name: not empty, not taken.
func (a *intakeAnswers) checkProfileName(s string) error {
	name := strings.TrimSpace(planner.StripControls(s))
	if name == "" {
		return errors.New("the profile needs a name: a first name, or a client code")
	}
	for _, t := range a.taken {
		if strings.EqualFold(t, name) {
			return fmt.Errorf("a profile called %q already exists; choose another name", t)
		}
	}
	return nil
}

func checkDays(s string) error {
	if _, err := planner.ParseDays(s); err != nil {
		return fmt.Errorf("days: %v", err)
	}
	return nil
}

func checkHours(s string) error {
	if _, err := planner.ParseClockLoose(s); err != nil {
		return fmt.Errorf("hours: %v; write e.g. 06:00-14:30 or 6-14:30", err)
	}
	return nil
}

func checkTime(s string) error {
	if _, err := planner.ParseClockLoose(s + "-" + s); err != nil && !strings.Contains(err.Error(), "the same") {
		return fmt.Errorf("time: %q is not a time of day; write e.g. 22:00 or 22", strings.TrimSpace(s))
	}
	return nil
}

// checkNumber checks a whole number from lo to hi; what names it.
func checkNumber(what string, lo, hi int) func(string) error {
	return func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("%s: %q is not a whole number", what, strings.TrimSpace(s))
		}
		if n < lo || n > hi {
			return fmt.Errorf("%s: %d is not between %d and %d", what, n, lo, hi)
		}
		return nil
	}
}

// checkTrip checks the minutes of a trip: at least one, at most ten hours.
var checkTrip = checkNumber("minutes", 1, 600)

// orBlank lets an answer be empty, else checks it.
func orBlank(check func(string) error) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return check(s)
	}
}

// when checks an answer only while on() holds.
func when(on func() bool, check func(string) error) func(string) error {
	return func(s string) error {
		if !on() {
			return nil
		}
		return check(s)
	}
}

func (a *intakeAnswers) hasJob() bool    { return a.Job.has() }
func (a *intakeAnswers) hasDuty() bool   { return a.Duty.has() }
func (a *intakeAnswers) hasHelper() bool { return a.hasDuty() && a.Helper.has() }

// inPerson reports whether the program is somewhere to travel to.
func (a *intakeAnswers) inPerson() bool {
	if p := a.picked(); p != nil {
		return p.Modality != planner.Virtual
	}
	return a.Modality != planner.Virtual
}

func (a *intakeAnswers) hasTrack2() bool { return strings.TrimSpace(a.Track2Days) != "" }

// progPlace is the name of the program's place: as typed, else its name.
func (a *intakeAnswers) progPlace() string {
	if p := a.picked(); p != nil {
		return a.cat.PlaceName(p.Place)
	}
	return orName(a.ProgPlace, a.ProgName)
}

func orName(s, def string) string {
	if s = strings.TrimSpace(planner.StripControls(s)); s != "" {
		return s
	}
	return strings.TrimSpace(planner.StripControls(def))
}
