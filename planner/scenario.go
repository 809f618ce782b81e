package planner

import "time"

// Home is the place id where every day starts and ends. A scenario that does not
// name it in its places still has it.
const Home = "home"

// Modalities a program may have.
const (
	InPerson = "in-person"
	Virtual  = "virtual"
)

// Scenario is one person's week: jobs, travel, family duties, sleep, and the
// programs they could attend. It is what a scenario file holds.
type Scenario struct {
	Version     int
	Name        string
	ArriveEarly int // minutes before a session starts that the person must be there
	Places      []Place
	Travel      []Leg
	RushHours   []Rush
	CycleWeeks  int // weeks in a rotation, 1 for a plain week
	Jobs        []Job
	Commitments []Commitment
	Support     []Support
	Sleep       []Span
	Programs    []Program
	Catalog     []string // ids of catalog programs this scenario also considers

	// The program's calendar (issue 14).
	Start time.Time   // the programs' first day (midnight UTC); zero means the Monday after the caller's today
	Leave *LeaveRules // how leave from work is counted; nil means the defaults
	// How a plan is checked and ranked beyond whether it fits (issue 13).
	// A nil threshold takes its default (see Limits).
	MinSlack     *int     // min_slack_minutes: a trip with less slack is warned about
	BadDayFactor *float64 // bad_day_factor: how much longer every leg takes on a bad-traffic day
	MinRestHours *float64 // min_rest_hours: less rest between two days is warned about
	MaxDayHours  *float64 // max_day_hours: a longer day away from home is warned about
	Preferences  Preferences
}

// Place is a location the person moves between, by id and display name.
type Place struct {
	ID   string
	Name string
}

// Leg is the travel time between two places. It runs both ways unless OneWay.
type Leg struct {
	From, To string
	Minutes  int
	OneWay   bool
	Mode     string // car, bus, walk, ride or empty; informative only
}

// Rush is a window of the week in which legs that depart inside it take Factor
// times as long.
type Rush struct {
	Days   DaySet
	Time   Clock
	Factor float64
}

// Span is a recurring block of time: on these days, at this time, in these
// weeks of the cycle (1-based; empty means every week).
type Span struct {
	Days  DaySet
	Time  Clock
	Weeks []int
}

// InWeek reports whether the span applies in week w (1-based).
func (s Span) InWeek(w int) bool {
	if len(s.Weeks) == 0 {
		return true
	}
	for _, x := range s.Weeks {
		if x == w {
			return true
		}
	}
	return false
}

// Job is paid work at one place, with its shifts and how far they may bend.
type Job struct {
	Name      string
	Place     string
	Shifts    []Span
	Flex      Flex
	MaxUnpaid int // unpaid minutes a week the person can afford to lose
}

// Flex is how far, in minutes, each shift of a job may move.
type Flex struct {
	StartEarlier, StartLater, EndEarlier, EndLater int
}

// Commitment is a family or personal duty that blocks the person unless a
// support person covers it. An empty Place means it needs no travel.
type Commitment struct {
	Name  string
	Span  Span
	Place string
}

// Support is a person who covers named commitments on their days and hours.
type Support struct {
	Name   string
	Span   Span
	Covers []string
}

// Program is an intensive outpatient program with its tracks of sessions.
type Program struct {
	ID          string
	Name        string
	Place       string // place id; unused for a virtual program
	Modality    string // InPerson or Virtual
	Level       string // ASAM level code such as "2.1"; informative only
	MinDays     int    // sessions a week at the least
	MinMinutes  int    // session time a week at the least (min_hours in the file)
	MixTracks   bool   // whether one plan may take sessions from several tracks
	ArriveEarly *int   // overrides the scenario's arrive_early_minutes when set
	Weeks       int    // length of the program in weeks; 0 means not given
	Tracks      []Track

	// The program over time (issue 14).
	Phases []Phase     // in order; empty means one phase of Weeks
	Closed []time.Time // dates (midnight UTC) with no sessions, such as holidays
}

// Track is one set of session times of a program (morning, evening, ...).
type Track struct {
	Name     string
	Sessions []Span
}

// PlaceName returns the display name of a place id, or the id itself.
func (s *Scenario) PlaceName(id string) string {
	for _, p := range s.Places {
		if p.ID == id {
			if p.Name != "" {
				return p.Name
			}
			return p.ID
		}
	}
	if id == Home {
		return "Home"
	}
	return id
}

// Weeks returns the number of weeks in the scenario's cycle (at least 1).
func (s *Scenario) Weeks() int {
	if s.CycleWeeks < 1 {
		return 1
	}
	return s.CycleWeeks
}

// ProgramIndex returns the index of the program with this id, or -1.
func (s *Scenario) ProgramIndex(id string) int {
	for i := range s.Programs {
		if s.Programs[i].ID == id {
			return i
		}
	}
	return -1
}

// early returns the minutes before a session the person must arrive for program p.
func (s *Scenario) early(p *Program) int {
	if p.ArriveEarly != nil {
		return *p.ArriveEarly
	}
	return s.ArriveEarly
}

// placeOf returns where sessions of program p happen.
func placeOf(p *Program) string {
	if p.Modality == Virtual || p.Place == "" {
		return Home
	}
	return p.Place
}
