package planner

import (
	"fmt"
	"sort"
)

// DefaultMaxAsks is how many asks a fix may hold when Options.MaxAsks is 0.
const DefaultMaxAsks = 3

// fixSolveLimit bounds the work of the fix search of one track: the solves
// of weeks with asks applied it may run.
const fixSolveLimit = 500

// FixCutSentence is Rejection.FixNote when the search for fixes stopped
// before it had tried every set of asks.
const FixCutSentence = "the search for the changes that would make it fit stopped before it had tried them all; a fix shown works, but a smaller one may exist"

// askKey is one ask a fix may make, before its days are chosen.
type askKey struct {
	kind AskKind
	job  int
	from Clock // AskShift: the shifts it takes off
	com  int   // AskCover
	cand []int // AskShift: indexes into fixSearch.offs; AskCover: into covers
	up   int   // AskUnpaid: the largest raise worth trying
}

// fixCand is one fix found, with what ranks it.
type fixCand struct {
	fix           Fix
	unpaid, moved int
	key           rankKey
	order         int
}

// fixSearch finds the smallest fixes of one group that does not fit.
type fixSearch struct {
	s      *solver
	g      group
	offs   []offDay
	covers []coverDay
	keys   []askKey
	solves int
	cut    bool
	found  []fixCand
	cache  *Cache // shared by the solves of the search: they differ in a few stretches of the week
	best   int    // least unpaid minutes of a fix found at this number of asks; -1 none
}

// findFixes fills in the fixes of every rejection of the result.
func (s *solver) findFixes(res *Result) {
	maxAsks := s.opt.MaxAsks
	if maxAsks <= 0 {
		maxAsks = DefaultMaxAsks
	}
	cache := NewCache()
	searches := make([]*fixSearch, len(res.Rejected))
	for i := range res.Rejected {
		rj := &res.Rejected[i]
		gi := s.groupOf(rj)
		if gi < 0 {
			continue
		}
		if why, never := s.neverFits(gi); never {
			rj.FixNote = "no change at work or at home can make it fit: " + why
			continue
		}
		searches[i] = newFixSearch(s, gi)
		searches[i].cache = cache
	}
	// one ask for every track first, then two, so that a search cut short
	// by the budget has given as many tracks as it could their fixes
	for k := 1; k <= maxAsks; k++ {
		for i, f := range searches {
			if f == nil || f.cut || k > len(f.keys) {
				continue
			}
			f.found, f.best = nil, -1
			f.combos(k, 0, nil)
			if len(f.found) > 0 {
				res.Rejected[i].Fixes = f.ties()
				if f.cut {
					res.Rejected[i].FixNote = FixCutSentence
				}
				searches[i] = nil
			}
		}
	}
	for i, f := range searches {
		if f == nil {
			continue
		}
		rj := &res.Rejected[i]
		if f.cut {
			rj.FixNote = FixCutSentence
			continue
		}
		why := ""
		if len(rj.Reasons) > 0 {
			why = ": " + rj.Reasons[0]
		}
		rj.FixNote = fmt.Sprintf("needs more than %d %s%s", maxAsks, plural(maxAsks, "change", "changes"), why)
	}
}

// groupOf returns the index of the group a rejection is about, or -1.
func (s *solver) groupOf(rj *Rejection) int {
	for k, g := range s.groups {
		if s.m.sc.Programs[g.prog].ID == rj.Program && g.name == rj.Track {
			return k
		}
	}
	return -1
}

// combos tries every set of k keys from index from on.
func (f *fixSearch) combos(k, from int, chosen []int) {
	if len(chosen) == k {
		f.tryKeys(chosen)
		return
	}
	for i := from; i <= len(f.keys)-(k-len(chosen)) && !f.cut; i++ {
		f.combos(k, i+1, append(chosen, i))
	}
}

// tryKeys tries one set of asks: every choice of days off of its shift
// asks, every day of its covers, and the smallest raises that work.
func (f *fixSearch) tryKeys(chosen []int) {
	var shifts []int
	r := relaxation{raise: map[int]int{}}
	for _, x := range chosen {
		switch key := &f.keys[x]; key.kind {
		case AskShift:
			shifts = append(shifts, x)
		case AskCover:
			for _, c := range key.cand {
				r.covers = append(r.covers, f.covers[c])
			}
		}
	}
	f.offSubsets(chosen, shifts, r, 0)
}

// offSubsets chooses a non-empty set of days for each shift ask in turn.
func (f *fixSearch) offSubsets(chosen, shifts []int, r relaxation, lost int) {
	if f.cut || (f.best >= 0 && lost > f.best) {
		return
	}
	if len(shifts) == 0 {
		f.tryRelaxation(chosen, r, lost)
		return
	}
	key := &f.keys[shifts[0]]
	for size := 1; size <= len(key.cand) && !f.cut; size++ {
		if f.best >= 0 && lost+size*key.from.Minutes() > f.best {
			return
		}
		f.daysOf(chosen, shifts, r, lost, size, 0)
	}
}

// daysOf adds size more days off of the first shift ask, from its
// candidate index from on, and goes on to the next ask.
func (f *fixSearch) daysOf(chosen, shifts []int, r relaxation, lost, size, from int) {
	key := &f.keys[shifts[0]]
	if size == 0 {
		f.offSubsets(chosen, shifts[1:], r, lost)
		return
	}
	for i := from; i <= len(key.cand)-size && !f.cut; i++ {
		o := f.offs[key.cand[i]]
		next := r
		next.offs = append(append([]offDay(nil), r.offs...), o)
		f.daysOf(chosen, shifts, next, lost+o.from.Minutes(), size-1, i+1)
	}
}

// tryRelaxation sets the smallest raises, solves, keeps only the cover
// days the plan needs, and records the fix.
func (f *fixSearch) tryRelaxation(chosen []int, r relaxation, lost int) {
	var raised []int
	for _, x := range chosen {
		if f.keys[x].kind == AskUnpaid {
			raised = append(raised, x)
			r.raise[f.keys[x].job] = f.keys[x].up
		}
	}
	pl := f.solve(r)
	if pl == nil {
		return
	}
	for _, x := range raised {
		j := f.keys[x].job
		lo, hi := 1, f.keys[x].up
		for lo < hi {
			mid := (lo + hi) / 2
			r.raise[j] = mid
			if f.solve(r) != nil {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		r.raise[j] = lo
	}
	if len(raised) > 0 {
		if pl = f.solve(r); pl == nil {
			return
		}
	}
	r, pl = f.trimCovers(r, pl)
	if f.cut || !f.usesAll(chosen, r) {
		return
	}
	f.record(chosen, r, pl, lost)
}

// trimCovers drops, one by one, the cover days without which a plan as good
// still fits.
func (f *fixSearch) trimCovers(r relaxation, pl *Plan) (relaxation, *Plan) {
	for i := 0; i < len(r.covers) && !f.cut; {
		try := r
		try.covers = append(append([]coverDay(nil), r.covers[:i]...), r.covers[i+1:]...)
		if p := f.solve(try); p != nil && p.key.cmp(pl.key) <= 0 {
			r, pl = try, p
			continue
		}
		i++
	}
	return r, pl
}

// usesAll reports whether every chosen cover ask keeps a day.
func (f *fixSearch) usesAll(chosen []int, r relaxation) bool {
	for _, x := range chosen {
		key := &f.keys[x]
		if key.kind != AskCover {
			continue
		}
		used := false
		for _, c := range r.covers {
			used = used || (c.com == key.com && c.party == f.covers[key.cand[0]].party)
		}
		if !used {
			return false
		}
	}
	return true
}

// solve prices the group in the week with r applied: its best plan, or nil.
func (f *fixSearch) solve(r relaxation) *Plan {
	ctx := f.s.opt.Context
	if f.solves >= fixSolveLimit || (ctx != nil && ctx.Err() != nil) {
		f.cut = true
		return nil
	}
	f.solves++
	sc := relax(f.s.m.sc, f.g, r)
	res, err := Solve(sc, Options{Top: 1, ExcludeDays: f.s.opt.ExcludeDays, Require: f.s.opt.Require, Context: ctx, Cache: f.cache, skipChecks: true})
	if err != nil {
		return nil
	}
	if res.Incomplete != "" {
		f.cut = true
	}
	if len(res.Plans) == 0 {
		return nil
	}
	return &res.Plans[0]
}

// record turns a relaxation that fits into a fix and keeps it.
func (f *fixSearch) record(chosen []int, r relaxation, pl *Plan, lost int) {
	sc := f.s.m.sc
	var asks []Ask
	for _, x := range chosen {
		key := &f.keys[x]
		switch key.kind {
		case AskShift:
			a := Ask{Kind: AskShift, Party: sc.Jobs[key.job].Name, Job: sc.Jobs[key.job].Name, From: key.from, Off: true}
			for _, o := range r.offs {
				if o.job == key.job && o.from == key.from {
					a.Days = append(a.Days, o.at)
					a.MinutesLost += o.from.Minutes()
				}
			}
			asks = append(asks, a)
		case AskUnpaid:
			asks = append(asks, Ask{Kind: AskUnpaid, Party: sc.Jobs[key.job].Name, Job: sc.Jobs[key.job].Name, Minutes: r.raise[key.job]})
		case AskCover:
			com := &sc.Commitments[key.com]
			a := Ask{Kind: AskCover, Party: f.covers[key.cand[0]].party, Commitment: com.Name, Time: com.Span.Time}
			for _, c := range r.covers {
				if c.com == key.com && c.party == a.Party {
					a.Days = append(a.Days, c.at)
				}
			}
			asks = append(asks, a)
		}
	}
	for i := range asks {
		sort.SliceStable(asks[i].Days, func(a, b int) bool { return before(asks[i].Days[a], asks[i].Days[b]) })
	}
	plan := *pl
	plan.UnpaidMinutes += lost
	c := fixCand{fix: Fix{Asks: asks, Plan: plan}, unpaid: plan.UnpaidMinutes, moved: plan.MovedMinutes, key: pl.key, order: len(f.found)}
	f.found = append(f.found, c)
	if f.best < 0 || c.unpaid < f.best {
		f.best = c.unpaid
	}
}

// ties returns the best fix found and up to two others tied with it on
// unpaid and moved minutes, in plan order.
func (f *fixSearch) ties() []Fix {
	sort.SliceStable(f.found, func(a, b int) bool {
		x, y := &f.found[a], &f.found[b]
		for _, d := range [5]int{x.unpaid - y.unpaid, x.moved - y.moved, x.key.travel - y.key.travel, x.key.extra - y.key.extra, x.key.home - y.key.home} {
			if d != 0 {
				return d < 0
			}
		}
		return x.order < y.order
	})
	var out []Fix
	for _, c := range f.found {
		if len(out) == 3 || c.unpaid != f.found[0].unpaid || c.moved != f.found[0].moved {
			break
		}
		out = append(out, c.fix)
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
