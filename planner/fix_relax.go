package planner

import (
	"encoding/binary"
	"sort"
)

// offDay is one shift occurrence a fix may ask to have off.
type offDay struct {
	job  int
	at   WeekDay
	from Clock // the shift's own times; every shift of the job at these times that day is off
}

// coverDay is one commitment occurrence a fix may ask someone to cover.
type coverDay struct {
	com   int
	at    WeekDay
	party string
}

// relaxation is what a set of asks changes in a scenario: shifts off,
// commitments covered, and raises of jobs' weekly unpaid budgets.
type relaxation struct {
	offs       []offDay
	changes    []changeDay
	covers     []coverDay
	raise      map[int]int // job index to minutes
	shiftPicks []shiftPick // the shift asks the offs and changes make, in the order of their keys
}

// relax returns a copy of sc with the relaxation applied and only the
// programs' tracks of group g, so that a solve of it prices that group alone.
// The copy has lists of its own where the relaxation changes them (the
// jobs, the helpers, the programs) and shares the rest with sc: the solves
// of the fix search only read it.
func relax(sc *Scenario, g group, r relaxation) *Scenario {
	out := *sc
	out.Catalog = nil
	p := sc.Programs[g.prog]
	p.Tracks = make([]Track, 0, len(g.tracks))
	for _, t := range g.tracks {
		p.Tracks = append(p.Tracks, sc.Programs[g.prog].Tracks[t])
	}
	out.Programs = []Program{p}
	out.Jobs = append(make([]Job, 0, len(sc.Jobs)+len(r.changes)), sc.Jobs...)
	out.Support = append(make([]Support, 0, len(sc.Support)+len(r.covers)), sc.Support...)
	for j, n := range r.raise {
		out.Jobs[j].MaxUnpaid += n
	}
	for j := range out.Jobs {
		shifts := out.Jobs[j].Shifts
		out.Jobs[j].Shifts = dropDays(shifts, out.Weeks(), func(si int, at WeekDay) bool {
			for _, o := range r.offs {
				if o.job == j && o.from == shifts[si].Time && o.at == at {
					return true
				}
			}
			for _, c := range r.changes {
				if c.job == j && c.from == shifts[si].Time && c.at == at {
					return true
				}
			}
			return false
		})
	}
	// a changed shift is a job of its own with the same name and place, at
	// its new times exactly: no flex, and no pay lost against the budget
	for _, c := range r.changes {
		job := &sc.Jobs[c.job]
		sp := Span{Days: DaySet(0).With(c.at.Day), Time: c.to}
		if sc.Weeks() > 1 {
			sp.Weeks = []int{c.at.Week}
		}
		out.Jobs = append(out.Jobs, Job{Name: job.Name, Place: job.Place, Shifts: []Span{sp}})
	}
	for _, c := range r.covers {
		com := &sc.Commitments[c.com]
		out.Support = append(out.Support, Support{Name: c.party, Covers: []string{com.Name},
			Span: Span{Days: DaySet(0).With(c.at.Day), Time: com.Span.Time, Weeks: []int{c.at.Week}}})
	}
	return &out
}

// dropDays rewrites spans without the occurrences drop reports, splitting a
// span into one span a week where it loses a day.
func dropDays(spans []Span, weeks int, drop func(si int, at WeekDay) bool) []Span {
	var out []Span
	for si, sp := range spans {
		lost := false
		for w := 1; w <= weeks && !lost; w++ {
			for d := range sp.Days.All() {
				lost = lost || (sp.InWeek(w) && drop(si, WeekDay{w, d}))
			}
		}
		if !lost {
			out = append(out, sp)
			continue
		}
		for w := 1; w <= weeks; w++ {
			if !sp.InWeek(w) {
				continue
			}
			var keep DaySet
			for d := range sp.Days.All() {
				if !drop(si, WeekDay{w, d}) {
					keep = keep.With(d)
				}
			}
			if keep != 0 {
				out = append(out, Span{Days: keep, Time: sp.Time, Weeks: []int{w}})
			}
		}
	}
	return out
}

// offDays lists every shift occurrence of the cycle, in job and cycle order;
// a job that lists the same shift twice on a day has it off once.
func offDays(sc *Scenario) []offDay {
	var out []offDay
	seen := map[offDay]bool{}
	for j, job := range sc.Jobs {
		for _, sp := range job.Shifts {
			for w := 1; w <= sc.Weeks(); w++ {
				if !sp.InWeek(w) {
					continue
				}
				for d := range sp.Days.All() {
					o := offDay{job: j, at: WeekDay{w, d}, from: sp.Time}
					if !seen[o] {
						seen[o] = true
						out = append(out, o)
					}
				}
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].job != out[b].job {
			return out[a].job < out[b].job
		}
		return before(out[a].at, out[b].at)
	})
	return out
}

func before(a, b WeekDay) bool {
	if a.Week != b.Week {
		return a.Week < b.Week
	}
	return a.Day < b.Day
}

// coverDays lists every commitment occurrence nobody covers yet, with the
// party a fix would ask: a listed helper who already covers it on other
// days, or whose days include this one but whose hours do not hold it; or
// Someone.
func coverDays(m *model) []coverDay {
	sc := m.sc
	var out []coverDay
	for ci, c := range sc.Commitments {
		for w := 1; w <= m.weeks; w++ {
			if !c.Span.InWeek(w) {
				continue
			}
			for d := range c.Span.Days.All() {
				if m.isCovered(c.Name, w, d) {
					continue
				}
				out = append(out, coverDay{com: ci, at: WeekDay{w, d}, party: partyFor(m, c.Name, w, d)})
			}
		}
	}
	return out
}

func (m *model) isCovered(name string, w int, d Day) bool {
	for _, cv := range m.covers {
		if cv.commitment == name && cv.week+1 == w && cv.day == d {
			return true
		}
	}
	return false
}

func partyFor(m *model, name string, w int, d Day) string {
	for _, su := range m.sc.Support {
		if !containsStr(su.Covers, name) {
			continue
		}
		if su.Span.InWeek(w) && su.Span.Days.Has(d) {
			return su.Name
		}
		for _, cv := range m.covers {
			if cv.commitment == name && cv.by == su.Name {
				return su.Name
			}
		}
	}
	return Someone
}

// trialWeeks keeps the fix search's weeks compiled, by what their
// relaxation changes: the weeks of two relaxations with the same shifts off,
// the same new times and the same covers, in the same order, differ only in
// their programs and in the jobs' weekly unpaid budgets, which compiling
// does not read. A nil trialWeeks compiles every week.
type trialWeeks struct {
	byKey map[string]*model
	key   []byte     // the buffer of of's key
	frame *model     // the week: its places, travel times and rush hours serve every trial week
	scr   *dpScratch // the memory their solves' dynamic programmes share, one solve at a time
}

// scratch returns the dynamic programmes' memory the trial solves share.
func (t *trialWeeks) scratch() *dpScratch {
	if t == nil {
		return nil
	}
	if t.scr == nil {
		t.scr = &dpScratch{idx: map[wstate]int32{}}
	}
	return t.scr
}

// appendKey appends to b what r changes in the week, as trialWeeks keys it:
// its shifts off, new times and covers, in order. Two relaxations have the
// same key exactly when those lists are equal.
func (r relaxation) appendKey(b []byte) []byte {
	num := func(v int) { b = binary.AppendVarint(b, int64(v)) }
	at := func(w WeekDay) { num(w.Week); num(int(w.Day)) }
	clock := func(c Clock) { num(c.Start); num(c.End) }
	num(len(r.offs))
	for _, o := range r.offs {
		num(o.job)
		at(o.at)
		clock(o.from)
	}
	num(len(r.changes))
	for _, c := range r.changes {
		num(c.job)
		at(c.at)
		clock(c.from)
		clock(c.to)
	}
	num(len(r.covers))
	for _, c := range r.covers {
		num(c.com)
		at(c.at)
		num(len(c.party))
		b = append(b, c.party...)
	}
	return b
}

// trialWeekLimit bounds the weeks one fix search keeps compiled.
const trialWeekLimit = 256

// of returns sc, relax's week for r, compiled: from an earlier week with the
// same changes, which it then reads with sc's programs and budgets.
func (t *trialWeeks) of(sc *Scenario, r relaxation) *model {
	if t == nil || sc.phased() {
		return nil
	}
	t.key = r.appendKey(t.key[:0])
	key := string(t.key)
	if m, ok := t.byKey[key]; ok {
		c := *m
		c.sc = sc
		return &c
	}
	m := compileOn(sc, t.frame)
	if t.byKey == nil || len(t.byKey) >= trialWeekLimit {
		t.byKey = map[string]*model{}
	}
	t.byKey[key] = m
	return m
}
