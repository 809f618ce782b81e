package planner

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
		if f.worse([2]int{lb[0] + opt.lost, lb[1] + opt.moved}) {
			continue // even on one day
		}
		if !f.mayFitAll(key, opt, f.restOff(shifts[1:], r)) {
			continue // not even on every day it could be asked for
		}
		f.bound = boundState{}
		for size := 1; size <= len(opt.days) && !f.cut; size++ {
			at := [2]int{lb[0] + size*opt.lost, lb[1] + size*opt.moved}
			if f.worse(at) || (len(shifts) == 1 && f.boundBeats(at)) {
				break
			}
			f.daysOf(chosen, shifts, r, lb, oi, size, 0, nil)
		}
	}
}

// boundBeats reports whether the plan of the last shift ask's choice on all
// its days, once worked out, shows that no set of its days costing at least
// at can fit or give a fix that is shown.
func (f *fixSearch) boundBeats(at [2]int) bool {
	if !f.bound.done || len(f.found) == 0 {
		return false
	}
	pl := f.bound.plan
	return pl == nil || f.worse([2]int{at[0] + pl.UnpaidMinutes, at[1] + pl.MovedMinutes}) || f.outranked(at, pl)
}

// daysOf adds size more days to choice oi of the first shift ask, from its
// day index from on, and goes on to the next ask.
func (f *fixSearch) daysOf(chosen, shifts []int, r relaxation, lb [2]int, oi, size, from int, days []int) {
	key := &f.keys[shifts[0]]
	opt := &key.opts[oi]
	if size == 0 {
		if len(shifts) == 1 && f.boundBeats([2]int{lb[0] + len(days)*opt.lost, lb[1] + len(days)*opt.moved}) {
			return
		}
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
	return f.boundBeats(at)
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
