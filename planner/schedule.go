package planner

import (
	"fmt"
	"sort"
	"time"
)

// DefaultProgramWeeks is the length of a program that does not give its own.
const DefaultProgramWeeks = 12

// NeutralLabel is what a discreet export calls a session.
const NeutralLabel = "Appointment"

// SensitiveWords lists the words that a discreet export never contains, in
// lower case: words that would tell a reader glancing at a calendar or a
// handout what kind of appointment this is. Checks compare case-insensitively.
func SensitiveWords() []string {
	return []string{
		"treatment", "rehab", "recovery", "addiction", "substance", "alcohol",
		"drug", "sober", "iop", "intensive outpatient", "outpatient", "therapy",
		"therapist", "clinic", "counsel", "mental health", "psychiatr",
		"detox", "behavioral", "asam", "program",
	}
}

// ExportOptions say which dates an export covers and how much it names.
type ExportOptions struct {
	Start time.Time // the first day of the program; only its date counts
	Weeks int       // length of the program in weeks; 0 means ProgramWeeks
	Names bool      // name the program, its place and the scenario; false writes neutral labels
	Job   string    // for the employer note: only this job's changes; empty means every job
}

// DatedSession is one session of a plan on a calendar date.
type DatedSession struct {
	Date    time.Time // midnight UTC of the day the session starts
	Week    int       // 1-based calendar week (Monday to Sunday) of the span
	Session Session
}

// DatedChange is one shift a plan bends, on a calendar date.
type DatedChange struct {
	Date   time.Time // midnight UTC of the day the shift starts
	Week   int       // 1-based calendar week (Monday to Sunday) of the span
	Change ShiftChange
}

// ProgramWeeks returns the length in weeks of the program plan p attends:
// the program's own weeks, or DefaultProgramWeeks when it gives none.
func ProgramWeeks(sc *Scenario, p *Plan) int {
	if i := sc.ProgramIndex(p.Program); i >= 0 {
		return sc.Programs[i].TotalWeeks()
	}
	return DefaultProgramWeeks
}

// Date returns midnight UTC of t's calendar date, the form every date in an
// export takes, so that adding days never meets a daylight-saving change.
func Date(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// NextMonday returns midnight UTC of the Monday after the calendar date of
// t, a week on when t is a Monday: the first day an export proposes.
func NextMonday(t time.Time) time.Time {
	d := Date(t)
	ahead := (8 - int(d.Weekday())) % 7
	if ahead == 0 {
		ahead = 7
	}
	return d.AddDate(0, 0, ahead)
}

// ProgramSpan returns the first day of a program that starts on start and lasts
// weeks weeks, and the day after its last day.
func ProgramSpan(start time.Time, weeks int) (first, end time.Time) {
	first = Date(start)
	return first, first.AddDate(0, 0, 7*weeks)
}

// weekday turns a time.Weekday into a Day.
func weekday(t time.Time) Day { return Day((int(t.Weekday()) + 6) % 7) }

// eachDate calls f for every date inside the program span on which day d of
// week w (1-based) of a cycle of cycle weeks falls, with the date's calendar
// week (1-based). Week 1 of the cycle, and calendar week 1, is the week
// (Monday to Sunday) that holds the start date.
func eachDate(start time.Time, weeks, cycle, w int, d Day, f func(date time.Time, progWeek int)) {
	first, end := ProgramSpan(start, weeks)
	monday := first.AddDate(0, 0, -int(weekday(first)))
	for i := 0; i <= weeks; i++ {
		if i%cycle != w-1 {
			continue
		}
		date := monday.AddDate(0, 0, 7*i+int(d))
		if date.Before(first) || !date.Before(end) {
			continue
		}
		f(date, i+1)
	}
}

// Occurrences lists the dates inside the span of a program that starts on
// start and lasts weeks weeks on which day d of week w (1-based) of a cycle of
// cycle weeks falls, earliest first. Week 1 of the cycle is the calendar week
// (Monday to Sunday) that holds the start date.
func Occurrences(start time.Time, weeks, cycle, w int, d Day) []time.Time {
	var out []time.Time
	eachDate(start, weeks, max(cycle, 1), w, d, func(date time.Time, _ int) { out = append(out, date) })
	return out
}

// SpanWeeks returns the length in weeks of an export of plan p: o.Weeks, or
// the program's own length when o.Weeks is 0.
func (o ExportOptions) SpanWeeks(sc *Scenario, p *Plan) int {
	if o.Weeks > 0 {
		return o.Weeks
	}
	return ProgramWeeks(sc, p)
}

// Schedule lists the sessions of plan p on their dates over the program span,
// earliest first. A plan with phases lists each phase's own sessions over
// the phase's dates, closed days left out (PhaseSchedule).
func Schedule(sc *Scenario, p *Plan, opt ExportOptions) []DatedSession {
	if len(p.Phases) > 0 {
		var out []DatedSession
		for _, ph := range PhaseSchedule(sc, p) {
			out = append(out, ph...)
		}
		return out
	}
	weeks := opt.SpanWeeks(sc, p)
	var out []DatedSession
	for _, s := range p.Sessions {
		eachDate(opt.Start, weeks, sc.Weeks(), s.Week, s.Day, func(date time.Time, w int) {
			out = append(out, DatedSession{Date: date, Week: w, Session: s})
		})
	}
	sortDated(out, func(d DatedSession) (time.Time, int) { return d.Date, d.Session.Time.Start })
	return out
}

// Changes lists the shifts plan p bends on their dates over the program span,
// earliest first; with opt.Job set, only that job's.
func Changes(sc *Scenario, p *Plan, opt ExportOptions) []DatedChange {
	weeks := opt.SpanWeeks(sc, p)
	var out []DatedChange
	for _, c := range p.ShiftChanges {
		if opt.Job != "" && c.Job != opt.Job {
			continue
		}
		eachDate(opt.Start, weeks, sc.Weeks(), c.Week, c.Day, func(date time.Time, w int) {
			out = append(out, DatedChange{Date: date, Week: w, Change: c})
		})
	}
	sortDated(out, func(d DatedChange) (time.Time, int) { return d.Date, d.Change.From.Start })
	return out
}

// sortDated sorts by date, then by the minute of the day.
func sortDated[T any](xs []T, key func(T) (time.Time, int)) {
	sort.SliceStable(xs, func(i, j int) bool {
		di, mi := key(xs[i])
		dj, mj := key(xs[j])
		if !di.Equal(dj) {
			return di.Before(dj)
		}
		return mi < mj
	})
}

// SessionLabel is the name an export gives plan p's sessions: the program's
// name with names, else NeutralLabel.
func SessionLabel(p *Plan, names bool) string {
	if names && p.ProgramName != "" {
		return p.ProgramName
	}
	return NeutralLabel
}

// JobLabel is the name an export gives a job: its own name with names, else
// "Work" (numbered when the scenario has more than one job).
func JobLabel(sc *Scenario, job string, names bool) string {
	if names {
		return job
	}
	if len(sc.Jobs) < 2 {
		return "Work"
	}
	for i := range sc.Jobs {
		if sc.Jobs[i].Name == job {
			return fmt.Sprintf("Work %d", i+1)
		}
	}
	return "Work"
}

// DutyLabel is the name an export or a discreet screen gives a commitment
// (a family or personal duty): its own name with names, else "Duty N" by its
// place among the scenario's commitments, so that a glance at a handout or a
// screen does not say what the duty is.
func DutyLabel(sc *Scenario, name string, names bool) string {
	if names {
		return name
	}
	for i := range sc.Commitments {
		if sc.Commitments[i].Name == name {
			return fmt.Sprintf("Duty %d", i+1)
		}
	}
	return "Duty"
}

// HelperLabel is the name an export or a discreet screen gives a helper who
// covers duties: their own name with names, else "Helper A", "Helper B" ... by
// their place among the scenario's helpers ("Helper 27" and on past Z).
func HelperLabel(sc *Scenario, name string, names bool) string {
	if names {
		return name
	}
	for i := range sc.Support {
		if sc.Support[i].Name == name {
			if i < 26 {
				return fmt.Sprintf("Helper %c", 'A'+rune(i))
			}
			return fmt.Sprintf("Helper %d", i+1)
		}
	}
	return "Helper"
}

// FormatDuration writes minutes as "3 h", "45 min" or "1 h 30 min".
func FormatDuration(m int) string {
	if m%60 == 0 && m != 0 {
		return fmt.Sprintf("%d h", m/60)
	}
	if m < 60 {
		return fmt.Sprintf("%d min", m)
	}
	return fmt.Sprintf("%d h %d min", m/60, m%60)
}

// CalendarWeeks returns the Monday of the span's first calendar week and how
// many calendar weeks (Monday to Sunday) the span touches.
func CalendarWeeks(start time.Time, weeks int) (time.Time, int) {
	first, end := ProgramSpan(start, weeks)
	monday := first.AddDate(0, 0, -int(weekday(first)))
	last := end.AddDate(0, 0, -1)
	return monday, int(last.Sub(monday).Hours())/(24*7) + 1
}
