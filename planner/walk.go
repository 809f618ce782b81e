package planner

import "math"

// The walk is the one definition of what a plan costs and whether it fits.
// Located items are visited in order of their (bent) start; between the item
// that ends last so far and the next one the person travels by the transfer
// rule. The reference evaluator folds step over the whole cycle; the solver
// runs it as a dynamic programme over segments of the cycle.

const negInf = math.MinInt32

// leg is one trip: from and to are place indexes, dep the absolute departure.
type leg struct {
	from, to, dep, dur int
	factor             float64
}

type transfer struct {
	legs    [2]leg
	n       int
	arrive  int
	homeAt  int // when the person is at home between the two, if atHome
	atHome  bool
	late    bool
	noRoute bool
}

func (t *transfer) add(l leg) { t.legs[t.n] = l; t.n++ }

// transferBetween works out how the person gets from place a, free at ta, to
// place b by tb: home in between when there is time to go home and come back,
// else straight there. ta may be negInf (the day starts at home).
func (m *model) transferBetween(a, ta, b, tb int) transfer {
	var t transfer
	if a == homePlace && b == homePlace {
		t.arrive, t.homeAt, t.atHome = ta, ta, true
		return t
	} else if a == homePlace {
		base := m.leg(a, b)
		if base < 0 {
			t.noRoute = true
			return t
		}
		t.homeAt, t.atHome = ta, true
		dep, dur, f := m.latestDeparture(base, tb)
		if dep < ta {
			dep = ta
			dur, f = m.durAt(base, ta)
		}
		t.add(leg{a, b, dep, dur, f})
		t.arrive = dep + dur
	} else if b == homePlace {
		base := m.leg(a, b)
		if base < 0 {
			t.noRoute = true
			return t
		}
		dur, f := m.durAt(base, ta)
		t.add(leg{a, b, ta, dur, f})
		t.arrive = ta + dur
		t.homeAt, t.atHome = t.arrive, true
	} else {
		b1, b2 := m.leg(a, homePlace), m.leg(homePlace, b)
		if b1 >= 0 && b2 >= 0 {
			d1, f1 := m.durAt(b1, ta)
			h := ta + d1
			if dep, d2, f2 := m.latestDeparture(b2, tb); h <= dep {
				t.add(leg{a, homePlace, ta, d1, f1})
				t.add(leg{homePlace, b, dep, d2, f2})
				t.arrive, t.homeAt, t.atHome = dep+d2, h, true
				return t
			}
		}
		if a == b {
			t.arrive = ta
			return t
		}
		if base := m.leg(a, b); base >= 0 {
			dur, f := m.durAt(base, ta)
			t.add(leg{a, b, ta, dur, f})
			t.arrive = ta + dur
		} else if b1 >= 0 && b2 >= 0 {
			d1, f1 := m.durAt(b1, ta)
			d2, f2 := m.durAt(b2, ta+d1)
			t.add(leg{a, homePlace, ta, d1, f1})
			t.add(leg{homePlace, b, ta + d1, d2, f2})
			t.arrive, t.homeAt, t.atHome = ta+d1+d2, ta+d1, true
		} else {
			t.noRoute = true
			return t
		}
	}
	t.late = t.arrive > tb
	return t
}

// wstate is what the walk remembers: the item that ends last so far, how far
// busy time and added busy time reach, and sessions not yet followed by a
// return home.
type wstate struct {
	pItem     int // id of the item that ends last; -1 for home at the start of a segment
	pPlace    int
	pEnd      int
	busy      int    // end of the latest busy interval so far
	added     int    // end of the latest busy interval the plan adds
	lastShift int    // bent start of the last shift visited (shifts keep their order)
	pending   int    // midnight of the earliest session not yet followed by home; -1 none
	pending2  int    // the same for sessions of the next week, while pending holds; -1 none
	cov       uint64 // commitments with no place covered so far (bits of model.opt indexes modulo 64)
}

func homeState() wstate {
	return wstate{pItem: -1, pPlace: homePlace, pEnd: negInf, busy: negInf, added: negInf, lastShift: negInf, pending: -1, pending2: -1}
}

// visit is an item with its chosen bend, in absolute minutes.
type visit struct {
	it     *item
	s, e   int // bent start and end
	s0, e0 int // original start and end
	id     int // the item's id (order among items at the same start)
}

// stepOut is what one step adds.
type stepOut struct {
	travel, unpaid, moved int
	home                  int      // latest return home of earlier sessions resolved in this step, -1 none
	homeWeek              int      // the week of the session that home belongs to
	home2, homeWeek2      int      // the same for the sessions of pending2, -1 none
	homeOwn               int      // end of a session attended at home in this step, from its midnight, -1 none
	homeOwnWeek           int      // the week of that session
	fail                  *failure // where to record why a step fails; nil to skip
	legs                  []leg    // filled only when trace is set
	trace                 bool
	covers                int    // covers of commitments with no place this step uses (solver's walk)
	cov                   []bool // per model.covers, whether the plan uses the cover; nil in the solver's walk
	used                  []bool // per model.covers: marked when a cover in cov turns out needed; may be nil
}

// failure records why a step does not fit, for explanations.
type failure struct {
	kind   failKind
	a, b   int // absolute times involved
	free   int // index into model.free
	leg    leg
	tr     transfer
	pItem  int
	pEnd   int
	pPlace int
}

type failKind uint8

const (
	failNone failKind = iota
	failOverlapItem
	failOverlapFree
	failLegFree
	failLegOverlap
	failLate
	failNoRoute
	failShiftOrder
	failShiftLength
	failOverlapCover // a stretch the plan adds overlaps a commitment (free: index into model.opt) whose cover it does not use
)

func (o *stepOut) failed(f failure) bool {
	if o.fail != nil {
		*o.fail = f
	}
	return false
}

// step visits v from state st. It returns false when the plan does not fit.
func (m *model) step(st *wstate, v visit, o *stepOut) bool {
	return m.begin(st, v, o) && m.finish(st, v, o)
}

// begin does the part of a step that depends on v's start: the order of
// shifts, the trip to v and what v's start adds.
func (m *model) begin(st *wstate, v visit, o *stepOut) bool {
	it := v.it
	if it.kind == kShift {
		if v.s < st.lastShift {
			return o.failed(failure{kind: failShiftOrder, pItem: st.pItem})
		}
		st.lastShift = v.s
	}
	if st.pEnd <= v.s && !m.travelTo(st, v, o) {
		return false
	}
	if it.kind == kSession {
		if v.s < st.busy {
			return o.failed(failure{kind: failOverlapItem, pItem: st.pItem, pEnd: st.busy, a: v.s})
		}
	} else if v.s < v.s0 {
		if v.s < st.busy {
			return o.failed(failure{kind: failOverlapItem, pItem: st.pItem, pEnd: st.busy, a: v.s})
		}
		if f := m.freeClash(v.s, v.s0); f >= 0 {
			return o.failed(failure{kind: failOverlapFree, free: f, a: v.s, b: v.s0})
		}
		if f, ok := m.coverClash(st, v.s, v.s0, o); !ok {
			return o.failed(failure{kind: failOverlapCover, free: f, a: v.s, b: v.s0})
		}
		st.added = max(st.added, v.s0)
	} else if v.s < st.added {
		return o.failed(failure{kind: failOverlapItem, pItem: st.pItem, pEnd: st.added, a: v.s})
	}
	return true
}

// finish does the part of a step that depends on v's end.
func (m *model) finish(st *wstate, v visit, o *stepOut) bool {
	it := v.it
	if it.kind == kSession {
		if f := m.freeClash(v.s, v.e); f >= 0 {
			return o.failed(failure{kind: failOverlapFree, free: f, a: v.s, b: v.e})
		}
		if f, ok := m.coverClash(st, v.s, v.e, o); !ok {
			return o.failed(failure{kind: failOverlapCover, free: f, a: v.s, b: v.e})
		}
		st.added = max(st.added, v.e)
	} else if it.kind == kShift && (v.s != v.s0 || v.e != v.e0) {
		if !m.checkBent(st, v, o) {
			return false
		}
	}
	st.busy = max(st.busy, v.e)
	if st.pItem < 0 || v.e > st.pEnd {
		st.pItem, st.pPlace, st.pEnd = v.id, it.place, v.e
	}
	if it.kind == kSession {
		midnight := it.dayStart + v.s0 - it.start
		if it.place == homePlace {
			o.homeOwn, o.homeOwnWeek = v.e-midnight, it.week
		} else {
			m.addPending(st, midnight)
		}
	}
	return true
}

// checkBent checks the end side of a bent shift and prices the bend. A bent
// shift keeps some of its original time: a bend is not a move to another time.
func (m *model) checkBent(st *wstate, v visit, o *stepOut) bool {
	if v.e <= v.s || v.e <= v.s0 || v.s >= v.e0 {
		return o.failed(failure{kind: failShiftLength, a: v.s, b: v.e})
	}
	if v.e > v.e0 {
		if v.e0 < st.busy && st.pItem != v.id {
			return o.failed(failure{kind: failOverlapItem, pItem: st.pItem, pEnd: st.busy, a: v.e0})
		}
		if f := m.freeClash(v.e0, v.e); f >= 0 {
			return o.failed(failure{kind: failOverlapFree, free: f, a: v.e0, b: v.e})
		}
		if f, ok := m.coverClash(st, v.e0, v.e, o); !ok {
			return o.failed(failure{kind: failOverlapCover, free: f, a: v.e0, b: v.e})
		}
		st.added = max(st.added, v.e)
	}
	ds, de := v.s-v.s0, v.e-v.e0
	o.unpaid += max(0, ds-de)
	o.moved += iabs(ds) + iabs(de)
	return true
}

// travelTo makes the trip from the item that ends last to v.
func (m *model) travelTo(st *wstate, v visit, o *stepOut) bool {
	tr := m.transferBetween(st.pPlace, st.pEnd, v.it.place, v.s)
	if tr.late || tr.noRoute {
		if st.pItem < 0 || !m.basePairs[pairKey{st.pItem, v.id, mod(st.pEnd, m.L), mod(v.s, m.L)}] {
			k := failLate
			if tr.noRoute {
				k = failNoRoute
			}
			return o.failed(failure{kind: k, tr: tr, pItem: st.pItem, pEnd: st.pEnd, pPlace: st.pPlace, a: v.s})
		}
	}
	for i := 0; i < tr.n; i++ {
		if !m.walkLeg(st, tr.legs[i], o) {
			return false
		}
	}
	if tr.atHome {
		m.resolve(st, tr.homeAt, o)
	}
	return true
}

func (m *model) walkLeg(st *wstate, l leg, o *stepOut) bool {
	o.travel += l.dur
	if o.trace {
		o.legs = append(o.legs, l)
	}
	if l.dur == 0 {
		return true
	}
	end := l.dep + l.dur
	if m.baseLegs[legKey{l.from, l.to, mod(l.dep, m.L), l.dur}] {
		if l.dep < st.added {
			return o.failed(failure{kind: failLegOverlap, leg: l, pEnd: st.added})
		}
	} else {
		if l.dep < st.busy {
			return o.failed(failure{kind: failLegOverlap, leg: l, pEnd: st.busy})
		}
		if f := m.freeClash(l.dep, end); f >= 0 {
			return o.failed(failure{kind: failLegFree, leg: l, free: f})
		}
		if f, ok := m.coverClash(st, l.dep, end, o); !ok {
			return o.failed(failure{kind: failOverlapCover, leg: l, free: f, a: l.dep, b: end})
		}
		st.added = max(st.added, end)
	}
	st.busy = max(st.busy, end)
	return true
}

// goHome ends a segment: the trip home from the item that ends last.
func (m *model) goHome(st *wstate, o *stepOut) bool {
	if st.pItem < 0 {
		return true
	}
	tr := m.transferBetween(st.pPlace, st.pEnd, homePlace, math.MaxInt32)
	if tr.noRoute {
		return o.failed(failure{kind: failNoRoute, tr: tr, pItem: st.pItem, pEnd: st.pEnd, pPlace: st.pPlace})
	}
	for i := 0; i < tr.n; i++ {
		if !m.walkLeg(st, tr.legs[i], o) {
			return false
		}
	}
	m.resolve(st, tr.homeAt, o)
	return true
}

// addPending notes a session (by its midnight) not yet followed by a return
// home: the earliest of its week is what its week's return home counts from.
func (m *model) addPending(st *wstate, midnight int) {
	if st.pending < 0 {
		st.pending = midnight
	} else if m.weekOf(midnight) != m.weekOf(st.pending) && st.pending2 < 0 {
		st.pending2 = midnight
	}
}

// resolve records the return home at h of the sessions pending.
func (m *model) resolve(st *wstate, h int, o *stepOut) {
	if st.pending >= 0 {
		o.home, o.homeWeek = h-st.pending, m.weekOf(st.pending)
	}
	if st.pending2 >= 0 {
		o.home2, o.homeWeek2 = h-st.pending2, m.weekOf(st.pending2)
	}
	st.pending, st.pending2 = -1, -1
}

// weekOf returns the week of the cycle (0-based) of an absolute minute.
func (m *model) weekOf(t int) int { return mod(t, m.L) / MinutesPerWeek }

func iabs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
