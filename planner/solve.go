package planner

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
)

// rankKey is what plans are ranked by, best first: fewer unpaid minutes, fewer
// moved minutes, fewer covers used, less travel, fewer session minutes beyond
// the minimum, then an earlier return home: each week's latest return home,
// summed over the weeks of the cycle (for one week, simply the latest).
// latest, the latest return home of all, is shown and not compared.
type rankKey struct{ unpaid, moved, covers, travel, extra, home, latest int }

func (a rankKey) cmp(b rankKey) int {
	for _, d := range [6]int{a.unpaid - b.unpaid, a.moved - b.moved, a.covers - b.covers, a.travel - b.travel, a.extra - b.extra, a.home - b.home} {
		if d != 0 {
			return d
		}
	}
	return 0
}

func (a rankKey) plus(b rankKey) rankKey {
	return rankKey{a.unpaid + b.unpaid, a.moved + b.moved, a.covers + b.covers, a.travel + b.travel, a.extra + b.extra, a.home + b.home, max(a.latest, b.latest)}
}

// group is a set of tracks one plan may draw from: one track, or every track
// of a program that mixes them.
type group struct {
	prog   int
	tracks []int
	name   string // track name or MixedTrack
}

func groupsOf(sc *Scenario, opt Options) []group {
	var out []group
	for pi := range sc.Programs {
		p := &sc.Programs[pi]
		if len(opt.Programs) > 0 && !containsStr(opt.Programs, p.ID) {
			continue
		}
		if p.MixTracks {
			all := make([]int, len(p.Tracks))
			for i := range all {
				all[i] = i
			}
			out = append(out, group{prog: pi, tracks: all, name: MixedTrack})
			continue
		}
		for t := range p.Tracks {
			out = append(out, group{prog: pi, tracks: []int{t}, name: p.Tracks[t].Name})
		}
	}
	return out
}

// candidates lists every session occurrence of a program's tracks in the cycle.
func (m *model) candidates(pi int, tracks []int, firstID int) []item {
	return m.candidatesInto(make([]item, 0, m.candidateBound(pi, tracks)), pi, tracks, firstID)
}

// candidateBound is at least how many candidates a program's tracks have.
func (m *model) candidateBound(pi int, tracks []int) int {
	p := &m.sc.Programs[pi]
	n := 0
	for _, t := range tracks {
		for _, sp := range p.Tracks[t].Sessions {
			n += sp.Days.Count()
		}
	}
	return n * m.weeks
}

// candidatesInto is candidates appended to dst, which it returns with them.
func (m *model) candidatesInto(dst []item, pi int, tracks []int, firstID int) []item {
	p := &m.sc.Programs[pi]
	early := m.sc.early(p)
	place := m.placeIdx[placeOf(p)]
	base := len(dst)
	out := dst
	for w := 0; w < m.weeks; w++ {
		for _, t := range tracks {
			for _, sp := range p.Tracks[t].Sessions {
				m.eachOcc(w, sp, func(start int, d Day) {
					attend := start - early
					sh := mod(attend, m.L) - attend
					out = append(out, item{id: firstID + len(out) - base, kind: kSession, start: attend + sh, end: start + sp.Time.Minutes() + sh,
						place: place, job: -1, jw: -1, week: w, day: d, clock: sp.Time, ds: zeroStep, de: zeroStep,
						dayStart: w*MinutesPerWeek + int(d)*MinutesPerDay + sh, prog: pi, track: t})
				})
			}
		}
	}
	mine := out[base:]
	slices.SortStableFunc(mine, func(a, b item) int { return cmp.Compare(a.dayStart, b.dayStart) })
	// a track that lists the same session twice offers it once
	uniq := mine[:0]
	for _, c := range mine {
		dup := false
		for _, u := range uniq {
			if u.week == c.week && u.day == c.day && u.clock == c.clock && u.track == c.track {
				dup = true
			}
		}
		if !dup {
			uniq = append(uniq, c)
		}
	}
	for i := range uniq {
		uniq[i].id = firstID + i
	}
	return out[:base+len(uniq)]
}

// Solve finds the plans that fit the scenario, best first, and why the tracks
// without a plan do not fit.
func Solve(sc *Scenario, opt Options) (*Result, error) {
	if sc == nil {
		return nil, fmt.Errorf("solve: no scenario")
	}
	if opt.Top <= 0 {
		opt.Top = DefaultTop
	}
	if sc.phased() {
		res, err := solvePhased(sc, opt)
		if err == nil {
			datePlans(sc, opt, res)
		}
		return res, err
	}
	want, prefs := opt.Top, !sc.Preferences.None() && !opt.skipChecks
	if prefs {
		opt.Top = MaxPreferencePlans // every plan that fits, to rank by preferences
	}
	m := opt.compiled
	if m == nil {
		m = compile(sc)
	}
	s := newSolver(m, opt, newBudget(opt.Context, exhaustiveLimit))
	res := &Result{Warnings: append([]string(nil), m.warnings...), compiled: m}
	var top []planCand
	for gi := range s.groups {
		if s.bud.check(); s.bud.halted() {
			break
		}
		var bound *rankKey
		if len(top) >= opt.Top {
			bound = &top[opt.Top-1].key
		}
		if why := s.lockMissing(gi); why != "" {
			g := &s.groups[gi]
			res.Rejected = append(res.Rejected, Rejection{Program: sc.Programs[g.prog].ID, Track: g.name, Reasons: []string{why}})
			continue
		}
		cs, fits := s.solveOne(gi, bound)
		if !fits && !s.bud.halted() {
			g := &s.groups[gi]
			why := s.explainGroup(gi)
			if !s.bud.halted() {
				res.Rejected = append(res.Rejected, Rejection{Program: sc.Programs[g.prog].ID, Track: g.name, Reasons: why})
			}
			continue
		}
		if fits && len(cs) == 0 {
			res.More = true
		}
		top = append(top, cs...)
		sort.SliceStable(top, func(i, j int) bool { return top[i].less(&top[j]) })
		if len(top) > opt.Top {
			top, res.More = top[:opt.Top], true
		}
	}
	res.Incomplete = s.bud.why
	// working out the chosen plans' bends is not part of the search: it
	// prices only their own stretches of the week, and must finish
	s.bud, s.scr.bud = nil, nil
	for i := range top {
		if opt.unfinished {
			res.Plans = append(res.Plans, s.startPlan(&top[i], sc, opt))
			continue
		}
		res.Plans = append(res.Plans, s.makePlan(&top[i]))
	}
	if !opt.skipChecks || prefs {
		checkFound(m, res, prefs, opt.Context)
	}
	if prefs {
		rankByPreferences(res, sc.Preferences, want)
	}
	if opt.Fixes {
		res.FixesSought = true
		s.findFixes(res)
	}
	if !opt.unfinished {
		datePlans(sc, opt, res)
	}
	return res, nil
}

// solveOne returns a group's best plans that can still enter the top, and
// whether any plan fits. When the budget runs out it returns what it found.
func (s *solver) solveOne(gi int, bound *rankKey) ([]planCand, bool) {
	if s.cyclic {
		cs := s.solveExhaustive(gi)
		return cs, len(cs) > 0
	}
	return s.solveGroup(gi, bound)
}

func cmpInts(a, b []int) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] - b[i]
		}
	}
	return len(a) - len(b)
}

// solver holds what one Solve shares across groups.
type solver struct {
	m         *model
	opt       Options
	groups    []group
	cands     [][]item // per group
	all       []item   // every candidate, ids unique
	segs      []segment
	where     []candSeg // per candidate in all
	first     []int     // index in all of each group's first candidate
	allWeeks  []int
	cyclic    bool
	bud       *budget // nil while the chosen plans are worked out
	cache     *Cache
	segPrints []fingerprint
	traced    map[priceKey][]segEntry
	reasons   map[[4]int]string
	scr       *dpScratch
	edges     map[int]weekEdges // per shift item: the fix search's new times from the week itself
	searches  []*unitSearch     // unit searches done with, whose lists newUnitSearch reuses
}

func newSolver(m *model, opt Options, bud *budget) *solver {
	s := &solver{m: m, opt: opt, groups: groupsOf(m.sc, opt), cache: opt.Cache, bud: bud,
		scr: opt.scratch}
	if s.scr == nil {
		s.scr = &dpScratch{idx: map[wstate]int32{}}
	}
	s.scr.bud = bud
	for w := 0; w < m.weeks; w++ {
		s.allWeeks = append(s.allWeeks, w)
	}
	id := len(m.items)
	s.cands = make([][]item, 0, len(s.groups))
	s.first = make([]int, 0, len(s.groups))
	// every candidate in one list, each group's a stretch of it: made once
	// at a size no group can pass, it is neither grown nor copied (copying
	// it was a tenth of a solve of the 40-program week)
	most := 0
	for _, g := range s.groups {
		most += m.candidateBound(g.prog, g.tracks)
	}
	s.all = make([]item, 0, most)
	for _, g := range s.groups {
		start := len(s.all)
		s.all = m.candidatesInto(s.all, g.prog, g.tracks, id)
		c := s.filter(g, s.all[start:])
		s.all = s.all[:start+len(c)]
		s.first = append(s.first, id-len(m.items))
		s.cands = append(s.cands, s.all[start:len(s.all):len(s.all)])
		id += len(c)
	}
	if s.cache == nil {
		s.cache = NewCache()
	}
	var ok bool
	s.segs, s.where, ok = m.segments(s.all, s.scr)
	if m.global == nil {
		m.global = m.globalPrint() // kept: the fix search solves one week for several tracks
	}
	global := m.global
	s.segPrints = make([]fingerprint, len(s.segs))
	var h hasher
	for i := range s.segs {
		h.buf = append(h.buf[:0], global...)
		s.segPrints[i] = m.segPrint(&h, &s.segs[i])
	}
	s.cyclic = !ok
	if !ok || s.tooManyJobWeeks() || m.coverBitsClash(s.segs) {
		s.cyclic = true
	}
	return s
}

// tooManyJobWeeks reports whether a segment is too wide for the dynamic
// programme: more job-weeks than a cost holds, or sessions in more than two
// weeks.
func (s *solver) tooManyJobWeeks() bool {
	for _, seg := range s.segs {
		if len(seg.jws) > maxJW {
			return true
		}
	}
	weeks := make([]uint8, len(s.segs))
	for i, c := range s.all {
		weeks[s.where[i].seg] |= 1 << uint(c.week)
	}
	for _, w := range weeks {
		if bits := w & (w - 1); bits&(bits-1) != 0 {
			return true
		}
	}
	return false
}

// filter applies excluded days and locked sessions to a group's candidates.
func (s *solver) filter(g group, c []item) []item {
	p := &s.m.sc.Programs[g.prog]
	n := 0 // the candidates kept so far, moved down over those left out
	for i := range c {
		it := &c[i]
		if s.opt.ExcludeDays.Has(it.day) {
			continue
		}
		locked, match := false, false
		for _, r := range s.opt.Require {
			if r.Program == p.ID && r.Week == it.week+1 && r.Day == it.day {
				locked = true
				match = match || r.Time == it.clock
			}
		}
		if locked && !match {
			continue
		}
		if n != i {
			c[n] = *it
		}
		n++
	}
	return c[:n]
}

// required reports whether a locked session falls on cycle-day cd for group g.
// lockMissing returns why a group cannot keep a session the user locked for
// its program (Options.Require), or "" when every such session is among its
// candidates: a plan must hold every locked session of its program, so a
// track without it, or a lock on a day taken out, rejects the group.
func (s *solver) lockMissing(gi int) string {
	g := s.groups[gi]
	id := s.m.sc.Programs[g.prog].ID
	for _, r := range s.opt.Require {
		if r.Program != id {
			continue
		}
		found := false
		for _, it := range s.cands[gi] {
			if it.week == r.Week-1 && it.day == r.Day && it.clock == r.Time {
				found = true
				break
			}
		}
		if found {
			continue
		}
		when := r.Day.String()
		if s.m.weeks > 1 {
			when += fmt.Sprintf(" of week %d", r.Week)
		}
		if s.opt.ExcludeDays.Has(r.Day) {
			return fmt.Sprintf("The session %s %s is locked, but %s is taken out of the week. Unlock the session or take the day back.", when, r.Time, r.Day)
		}
		return fmt.Sprintf("The locked session %s %s is not one of this track's sessions.", when, r.Time)
	}
	return ""
}

func (s *solver) required(g group, week int, d Day) bool {
	id := s.m.sc.Programs[g.prog].ID
	for _, r := range s.opt.Require {
		if r.Program == id && r.Week == week+1 && r.Day == d {
			return true
		}
	}
	return false
}
