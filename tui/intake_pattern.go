package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"

	"weekfit/planner"
)

// patternAnswers are other hours of a job, added from the review: a job
// that works Mon-Thu 09:00-17:00 and Fri 08:00-12:00 has the second as one.
type patternAnswers struct {
	Job         *jobAnswers
	Days, Hours string
}

// has reports whether the pattern was given days, for a job there is.
func (p *patternAnswers) has() bool {
	return p.Job != nil && p.Job.has() && strings.TrimSpace(p.Days) != ""
}

// patternsOf returns the other hours of a job, in the order they were added.
func (a *intakeAnswers) patternsOf(j *jobAnswers) []*patternAnswers {
	var out []*patternAnswers
	for _, p := range a.Patterns {
		if p.Job == j {
			out = append(out, p)
		}
	}
	return out
}

// pattern asks which job the other hours are for (when there are several),
// their days and their hours.
func (k *asker) pattern(p *patternAnswers) []askGroup {
	a := k.a
	var groups []askGroup
	if jobs := a.jobs(); len(jobs) > 1 {
		opts := make([]huh.Option[*jobAnswers], 0, len(jobs))
		for _, j := range jobs {
			opts = append(opts, huh.NewOption(j.place(), j))
		}
		groups = append(groups, askGroup{fields: []huh.Field{
			huh.NewSelect[*jobAnswers]().Title(k.title("Which job are these other hours for?")).Options(opts...).Value(&p.Job),
		}})
	}
	days := k.input("Which other days do you work there? (blank: do not add them)", "Fri", &p.Days, orBlank(a.checkPatternDays(p)))
	hours := k.input("What hours on those days?", "8-12", &p.Hours, when(p.has, checkHours))
	return append(groups, askGroup{fields: []huh.Field{days}}, askGroup{hide: func() bool { return !p.has() }, fields: []huh.Field{hours}})
}

// checkPatternDays checks the days of other hours: days, and none that the
// job already works.
func (a *intakeAnswers) checkPatternDays(p *patternAnswers) func(string) error {
	return func(s string) error {
		d, err := planner.ParseDays(s)
		if err != nil {
			return fmt.Errorf("days: %v", err)
		}
		j := p.Job
		if j == nil {
			return nil
		}
		var spans []string
		var taken []planner.DaySet
		for w := 1; w == 1 || w <= min(a.Rotation, maxRotation); w++ {
			if days, hours := j.week(w); days != "off" {
				spans, taken = append(spans, spanText(days, hours)), append(taken, mustDays(days))
			}
		}
		for _, o := range a.patternsOf(j) {
			if o != p && o.has() {
				spans, taken = append(spans, spanText(o.Days, o.Hours)), append(taken, mustDays(o.Days))
			}
		}
		for i, t := range taken {
			if both := d & t; both != 0 {
				return fmt.Errorf("days: you already work %s at %s on %s; give the other days", spans[i], j.place(), both)
			}
		}
		return nil
	}
}

// mustDays reads days that may be wrong: then none.
func mustDays(s string) planner.DaySet {
	d, err := planner.ParseDays(s)
	if err != nil {
		return 0
	}
	return d
}

// patternSentence is the review's line of other hours.
func (a *intakeAnswers) patternSentence(p *patternAnswers) string {
	return fmt.Sprintf("At %s you also work %s.", p.Job.place(), spanText(p.Days, p.Hours))
}

// whenText says a job's days and hours, every pattern: "Mon-Thu
// 09:00-17:00 and Fri 08:00-12:00".
func (a *intakeAnswers) whenText(j *jobAnswers) string {
	whens := []string{spanText(or(j.Days, defDays), j.Hours)}
	for _, p := range a.patternsOf(j) {
		if p.has() {
			whens = append(whens, spanText(p.Days, p.Hours))
		}
	}
	return orList(whens, "")
}

// patternShifts builds the shifts of a job's other hours, every week.
func (b *builder) patternShifts(group string, j *jobAnswers) []planner.Span {
	var out []planner.Span
	for _, p := range b.a.patternsOf(j) {
		if p.has() {
			out = append(out, b.span(group, p.Days, p.Hours))
		}
	}
	return out
}

// splitShifts parts a job's shifts into those of its weeks and its other
// hours: every shift after the first in a week that does not rotate; in a
// rotation, the shifts of every week at the end of the list (as build
// writes them). The round trip in answersOf refuses any other arrangement.
func splitShifts(shifts []planner.Span, cycle int) (weeks, other []planner.Span) {
	if cycle <= 1 {
		return shifts[:1], shifts[1:]
	}
	n := len(shifts)
	for n > 1 && len(shifts[n-1].Weeks) == 0 {
		n--
	}
	return shifts[:n], shifts[n:]
}

// fillPatterns fills a job's other hours.
func (f *filler) fillPatterns(ans *jobAnswers, other []planner.Span) {
	for _, s := range other {
		f.a.Patterns = append(f.a.Patterns, &patternAnswers{Job: ans, Days: s.Days.String(), Hours: s.Time.String()})
	}
}

// rotationWhen says a job's days and hours in a rotation where they vary:
// week 1's, and the other hours, which hold every week.
func (a *intakeAnswers) rotationWhen(j *jobAnswers) string {
	s := spanText(or(j.Days, defDays), j.Hours) + " in week 1"
	for _, p := range a.patternsOf(j) {
		if p.has() {
			s += " and " + spanText(p.Days, p.Hours) + " every week"
		}
	}
	return s
}

// dropPatterns takes out the other hours of a job that is removed.
func (a *intakeAnswers) dropPatterns(j *jobAnswers) {
	for i := len(a.Patterns) - 1; i >= 0; i-- {
		if a.Patterns[i].Job == j {
			a.Patterns = append(a.Patterns[:i], a.Patterns[i+1:]...)
		}
	}
}
