package planner

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Phase is one stretch of a program with rules of its own, such as six weeks
// of evenings and then twelve weeks of aftercare. A nil or empty rule keeps
// the program's own.
type Phase struct {
	Name       string
	Weeks      int
	MinDays    *int
	MinMinutes *int // min_hours in the file
	MixTracks  *bool
	Tracks     []Track // nil means the program's tracks
}

// LeaveRules say how the leave a plan takes from work is counted. A nil
// pointer takes its default: the average hours of the jobs' shifts a week,
// and twelve times that.
type LeaveRules struct {
	IncrementMinutes int      // each absence is rounded up to this; 0 means DefaultLeaveIncrement
	UsualWeeklyHours *float64 // the person's usual hours of work a week
	EntitlementHours *float64 // the leave the person may take in the year
	UsedHours        float64  // leave already taken this year
}

// DefaultLeaveIncrement is the step leave is counted in when the week gives
// none: one hour, the largest that 29 CFR 825.205 allows.
const DefaultLeaveIncrement = 60

// maxProgramWeeks is the longest a program, or the sum of its phases, may last.
const maxProgramWeeks = 104

type filePhase struct {
	Name      string      `json:"name"`
	Weeks     int         `json:"weeks"`
	MinDays   *int        `json:"min_days,omitempty"`
	MinHours  *float64    `json:"min_hours,omitempty"`
	MixTracks *bool       `json:"mix_tracks,omitempty"`
	Tracks    []fileTrack `json:"tracks,omitempty"`
}

type fileLeave struct {
	IncrementMinutes *int     `json:"increment_minutes,omitempty"`
	UsualWeeklyHours *float64 `json:"usual_weekly_hours,omitempty"`
	EntitlementHours *float64 `json:"entitlement_hours,omitempty"`
	UsedHours        float64  `json:"used_hours,omitempty"`
}

// readDay reads a date written YYYY-MM-DD as midnight UTC.
func readDay(path, v string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(v))
	if err != nil {
		return time.Time{}, bad(path, v, "not a date; write it as YYYY-MM-DD, such as 2027-03-01")
	}
	if t.Year() < 2000 || t.Year() > 2200 {
		return time.Time{}, bad(path, v, "the year must be from 2000 to 2200")
	}
	return t, nil
}

// readCalendar reads the week's start and leave rules.
func readCalendar(f *fileScenario, s *Scenario) error {
	if f.Start != "" {
		t, err := readDay("start", f.Start)
		if err != nil {
			return err
		}
		s.Start = t
	}
	if f.Leave == nil {
		return nil
	}
	l := f.Leave
	r := &LeaveRules{UsedHours: l.UsedHours}
	if l.IncrementMinutes != nil {
		if v := *l.IncrementMinutes; v < 1 || v > 60 {
			return bad("leave.increment_minutes", fmt.Sprint(v), "must be from 1 to 60 minutes: leave is counted in steps of at most one hour (29 CFR 825.205)")
		}
		r.IncrementMinutes = *l.IncrementMinutes
	}
	hours := []struct {
		path string
		v    *float64
		max  float64
	}{{"leave.usual_weekly_hours", l.UsualWeeklyHours, 168}, {"leave.entitlement_hours", l.EntitlementHours, 52 * 168}}
	for _, h := range hours {
		if h.v != nil && (*h.v <= 0 || *h.v > h.max || math.IsNaN(*h.v)) {
			return bad(h.path, fmt.Sprint(*h.v), "must be above 0 and at most %g hours", h.max)
		}
	}
	if l.UsedHours < 0 || l.UsedHours > 52*168 {
		return bad("leave.used_hours", fmt.Sprint(l.UsedHours), "must be from 0 to %d hours", 52*168)
	}
	if l.UsualWeeklyHours != nil {
		v := *l.UsualWeeklyHours
		r.UsualWeeklyHours = &v
	}
	if l.EntitlementHours != nil {
		v := *l.EntitlementHours
		r.EntitlementHours = &v
	}
	s.Leave = r
	return nil
}

// readProgramCalendar reads a program's phases and closed dates.
func readProgramCalendar(p string, f fileProgram, cycle int, prog *Program) error {
	names := map[string]bool{}
	total := 0
	for i, fp := range f.Phases {
		pp := p + ".phases[" + strconv.Itoa(i) + "]"
		ph, err := readPhase(pp, fp, cycle)
		if err != nil {
			return err
		}
		if names[strings.ToLower(ph.Name)] {
			return bad(pp+".name", fp.Name, "another phase of this program has this name")
		}
		names[strings.ToLower(ph.Name)] = true
		total += ph.Weeks
		prog.Phases = append(prog.Phases, ph)
	}
	if total > maxProgramWeeks {
		return bad(p+".phases", "", "the phases last %d weeks together; a program lasts at most %d", total, maxProgramWeeks)
	}
	if len(f.Phases) > 0 && f.Weeks != 0 && f.Weeks != total {
		return bad(p+".weeks", fmt.Sprint(f.Weeks), "the phases last %d weeks together; give that or leave weeks out", total)
	}
	seen := map[time.Time]bool{}
	for i, d := range f.Closed {
		t, err := readDay(fmt.Sprintf("%s.closed[%d]", p, i), d)
		if err != nil {
			return err
		}
		if !seen[t] {
			prog.Closed = append(prog.Closed, t)
		}
		seen[t] = true
	}
	sort.Slice(prog.Closed, func(a, b int) bool { return prog.Closed[a].Before(prog.Closed[b]) })
	return nil
}

func readPhase(pp string, fp filePhase, cycle int) (Phase, error) {
	name, err := cleanName(pp+".name", fp.Name)
	if err != nil {
		return Phase{}, err
	}
	ph := Phase{Name: strings.TrimSpace(name), Weeks: fp.Weeks}
	if ph.Name == "" {
		return Phase{}, bad(pp+".name", "", "missing; name the phase, e.g. \"Intensive\"")
	}
	if fp.Weeks < 1 || fp.Weeks > maxProgramWeeks {
		return Phase{}, bad(pp+".weeks", fmt.Sprint(fp.Weeks), "must be from 1 to %d: how many weeks the phase lasts", maxProgramWeeks)
	}
	if fp.MinDays != nil {
		if *fp.MinDays < 0 || *fp.MinDays > 7 {
			return Phase{}, bad(pp+".min_days", fmt.Sprint(*fp.MinDays), "must be from 0 to 7")
		}
		v := *fp.MinDays
		ph.MinDays = &v
	}
	if fp.MinHours != nil {
		if *fp.MinHours < 0 || *fp.MinHours > 7*24 || math.IsNaN(*fp.MinHours) {
			return Phase{}, bad(pp+".min_hours", fmt.Sprint(*fp.MinHours), "must be from 0 to 168")
		}
		v := int(math.Round(*fp.MinHours * 60))
		ph.MinMinutes = &v
	}
	if fp.MixTracks != nil {
		v := *fp.MixTracks
		ph.MixTracks = &v
	}
	if fp.Tracks != nil {
		if len(fp.Tracks) == 0 {
			return Phase{}, bad(pp+".tracks", "", "the phase lists no tracks; list at least one, or leave tracks out to keep the program's")
		}
		if ph.Tracks, err = readTracks(pp, fp.Tracks, cycle); err != nil {
			return Phase{}, err
		}
	}
	return ph, nil
}

// fileCalendar writes a scenario's start and leave rules in the file format.
func fileCalendar(s *Scenario, f *fileScenario) {
	if !s.Start.IsZero() {
		f.Start = s.Start.Format(time.DateOnly)
	}
	if s.Leave != nil {
		l := &fileLeave{UsedHours: s.Leave.UsedHours, UsualWeeklyHours: s.Leave.UsualWeeklyHours, EntitlementHours: s.Leave.EntitlementHours}
		if s.Leave.IncrementMinutes != 0 {
			v := s.Leave.IncrementMinutes
			l.IncrementMinutes = &v
		}
		f.Leave = l
	}
}

// fileProgramCalendar writes a program's phases and closed dates in the file format.
func fileProgramCalendar(p *Program, fp *fileProgram) {
	for _, ph := range p.Phases {
		f := filePhase{Name: ph.Name, Weeks: ph.Weeks, MinDays: ph.MinDays, MixTracks: ph.MixTracks}
		if ph.MinMinutes != nil {
			h := hoursOf(*ph.MinMinutes)
			f.MinHours = &h
		}
		if ph.Tracks != nil {
			f.Tracks = fileTracks(ph.Tracks)
		}
		fp.Phases = append(fp.Phases, f)
	}
	for _, d := range p.Closed {
		fp.Closed = append(fp.Closed, d.Format(time.DateOnly))
	}
}

// hoursOf writes minutes as hours the way min_hours is written.
func hoursOf(m int) float64 {
	h, _ := strconv.ParseFloat(strconv.FormatFloat(float64(m)/60, 'f', 4, 64), 64)
	return h
}

func fileTracks(ts []Track) []fileTrack {
	out := []fileTrack{}
	for _, t := range ts {
		ft := fileTrack{Name: t.Name, Sessions: []fileSpan{}}
		for _, se := range t.Sessions {
			ft.Sessions = append(ft.Sessions, spanFile(se))
		}
		out = append(out, ft)
	}
	return out
}

// clonePhases copies a program's phases, sharing nothing with them.
func clonePhases(ps []Phase) []Phase {
	return cloneSlice(ps, func(ph Phase) Phase {
		ph.MinDays = clonePtr(ph.MinDays)
		ph.MinMinutes = clonePtr(ph.MinMinutes)
		ph.MixTracks = clonePtr(ph.MixTracks)
		ph.Tracks = cloneSlice(ph.Tracks, func(t Track) Track {
			t.Sessions = cloneSpans(t.Sessions)
			return t
		})
		return ph
	})
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// cloneLeave copies leave rules, sharing nothing with them.
func cloneLeave(l *LeaveRules) *LeaveRules {
	if l == nil {
		return nil
	}
	out := *l
	out.UsualWeeklyHours = clonePtr(l.UsualWeeklyHours)
	out.EntitlementHours = clonePtr(l.EntitlementHours)
	return &out
}
