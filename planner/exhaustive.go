package planner

import (
	"context"
	"sort"
)

// exPlan is a plan found by the exhaustive search.
type exPlan struct {
	sel   []item
	bends []bend
	cov   []bool // per model.covers: the covers the plan uses
	key   rankKey
	tie   []int
}

// exhaustive tries every choice of sessions (at most one a day, meeting the
// program's weekly minimums) and every bend of every shift, and keeps the
// best bends of each choice. It stops with false after limit steps.
func (m *model) exhaustive(p *Program, cands []item, required func(week int, d Day) bool, limit int) ([]exPlan, bool) {
	b := newBudget(context.Background(), limit)
	out := m.exhaustiveIn(p, cands, required, b)
	return out, !b.halted()
}

// exSearch is the state of the exhaustive search over session choices.
type exSearch struct {
	m        *model
	p        *Program
	cands    []item
	required func(week int, d Day) bool
	b        *budget
	days     []int         // cycle-days with a candidate, in order
	byDay    map[int][]int // candidates per cycle-day
	maxDays  [][]int       // per position in days: the most session days per week still to come
	maxMins  [][]int       // the most session minutes per week still to come
	nDays    []int         // session days per week chosen so far
	nMins    []int
	weeks    []int
	sel      []item
	out      []exPlan
}

// exhaustiveIn is exhaustive under a budget shared with the rest of a
// solve; when it runs out, it returns the plans found so far.
func (m *model) exhaustiveIn(p *Program, cands []item, required func(week int, d Day) bool, b *budget) []exPlan {
	x := &exSearch{m: m, p: p, cands: cands, required: required, b: b, byDay: map[int][]int{},
		nDays: make([]int, m.weeks), nMins: make([]int, m.weeks)}
	for k := range cands {
		cd := cands[k].week*7 + int(cands[k].day)
		if _, ok := x.byDay[cd]; !ok {
			x.days = append(x.days, cd)
		}
		x.byDay[cd] = append(x.byDay[cd], k)
	}
	sort.Ints(x.days)
	for w := 0; w < m.weeks; w++ {
		x.weeks = append(x.weeks, w)
	}
	n := len(x.days)
	x.maxDays, x.maxMins = make([][]int, n+1), make([][]int, n+1)
	x.maxDays[n], x.maxMins[n] = make([]int, m.weeks), make([]int, m.weeks)
	for d := n - 1; d >= 0; d-- {
		x.maxDays[d], x.maxMins[d] = append([]int(nil), x.maxDays[d+1]...), append([]int(nil), x.maxMins[d+1]...)
		w, most := x.days[d]/7, 0
		for _, k := range x.byDay[x.days[d]] {
			most = max(most, cands[k].clock.Minutes())
		}
		x.maxDays[d][w]++
		x.maxMins[d][w] += most
	}
	x.rec(0)
	return x.out
}

// canMeet reports whether the choices so far, with every later day at its
// longest session, can still meet the program's weekly minimums.
func (x *exSearch) canMeet(d int) bool {
	need := max(x.p.MinDays, 1)
	for w := range x.nDays {
		if x.nDays[w]+x.maxDays[d][w] < need || x.nMins[w]+x.maxMins[d][w] < x.p.MinMinutes {
			return false
		}
	}
	return true
}

// rec chooses a session (or none) on days[d] and on, and returns false when
// the budget runs out.
func (x *exSearch) rec(d int) bool {
	if !x.b.eval() {
		return false
	}
	if !x.canMeet(d) {
		return true
	}
	if d == len(x.days) {
		return x.leaf()
	}
	cd := x.days[d]
	if !x.required(cd/7, Day(cd%7)) && !x.rec(d+1) {
		return false
	}
	for _, k := range x.byDay[cd] {
		c := &x.cands[k]
		x.sel = append(x.sel, *c)
		x.nDays[c.week]++
		x.nMins[c.week] += c.clock.Minutes()
		ok := x.rec(d + 1)
		x.nDays[c.week]--
		x.nMins[c.week] -= c.clock.Minutes()
		x.sel = x.sel[:len(x.sel)-1]
		if !ok {
			return false
		}
	}
	return true
}

// leaf tries every bend for a choice that meets the minimums.
func (x *exSearch) leaf() bool {
	extra, ok := x.m.weeklyExtra(x.p, x.sel)
	if !ok {
		return true
	}
	best, found, within := x.m.bestBends(x.sel, extra, x.b)
	if !within {
		return false
	}
	if found {
		ptrs := make([]*item, len(x.sel))
		for i := range x.sel {
			ptrs[i] = &x.sel[i]
		}
		best.tie = tieOf(ptrs, x.weeks)
		x.out = append(x.out, best)
	}
	return true
}

// weeklyExtra checks a choice against the program's weekly minimums and
// returns the session minutes beyond them.
func (m *model) weeklyExtra(p *Program, sel []item) (int, bool) {
	extra := 0
	for w := 0; w < m.weeks; w++ {
		n, mins := 0, 0
		for i := range sel {
			if sel[i].week == w {
				n++
				mins += sel[i].clock.Minutes()
			}
		}
		if n < max(p.MinDays, 1) || mins < p.MinMinutes {
			return 0, false
		}
		extra += mins - p.MinMinutes
	}
	return extra, true
}

// bestBends tries every bend of every shift and every choice of the covers
// of located commitments for one choice of sessions. A commitment with no
// place is covered exactly where something the plan adds overlaps it.
func (m *model) bestBends(sel []item, extra int, b *budget) (exPlan, bool, bool) {
	bends := make([]bend, len(m.items))
	cov := m.allCovers(false)
	for i, c := range m.covers {
		cov[i] = c.standing || c.blk >= 0
	}
	var best exPlan
	found := false
	try := func() {
		r := m.evaluateCov(sel, bends, cov, false)
		if !r.ok {
			return
		}
		k := m.exKey(&r, extra)
		if !found || k.cmp(best.key) < 0 {
			found = true
			best = exPlan{sel: append([]item(nil), sel...), bends: append([]bend(nil), bends...), cov: r.used, key: k}
		}
	}
	var rec func(i int) bool
	rec = func(i int) bool {
		if i == len(m.items) {
			if !b.eval() {
				return false
			}
			try()
			return true
		}
		it := &m.items[i]
		if it.cover > 0 {
			for _, use := range [2]bool{false, true} {
				cov[it.cover-1] = use
				if !rec(i + 1) {
					return false
				}
			}
			return true
		}
		for _, ds := range it.ds {
			for _, de := range it.de {
				bends[i] = bend{ds, de}
				if !rec(i + 1) {
					return false
				}
			}
		}
		bends[i] = bend{}
		return true
	}
	ok := rec(0)
	return best, found, ok
}

// exKey is the rank key of a whole-cycle walk.
func (m *model) exKey(r *evalResult, extra int) rankKey {
	un := 0
	for _, u := range r.unpaid {
		un += u
	}
	k := rankKey{unpaid: un, moved: r.moved, covers: m.coversUsed(r.used), travel: r.travel - m.baseTravel, extra: extra}
	for _, h := range r.homeW {
		if h >= 0 {
			k.home += h
			k.latest = max(k.latest, h)
		}
	}
	return k
}

// coversUsed counts the covers a plan uses beyond the standing ones.
func (m *model) coversUsed(used []bool) int {
	n := 0
	for i, u := range used {
		if u && !m.covers[i].standing {
			n++
		}
	}
	return n
}

// solveExhaustive is the solver for a cycle the segments cannot split.
func (s *solver) solveExhaustive(gi int) []planCand {
	g := s.groups[gi]
	p := &s.m.sc.Programs[g.prog]
	found := s.m.exhaustiveIn(p, s.cands[gi], func(w int, d Day) bool { return s.required(g, w, d) }, s.bud)
	var out []planCand
	for i := range found {
		e := &found[i]
		c := planCand{key: e.key, tie: e.tie, gi: gi, bends: e.bends, cov: e.cov}
		for k := range e.sel {
			c.sess = append(c.sess, &e.sel[k])
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].less(&out[j]) })
	if len(out) > s.opt.Top {
		out = out[:s.opt.Top]
	}
	return out
}
