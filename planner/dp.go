package planner

import (
	"cmp"
	"math"
	"slices"
)

// maxJW is the most job-weeks one segment may touch before the solver falls
// back to its exhaustive search.
const maxJW = 8

// dcost is the cost of a partial plan inside one segment.
type dcost struct {
	unpaid [maxJW]int32 // per job-week of the segment (segment.jws order)
	sumU   int32
	moved  int32
	covers int32 // covers of commitments the plan uses
	travel int32
	// latest return home after a session, per week: home[i] for week hw[i]-1
	// (hw[i] == 0: unused). A segment's sessions fall in at most two weeks.
	home [2]int32
	hw   [2]int8
}

// addHome records a return home of v minutes after midnight in week w.
func (c *dcost) addHome(w, v int) {
	for i := range c.hw {
		if c.hw[i] == int8(w+1) {
			c.home[i] = max(c.home[i], int32(v))
			return
		}
		if c.hw[i] == 0 {
			c.hw[i], c.home[i] = int8(w+1), int32(v)
			return
		}
	}
	// unreachable: the solver sends segments with sessions in more than two
	// weeks to the exhaustive search; keep the later week's value at worst
	c.home[1] = max(c.home[1], int32(v))
}

// addHomes records the returns home a step resolved.
func (c *dcost) addHomes(o *stepOut) {
	if o.home >= 0 {
		c.addHome(o.homeWeek, o.home)
	}
	if o.home2 >= 0 {
		c.addHome(o.homeWeek2, o.home2)
	}
	if o.homeOwn >= 0 {
		c.addHome(o.homeOwnWeek, o.homeOwn)
	}
}

// homeIn returns the latest return home in week w, or -1.
func (c *dcost) homeIn(w int) int32 {
	for i := range c.hw {
		if c.hw[i] == int8(w+1) {
			return c.home[i]
		}
	}
	return -1
}

// dominates reports whether a is at least as good as b whatever follows: in
// every job-week's unpaid minutes, and in the ranking order, where the
// latest return home of each week must be no later.
func (a *dcost) dominates(b *dcost, n int) bool {
	for i := 0; i < n; i++ {
		if a.unpaid[i] > b.unpaid[i] {
			return false
		}
	}
	if a.sumU != b.sumU {
		return a.sumU < b.sumU
	}
	if a.moved != b.moved {
		return a.moved < b.moved
	}
	if a.covers != b.covers {
		return a.covers < b.covers
	}
	if a.travel != b.travel {
		return a.travel < b.travel
	}
	for i := range a.hw {
		if a.hw[i] != 0 && a.home[i] > b.homeIn(int(a.hw[i])-1) {
			return false
		}
	}
	return true
}

type dentry struct {
	st     wstate
	c      dcost
	back   int32
	next   int32 // next entry with the same state, or -1
	ds, de int32 // the bend chosen at this layer, for shifts
}

// dpScratch is memory one solve reuses across its dynamic programmes.
type dpScratch struct {
	idx        map[wstate]int32
	bufA, bufB []dentry
	begins     []begun
	local      []dentry
	order      []startOrder
	found      []bool
	best       [][2]int
	bud        *budget // the solve's budget; nil while plans are worked out
	// the visiting order of the dynamic programme running (mergeOrder), its
	// shifts' start moves, and its lookahead: each lives for one runDP
	seq       []seqItem
	moves     []int
	nextMin   []int
	nextShift []int
	// the lists segments works in, while it splits the cycle
	pots     []pot
	potOrder []int
	cls      []cluster
}

// seqItem is one element of a segment's visiting order.
type seqItem struct {
	it     *item
	off    int
	ds     []int // allowed start moves (filtered to keep the order)
	fixIdx int   // index into model.items, or -1
	jwLoc  int   // local job-week index, or -1
}

// segEntry is one Pareto-optimal way through a segment.
type segEntry struct {
	c     dcost
	bends []int32 // (fixed item index, ds, de) triples, only when traced
}

// solveSegment prices a segment with the given sessions (already placed in
// the segment's frame) exactly, returning every Pareto-optimal cost over its
// job-weeks' unpaid minutes. An empty result means nothing fits.
func (m *model) solveSegment(seg *segment, sess []item, trace bool, scr *dpScratch) []segEntry {
	var anchors, shifts []seqItem
	for k, fi := range seg.fixed {
		it := &m.items[fi]
		si := seqItem{it: it, off: seg.fixedOff[k], ds: it.ds, fixIdx: fi, jwLoc: -1}
		if it.kind == kShift {
			for j, jw := range seg.jws {
				if jw == it.jw {
					si.jwLoc = j
				}
			}
			shifts = append(shifts, si)
		} else {
			anchors = append(anchors, si)
		}
	}
	for i := range sess {
		anchors = append(anchors, seqItem{it: &sess[i], ds: zeroStep, fixIdx: -1, jwLoc: -1})
	}
	slices.SortStableFunc(anchors, func(a, b seqItem) int {
		if c := cmp.Compare(a.it.start+a.off, b.it.start+b.off); c != 0 {
			return c
		}
		return cmp.Compare(a.it.id, b.it.id)
	})
	var out []segEntry
	gaps := make([]int, len(shifts))
	var rec func(k, lo int)
	rec = func(k, lo int) {
		if k == len(shifts) {
			if !scr.bud.step() {
				return
			}
			seq := m.mergeOrder(anchors, shifts, gaps, scr)
			if seq != nil {
				out = m.mergeFront(out, m.runDP(seq, len(seg.jws), trace, scr), len(seg.jws))
			}
			return
		}
		for g := lo; g <= len(anchors); g++ {
			gaps[k] = g
			rec(k+1, g)
		}
	}
	rec(0, 0)
	if scr.bud.halted() {
		return nil // a front cut short is no price: nothing may keep it
	}
	return out
}

// gapOf counts the anchors that come before a shift starting at s.
func gapOf(anchors []seqItem, s, id int) int {
	g := 0
	for _, a := range anchors {
		as := a.it.start + a.off
		if as < s || (as == s && a.it.id < id) {
			g++
		}
	}
	return g
}

// mergeOrder interleaves anchors and shifts with each shift in its gap,
// keeping only the start moves that put it there; nil when one has none.
// The order and its moves are laid out in scr's memory, good until the
// next call.
func (m *model) mergeOrder(anchors, shifts []seqItem, gaps []int, scr *dpScratch) []seqItem {
	seq := scr.seq[:0]
	// room for every shift's moves at once, so that the moves cut below
	// never move
	n := 0
	for _, sh := range shifts {
		n += len(sh.it.ds)
	}
	moves := scr.moves[:0]
	if cap(moves) < n {
		moves = make([]int, 0, n)
	}
	defer func() { scr.seq, scr.moves = seq, moves }()
	k := 0
	for g := 0; g <= len(anchors); g++ {
		for k < len(shifts) && gaps[k] == g {
			sh := shifts[k]
			from := len(moves)
			for _, d := range sh.it.ds {
				if gapOf(anchors, sh.it.start+sh.off+d, sh.it.id) == g {
					moves = append(moves, d)
				}
			}
			if len(moves) == from {
				return nil
			}
			sh.ds = moves[from:len(moves):len(moves)]
			seq = append(seq, sh)
			k++
		}
		if g < len(anchors) {
			seq = append(seq, anchors[g])
		}
	}
	return seq
}

// runDP walks one visiting order, keeping for each distinct walk state the
// Pareto-best costs.
func (m *model) runDP(seq []seqItem, njw int, trace bool, scr *dpScratch) []segEntry {
	var layers [][]dentry
	cur := append(scr.bufA[:0], dentry{st: homeState(), back: -1})
	spare := scr.bufB[:0]
	if trace {
		cur = []dentry{cur[0]}
		layers = append(layers, cur)
	}
	nextMin, nextShift := lookahead(seq, scr)
	for i, si := range seq {
		if !scr.bud.step() {
			return nil
		}
		next := compact(m.expand(cur, spare[:0], si, nextMin[i+1], nextShift[i+1], njw, scr))
		if scr.bud.halted() {
			return nil
		}
		if trace {
			// a traced layer is kept, at its size; the buffer it was built
			// in builds the next one
			spare = next
			next = append(make([]dentry, 0, len(next)), next...)
			layers = append(layers, next)
		} else {
			spare = cur
		}
		cur = next
	}
	if trace {
		scr.bufB = spare
	} else {
		scr.bufA, scr.bufB = cur, spare
	}
	var out []segEntry
	for bi := range cur {
		st := cur[bi].st
		o := stepOut{home: -1, home2: -1, homeOwn: -1}
		if !m.goHome(&st, &o) {
			continue
		}
		c := cur[bi].c
		c.travel += int32(o.travel)
		c.covers += int32(o.covers)
		c.addHomes(&o)
		e := segEntry{c: c}
		if trace {
			e.bends = traceBends(seq, layers, bi)
		}
		out = m.mergeFront(out, []segEntry{e}, njw)
	}
	return out
}

// lookahead returns, for each position, the earliest start any later item
// could have, and the earliest start of a later shift, in scr's memory.
func lookahead(seq []seqItem, scr *dpScratch) (nextMin, nextShift []int) {
	nextMin, nextShift = grow(scr.nextMin, len(seq)+1), grow(scr.nextShift, len(seq)+1)
	scr.nextMin, scr.nextShift = nextMin, nextShift
	nextMin[len(seq)], nextShift[len(seq)] = -negInf, -negInf
	for i := len(seq) - 1; i >= 0; i-- {
		s := seq[i].it.start + seq[i].off + minOf(seq[i].ds)
		nextMin[i] = min(nextMin[i+1], s)
		nextShift[i] = nextShift[i+1]
		if seq[i].it.kind == kShift {
			nextShift[i] = min(nextShift[i], s)
		}
	}
	return nextMin, nextShift
}

// expand visits item si from every entry of cur with every bend, adding the
// resulting entries to next.
//
// A shift's start moves are begun once each and grouped by the state they
// lead to. Within a group, for each end move, a start move that costs more
// unpaid or moved minutes than a feasible one is dominated, so the moves are
// tried cheapest first and the search stops past the first that fits.
func (m *model) expand(cur, next []dentry, si seqItem, nextMin, nextShift, njw int, scr *dpScratch) []dentry {
	clear(scr.idx)
	for bi := range cur {
		if !scr.bud.step() {
			return next // runDP drops what a cut-short layer holds
		}
		scr.begins = scr.begins[:0]
		for dsi, ds := range si.ds {
			st := cur[bi].st
			o := stepOut{home: -1, home2: -1, homeOwn: -1}
			v := visit{it: si.it, s: si.it.start + si.off + ds, s0: si.it.start + si.off, e0: si.it.end + si.off, id: si.it.id}
			if m.begin(&st, v, &o) {
				if st.added <= v.s && st.added <= nextMin {
					st.added = negInf // what canon would forget after the step
				}
				if st.lastShift <= nextShift {
					st.lastShift = negInf
				}
				scr.begins = append(scr.begins, begun{st: st, o: o, v: v, dsi: dsi, ds: ds})
			}
		}
		groupStarts(scr.begins)
		for dei, de := range si.it.de {
			scr.local = scr.local[:0]
			scr.order = orderStarts(scr.order[:0], scr.begins, de)
			found, best := scr.groupBest(len(scr.begins))
			for _, oi := range scr.order {
				b := &scr.begins[oi.i]
				if g := b.group; found[g] && (oi.u > best[g][0] || (oi.u == best[g][0] && oi.m > best[g][1])) {
					continue
				}
				st, o, v := b.st, b.o, b.v
				v.e = v.e0 + de
				if !m.finish(&st, v, &o) {
					continue
				}
				found[b.group], best[b.group] = true, [2]int{oi.u, oi.m}
				c := cur[bi].c
				c.travel += int32(o.travel)
				c.covers += int32(o.covers)
				c.moved += int32(o.moved)
				c.sumU += int32(o.unpaid)
				if si.jwLoc >= 0 {
					c.unpaid[si.jwLoc] += int32(o.unpaid)
				}
				c.addHomes(&o)
				canon(&st, nextMin, nextShift)
				scr.local = keepBest(scr.local, dentry{st: st, c: c, back: int32(bi), ds: int32(b.dsi), de: int32(dei)})
			}
			for _, e := range scr.local {
				next = insertEntry(next, scr.idx, e, njw)
			}
		}
		if si.it.cover > 0 {
			next = insertEntry(next, scr.idx, skipCovered(&cur[bi], bi, nextMin, nextShift), njw)
		}
	}
	return next
}

// skipCovered is the way past a commitment whose cover the plan uses: the
// walk does not visit it, and the plan counts one cover more.
func skipCovered(from *dentry, bi, nextMin, nextShift int) dentry {
	e := dentry{st: from.st, c: from.c, back: int32(bi), ds: skipMark, de: skipMark}
	canon(&e.st, nextMin, nextShift)
	e.c.covers++
	return e
}

// skipMark marks, in a dentry's bend and in a traced segment's bends, a
// commitment skipped because its cover is used.
const skipMark = math.MinInt32

// groupBest returns cleared per-group marks for n begun start moves: whether
// a move of the group fitted, and its unpaid and moved minutes.
func (scr *dpScratch) groupBest(n int) ([]bool, [][2]int) {
	if cap(scr.found) < n {
		scr.found, scr.best = make([]bool, n), make([][2]int, n)
	}
	scr.found = scr.found[:n]
	clear(scr.found)
	return scr.found, scr.best[:n]
}

// groupStarts numbers the begun start moves by the state they lead to.
func groupStarts(begins []begun) {
	for i := range begins {
		begins[i].group = i
		for j := 0; j < i; j++ {
			if begins[j].group == j && begins[j].st == begins[i].st {
				begins[i].group = j
				break
			}
		}
	}
}

// startOrder is a begun start move with what it costs for one end move.
type startOrder struct {
	i    int // index into the begun moves
	u, m int // unpaid and moved minutes
}

// orderStarts lists the begun start moves cheapest first, in unpaid then
// moved minutes, for end move de.
func orderStarts(out []startOrder, begins []begun, de int) []startOrder {
	for i, b := range begins {
		so := startOrder{i: i, u: max(0, b.ds-de), m: iabs(b.ds) + iabs(de)}
		k := len(out)
		out = append(out, so)
		for k > 0 && (out[k-1].u > so.u || (out[k-1].u == so.u && out[k-1].m > so.m)) {
			out[k] = out[k-1]
			k--
		}
		out[k] = so
	}
	return out
}

// begun is a step begun with one start move of an item.
type begun struct {
	st      wstate
	o       stepOut
	v       visit
	dsi, ds int
	group   int // the first begun move that leads to the same state
}

// keepBest keeps, among entries from one earlier entry and one end move, the
// best per state. Their unpaid minutes fall on one job-week, so the ranking
// order alone decides.
func keepBest(local []dentry, e dentry) []dentry {
	for i := range local {
		if local[i].st == e.st {
			if local[i].c.dominates(&e.c, maxJW) {
				return local
			}
			if e.c.dominates(&local[i].c, maxJW) {
				local[i] = e
				return local
			}
		}
	}
	return append(local, e)
}

// canon forgets what can no longer matter, so that equal futures merge.
func canon(st *wstate, nextMin, nextShift int) {
	if st.added <= st.pEnd && st.added <= nextMin {
		st.added = negInf
	}
	if st.lastShift <= nextShift {
		st.lastShift = negInf
	}
}

// insertEntry adds e unless an entry with the same state dominates it, and
// marks the entries it dominates (back = -2) for compact to drop.
func insertEntry(list []dentry, idx map[wstate]int32, e dentry, njw int) []dentry {
	head, ok := idx[e.st]
	if !ok {
		head = -1
	}
	for j := head; j >= 0; j = list[j].next {
		if list[j].back != -2 && list[j].c.dominates(&e.c, njw) {
			return list
		}
	}
	for j := head; j >= 0; j = list[j].next {
		if list[j].back != -2 && e.c.dominates(&list[j].c, njw) {
			list[j].back = -2
		}
	}
	e.next = head
	idx[e.st] = int32(len(list))
	return append(list, e)
}

// compact drops the entries marked as dominated, in place; the back pointers
// of later layers are set after compaction, so indexes stay right.
func compact(list []dentry) []dentry {
	out := list[:0]
	for _, e := range list {
		if e.back != -2 {
			out = append(out, e)
		}
	}
	return out
}

// mergeFront adds entries to a Pareto front.
func (m *model) mergeFront(front, add []segEntry, njw int) []segEntry {
	for _, e := range add {
		dominated := false
		for i := range front {
			if front[i].c.dominates(&e.c, njw) {
				dominated = true
				break
			}
		}
		if dominated {
			continue
		}
		kept := front[:0]
		for _, f := range front {
			if !e.c.dominates(&f.c, njw) {
				kept = append(kept, f)
			}
		}
		front = append(kept, e)
	}
	return front
}

// traceBends follows back pointers from the last layer's entry bi.
func traceBends(seq []seqItem, layers [][]dentry, bi int) []int32 {
	var out []int32
	for l := len(layers) - 1; l >= 1; l-- {
		e := layers[l][bi]
		si := seq[l-1]
		if e.ds == skipMark {
			out = append(out, int32(si.fixIdx), skipMark, skipMark)
		} else if si.it.kind == kShift {
			ds, de := si.ds[e.ds], si.it.de[e.de]
			if ds != 0 || de != 0 {
				out = append(out, int32(si.fixIdx), int32(ds), int32(de))
			}
		}
		bi = int(e.back)
	}
	return out
}

// grow returns xs at length n, its memory reused when it is big enough.
func grow(xs []int, n int) []int {
	if cap(xs) < n {
		return make([]int, n)
	}
	return xs[:n]
}
