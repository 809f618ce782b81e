package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"
)

// intakeStep is one group of the interview.
type intakeStep int

const (
	stepWork intakeStep = iota
	stepTravel
	stepFamily
	stepSleep
	stepPrograms
	stepReview
	nSteps
	// Asked from the review: what to add, then another job, duty or helper.
	stepAdd
	stepJob
	stepDuty
	stepHelper
	stepRotation
	stepPattern
)

// String names the step as its counter does.
func (s intakeStep) String() string {
	switch s {
	case stepAdd:
		return "Add"
	case stepJob:
		return "Another job"
	case stepDuty:
		return "Another duty"
	case stepHelper:
		return "Someone else who could help"
	case stepRotation:
		return "Weeks that differ"
	case stepPattern:
		return "Other hours"
	}
	return [...]string{"Work", "Getting around", "Family and duties", "Sleep", "Programs", "Review"}[s]
}

// title is the step counter: "3 of 6: Family and duties"; a step asked
// from the review says so: "Review: another job".
func (s intakeStep) title() string {
	if s > nSteps {
		return fmt.Sprintf("%d of %d: Review: %s", nSteps, nSteps, strings.ToLower(s.String()))
	}
	return fmt.Sprintf("%d of %d: %s", s+1, nSteps, s)
}

// askGroup is one screen of questions of a step, shown unless hide says so.
type askGroup struct {
	fields []huh.Field
	hide   func() bool
}

// asker builds the questions of a step. It keeps each input's check, so the
// screen can say what is wrong while it is typed, and in accessible mode it
// lets an empty line keep the value shown.
type asker struct {
	a          *intakeAnswers
	accessible bool
	checks     map[string]func(string) error
	n          int
	item       int // which job, duty or helper added from the review
}

func newAsker(a *intakeAnswers, accessible bool) *asker {
	return &asker{a: a, accessible: accessible, checks: map[string]func(string) error{}}
}

// title numbers a question in accessible mode, where each is one line.
func (k *asker) title(s string) string {
	k.n++
	if k.accessible {
		return fmt.Sprintf("%d. %s", k.n, s)
	}
	return s
}

// input asks for a line of text into v, checked by check (nil: anything);
// example is shown greyed while the answer is empty.
func (k *asker) input(title, example string, v *string, check func(string) error) *huh.Input {
	hint := ""
	if example != "" {
		hint = "e.g. " + example
	}
	return k.field(title, hint, v, check)
}

// withDefault asks for a line of text into v that may be left empty: then
// it is def, which shows greyed.
func (k *asker) withDefault(title, def string, v *string, check func(string) error) *huh.Input {
	if k.accessible {
		title += " [" + def + "]"
	}
	return k.field(title, def, v, func(s string) error {
		return check(or(s, def))
	})
}

func (k *asker) field(title, placeholder string, v *string, check func(string) error) *huh.Input {
	key := fmt.Sprintf("q%d", k.n+1)
	in := huh.NewInput().Key(key).Title(k.title(title)).Placeholder(placeholder).Value(v).CharLimit(80)
	if check != nil {
		k.checks[key] = check
		if k.accessible {
			shown := *v
			in.Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					s = shown
				}
				return check(s)
			})
		} else {
			in.Validate(check)
		}
	}
	return in
}

func (k *asker) confirm(title string, v *bool) *huh.Confirm {
	return huh.NewConfirm().Title(k.title(title)).Affirmative("Yes").Negative("No").Value(v)
}

func minuteOptions(what string) []huh.Option[int] {
	opts := []huh.Option[int]{huh.NewOption("No", 0)}
	for _, m := range []int{15, 30, 45, 60, 90, 120} {
		opts = append(opts, huh.NewOption(fmt.Sprintf("%s up to %d minutes", what, m), m))
	}
	return opts
}

// groups returns the questions of a step, filled with the answers so far.
func (k *asker) groups(s intakeStep) []askGroup {
	switch s {
	case stepWork:
		return k.work()
	case stepTravel:
		return k.travel()
	case stepFamily:
		return k.family()
	case stepSleep:
		return k.sleep()
	case stepAdd:
		return k.add()
	case stepJob:
		return k.moreJob(k.a.MoreJobs[k.item])
	case stepDuty:
		return k.moreDuty(k.a.MoreDuties[k.item])
	case stepHelper:
		return k.moreHelper(k.a.MoreHelpers[k.item])
	case stepRotation:
		return k.rotation()
	case stepPattern:
		return k.pattern(k.a.Patterns[k.item])
	}
	return k.programs()
}

func (k *asker) work() []askGroup {
	a := k.a
	var first []huh.Field
	if a.Name == "" {
		first = append(first, k.input("Whose week is this? A first name, or a client code", "Sam or C-1042", &a.Name, a.checkProfileName))
	}
	first = append(first, k.input("Your job: what do you call it? (blank if you have no job)", "Warehouse", &a.Job.Name, nil))
	noJob := func() bool { return !a.hasJob() }
	groups := []askGroup{
		{fields: first},
		{hide: noJob, fields: k.jobWhen(&a.Job)},
		{hide: noJob, fields: []huh.Field{k.rotationSelect()}},
	}
	groups = append(groups, k.jobWeeks(&a.Job, false)...)
	return append(groups, askGroup{hide: noJob, fields: k.jobBend(&a.Job)})
}

// jobWhen asks where a job is and its days and hours.
func (k *asker) jobWhen(j *jobAnswers) []huh.Field {
	return []huh.Field{
		k.input("Where is it? (blank: a place called by the job's name)", "", &j.Place, nil),
		k.withDefault("Which days do you work?", defDays, &j.Days, when(j.has, checkDays)),
		k.input("What hours?", "06:00-14:30", &j.Hours, when(j.has, checkHours)),
	}
}

// jobBend asks how far a job's hours bend, and the unpaid hours a week.
func (k *asker) jobBend(j *jobAnswers) []huh.Field {
	return []huh.Field{
		huh.NewSelect[int]().Title(k.title("Could you start later if needed? By how much?")).Options(minuteOptions("Later,")...).Value(&j.StartLater),
		huh.NewSelect[int]().Title(k.title("Could you leave earlier if needed? By how much?")).Options(minuteOptions("Earlier,")...).Value(&j.LeaveEarly),
		k.withDefault("How many unpaid hours a week could you afford to lose?", defUnpaid, &j.Unpaid, when(j.has, checkNumber("unpaid hours", 0, 60))),
	}
}

func (k *asker) travel() []askGroup {
	a := k.a
	modes := huh.NewOptions("car", "bus", "walk", "ride")
	fields := []huh.Field{huh.NewSelect[string]().Title(k.title("How do you get around?")).Options(modes...).Value(&a.Mode)}
	if a.hasJob() {
		fields = append(fields, k.input(fmt.Sprintf("How many minutes from home to %s?", a.Job.place()), "25", a.trip(tripHome, &a.Job), checkTrip))
	}
	fields = append(fields, k.confirm(fmt.Sprintf("Do trips take longer in rush hours (weekdays %s and %s)?", rushMorning, rushEvening), &a.Rush))
	return []askGroup{
		{fields: fields},
		{hide: func() bool { return !a.Rush }, fields: []huh.Field{
			huh.NewSelect[float64]().Title(k.title("How much longer then?")).Options(
				huh.NewOption("a bit (x1.25)", 1.25), huh.NewOption("a lot (x1.5)", 1.5), huh.NewOption("double (x2)", 2.0)).Value(&a.RushFactor),
		}},
	}
}

func (k *asker) family() []askGroup {
	a := k.a
	d, h := &a.Duty, &a.Helper
	groups := []askGroup{
		{fields: []huh.Field{k.input("A duty that cannot move: school pickup, care of a parent, a second job's shift... (blank if none)", "School pickup", &d.Name, nil)}},
	}
	groups = append(groups, k.dutyGroups(d)...)
	helper := []huh.Field{k.input("Who could take it over now and then? Their name (blank if nobody)", "Sister", &h.Name, nil)}
	helper = append(helper, k.helperFields(h)...)
	return append(groups, askGroup{hide: func() bool { return !a.hasDuty() }, fields: helper})
}

// dutyGroups asks a duty's days, time and place, and the minutes to that
// place from home and from each job's place.
func (k *asker) dutyGroups(d *dutyAnswers) []askGroup {
	away := d.away
	return []askGroup{
		{hide: func() bool { return !d.has() }, fields: []huh.Field{
			k.withDefault("Which days?", defDays, &d.Days, when(d.has, checkDays)),
			k.input("At what time?", "15:00-15:30", &d.Hours, when(d.has, checkHours)),
			k.input("Where? (blank: at home, or nowhere to travel to)", "", &d.Place, nil),
		}},
		{hide: func() bool { return !d.away() }, fields: k.tripsTo(d, "there", [2]string{"10", "15"}, away)},
	}
}

// tripsTo asks the minutes to a place from home and from each job's place
// that is not the same place, while on() holds.
func (k *asker) tripsTo(end any, there string, examples [2]string, on func() bool) []huh.Field {
	a := k.a
	fields := []huh.Field{k.input(fmt.Sprintf("How many minutes from home to %s?", there), examples[0], a.trip(tripHome, end), when(on, checkTrip))}
	for _, j := range a.jobs() {
		if j == end {
			continue
		}
		differs := func() bool { return on() && !strings.EqualFold(j.place(), k.placeOf(end)) }
		fields = append(fields, k.input(fmt.Sprintf("How many minutes from %s to %s?", j.place(), there), examples[1], a.trip(j, end), when(differs, checkTrip)))
	}
	return fields
}

// placeOf is the name of the place of a trip's end.
func (k *asker) placeOf(end any) string {
	switch e := end.(type) {
	case *jobAnswers:
		return e.place()
	case *dutyAnswers:
		return orName(e.Place, "")
	case string:
		if e == tripProgram {
			return k.a.progPlace()
		}
	}
	return "Home"
}

// helperFields asks a helper's days and hours, and which duties, when
// there is more than one.
func (k *asker) helperFields(h *helperAnswers) []huh.Field {
	a := k.a
	fields := []huh.Field{
		k.input("On which days could they?", "Tue,Thu", &h.Days, when(h.has, checkDays)),
		k.input("Between which hours?", "14:30-19:00", &h.Hours, when(h.has, checkHours)),
	}
	if duties := a.duties(); len(duties) > 1 {
		var opts []huh.Option[int]
		for i, d := range duties {
			opts = append(opts, huh.NewOption(orName(d.Name, ""), i))
		}
		if h == &a.Helper {
			h.Covers = h.covers() // the first duty's helper: that duty, unless they say otherwise
		}
		fields = append(fields, huh.NewMultiSelect[int]().Title(k.title("Which duties could they take over? (space or x marks one)")).
			Value(&h.Covers).Options(opts...).Filterable(false))
	}
	return fields
}

func (k *asker) sleep() []askGroup {
	a := k.a
	differs := func() bool { return a.SleepDiffers }
	return []askGroup{
		{fields: []huh.Field{
			k.withDefault("When do you usually go to bed? (a night worker: when you sleep by day)", defBed, &a.Bed, checkTime),
			k.withDefault("When do you get up?", defWake, &a.Wake, checkTime),
			k.confirm("Do you sleep at different times on some days?", &a.SleepDiffers),
		}},
		{hide: func() bool { return !a.SleepDiffers }, fields: []huh.Field{
			k.input("On which days?", "Mon-Fri", &a.Sleep2Days, when(differs, checkSleepDays)),
			k.withDefault("When do you go to bed on those days?", defBed, &a.Bed2, when(differs, checkTime)),
			k.withDefault("When do you get up on those days?", defWake, &a.Wake2, when(differs, checkTime)),
		}},
	}
}

func (k *asker) programs() []askGroup {
	a := k.a
	track2 := func() bool { return a.described() && a.hasTrack2() }
	own, hideOwn := a.described, func() bool { return !a.described() }
	name := "The program's name"
	if a.cat != nil && len(a.cat.Programs) > 0 {
		name = "The program's name (or a word of it, to pick it from the clinic's list)"
	}
	return []askGroup{
		{fields: []huh.Field{k.input(name, "Riverside Recovery IOP", &a.ProgName, checkName("the program"))}},
		k.catalogPick(),
		{hide: hideOwn, fields: []huh.Field{
			huh.NewSelect[string]().Title(k.title("In person or virtual?")).Options(huh.NewOptions("in-person", "virtual")...).Value(&a.Modality),
			k.input("Where is it? (blank: a place called by the program's name)", "", &a.ProgPlace, nil),
		}},
		{hide: hideOwn, fields: []huh.Field{
			k.input("First track: its name (blank: Morning, Afternoon or Evening, from its hours)", "Morning", &a.Track1, nil),
			k.input("Its days", "Mon,Wed,Fri", &a.Track1Days, when(own, checkDays)),
			k.input("Its hours", "09:00-12:00", &a.Track1Hours, when(own, checkHours)),
			k.input("Second track: its name (blank: from its hours)", "Evening", &a.Track2, nil),
			k.input("Its days (blank: there is no second track)", "Mon-Thu", &a.Track2Days, when(own, orBlank(checkDays))),
			k.input("Its hours", "18:00-21:00", &a.Track2Hours, when(track2, checkHours)),
		}},
		{hide: hideOwn, fields: []huh.Field{k.rulesOK()}},
		{hide: func() bool { return !a.described() || a.RulesOK }, fields: []huh.Field{
			k.withDefault("At least how many days a week?", defMin, &a.MinDays, when(own, checkNumber("days a week", 1, 7))),
			k.withDefault("At least how many hours a week?", defHours, &a.MinHours, when(own, checkNumber("hours a week", 0, 60))),
			k.confirm("May one week mix the tracks?", &a.Mix),
			k.withDefault("How many minutes early must you arrive?", defEarly, &a.Early, checkNumber("minutes early", 0, 120)),
			k.withDefault("How many weeks does it last?", defWeeks, &a.Weeks, when(own, checkNumber("weeks", 1, 104))),
		}},
		{hide: func() bool { return !a.inPerson() }, fields: k.programTrips()},
	}
}

// rulesOK sums up the program's rules as they stand (the usual ones, for a
// new program) and asks whether they hold, so that the usual rules take
// one key; "no" asks each.
func (k *asker) rulesOK() huh.Field {
	k.a.RulesOK = true
	return huh.NewConfirm().Title(k.title("Are these its rules? " + upperFirst(k.a.rulesText()) + ".")).
		Affirmative("Yes").Negative("No, change them").Value(&k.a.RulesOK)
}

// upperFirst writes the first letter of s as a capital.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// programTrips asks the minutes to the program's place from home and from each job's place.
func (k *asker) programTrips() []huh.Field {
	return k.tripsTo(tripProgram, "the program", [2]string{"25", "20"}, k.a.inPerson)
}
