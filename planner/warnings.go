package planner

import (
	"context"
	"fmt"
	"sort"
)

// The kinds of Warning.
const (
	WarnSlack    = "slack"      // a trip with less slack than min_slack_minutes
	WarnBadDay   = "bad_day"    // a trip that is late on a bad-traffic day
	WarnRest     = "rest"       // less than min_rest_hours between two days
	WarnLongDay  = "long_day"   // more than max_day_hours away from home
	WarnNoDayOff = "no_day_off" // no day free of both work and sessions
)

// Warning is one way a plan that fits could still go wrong, in a sentence
// with its day and figure.
type Warning struct {
	Kind    string // WarnSlack, WarnBadDay, WarnRest, WarnLongDay or WarnNoDayOff
	Week    int    // 1-based week of the cycle
	Day     Day    // the day it happens; unset (Mon) for WarnNoDayOff, which is about a whole week
	Minutes int    // slack, minutes late, minutes of rest, minutes of the day; 0 for WarnNoDayOff
	Text    string
}

// Checks are what a plan's warnings found: every warning, the tightest slack
// of the trips the plan adds or changes, and whether it fits a bad-traffic day.
type Checks struct {
	Warnings      []Warning
	TightestSlack int  // minutes; -1 when the plan adds or changes no trip with a time to keep
	FitsBadDay    bool // no trip of the plan is late when every leg takes bad_day_factor times longer
	LongestDay    int  // minutes of the longest day away from home, from the first departure to the last return
	WeeksNoDayOff int  // weeks of the cycle without a day free of both work and sessions
}

// PlanChecks works out the warnings of plan p of scenario sc with the
// scenario's limits (Scenario.Limits).
func PlanChecks(sc *Scenario, p *Plan) Checks {
	m := compile(sc)
	return newChecker(m).check(p)
}

// checker works out plans' warnings on one model, with the week without
// sessions walked once.
type checker struct {
	m     *model
	lim   Limits
	base  dayFacts
	cands map[int][]item // every session of a program, by program index
}

func newChecker(m *model) *checker {
	c := &checker{m: m, lim: m.sc.Limits(), cands: map[int][]item{}}
	r := m.evaluateCov(nil, nil, m.planCovers(nil), true)
	c.base = m.dayFacts(r.visits, r.legs)
	return c
}

// SetChecks records checks worked out for the plan (PlanChecks) in it.
func (p *Plan) SetChecks(ck Checks) {
	p.Checked, p.Warnings, p.TightestSlack, p.FitsBadDay = true, ck.Warnings, ck.TightestSlack, ck.FitsBadDay
	p.longestDay, p.weeksNoDayOff = ck.LongestDay, ck.WeeksNoDayOff
}

// fill sets the warnings, tightest slack and bad-day fit of each plan, in
// order, until ctx (nil for none) is done. It returns how many it checked.
func (c *checker) fill(plans []Plan, ctx context.Context) int {
	for i := range plans {
		if ctx != nil && i%64 == 63 && ctx.Err() != nil {
			return i
		}
		plans[i].SetChecks(c.check(&plans[i]))
	}
	return len(plans)
}

// items returns the session items of plan p (as model.planItems does),
// with the program's sessions worked out once per checker.
func (c *checker) items(p *Plan) []item {
	m := c.m
	pi := m.sc.ProgramIndex(p.Program)
	if pi < 0 {
		return nil
	}
	all, ok := c.cands[pi]
	if !ok {
		tracks := make([]int, len(m.sc.Programs[pi].Tracks))
		for i := range tracks {
			tracks[i] = i
		}
		all = m.candidates(pi, tracks, len(m.items))
		c.cands[pi] = all
	}
	var out []item
	for _, cd := range all {
		for _, s := range p.Sessions {
			if s.Week == cd.week+1 && s.Day == cd.day && s.Time == cd.clock && s.Track == m.sc.Programs[pi].Tracks[cd.track].Name {
				cd.id = len(m.items) + len(out)
				out = append(out, cd)
			}
		}
	}
	return out
}

// check works out the warnings of one plan.
func (c *checker) check(p *Plan) Checks {
	m := c.m
	sel := c.items(p)
	bends := make([]bend, len(m.items))
	if len(p.bends) == len(m.items) {
		copy(bends, p.bends)
	} else {
		m.bendsFromChanges(p.ShiftChanges, bends)
	}
	cov := m.planCovers(p)
	r := m.evaluateCov(sel, bends, cov, true)
	out := Checks{TightestSlack: -1, FitsBadDay: true}
	if !r.ok {
		return out
	}
	for _, t := range m.planTrips(sel, bends, cov, r.visits) {
		if t.slack < out.TightestSlack || out.TightestSlack < 0 {
			out.TightestSlack = t.slack
		}
		if t.slack < c.lim.MinSlack {
			out.Warnings = append(out.Warnings, c.slackWarning(t))
		}
		if late := t.badArrive - t.deadline; late > 0 {
			out.FitsBadDay = false
			out.Warnings = append(out.Warnings, c.badDayWarning(t, late))
		}
	}
	facts := m.dayFacts(r.visits, r.legs)
	out.LongestDay, out.WeeksNoDayOff = facts.longest(), facts.weeksNoDayOff(m.weeks)
	out.Warnings = append(out.Warnings, c.restWarnings(facts)...)
	out.Warnings = append(out.Warnings, c.dayWarnings(facts)...)
	sort.SliceStable(out.Warnings, func(i, j int) bool {
		a, b := out.Warnings[i], out.Warnings[j]
		if a.Week != b.Week {
			return a.Week < b.Week
		}
		return a.Kind != WarnNoDayOff && (b.Kind == WarnNoDayOff || a.Day < b.Day)
	})
	return out
}

// trip is one leg a plan adds or changes, with the time it must arrive by.
type trip struct {
	l         leg
	deadline  int    // when the person must be there
	what      string // what is there then: "the session at 17:20", "sleep at 23:00"
	earliest  int    // the earliest the person could leave
	slack     int    // minutes between arriving (leaving at earliest) and deadline
	badArrive int    // arrival on a bad-traffic day, leaving at earliest
}

// planTrips walks the plan's cycle as the walk does (the item that ends last,
// then the transfer to the next) and returns the legs the plan adds or
// changes that have a time to keep.
func (m *model) planTrips(sel []item, bends []bend, cov []bool, visits []visit) []trip {
	st := m.warmUp(sel, bends, cov)
	bad := m.sc.Limits().BadDayFactor
	var out []trip
	for _, v := range visits {
		if st.pEnd <= v.s {
			tr := m.transferBetween(st.pPlace, st.pEnd, v.it.place, v.s)
			var prev *item
			if st.pItem >= 0 {
				prev = m.itemByID(st.pItem, sel)
			}
			for i := 0; i < tr.n; i++ {
				l := tr.legs[i]
				plans := !m.baseLegs[legKey{l.from, l.to, mod(l.dep, m.L), l.dur}] ||
					(i == tr.n-1 && changed(v)) || (i == 0 && prev != nil && (prev.kind == kSession || m.bentItem(prev, bends)))
				if !plans || l.dur == 0 {
					continue
				}
				limit := v.s
				if i < tr.n-1 {
					limit = tr.legs[i+1].dep
				}
				if t, ok := m.tripOf(l, i == tr.n-1, limit, v, tr, bad); ok {
					out = append(out, t)
				}
			}
		}
		if st.pItem < 0 || v.e > st.pEnd {
			st.pItem, st.pPlace, st.pEnd = v.id, v.it.place, v.e
		}
	}
	return out
}

// changed reports whether a visit is one the plan adds or moves.
func changed(v visit) bool { return v.it.kind == kSession || v.s != v.s0 || v.e != v.e0 }

func (m *model) bentItem(it *item, bends []bend) bool {
	return it.kind == kShift && it.id < len(bends) && bends[it.id] != (bend{})
}

// itemByID returns the fixed item or selected session with this id.
func (m *model) itemByID(id int, sel []item) *item {
	if id < len(m.items) {
		return &m.items[id]
	}
	for i := range sel {
		if sel[i].id == id {
			return &sel[i]
		}
	}
	return nil
}

// tripOf works out a leg's deadline, slack and bad-day arrival. last says
// whether the leg ends at v; a leg home in between has only the blocks
// without a place (sleep, duties) that start before limit to keep to. ok is
// false when nothing waits.
func (m *model) tripOf(l leg, last bool, limit int, v visit, tr transfer, bad float64) (trip, bool) {
	t := trip{l: l, earliest: l.dep, deadline: -1}
	if l.from == homePlace {
		t.earliest = m.earliestFromHome(tr.homeAt, l.dep)
	}
	if last {
		t.deadline, t.what = v.s, m.atWhat(v)
	}
	if f, at := m.nextFree(t.earliest); f >= 0 && at < limit && (t.deadline < 0 || at < t.deadline) {
		t.deadline, t.what = at, fmt.Sprintf("%s at %s", m.free[f].name, FormatClock(mod(at, MinutesPerDay)))
		if m.free[f].kind == KindSleep {
			t.what = "sleep at " + FormatClock(mod(at, MinutesPerDay))
		}
	}
	if t.deadline < 0 {
		return t, false
	}
	base := m.leg(l.from, l.to)
	dur, f := m.durAt(base, t.earliest)
	t.slack = t.deadline - (t.earliest + dur)
	t.badArrive = t.earliest + stretch(base, f*bad)
	return t, true
}

// earliestFromHome is the earliest the person can leave home for a trip
// that leaves at dep: after arriving home (at homeAt) and after every block
// without a place that ends by dep.
func (m *model) earliestFromHome(homeAt, dep int) int {
	e := max(homeAt, dep-MinutesPerDay)
	for lap := -1; lap <= 1; lap++ {
		for _, f := range m.free {
			if end := f.end + lap*m.L; end <= dep && end > e {
				e = end
			}
		}
	}
	return min(e, dep)
}

// nextFree returns the first block without a place that starts at or after
// t (any lap), and its start; -1 when none starts within a day.
func (m *model) nextFree(t int) (int, int) {
	best, at := -1, t+MinutesPerDay
	for lap := -1; lap <= 1; lap++ {
		for i, f := range m.free {
			if s := f.start + lap*m.L; s >= t && s < at {
				best, at = i, s
			}
		}
	}
	return best, at
}

// atWhat names what waits at the end of a trip: "the session at 17:20".
func (m *model) atWhat(v visit) string {
	at := FormatClock(mod(v.s, MinutesPerDay))
	switch v.it.kind {
	case kSession:
		return "the session (be there " + at + ")"
	default:
		return fmt.Sprintf("%s at %s", v.it.name, at)
	}
}

func (c *checker) slackWarning(t trip) Warning {
	m := c.m
	w, d := m.weekDay(t.l.dep)
	return Warning{Kind: WarnSlack, Week: w, Day: d, Minutes: t.slack,
		Text: capital(fmt.Sprintf("%s%s %s to %s: %d min to spare before %s; at least %d min is asked for.",
			m.weekPrefix(w-1), d, m.placeName(t.l.from), m.placeName(t.l.to), t.slack, t.what, c.lim.MinSlack))}
}

func (c *checker) badDayWarning(t trip, late int) Warning {
	m := c.m
	w, d := m.weekDay(t.l.dep)
	return Warning{Kind: WarnBadDay, Week: w, Day: d, Minutes: late,
		Text: fmt.Sprintf("On a bad-traffic day (every trip x%g), %s%s %s to %s arrives %d min late for %s.",
			c.lim.BadDayFactor, m.weekPrefix(w-1), d, m.placeName(t.l.from), m.placeName(t.l.to), late, t.what)}
}

// weekDay returns the 1-based week and the day of an absolute minute.
func (m *model) weekDay(t int) (int, Day) {
	t = mod(t, m.L)
	return t/MinutesPerWeek + 1, Day(t % MinutesPerWeek / MinutesPerDay)
}
