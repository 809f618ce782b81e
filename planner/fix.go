package planner

import "sort"

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
	freed    [][]freedAt           // per occurrence: mayFit's answers per new times, does it free each candidate
	same     [][]int               // per occurrence: the occurrences of its job, shift and day (itself among them)
	offSame  [][]int               // per day off that may be asked (offs): the occurrences it takes off
	slot     []int                 // per candidate: week*7 + day
	mins     []int                 // per candidate: its minutes
	bestBuf  []int                 // weeksFit's longest session per week and day
	bound    boundState            // the last shift ask's choice on all its days, while its sets of days are tried
	base     relaxation            // the asks tried without their shift asks
	picks    [][2]int              // the choice (key, option) of each shift ask so far
	bounds   map[string]boundState // per choice of every shift ask: the plan with each on all its days
	// buffers mayFit and mayFitWith reuse: they run for every set of days tried
	tryOffs     []offDay
	tryChanges  []changeDay
	cntBuf      []int32
	scratchBase *fitBase // mayFit's counts, its lists reused
	restBuf     []offDay
	fit         *fitBase // mayFit's counts for the r whose last shift ask's sets of days are tried
	dayBuf      []int
	cut         bool
	found       []fixCand
	weeks       *trialWeeks // the compiled trial weeks, shared by every track's search
	best        [2]int      // least unpaid, then moved minutes of a fix found at this number of asks
}

// findFixes fills in the fixes of every rejection of the result.
func (s *solver) findFixes(res *Result) {
	maxAsks := s.opt.MaxAsks
	if maxAsks <= 0 {
		maxAsks = DefaultMaxAsks
	}
	weeks := &trialWeeks{frame: s.m}
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
		searches[i].weeks = weeks
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
	f.base, f.picks, f.bounds = r, f.picks[:0], map[string]boundState{}
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

// tryRelaxation sets the smallest raises, solves, keeps only the cover
// days the plan needs, and records the fix.
func (f *fixSearch) tryRelaxation(chosen []int, r relaxation, cost [2]int) {
	var raised []int
	raise := make(map[int]int, len(r.raise)) // its own: the search for the smallest raise changes it
	for j, n := range r.raise {
		raise[j] = n
	}
	r.raise = raise
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
	// the trial solves price through the solve's own cache: a stretch of
	// the week the asks leave alone is priced already
	sc := relax(f.s.m.sc, f.g, r)
	res, err := Solve(sc, Options{Top: 1, ExcludeDays: f.s.opt.ExcludeDays, Require: f.s.opt.Require, Context: ctx, Cache: f.s.cache, skipChecks: true,
		compiled: f.weeks.of(sc, r), scratch: f.weeks.scratch(), unfinished: true})
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
			asks = append(asks, f.shiftAsk(r.shiftPicks[shift]))
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
	if plan.finish != nil {
		plan.finish(&plan)
	}
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
	// the three best of the fixes tied with the best, in order
	var tied [3][5]int
	n := 0
	for _, c := range f.found {
		if c.unpaid != f.best[0] || c.moved != f.best[1] {
			continue
		}
		r := rank(c.unpaid, c.moved, c.key)
		i := min(n, len(tied))
		for i > 0 && less5(r, tied[i-1]) {
			if i < len(tied) {
				tied[i] = tied[i-1]
			}
			i--
		}
		if i < len(tied) {
			tied[i] = r
		}
		n++
	}
	if n < 3 {
		return false
	}
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
