package planner

import (
	"cmp"
	"slices"
)

// bend is how far a shift's start and end move, in minutes.
type bend struct{ ds, de int }

// evalResult is what a whole-cycle walk found.
type evalResult struct {
	ok     bool
	fail   failure
	failAt visit
	unpaid []int // per job-week (job*weeks + week)
	moved  int
	travel int
	homeW  []int  // per week: latest return home after a session, minutes after its day's midnight; -1 none
	used   []bool // per model.covers: the covers the plan needs
	visits []visit
	legs   []leg
}

// visitsFor lays out the fixed items with bends and the sessions of sel for
// lap number lap, sorted by start then id; a commitment whose cover the plan
// uses (cov, indexed like model.covers; nil for none) is left out.
func (m *model) visitsFor(sel []item, bends []bend, cov []bool, lap int) []visit {
	return m.visitsInto(nil, sel, bends, cov, lap)
}

// visitsInto is visitsFor laid out in buf's memory (its contents are lost),
// for a caller that walks one lap after another.
func (m *model) visitsInto(buf []visit, sel []item, bends []bend, cov []bool, lap int) []visit {
	off := lap * m.L
	vs := buf[:0]
	if cap(vs) < len(m.items)+len(sel) {
		vs = make([]visit, 0, len(m.items)+len(sel))
	}
	for i := range m.items {
		it := &m.items[i]
		if it.cover > 0 && cov != nil && cov[it.cover-1] {
			continue
		}
		var b bend
		if bends != nil {
			b = bends[i]
		}
		vs = append(vs, visit{it: it, s: it.start + b.ds + off, e: it.end + b.de + off, s0: it.start + off, e0: it.end + off, id: it.id})
	}
	n := len(vs)
	for i := range sel {
		it := &sel[i]
		vs = append(vs, visit{it: it, s: it.start + off, e: it.end + off, s0: it.start + off, e0: it.end + off, id: it.id})
	}
	// (start, id) orders visits fully, ids being unique. The week's items
	// come in that order unless bends move them: then the few sessions are
	// sorted and merged in, not everything sorted again.
	if len(sel) > len(mergeBuf{}) || !slices.IsSortedFunc(vs[:n], visitOrder) {
		slices.SortFunc(vs, visitOrder)
		return vs
	}
	var tmp mergeBuf
	added := tmp[:copy(tmp[:], vs[n:])]
	slices.SortFunc(added, visitOrder)
	i, k := n-1, len(vs)-1
	for j := len(added) - 1; j >= 0; k-- {
		if i >= 0 && visitOrder(vs[i], added[j]) > 0 {
			vs[k] = vs[i]
			i--
		} else {
			vs[k] = added[j]
			j--
		}
	}
	return vs
}

// mergeBuf holds the sessions visitsInto merges into the week's items;
// more than it holds are sorted with the items.
type mergeBuf [16]visit

// visitOrder orders visits by start, then id.
func visitOrder(a, b visit) int {
	if c := cmp.Compare(a.s, b.s); c != 0 {
		return c
	}
	return cmp.Compare(a.id, b.id)
}

// shiftsKeepOrder reports whether bent shifts keep the order of their
// original starts, round the cycle (a shift may not move past another).
func (m *model) shiftsKeepOrder(bends []bend) bool {
	prev, first, n := 0, 0, 0
	for i := range m.items {
		it := &m.items[i]
		if it.kind != kShift {
			continue
		}
		s := it.start + bends[i].ds
		if n > 0 && s < prev {
			return false
		}
		if n == 0 {
			first = s
		}
		prev, n = s, n+1
	}
	return n < 2 || first+m.L >= prev
}

// addHomes records the returns home of a step; own says whether a session
// attended at home in the step counts (it does not in the lap after).
func (r *evalResult) addHomes(o *stepOut, own bool) {
	r.addHome(o.home, o.homeWeek)
	r.addHome(o.home2, o.homeWeek2)
	if own {
		r.addHome(o.homeOwn, o.homeOwnWeek)
	}
}

func (r *evalResult) addHome(v, w int) {
	if v >= 0 {
		r.homeW[w] = max(r.homeW[w], v)
	}
}

// warmUp returns the walk state at the start of the cycle: what the lap
// before leaves behind. Its trips end before the items they lead to, so only
// items count; whatever fails in it fails again in the lap that is counted.
func (m *model) warmUp(sel []item, bends []bend, cov []bool) wstate {
	st, _ := m.warmUpIn(nil, sel, bends, cov)
	return st
}

// warmUpIn is warmUp with its visits laid out in buf, which it returns.
func (m *model) warmUpIn(buf []visit, sel []item, bends []bend, cov []bool) (wstate, []visit) {
	st := homeState()
	buf = m.visitsInto(buf, sel, bends, cov, -1)
	for _, v := range buf {
		st.busy = max(st.busy, v.e)
		if st.pItem < 0 || v.e > st.pEnd {
			st.pItem, st.pPlace, st.pEnd = v.id, v.it.place, v.e
		}
		if v.it.kind == kSession {
			st.added = max(st.added, v.e)
		} else if v.it.kind == kShift {
			st.lastShift = v.s
			if v.e > v.e0 {
				st.added = max(st.added, v.e)
			}
			if v.s < v.s0 {
				st.added = max(st.added, v.s0)
			}
		}
	}
	return st, buf
}

// evaluate walks the whole cycle with sessions sel and shift bends (indexed
// like m.items; nil for none), with every cover a helper may give used.
func (m *model) evaluate(sel []item, bends []bend, trace bool) evalResult {
	return m.evaluateCov(sel, bends, m.allCovers(true), trace)
}

// allCovers returns a choice of covers (indexed like model.covers): every
// one used, or none.
func (m *model) allCovers(used bool) []bool {
	cov := make([]bool, len(m.covers))
	for i := range cov {
		cov[i] = used
	}
	return cov
}

// usedBeforeWalk returns the covers of cov a plan needs whatever it adds:
// the standing ones and those of located commitments it skips. The walk
// adds those of commitments with no place that it overlaps.
func (m *model) usedBeforeWalk(cov []bool) []bool {
	used := make([]bool, len(cov))
	for i, c := range m.covers {
		used[i] = cov[i] && (c.standing || c.item >= 0)
	}
	return used
}

// evaluateCov walks the whole cycle with sessions sel, shift bends (indexed
// like m.items; nil for none) and the covers cov says the plan uses (indexed
// like model.covers, not nil). It is the reference the solver must agree
// with. The result's used marks the covers of cov the plan needs: those of
// located commitments, and those of commitments with no place that
// something the plan adds overlaps. Its laps are laid out in the model's
// buffer: it runs within a solve, on one goroutine.
func (m *model) evaluateCov(sel []item, bends []bend, cov []bool, trace bool) evalResult {
	return m.evaluateIn(&m.evalBuf, sel, bends, cov, trace)
}

// evaluateIn is evaluateCov with its laps laid out in *buf, which gets the
// memory back; a nil buf lays them out in memory of their own, for a week
// read after its solve, which more than one goroutine may do at a time.
func (m *model) evaluateIn(buf *[]visit, sel []item, bends []bend, cov []bool, trace bool) evalResult {
	r := evalResult{ok: true, homeW: make([]int, m.weeks), unpaid: make([]int, len(m.sc.Jobs)*m.weeks), used: m.usedBeforeWalk(cov)}
	for w := range r.homeW {
		r.homeW[w] = -1
	}
	if bends != nil && !m.shiftsKeepOrder(bends) {
		r.ok, r.fail = false, failure{kind: failShiftOrder}
		return r
	}
	// the three laps are walked one after another in one buffer
	var lent []visit
	if buf != nil {
		lent = *buf
	}
	st, vs := m.warmUpIn(lent, sel, bends, cov)
	if buf != nil {
		defer func() { *buf = vs[:0] }()
	}
	var fail failure
	o := stepOut{}
	st.pending, st.pending2 = -1, -1
	vs = m.visitsInto(vs, sel, bends, cov, 0)
	for _, v := range vs {
		o = stepOut{home: -1, home2: -1, homeOwn: -1, trace: trace, fail: &fail, cov: cov, used: r.used}
		if !m.step(&st, v, &o) {
			r.ok, r.fail, r.failAt = false, fail, v
			return r
		}
		r.travel += o.travel
		r.moved += o.moved
		if v.it.jw >= 0 {
			r.unpaid[v.it.jw] += o.unpaid
		}
		r.addHomes(&o, true)
		if trace {
			r.visits = append(r.visits, v)
			r.legs = append(r.legs, o.legs...)
		}
	}
	resolved := st.pending < 0
	left := st
	vs = m.visitsInto(vs, sel, bends, cov, 1)
	for _, v := range vs {
		if resolved {
			break
		}
		o = stepOut{home: -1, home2: -1, homeOwn: -1, cov: cov}
		ok := m.step(&st, v, &o)
		if o.home >= 0 {
			r.addHomes(&o, false)
			resolved = true
		}
		if !ok {
			break
		}
	}
	if !resolved {
		// never home again within a cycle: count it as the worst
		for _, p := range [2]int{left.pending, left.pending2} {
			if p >= 0 {
				r.homeW[m.weekOf(p)] = max(r.homeW[m.weekOf(p)], 2*m.L)
			}
		}
	}
	for jw, u := range r.unpaid {
		if u > m.sc.Jobs[jw/m.weeks].MaxUnpaid {
			r.ok = false
			r.fail = failure{kind: failBudget, a: jw, b: u}
		}
	}
	return r
}

const failBudget failKind = 100

// baseline walks the week without sessions: the legs and pairs of that walk
// are not something a plan adds, and its problems become warnings.
func (m *model) baseline() {
	// about one pair and up to two legs per item: made at that size, they do not grow
	m.baseLegs, m.basePairs = make(map[legKey]bool, 2*len(m.items)), make(map[pairKey]bool, len(m.items))
	defer func() { m.baseTravel = m.evaluateCov(nil, nil, m.allCovers(false), false).travel }()
	st := homeState()
	vs := m.evalBuf[:0] // evaluateCov's, which runs after this walk
	for lap := 0; lap < 2; lap++ {
		vs = m.visitsInto(vs, nil, nil, nil, lap)
		for _, v := range vs {
			if st.pEnd <= v.s {
				tr := m.transferBetween(st.pPlace, st.pEnd, v.it.place, v.s)
				if st.pItem >= 0 && lap == 1 {
					m.basePairs[pairKey{st.pItem, v.id, mod(st.pEnd, m.L), mod(v.s, m.L)}] = true
				}
				for i := 0; i < tr.n; i++ {
					l := tr.legs[i]
					if lap == 1 {
						m.baseLegs[legKey{l.from, l.to, mod(l.dep, m.L), l.dur}] = true
					}
					st.busy = max(st.busy, l.dep+l.dur)
				}
				if lap == 1 {
					m.warnTransfer(&st, v, &tr)
				}
			}
			if lap == 1 {
				m.warnOverlap(&st, v)
			}
			st.busy = max(st.busy, v.e)
			if st.pItem < 0 || v.e > st.pEnd {
				st.pItem, st.pPlace, st.pEnd = v.id, v.it.place, v.e
			}
		}
	}
	m.evalBuf = vs[:0]
}
