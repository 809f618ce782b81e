package planner

// trimCovers drops the cover days without which a plan as good still fits.
// A day whose commitment rules out one of the plan's sessions is kept
// without a solve; the others are first dropped all at once, and when a plan
// as good does not fit without them all, one by one.
func (f *fixSearch) trimCovers(r relaxation, pl *Plan) (relaxation, *Plan) {
	for !f.cut {
		var keep []coverDay
		for _, c := range r.covers {
			if f.planNeeds(pl, c) {
				keep = append(keep, c)
			}
		}
		if len(keep) == len(r.covers) {
			return r, pl
		}
		try := r
		try.covers = keep
		p := f.solve(try)
		if p == nil || p.key.cmp(pl.key) > 0 {
			break
		}
		r, pl = try, p
	}
	for i := 0; i < len(r.covers) && !f.cut; {
		if f.planNeeds(pl, r.covers[i]) {
			i++
			continue
		}
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

// planNeeds reports whether cover day c's commitment, where it is, rules
// out one of the plan's sessions.
func (f *fixSearch) planNeeds(pl *Plan, c coverDay) bool {
	m := f.s.m
	name := m.sc.Commitments[c.com].Name
	for k := range f.s.cands[f.gi] {
		cand := &f.s.cands[f.gi][k]
		if !f.inPlan(pl, cand) {
			continue
		}
		for _, i := range f.comBlock[k] {
			if i >= 0 && m.items[i].name == name && m.items[i].week+1 == c.at.Week && m.items[i].day == c.at.Day {
				return true
			}
		}
	}
	return false
}

// inPlan reports whether candidate session cand is one of the plan's.
func (f *fixSearch) inPlan(pl *Plan, cand *item) bool {
	track := f.s.m.sc.Programs[cand.prog].Tracks[cand.track].Name
	for _, s := range pl.Sessions {
		if s.Week == cand.week+1 && s.Day == cand.day && s.Time == cand.clock && s.Track == track {
			return true
		}
	}
	return false
}
