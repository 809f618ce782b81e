package planner

import "sort"

// Covers: a helper who can cover a commitment on a day makes it optional
// that day. A located one is an item the walk may skip (the dynamic
// programme's skip branch, one cover more); one with no place is a block in
// model.opt that the walk covers where something the plan adds overlaps it.
// A cover the week without sessions needs is standing: out of the week.

// coverOcc is one occurrence of a commitment that a helper may cover. The
// plan uses the cover only where it needs it; a standing cover is one the
// week without sessions already needs (the commitment overlaps a shift or
// cannot be reached), so every plan uses it and it is out of the week.
type coverOcc struct {
	start, end int
	commitment string
	by         string
	week       int
	day        Day
	clock      Clock
	item       int // index into model.items of its located item, or -1
	blk        int // index into model.opt of its block with no place, or -1
	standing   bool
}

// standDown makes the covers in need standing: their commitments leave the week.
func (m *model) standDown(need []int) {
	fixed := make([]item, 0, len(m.items))
	for _, it := range m.items {
		if it.cover == 0 || !containsInt(need, it.cover-1) {
			fixed = append(fixed, it)
		}
	}
	opt := m.opt[:0]
	for _, b := range m.opt {
		if !containsInt(need, b.cover) {
			opt = append(opt, b)
		}
	}
	m.opt = opt
	for _, c := range need {
		m.covers[c].standing = true
	}
	m.index(fixed)
}

// coveredBy returns the first support person whose window holds the whole
// commitment occurrence [start, end), or "".
func (m *model) coveredBy(c Commitment, start, end int) string {
	for _, s := range m.sc.Support {
		if !containsStr(s.Covers, c.Name) {
			continue
		}
		ok := false
		for w := 0; w < m.weeks && !ok; w++ {
			m.eachOcc(w, s.Span, func(a int, _ Day) {
				b := a + s.Span.Time.Minutes()
				for _, sh := range [3]int{0, -m.L, m.L} {
					if a+sh <= start && end <= b+sh {
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

// coverClash deals with the commitments with no place that a helper may
// cover and that [a, b), a stretch the plan adds, overlaps. In the solver's
// walk (o.cov nil) each is covered and counted once in o.covers (st.cov
// remembers the ones covered so far, by index modulo 64). In a walk told
// which covers the plan uses (o.cov), one it does not use fails the step:
// the index into model.opt and false are returned; those it uses are marked
// in o.used.
func (m *model) coverClash(st *wstate, a, b int, o *stepOut) (int, bool) {
	if b <= a || len(m.opt) == 0 {
		return -1, true
	}
	off := a - mod(a, m.L)
	for _, sh := range [3]int{off, off - m.L, off + m.L} {
		lo, hi := a-sh, b-sh
		j := sort.Search(len(m.opt), func(i int) bool { return m.opt[i].start >= hi })
		j-- // on a line of its own: the coverage profile ends at a function literal
		for ; j >= 0 && m.optMaxEnd[j] > lo; j-- {
			if m.opt[j].end <= lo {
				continue
			}
			ci := m.opt[j].cover
			if o.cov != nil && !o.cov[ci] {
				return j, false
			} else if o.cov != nil {
				if o.used != nil {
					o.used[ci] = true
				}
			} else {
				if bit := uint64(1) << uint(j%64); st.cov&bit == 0 {
					st.cov |= bit
					o.covers++
				}
			}
		}
	}
	return -1, true
}

// standingCovers walks the week without sessions, with every commitment a
// helper may cover done by the person, and returns the covers the week
// itself needs: commitments that overlap another item or a busy block, or
// that a trip to or from them cannot reach in time.
func (m *model) standingCovers() []int {
	if len(m.covers) == 0 {
		return nil // nothing a helper may cover: no walk can name a cover
	}
	var need []int
	add := func(c int) {
		if !containsInt(need, c) {
			need = append(need, c)
		}
	}
	either := func(st *wstate, v visit) {
		if v.it.cover > 0 {
			add(v.it.cover - 1)
		} else if st.pItem >= 0 && m.items[st.pItem].cover > 0 {
			add(m.items[st.pItem].cover - 1)
		}
	}
	blocks := func(a, b int) {
		for j := range m.opt {
			if b > a && m.optMeets(j, a, b) {
				add(m.opt[j].cover)
			}
		}
	}
	st := homeState()
	vs := m.evalBuf[:0] // evaluateCov's, which does not run during this walk
	defer func() { m.evalBuf = vs[:0] }()
	for lap := 0; lap < 2; lap++ {
		vs = m.visitsInto(vs, nil, nil, nil, lap)
		for _, v := range vs {
			if st.pEnd <= v.s {
				tr := m.transferBetween(st.pPlace, st.pEnd, v.it.place, v.s)
				for i := 0; i < tr.n && lap == 1; i++ {
					l := tr.legs[i]
					if l.dur > 0 && m.freeClash(l.dep, l.dep+l.dur) >= 0 {
						either(&st, v)
					}
					blocks(l.dep, l.dep+l.dur)
				}
				if lap == 1 && st.pItem >= 0 && (tr.late || tr.noRoute) {
					either(&st, v)
				}
			}
			if lap == 1 {
				if st.pItem >= 0 && v.s < st.pEnd {
					either(&st, v)
				}
				if v.it.cover > 0 && m.freeClash(v.s, v.e) >= 0 {
					add(v.it.cover - 1)
				}
				blocks(v.s, v.e)
			}
			st.busy = max(st.busy, v.e)
			if st.pItem < 0 || v.e > st.pEnd {
				st.pItem, st.pPlace, st.pEnd = v.id, v.it.place, v.e
			}
		}
	}
	return need
}

// coverBitsClash reports whether some segment could meet two commitments
// with no place that share a bit of the walk state (model.opt indexes
// modulo 64): then the segments cannot count covers exactly, and the solver
// takes the exhaustive search. A segment's trips reach at most two legs
// beyond its items.
func (m *model) coverBitsClash(segs []segment) bool {
	if len(m.opt) <= 64 {
		return false
	}
	for _, seg := range segs {
		var seen [64]bool
		a, b := seg.lo-2*m.maxLeg, seg.hi+2*m.maxLeg
		for j := range m.opt {
			if !m.optMeets(j, a, b) {
				continue
			}
			if seen[j%64] {
				return true
			}
			seen[j%64] = true
		}
	}
	return false
}

// optMeets reports whether [a, b) meets block j of model.opt in any lap.
func (m *model) optMeets(j, a, b int) bool {
	o := m.opt[j]
	k := a - mod(a, m.L)
	for _, sh := range [4]int{k - m.L, k, k + m.L, k + 2*m.L} {
		if a < o.end+sh && o.start+sh < b {
			return true
		}
	}
	return false
}
