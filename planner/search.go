package planner

import (
	"cmp"
	"slices"
	"sort"
)

// unitSearch is the state of the depth-first search over one unit.
type unitSearch struct {
	s      *solver
	gi     int
	sp     *groupSpace
	order  []int // entries of sp.segs in this unit
	weeks  []int
	lbU    []rankKey // suffix lower bounds of unpaid, moved, travel
	maxDay [][]int   // suffix of most session days per week
	maxMin [][]int
	jwU    []int
	days   []int
	mins   []int
	picks  []segPick
	used   uint64 // cycle-days with a session so far
	homeW  []int  // latest return home so far per week of the cycle, -1 none
	best   []unitPick
	k      int
	bound  *rankKey // the worst key that can still enter the top, if set
	rest   rankKey  // lower bound of the group's other units
	// firstOnly stops at the first way of attending; found says one was seen.
	firstOnly, found bool
	noBudget         bool // ignore the jobs' unpaid budgets (to explain them)
	sessBuf          []*item
	tieBuf           []int      // leaf's tie, until it enters best
	spare            []unitPick // picks that left best: their lists are reused
	slab             []int      // the memory of maxDay and maxMin
}

// reuse returns buf as n zero values, in its own memory when it has room.
func reuse[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// doneWith gives searches back to the solver for newUnitSearch to reuse. Their
// best lists are dropped, not reused: the plans made from them keep them.
func (s *solver) doneWith(searches []*unitSearch) {
	for _, us := range searches {
		us.best = nil
	}
	s.searches = append(s.searches, searches...)
}

func (s *solver) newUnitSearch(gi int, sp *groupSpace, u int) *unitSearch {
	// a search the solver is done with lends its lists (reuse); what its
	// best list held went with the plans made from it
	us := &unitSearch{}
	if n := len(s.searches); n > 0 {
		us, s.searches = s.searches[n-1], s.searches[:n-1]
	}
	weeks := s.m.weeks
	*us = unitSearch{s: s, gi: gi, sp: sp, weeks: sp.units[u], k: s.opt.Top, // the lists read before it is written
		jwU: reuse(us.jwU, len(s.m.sc.Jobs)*weeks), days: reuse(us.days, weeks), mins: reuse(us.mins, weeks),
		homeW: reuse(us.homeW, weeks), order: us.order[:0], picks: us.picks[:0],
		sessBuf: us.sessBuf[:0], tieBuf: us.tieBuf[:0], spare: us.spare,
		lbU: us.lbU, maxDay: us.maxDay, maxMin: us.maxMin, slab: us.slab}
	for w := range us.homeW {
		us.homeW[w] = -1
	}
	for i := range sp.segs {
		if sp.segUnit[i] == u {
			us.order = append(us.order, i)
		}
	}
	n := len(us.order)
	us.picks = slices.Grow(us.picks, n) // one a segment, down to a leaf
	us.lbU = reuse(us.lbU, n+1)
	us.maxDay, us.maxMin = reuse(us.maxDay, n+1), reuse(us.maxMin, n+1)
	// every per-week list below cut from one block
	us.slab = reuse(us.slab, (2*(n+1)+2)*weeks)
	slab := us.slab
	cut := func() []int {
		x := slab[:weeks:weeks]
		slab = slab[weeks:]
		return x
	}
	us.maxDay[n], us.maxMin[n] = cut(), cut()
	md, mm := cut(), cut()
	for i := n - 1; i >= 0; i-- {
		e := us.order[i]
		best := rankKey{unpaid: 1 << 30}
		us.maxDay[i], us.maxMin[i] = cut(), cut()
		copy(us.maxDay[i], us.maxDay[i+1])
		copy(us.maxMin[i], us.maxMin[i+1])
		clear(md)
		clear(mm)
		for _, ch := range sp.choices[e] {
			for w := range md {
				md[w], mm[w] = max(md[w], ch.week[w]), max(mm[w], ch.mins[w])
			}
			for _, en := range ch.entries {
				k := rankKey{unpaid: int(en.c.sumU), moved: int(en.c.moved), covers: int(en.c.covers), travel: int(en.c.travel - sp.base[e])}
				if len(ch.sess) == 0 {
					k.travel = 0
				}
				if k.cmp(best) < 0 {
					best = k
				}
			}
		}
		for w := range md {
			us.maxDay[i][w] += md[w]
			us.maxMin[i][w] += mm[w]
		}
		us.lbU[i] = us.lbU[i+1].plus(best)
	}
	return us
}

func (us *unitSearch) dfs(i int, acc rankKey) {
	s, p := us.s, &us.s.m.sc.Programs[us.s.groups[us.gi].prog]
	if !s.bud.step() {
		return
	}
	need := max(p.MinDays, 1)
	for _, w := range us.weeks {
		if us.days[w]+us.maxDay[i][w] < need || us.mins[w]+us.maxMin[i][w] < p.MinMinutes {
			return
		}
	}
	if us.firstOnly && us.found {
		return
	}
	if !us.firstOnly {
		lb := us.withHome(acc).plus(us.lbU[i])
		for _, w := range us.weeks {
			lb.extra += max(0, us.mins[w]-p.MinMinutes)
		}
		if us.worse(lb) {
			return
		}
	}
	if i == len(us.order) {
		us.leaf(acc, p, need)
		return
	}
	e := us.order[i]
	seg := us.sp.segs[e]
	jws := s.segs[seg].jws
	for _, ch := range us.sp.choices[e] {
		if us.used&ch.dayMask != 0 {
			continue
		}
		us.used |= ch.dayMask
		for w := range ch.week {
			us.days[w] += ch.week[w]
			us.mins[w] += ch.mins[w]
		}
		for _, en := range ch.entries {
			ok := true
			for j, jw := range jws {
				us.jwU[jw] += int(en.c.unpaid[j])
				if us.jwU[jw] > s.m.sc.Jobs[jw/s.m.weeks].MaxUnpaid && !us.noBudget {
					ok = false
				}
			}
			if ok {
				k := rankKey{unpaid: int(en.c.sumU), moved: int(en.c.moved), covers: int(en.c.covers), travel: int(en.c.travel - us.sp.base[e])}
				if len(ch.sess) == 0 {
					k.travel = 0
				}
				saved := us.addHomes(&en.c)
				us.picks = append(us.picks, segPick{seg: seg, sess: ch.sess, entry: en})
				us.dfs(i+1, acc.plus(k))
				us.picks = us.picks[:len(us.picks)-1]
				us.restoreHomes(&en.c, saved)
			}
			for j, jw := range jws {
				us.jwU[jw] -= int(en.c.unpaid[j])
			}
		}
		for w := range ch.week {
			us.days[w] -= ch.week[w]
			us.mins[w] -= ch.mins[w]
		}
		us.used &^= ch.dayMask
	}
}

// worse reports whether a unit key (or a lower bound of one) cannot enter the
// unit's list or the overall top.
func (us *unitSearch) worse(k rankKey) bool {
	if len(us.best) >= us.k && k.cmp(us.best[len(us.best)-1].key) > 0 {
		return true
	}
	return us.bound != nil && k.plus(us.rest).cmp(*us.bound) > 0
}

// addHomes takes a segment's latest returns home into the weeks' latest,
// returning what they were.
func (us *unitSearch) addHomes(c *dcost) [2]int {
	var saved [2]int
	for i, hw := range c.hw {
		if hw > 0 {
			saved[i] = us.homeW[hw-1]
			us.homeW[hw-1] = max(us.homeW[hw-1], int(c.home[i]))
		}
	}
	return saved
}

func (us *unitSearch) restoreHomes(c *dcost, saved [2]int) {
	for i := len(c.hw) - 1; i >= 0; i-- {
		if hw := c.hw[i]; hw > 0 {
			us.homeW[hw-1] = saved[i]
		}
	}
}

// withHome adds the unit's weeks' latest returns home (so far) to a key.
func (us *unitSearch) withHome(k rankKey) rankKey {
	for _, w := range us.weeks {
		if h := us.homeW[w]; h >= 0 {
			k.home += h
			k.latest = max(k.latest, h)
		}
	}
	return k
}

func (us *unitSearch) leaf(acc rankKey, p *Program, need int) {
	acc = us.withHome(acc)
	for _, w := range us.weeks {
		if us.days[w] < need || us.mins[w] < p.MinMinutes {
			return
		}
		acc.extra += us.mins[w] - p.MinMinutes
	}
	us.found = true
	if us.firstOnly || us.worse(acc) {
		return
	}
	sess := us.sessBuf[:0] // tieOf keeps none of it
	for _, pk := range us.picks {
		for _, k := range pk.sess {
			sess = append(sess, &us.s.cands[us.gi][k])
		}
	}
	us.sessBuf = sess
	tie := tieInto(us.tieBuf[:0], sess, us.weeks)
	us.tieBuf = tie
	// the same sessions with other bends count once, at their best
	for i := range us.best {
		if cmpInts(us.best[i].tie, tie) == 0 {
			if us.best[i].key.cmp(acc) <= 0 {
				return
			}
			us.spare = append(us.spare, us.best[i])
			us.best = append(us.best[:i], us.best[i+1:]...)
			break
		}
	}
	pos := sort.Search(len(us.best), func(i int) bool {
		c := us.best[i].key.cmp(acc)
		return c > 0 || (c == 0 && cmpInts(us.best[i].tie, tie) > 0)
	})
	if pos >= us.k {
		return
	}
	// the lists of a pick that left the list serve the new one
	var up unitPick
	if n := len(us.spare); n > 0 {
		up, us.spare = us.spare[n-1], us.spare[:n-1]
	}
	up = unitPick{key: acc, tie: append(up.tie[:0], tie...), picks: append(up.picks[:0], us.picks...)}
	us.best = append(us.best, unitPick{})
	copy(us.best[pos+1:], us.best[pos:])
	us.best[pos] = up
	if len(us.best) > us.k {
		us.spare = append(us.spare, us.best[us.k])
		us.best = us.best[:us.k]
	}
}

// tieOf orders plans with equal keys: week by week, by session start, end and
// track, a shorter list first.
func tieOf(sess []*item, weeks []int) []int {
	return tieInto(make([]int, 0, 3*len(sess)+len(weeks)), sess, weeks)
}

// tieInto is tieOf, appended to out.
func tieInto(out []int, sess []*item, weeks []int) []int {
	slices.SortStableFunc(sess, func(a, b *item) int { return cmp.Compare(a.dayStart, b.dayStart) })
	for _, w := range weeks {
		for _, it := range sess {
			if it.week == w {
				out = append(out, it.week*MinutesPerWeek+int(it.day)*MinutesPerDay+it.clock.Start, it.clock.End, it.track)
			}
		}
		out = append(out, -1)
	}
	return out
}
