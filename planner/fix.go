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

// fixStepLimit bounds the sets of days the fix search of one track may
// consider for its shift asks, whether or not it solves them.
const fixStepLimit = 200000

// FixCutSentence is Rejection.FixNote when the search for fixes stopped
// before it had tried every set of asks.
const FixCutSentence = "the search for the changes that would make it fit stopped before it had tried them all; a fix shown works, but a smaller one may exist"

// askKey is one ask a fix may make, before its days are chosen.
type askKey struct {
	kind AskKind
	job  int
	from Clock // AskShift: the shifts it takes off
	com  int   // AskCover
	cand []int // AskCover: indexes into covers
	up   int   // AskUnpaid: the largest raise worth trying

	// AskShift: the day off and the new times it may ask for, cheapest
	// first; second marks the copy that lets a fix make two asks of one
	// shift (new times on some days, other times or the day off on others)
	opts   []shiftOpt
	second bool
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
	s        *solver
	g        group
	gi       int
	offs     []offDay
	occs     []shiftOcc
	hard     [][]int // per occurrence: candidates it rules out however it bends
	comBlock [][]int // per candidate: commitments that rule it out unless covered
	covers   []coverDay
	keys     []askKey
	solves   int
	steps    int
	bound    boundState // the last shift ask's choice on all its days, while its sets of days are tried
	cut      bool
	found    []fixCand
	cache    *Cache // shared by the solves of the search: they differ in a few stretches of the week
	best     [2]int // least unpaid, then moved minutes of a fix found at this number of asks
}

// findFixes fills in the fixes of every rejection of the result.
func (s *solver) findFixes(res *Result) {
	maxAsks := s.opt.MaxAsks
	if maxAsks <= 0 {
		maxAsks = DefaultMaxAsks
	}
	cache := NewCache()
	searches := make([]*fixSearch, len(res.Rejected))
	twin := make([]int, len(res.Rejected)) // an earlier rejection whose search serves this one too; -1 none
	seen := map[string]int{}
	for i := range res.Rejected {
		rj := &res.Rejected[i]
		twin[i] = -1
		gi := s.groupOf(rj)
		if gi < 0 {
			continue
		}
		if why, never := s.neverFits(gi); never {
			rj.FixNote = "no change at work or at home can make it fit: " + why
			continue
		}
		if key, ok := s.twinKey(gi); ok {
			if j, dup := seen[key]; dup {
				twin[i] = j
				continue
			}
			seen[key] = i
		}
		searches[i] = newFixSearch(s, gi)
		searches[i].cache = cache
	}
	defer s.copyTwins(res, twin, maxAsks)
	// one ask for every track first, then two, so that a search cut short
	// by the budget has given as many tracks as it could their fixes
	for k := 1; k <= maxAsks; k++ {
		for i, f := range searches {
			if f == nil || f.cut || k > len(f.keys) {
				continue
			}
			f.found = nil
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
		rj.FixNote = needsMore(rj, maxAsks)
	}
}

// needsMore is the note of a track that needs more than maxAsks asks.
func needsMore(rj *Rejection, maxAsks int) string {
	why := ""
	if len(rj.Reasons) > 0 {
		why = ": " + rj.Reasons[0]
	}
	return fmt.Sprintf("needs more than %d %s%s", maxAsks, plural(maxAsks, "change", "changes"), why)
}

// twinKey says what a fix search of group gi depends on besides the rest
// of the week: its program's rules and sessions, not its id or name. Groups
// with the same key have the same fixes, but for those labels. ok is false
// when the solve locks sessions, which name programs.
func (s *solver) twinKey(gi int) (string, bool) {
	if len(s.opt.Require) > 0 {
		return "", false
	}
	g := &s.groups[gi]
	p := &s.m.sc.Programs[g.prog]
	var tracks []Track
	for _, t := range g.tracks {
		tracks = append(tracks, p.Tracks[t])
	}
	return fmt.Sprintf("%s|%s|%s|%d|%d|%v|%d|%v", g.name, placeOf(p), p.Modality, p.MinDays, p.MinMinutes, p.MixTracks, s.m.sc.early(p), tracks), true
}

// copyTwins gives each rejection whose search was its twin's the twin's
// fixes, under its own program's id and name.
func (s *solver) copyTwins(res *Result, twin []int, maxAsks int) {
	for i, j := range twin {
		if j < 0 {
			continue
		}
		rj, src := &res.Rejected[i], &res.Rejected[j]
		rj.Fixes = nil
		for _, fx := range src.Fixes {
			fx.Plan.Program = rj.Program
			fx.Plan.ProgramName = s.m.sc.Programs[s.m.sc.ProgramIndex(rj.Program)].Name
			rj.Fixes = append(rj.Fixes, fx)
		}
		rj.FixNote = src.FixNote
		if len(src.Fixes) == 0 && src.FixNote != FixCutSentence {
			rj.FixNote = needsMore(rj, maxAsks)
		}
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

// tryKeys tries one set of asks: every choice of what its shift asks ask
// for and on which days, every day of its covers, and the smallest raises
// that work. The second copy of a shift ask comes only with its first.
func (f *fixSearch) tryKeys(chosen []int) {
	var shifts []int
	r := relaxation{raise: map[int]int{}}
	for i, x := range chosen {
		switch key := &f.keys[x]; key.kind {
		case AskShift:
			if key.second && (i == 0 || chosen[i-1] != x-1) {
				return
			}
			shifts = append(shifts, x)
		case AskCover:
			for _, c := range key.cand {
				r.covers = append(r.covers, f.covers[c])
			}
		case AskUnpaid:
			r.raise[key.job] = key.up // the most it may ask, until the smallest is found
		}
	}
	f.shiftChoices(chosen, shifts, r, [2]int{}, -1)
}

// worse reports whether a fix costing at least lb (unpaid, moved minutes)
// is worse than the best found at this number of asks.
func (f *fixSearch) worse(lb [2]int) bool {
	if len(f.found) == 0 {
		return false
	}
	return lb[0] > f.best[0] || (lb[0] == f.best[0] && lb[1] > f.best[1])
}

// shiftChoices chooses, for the first shift ask in turn, what it asks for
// (the day off or new times) and on how many days, cheapest first, and goes
// on to the next; prev is the choice of the ask's first copy.
func (f *fixSearch) shiftChoices(chosen, shifts []int, r relaxation, lb [2]int, prev int) {
	if f.cut || f.worse(lb) {
		return
	}
	if len(shifts) == 0 {
		f.tryRelaxation(chosen, r, lb)
		return
	}
	key := &f.keys[shifts[0]]
	first := 0
	if key.second {
		first = prev + 1
	}
	if !f.mayFit(f.restOff(shifts, r)) {
		return // not even with every day of the asks still to choose off
	}
	for oi := first; oi < len(key.opts) && !f.cut; oi++ {
		opt := &key.opts[oi]
		if !f.mayFitAll(key, opt, f.restOff(shifts[1:], r)) {
			continue // not even on every day it could be asked for
		}
		if f.worse([2]int{lb[0] + opt.lost, lb[1] + opt.moved}) {
			continue // even on one day
		}
		f.bound = boundState{}
		for size := 1; size <= len(opt.days) && !f.cut; size++ {
			if f.worse([2]int{lb[0] + size*opt.lost, lb[1] + size*opt.moved}) {
				break
			}
			f.daysOf(chosen, shifts, r, lb, oi, size, 0, nil)
		}
	}
}

// daysOf adds size more days to choice oi of the first shift ask, from its
// day index from on, and goes on to the next ask.
func (f *fixSearch) daysOf(chosen, shifts []int, r relaxation, lb [2]int, oi, size, from int, days []int) {
	key := &f.keys[shifts[0]]
	opt := &key.opts[oi]
	if size == 0 {
		a, next := f.applyChoice(key, opt, days, r)
		if len(shifts) == 1 && (!f.mayFit(next) || f.beaten(key, opt, r, [2]int{lb[0] + a.MinutesLost, lb[1] + a.MinutesMoved})) {
			return
		}
		f.shiftChoices(chosen, shifts[1:], next, [2]int{lb[0] + a.MinutesLost, lb[1] + a.MinutesMoved}, oi)
		return
	}
	for i := from; i <= len(opt.days)-size && !f.cut; i++ {
		if f.step(); f.dayTaken(key, opt, opt.days[i], r) {
			continue
		}
		f.daysOf(chosen, shifts, r, lb, oi, size-1, i+1, append(days[:len(days):len(days)], opt.days[i]))
	}
}

// step counts one step of choosing days, and cuts the search when it has
// taken too many or its context has ended.
func (f *fixSearch) step() {
	f.steps++
	if f.steps > fixStepLimit {
		f.cut = true
	}
	if ctx := f.s.opt.Context; f.steps%1024 == 0 && ctx != nil && ctx.Err() != nil {
		f.cut = true
	}
}

// restOff returns r with every shift occurrence the given shift asks could
// ask for off: a day off frees more than new times do, so a group that
// could not fit with it cannot fit with any choice of those asks.
func (f *fixSearch) restOff(shifts []int, r relaxation) relaxation {
	next := r
	next.offs = append([]offDay(nil), r.offs...)
	for _, x := range shifts {
		key := &f.keys[x]
		for _, o := range f.occs {
			if o.job == key.job && o.from == key.from {
				next.offs = append(next.offs, offDay{job: o.job, at: o.at, from: o.from})
			}
		}
	}
	return next
}

// boundState is the plan of the last shift ask's choice on all its days,
// worked out at the first set of its days that needs it.
type boundState struct {
	done bool
	plan *Plan // nil when no set of its days can fit
}

// beaten reports whether no set of days of choice opt of the last shift ask
// (at cost at, with r) can give a fix that is shown: its plan can be no
// better than the plan with the choice on every day, which may not fit, or
// may come after three fixes found already.
func (f *fixSearch) beaten(key *askKey, opt *shiftOpt, r relaxation, at [2]int) bool {
	if len(f.found) == 0 || len(opt.days) < 2 {
		return false
	}
	if !f.bound.done {
		f.bound = boundState{done: true, plan: f.solveAll(key, opt, r)}
	}
	pl := f.bound.plan
	return pl == nil || f.worse([2]int{at[0] + pl.UnpaidMinutes, at[1] + pl.MovedMinutes}) || f.outranked(at, pl)
}

// solveAll prices the group with choice opt of the last shift ask on every
// day it could be asked for: a plan at least as good as any set of those
// days gives (a changed shift that overlaps something is let pass here, as
// that only lets more plans fit), or nil when none of them can fit.
func (f *fixSearch) solveAll(key *askKey, opt *shiftOpt, r relaxation) *Plan {
	var days []int
	for _, d := range opt.days {
		if !f.dayTaken(key, opt, d, r) {
			days = append(days, d)
		}
	}
	_, all := f.applyChoice(key, opt, days, r)
	if !f.mayFit(all) {
		return nil
	}
	pl, _ := f.solveWeek(all)
	return pl
}

// mayFitAll reports whether the group could fit with choice opt of the
// first shift ask on every day it could be asked for (and r, which may hold
// the later asks as days off): if not, no set of its days can.
func (f *fixSearch) mayFitAll(key *askKey, opt *shiftOpt, r relaxation) bool {
	var days []int
	for _, d := range opt.days {
		if !f.dayTaken(key, opt, d, r) {
			days = append(days, d)
		}
	}
	_, all := f.applyChoice(key, opt, days, r)
	return f.mayFit(all)
}

// dayTaken reports whether another ask of the same shift already asks for day d.
func (f *fixSearch) dayTaken(key *askKey, opt *shiftOpt, d int, r relaxation) bool {
	at := f.occs[d].at
	if opt.off {
		at = f.offs[d].at
	}
	for _, o := range r.offs {
		if o.job == key.job && o.from == key.from && o.at == at {
			return true
		}
	}
	for _, c := range r.changes {
		if c.job == key.job && c.from == key.from && c.at == at {
			return true
		}
	}
	return false
}

// applyChoice returns the ask of a shift ask's choice on the given days, and
// the relaxation with it.
func (f *fixSearch) applyChoice(key *askKey, opt *shiftOpt, days []int, r relaxation) (Ask, relaxation) {
	name := f.s.m.sc.Jobs[key.job].Name
	a := Ask{Kind: AskShift, Party: name, Job: name, From: key.from, Off: opt.off}
	next := r
	next.offs = append([]offDay(nil), r.offs...)
	next.changes = append([]changeDay(nil), r.changes...)
	if !opt.off {
		a.To = changeTo(key.from, opt.ds, opt.de)
	}
	for _, d := range days {
		if opt.off {
			o := f.offs[d]
			next.offs = append(next.offs, o)
			a.Days = append(a.Days, o.at)
		} else {
			o := f.occs[d]
			next.changes = append(next.changes, changeDay{job: o.job, at: o.at, from: o.from, to: a.To})
			a.Days = append(a.Days, o.at)
		}
		a.MinutesLost += opt.lost
		a.MinutesMoved += opt.moved
	}
	next.shiftAsks = append(append([]Ask(nil), r.shiftAsks...), a)
	return a, next
}

// tryRelaxation sets the smallest raises, solves, keeps only the cover
// days the plan needs, and records the fix.
func (f *fixSearch) tryRelaxation(chosen []int, r relaxation, cost [2]int) {
	var raised []int
	for _, x := range chosen {
		if f.keys[x].kind == AskUnpaid {
			raised = append(raised, x)
			r.raise[f.keys[x].job] = f.keys[x].up
		}
	}
	if !f.mayFit(r) {
		return
	}
	pl := f.solve(r)
	if pl == nil || f.worse([2]int{cost[0] + pl.UnpaidMinutes, cost[1] + pl.MovedMinutes}) || f.outranked(cost, pl) {
		return // a smaller raise or fewer covers cannot give a better plan
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
	f.record(chosen, r, pl, cost)
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
	pl, ok := f.solveWeek(r)
	if !ok {
		return nil
	}
	return pl
}

// solveWeek prices the group in the week with r applied: its best plan or
// nil, and whether the week has no problem the week itself does not have.
func (f *fixSearch) solveWeek(r relaxation) (*Plan, bool) {
	ctx := f.s.opt.Context
	if f.solves >= fixSolveLimit || (ctx != nil && ctx.Err() != nil) {
		f.cut = true
		return nil, false
	}
	f.solves++
	sc := relax(f.s.m.sc, f.g, r)
	res, err := Solve(sc, Options{Top: 1, ExcludeDays: f.s.opt.ExcludeDays, Require: f.s.opt.Require, Context: ctx, Cache: f.cache})
	if err != nil {
		return nil, false
	}
	if res.Incomplete != "" {
		f.cut = true
	}
	if len(res.Plans) == 0 {
		return nil, false
	}
	return &res.Plans[0], len(r.changes) == 0 || f.noNewWarnings(res.Warnings)
}

// noNewWarnings reports whether the week with shifts changed has no
// problem the week itself does not have: a changed shift may not overlap,
// or make unreachable, anything else.
func (f *fixSearch) noNewWarnings(ws []string) bool {
	for _, w := range ws {
		if !containsStr(f.s.m.warnings, w) {
			return false
		}
	}
	return true
}

// record turns a relaxation that fits into a fix and keeps it; cost is
// the pay lost and minutes moved by its shift asks.
func (f *fixSearch) record(chosen []int, r relaxation, pl *Plan, cost [2]int) {
	sc := f.s.m.sc
	var asks []Ask
	shift := 0
	for _, x := range chosen {
		key := &f.keys[x]
		switch key.kind {
		case AskShift:
			asks = append(asks, r.shiftAsks[shift])
			shift++
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
	plan.UnpaidMinutes += cost[0]
	plan.MovedMinutes += cost[1]
	c := fixCand{fix: Fix{Asks: asks, Plan: plan}, unpaid: plan.UnpaidMinutes, moved: plan.MovedMinutes, key: pl.key, order: len(f.found)}
	f.found = append(f.found, c)
	if len(f.found) == 1 || c.unpaid < f.best[0] || (c.unpaid == f.best[0] && c.moved < f.best[1]) {
		f.best = [2]int{c.unpaid, c.moved}
	}
}

// rank is what orders fixes: unpaid and moved minutes with the asks', then
// the plan's travel, extra session time and returns home.
func rank(unpaid, moved int, key rankKey) [5]int {
	return [5]int{unpaid, moved, key.travel, key.extra, key.home}
}

// outranked reports whether three fixes found already come before any fix a
// plan pl (with the asks' cost) could give: it cannot be shown.
func (f *fixSearch) outranked(cost [2]int, pl *Plan) bool {
	var tied [][5]int
	for _, c := range f.found {
		if c.unpaid == f.best[0] && c.moved == f.best[1] {
			tied = append(tied, rank(c.unpaid, c.moved, c.key))
		}
	}
	if len(tied) < 3 {
		return false
	}
	sort.Slice(tied, func(a, b int) bool { return less5(tied[a], tied[b]) })
	return !less5(rank(cost[0]+pl.UnpaidMinutes, cost[1]+pl.MovedMinutes, pl.key), tied[2])
}

func less5(a, b [5]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
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
