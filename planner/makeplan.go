package planner

import (
	"cmp"
	"slices"
	"sort"
)

// makePlan turns a ranked candidate into a Plan with its shift changes.
func (s *solver) makePlan(c *planCand) Plan {
	pl, sess := s.fillCand(c)
	s.finishPlan(&pl, sess, c.cov)
	return pl
}

// startPlan is makePlan with the plan's bends, covers, dates and leave left
// to its finish, which works them out as Solve would have (dated from sc
// and opt).
func (s *solver) startPlan(c *planCand, sc *Scenario, opt Options) Plan {
	pl, sess := s.fillCand(c)
	cov := c.cov
	pl.finish = func(p *Plan) {
		p.finish = nil
		s.finishPlan(p, sess, cov)
		if sc.Dated() {
			dateOf(sc, p, sc.StartDate(opt.Today))
		}
	}
	return pl
}

// fillCand starts a Plan from a ranked candidate: its sessions and figures.
func (s *solver) fillCand(c *planCand) (Plan, []*item) {
	p := &s.m.sc.Programs[s.groups[c.gi].prog]
	pl := Plan{Program: p.ID, ProgramName: p.Name, groupIdx: c.gi, key: c.key, tie: c.tie, bends: c.bends}
	for u, i := range c.idx {
		pl.picks = append(pl.picks, c.units[u][i].picks...)
	}
	var sess []*item
	for _, pk := range pl.picks {
		for _, k := range pk.sess {
			sess = append(sess, &s.cands[c.gi][k])
		}
	}
	sess = append(sess, c.sess...)
	s.fillPlan(&pl, sess)
	return pl, sess
}

// fillPlan sets the sessions, track and figures of a plan from its key.
func (s *solver) fillPlan(pl *Plan, sess []*item) {
	m := s.m
	p := &m.sc.Programs[s.groups[pl.groupIdx].prog]
	slices.SortStableFunc(sess, func(a, b *item) int { return cmp.Compare(a.dayStart, b.dayStart) })
	used := map[int]bool{}
	for _, it := range sess {
		used[it.track] = true
		pl.Sessions = append(pl.Sessions, Session{Week: it.week + 1, Day: it.day, Time: it.clock, Track: p.Tracks[it.track].Name})
		pl.SessionMinutes += it.clock.Minutes()
	}
	pl.Track = MixedTrack
	if len(used) == 1 {
		pl.Track = p.Tracks[sess[0].track].Name
	}
	pl.UnpaidMinutes, pl.MovedMinutes = pl.key.unpaid, pl.key.moved
	pl.AddedTravel, pl.TravelMinutes = pl.key.travel, m.baseTravel+pl.key.travel
	pl.ExtraMinutes, pl.LatestHome = pl.key.extra, pl.key.latest
}

// finishPlan works out the shift changes and covers of a ranked plan; cov
// is nil unless the exhaustive search chose the covers.
func (s *solver) finishPlan(pl *Plan, sess []*item, cov []bool) {
	m := s.m
	if pl.bends == nil {
		pl.bends = make([]bend, len(m.items))
		cov = m.allCovers(false)
		for _, pk := range pl.picks {
			if len(pk.sess) == 0 {
				continue
			}
			for _, e := range s.price(pl.groupIdx, pk.seg, pk.sess, true) {
				if e.c == pk.entry.c {
					s.readTrace(e.bends, pl.bends, cov)
					break
				}
			}
		}
		// a commitment with no place is covered where the plan needs it
		for i, c := range m.covers {
			cov[i] = cov[i] || c.standing || c.blk >= 0
		}
		sel := make([]item, len(sess))
		for i, it := range sess {
			sel[i] = *it
		}
		cov = m.evaluateCov(sel, pl.bends, cov, false).used
	}
	pl.ShiftChanges = m.shiftChanges(pl.bends)
	pl.Covered, pl.cov = m.covered(cov), cov
}

// readTrace reads a traced segment's bends and skipped commitments.
func (s *solver) readTrace(tr []int32, bends []bend, cov []bool) {
	for i := 0; i+2 < len(tr); i += 3 {
		if tr[i+1] == skipMark {
			cov[s.m.items[tr[i]].cover-1] = true
			continue
		}
		bends[tr[i]] = bend{int(tr[i+1]), int(tr[i+2])}
	}
}

// covered lists the covers a plan uses, in the order of the week's covers.
func (m *model) covered(cov []bool) []Cover {
	var out []Cover
	for i, c := range m.covers {
		if cov[i] {
			out = append(out, Cover{Commitment: c.commitment, Week: c.week + 1, Day: c.day, By: c.by})
		}
	}
	return out
}

func (m *model) shiftChanges(bends []bend) []ShiftChange {
	var out []ShiftChange
	for i, b := range bends {
		if b == (bend{}) {
			continue
		}
		it := &m.items[i]
		to := Clock{Start: mod(it.clock.Start+b.ds, MinutesPerDay), End: mod(it.clock.Start+it.clock.Minutes()+b.de, MinutesPerDay)}
		if to.End == 0 {
			to.End = MinutesPerDay
		}
		out = append(out, ShiftChange{Job: it.name, Week: it.week + 1, Day: it.day, From: it.clock, To: to})
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Week != out[b].Week {
			return out[a].Week < out[b].Week
		}
		return out[a].Day < out[b].Day
	})
	return out
}
