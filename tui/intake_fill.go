package tui

import (
	"bytes"
	"strconv"
	"strings"

	"weekfit/planner"
)

// answersOf fills the interview's answers from a week, and says whether the
// answers hold all of it: a week with more in it than the interview asks
// about (a third track, a job with two shift patterns, ...) is refused, so
// that a save from the interview never drops what the Edit screen put there.
func answersOf(sc *planner.Scenario, cat *planner.Catalog) (*intakeAnswers, bool) {
	a := newIntakeAnswers(sc.Name)
	a.cat = cat
	if sc.CycleWeeks > maxRotation {
		return a, false
	}
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
	a.Rotation = sc.CycleWeeks
	f := filler{a: a, sc: sc, places: map[any]string{tripHome: planner.Home}}
	f.jobs()
	f.family()
	fillSleep(a, sc)
	if !f.fillPicked() {
		f.program()
	}
	f.trips()
	again, err := a.build()
	if err != nil {
		return a, false
	}
	want, err1 := planner.MarshalScenario(sc)
	got, err2 := planner.MarshalScenario(again)
	return a, err1 == nil && err2 == nil && bytes.Equal(want, got)
}

// filler fills answers from a week, and remembers the place of each job,
// duty and the program, to fill the minutes of the trips between them.
type filler struct {
	a      *intakeAnswers
	sc     *planner.Scenario
	places map[any]string // a trip's end to its place id
	ends   []any          // the ends, in the order they were filled
}

func (f *filler) end(e any, place string) {
	f.places[e] = place
	f.ends = append(f.ends, e)
}

func (f *filler) jobs() {
	for i, j := range f.sc.Jobs {
		if len(j.Shifts) == 0 {
			continue
		}
		ans := &f.a.Job
		if i > 0 {
			ans = &jobAnswers{}
			f.a.MoreJobs = append(f.a.MoreJobs, ans)
		}
		ans.Name, ans.Place = j.Name, f.sc.PlaceName(j.Place)
		ans.Days, ans.Hours = j.Shifts[0].Days.String(), j.Shifts[0].Time.String()
		weeks, other := splitShifts(j.Shifts, f.sc.CycleWeeks)
		if f.sc.CycleWeeks > 1 {
			fillWeeks(ans, weeks, f.sc.CycleWeeks)
		}
		f.fillPatterns(ans, other)
		ans.StartLater, ans.LeaveEarly = j.Flex.StartLater, j.Flex.EndEarlier
		ans.Unpaid = strconv.Itoa(j.MaxUnpaid / 60)
		f.end(ans, j.Place)
	}
}

func (f *filler) family() {
	for i, c := range f.sc.Commitments {
		d := &f.a.Duty
		if i > 0 {
			d = &dutyAnswers{}
			f.a.MoreDuties = append(f.a.MoreDuties, d)
		}
		d.Name, d.Days, d.Hours = c.Name, c.Span.Days.String(), c.Span.Time.String()
		if c.Place != "" {
			d.Place = f.sc.PlaceName(c.Place)
			f.end(d, c.Place)
		}
	}
	for i, s := range f.sc.Support {
		h := &f.a.Helper
		if i > 0 || len(f.sc.Commitments) == 0 {
			h = &helperAnswers{}
			f.a.MoreHelpers = append(f.a.MoreHelpers, h)
		}
		h.Name, h.Days, h.Hours = s.Name, s.Span.Days.String(), s.Span.Time.String()
		for _, name := range s.Covers {
			for k, c := range f.sc.Commitments {
				if c.Name == name {
					h.Covers = append(h.Covers, k)
				}
			}
		}
		if len(h.Covers) == 1 && h.Covers[0] == 0 {
			h.Covers = nil // the first duty, as a helper who is not asked takes over
		}
	}
}

func (f *filler) program() {
	a, sc := f.a, f.sc
	if len(sc.Programs) == 0 {
		return
	}
	p := sc.Programs[0]
	a.ProgName, a.progID, a.level, a.Modality, a.Mix = p.Name, p.ID, p.Level, p.Modality, p.MixTracks
	a.MinDays, a.MinHours, a.Weeks = strconv.Itoa(p.MinDays), strconv.Itoa(p.MinMinutes/60), strconv.Itoa(p.Weeks)
	if p.Modality != planner.Virtual {
		a.ProgPlace = sc.PlaceName(p.Place)
		f.end(tripProgram, p.Place)
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

// trips fills the minutes between home and every place, and between every
// two places, that the week has a trip for.
func (f *filler) trips() {
	ends := append([]any{tripHome}, f.ends...)
	for i, x := range ends {
		for _, y := range ends[i+1:] {
			if m := tripMinutes(f.sc, f.places[x], f.places[y]); m != "" {
				*f.a.trip(x, y) = m
			}
		}
	}
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
