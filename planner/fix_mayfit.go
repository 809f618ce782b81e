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
	f.scratchBase = f.countBlocks(f.scratchBase, r)
	return f.weeksFit(f.scratchBase.cnt)
}

// freedAt is the answers kept for one occurrence at new times to.
type freedAt struct {
	to    Clock
	known []uint8
}

// freedList returns the answers kept for occurrence oi at new times to, one
// per candidate: 0 not yet known, 1 freed, 2 not. An occurrence is asked
// about few new times, so they are looked up in a list.
func (f *fixSearch) freedList(oi int, to Clock) []uint8 {
	for _, x := range f.freed[oi] {
		if x.to == to {
			return x.known
		}
	}
	known := make([]uint8, len(f.s.cands[f.gi]))
	f.freed[oi] = append(f.freed[oi], freedAt{to: to, known: known})
	return known
}

// indexOccs lists, for each shift occurrence and each day off that may be
// asked, the occurrences of the same job, shift and day, and each
// candidate's week and day and minutes, for the checks run on every set of
// days tried (mayFitDays, weeksFit).
func (f *fixSearch) indexOccs() {
	match := func(job int, from Clock, at WeekDay) []int {
		var out []int
		for oi := range f.occs {
			if o := &f.occs[oi]; o.job == job && o.from == from && o.at == at {
				out = append(out, oi)
			}
		}
		return out
	}
	f.same = make([][]int, len(f.occs))
	for oi := range f.occs {
		o := &f.occs[oi]
		f.same[oi] = match(o.job, o.from, o.at)
	}
	f.offSame = make([][]int, len(f.offs))
	for d := range f.offs {
		o := &f.offs[d]
		f.offSame[d] = match(o.job, o.from, o.at)
	}
	cands := f.s.cands[f.gi]
	f.slot, f.mins = make([]int, len(cands)), make([]int, len(cands))
	for k := range cands {
		f.slot[k], f.mins[k] = cands[k].week*7+int(cands[k].day), cands[k].clock.Minutes()
	}
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

// fitBase is mayFit's work for one relaxation, kept for the sets of days of
// the last shift ask, which differ from it only in those days: per
// candidate, how many things rule it out (mayFit rules it out while any
// does), and per shift occurrence, what r asks of it.
type fitBase struct {
	cnt   []int32 // per candidate
	state []int8  // per occurrence: occAsIs, occOff or occChanged
	to    []Clock // per occurrence with occChanged: its new times
}

const (
	occAsIs int8 = iota
	occOff
	occChanged
)

// newFitBase counts what rules out each candidate with r, for the sets of
// days of the last shift ask (mayFitDays).
func (f *fixSearch) newFitBase(r relaxation) *fitBase {
	return f.countBlocks(&fitBase{}, r)
}

// countBlocks counts in b (its lists reused) what rules out each candidate
// with r: each shift occurrence r leaves as it is, or changes to new times
// that do not free it (a day off asked for it comes first, and of new
// times, the first asked), and each commitment r does not cover.
func (f *fixSearch) countBlocks(b *fitBase, r relaxation) *fitBase {
	if b == nil {
		b = &fitBase{}
	}
	s := f.s
	b.cnt = append(b.cnt[:0], make([]int32, len(s.cands[f.gi]))...)
	b.state = append(b.state[:0], make([]int8, len(f.occs))...)
	b.to = append(b.to[:0], make([]Clock, len(f.occs))...)
	for oi := range f.occs {
		o := &f.occs[oi]
		for _, x := range r.offs {
			if x.job == o.job && x.from == o.from && x.at == o.at {
				b.state[oi] = occOff
				break
			}
		}
		if b.state[oi] == occOff {
			continue
		}
		for _, c := range r.changes {
			if c.job == o.job && c.from == o.from && c.at == o.at {
				b.state[oi], b.to[oi] = occChanged, c.to
				break
			}
		}
		f.addOcc(b.cnt, oi, b.state[oi], b.to[oi], 1)
	}
	for k, blockers := range f.comBlock {
		for _, i := range blockers {
			if i < 0 || !f.coveredIn(r, &s.m.items[i]) {
				b.cnt[k]++
			}
		}
	}
	return b
}

// addOcc adds sign to the count of each candidate occurrence oi rules out
// in the given state (with new times to when changed).
func (f *fixSearch) addOcc(cnt []int32, oi int, state int8, to Clock, sign int32) {
	switch {
	case state == occOff, len(f.hard[oi]) == 0:
	case state == occChanged:
		known := f.freedList(oi, to)
		for _, k := range f.hard[oi] {
			if !f.freedIn(known, oi, to, k) {
				cnt[k] += sign
			}
		}
	default:
		for _, k := range f.hard[oi] {
			cnt[k] += sign
		}
	}
}

// mayFitDays is mayFitWith(key, opt, days, r) for the r of b: mayFit with a
// shift ask's choice on the given days added, each day changing only the
// occurrences it is about.
func (f *fixSearch) mayFitDays(b *fitBase, key *askKey, opt *shiftOpt, days []int) bool {
	cnt := append(f.cntBuf[:0], b.cnt...)
	f.cntBuf = cnt
	state, to := occOff, Clock{}
	if !opt.off {
		state, to = occChanged, changeTo(key.from, opt.ds, opt.de)
	}
	for _, d := range days {
		same := f.same[d]
		if opt.off {
			same = f.offSame[d]
		}
		for _, oi := range same {
			// a day off comes before new times, and r's new times before
			// the day's, as mayFitWith lists r's first
			if b.state[oi] == occOff || (state == occChanged && b.state[oi] == occChanged) {
				continue
			}
			f.addOcc(cnt, oi, b.state[oi], b.to[oi], -1)
			f.addOcc(cnt, oi, state, to, 1)
		}
	}
	return f.weeksFit(cnt)
}

// weeksFit reports whether every week has enough days with a session
// nothing rules out (cnt, per candidate, counts what does), and enough
// time, for the group's program.
func (f *fixSearch) weeksFit(cnt []int32) bool {
	s := f.s
	p := &s.m.sc.Programs[f.g.prog]
	best := f.bestBuf[:0]
	best = append(best, make([]int, 7*s.m.weeks)...)
	f.bestBuf = best
	for k, slot := range f.slot {
		if cnt[k] == 0 {
			best[slot] = max(best[slot], f.mins[k])
		}
	}
	for w := 0; w < s.m.weeks; w++ {
		days, total := 0, 0
		for _, v := range best[7*w : 7*w+7] {
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
