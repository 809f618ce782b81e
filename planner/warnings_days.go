package planner

import (
	"fmt"
	"sort"
)

// dayFacts are the figures of a cycle that the rest, long-day and day-off
// warnings compare between a plan and the week without sessions.
type dayFacts struct {
	rests  []rest // one a night: around each sleep block, or each midnight without sleep
	away   []span // per day of the cycle: from the first departure from home to the last return; end < 0 for none
	worked []bool // per day of the cycle: work or a session in it
}

type rest struct {
	from, to int // end of the last activity before, start of the first after; from > to for none
	night    int // a minute of the day whose night it is (the sleep block's start, or the minute before a midnight)
}

type span struct{ start, end int }

// activity is a stretch of busy time that counts for rest: an item, a trip
// or a duty without a place.
type activity struct{ s, e int }

// dayFacts works out the facts of a cycle walked with these visits and legs.
func (m *model) dayFacts(visits []visit, legs []leg) dayFacts {
	var acts []activity
	for _, v := range visits {
		acts = append(acts, activity{v.s, v.e})
	}
	for _, l := range legs {
		if l.dur > 0 {
			acts = append(acts, activity{l.dep, l.dep + l.dur})
		}
	}
	for _, f := range m.free {
		if f.kind == KindCommitment {
			acts = append(acts, activity{f.start, f.end})
		}
	}
	days := 7 * m.weeks
	f := dayFacts{away: m.awaySpans(legs, days), worked: make([]bool, days)}
	for _, n := range m.nights() {
		r := m.restAround(acts, n)
		if n.end == n.start {
			r.night-- // a midnight ends the day before
		}
		f.rests = append(f.rests, r)
	}
	for _, v := range visits {
		if v.it.kind == kSession || v.it.kind == kShift {
			for t := v.s - mod(v.s, MinutesPerDay); t < v.e; t += MinutesPerDay {
				f.worked[mod(t, m.L)/MinutesPerDay] = true
			}
		}
	}
	return f
}

// nights returns the stretches a day ends at: the sleep blocks, or every
// midnight of the cycle when the week has no sleep.
func (m *model) nights() []span {
	var out []span
	for _, f := range m.free {
		if f.kind == KindSleep {
			out = append(out, span{f.start, f.end})
		}
	}
	if len(out) == 0 {
		for t := 0; t < m.L; t += MinutesPerDay {
			out = append(out, span{t, t})
		}
	}
	return out
}

// restAround finds the last activity ending before night n starts and the
// first starting after, within a cycle either side.
func (m *model) restAround(acts []activity, n span) rest {
	r := rest{from: negInf, to: n.start + m.L, night: n.start}
	for lap := -1; lap <= 1; lap++ {
		for _, a := range acts {
			s, e := a.s+lap*m.L, a.e+lap*m.L
			if s < n.start {
				r.from = max(r.from, e)
			} else if s < r.to {
				r.to = s
			}
		}
	}
	return r
}

// awaySpans returns, per day of the cycle, the time away from home of the
// trips that leave home that day: from the first departure to the return of
// the last.
func (m *model) awaySpans(legs []leg, days int) []span {
	out := make([]span, days)
	for i := range out {
		out[i] = span{-1, -1}
	}
	sorted := append([]leg(nil), legs...)
	sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].dep < sorted[b].dep })
	n := len(sorted)
	open := -1
	for k := 0; k < 2*n; k++ {
		l := sorted[k%n]
		dep := l.dep + k/n*m.L
		if l.from == homePlace && l.to != homePlace && open < 0 && k < n {
			open = dep
		} else if l.to == homePlace && open >= 0 {
			d := mod(open, m.L) / MinutesPerDay
			back := dep + l.dur
			if out[d].end < 0 {
				out[d] = span{open, back}
			} else {
				out[d].end = max(out[d].end, back)
			}
			open = -1
		}
	}
	return out
}

// restWarnings warns of nights with less rest than min_rest_hours that the
// plan shortens.
func (c *checker) restWarnings(f dayFacts) []Warning {
	m := c.m
	var out []Warning
	seen := map[[2]int]bool{}
	for i, r := range f.rests {
		mins := r.to - r.from
		if r.from == negInf || seen[[2]int{r.from, r.to}] {
			continue
		}
		seen[[2]int{r.from, r.to}] = true
		if float64(mins) >= c.lim.MinRestHours*60 || i >= len(c.base.rests) || mins >= c.base.rests[i].to-c.base.rests[i].from {
			continue
		}
		w, d := m.weekDay(r.night)
		out = append(out, Warning{Kind: WarnRest, Week: w, Day: d, Minutes: mins,
			Text: capital(fmt.Sprintf("%s%s night: only %s of rest, from %s to %s (%s asked for).", m.weekPrefix(w-1), d,
				hours(mins), FormatClock(mod(r.from, MinutesPerDay)), FormatClock(mod(r.to, MinutesPerDay)), restHours(c.lim.MinRestHours)))})
	}
	return out
}

// dayWarnings warns of days away from home longer than max_day_hours that
// the plan lengthens, and of weeks the plan leaves without a day off.
func (c *checker) dayWarnings(f dayFacts) []Warning {
	m := c.m
	var out []Warning
	for d, s := range f.away {
		mins := s.end - s.start
		if s.end < 0 || float64(mins) <= c.lim.MaxDayHours*60 {
			continue
		}
		if b := c.base.away[d]; b.end >= 0 && b.end-b.start >= mins {
			continue
		}
		w, day := d/7+1, Day(d%7)
		out = append(out, Warning{Kind: WarnLongDay, Week: w, Day: day, Minutes: mins,
			Text: capital(fmt.Sprintf("%s%s: %s from leaving home (%s) to coming back (%s); more than %s.", m.weekPrefix(w-1), day,
				hours(mins), FormatClock(mod(s.start, MinutesPerDay)), FormatClock(mod(s.end, MinutesPerDay)), restHours(c.lim.MaxDayHours)))})
	}
	for w := 0; w < m.weeks; w++ {
		if freeDays(f.worked, w) == 0 && freeDays(c.base.worked, w) > 0 {
			text := "No day of the week is free of both work and sessions."
			if m.weeks > 1 {
				text = fmt.Sprintf("No day of week %d is free of both work and sessions.", w+1)
			}
			out = append(out, Warning{Kind: WarnNoDayOff, Week: w + 1, Text: text})
		}
	}
	return out
}

// longest returns the minutes of the longest day away from home.
func (f dayFacts) longest() int {
	n := 0
	for _, s := range f.away {
		if s.end >= 0 {
			n = max(n, s.end-s.start)
		}
	}
	return n
}

// weeksNoDayOff counts the weeks without a day free of work and sessions.
func (f dayFacts) weeksNoDayOff(weeks int) int {
	n := 0
	for w := 0; w < weeks; w++ {
		if freeDays(f.worked, w) == 0 {
			n++
		}
	}
	return n
}

func freeDays(worked []bool, w int) int {
	n := 0
	for d := w * 7; d < w*7+7; d++ {
		if !worked[d] {
			n++
		}
	}
	return n
}

// hoursOf writes a number of hours as "8 h" or "7 h 30 min".
func restHours(h float64) string { return hours(int(h*60 + 0.5)) }
