package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"weekfit/planner"
)

// builder collects a scenario and the first error while building it.
type builder struct {
	a   *intakeAnswers
	sc  *planner.Scenario
	err error
}

// fail records the first error, with the group it came from.
func (b *builder) fail(group string, err error) {
	if err != nil && b.err == nil {
		b.err = fmt.Errorf("%s: %w", group, err)
	}
}

// place returns the id of the place of this name, adding it the first time.
func (b *builder) place(name string) string {
	key := strings.ToLower(name)
	if key == "home" {
		return planner.Home
	}
	if id, ok := b.a.ids[key]; ok {
		if !b.hasPlace(id) {
			b.sc.Places = append(b.sc.Places, planner.Place{ID: id, Name: name})
		}
		return id
	}
	taken := make([]string, 0, len(b.sc.Places))
	for _, p := range b.sc.Places {
		taken = append(taken, p.ID)
	}
	for _, id := range b.a.ids {
		taken = append(taken, id)
	}
	id := planner.PlaceID(name, taken)
	b.a.ids[key] = id
	b.sc.Places = append(b.sc.Places, planner.Place{ID: id, Name: name})
	return id
}

func (b *builder) hasPlace(id string) bool {
	for _, p := range b.sc.Places {
		if p.ID == id {
			return true
		}
	}
	return false
}

// leg adds the trip between two places (both ways), once, with the minutes
// answered for it.
func (b *builder) leg(group, from, to string, minutes string) {
	if from == to {
		return
	}
	for _, l := range b.sc.Travel {
		if (l.From == from && l.To == to) || (l.From == to && l.To == from) {
			return
		}
	}
	minutes = strings.TrimSpace(minutes)
	n, err := strconv.Atoi(minutes)
	name := func(id string) string {
		if b.a.cat != nil && !b.hasPlace(id) && id != planner.Home {
			return b.a.cat.PlaceName(id)
		}
		return b.sc.PlaceName(id)
	}
	if err == nil && n < 1 {
		err = errors.New("a trip takes at least a minute")
	}
	if err != nil {
		b.fail(group, fmt.Errorf("the minutes from %s to %s: %q is not a number of minutes", name(from), name(to), minutes))
		return
	}
	b.sc.Travel = append(b.sc.Travel, planner.Leg{From: from, To: to, Minutes: n, Mode: b.a.Mode})
}

// span reads days and hours into a span.
func (b *builder) span(group, days, hours string) planner.Span {
	d, err := planner.ParseDays(days)
	b.fail(group, wrapField("days", err))
	c, err := planner.ParseClockLoose(hours)
	b.fail(group, wrapField("hours", err))
	return planner.Span{Days: d, Time: c}
}

func wrapField(what string, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// number reads a whole number of an answer.
func (b *builder) number(group, what, s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		b.fail(group, fmt.Errorf("%s: %q is not a whole number", what, s))
	}
	return n
}

// build makes the scenario the answers describe and checks it as a
// scenario file is checked; the error names the group and the question.
func (a *intakeAnswers) build() (*planner.Scenario, error) {
	b := &builder{a: a, sc: &planner.Scenario{Version: 1, Name: orName(a.weekName, a.Name), CycleWeeks: 1,
		Places: []planner.Place{{ID: planner.Home, Name: "Home"}}, Catalog: a.catalog}}
	if a.rotating() {
		b.sc.CycleWeeks = a.Rotation
	}
	b.work()
	b.family()
	b.sleep()
	b.program()
	if b.err != nil {
		return nil, b.err
	}
	carryLimits(a.limits, b.sc)
	if err := planner.Check(b.sc); err != nil {
		return nil, fmt.Errorf("the answers do not make a week weekfit can plan: %w", err)
	}
	if a.picked() != nil {
		if _, err := b.sc.WithCatalog(a.cat); err != nil {
			return nil, fmt.Errorf("the answers do not make a week weekfit can plan with the clinic's list: %w", err)
		}
	}
	return b.sc, nil
}

// jobGroup names where a job's questions are: the first in Work, the
// others on their own.
func jobGroup(i int) string {
	if i == 0 {
		return "Work"
	}
	return fmt.Sprintf("Job %d", i+1)
}

func (b *builder) work() {
	a := b.a
	if a.Rush {
		for _, t := range []string{rushMorning, rushEvening} {
			d, _ := planner.ParseDays(rushDays)
			c, _ := planner.ParseClock(t)
			b.sc.RushHours = append(b.sc.RushHours, planner.Rush{Days: d, Time: c, Factor: a.RushFactor})
		}
	}
	for i, j := range a.jobs() {
		group := jobGroup(i)
		place := b.place(j.place())
		job := planner.Job{Name: orName(j.Name, ""), Place: place,
			Shifts: b.shifts(group, j),
			Flex:   planner.Flex{StartLater: j.StartLater, EndEarlier: j.LeaveEarly},
		}
		job.MaxUnpaid = b.number(group, "unpaid hours a week", or(j.Unpaid, defUnpaid)) * 60
		b.sc.Jobs = append(b.sc.Jobs, job)
	}
	for i, j := range a.jobs() {
		group := "Getting around"
		if i > 0 {
			group = jobGroup(i)
		}
		b.leg(group, planner.Home, b.sc.Jobs[i].Place, a.tripText(tripHome, j))
	}
}

// fromWork adds the trips from each job's place to a place, with the
// minutes answered between the job and end.
func (b *builder) fromWork(group, place string, end any) {
	for i, j := range b.a.jobs() {
		b.leg(group, b.sc.Jobs[i].Place, place, b.a.tripText(j, end))
	}
}

func (b *builder) family() {
	a := b.a
	duties := a.duties()
	for i, d := range duties {
		group := "Family"
		if i > 0 {
			group = fmt.Sprintf("Duty %d", i+1)
		}
		c := planner.Commitment{Name: orName(d.Name, ""), Span: b.span(group, or(d.Days, defDays), d.Hours)}
		for _, other := range b.sc.Commitments {
			if strings.EqualFold(other.Name, c.Name) {
				b.fail(group, fmt.Errorf("two duties are called %q; give each its own name", c.Name))
			}
		}
		if d.away() {
			c.Place = b.place(orName(d.Place, ""))
			b.leg(group, planner.Home, c.Place, a.tripText(tripHome, d))
			b.fromWork(group, c.Place, d)
		}
		b.sc.Commitments = append(b.sc.Commitments, c)
	}
	for i, h := range a.helpers() {
		group := "Family"
		if h != &a.Helper {
			group = fmt.Sprintf("Helper %d", i+1)
		}
		s := planner.Support{Name: orName(h.Name, ""), Span: b.span(group, h.Days, h.Hours)}
		for _, d := range h.covers() {
			if d >= len(b.sc.Commitments) {
				b.fail(group, fmt.Errorf("%s would take over a duty that is no longer there; say again which duties", s.Name))
				continue
			}
			s.Covers = append(s.Covers, b.sc.Commitments[d].Name)
		}
		if len(b.sc.Commitments) == 0 {
			b.fail(group, fmt.Errorf("%s has no duty to take over; add a duty, or remove the helper", s.Name))
		}
		b.sc.Support = append(b.sc.Support, s)
	}
}

// covers returns the duties a helper could take over: the first when none is said.
func (h *helperAnswers) covers() []int {
	if len(h.Covers) == 0 {
		return []int{0}
	}
	return h.Covers
}

func (b *builder) program() {
	a := b.a
	if p := a.picked(); p != nil {
		b.pickedProgram(p)
		return
	}
	name := orName(a.ProgName, "")
	if name == "" {
		if len(a.catalog) == 0 {
			b.fail("Programs", errors.New("name the program (or the one you are thinking of)"))
		}
		return
	}
	p := planner.Program{ID: a.progID, Name: name, Modality: a.Modality, Level: a.level, MixTracks: a.Mix}
	if p.ID == "" {
		p.ID = planner.PlaceID(name, nil)
	}
	p.MinDays = b.number("Programs", "days a week", or(a.MinDays, defMin))
	p.MinMinutes = b.number("Programs", "hours a week", or(a.MinHours, defHours)) * 60
	p.Weeks = b.number("Programs", "weeks", or(a.Weeks, defWeeks))
	b.sc.ArriveEarly = b.number("Programs", "minutes early", or(a.Early, defEarly))
	p.Tracks = append(p.Tracks, planner.Track{Name: trackName(a.Track1, a.Track1Hours),
		Sessions: []planner.Span{b.span("Programs", a.Track1Days, a.Track1Hours)}})
	if a.hasTrack2() {
		p.Tracks = append(p.Tracks, planner.Track{Name: trackName(a.Track2, a.Track2Hours),
			Sessions: []planner.Span{b.span("Programs", a.Track2Days, a.Track2Hours)}})
	}
	if a.inPerson() {
		p.Place = b.place(a.progPlace())
		b.leg("Programs", planner.Home, p.Place, a.tripText(tripHome, tripProgram))
		b.fromWork("Programs", p.Place, tripProgram)
	}
	b.sc.Programs = append(b.sc.Programs, p)
}

// trackName is a track's name as typed, else named for when it starts:
// Morning before noon, Afternoon before five, else Evening.
func trackName(name, hours string) string {
	if n := orName(name, ""); n != "" && n != "-" {
		return n
	}
	c, err := planner.ParseClockLoose(hours)
	switch {
	case err != nil:
		return "Track"
	case c.Start < 12*60:
		return "Morning"
	case c.Start < 17*60:
		return "Afternoon"
	}
	return "Evening"
}
