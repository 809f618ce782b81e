package planner

import (
	"sort"
)

// segChoice is one way of choosing sessions inside one segment.
type segChoice struct {
	sess    []int // the group's candidate indexes
	entries []segEntry
	week    []int  // session days per week of the cycle
	mins    []int  // session minutes per week
	dayMask uint64 // cycle-days used (week*7 + day)
}

type segPick struct {
	seg   int
	sess  []int
	entry segEntry
}

// unitPick is one way of attending in one unit (a set of linked weeks).
type unitPick struct {
	key   rankKey
	tie   []int
	picks []segPick
}

type groupSpace struct {
	segs    []int         // segments with candidates, in cycle order
	choices [][]segChoice // per entry of segs
	base    []int32       // baseline travel per entry of segs
	units   [][]int       // weeks per unit
	segUnit []int         // unit of each entry of segs
}

// sessionsIn places a group's candidates into a segment's frame.
func (s *solver) sessionsIn(gi int, ks []int) []item {
	out := make([]item, len(ks))
	for i, k := range ks {
		it := s.cands[gi][k]
		off := s.where[s.first[gi]+k].off
		it.start, it.end, it.dayStart = it.start+off, it.end+off, it.dayStart+off
		out[i] = it
	}
	return out
}

// priceKey names a segment with sessions by what its price depends on: the
// sessions' times and place.
type priceKey struct {
	seg  fingerprint
	n    int
	sess [3][4]int32
}

// price returns the Pareto front of a segment with these sessions, cached by
// the sessions' times and place.
func (s *solver) price(gi, seg int, ks []int, trace bool) []segEntry {
	if len(ks) <= len(priceKey{}.sess) {
		key := priceKey{seg: s.segPrints[seg], n: len(ks)}
		for i, k := range ks {
			c := &s.cands[gi][k]
			off := int32(s.where[s.first[gi]+k].off)
			key.sess[i] = [4]int32{int32(c.start) + off, int32(c.end) + off, int32(c.place), int32(c.dayStart) + off}
		}
		if e, ok := s.lookup(key, trace); ok {
			return e
		}
	}
	return s.priceItems(seg, s.sessionsIn(gi, ks), trace)
}

// priceItems prices a segment with sessions placed in its frame, through the
// caches: this solve's for traced prices (their bends name items of this
// week), the caller's Cache for the others.
func (s *solver) priceItems(seg int, sess []item, trace bool) []segEntry {
	key := priceKey{seg: s.segPrints[seg], n: len(sess)}
	cacheable := len(sess) <= len(key.sess)
	if cacheable {
		for i, it := range sess {
			key.sess[i] = [4]int32{int32(it.start), int32(it.end), int32(it.place), int32(it.dayStart)}
		}
		if e, ok := s.lookup(key, trace); ok {
			return e
		}
	}
	e := s.m.solveSegment(&s.segs[seg], sess, trace, s.scr)
	if cacheable && !s.bud.halted() {
		s.store(key, e, trace)
	}
	return e
}

func (s *solver) lookup(k priceKey, trace bool) ([]segEntry, bool) {
	if trace {
		e, ok := s.traced[k]
		return e, ok
	}
	return s.cache.get(k)
}

func (s *solver) store(k priceKey, e []segEntry, trace bool) {
	if trace {
		if s.traced == nil {
			s.traced = map[priceKey][]segEntry{}
		}
		s.traced[k] = e
		return
	}
	s.cache.put(k, e)
}

// space lays out a group's choices per segment.
func (s *solver) space(gi int) *groupSpace {
	g := s.groups[gi]
	m := s.m
	bySeg := map[int][]int{}
	for k := range s.cands[gi] {
		seg := s.where[s.first[gi]+k].seg
		bySeg[seg] = append(bySeg[seg], k)
	}
	sp := &groupSpace{}
	for seg := range bySeg {
		sp.segs = append(sp.segs, seg)
	}
	sort.Ints(sp.segs)
	parent := make([]int, m.weeks)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			x = parent[x]
		}
		return x
	}
	for _, seg := range sp.segs {
		ks := bySeg[seg]
		byDay := map[int][]int{}
		var days []int
		for _, k := range ks {
			c := &s.cands[gi][k]
			cd := c.week*7 + int(c.day)
			if _, ok := byDay[cd]; !ok {
				days = append(days, cd)
			}
			byDay[cd] = append(byDay[cd], k)
			if w0 := s.cands[gi][ks[0]].week; find(c.week) != find(w0) {
				parent[find(c.week)] = find(w0)
			}
		}
		sort.Ints(days)
		sp.choices = append(sp.choices, s.choicesFor(gi, g, seg, days, byDay))
		sp.base = append(sp.base, s.segBase(seg))
	}
	unitOf := map[int]int{}
	for w := 0; w < m.weeks; w++ {
		r := find(w)
		if _, ok := unitOf[r]; !ok {
			unitOf[r] = len(sp.units)
			sp.units = append(sp.units, nil)
		}
		sp.units[unitOf[r]] = append(sp.units[unitOf[r]], w)
	}
	for _, seg := range sp.segs {
		w := s.cands[gi][bySeg[seg][0]].week
		sp.segUnit = append(sp.segUnit, unitOf[find(w)])
	}
	return sp
}

// segBase is the segment's travel with no sessions (and so no bends).
func (s *solver) segBase(seg int) int32 {
	if e := s.priceItems(seg, nil, false); len(e) > 0 {
		return e[0].c.travel
	}
	return 0
}

// noSessionEntries is the price of a segment's choice without sessions, in
// its own terms (the segment's base is added apart); read only.
var noSessionEntries = []segEntry{{}}

// choicesFor lists every way of picking at most one session a day in a segment.
func (s *solver) choicesFor(gi int, g group, seg int, days []int, byDay map[int][]int) []segChoice {
	// at most one choice per session or none on each day: made at that
	// size (up to a bound), the list does not grow as it is filled
	most := 1
	for _, d := range days {
		most = min(most*(len(byDay[d])+1), 256)
	}
	out := make([]segChoice, 0, most)
	cur := make([]int, 0, len(days))
	var rec func(d int)
	rec = func(d int) {
		if !s.bud.step() {
			return // the solve stops; the choices so far are priced in full
		}
		if d == len(days) {
			ch := segChoice{sess: append([]int(nil), cur...), week: make([]int, s.m.weeks), mins: make([]int, s.m.weeks)}
			for _, k := range cur {
				c := &s.cands[gi][k]
				ch.week[c.week]++
				ch.mins[c.week] += c.clock.Minutes()
				ch.dayMask |= 1 << uint(c.week*7+int(c.day))
			}
			if len(cur) == 0 {
				ch.entries = noSessionEntries
			} else {
				ch.entries = s.price(gi, seg, cur, false)
			}
			if len(ch.entries) > 0 {
				out = append(out, ch)
			}
			return
		}
		cd := days[d]
		if !s.required(g, cd/7, Day(cd%7)) {
			rec(d + 1)
		}
		for _, k := range byDay[cd] {
			cur = append(cur, k)
			rec(d + 1)
			cur = cur[:len(cur)-1]
		}
	}
	rec(0)
	return out
}

// planCand is a ranked plan before it is turned into a Plan.
type planCand struct {
	key   rankKey
	tie   []int
	gi    int
	units [][]unitPick // one pick per unit, idx[u] of units[u]
	idx   []int
	sess  []*item // sessions found by the exhaustive search
	bends []bend  // bends found by the exhaustive search
	cov   []bool  // covers found by the exhaustive search
}

func (a *planCand) less(b *planCand) bool {
	if c := a.key.cmp(b.key); c != 0 {
		return c < 0
	}
	if a.gi != b.gi {
		return a.gi < b.gi
	}
	return cmpInts(a.tie, b.tie) < 0
}

// solveGroup returns the group's best plans that can still enter the top
// (those not worse than bound, when bound is set), and whether any plan fits.
func (s *solver) solveGroup(gi int, bound *rankKey) ([]planCand, bool) {
	sp := s.space(gi)
	searches := make([]*unitSearch, len(sp.units))
	for u := range sp.units {
		searches[u] = s.newUnitSearch(gi, sp, u)
	}
	lists := make([][]unitPick, len(sp.units))
	for u, us := range searches {
		if bound != nil {
			rest := rankKey{}
			for v, other := range searches {
				if v != u {
					rest = rest.plus(other.lbU[0])
				}
			}
			us.bound, us.rest = bound, rest
		}
		us.dfs(0, rankKey{})
		lists[u] = us.best
		if len(lists[u]) == 0 {
			defer s.doneWith(searches)
			if s.bud.halted() {
				return nil, false
			}
			return nil, s.anyFits(searches)
		}
	}
	defer s.doneWith(searches) // the plans below keep lists, not the searches
	merge := s.bud
	if merge.halted() {
		merge = nil // the lists were cut short, but what they hold fits: merge it
	}
	var out []planCand
	for _, idx := range kBest(lists, sp.units, s.m.weeks, s.opt.Top, merge) {
		c := planCand{gi: gi, units: lists, idx: idx}
		var sess []*item
		for u, i := range idx {
			up := &lists[u][i]
			c.key = c.key.plus(up.key)
			for _, pk := range up.picks {
				for _, k := range pk.sess {
					sess = append(sess, &s.cands[gi][k])
				}
			}
		}
		c.tie = tieOf(sess, s.allWeeks)
		out = append(out, c)
	}
	return out, true
}

// anyFits reports whether every unit has at least one way of attending.
func (s *solver) anyFits(searches []*unitSearch) bool {
	for _, us := range searches {
		us.bound, us.best, us.k, us.firstOnly, us.found = nil, nil, 1, true, false
		us.dfs(0, rankKey{})
		if !us.found {
			return false
		}
	}
	return true
}
