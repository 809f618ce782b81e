package planner

import "sort"

// changeDay is one shift occurrence a fix asks to have at new times.
type changeDay struct {
	job  int
	at   WeekDay
	from Clock
	to   Clock
}

// shiftOpt is one thing a shift ask may ask for: the day off, or new times
// (start and end moved by ds and de minutes), with the days it can help on.
type shiftOpt struct {
	off         bool
	ds, de      int
	days        []int // indexes into fixSearch.occs
	lost, moved int   // a day's lost pay and moved minutes
}

// shiftOcc is one occurrence of a job's shift in the cycle.
type shiftOcc struct {
	job     int
	at      WeekDay
	from    Clock
	item    int   // index into model.items
	blocked []int // indexes into the group's candidates the unbent shift rules out
}

// changeTo returns the clock of From with its start and end moved by ds and de.
func changeTo(from Clock, ds, de int) Clock {
	start := from.Start + ds
	length := from.Minutes() + de - ds
	return Clock{Start: start, End: (start+length-1)%MinutesPerDay + 1}
}

// shiftOccs lists the shift occurrences of the week with the candidate
// sessions of group gi each rules out as it stands (unbent).
func (s *solver) shiftOccs(gi int) []shiftOcc {
	m := s.m
	var out []shiftOcc
	for i := range m.items {
		it := &m.items[i]
		if it.kind != kShift {
			continue
		}
		o := shiftOcc{job: it.job, at: WeekDay{it.week + 1, it.day}, from: it.clock, item: i}
		for k := range s.cands[gi] {
			if !m.compatible(it.start, it.end, it.place, &s.cands[gi][k]) {
				o.blocked = append(o.blocked, k)
			}
		}
		out = append(out, o)
	}
	return out
}

// nearLap returns c's start and end in the lap closest to minute t.
func (m *model) nearLap(c *item, t int) (int, int) {
	off := 0
	for c.start+off-t > m.L/2 {
		off -= m.L
	}
	for t-(c.start+off) > m.L/2 {
		off += m.L
	}
	return c.start + off, c.end + off
}

// compatible reports whether a shift from s to e at place can sit beside c:
// c before it with time to get to work, or after it with time to get there.
func (m *model) compatible(s, e, place int, c *item) bool {
	cs, ce := m.nearLap(c, s)
	switch {
	case ce <= s:
		t := m.transferBetween(c.place, ce, place, s)
		return !t.noRoute && !t.late
	case cs >= e:
		t := m.transferBetween(place, e, c.place, cs)
		return !t.noRoute && !t.late
	}
	return false
}

// weekEdges is what shiftEdgesFor finds for a shift from the week itself,
// the same for every group: the moves it starts with and those of the other
// fixed items (before), and those of sleep and the blocks with no place
// (after). A group's sessions add theirs in between.
type weekEdges struct {
	beforeS, beforeE, afterS, afterE []int
}

// shiftEdgesFor returns the moves of the start (ds) and end (de) of shift
// item i, in 5-minute steps within 4 hours, at which a new time can be
// best for a group with candidates cands: no move, the first moves beyond
// the flex, the limits, and every move at which getting to work after an
// item, or from work to an item (the week's others and the candidates),
// starts or stops working (with travel at the rush factor of its
// departure). The week's part is worked out once per item and kept in
// s.edges.
func (s *solver) shiftEdgesFor(i int, flex Flex, cands []item) (starts, ends []int) {
	m := s.m
	it := &m.items[i]
	we, ok := s.edges[i]
	if !ok {
		others := make([]*item, 0, len(m.items))
		for k := range m.items {
			if k != i {
				others = append(others, &m.items[k])
			}
		}
		we.beforeS = []int{0, -flex.StartEarlier - askStep, flex.StartLater + askStep, -askMaxMove, askMaxMove}
		we.beforeE = []int{0, -flex.EndEarlier - askStep, flex.EndLater + askStep, -askMaxMove, askMaxMove}
		we.beforeS, we.beforeE = m.itemEdges(it, others, we.beforeS, we.beforeE)
		we.afterS, we.afterE = m.sleepEdges(it, nil, nil)
		if s.edges == nil {
			s.edges = map[int]weekEdges{}
		}
		s.edges[i] = we
	}
	others := make([]*item, len(cands))
	for k := range cands {
		others[k] = &cands[k]
	}
	starts = append([]int(nil), we.beforeS...)
	ends = append([]int(nil), we.beforeE...)
	starts, ends = m.itemEdges(it, others, starts, ends)
	return append(starts, we.afterS...), append(ends, we.afterE...)
}

// itemEdges adds to starts and ends the moves of shift it at which getting
// there after, or away before, one of others starts or stops working.
func (m *model) itemEdges(it *item, others []*item, starts, ends []int) ([]int, []int) {
	for _, x := range others {
		xs, xe := m.nearLap(x, it.start)
		if xe <= it.start+askMaxMove && xe >= it.start-askMaxMove-2*m.maxLeg {
			starts = flips(starts, func(d int) bool {
				t := m.transferBetween(x.place, xe, it.place, it.start+d)
				return xe <= it.start+d && !t.noRoute && !t.late
			})
		}
		if xs >= it.end-askMaxMove && xs <= it.end+askMaxMove+2*m.maxLeg {
			ends = flips(ends, func(d int) bool {
				t := m.transferBetween(it.place, it.end+d, x.place, xs)
				return it.end+d <= xs && !t.noRoute && !t.late
			})
		}
	}
	return starts, ends
}

// sleepEdges adds to starts and ends the moves of shift it at which getting
// there from home after sleep, or home before it, starts or stops working.
func (m *model) sleepEdges(it *item, starts, ends []int) ([]int, []int) {
	for _, b := range m.free {
		for _, lap := range [3]int{-m.L, 0, m.L} {
			bs, be := b.start+lap, b.end+lap
			if be <= it.start+askMaxMove && be >= it.start-askMaxMove-2*m.maxLeg {
				starts = flips(starts, func(d int) bool {
					t := m.transferBetween(homePlace, be, it.place, it.start+d)
					return be <= it.start+d && !t.noRoute && !t.late
				})
			}
			if bs >= it.end-askMaxMove && bs <= it.end+askMaxMove+2*m.maxLeg {
				ends = flips(ends, func(d int) bool {
					t := m.transferBetween(it.place, it.end+d, homePlace, bs)
					return it.end+d <= bs && !t.noRoute && !t.late
				})
			}
		}
	}
	return starts, ends
}

// flips adds to moves every move of the 5-minute grid within 4 hours at
// which ok changes, on both sides of the change.
func flips(moves []int, ok func(d int) bool) []int {
	prev := ok(-askMaxMove)
	for d := -askMaxMove + askStep; d <= askMaxMove; d += askStep {
		if cur := ok(d); cur != prev {
			moves = append(moves, d-askStep, d)
			prev = cur
		}
	}
	return moves
}

// changeMoves combines the moves of start and end into the new times worth
// trying: every pair, and each move with the other edge keeping the
// shift's length or its shortest allowed length. Moves within the flex,
// too far, too short, or starting on another day are left out.
func changeMoves(from Clock, flex Flex, starts, ends []int) [][2]int {
	length := from.Minutes()
	short := func(d int) int { return ceilStep(d) }
	var pairs [][2]int
	for _, ds := range starts {
		pairs = append(pairs, [2]int{ds, ds}, [2]int{ds, short(askMinMinutes - length + ds)})
		for _, de := range ends {
			pairs = append(pairs, [2]int{ds, de})
		}
	}
	for _, de := range ends {
		pairs = append(pairs, [2]int{de, de}, [2]int{-ceilStep(askMinMinutes - length - de), de})
	}
	seen := make(map[[2]int]bool, len(pairs))
	out := make([][2]int, 0, len(pairs))
	for _, p := range pairs {
		ds, de := p[0], p[1]
		if seen[p] || !validMove(from, flex, ds, de) {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	return out
}

// ceilStep rounds d up to a multiple of askStep.
func ceilStep(d int) int {
	r := mod(d, askStep)
	if r == 0 {
		return d
	}
	return d + askStep - r
}

// validMove reports whether moving from's start by ds and end by de is a
// shift change an ask may make: in steps of 5 minutes, at most 4 hours,
// at least 1 hour and less than a day long, starting the same day, and
// beyond the flex.
func validMove(from Clock, flex Flex, ds, de int) bool {
	if ds%askStep != 0 || de%askStep != 0 || ds < -askMaxMove || ds > askMaxMove || de < -askMaxMove || de > askMaxMove {
		return false
	}
	if n := from.Minutes() + de - ds; n < askMinMinutes || n >= MinutesPerDay || from.Start+ds < 0 || from.Start+ds >= MinutesPerDay {
		return false
	}
	return ds < -flex.StartEarlier || ds > flex.StartLater || de < -flex.EndEarlier || de > flex.EndLater
}

// moveCost returns a day's lost pay and moved minutes of a change.
func moveCost(ds, de int) (int, int) {
	return max(0, ds-de), abs(ds) + abs(de)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// changeOpts lists the new times of job j's shifts at times from that can
// help group gi, cheapest first, each with the occurrences (indexes into
// occs) on which it lets a session the shift rules out be attended and
// overlaps no sleep.
func (s *solver) changeOpts(gi int, occs []shiftOcc, j int, from Clock) []shiftOpt {
	m := s.m
	flex := m.sc.Jobs[j].Flex
	var mine []int
	var starts, ends []int
	for oi, o := range occs {
		if o.job != j || o.from != from || len(o.blocked) == 0 {
			continue
		}
		mine = append(mine, oi)
		st, en := s.shiftEdgesFor(o.item, flex, s.cands[gi])
		starts, ends = append(starts, st...), append(ends, en...)
	}
	if len(mine) == 0 {
		return nil
	}
	var out []shiftOpt
	// each occurrence adds the same moves again: keep each once, in the
	// order first given, so that the new times and their order are the same
	for _, p := range changeMoves(from, flex, firstEach(starts), firstEach(ends)) {
		opt := shiftOpt{ds: p[0], de: p[1]}
		opt.lost, opt.moved = moveCost(p[0], p[1])
		for _, oi := range mine {
			if s.changeHelps(&occs[oi], gi, p[0], p[1]) {
				opt.days = append(opt.days, oi)
			}
		}
		if len(opt.days) > 0 {
			out = append(out, opt)
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].lost != out[b].lost {
			return out[a].lost < out[b].lost
		}
		return out[a].moved < out[b].moved
	})
	return out
}

// firstEach returns xs with each value kept only where it first occurs.
func firstEach(xs []int) []int {
	seen := make(map[int]bool, len(xs))
	out := xs[:0:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// changeHelps reports whether occurrence o moved by ds and de overlaps no
// sleep and lets at least one session it rules out now be attended.
func (s *solver) changeHelps(o *shiftOcc, gi, ds, de int) bool {
	m := s.m
	it := &m.items[o.item]
	a, b := it.start+ds, it.end+de
	if m.freeClash(a, b) >= 0 || !m.sleepReach(a, b, it.place) {
		return false
	}
	for _, k := range o.blocked {
		if m.compatible(a, b, it.place, &s.cands[gi][k]) {
			return true
		}
	}
	return false
}

// sleepReach reports whether a shift from a to b at place leaves time to get
// there from home after the sleep before it, and home before the sleep
// after it, with travel at the rush factor of its departure.
func (m *model) sleepReach(a, b, place int) bool {
	for _, bl := range m.free {
		if bl.kind != KindSleep {
			continue
		}
		for _, lap := range [3]int{-m.L, 0, m.L} {
			bs, be := bl.start+lap, bl.end+lap
			if be <= a && be > a-MinutesPerDay {
				if t := m.transferBetween(homePlace, be, place, a); t.noRoute || t.late {
					return false
				}
			}
			if bs >= b && bs < b+MinutesPerDay {
				if t := m.transferBetween(place, b, homePlace, bs); t.noRoute || t.late {
					return false
				}
			}
		}
	}
	return true
}
