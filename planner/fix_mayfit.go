package planner

// hardBlocked lists the candidates of group gi that occurrence o rules out
// however it bends within the flex.
func (s *solver) hardBlocked(o *shiftOcc, gi int) []int {
	m := s.m
	it := &m.items[o.item]
	fl := m.sc.Jobs[o.job].Flex
	var out []int
	for _, k := range o.blocked {
		if !m.compatible(it.start+fl.StartLater, it.end-fl.EndEarlier, it.place, &s.cands[gi][k]) {
			out = append(out, k)
		}
	}
	return out
}

// mayFit reports whether the group could fit with r's shifts off and
// changed, counting only what shifts rule out: in every week, enough days
// with a session no shift left as it is rules out, and enough time.
func (f *fixSearch) mayFit(r relaxation) bool {
	s, gi := f.s, f.gi
	out := append(f.outBuf[:0], make([]bool, len(s.cands[gi]))...) // the search's buffer, cleared
	f.outBuf = out
	for oi := range f.occs {
		o := &f.occs[oi]
		if len(f.hard[oi]) == 0 {
			continue
		}
		off := false
		for _, x := range r.offs {
			off = off || (x.job == o.job && x.from == o.from && x.at == o.at)
		}
		if off {
			continue // it rules out nothing
		}
		// the new times asked for it: one at most, as asks do not share days
		var known []uint8
		var to Clock
		for _, c := range r.changes {
			if c.job == o.job && c.from == o.from && c.at == o.at {
				known, to = f.freedList(oi, c.to), c.to
				break
			}
		}
		for _, k := range f.hard[oi] {
			out[k] = out[k] || known == nil || !f.freedIn(known, oi, to, k)
		}
	}
	for k, blockers := range f.comBlock {
		for _, i := range blockers {
			out[k] = out[k] || i < 0 || !f.coveredIn(r, &s.m.items[i])
		}
	}
	p := &s.m.sc.Programs[f.g.prog]
	for w := 0; w < s.m.weeks; w++ {
		var best [7]int
		for k, c := range s.cands[gi] {
			if c.week == w && !out[k] {
				best[c.day] = max(best[c.day], c.clock.Minutes())
			}
		}
		days, total := 0, 0
		for _, v := range best {
			if v > 0 {
				days, total = days+1, total+v
			}
		}
		if days < max(p.MinDays, 1) || total < p.MinMinutes {
			return false
		}
	}
	return true
}

// freedList returns the answers kept for occurrence oi at new times to, one
// per candidate: 0 not yet known, 1 freed, 2 not.
func (f *fixSearch) freedList(oi int, to Clock) []uint8 {
	key := [2]int{oi, to.Start*MinutesPerDay + to.End}
	known := f.freed[key]
	if known == nil {
		known = make([]uint8, len(f.s.cands[f.gi]))
		f.freed[key] = known
	}
	return known
}

// freedIn reports whether occurrence oi at new times to lets candidate k be
// attended beside it, keeping the answer in known, oi's list at to.
func (f *fixSearch) freedIn(known []uint8, oi int, to Clock, k int) bool {
	if known[k] == 0 {
		it := &f.s.m.items[f.occs[oi].item]
		ds := circularDelta(f.occs[oi].from.Start, to.Start)
		known[k] = 2
		if f.s.m.compatible(it.start+ds, it.start+ds+to.Minutes(), it.place, &f.s.cands[f.gi][k]) {
			known[k] = 1
		}
	}
	return known[k] == 1
}

// commitmentBlocks lists, per candidate of group gi, the commitments with a
// place (indexes into model.items) that rule it out, and marks with -1 a
// candidate that overlaps sleep. A commitment a listed helper may cover that
// day rules nothing out: the plan may use the cover.
func (s *solver) commitmentBlocks(gi int) [][]int {
	m := s.m
	out := make([][]int, len(s.cands[gi]))
	for k := range s.cands[gi] {
		c := &s.cands[gi][k]
		if j := m.freeClash(c.start, c.end); j >= 0 && m.free[j].kind == KindSleep {
			out[k] = []int{-1}
			continue
		}
		for i := range m.items {
			it := &m.items[i]
			if it.kind == kCommit && it.cover == 0 && !m.compatible(it.start, it.end, it.place, c) {
				out[k] = append(out[k], i)
			}
		}
	}
	return out
}

// coveredIn reports whether r covers commitment occurrence it.
func (f *fixSearch) coveredIn(r relaxation, it *item) bool {
	if it == nil {
		return false
	}
	for _, c := range r.covers {
		if c.at == (WeekDay{it.week + 1, it.day}) && f.s.m.sc.Commitments[c.com].Name == it.name {
			return true
		}
	}
	return false
}
