package planner

import (
	"fmt"
	"sort"
)

// manyDays reports whether a shift's choices hold two days or more, so that
// two asks of it can be on different days.
func (f *fixSearch) manyDays(opts []shiftOpt) bool {
	seen := map[WeekDay]bool{}
	for _, o := range opts {
		for _, d := range o.days {
			if o.off {
				seen[f.offs[d].at] = true
			} else {
				seen[f.occs[d].at] = true
			}
		}
	}
	return len(seen) > 1
}

// addShiftKeys adds a shift ask for each shift time of each job that has
// days off or new times that could help: its choices cheapest first, and a
// second copy when two asks of it could be on different days.
func (f *fixSearch) addShiftKeys() {
	type shiftKey struct {
		job  int
		from Clock
	}
	var order []shiftKey
	offsOf := map[shiftKey][]int{}
	for i, o := range f.offs {
		k := shiftKey{o.job, o.from}
		if _, ok := offsOf[k]; !ok {
			order = append(order, k)
		}
		offsOf[k] = append(offsOf[k], i)
	}
	for _, o := range f.occs {
		if k := (shiftKey{o.job, o.from}); len(o.blocked) > 0 && offsOf[k] == nil {
			order = append(order, k)
			offsOf[k] = []int{}
		}
	}
	for _, k := range order {
		key := askKey{kind: AskShift, job: k.job, from: k.from}
		if offs := offsOf[k]; len(offs) > 0 {
			key.opts = append(key.opts, shiftOpt{off: true, days: offs, lost: k.from.Minutes()})
		}
		key.opts = append(key.opts, f.s.changeOpts(f.gi, f.occs, k.job, k.from)...)
		sort.SliceStable(key.opts, func(a, b int) bool {
			x, y := &key.opts[a], &key.opts[b]
			return x.lost < y.lost || (x.lost == y.lost && x.moved < y.moved)
		})
		if len(key.opts) == 0 {
			continue
		}
		f.keys = append(f.keys, key)
		if len(key.opts) > 1 && f.s.opt.MaxAsks != 1 && f.manyDays(key.opts) {
			key.second = true
			f.keys = append(f.keys, key)
		}
	}
}

// newFixSearch lists the asks that could help group gi: days off and new
// times of each shift time of each job, a raise of each job's budget that
// can matter, and covers of each commitment by each party.
func newFixSearch(s *solver, gi int) *fixSearch {
	f := &fixSearch{s: s, g: s.groups[gi], gi: gi, offs: s.offsThatMatter(gi), occs: s.shiftOccs(gi), covers: coverDays(s.m)}
	f.comBlock = s.commitmentBlocks(gi)
	f.freed = make([][]freedAt, len(f.occs))
	f.indexOccs()
	for oi := range f.occs {
		f.hard = append(f.hard, s.hardBlocked(&f.occs[oi], gi))
	}
	f.addShiftKeys()
	for j := range s.m.sc.Jobs {
		if up := raiseUpper(s.m.sc, j); up > 0 {
			f.keys = append(f.keys, askKey{kind: AskUnpaid, job: j, up: up})
		}
	}
	for i, c := range f.covers {
		k := -1
		for x, key := range f.keys {
			if key.kind == AskCover && key.com == c.com && f.covers[key.cand[0]].party == c.party {
				k = x
			}
		}
		if k < 0 {
			f.keys = append(f.keys, askKey{kind: AskCover, com: c.com})
			k = len(f.keys) - 1
		}
		f.keys[k].cand = append(f.keys[k].cand, i)
	}
	return f
}

// offsThatMatter lists the shift occurrences that a day off could help
// group gi with: those in a stretch of the week between two times at home
// that holds a session of the group. A day off elsewhere only loses pay, as
// long as the week without sessions fits (no warnings) and has such times.
func (s *solver) offsThatMatter(gi int) []offDay {
	all := offDays(s.m.sc)
	if s.cyclic || len(s.m.warnings) > 0 {
		return all
	}
	withSession := map[int]bool{}
	for k := range s.cands[gi] {
		withSession[s.where[s.first[gi]+k].seg] = true
	}
	segOf := map[int]int{}
	for si, seg := range s.segs {
		for _, i := range seg.fixed {
			segOf[i] = si
		}
	}
	out := all[:0]
	for _, o := range all {
		keep := false
		for i := range s.m.items {
			it := &s.m.items[i]
			if it.kind == kShift && it.job == o.job && it.week+1 == o.at.Week && it.day == o.at.Day && it.clock == o.from {
				si, ok := segOf[i]
				keep = keep || !ok || withSession[si]
			}
		}
		if keep {
			out = append(out, o)
		}
	}
	return out
}

// neverFits reports whether no ask can make group gi fit, because asks add
// no sessions: in some week its sessions fall on fewer days than the
// program's minimum, or add up to less than its weekly minimum time even
// taking the longest each day. It says why in words.
func (s *solver) neverFits(gi int) (string, bool) {
	m := s.m
	p := &m.sc.Programs[s.groups[gi].prog]
	need := max(p.MinDays, 1)
	for w := 0; w < m.weeks; w++ {
		best := map[Day]int{}
		for _, c := range s.cands[gi] {
			if c.week == w {
				best[c.day] = max(best[c.day], c.clock.Minutes())
			}
		}
		total := 0
		for _, v := range best {
			total += v
		}
		pre := m.weekPrefix(w)
		if len(best) < need {
			return fmt.Sprintf("%sits sessions fall on %d day(s) a week; the program needs at least %d", pre, len(best), need), true
		}
		if total < p.MinMinutes {
			return fmt.Sprintf("%sits sessions add up to at most %s a week; the program needs %s", pre, hours(total), hours(p.MinMinutes)), true
		}
	}
	return "", false
}

// raiseUpper returns the largest raise of job j's weekly unpaid budget that
// can matter: the most its shifts may shrink within the flex in any week,
// less what it allows already.
func raiseUpper(sc *Scenario, j int) int {
	job := &sc.Jobs[j]
	most := 0
	for w := 1; w <= sc.Weeks(); w++ {
		n := 0
		for _, sp := range job.Shifts {
			if sp.InWeek(w) {
				n += sp.Days.Count() * min(sp.Time.Minutes(), job.Flex.StartLater+job.Flex.EndEarlier)
			}
		}
		most = max(most, n)
	}
	return most - job.MaxUnpaid
}
