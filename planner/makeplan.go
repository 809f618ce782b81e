package planner

import "sort"

// makePlan turns a ranked candidate into a Plan with its shift changes.
func (s *solver) makePlan(c *planCand) Plan {
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
	s.finishPlan(&pl)
	return pl
}

// fillPlan sets the sessions, track and figures of a plan from its key.
func (s *solver) fillPlan(pl *Plan, sess []*item) {
	m := s.m
	p := &m.sc.Programs[s.groups[pl.groupIdx].prog]
	sort.SliceStable(sess, func(a, b int) bool { return sess[a].dayStart < sess[b].dayStart })
	used := map[int]bool{}
	for _, it := range sess {
		used[it.track] = true
		pl.Sessions = append(pl.Sessions, Session{Week: it.week + 1, Day: it.day, Time: it.clock, Track: p.Tracks[it.track].Name})
		pl.SessionMinutes += it.clock.Minutes()
		pl.sessDays = append(pl.sessDays, it.week*7+int(it.day))
	}
	pl.Track = MixedTrack
	if len(used) == 1 {
		pl.Track = p.Tracks[sess[0].track].Name
	}
	pl.UnpaidMinutes, pl.MovedMinutes = pl.key.unpaid, pl.key.moved
	pl.AddedTravel, pl.TravelMinutes = pl.key.travel, m.baseTravel+pl.key.travel
	pl.ExtraMinutes, pl.LatestHome = pl.key.extra, pl.key.latest
}

// finishPlan works out the shift changes and covers of a ranked plan.
func (s *solver) finishPlan(pl *Plan) {
	m := s.m
	if pl.bends == nil {
		pl.bends = make([]bend, len(m.items))
		for _, pk := range pl.picks {
			if len(pk.sess) == 0 {
				continue
			}
			for _, e := range s.price(pl.groupIdx, pk.seg, pk.sess, true) {
				if e.c == pk.entry.c {
					for i := 0; i+2 < len(e.bends); i += 3 {
						pl.bends[e.bends[i]] = bend{int(e.bends[i+1]), int(e.bends[i+2])}
					}
					break
				}
			}
		}
	}
	pl.ShiftChanges = m.shiftChanges(pl.bends)
	for _, c := range m.covers {
		if containsInt(pl.sessDays, c.week*7+int(c.day)) {
			pl.Covered = append(pl.Covered, Cover{Commitment: c.commitment, Week: c.week + 1, Day: c.day, By: c.by})
		}
	}
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
