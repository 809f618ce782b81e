package planner

import "encoding/binary"

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
	if !f.mayFit(f.restOffIn(&f.restBuf, shifts, r)) {
		return // not even with every day of the asks still to choose off
	}
	var rest relaxation
	if len(shifts) > 1 {
		rest = f.restOff(shifts[1:], r)
	} else {
		// the last ask: its sets of days are checked against r's counts
		prev := f.fit
		f.fit = f.newFitBase(r)
		defer func() { f.fit = prev }()
	}
	for oi := first; oi < len(key.opts) && !f.cut; oi++ {
		opt := &key.opts[oi]
		if f.worse([2]int{lb[0] + opt.lost, lb[1] + opt.moved}) {
			continue // even on one day
		}
		var all bool // could it fit with the choice on every day it could be asked for?
		if len(shifts) == 1 {
			all = f.mayFitDays(f.fit, key, opt, f.freeDays(key, opt, r))
		} else {
			all = f.mayFitAll(key, opt, rest)
		}
		if !all {
			continue // then no set of its days can
		}
		f.picks = append(f.picks, [2]int{shifts[0], oi})
		f.bound = f.bounds[f.picksKey()] // none yet, or shared by the sets of days of the earlier asks
		for size := 1; size <= len(opt.days) && !f.cut; size++ {
			at := [2]int{lb[0] + size*opt.lost, lb[1] + size*opt.moved}
			if f.worse(at) || (len(shifts) == 1 && f.boundBeats(at)) {
				break
			}
			f.daysOf(chosen, shifts, r, lb, oi, size, 0, make([]int, 0, size))
		}
		f.picks = f.picks[:len(f.picks)-1]
	}
}

// picksKey names the choice of every shift ask so far, when the plan with
// each on all its days bounds every set of their days: no two of them ask
// about the same shift (they would take days from each other). It is ""
// otherwise, and the bound is worked out for each set of the earlier asks'
// days.
func (f *fixSearch) picksKey() string {
	b := make([]byte, 0, 8*len(f.picks))
	for _, p := range f.picks {
		if f.keys[p[0]].second {
			return ""
		}
		b = binary.AppendUvarint(binary.AppendUvarint(b, uint64(p[0])), uint64(p[1]))
	}
	return string(b)
}

// solvePicks prices the group with every shift ask's choice so far on every
// day it could be asked for: a plan at least as good as any set of their
// days gives, or nil when none can fit.
func (f *fixSearch) solvePicks() *Plan {
	r := f.base
	for _, p := range f.picks {
		key := &f.keys[p[0]]
		opt := &key.opts[p[1]]
		_, r = f.applyChoice(key, opt, opt.days, r)
	}
	if !f.mayFit(r) {
		return nil
	}
	pl, _ := f.solveWeek(r)
	return pl
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
		if len(shifts) == 1 && !f.mayFitDays(f.fit, key, opt, days) {
			return // most sets of days end here: nothing is copied for them
		}
		c, next := f.applyChoice(key, opt, append([]int(nil), days...), r)
		at := [2]int{lb[0] + c[0], lb[1] + c[1]}
		if len(shifts) == 1 && f.beaten(key, opt, r, at) {
			return
		}
		f.shiftChoices(chosen, shifts[1:], next, at, oi)
		return
	}
	// days is the one buffer of this choice's sets of days: each day is
	// written in its place, and a set kept is copied
	for i := from; i <= len(opt.days)-size && !f.cut; i++ {
		if f.step(); f.dayTaken(key, opt, opt.days[i], r) {
			continue
		}
		f.daysOf(chosen, shifts, r, lb, oi, size-1, i+1, append(days, opt.days[i]))
	}
}

// mayFitWith reports whether the group could fit with r and a shift ask's
// choice on the given days (mayFit), building that relaxation in buffers
// the search keeps rather than in lists of its own.
func (f *fixSearch) mayFitWith(key *askKey, opt *shiftOpt, days []int, r relaxation) bool {
	try := r
	if opt.off {
		f.tryOffs = append(f.tryOffs[:0], r.offs...)
		for _, d := range days {
			f.tryOffs = append(f.tryOffs, f.offs[d])
		}
		try.offs = f.tryOffs
	} else {
		to := changeTo(key.from, opt.ds, opt.de)
		f.tryChanges = append(f.tryChanges[:0], r.changes...)
		for _, d := range days {
			o := &f.occs[d]
			f.tryChanges = append(f.tryChanges, changeDay{job: o.job, at: o.at, from: o.from, to: to})
		}
		try.changes = f.tryChanges
	}
	return f.mayFit(try)
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
	var buf []offDay
	return f.restOffIn(&buf, shifts, r)
}

// restOffIn is restOff with the days off listed in *buf's memory.
func (f *fixSearch) restOffIn(buf *[]offDay, shifts []int, r relaxation) relaxation {
	next := r
	next.offs = append((*buf)[:0], r.offs...)
	defer func() { *buf = next.offs }()
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
		if k := f.picksKey(); k != "" {
			f.bound = boundState{done: true, plan: f.solvePicks()}
			f.bounds[k] = f.bound
		} else {
			f.bound = boundState{done: true, plan: f.solveAll(key, opt, r)}
		}
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
	return f.mayFitWith(key, opt, f.freeDays(key, opt, r), r)
}

// freeDays lists the days choice opt of a shift ask could be asked for with
// r: those no other ask of the shift in r asks for. The list is the
// search's buffer, good until the next call.
func (f *fixSearch) freeDays(key *askKey, opt *shiftOpt, r relaxation) []int {
	days := f.dayBuf[:0]
	for _, d := range opt.days {
		if !f.dayTaken(key, opt, d, r) {
			days = append(days, d)
		}
	}
	f.dayBuf = days
	return days
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

// applyChoice returns the pay lost and minutes moved by a shift ask's
// choice on the given days, and the relaxation with it. The ask itself is
// put into words only for a fix found (shiftAsk).
func (f *fixSearch) applyChoice(key *askKey, opt *shiftOpt, days []int, r relaxation) ([2]int, relaxation) {
	next := r
	// each at its final size (this runs for every set of days tried); the
	// list it does not add to is shared, as nothing appends to it in place
	if opt.off {
		next.offs = append(make([]offDay, 0, len(r.offs)+len(days)), r.offs...)
		for _, d := range days {
			next.offs = append(next.offs, f.offs[d])
		}
	} else {
		to := changeTo(key.from, opt.ds, opt.de)
		next.changes = append(make([]changeDay, 0, len(r.changes)+len(days)), r.changes...)
		for _, d := range days {
			o := &f.occs[d]
			next.changes = append(next.changes, changeDay{job: o.job, at: o.at, from: o.from, to: to})
		}
	}
	next.shiftPicks = append(append(make([]shiftPick, 0, len(r.shiftPicks)+1), r.shiftPicks...), shiftPick{key, opt, days})
	return [2]int{len(days) * opt.lost, len(days) * opt.moved}, next
}

// shiftPick is a shift ask's choice and the days it is asked for (indexes
// into fixSearch.offs for a day off, fixSearch.occs for new times).
type shiftPick struct {
	key  *askKey
	opt  *shiftOpt
	days []int
}

// shiftAsk puts a shift ask's choice into words.
func (f *fixSearch) shiftAsk(p shiftPick) Ask {
	name := f.s.m.sc.Jobs[p.key.job].Name
	a := Ask{Kind: AskShift, Party: name, Job: name, From: p.key.from, Off: p.opt.off, Days: make([]WeekDay, 0, len(p.days))}
	if !p.opt.off {
		a.To = changeTo(p.key.from, p.opt.ds, p.opt.de)
	}
	for _, d := range p.days {
		if p.opt.off {
			a.Days = append(a.Days, f.offs[d].at)
		} else {
			a.Days = append(a.Days, f.occs[d].at)
		}
	}
	a.MinutesLost, a.MinutesMoved = len(p.days)*p.opt.lost, len(p.days)*p.opt.moved
	return a
}
