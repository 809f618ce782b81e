package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/huh"

	"weekfit/planner"
)

// maxRotation is the longest rotation the interview asks about, in weeks.
const maxRotation = 4

// weekAnswers are a job's days and hours in one week of a rotation after
// the first; empty takes the first week's, "off" is no work that week.
type weekAnswers struct {
	Days, Hours string
}

// offWeek reports whether a week's days say there is no work that week.
func offWeek(days string) bool {
	switch strings.ToLower(strings.TrimSpace(days)) {
	case "off", "none", "no", "-":
		return true
	}
	return false
}

// checkWeekDays checks the days of a week of a rotation: days, or off.
func checkWeekDays(s string) error {
	if offWeek(s) {
		return nil
	}
	if _, err := planner.ParseDays(s); err != nil {
		return fmt.Errorf("days: %v; or off for no work that week", err)
	}
	return nil
}

// week returns a job's days and hours in week w (1-based) of the rotation.
func (j *jobAnswers) week(w int) (days, hours string) {
	days, hours = or(j.Days, defDays), strings.TrimSpace(j.Hours)
	if w == 1 {
		return days, hours
	}
	wk := j.Rot[w-2]
	if offWeek(wk.Days) {
		return "off", ""
	}
	return or(wk.Days, days), or(wk.Hours, hours)
}

// varies reports whether a job's days or hours differ between the weeks of
// the rotation.
func (a *intakeAnswers) varies(j *jobAnswers) bool {
	d1, h1 := j.week(1)
	for w := 2; w <= a.Rotation && w <= maxRotation; w++ {
		if d, h := j.week(w); d != d1 || h != h1 {
			return true
		}
	}
	return false
}

// rotating reports whether the schedule changes from week to week.
func (a *intakeAnswers) rotating() bool { return a.Rotation > 1 }

// rotation asks how many weeks the schedule takes to repeat, then each
// job's days and hours in each week after the first.
func (k *asker) rotation() []askGroup {
	groups := []askGroup{{fields: []huh.Field{k.rotationSelect()}}}
	for _, j := range k.a.jobs() {
		groups = append(groups, k.jobWeeks(j, true)...)
	}
	return groups
}

// rotationSelect asks "Does your schedule change from week to week?".
func (k *asker) rotationSelect() huh.Field {
	opts := []huh.Option[int]{huh.NewOption("No, every week is the same", 1)}
	for n := 2; n <= maxRotation; n++ {
		opts = append(opts, huh.NewOption(fmt.Sprintf("Yes, it repeats every %d weeks", n), n))
	}
	if k.a.Rotation < 1 {
		k.a.Rotation = 1
	}
	return huh.NewSelect[int]().Title(k.title("Does your schedule change from week to week?")).Options(opts...).Value(&k.a.Rotation)
}

// jobWeeks asks a job's days and hours in each week of the rotation after
// the first, while the rotation has that week; an empty answer keeps the
// first week's. named says the job's place and first week are known as the
// questions are made (in Work they are typed in the same step).
func (k *asker) jobWeeks(j *jobAnswers, named bool) []askGroup {
	a := k.a
	var groups []askGroup
	for w := 2; w <= maxRotation; w++ {
		wk := &j.Rot[w-2]
		on := func() bool { return j.has() && a.Rotation >= w }
		working := func() bool { return on() && !offWeek(wk.Days) }
		daysQ := fmt.Sprintf("Week %d: which days? (off: no work that week; blank: as in week 1)", w)
		hoursQ, daysDef, hoursDef := fmt.Sprintf("Week %d: what hours? (blank: as in week 1)", w), "as in week 1", "as in week 1"
		if named {
			days, hours := j.week(1)
			daysQ = fmt.Sprintf("Week %d at %s: which days? (off: no work that week; week 1 is %s)", w, j.place(), spanText(days, hours))
			hoursQ, daysDef, hoursDef = fmt.Sprintf("Week %d at %s: what hours?", w, j.place()), days, hours
		}
		groups = append(groups, askGroup{hide: func() bool { return !on() }, fields: []huh.Field{
			k.field(daysQ, daysDef, &wk.Days, when(on, orBlank(checkWeekDays))),
		}}, askGroup{hide: func() bool { return !working() }, fields: []huh.Field{
			k.field(hoursQ, hoursDef, &wk.Hours, when(working, orBlank(checkHours))),
		}})
	}
	return groups
}

// shifts builds a job's shifts: one span every week, or in a rotation one
// span for each different pattern with the weeks it holds in.
func (b *builder) shifts(group string, j *jobAnswers) []planner.Span {
	a := b.a
	if !a.rotating() {
		return append([]planner.Span{b.span(group, or(j.Days, defDays), j.Hours)}, b.patternShifts(group, j)...)
	}
	var out []planner.Span
	var patterns []weekAnswers
	for w := 1; w <= a.Rotation; w++ {
		days, hours := j.week(w)
		if days == "off" {
			continue
		}
		p := weekAnswers{Days: days, Hours: hours}
		if i := slices.Index(patterns, p); i >= 0 {
			out[i].Weeks = append(out[i].Weeks, w)
			continue
		}
		patterns = append(patterns, p)
		sp := b.span(fmt.Sprintf("%s, week %d", group, w), days, hours)
		sp.Weeks = []int{w}
		out = append(out, sp)
	}
	if len(out) == 1 && len(out[0].Weeks) == a.Rotation {
		out[0].Weeks = nil // the same every week
	}
	out = append(out, b.patternShifts(group, j)...) // other hours hold every week
	if len(out) == 0 {
		b.fail(group, fmt.Errorf("%s is off every week of the rotation; remove the job, or give the days of a week", j.place()))
	}
	return out
}

// rotationSentence says how each job's weeks differ.
func (a *intakeAnswers) rotationSentence() string {
	var parts []string
	for _, j := range a.jobs() {
		if !a.varies(j) {
			parts = append(parts, fmt.Sprintf("at %s %s every week", j.place(), a.whenText(j)))
			continue
		}
		var weeks []string
		for w := 1; w <= a.Rotation; w++ {
			days, hours := j.week(w)
			if days == "off" {
				weeks = append(weeks, fmt.Sprintf("off in week %d", w))
				continue
			}
			weeks = append(weeks, fmt.Sprintf("%s in week %d", spanText(days, hours), w))
		}
		for _, p := range a.patternsOf(j) {
			if p.has() {
				weeks = append(weeks, spanText(p.Days, p.Hours)+" every week")
			}
		}
		parts = append(parts, fmt.Sprintf("at %s %s", j.place(), orList(weeks, "")))
	}
	if len(parts) == 0 {
		return fmt.Sprintf("Your schedule repeats every %d weeks, but you have no job.", a.Rotation)
	}
	return fmt.Sprintf("Your schedule repeats every %d weeks: you work %s.", a.Rotation, strings.Join(parts, "; "))
}

// fillWeeks fills a job's weeks from its shifts in a rotation of cycle
// weeks: each shift's weeks (all of them when it names none), off where no
// shift falls. A job with two shifts in one week is left to the round trip
// in answersOf to refuse.
func fillWeeks(j *jobAnswers, shifts []planner.Span, cycle int) {
	for w := 2; w <= cycle && w <= maxRotation; w++ {
		j.Rot[w-2] = weekAnswers{Days: "off"}
		for _, s := range shifts {
			if s.InWeek(w) {
				j.Rot[w-2] = weekAnswers{Days: s.Days.String(), Hours: s.Time.String()}
				break
			}
		}
	}
	for _, s := range shifts {
		if s.InWeek(1) {
			j.Days, j.Hours = s.Days.String(), s.Time.String()
			return
		}
	}
	j.Days = "" // off in week 1: not something the interview asks
}
