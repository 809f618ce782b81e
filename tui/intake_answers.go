package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"weekfit/planner"
)

// intakeAnswers are the interview's answers as typed, bound to its fields.
// Nothing here is a scenario yet: build makes one, and checks it.
type intakeAnswers struct {
	Name string // the profile's name, or a client code

	JobName, JobPlace, JobDays, JobHours string
	StartLater, LeaveEarly               int // minutes a shift may bend
	UnpaidHours                          string

	Mode        string
	WorkMinutes string
	Rush        bool
	RushFactor  float64

	DutyName, DutyDays, DutyHours, DutyPlace string
	DutyHomeMinutes, DutyWorkMinutes         string
	HelperName, HelperDays, HelperHours      string

	Bed, Wake               string
	SleepDiffers            bool   // another pattern on some days (a night worker's workdays)
	Sleep2Days, Bed2, Wake2 string // that pattern: its days, and when sleep starts and ends then

	ProgName, ProgPlace, Modality    string
	Track1, Track1Days, Track1Hours  string
	Track2, Track2Days, Track2Hours  string
	MinDays, MinHours, Early, Weeks  string
	Mix                              bool
	ProgHomeMinutes, ProgWorkMinutes string
	progID, level, weekName          string            // kept from a week the answers were filled from
	ids                              map[string]string // place name (lower case) to id, kept from that week
	catalog                          []string
	taken                            []string          // names of the profiles there are
	limits                           *planner.Scenario // the thresholds and preferences kept from that week (carryLimits)
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
		Name: name, Mode: "car", Rush: true, RushFactor: 1.25, Modality: planner.InPerson, ids: map[string]string{},
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

func (a *intakeAnswers) hasJob() bool    { return strings.TrimSpace(a.JobName) != "" }
func (a *intakeAnswers) hasDuty() bool   { return strings.TrimSpace(a.DutyName) != "" }
func (a *intakeAnswers) hasHelper() bool { return a.hasDuty() && strings.TrimSpace(a.HelperName) != "" }
func (a *intakeAnswers) dutyAway() bool  { return a.hasDuty() && strings.TrimSpace(a.DutyPlace) != "" }
func (a *intakeAnswers) inPerson() bool  { return a.Modality != planner.Virtual }
func (a *intakeAnswers) hasTrack2() bool { return strings.TrimSpace(a.Track2Days) != "" }

// jobPlace is the name of the place of work: as typed, else the job's name.
func (a *intakeAnswers) jobPlace() string { return orName(a.JobPlace, a.JobName) }

// progPlace is the name of the program's place: as typed, else its name.
func (a *intakeAnswers) progPlace() string { return orName(a.ProgPlace, a.ProgName) }

func orName(s, def string) string {
	if s = strings.TrimSpace(planner.StripControls(s)); s != "" {
		return s
	}
	return strings.TrimSpace(planner.StripControls(def))
}

// builder collects a scenario and the first error while building it.
type builder struct {
	a   *intakeAnswers
	sc  *planner.Scenario
	err error
}

// fail records the first error, with the group it came from.
func (b *builder) fail(group string, err error) {
	if err != nil && b.err == nil {
		b.err = fmt.Errorf("%s: %w", group, err)
	}
}

// place returns the id of the place of this name, adding it the first time.
func (b *builder) place(name string) string {
	key := strings.ToLower(name)
	if key == "home" {
		return planner.Home
	}
	if id, ok := b.a.ids[key]; ok {
		if !b.hasPlace(id) {
			b.sc.Places = append(b.sc.Places, planner.Place{ID: id, Name: name})
		}
		return id
	}
	taken := make([]string, 0, len(b.sc.Places))
	for _, p := range b.sc.Places {
		taken = append(taken, p.ID)
	}
	for _, id := range b.a.ids {
		taken = append(taken, id)
	}
	id := planner.PlaceID(name, taken)
	b.a.ids[key] = id
	b.sc.Places = append(b.sc.Places, planner.Place{ID: id, Name: name})
	return id
}

func (b *builder) hasPlace(id string) bool {
	for _, p := range b.sc.Places {
		if p.ID == id {
			return true
		}
	}
	return false
}

// leg adds a trip between two places, both ways.
func (b *builder) leg(group, from, to, minutes string) {
	n, err := strconv.Atoi(strings.TrimSpace(minutes))
	if err == nil && n < 1 {
		err = errors.New("a trip takes at least a minute")
	}
	if err != nil {
		b.fail(group, fmt.Errorf("the minutes from %s to %s: %q is not a number of minutes", b.sc.PlaceName(from), b.sc.PlaceName(to), minutes))
		return
	}
	b.sc.Travel = append(b.sc.Travel, planner.Leg{From: from, To: to, Minutes: n, Mode: b.a.Mode})
}

// span reads days and hours into a span.
func (b *builder) span(group, days, hours string) planner.Span {
	d, err := planner.ParseDays(days)
	b.fail(group, wrapField("days", err))
	c, err := planner.ParseClockLoose(hours)
	b.fail(group, wrapField("hours", err))
	return planner.Span{Days: d, Time: c}
}

func wrapField(what string, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// number reads a whole number of an answer.
func (b *builder) number(group, what, s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		b.fail(group, fmt.Errorf("%s: %q is not a whole number", what, s))
	}
	return n
}

// build makes the scenario the answers describe and checks it as a
// scenario file is checked; the error names the group and the question.
func (a *intakeAnswers) build() (*planner.Scenario, error) {
	b := &builder{a: a, sc: &planner.Scenario{Version: 1, Name: orName(a.weekName, a.Name), CycleWeeks: 1,
		Places: []planner.Place{{ID: planner.Home, Name: "Home"}}, Catalog: a.catalog}}
	b.work()
	b.family()
	b.sleep()
	b.program()
	if b.err != nil {
		return nil, b.err
	}
	carryLimits(a.limits, b.sc)
	if err := planner.Check(b.sc); err != nil {
		return nil, fmt.Errorf("the answers do not make a week weekfit can plan: %w", err)
	}
	return b.sc, nil
}

func (b *builder) work() {
	a := b.a
	if a.Rush {
		for _, t := range []string{rushMorning, rushEvening} {
			d, _ := planner.ParseDays(rushDays)
			c, _ := planner.ParseClock(t)
			b.sc.RushHours = append(b.sc.RushHours, planner.Rush{Days: d, Time: c, Factor: a.RushFactor})
		}
	}
	if !a.hasJob() {
		return
	}
	place := b.place(a.jobPlace())
	job := planner.Job{Name: orName(a.JobName, ""), Place: place,
		Shifts: []planner.Span{b.span("Work", or(a.JobDays, defDays), a.JobHours)},
		Flex:   planner.Flex{StartLater: a.StartLater, EndEarlier: a.LeaveEarly},
	}
	job.MaxUnpaid = b.number("Work", "unpaid hours a week", or(a.UnpaidHours, defUnpaid)) * 60
	b.sc.Jobs = append(b.sc.Jobs, job)
	b.leg("Getting around", planner.Home, place, a.WorkMinutes)
}

func (b *builder) family() {
	a := b.a
	if !a.hasDuty() {
		return
	}
	c := planner.Commitment{Name: orName(a.DutyName, ""), Span: b.span("Family", or(a.DutyDays, defDays), a.DutyHours)}
	if a.dutyAway() {
		c.Place = b.place(orName(a.DutyPlace, ""))
		b.leg("Family", planner.Home, c.Place, a.DutyHomeMinutes)
		if a.hasJob() && c.Place != b.sc.Jobs[0].Place {
			b.leg("Family", b.sc.Jobs[0].Place, c.Place, a.DutyWorkMinutes)
		}
	}
	b.sc.Commitments = append(b.sc.Commitments, c)
	if a.hasHelper() {
		b.sc.Support = append(b.sc.Support, planner.Support{Name: orName(a.HelperName, ""),
			Span: b.span("Family", a.HelperDays, a.HelperHours), Covers: []string{c.Name}})
	}
}

func (b *builder) program() {
	a := b.a
	name := orName(a.ProgName, "")
	if name == "" {
		if len(a.catalog) == 0 {
			b.fail("Programs", errors.New("name the program (or the one you are thinking of)"))
		}
		return
	}
	p := planner.Program{ID: a.progID, Name: name, Modality: a.Modality, Level: a.level, MixTracks: a.Mix}
	if p.ID == "" {
		p.ID = planner.PlaceID(name, nil)
	}
	p.MinDays = b.number("Programs", "days a week", or(a.MinDays, defMin))
	p.MinMinutes = b.number("Programs", "hours a week", or(a.MinHours, defHours)) * 60
	p.Weeks = b.number("Programs", "weeks", or(a.Weeks, defWeeks))
	b.sc.ArriveEarly = b.number("Programs", "minutes early", or(a.Early, defEarly))
	p.Tracks = append(p.Tracks, planner.Track{Name: trackName(a.Track1, a.Track1Hours),
		Sessions: []planner.Span{b.span("Programs", a.Track1Days, a.Track1Hours)}})
	if a.hasTrack2() {
		p.Tracks = append(p.Tracks, planner.Track{Name: trackName(a.Track2, a.Track2Hours),
			Sessions: []planner.Span{b.span("Programs", a.Track2Days, a.Track2Hours)}})
	}
	if a.inPerson() {
		p.Place = b.place(a.progPlace())
		b.leg("Programs", planner.Home, p.Place, a.ProgHomeMinutes)
		if a.hasJob() && p.Place != b.sc.Jobs[0].Place {
			b.leg("Programs", b.sc.Jobs[0].Place, p.Place, a.ProgWorkMinutes)
		}
	}
	b.sc.Programs = append(b.sc.Programs, p)
}

// trackName is a track's name as typed, else named for when it starts:
// Morning before noon, Afternoon before five, else Evening.
func trackName(name, hours string) string {
	if n := orName(name, ""); n != "" && n != "-" {
		return n
	}
	c, err := planner.ParseClockLoose(hours)
	switch {
	case err != nil:
		return "Track"
	case c.Start < 12*60:
		return "Morning"
	case c.Start < 17*60:
		return "Afternoon"
	}
	return "Evening"
}
