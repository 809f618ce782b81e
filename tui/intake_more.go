package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"
)

// The review holds at most this many lines, so that a digit reopens each:
// the five groups and four jobs, duties or helpers added from it.
const maxReviewItems = 9

// add asks what to add from the review: another job, duty or helper.
func (k *asker) add() []askGroup {
	opts := []huh.Option[intakeStep]{huh.NewOption("Another job", stepJob), huh.NewOption("Another duty", stepDuty)}
	if len(k.a.duties()) > 0 {
		opts = append(opts, huh.NewOption("Someone else who could take over a duty", stepHelper))
	}
	if k.a.hasJob() && !k.a.rotating() {
		opts = append(opts, huh.NewOption("Weeks that differ: a rotation of 2-4 weeks", stepRotation))
	}
	if k.a.hasJob() {
		opts = append(opts, huh.NewOption("Other hours for a job", stepPattern))
	}
	return []askGroup{{fields: []huh.Field{
		huh.NewSelect[intakeStep]().Title(k.title("What would you like to add?")).Options(opts...).Value(&k.a.adding),
	}}}
}

// moreJob asks about a job added from the review: its name and the
// questions of the first job, then the minutes to its place from home and
// to the places of the duties and the program from it.
func (k *asker) moreJob(j *jobAnswers) []askGroup {
	a := k.a
	fields := []huh.Field{k.input("What do you call this job? (blank: do not add it)", "Diner", &j.Name, nil)}
	fields = append(fields, k.jobWhen(j)...)
	trips := []huh.Field{k.input("How many minutes from home to there?", "20", a.trip(tripHome, j), when(j.has, checkTrip))}
	for _, d := range a.duties() {
		if d.away() {
			trips = append(trips, k.input(fmt.Sprintf("How many minutes from there to %s?", orName(d.Place, "")), "15", a.trip(j, d), k.notAt(j, d)))
		}
	}
	if a.inPerson() && orName(a.ProgName, "") != "" {
		trips = append(trips, k.input(fmt.Sprintf("How many minutes from there to %s?", a.progPlace()), "20", a.trip(j, tripProgram), k.notAt(j, tripProgram)))
	}
	groups := append([]askGroup{{fields: fields}}, k.jobWeeks(j, false)...)
	return append(groups, askGroup{hide: func() bool { return !j.has() }, fields: k.jobBend(j)},
		askGroup{hide: func() bool { return !j.has() }, fields: trips})
}

// notAt checks the minutes from a job to another place, unless the job
// is at that place.
func (k *asker) notAt(j *jobAnswers, end any) func(string) error {
	return when(func() bool { return j.has() && !sameName(j.place(), k.placeOf(end)) }, checkTrip)
}

// moreDuty asks about a duty added from the review, as the first is asked.
func (k *asker) moreDuty(d *dutyAnswers) []askGroup {
	name := askGroup{fields: []huh.Field{k.input("What is the duty? (blank: do not add it)", "Care of mum", &d.Name, nil)}}
	return append([]askGroup{name}, k.dutyGroups(d)...)
}

// moreHelper asks about someone else who could take over duties.
func (k *asker) moreHelper(h *helperAnswers) []askGroup {
	fields := []huh.Field{k.input("Who else could take over a duty now and then? (blank: nobody)", "Aunt", &h.Name, nil)}
	return []askGroup{{fields: fields}, {hide: func() bool { return !h.has() }, fields: k.helperFields(h)}}
}

// sameName reports whether two place names name the same place.
func sameName(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// canAdd reports whether the review has room for another line.
func (a *intakeAnswers) canAdd() bool { return len(a.reviewItems()) < maxReviewItems }

// addItem adds an empty job, duty or helper and returns which it is.
func (a *intakeAnswers) addItem(step intakeStep) int {
	switch step {
	case stepJob:
		a.MoreJobs = append(a.MoreJobs, &jobAnswers{})
		return len(a.MoreJobs) - 1
	case stepDuty:
		a.MoreDuties = append(a.MoreDuties, &dutyAnswers{})
		return len(a.MoreDuties) - 1
	case stepRotation:
		a.Rotation = 2
		return 0
	case stepPattern:
		a.Patterns = append(a.Patterns, &patternAnswers{Job: a.jobs()[0]})
		return len(a.Patterns) - 1
	}
	a.MoreHelpers = append(a.MoreHelpers, &helperAnswers{})
	return len(a.MoreHelpers) - 1
}

// removeItem removes a job, duty or helper added from the review. A duty's
// helpers stop taking it over, and a helper added from the review who took
// over only that duty goes too.
func (a *intakeAnswers) removeItem(step intakeStep, i int) {
	switch step {
	case stepJob:
		a.dropPatterns(a.MoreJobs[i])
		a.MoreJobs = append(a.MoreJobs[:i], a.MoreJobs[i+1:]...)
	case stepDuty:
		gone := a.dutyIndex(a.MoreDuties[i])
		a.MoreDuties = append(a.MoreDuties[:i], a.MoreDuties[i+1:]...)
		a.Helper.Covers = dropDuty(a.Helper.Covers, gone)
		for j := len(a.MoreHelpers) - 1; j >= 0; j-- {
			h := a.MoreHelpers[j]
			if h.Covers = dropDuty(h.covers(), gone); len(h.Covers) == 0 {
				a.MoreHelpers = append(a.MoreHelpers[:j], a.MoreHelpers[j+1:]...)
			}
		}
	case stepHelper:
		a.MoreHelpers = append(a.MoreHelpers[:i], a.MoreHelpers[i+1:]...)
	case stepRotation:
		a.Rotation = 1
	case stepPattern:
		a.Patterns = append(a.Patterns[:i], a.Patterns[i+1:]...)
	}
}

// dutyIndex returns where a duty is in duties(), or -1.
func (a *intakeAnswers) dutyIndex(d *dutyAnswers) int {
	for i, x := range a.duties() {
		if x == d {
			return i
		}
	}
	return -1
}

// dropDuty takes a duty out of a helper's list and renumbers the ones after it.
func dropDuty(covers []int, gone int) []int {
	if gone < 0 {
		return covers
	}
	var out []int
	for _, c := range covers {
		switch {
		case c < gone:
			out = append(out, c)
		case c > gone:
			out = append(out, c-1)
		}
	}
	return out
}

// tidy drops the jobs, duties and helpers added from the review and left
// without a name.
func (a *intakeAnswers) tidy() {
	for i := len(a.MoreJobs) - 1; i >= 0; i-- {
		if !a.MoreJobs[i].has() {
			a.removeItem(stepJob, i)
		}
	}
	for i := len(a.MoreDuties) - 1; i >= 0; i-- {
		if !a.MoreDuties[i].has() {
			a.removeItem(stepDuty, i)
		}
	}
	for i := len(a.Patterns) - 1; i >= 0; i-- {
		if !a.Patterns[i].has() {
			a.removeItem(stepPattern, i)
		}
	}
	for i := len(a.MoreHelpers) - 1; i >= 0; i-- {
		if !a.MoreHelpers[i].has() {
			a.removeItem(stepHelper, i)
		}
	}
}
