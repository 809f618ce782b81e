package tui

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"weekfit/planner"
)

// sentences says what the interview understood, one sentence a group, in
// the order of the groups, so that the review's numbers reopen them.
func (a *intakeAnswers) sentences() []string {
	return []string{a.workSentence(), a.travelSentence(), a.familySentence(), a.sleepSentence(), a.programSentence()}
}

func (a *intakeAnswers) workSentence() string {
	if !a.hasJob() {
		return "You have no job to plan around."
	}
	s := fmt.Sprintf("You work at %s %s %s", a.jobPlace(), spanText(or(a.JobDays, defDays), a.JobHours), bendText(a.StartLater, a.LeaveEarly))
	if h := strings.TrimSpace(or(a.UnpaidHours, defUnpaid)); h != "0" {
		return s + fmt.Sprintf(", and could afford %s unpaid hours a week.", h)
	}
	return s + ", and cannot afford unpaid hours."
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
		s += fmt.Sprintf("; home to %s takes %s minutes", a.jobPlace(), strings.TrimSpace(a.WorkMinutes))
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
	s := fmt.Sprintf("You have %s %s", a.DutyName, spanText(or(a.DutyDays, defDays), a.DutyHours))
	if a.dutyAway() {
		s += " at " + orName(a.DutyPlace, "")
	}
	if a.hasHelper() {
		return s + fmt.Sprintf("; %s could do it %s.", orName(a.HelperName, ""), spanText(a.HelperDays, a.HelperHours))
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
	if orName(a.ProgName, "") == "" {
		return "No program yet."
	}
	where := "virtual, from home"
	if a.inPerson() {
		where = "at " + a.progPlace()
		if a.hasJob() && !strings.EqualFold(a.jobPlace(), a.progPlace()) {
			where += fmt.Sprintf(" (%s minutes from home, %s from work)", strings.TrimSpace(a.ProgHomeMinutes), strings.TrimSpace(a.ProgWorkMinutes))
		} else {
			where += fmt.Sprintf(" (%s minutes from home)", strings.TrimSpace(a.ProgHomeMinutes))
		}
	}
	tracks := trackName(a.Track1, a.Track1Hours) + " " + spanText(a.Track1Days, a.Track1Hours)
	if a.hasTrack2() {
		tracks += " or " + trackName(a.Track2, a.Track2Hours) + " " + spanText(a.Track2Days, a.Track2Hours)
	}
	mix := "one track a week"
	if a.Mix {
		mix = "tracks may be mixed"
	}
	return fmt.Sprintf("%s is %s: %s; at least %s days and %s hours a week, %s, arrive %s minutes early, for %s weeks.",
		orName(a.ProgName, ""), where, tracks, or(a.MinDays, defMin), or(a.MinHours, defHours), mix, or(a.Early, defEarly), or(a.Weeks, defWeeks))
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

// answersOf fills the interview's answers from a week, and says whether the
// answers hold all of it: a week with more in it than the interview asks
// about (two jobs, a rotation, a third track, ...) is refused, so that a save
// from the interview never drops what the Edit screen put there.
func answersOf(sc *planner.Scenario) (*intakeAnswers, bool) {
	a := newIntakeAnswers(sc.Name)
	a.weekName, a.catalog, a.limits = sc.Name, sc.Catalog, sc
	a.Rush, a.Bed, a.Wake, a.MinDays, a.MinHours = false, "", "", "", ""
	for _, p := range sc.Places {
		if p.ID != planner.Home {
			a.ids[strings.ToLower(p.Name)] = p.ID
		}
	}
	if len(sc.RushHours) > 0 {
		a.Rush, a.RushFactor = true, sc.RushHours[0].Factor
	}
	for _, l := range sc.Travel {
		a.Mode = l.Mode
	}
	a.Early = strconv.Itoa(sc.ArriveEarly)
	fillJob(a, sc)
	fillFamily(a, sc)
	fillSleep(a, sc)
	fillProgram(a, sc)
	again, err := a.build()
	if err != nil {
		return a, false
	}
	want, err1 := planner.MarshalScenario(sc)
	got, err2 := planner.MarshalScenario(again)
	return a, err1 == nil && err2 == nil && bytes.Equal(want, got)
}

// fillSleep fills the usual sleep from the first block, and a second
// pattern from the second; the round trip in answersOf refuses any other
// arrangement (three blocks, days that do not add up to the week).
func fillSleep(a *intakeAnswers, sc *planner.Scenario) {
	if len(sc.Sleep) > 0 {
		a.Bed, a.Wake = planner.FormatClock(sc.Sleep[0].Time.Start), planner.FormatClock(sc.Sleep[0].Time.End)
	}
	if len(sc.Sleep) > 1 {
		s := sc.Sleep[1]
		a.SleepDiffers = true
		a.Sleep2Days, a.Bed2, a.Wake2 = s.Days.String(), planner.FormatClock(s.Time.Start), planner.FormatClock(s.Time.End)
	}
}

// tripMinutes returns the minutes of the leg between two places, or "".
func tripMinutes(sc *planner.Scenario, from, to string) string {
	for _, l := range sc.Travel {
		if (l.From == from && l.To == to) || (l.From == to && l.To == from) {
			return strconv.Itoa(l.Minutes)
		}
	}
	return ""
}

func fillJob(a *intakeAnswers, sc *planner.Scenario) {
	if len(sc.Jobs) == 0 || len(sc.Jobs[0].Shifts) == 0 {
		return
	}
	j := sc.Jobs[0]
	a.JobName, a.JobPlace = j.Name, sc.PlaceName(j.Place)
	a.JobDays, a.JobHours = j.Shifts[0].Days.String(), j.Shifts[0].Time.String()
	a.StartLater, a.LeaveEarly = j.Flex.StartLater, j.Flex.EndEarlier
	a.UnpaidHours = strconv.Itoa(j.MaxUnpaid / 60)
	a.WorkMinutes = tripMinutes(sc, planner.Home, j.Place)
}

func fillFamily(a *intakeAnswers, sc *planner.Scenario) {
	if len(sc.Commitments) == 0 {
		return
	}
	c := sc.Commitments[0]
	a.DutyName, a.DutyDays, a.DutyHours = c.Name, c.Span.Days.String(), c.Span.Time.String()
	if c.Place != "" {
		a.DutyPlace = sc.PlaceName(c.Place)
		a.DutyHomeMinutes = tripMinutes(sc, planner.Home, c.Place)
		if len(sc.Jobs) > 0 {
			a.DutyWorkMinutes = tripMinutes(sc, sc.Jobs[0].Place, c.Place)
		}
	}
	if len(sc.Support) > 0 {
		s := sc.Support[0]
		a.HelperName, a.HelperDays, a.HelperHours = s.Name, s.Span.Days.String(), s.Span.Time.String()
	}
}

func fillProgram(a *intakeAnswers, sc *planner.Scenario) {
	if len(sc.Programs) == 0 {
		return
	}
	p := sc.Programs[0]
	a.ProgName, a.progID, a.level, a.Modality, a.Mix = p.Name, p.ID, p.Level, p.Modality, p.MixTracks
	a.MinDays, a.MinHours, a.Weeks = strconv.Itoa(p.MinDays), strconv.Itoa(p.MinMinutes/60), strconv.Itoa(p.Weeks)
	if p.Modality != planner.Virtual {
		a.ProgPlace = sc.PlaceName(p.Place)
		a.ProgHomeMinutes = tripMinutes(sc, planner.Home, p.Place)
		if len(sc.Jobs) > 0 {
			a.ProgWorkMinutes = tripMinutes(sc, sc.Jobs[0].Place, p.Place)
		}
	}
	for i, t := range p.Tracks {
		if len(t.Sessions) == 0 {
			continue
		}
		days, hours := t.Sessions[0].Days.String(), t.Sessions[0].Time.String()
		switch i {
		case 0:
			a.Track1, a.Track1Days, a.Track1Hours = t.Name, days, hours
		case 1:
			a.Track2, a.Track2Days, a.Track2Hours = t.Name, days, hours
		}
	}
}
