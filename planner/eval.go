package planner

import (
	"fmt"
	"sort"
)

// sinst is one occurrence of a session in the cycle.
type sinst struct {
	start, end int // the session itself, minutes of the cycle
	attend     int // when the person must be there: start minus arriving early
	place      string
	prog       int
	track      int
	week       int // 0-based
	day        Day
	clock      Clock
}

func (m *model) sessDesc(s *sinst) string {
	return fmt.Sprintf("%s%s %s", m.weekPrefix(s.week), s.day, s.clock)
}

type bend struct{ ds, de int }

type node struct {
	start, end int
	place      string
	kind       itemKind
	idx        int // index into model.items, or into the selection for sessions
}

type legOut struct {
	from, to       string
	depart, dur    int
	factor         float64
	fromIdx, toIdx int // node indexes at both ends
}

type transfer struct {
	legs    [2]legOut
	n       int
	minutes int
	arrive  int
	homeAt  int // arrival at home between the two, or -1
	ok      bool
	noRoute bool
}

// transfer works out how the person gets from place pa, free at ta, to place pb
// by tb: straight there, or home in between when there is time to go home and
// come back.
func (m *model) transfer(pa string, ta int, pb string, tb int) transfer {
	t := transfer{homeAt: -1}
	add := func(from, to string, dep, dur int, f float64) {
		t.legs[t.n] = legOut{from: from, to: to, depart: dep, dur: dur, factor: f}
		t.n++
		t.minutes += dur
	}
	switch {
	case pa == pb && pa == Home:
		t.arrive, t.homeAt = ta, ta
	case pa == pb:
		// the same place: go home in between when there is time, else stay
		if b, ok := m.leg(pa, Home); ok {
			if b2, ok2 := m.leg(Home, pb); ok2 {
				d1, f1 := m.durAt(b, ta)
				h := ta + d1
				if dep, d2, f2 := m.latestDeparture(b2, tb); h <= dep {
					add(pa, Home, ta, d1, f1)
					add(Home, pb, dep, d2, f2)
					t.arrive, t.homeAt, t.ok = dep+d2, h, true
					return t
				}
			}
		}
		t.arrive = ta
	case pa == Home:
		base, ok := m.leg(pa, pb)
		if !ok {
			t.noRoute = true
			return t
		}
		t.homeAt = ta
		dep, dur, f := m.latestDeparture(base, tb)
		if dep < ta {
			dep = ta
			dur, f = m.durAt(base, ta)
		}
		add(pa, pb, dep, dur, f)
		t.arrive = dep + dur
	case pb == Home:
		base, ok := m.leg(pa, pb)
		if !ok {
			t.noRoute = true
			return t
		}
		dur, f := m.durAt(base, ta)
		add(pa, pb, ta, dur, f)
		t.arrive = ta + dur
		t.homeAt = t.arrive
	default:
		b1, ok1 := m.leg(pa, Home)
		b2, ok2 := m.leg(Home, pb)
		if ok1 && ok2 {
			d1, f1 := m.durAt(b1, ta)
			h := ta + d1
			dep, d2, f2 := m.latestDeparture(b2, tb)
			if h <= dep {
				add(pa, Home, ta, d1, f1)
				add(Home, pb, dep, d2, f2)
				t.arrive, t.homeAt, t.ok = dep+d2, h, true
				return t
			}
		}
		if base, ok := m.leg(pa, pb); ok {
			dur, f := m.durAt(base, ta)
			add(pa, pb, ta, dur, f)
			t.arrive = ta + dur
		} else if ok1 && ok2 {
			d1, f1 := m.durAt(b1, ta)
			h := ta + d1
			d2, f2 := m.durAt(b2, h)
			add(pa, Home, ta, d1, f1)
			add(Home, pb, h, d2, f2)
			t.arrive, t.homeAt = h+d2, h
		} else {
			t.noRoute = true
			return t
		}
	}
	t.ok = t.arrive <= tb
	return t
}

const (
	modeSolve = iota
	modeBaseline
	modeTimeline
)

// evalOut is what an evaluation of sessions and bends found.
type evalOut struct {
	ok         bool
	reason     string
	unpaid     int
	moved      int
	travel     int
	latestHome int
	jobUnpaid  []int
	nodes      []node
	legs       []legOut
	warnings   []string
}

func (o *evalOut) fail(mode int, format string, args ...any) {
	if o.ok {
		o.ok = false
		o.reason = fmt.Sprintf(format, args...)
	}
	_ = mode
}

func (m *model) nodeDesc(n *node, sel []sinst) string {
	if n.kind == kSession {
		return m.sessDesc(&sel[n.idx])
	}
	it := &m.items[n.idx]
	return m.weekPrefix(it.week) + it.describe()
}

// eval checks one set of sessions with shift bends against the whole cycle and
// sums its costs. bends is indexed like m.items and may be nil.
func (m *model) eval(sel []sinst, bends []bend, mode int) evalOut {
	out := evalOut{ok: true, jobUnpaid: make([]int, len(m.sc.Jobs))}
	L := m.cycle
	nodes := make([]node, 0, len(m.items)+len(sel))
	for i := range m.items {
		it := &m.items[i]
		s, e := it.start, it.end
		if bends != nil {
			b := bends[i]
			if b != (bend{}) {
				s, e = s+b.ds, e+b.de
				if e-s < 5 {
					out.fail(mode, "%s would be shorter than 5 minutes", m.weekPrefix(it.week)+it.describe())
				}
				out.unpaid += max(0, b.ds-b.de)
				out.moved += abs(b.ds) + abs(b.de)
				out.jobUnpaid[it.job] += max(0, b.ds-b.de)
			}
		}
		sh := mod(s, L) - s
		nodes = append(nodes, node{start: s + sh, end: e + sh, place: it.place, kind: it.kind, idx: i})
	}
	for k := range sel {
		s := &sel[k]
		a := s.attend
		sh := mod(a, L) - a
		nodes = append(nodes, node{start: a + sh, end: s.end + sh, place: s.place, kind: kSession, idx: k})
	}
	sort.SliceStable(nodes, func(a, b int) bool { return nodes[a].start < nodes[b].start })
	bentEnd := func(n *node) bool { return bends != nil && n.kind == kShift && bends[n.idx].de != 0 }
	bentStart := func(n *node) bool { return bends != nil && n.kind == kShift && bends[n.idx].ds != 0 }
	added := func(n *node) bool { return n.kind == kSession || bentEnd(n) || bentStart(n) }
	if len(nodes) > 0 {
		pi := 0
		for i := range nodes {
			if nodes[i].end > nodes[pi].end {
				pi = i
			}
		}
		pEnd := nodes[pi].end - L
		var pending []int
		for k := range nodes {
			p, n := &nodes[pi], &nodes[k]
			tr := m.transfer(p.place, pEnd, n.place, n.start)
			out.travel += tr.minutes
			isAdded := p.kind == kSession || n.kind == kSession || bentEnd(p) || bentStart(n)
			if mode == modeTimeline || mode == modeBaseline {
				for i := 0; i < tr.n; i++ {
					l := tr.legs[i]
					l.fromIdx, l.toIdx = pi, k
					out.legs = append(out.legs, l)
				}
			}
			if isAdded || mode == modeBaseline {
				m.checkTransfer(&out, mode, p, n, pEnd, &tr, sel, isAdded)
			}
			if p.kind == kSession && !containsInt(pending, p.idx) {
				pending = append(pending, p.idx)
			}
			if tr.homeAt >= 0 {
				for _, si := range pending {
					s := &sel[si]
					mid := s.start - mod(s.start, MinutesPerDay)
					if h := mod(tr.homeAt-mid, L); h > out.latestHome {
						out.latestHome = h
					}
				}
				pending = pending[:0]
			}
			if n.end > pEnd {
				pi, pEnd = k, n.end
			}
		}
	}
	for i := range nodes {
		n := &nodes[i]
		if !added(n) && mode != modeBaseline {
			continue
		}
		for j := range nodes {
			o := &nodes[j]
			if i == j || (!added(n) && added(o)) || (mode == modeBaseline && j < i) {
				continue
			}
			if m.overlaps(n.start, n.end, o.start, o.end) {
				if added(n) {
					out.fail(mode, "%s overlaps %s", m.nodeDesc(n, sel), m.nodeDesc(o, sel))
				} else {
					out.warnings = append(out.warnings, fmt.Sprintf("%s overlaps %s", m.nodeDesc(n, sel), m.nodeDesc(o, sel)))
				}
			}
		}
		if f := m.freeClash(n.start, n.end); f != nil {
			if added(n) {
				out.fail(mode, "%s overlaps %s", m.nodeDesc(n, sel), f.what)
			} else if n.kind != kSession {
				out.warnings = append(out.warnings, fmt.Sprintf("%s overlaps %s", m.nodeDesc(n, sel), f.what))
			}
		}
	}
	for j, job := range m.sc.Jobs {
		if out.jobUnpaid[j] > job.MaxUnpaid {
			out.fail(mode, "needs %d unpaid minutes at %s; at most %d a week can go unpaid", out.jobUnpaid[j], job.Name, job.MaxUnpaid)
		}
	}
	if mode == modeTimeline {
		out.nodes = nodes
	}
	return out
}

// checkTransfer records why the trip from p to n does not work, if it does not.
func (m *model) checkTransfer(out *evalOut, mode int, p, n *node, pEnd int, tr *transfer, sel []sinst, isAdded bool) {
	report := func(format string, args ...any) {
		if isAdded {
			out.fail(mode, format, args...)
		} else {
			out.warnings = append(out.warnings, fmt.Sprintf(format, args...))
		}
	}
	if pEnd > n.start {
		if isAdded {
			report("%s overlaps %s", m.nodeDesc(n, sel), m.nodeDesc(p, sel))
		}
		return
	}
	if tr.noRoute {
		report("no travel time is given from %s to %s (after %s); add it under travel", m.placeName(p.place), m.placeName(n.place), m.nodeDesc(p, sel))
		return
	}
	if !tr.ok {
		report("%s ends %s and the trip to %s takes %s, arriving %s, after %s starts at %s",
			m.nodeDesc(p, sel), m.when(pEnd), m.placeName(n.place), tripText(tr), FormatClock(mod(tr.arrive, MinutesPerDay)),
			m.nodeDesc(n, sel), FormatClock(mod(n.start, MinutesPerDay)))
		return
	}
	if !isAdded {
		return
	}
	for i := 0; i < tr.n; i++ {
		l := tr.legs[i]
		if f := m.freeClash(l.depart, l.depart+l.dur); f != nil {
			report("the trip from %s to %s at %s overlaps %s", m.placeName(l.from), m.placeName(l.to), m.when(l.depart), f.what)
			return
		}
	}
}

func tripText(tr *transfer) string {
	s := fmt.Sprintf("%d min", tr.minutes)
	for i := 0; i < tr.n; i++ {
		if tr.legs[i].factor > 1 {
			return s + fmt.Sprintf(" in rush hour (x%g)", tr.legs[i].factor)
		}
	}
	return s
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// baseline evaluates the week with no sessions: its travel and its warnings.
func (m *model) baseline() {
	out := m.eval(nil, nil, modeBaseline)
	m.base = out.travel
	seen := map[string]bool{}
	for _, w := range out.warnings {
		if !seen[w] {
			seen[w] = true
			m.warnings = append(m.warnings, w)
		}
	}
}
