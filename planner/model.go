package planner

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// model is a scenario compiled to minutes of its cycle, ready to evaluate plans.
type model struct {
	sc       *Scenario
	weeks    int // weeks in the cycle
	cycle    int // minutes in the cycle
	legs     map[[2]string]int
	rush     []rushSeg // covers [0, MinutesPerWeek) in order
	items    []item    // fixed blocks that have a place: shifts and commitments not covered
	free     []ival    // busy blocks with no place: sleep, commitments without a place
	covers   []Cover
	coverIvs []ival // covered commitments, for the grid
	warnings []string
	base     int // travel minutes of the cycle with no sessions
}

type rushSeg struct {
	start, end int
	factor     float64
}

type itemKind int

const (
	kShift itemKind = iota
	kCommit
	kSession
)

type item struct {
	start, end int
	place      string
	kind       itemKind
	job        int // index into sc.Jobs, -1 otherwise
	name       string
	week       int // 0-based
	day        Day
	clock      Clock
	flex       Flex
}

type ival struct {
	start, end int
	what       string
	kind       BlockKind
	name       string
}

func compile(sc *Scenario) *model {
	m := &model{sc: sc, weeks: sc.Weeks(), legs: map[[2]string]int{}}
	m.cycle = m.weeks * MinutesPerWeek
	for _, l := range sc.Travel {
		m.legs[[2]string{l.From, l.To}] = l.Minutes
		if !l.OneWay {
			if _, ok := m.legs[[2]string{l.To, l.From}]; !ok {
				m.legs[[2]string{l.To, l.From}] = l.Minutes
			}
		}
	}
	m.buildRush()
	for w := 0; w < m.weeks; w++ {
		for j, job := range sc.Jobs {
			for _, sh := range job.Shifts {
				m.addSpan(w, sh, func(start, end int, d Day) {
					m.items = append(m.items, item{start: start, end: end, place: job.Place, kind: kShift, job: j,
						name: job.Name, week: w, day: d, clock: sh.Time, flex: job.Flex})
				})
			}
		}
		for _, c := range sc.Commitments {
			m.addSpan(w, c.Span, func(start, end int, d Day) {
				if by := m.coveredBy(c, w, start, end); by != "" {
					m.covers = append(m.covers, Cover{Commitment: c.Name, Week: w + 1, Day: d, By: by})
					m.coverIvs = append(m.coverIvs, ival{start: start, end: end, kind: KindCovered, name: c.Name,
						what: fmt.Sprintf("%s %s, covered by %s", c.Name, c.Span.Time, by)})
					return
				}
				if c.Place == "" {
					m.free = append(m.free, ival{start: start, end: end, kind: KindCommitment, name: c.Name,
						what: fmt.Sprintf("%s %s", c.Name, c.Span.Time)})
					return
				}
				m.items = append(m.items, item{start: start, end: end, place: c.Place, kind: kCommit, job: -1,
					name: c.Name, week: w, day: d, clock: c.Span.Time})
			})
		}
		for _, sl := range sc.Sleep {
			m.addSpan(w, sl, func(start, end int, d Day) {
				m.free = append(m.free, ival{start: start, end: end, kind: KindSleep, name: "Sleep",
					what: fmt.Sprintf("sleep %s", sl.Time)})
			})
		}
	}
	sort.SliceStable(m.items, func(a, b int) bool { return m.items[a].start < m.items[b].start })
	sort.SliceStable(m.free, func(a, b int) bool { return m.free[a].start < m.free[b].start })
	m.baseline()
	return m
}

// addSpan calls f for each occurrence of span in week w, in minutes of the cycle.
func (m *model) addSpan(w int, sp Span, f func(start, end int, d Day)) {
	if !sp.InWeek(w + 1) {
		return
	}
	for _, d := range sp.Days.Days() {
		start := w*MinutesPerWeek + int(d)*MinutesPerDay + sp.Time.Start
		f(start, start+sp.Time.Minutes(), d)
	}
}

// coveredBy returns the first support person whose window holds the whole
// commitment occurrence [start, end) in week w, or "".
func (m *model) coveredBy(c Commitment, w, start, end int) string {
	for _, s := range m.sc.Support {
		covers := false
		for _, n := range s.Covers {
			if n == c.Name {
				covers = true
			}
		}
		if !covers {
			continue
		}
		ok := false
		for ww := 0; ww < m.weeks && !ok; ww++ {
			m.addSpan(ww, s.Span, func(a, b int, _ Day) {
				for _, shift := range []int{0, -m.cycle, m.cycle} {
					if a+shift <= start && end <= b+shift {
						ok = true
					}
				}
			})
		}
		if ok {
			return s.Name
		}
	}
	return ""
}

func (m *model) buildRush() {
	cuts := []int{0, MinutesPerWeek}
	type win struct {
		start, end int
		f          float64
	}
	var wins []win
	for _, r := range m.sc.RushHours {
		for _, d := range r.Days.Days() {
			a := int(d)*MinutesPerDay + r.Time.Start
			b := a + r.Time.Minutes()
			for _, x := range [][2]int{{a, b}, {a - MinutesPerWeek, b - MinutesPerWeek}} {
				lo, hi := max(x[0], 0), min(x[1], MinutesPerWeek)
				if lo < hi {
					wins = append(wins, win{lo, hi, r.Factor})
					cuts = append(cuts, lo, hi)
				}
			}
		}
	}
	sort.Ints(cuts)
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		f := 1.0
		for _, w := range wins {
			if w.start <= a && b <= w.end && w.f > f {
				f = w.f
			}
		}
		if n := len(m.rush); n > 0 && m.rush[n-1].factor == f {
			m.rush[n-1].end = b
			continue
		}
		m.rush = append(m.rush, rushSeg{a, b, f})
	}
}

func mod(a, n int) int { return ((a % n) + n) % n }

// segAt returns the index of the rush segment holding minute t of any week.
func (m *model) segAt(t int) int {
	x := mod(t, MinutesPerWeek)
	return sort.Search(len(m.rush), func(i int) bool { return m.rush[i].end > x })
}

func stretch(base int, f float64) int {
	if f == 1 {
		return base
	}
	return int(math.Ceil(float64(base)*f - 1e-9))
}

// leg returns the base minutes of the leg from a to b.
func (m *model) leg(a, b string) (int, bool) {
	if a == b {
		return 0, true
	}
	v, ok := m.legs[[2]string{a, b}]
	return v, ok
}

// durAt returns the minutes of a leg of base minutes that departs at t, and the factor applied.
func (m *model) durAt(base, t int) (int, float64) {
	f := m.rush[m.segAt(t)].factor
	return stretch(base, f), f
}

// latestDeparture returns the latest departure for a leg of base minutes that
// arrives by arriveBy, with the leg's length then.
func (m *model) latestDeparture(base, arriveBy int) (int, int, float64) {
	d := arriveBy - base
	for guard := 0; guard < 4*len(m.rush)+4; guard++ {
		i := m.segAt(d)
		seg := m.rush[i]
		segStart := d - (mod(d, MinutesPerWeek) - seg.start)
		c := stretch(base, seg.factor)
		if arriveBy-c >= segStart {
			dep := min(d, arriveBy-c)
			return dep, c, seg.factor
		}
		d = segStart - 1
	}
	c, f := m.durAt(base, d)
	return d, c, f
}

// overlaps reports whether [a0,a1) and [b0,b1) overlap on the cycle.
func (m *model) overlaps(a0, a1, b0, b1 int) bool {
	for _, s := range [3]int{0, m.cycle, -m.cycle} {
		if a0 < b1+s && b0+s < a1 {
			return true
		}
	}
	return false
}

// freeClash returns the first block without a place that [a,b) overlaps.
func (m *model) freeClash(a, b int) *ival {
	for i := range m.free {
		f := &m.free[i]
		if m.overlaps(a, b, f.start, f.end) {
			return f
		}
	}
	return nil
}

func (m *model) placeName(id string) string { return m.sc.PlaceName(id) }

// when writes a minute of the cycle as "Mon 17:00" (with "week 2" in a rotation).
func (m *model) when(t int) string {
	t = mod(t, m.cycle)
	d := Day((t % MinutesPerWeek) / MinutesPerDay)
	s := fmt.Sprintf("%s %s", d, FormatClock(t%MinutesPerDay))
	if m.weeks > 1 {
		s = fmt.Sprintf("week %d %s", t/MinutesPerWeek+1, s)
	}
	return s
}

func (m *model) weekPrefix(w int) string {
	if m.weeks > 1 {
		return fmt.Sprintf("week %d ", w+1)
	}
	return ""
}

func (it *item) describe() string {
	return fmt.Sprintf("%s %s %s", it.name, it.day, it.clock)
}

func joinDays(ds []Day) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.String()
	}
	return strings.Join(parts, ", ")
}
