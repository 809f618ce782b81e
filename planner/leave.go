package planner

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"time"
)

// LeaveLedger is the leave from work a plan takes over its whole program.
// Each absence is one shift's unpaid minutes on one day, rounded up to the
// increment.
type LeaveLedger struct {
	Increment        int         // minutes each absence is rounded up to
	MinutesPerWeek   []float64   // per phase, in phase order: a usual week's leave (a rotation's average)
	TotalMinutes     int         // over the whole program, closed dates left out
	EntitlementLeft  int         // minutes: the entitlement less the leave used before and TotalMinutes; may be negative
	RunsOut          time.Time   // Monday of the week in which the entitlement runs out; zero when it lasts
	EntitlementTotal int         // minutes of leave in the year
	PhaseMinutes     []int       // per phase: its leave over its dates, closed dates left out
	Skipped          []time.Time // closed dates on which a shift change is not needed, earliest first
}

// Warning is a sentence when the plan needs more leave than is left, and ""
// otherwise.
func (l *LeaveLedger) Warning() string {
	if l == nil || l.RunsOut.IsZero() {
		return ""
	}
	return fmt.Sprintf("This plan needs %s of leave, more than the %s left: the leave runs out in the week of %s.",
		hoursText(float64(l.TotalMinutes)), hoursText(float64(l.TotalMinutes+l.EntitlementLeft)), l.RunsOut.Format("Mon 2 Jan 2006"))
}

// hoursText writes minutes as hours, such as "17 h" or "4.5 h".
func hoursText(m float64) string {
	return strconv.FormatFloat(toHours(m), 'f', -1, 64) + " h"
}

// leaveRules returns the week's leave rules in minutes, with the defaults.
func (s *Scenario) leaveRules() (inc, usual, entitlement, used int) {
	inc = DefaultLeaveIncrement
	usual = s.usualWeeklyMinutes()
	var r LeaveRules
	if s.Leave != nil {
		r = *s.Leave
	}
	if r.IncrementMinutes > 0 {
		inc = r.IncrementMinutes
	}
	if r.UsualWeeklyHours != nil {
		usual = int(*r.UsualWeeklyHours*60 + 0.5)
	}
	entitlement = 12 * usual
	if r.EntitlementHours != nil {
		entitlement = int(*r.EntitlementHours*60 + 0.5)
	}
	return inc, usual, entitlement, int(r.UsedHours*60 + 0.5)
}

// usualWeeklyMinutes is the average length of the jobs' shifts a week over
// the rotation.
func (s *Scenario) usualWeeklyMinutes() int {
	total := 0
	for _, j := range s.Jobs {
		for _, sh := range j.Shifts {
			weeks := len(sh.Weeks)
			if weeks == 0 {
				weeks = s.Weeks()
			}
			total += sh.Days.Count() * sh.Time.Minutes() * weeks
		}
	}
	return total / s.Weeks()
}

// absence returns the leave one shift change takes on one day: its unpaid
// minutes rounded up to the increment.
func absence(c ShiftChange, inc int) int {
	lost := c.From.Minutes() - c.To.Minutes()
	if lost <= 0 {
		return 0
	}
	return (lost + inc - 1) / inc * inc
}

// datePlan sets the phases' dates of a plan of program p, starting on
// start, giving a plan of a program without phases its one phase, and works
// out its leave.
func datePlan(sc *Scenario, p *Program, pl *Plan, start time.Time) {
	if len(pl.Phases) == 0 {
		one := *pl
		pl.Phases = []PhasePlan{{Name: AllWeeksPhase, Weeks: p.TotalWeeks(), Plan: one}}
	}
	from := start
	for k := range pl.Phases {
		ph := &pl.Phases[k]
		ph.From, ph.Until = from, from.AddDate(0, 0, 7*ph.Weeks-1)
		from = from.AddDate(0, 0, 7*ph.Weeks)
	}
	pl.Leave = ledger(sc, p, pl, start)
}

// ledger works out a plan's leave over its dated phases.
func ledger(sc *Scenario, p *Program, pl *Plan, start time.Time) *LeaveLedger {
	inc, _, entitlement, used := sc.leaveRules()
	l := &LeaveLedger{Increment: inc, EntitlementTotal: entitlement}
	type dated struct {
		date time.Time
		min  int
	}
	l.PhaseMinutes = make([]int, len(pl.Phases))
	var all []dated
	for k := range pl.Phases {
		ph := &pl.Phases[k]
		week := 0
		for _, c := range ph.Plan.ShiftChanges {
			a := absence(c, inc)
			week += a
			if a == 0 {
				continue
			}
			phaseDates(start, ph, sc.Weeks(), c.Week, c.Day, func(d time.Time) {
				if isClosed(p, d) && hasSession(&ph.Plan, c.Week, c.Day) {
					l.Skipped = append(l.Skipped, d)
					return
				}
				l.PhaseMinutes[k] += a
				all = append(all, dated{d, a})
			})
		}
		l.MinutesPerWeek = append(l.MinutesPerWeek, float64(week)/float64(sc.Weeks()))
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].date.Before(all[j].date) })
	sort.Slice(l.Skipped, func(i, j int) bool { return l.Skipped[i].Before(l.Skipped[j]) })
	l.Skipped = slices.CompactFunc(l.Skipped, time.Time.Equal)
	left := entitlement - used
	for _, a := range all {
		l.TotalMinutes += a.min
		if l.TotalMinutes > left && l.RunsOut.IsZero() {
			l.RunsOut = a.date.AddDate(0, 0, -int(weekday(a.date)))
		}
	}
	l.EntitlementLeft = left - l.TotalMinutes
	return l
}

// phaseDates calls f for every date of phase ph on which day d of week w
// (1-based) of a rotation of cycle weeks falls. Week 1 of the rotation is the
// calendar week (Monday to Sunday) that holds start, the program's first day,
// and the rotation runs on across phases.
func phaseDates(start time.Time, ph *PhasePlan, cycle, w int, d Day, f func(time.Time)) {
	monday := start.AddDate(0, 0, -int(weekday(start)))
	first := int(ph.From.Sub(monday).Hours()) / (24 * 7)
	for i := first; i <= first+ph.Weeks; i++ {
		if i%cycle != w-1 {
			continue
		}
		date := monday.AddDate(0, 0, 7*i+int(d))
		if date.Before(ph.From) || date.After(ph.Until) {
			continue
		}
		f(date)
	}
}

func isClosed(p *Program, d time.Time) bool {
	for _, c := range p.Closed {
		if c.Equal(d) {
			return true
		}
	}
	return false
}

func hasSession(pl *Plan, w int, d Day) bool {
	for _, s := range pl.Sessions {
		if s.Week == w && s.Day == d {
			return true
		}
	}
	return false
}

// PhaseSchedule lists the sessions of each phase of plan pl on their dates,
// earliest first, leaving out the program's closed dates. A plan without
// dated phases (Plan.Phases empty) has none.
func PhaseSchedule(sc *Scenario, pl *Plan) [][]DatedSession {
	pi := sc.ProgramIndex(pl.Program)
	if pi < 0 || len(pl.Phases) == 0 {
		return nil
	}
	p := &sc.Programs[pi]
	start := pl.Phases[0].From
	monday := start.AddDate(0, 0, -int(weekday(start)))
	out := make([][]DatedSession, len(pl.Phases))
	for k := range pl.Phases {
		ph := &pl.Phases[k]
		for _, s := range ph.Plan.Sessions {
			phaseDates(start, ph, sc.Weeks(), s.Week, s.Day, func(d time.Time) {
				if !isClosed(p, d) {
					out[k] = append(out[k], DatedSession{Date: d, Week: int(d.Sub(monday).Hours())/(24*7) + 1, Session: s})
				}
			})
		}
		sortDated(out[k], func(d DatedSession) (time.Time, int) { return d.Date, d.Session.Time.Start })
	}
	return out
}

// datePlans dates every plan of a dated scenario from its start.
func datePlans(sc *Scenario, opt Options, res *Result) {
	if !sc.Dated() {
		return
	}
	start := sc.StartDate(opt.Today)
	for i := range res.Plans {
		dateOf(sc, &res.Plans[i], start)
	}
}

// dateOf dates plan pl of a dated scenario from start.
func dateOf(sc *Scenario, pl *Plan, start time.Time) {
	if pi := sc.ProgramIndex(pl.Program); pi >= 0 {
		datePlan(sc, &sc.Programs[pi], pl, start)
	}
}
