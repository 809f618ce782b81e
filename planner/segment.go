package planner

import (
	"cmp"
	"slices"
)

// A segment is a stretch of the cycle between two home cuts: times at which,
// whatever sessions are chosen and however shifts bend, the person goes home
// in between. Segments are independent, so the solver prices each on its own.

// pot is where an item could be: the span of its starts and ends over all bends.
type pot struct {
	sMin, sMax, eMin, eMax int
	place                  int
	always                 bool // a fixed item, present in every plan
	fixed, cand            int  // index into model.items or the candidates, or -1
	blk                    bool // a commitment with no place a helper may cover (no cut may fall in it)
	off                    int  // minutes added to the item's own times
}

type cluster struct {
	pots     []int // indexes into the pot list
	lo, hi   int
	hasFixed bool
}

// segment holds the fixed items and candidate sessions between two cuts.
type segment struct {
	fixed    []int // indexes into model.items, in order of start
	fixedOff []int // minutes to add to each fixed item's times
	jws      []int // job-weeks of its shifts
	lo, hi   int   // where its items could start and end, in its frame
}

// candSeg tells where a candidate session falls.
type candSeg struct{ seg, off int }

func (m *model) potOf(i int, it *item, fixed bool) pot {
	p := pot{place: it.place, always: fixed && it.cover == 0, fixed: -1, cand: -1}
	if fixed {
		p.fixed = i
	} else {
		p.cand = i
	}
	p.sMin, p.sMax = it.start+minOf(it.ds), it.start+maxOf(it.ds)
	p.eMin, p.eMax = it.end+minOf(it.de), it.end+maxOf(it.de)
	sh := mod(p.sMin, m.L) - p.sMin
	p.sMin, p.sMax, p.eMin, p.eMax, p.off = p.sMin+sh, p.sMax+sh, p.eMin+sh, p.eMax+sh, sh
	return p
}

func minOf(xs []int) int {
	v := 0
	for _, x := range xs {
		v = min(v, x)
	}
	return v
}

func maxOf(xs []int) int {
	v := 0
	for _, x := range xs {
		v = max(v, x)
	}
	return v
}

// segments splits the cycle at home cuts, given every candidate session. The
// second result is false when the cycle has no cut.
// scr lends its lists: none of them is kept.
func (m *model) segments(cands []item, scr *dpScratch) ([]segment, []candSeg, bool) {
	pots := scr.pots[:0]
	if n := len(m.items) + len(cands) + len(m.opt); cap(pots) < n {
		pots = make([]pot, 0, n)
	}
	defer func() { scr.pots = pots[:0] }()
	for i := range m.items {
		pots = append(pots, m.potOf(i, &m.items[i], true))
	}
	for i := range cands {
		pots = append(pots, m.potOf(i, &cands[i], false))
	}
	for _, b := range m.opt {
		sh := mod(b.start, m.L) - b.start
		pots = append(pots, pot{sMin: b.start + sh, sMax: b.start + sh, eMin: b.end + sh, eMax: b.end + sh, off: sh,
			place: homePlace, fixed: -1, cand: -1, blk: true})
	}
	where := make([]candSeg, len(cands))
	if len(pots) == 0 {
		return nil, where, true
	}
	t0, ok := m.uncovered(pots, scr)
	if !ok {
		return nil, nil, false
	}
	for i := range pots {
		p := &pots[i]
		if p.sMin < t0 {
			p.sMin, p.sMax, p.eMin, p.eMax, p.off = p.sMin+m.L, p.sMax+m.L, p.eMin+m.L, p.eMax+m.L, p.off+m.L
		}
	}
	order := scr.indexes(len(pots))
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(pots[a].sMin, pots[b].sMin) })
	// a cluster is a run of pots in start order: its pots are that run of order
	cls := scr.cls[:0]
	defer func() { scr.cls = cls[:0] }()
	for k, i := range order {
		p := &pots[i]
		if n := len(cls); n > 0 && p.sMin < cls[n-1].hi {
			c := &cls[n-1]
			c.pots, c.hi, c.hasFixed = order[k-len(c.pots):k+1], max(c.hi, p.eMax), c.hasFixed || p.always
			continue
		}
		cls = append(cls, cluster{pots: order[k : k+1], lo: p.sMin, hi: p.eMax, hasFixed: p.always})
	}
	var cuts []int // cluster index after which a cut falls
	for i := range cls {
		if m.isCut(pots, cls, i) {
			cuts = append(cuts, i)
		}
	}
	if len(cuts) == 0 {
		return nil, nil, false
	}
	segs := m.assemble(pots, cls, cuts, where)
	return segs, where, true
}

// assemble builds one segment for each stretch of clusters between two cuts,
// giving each pot its offset in the segment's frame.
func (m *model) assemble(pots []pot, cls []cluster, cuts []int, where []candSeg) []segment {
	segs := make([]segment, 0, len(cuts))
	var members []int
	for k, c := range cuts {
		next := cuts[(k+1)%len(cuts)]
		members = members[:0]
		seg := segment{lo: -negInf, hi: negInf}
		for j := (c + 1) % len(cls); ; j = (j + 1) % len(cls) {
			wrap := 0
			if j <= c {
				wrap = m.L
			}
			for _, pi := range cls[j].pots {
				pots[pi].off += wrap
				pots[pi].sMin += wrap
				seg.lo, seg.hi = min(seg.lo, pots[pi].sMin), max(seg.hi, pots[pi].eMax+wrap)
				members = append(members, pi)
			}
			if j == next {
				break
			}
		}
		// fixed items keep their original order (start, then id): shifts are
		// visited in it and may not pass each other
		slices.SortStableFunc(members, func(a, b int) int {
			sa, sb := m.potStart(pots[a]), m.potStart(pots[b])
			if c := cmp.Compare(sa[0], sb[0]); c != 0 {
				return c
			}
			return cmp.Compare(sa[1], sb[1])
		})
		for _, pi := range members {
			p := &pots[pi]
			if p.blk {
				continue
			}
			if p.fixed < 0 {
				where[p.cand] = candSeg{seg: len(segs), off: p.off}
				continue
			}
			seg.fixed, seg.fixedOff = append(seg.fixed, p.fixed), append(seg.fixedOff, p.off)
			if jw := m.items[p.fixed].jw; jw >= 0 && !containsInt(seg.jws, jw) {
				seg.jws = append(seg.jws, jw)
			}
		}
		segs = append(segs, seg)
	}
	return segs
}

// potStart is a pot's original start in the segment's frame, and its id.
func (m *model) potStart(p pot) [2]int {
	if p.fixed >= 0 {
		it := &m.items[p.fixed]
		return [2]int{it.start + p.off, it.id}
	}
	return [2]int{p.sMin, 1 << 30}
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// indexes returns 0, 1, ..., n-1 in the scratch's list of pot indexes.
func (scr *dpScratch) indexes(n int) []int {
	order := scr.potOrder[:0]
	if cap(order) < n {
		order = make([]int, 0, n)
	}
	for i := 0; i < n; i++ {
		order = append(order, i)
	}
	scr.potOrder = order
	return order
}

// uncovered finds a minute of the cycle that no item could cover.
func (m *model) uncovered(pots []pot, scr *dpScratch) (int, bool) {
	order := scr.indexes(len(pots))
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(pots[a].sMin, pots[b].sMin) })
	cur := 0
	for _, p := range pots {
		cur = max(cur, p.eMax-m.L)
	}
	for _, i := range order {
		if pots[i].sMin > cur {
			return cur, true
		}
		cur = max(cur, pots[i].eMax)
	}
	if cur < m.L {
		return cur, true
	}
	return 0, false
}

// isCut reports whether the gap after cluster i is a home cut: every item that
// could end last before it lets the person reach home before any item that
// could come first after it needs them to leave.
func (m *model) isCut(pots []pot, cls []cluster, i int) bool {
	n := len(cls)
	gapEnd := cls[(i+1)%n].lo
	if i+1 >= n {
		gapEnd += m.L
	}
	latest, ok := m.sideBound(pots, cls, i, -1)
	if !ok {
		return false
	}
	earliest, ok := m.sideBound(pots, cls, (i+1)%n, +1)
	if !ok {
		return false
	}
	if i+1 >= n {
		earliest += m.L
	}
	return latest <= earliest && cls[i].hi <= gapEnd
}

// sideBound walks clusters from cluster i in direction dir (-1 left, +1 right)
// until one holds a fixed item, and returns the latest arrival home (left) or
// the earliest departure from home (right) over the items that could be last
// (first) at the gap, in the frame of cluster i.
func (m *model) sideBound(pots []pot, cls []cluster, i, dir int) (int, bool) {
	n := len(cls)
	best := negInf
	if dir > 0 {
		best = -negInf
	}
	thr := negInf
	if dir > 0 {
		thr = -negInf
	}
	seen := m.seen[:0]
	defer func() { m.seen = seen[:0] }()
	for k, j, off := 0, i, 0; k < n; k++ {
		for _, pi := range cls[j].pots {
			p := pots[pi]
			p.sMin, p.sMax, p.eMin, p.eMax = p.sMin+off, p.sMax+off, p.eMin+off, p.eMax+off
			seen = append(seen, p)
			if p.always {
				if dir < 0 {
					thr = max(thr, p.eMin)
				} else {
					thr = min(thr, p.sMax)
				}
			}
		}
		if cls[j].hasFixed {
			break
		}
		j += dir
		if j < 0 {
			j, off = n-1, off-m.L
		} else if j >= n {
			j, off = 0, off+m.L
		}
	}
	for _, p := range seen {
		if dir < 0 && p.eMax >= thr {
			v, ok := m.latestHome(p)
			if !ok {
				return 0, false
			}
			best = max(best, v)
		}
		if dir > 0 && p.sMin <= thr {
			v, ok := m.earliestLeave(p)
			if !ok {
				return 0, false
			}
			best = min(best, v)
		}
	}
	return best, true
}

func (m *model) optsOf(p pot) (*item, int) {
	if p.fixed >= 0 {
		return &m.items[p.fixed], p.off
	}
	return nil, p.off
}

// latestHome is the latest the person can be home after item p ends.
func (m *model) latestHome(p pot) (int, bool) {
	if p.place == homePlace {
		return p.eMax, true
	}
	base := m.leg(p.place, homePlace)
	if base < 0 {
		return 0, false
	}
	best := negInf
	it, _ := m.optsOf(p)
	if it == nil {
		d, _ := m.durAt(base, p.eMax)
		return p.eMax + d, true
	}
	e0 := p.eMax - maxOf(it.de)
	for _, de := range it.de {
		d, _ := m.durAt(base, e0+de)
		best = max(best, e0+de+d)
	}
	return best, true
}

// earliestLeave is the earliest the person must leave home for item p.
func (m *model) earliestLeave(p pot) (int, bool) {
	if p.place == homePlace {
		return p.sMin, true
	}
	base := m.leg(homePlace, p.place)
	if base < 0 {
		return 0, false
	}
	it, _ := m.optsOf(p)
	if it == nil {
		dep, _, _ := m.latestDeparture(base, p.sMin)
		return dep, true
	}
	best := -negInf
	s0 := p.sMin - minOf(it.ds)
	for _, ds := range it.ds {
		dep, _, _ := m.latestDeparture(base, s0+ds)
		best = min(best, dep)
	}
	return best, true
}
