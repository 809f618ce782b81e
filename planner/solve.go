package planner

import (
	"container/heap"
	"fmt"
	"sort"
	"strings"
)

// rankKey is what plans are ranked by, best first: fewer unpaid minutes, fewer
// moved minutes, less travel, fewer session minutes beyond the minimum, then an
// earlier return home.
type rankKey struct {
	unpaid, moved, travel, extra, home int
}

func (a rankKey) cmp(b rankKey) int {
	for _, d := range [5]int{a.unpaid - b.unpaid, a.moved - b.moved, a.travel - b.travel, a.extra - b.extra, a.home - b.home} {
		if d != 0 {
			return d
		}
	}
	return 0
}

// plus adds the costs of two weeks; the return home is the later of the two.
func (a rankKey) plus(b rankKey) rankKey {
	return rankKey{a.unpaid + b.unpaid, a.moved + b.moved, a.travel + b.travel, a.extra + b.extra, max(a.home, b.home)}
}

// weekOpt is one way of attending in one week: its sessions, bends and cost.
type weekOpt struct {
	sel   []sinst
	bends []bend
	key   rankKey
	order []int // key, then the sessions, for a total order
}

func cmpInts(a, b []int) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] - b[i]
		}
	}
	return len(a) - len(b)
}

// Solve finds the plans that fit the scenario, best first, and why the tracks
// without a plan do not fit. It returns an error only for a scenario that
// ParseScenario would refuse.
func Solve(sc *Scenario, opt Options) (*Result, error) {
	if sc == nil {
		return nil, fmt.Errorf("solve: no scenario")
	}
	if opt.Top <= 0 {
		opt.Top = DefaultTop
	}
	m := compile(sc)
	res := &Result{Warnings: append([]string(nil), m.warnings...)}
	var plans []Plan
	for pi := range sc.Programs {
		p := &sc.Programs[pi]
		if len(opt.Programs) > 0 && !containsStr(opt.Programs, p.ID) {
			continue
		}
		for gi, tracks := range groups(p) {
			g := m.solveGroup(pi, gi, tracks, opt)
			res.Found = satAdd(res.Found, g.found)
			if g.found == 0 {
				name := p.Tracks[tracks[0]].Name
				if p.MixTracks {
					name = MixedTrack
				}
				res.Rejected = append(res.Rejected, Rejection{Program: p.ID, Track: name, Reasons: g.reasons})
				continue
			}
			plans = append(plans, g.plans...)
		}
	}
	sort.SliceStable(plans, func(i, j int) bool { return plans[i].less(&plans[j]) })
	if len(plans) > opt.Top {
		plans = plans[:opt.Top]
	}
	res.Plans = plans
	return res, nil
}

func (a *Plan) less(b *Plan) bool {
	if c := a.key.cmp(b.key); c != 0 {
		return c < 0
	}
	if a.progIdx != b.progIdx {
		return a.progIdx < b.progIdx
	}
	if a.groupIdx != b.groupIdx {
		return a.groupIdx < b.groupIdx
	}
	return cmpInts(a.tie, b.tie) < 0
}

func containsStr(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func satAdd(a, b int) int {
	if a > 1<<50 || b > 1<<50 {
		return 1 << 50
	}
	return a + b
}

// groups lists the sets of tracks a plan may draw from: each track alone, or
// all together for a program that mixes tracks.
func groups(p *Program) [][]int {
	if p.MixTracks {
		all := make([]int, len(p.Tracks))
		for i := range all {
			all[i] = i
		}
		return [][]int{all}
	}
	out := make([][]int, len(p.Tracks))
	for i := range p.Tracks {
		out[i] = []int{i}
	}
	return out
}

type groupResult struct {
	plans   []Plan
	found   int
	reasons []string
}

// instances lists the session occurrences of the given tracks in week w.
func (m *model) instances(pi int, tracks []int, w int) []sinst {
	p := &m.sc.Programs[pi]
	early := m.sc.early(p)
	place := placeOf(p)
	var out []sinst
	for _, t := range tracks {
		for _, sp := range p.Tracks[t].Sessions {
			m.addSpan(w, sp, func(start, end int, d Day) {
				out = append(out, sinst{start: start, end: end, attend: start - early, place: place,
					prog: pi, track: t, week: w, day: d, clock: sp.Time})
			})
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].start != out[b].start {
			return out[a].start < out[b].start
		}
		return out[a].end < out[b].end
	})
	return out
}

type reasons struct {
	list []string
	seen map[string]bool
}

func (r *reasons) add(s string) {
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	if !r.seen[s] {
		r.seen[s] = true
		r.list = append(r.list, s)
	}
}

func (m *model) solveGroup(pi, gi int, tracks []int, opt Options) groupResult {
	p := &m.sc.Programs[pi]
	var why reasons
	weeks := make([][]weekOpt, m.weeks)
	for w := 0; w < m.weeks; w++ {
		weeks[w] = m.solveWeek(pi, tracks, w, opt, &why)
		if len(weeks[w]) == 0 {
			if len(why.list) == 0 {
				why.add(m.weekPrefix(w) + "no combination of sessions fits")
			}
			return groupResult{reasons: why.list}
		}
	}
	found := 1
	for _, l := range weeks {
		found = satMul(found, len(l))
	}
	var plans []Plan
	for _, idx := range topCombos(weeks, opt.Top) {
		plans = append(plans, m.makePlan(pi, gi, tracks, weeks, idx))
	}
	_ = p
	return groupResult{plans: plans, found: found}
}

func satMul(a, b int) int {
	if a != 0 && b > (1<<50)/a {
		return 1 << 50
	}
	return a * b
}

// solveWeek lists every way of attending in week w from the given tracks,
// sorted best first, adding to why the reasons when sessions do not fit.
func (m *model) solveWeek(pi int, tracks []int, w int, opt Options, why *reasons) []weekOpt {
	p := &m.sc.Programs[pi]
	all := m.instances(pi, tracks, w)
	prefix := m.weekPrefix(w)
	var byDay [7][]sinst
	var required [7]*sinst
	daysOffered := DaySet(0)
	for _, r := range opt.Require {
		if r.Program != p.ID || r.Week != w+1 {
			continue
		}
		found := false
		for i := range all {
			if all[i].day == r.Day && all[i].clock == r.Time {
				found = true
				required[r.Day] = &all[i]
			}
		}
		if !found {
			why.add(fmt.Sprintf("%s%s %s is locked but is not a session of this track", prefix, r.Day, r.Time))
			return nil
		}
	}
	for i := range all {
		s := all[i]
		daysOffered = daysOffered.With(s.day)
		if opt.ExcludeDays.Has(s.day) {
			if required[s.day] != nil {
				why.add(fmt.Sprintf("%s%s is excluded but a session on it is locked", prefix, s.day))
				return nil
			}
			continue
		}
		if r := required[s.day]; r != nil && (r.clock != s.clock || r.track != s.track) {
			continue
		}
		one := []sinst{s}
		bends, ok, reason := m.bendsFor(one, true)
		if ok {
			out := m.eval(one, bends, modeSolve)
			ok, reason = out.ok, out.reason
			if !ok {
				if b2, ok2, _ := m.bendsFor(one, false); ok2 {
					out = m.eval(one, b2, modeSolve)
					ok = out.ok
				}
			}
		}
		if !ok {
			if !strings.HasPrefix(reason, m.sessDesc(&s)) {
				reason = m.sessDesc(&s) + ": " + reason
			}
			why.add(reason)
			if required[s.day] != nil {
				return nil
			}
			continue
		}
		byDay[s.day] = append(byDay[s.day], s)
	}
	if daysOffered.Count() < p.MinDays {
		why.add(fmt.Sprintf("%sthe sessions fall on %d day(s) a week (%s); the program needs at least %d", prefix, daysOffered.Count(), joinDays(daysOffered.Days()), p.MinDays))
		return nil
	}
	fitDays, maxMin := DaySet(0), 0
	for d := 0; d < 7; d++ {
		best := 0
		for _, s := range byDay[d] {
			fitDays = fitDays.With(Day(d))
			best = max(best, s.end-s.start)
		}
		maxMin += best
	}
	need := max(p.MinDays, 1)
	if fitDays.Count() < need {
		if fitDays == 0 {
			if len(why.list) == 0 {
				why.add(prefix + "no session fits")
			}
		} else {
			why.add(fmt.Sprintf("%sonly %d session day(s) fit (%s); the program needs at least %d a week", prefix, fitDays.Count(), joinDays(fitDays.Days()), need))
		}
		return nil
	}
	if maxMin < p.MinMinutes {
		why.add(fmt.Sprintf("%sthe sessions that fit add up to %s a week; the program needs %s", prefix, hours(maxMin), hours(p.MinMinutes)))
		return nil
	}
	var opts []weekOpt
	sel := make([]sinst, 0, 7)
	var rec func(d, count, mins int)
	rec = func(d, count, mins int) {
		if d == 7 {
			if count < need || mins < p.MinMinutes {
				return
			}
			if o, ok := m.evalSelection(sel, p, why); ok {
				opts = append(opts, o)
			}
			return
		}
		left := 0
		for e := d; e < 7; e++ {
			if len(byDay[e]) > 0 {
				left++
			}
		}
		if count+left < need {
			return
		}
		if required[d] == nil {
			rec(d+1, count, mins)
		}
		for _, s := range byDay[d] {
			sel = append(sel, s)
			rec(d+1, count+1, mins+s.end-s.start)
			sel = sel[:len(sel)-1]
		}
	}
	rec(0, 0, 0)
	sort.SliceStable(opts, func(i, j int) bool { return cmpInts(opts[i].order, opts[j].order) < 0 })
	return opts
}

// evalSelection prices one week's sessions with the best bends of the shifts.
func (m *model) evalSelection(sel []sinst, p *Program, why *reasons) (weekOpt, bool) {
	bends, ok, reason := m.bendsFor(sel, true)
	var out evalOut
	if ok {
		out = m.eval(sel, bends, modeSolve)
		if !out.ok {
			if b2, ok2, _ := m.bendsFor(sel, false); ok2 {
				if o2 := m.eval(sel, b2, modeSolve); o2.ok {
					bends, out = b2, o2
				}
			}
		}
		ok, reason = out.ok, out.reason
	}
	if !ok {
		if len(why.list) < 12 {
			why.add(reason)
		}
		return weekOpt{}, false
	}
	mins := 0
	for _, s := range sel {
		mins += s.end - s.start
	}
	o := weekOpt{sel: append([]sinst(nil), sel...), bends: bends}
	o.key = rankKey{unpaid: out.unpaid, moved: out.moved, travel: out.travel - m.base, extra: mins - p.MinMinutes, home: out.latestHome}
	o.order = []int{o.key.unpaid, o.key.moved, o.key.travel, o.key.extra, o.key.home, len(sel)}
	for _, s := range sel {
		o.order = append(o.order, s.start, s.end, s.track)
	}
	return o, true
}

func hours(min int) string {
	if min%60 == 0 {
		return fmt.Sprintf("%d h", min/60)
	}
	return fmt.Sprintf("%d h %02d min", min/60, min%60)
}

// comboHeap orders combinations of week options by their summed key.
type combo struct {
	idx   []int
	key   rankKey
	order []int
}

type comboHeap []combo

func (h comboHeap) Len() int { return len(h) }
func (h comboHeap) Less(i, j int) bool {
	if c := h[i].key.cmp(h[j].key); c != 0 {
		return c < 0
	}
	return cmpInts(h[i].order, h[j].order) < 0
}
func (h comboHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *comboHeap) Push(x any)   { *h = append(*h, x.(combo)) }
func (h *comboHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// topCombos returns the k best choices of one option per week, best first.
// Each week's list is sorted, and the combined order is monotone in every
// index, so a best-first walk from (0, 0, ...) is exact.
func topCombos(weeks [][]weekOpt, k int) [][]int {
	mk := func(idx []int) combo {
		c := combo{idx: idx}
		for w, i := range idx {
			if w == 0 {
				c.key = weeks[w][i].key
			} else {
				c.key = c.key.plus(weeks[w][i].key)
			}
			c.order = append(c.order, weeks[w][i].order...)
		}
		return c
	}
	seen := map[string]bool{}
	keyOf := func(idx []int) string { return fmt.Sprint(idx) }
	start := make([]int, len(weeks))
	h := &comboHeap{mk(start)}
	seen[keyOf(start)] = true
	var out [][]int
	for h.Len() > 0 && len(out) < k {
		c := heap.Pop(h).(combo)
		out = append(out, c.idx)
		for w := range c.idx {
			if c.idx[w]+1 >= len(weeks[w]) {
				continue
			}
			n := append([]int(nil), c.idx...)
			n[w]++
			if ks := keyOf(n); !seen[ks] {
				seen[ks] = true
				heap.Push(h, mk(n))
			}
		}
	}
	return out
}

// makePlan turns a choice of one option per week into a Plan.
func (m *model) makePlan(pi, gi int, tracks []int, weeks [][]weekOpt, idx []int) Plan {
	p := &m.sc.Programs[pi]
	pl := Plan{Program: p.ID, ProgramName: p.Name, progIdx: pi, groupIdx: gi}
	used := map[int]bool{}
	for w, i := range idx {
		o := &weeks[w][i]
		if w == 0 {
			pl.key = o.key
		} else {
			pl.key = pl.key.plus(o.key)
		}
		pl.tie = append(pl.tie, o.order...)
		for _, s := range o.sel {
			used[s.track] = true
			pl.Sessions = append(pl.Sessions, Session{Week: w + 1, Day: s.day, Time: s.clock, Track: p.Tracks[s.track].Name})
			pl.SessionMinutes += s.end - s.start
		}
		for it, b := range o.bends {
			if b == (bend{}) {
				continue
			}
			item := &m.items[it]
			to := Clock{Start: mod(item.clock.Start+b.ds, MinutesPerDay), End: mod(item.clock.Start+item.clock.Minutes()+b.de, MinutesPerDay)}
			if to.End == 0 {
				to.End = MinutesPerDay
			}
			pl.ShiftChanges = append(pl.ShiftChanges, ShiftChange{Job: item.name, Week: item.week + 1, Day: item.day, From: item.clock, To: to})
		}
	}
	sort.SliceStable(pl.ShiftChanges, func(a, b int) bool {
		x, y := pl.ShiftChanges[a], pl.ShiftChanges[b]
		if x.Week != y.Week {
			return x.Week < y.Week
		}
		return x.Day < y.Day
	})
	if len(used) > 1 {
		pl.Track = MixedTrack
	} else {
		for t := range used {
			pl.Track = p.Tracks[t].Name
		}
	}
	pl.Covered = append([]Cover(nil), m.covers...)
	pl.UnpaidMinutes, pl.MovedMinutes = pl.key.unpaid, pl.key.moved
	pl.AddedTravel = pl.key.travel
	pl.TravelMinutes = m.base + pl.key.travel
	pl.ExtraMinutes = pl.key.extra
	pl.LatestHome = pl.key.home
	return pl
}
