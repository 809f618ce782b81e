package planner

import "fmt"

// Limits of a shift-change ask, as the issue defines one.
const (
	askStep       = 5   // a changed shift's start and end move in steps of this many minutes
	askMaxMove    = 240 // at most this far from the shift's own start and end
	askMinMinutes = 60  // a changed shift that is not off keeps at least this long
)

// SomeoneName is the name of the helper a cover ask for Someone adds to a week.
const SomeoneName = "Someone"

// ApplyAsks returns a new scenario (a Clone of sc; sc is not changed) with the
// asks applied to the week itself, in order, so that solving it shows what
// the week would be once every party has said yes:
//
//   - AskShift: on each of its days (a week of the cycle and a day), the
//     job's shift whose own times are From is taken out of its span (the span
//     is split per week and day as needed), and unless Off a shift of the same
//     job with the times To is added on that day. The job's flex applies to the
//     new shift as to any other: the changed shift may still bend within it. A
//     job left with no shift at all (every day off) is removed from the week.
//     To must move start and end in steps of 5 minutes, at most 4 hours from
//     From's, and last at least 1 hour.
//   - AskUnpaid: the job's MaxUnpaid is raised by Minutes.
//   - AskCover: a helper named after Party (SomeoneName for Someone or an
//     empty Party) is added who covers Commitment on those days at the
//     commitment's own time, so that their window holds it. Time, when given,
//     must be the commitment's time.
//
// In the result a changed shift is the week's own, so a solve of it counts
// no pay lost for it (the fix's MinutesLost is not in the plan's unpaid
// minutes) and measures moves from its new times, and the weekly unpaid budget
// binds only bends within the flex, the changed shift's included. A plan a fix
// gives (its changed shifts not bent) is a plan of the result.
//
// Added spans list their weeks only when they are not every week of the cycle,
// as the scenario reader writes them, so the result survives MarshalScenario
// and ParseScenario unchanged. MinutesLost and MinutesMoved are not read. An
// ask that does not fit the week (an unknown job, no such shift on a day, a
// day out of the cycle) is an *InputError whose path names it (asks[2].days[0]),
// and the result is checked with Check.
func ApplyAsks(sc *Scenario, asks []Ask) (*Scenario, error) {
	out := sc.Clone()
	for i := range asks {
		path := fmt.Sprintf("asks[%d]", i)
		if err := checkAskDays(path, &asks[i], out.Weeks()); err != nil {
			return nil, err
		}
		var err error
		switch asks[i].Kind {
		case AskShift:
			err = applyShiftAsk(out, &asks[i], path)
		case AskUnpaid:
			err = applyUnpaidAsk(out, &asks[i], path)
		case AskCover:
			err = applyCoverAsk(out, &asks[i], path)
		default:
			err = bad(path+".kind", asks[i].Kind.String(), "use shift, unpaid or cover")
		}
		if err != nil {
			return nil, err
		}
	}
	dropJobsWithoutShifts(out)
	if err := Check(out); err != nil {
		return nil, fmt.Errorf("the week with the asks applied is not valid: %w", err)
	}
	return out, nil
}

// checkAskDays refuses days outside the cycle; a shift or cover ask needs at least one.
func checkAskDays(path string, a *Ask, cycle int) error {
	if len(a.Days) == 0 && a.Kind != AskUnpaid {
		return bad(path+".days", "", "missing; list the days the ask is for, such as {\"week\": 1, \"day\": \"Wed\"}")
	}
	for j, d := range a.Days {
		p := fmt.Sprintf("%s.days[%d]", path, j)
		if d.Week < 1 || d.Week > cycle {
			return bad(p+".week", fmt.Sprint(d.Week), "week out of range; the week's cycle runs from 1 to %d", cycle)
		}
		if d.Day < Mon || d.Day > Sun {
			return bad(p+".day", fmt.Sprint(int(d.Day)), "not a day of the week")
		}
	}
	return nil
}

// jobIndex finds a job by name, or -1.
func (s *Scenario) jobIndex(name string) int {
	for i := range s.Jobs {
		if s.Jobs[i].Name == name {
			return i
		}
	}
	return -1
}

func askJob(s *Scenario, a *Ask, path string) (int, error) {
	name := a.Job
	if name == "" {
		name = a.Party
	}
	j := s.jobIndex(name)
	if j < 0 {
		return -1, bad(path+".job", name, "the week has no job of that name")
	}
	return j, nil
}

func applyUnpaidAsk(s *Scenario, a *Ask, path string) error {
	j, err := askJob(s, a, path)
	if err != nil {
		return err
	}
	if a.Minutes <= 0 {
		return bad(path+".minutes", fmt.Sprint(a.Minutes), "give the raise of the weekly unpaid time in minutes, more than 0")
	}
	s.Jobs[j].MaxUnpaid += a.Minutes
	return nil
}

// circularDelta returns b-a as minutes of a day, between -720 and 720.
func circularDelta(a, b int) int {
	d := ((b-a)%MinutesPerDay + MinutesPerDay) % MinutesPerDay
	if d > MinutesPerDay/2 {
		d -= MinutesPerDay
	}
	return d
}

// checkShiftTo refuses new times that are not an ask's: off-step, too far, too short.
func checkShiftTo(a *Ask, path string) error {
	if a.Off {
		return nil
	}
	to := a.To
	if to.Start < 0 || to.Start >= MinutesPerDay || to.End <= 0 || to.End > MinutesPerDay || to.Start == to.End {
		return bad(path+".to", to.String(), "not a time range; write HH:MM-HH:MM or off")
	}
	if to.Minutes() < askMinMinutes {
		return bad(path+".to", to.String(), "a changed shift lasts at least 1 h; ask for the day off instead")
	}
	for _, d := range []int{circularDelta(a.From.Start, to.Start), circularDelta(a.From.End%MinutesPerDay, to.End%MinutesPerDay)} {
		if d%askStep != 0 {
			return bad(path+".to", to.String(), "start and end move in steps of 5 minutes from %s", a.From)
		}
		if d > askMaxMove || d < -askMaxMove {
			return bad(path+".to", to.String(), "start and end move at most 4 h from %s", a.From)
		}
	}
	return nil
}

func applyShiftAsk(s *Scenario, a *Ask, path string) error {
	j, err := askJob(s, a, path)
	if err != nil {
		return err
	}
	if err := checkShiftTo(a, path); err != nil {
		return err
	}
	job := &s.Jobs[j]
	cycle := s.Weeks()
	remove := make([][]DaySet, len(job.Shifts)) // per shift, per week: days taken out
	added := make([]DaySet, cycle)              // per week: days the new shift is on
	for k, d := range a.Days {
		i := shiftOn(job, d, a.From)
		if i < 0 {
			return bad(fmt.Sprintf("%s.days[%d]", path, k), dayOfWeekLabel(d, cycle),
				"%s has no %s shift on that day", job.Name, a.From)
		}
		if remove[i] == nil {
			remove[i] = make([]DaySet, cycle)
		}
		remove[i][d.Week-1] = remove[i][d.Week-1].With(d.Day)
		added[d.Week-1] = added[d.Week-1].With(d.Day)
	}
	var shifts []Span
	for i, sp := range job.Shifts {
		if remove[i] == nil {
			shifts = append(shifts, sp)
			continue
		}
		left := make([]DaySet, cycle)
		for w := 1; w <= cycle; w++ {
			if sp.InWeek(w) {
				left[w-1] = sp.Days &^ remove[i][w-1]
			}
		}
		shifts = append(shifts, regroup(left, sp.Time)...)
	}
	if !a.Off {
		shifts = append(shifts, regroup(added, a.To)...)
	}
	job.Shifts = shifts
	return nil
}

// shiftOn returns the index of the job's shift at times from on day d, or -1.
func shiftOn(job *Job, d WeekDay, from Clock) int {
	for i, sp := range job.Shifts {
		if sp.Time == from && sp.InWeek(d.Week) && sp.Days.Has(d.Day) {
			return i
		}
	}
	return -1
}

// dayOfWeekLabel writes a day as "Wed", or "Wed of week 2" in a rotation.
func dayOfWeekLabel(d WeekDay, cycle int) string {
	if cycle < 2 {
		return d.Day.String()
	}
	return fmt.Sprintf("%s of week %d", d.Day, d.Week)
}

// regroup turns the days of each week (index w-1) into spans at time t: one
// span for each distinct set of days, listing the weeks that have it (none
// when every week of the cycle does), ordered by their first week.
func regroup(perWeek []DaySet, t Clock) []Span {
	var out []Span
	done := make([]bool, len(perWeek))
	for w, days := range perWeek {
		if done[w] || days == 0 {
			continue
		}
		var weeks []int
		for v := w; v < len(perWeek); v++ {
			if perWeek[v] == days {
				weeks = append(weeks, v+1)
				done[v] = true
			}
		}
		if len(weeks) == len(perWeek) {
			weeks = nil
		}
		out = append(out, Span{Days: days, Time: t, Weeks: weeks})
	}
	return out
}

func applyCoverAsk(s *Scenario, a *Ask, path string) error {
	ci := -1
	for i := range s.Commitments {
		if s.Commitments[i].Name == a.Commitment {
			ci = i
		}
	}
	if ci < 0 {
		return bad(path+".commitment", a.Commitment, "the week has no commitment of that name")
	}
	c := s.Commitments[ci]
	if a.Time != (Clock{}) && a.Time != c.Span.Time {
		return bad(path+".time", a.Time.String(), "%s is at %s", c.Name, c.Span.Time)
	}
	cycle := s.Weeks()
	days := make([]DaySet, cycle)
	for k, d := range a.Days {
		if !c.Span.InWeek(d.Week) || !c.Span.Days.Has(d.Day) {
			return bad(fmt.Sprintf("%s.days[%d]", path, k), dayOfWeekLabel(d, cycle), "%s is not on that day", c.Name)
		}
		days[d.Week-1] = days[d.Week-1].With(d.Day)
	}
	name := a.Party
	if name == "" || name == Someone {
		name = SomeoneName
	}
	for _, sp := range regroup(days, c.Span.Time) {
		s.Support = append(s.Support, Support{Name: name, Span: sp, Covers: []string{c.Name}})
	}
	return nil
}

// dropJobsWithoutShifts removes jobs whose every shift was asked off.
func dropJobsWithoutShifts(s *Scenario) {
	kept := s.Jobs[:0]
	for _, j := range s.Jobs {
		if len(j.Shifts) > 0 {
			kept = append(kept, j)
		}
	}
	if len(kept) == 0 {
		kept = nil // as the scenario reader leaves a week without jobs
	}
	s.Jobs = kept
}
