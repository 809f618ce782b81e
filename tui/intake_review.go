package tui

import (
	"fmt"
	"strconv"
	"strings"

	"weekfit/planner"
)

// reviewItem is one line of the review: a sentence, and the questions that
// change it (a step, and for a job, duty or helper added from the review,
// which one).
type reviewItem struct {
	sentence string
	step     intakeStep
	item     int
}

// reviewItems says what the interview understood: a sentence a group, in
// the order of the groups, then one for each job, duty and helper added
// from the review, so that the review's numbers reopen them.
func (a *intakeAnswers) reviewItems() []reviewItem {
	out := []reviewItem{
		{a.workSentence(), stepWork, 0}, {a.travelSentence(), stepTravel, 0}, {a.familySentence(), stepFamily, 0},
		{a.sleepSentence(), stepSleep, 0}, {a.programSentence(), stepPrograms, 0},
	}
	for i, j := range a.MoreJobs {
		out = append(out, reviewItem{a.moreJobSentence(j), stepJob, i})
	}
	for i, p := range a.Patterns {
		out = append(out, reviewItem{a.patternSentence(p), stepPattern, i})
	}
	for i, d := range a.MoreDuties {
		out = append(out, reviewItem{a.moreDutySentence(d), stepDuty, i})
	}
	for i, h := range a.MoreHelpers {
		out = append(out, reviewItem{a.helperSentence(h), stepHelper, i})
	}
	if a.rotating() {
		out = append(out, reviewItem{a.rotationSentence(), stepRotation, 0})
	}
	return out
}

// sentences are the review's sentences, in its order.
func (a *intakeAnswers) sentences() []string {
	var out []string
	for _, it := range a.reviewItems() {
		out = append(out, it.sentence)
	}
	return out
}

func (a *intakeAnswers) workSentence() string {
	if !a.hasJob() {
		return "You have no job to plan around."
	}
	return "You work at " + a.jobText(&a.Job)
}

// jobText says where a job is, when, how far it bends and the unpaid hours.
func (a *intakeAnswers) jobText(j *jobAnswers) string {
	when := a.whenText(j)
	if a.rotating() && a.varies(j) {
		when = a.rotationWhen(j)
	}
	s := fmt.Sprintf("%s %s %s", j.place(), when, bendText(j.StartLater, j.LeaveEarly))
	if h := strings.TrimSpace(or(j.Unpaid, defUnpaid)); h != "0" {
		return s + fmt.Sprintf(", and could afford %s unpaid hours a week.", h)
	}
	return s + ", and cannot afford unpaid hours."
}

func (a *intakeAnswers) moreJobSentence(j *jobAnswers) string {
	return fmt.Sprintf("You also work at %s Home to %s takes %s minutes.", a.jobText(j), j.place(), a.tripText(tripHome, j))
}

func (a *intakeAnswers) moreDutySentence(d *dutyAnswers) string {
	s := fmt.Sprintf("You also have %s %s", orName(d.Name, ""), spanText(or(d.Days, defDays), d.Hours))
	if d.away() {
		s += fmt.Sprintf(" at %s (%s minutes from home)", orName(d.Place, ""), a.tripText(tripHome, d))
	}
	return s + "."
}

func (a *intakeAnswers) helperSentence(h *helperAnswers) string {
	var names []string
	duties := a.duties()
	for _, i := range h.covers() {
		if i < len(duties) {
			names = append(names, orName(duties[i].Name, ""))
		}
	}
	return fmt.Sprintf("%s could take over %s %s.", orName(h.Name, ""), orList(names, "no duty"), spanText(h.Days, h.Hours))
}

// orList joins names with commas and "and", or says none.
func orList(names []string, none string) string {
	switch len(names) {
	case 0:
		return none
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func bendText(later, earlier int) string {
	switch {
	case later == 0 && earlier == 0:
		return "and the hours cannot move"
	case later == 0:
		return fmt.Sprintf("and could leave up to %d minutes early", earlier)
	case earlier == 0:
		return fmt.Sprintf("and could start up to %d minutes later", later)
	}
	return fmt.Sprintf("and could start up to %d minutes later or leave up to %d minutes early", later, earlier)
}

// spanText writes days and hours as they will be planned: "Mon-Fri 06:00-14:30".
func spanText(days, hours string) string {
	d, err := planner.ParseDays(days)
	c, err2 := planner.ParseClockLoose(hours)
	if err != nil || err2 != nil {
		return strings.TrimSpace(days + " " + hours)
	}
	return d.String() + " " + c.String()
}

func (a *intakeAnswers) travelSentence() string {
	s := "You go by " + a.Mode
	if a.hasJob() {
		s += fmt.Sprintf("; home to %s takes %s minutes", a.Job.place(), a.tripText(tripHome, &a.Job))
	}
	if a.Rush {
		return s + fmt.Sprintf(", and x%s as long in rush hours (weekdays %s and %s).", strconv.FormatFloat(a.RushFactor, 'g', -1, 64), rushMorning, rushEvening)
	}
	return s + ", and rush hours make no difference."
}

func (a *intakeAnswers) familySentence() string {
	if !a.hasDuty() {
		return "You have no duty that cannot move."
	}
	d, h := &a.Duty, &a.Helper
	s := fmt.Sprintf("You have %s %s", d.Name, spanText(or(d.Days, defDays), d.Hours))
	if d.away() {
		s += " at " + orName(d.Place, "")
	}
	if a.hasHelper() && len(a.duties()) > 1 {
		return s + "; " + a.helperSentence(h)
	}
	if a.hasHelper() {
		return s + fmt.Sprintf("; %s could do it %s.", orName(h.Name, ""), spanText(h.Days, h.Hours))
	}
	return s + ", and nobody could take it over."
}

func (a *intakeAnswers) sleepSentence() string {
	usual := fmt.Sprintf("You sleep from %s to %s", timeText(or(a.Bed, defBed)), timeText(or(a.Wake, defWake)))
	if !a.SleepDiffers {
		return usual + " every day."
	}
	days, rest := strings.TrimSpace(a.Sleep2Days), "the other days"
	if d, err := planner.ParseDays(days); err == nil {
		days, rest = d.String(), (planner.AllDays &^ d).String()
	}
	return fmt.Sprintf("%s on %s, and from %s to %s on %s.", usual, rest,
		timeText(or(a.Bed2, defBed)), timeText(or(a.Wake2, defWake)), days)
}

// timeText writes a time of day as it will be planned: "5:30" as 05:30.
func timeText(s string) string {
	c, err := planner.ParseClockLoose(s + "-24:00")
	if err != nil {
		return strings.TrimSpace(s)
	}
	return planner.FormatClock(c.Start)
}

func (a *intakeAnswers) programSentence() string {
	if p := a.picked(); p != nil {
		return a.pickedSentence(p)
	}
	if orName(a.ProgName, "") == "" {
		return "No program yet."
	}
	where := "virtual, from home"
	if a.inPerson() {
		where = "at " + a.progPlace()
		where += " (" + a.tripsText(tripProgram) + ")"
	}
	tracks := trackName(a.Track1, a.Track1Hours) + " " + spanText(a.Track1Days, a.Track1Hours)
	if a.hasTrack2() {
		tracks += " or " + trackName(a.Track2, a.Track2Hours) + " " + spanText(a.Track2Days, a.Track2Hours)
	}
	return fmt.Sprintf("%s is %s: %s; %s.", orName(a.ProgName, ""), where, tracks, a.rulesText())
}

// rulesText sums up a described program's rules: "at least 3 days and 9
// hours a week, one track a week, arrive 10 minutes early, for 12 weeks".
func (a *intakeAnswers) rulesText() string {
	mix := "one track a week"
	if a.Mix {
		mix = "tracks may be mixed"
	}
	return fmt.Sprintf("at least %s days and %s hours a week, %s, arrive %s minutes early, for %s weeks",
		strings.TrimSpace(or(a.MinDays, defMin)), strings.TrimSpace(or(a.MinHours, defHours)), mix,
		strings.TrimSpace(or(a.Early, defEarly)), strings.TrimSpace(or(a.Weeks, defWeeks)))
}

// wrapIndent wraps s to w cells after a first-line prefix, indenting the
// lines after it as far as the prefix.
func wrapIndent(s string, w int, prefix string) string {
	indent := width(prefix)
	if w-indent < 10 {
		return wrap(prefix+s, w)
	}
	lines := strings.Split(wrap(s, w-indent), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", indent) + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// tripsText says the minutes to a place from home and from each job's
// place: "25 minutes from home, 20 from work" with one job, the job's place
// named with several.
func (a *intakeAnswers) tripsText(end any) string {
	k := &asker{a: a}
	s := fmt.Sprintf("%s minutes from home", a.tripText(tripHome, end))
	jobs := a.jobs()
	for _, j := range jobs {
		if strings.EqualFold(j.place(), k.placeOf(end)) {
			continue
		}
		from := "work"
		if len(jobs) > 1 {
			from = j.place()
		}
		s += fmt.Sprintf(", %s from %s", a.tripText(j, end), from)
	}
	return s
}
