package planner

import (
	"fmt"
	"strings"
)

// explainGroup says, in sentences, why a group has no plan.
func (s *solver) explainGroup(gi int) []string {
	g := s.groups[gi]
	m := s.m
	p := &m.sc.Programs[g.prog]
	cands := s.cands[gi]
	if len(cands) == 0 {
		return []string{"every session of this track falls on an excluded day or clashes with a locked session"}
	}
	var why []string
	add := func(r string) {
		for _, x := range why {
			if x == r {
				return
			}
		}
		why = append(why, r)
	}
	need := max(p.MinDays, 1)
	for w := 0; w < m.weeks; w++ {
		var offered, fit DaySet
		bestMins := map[Day]int{}
		for k := range cands {
			c := &cands[k]
			if c.week != w {
				continue
			}
			offered = offered.With(c.day)
			if reason := s.sessionFits(gi, k); reason != "" {
				add(reason)
				continue
			}
			fit = fit.With(c.day)
			bestMins[c.day] = max(bestMins[c.day], c.clock.Minutes())
		}
		maxMins := 0
		for _, v := range bestMins {
			maxMins += v
		}
		pre := m.weekPrefix(w)
		if offered.Count() < need {
			add(fmt.Sprintf("%sthe sessions fall on %s a week (%s). The program needs at least %d", pre, dayCount(offered.Count()), joinDays(offered.Days()), need))
		} else if fit == 0 {
			add(fmt.Sprintf("%snone of these sessions fits. The program needs at least %s a week", pre, dayCount(need)))
		} else if fit.Count() < need {
			add(fmt.Sprintf("%sonly %s with sessions fit (%s). The program needs at least %d a week", pre, dayCount(fit.Count()), dayList(fit), need))
		} else if maxMins < p.MinMinutes {
			add(fmt.Sprintf("%sthe sessions that fit add up to %s a week. The program needs %s", pre, hours(maxMins), hours(p.MinMinutes)))
		}
	}
	if len(why) == 0 {
		why = append(why, s.budgetReason(gi))
	}
	return why
}

func dayList(d DaySet) string { return joinDays(d.Days()) }

func joinDays(ds []Day) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.String()
	}
	return strings.Join(parts, ", ")
}

// budgetReason explains a group whose sessions each fit but never together:
// the least unpaid time a week any way of attending needs, against what the
// jobs allow.
func (s *solver) budgetReason(gi int) string {
	sp := s.space(gi)
	least := -1
	for u := range sp.units {
		us := s.newUnitSearch(gi, sp, u)
		us.k, us.noBudget = 1, true
		us.dfs(0, rankKey{home: -1})
		if len(us.best) == 0 {
			return "the sessions that fit one by one cannot all be attended together"
		}
		least = max(least, us.best[0].key.unpaid/len(us.weeks))
	}
	var jobs []string
	for _, j := range s.m.sc.Jobs {
		if j.Flex != (Flex{}) {
			jobs = append(jobs, fmt.Sprintf("%s allows %d", j.Name, j.MaxUnpaid))
		}
	}
	return fmt.Sprintf("the sessions fit one by one, but every way of attending needs at least %d unpaid min a week at work (%s)", least, strings.Join(jobs, ", "))
}

// sessionFits returns "" when candidate k fits on its own, else why not.
func (s *solver) sessionFits(gi, k int) string {
	m := s.m
	c := s.cands[gi][k]
	if !s.cyclic {
		seg := s.where[s.first[gi]+k].seg
		entries := s.price(gi, seg, []int{k}, false)
		var over string
		for _, e := range entries {
			ok := true
			for j, jw := range s.segs[seg].jws {
				if job := m.sc.Jobs[jw/m.weeks]; int(e.c.unpaid[j]) > job.MaxUnpaid {
					ok = false
					over = fmt.Sprintf("%s needs %d unpaid min at %s. %s", m.describe(&c), e.c.unpaid[j], job.Name, unpaidLimit(job.MaxUnpaid))
				}
			}
			if ok {
				return ""
			}
		}
		if over != "" {
			return over
		}
	}
	key := [4]int{c.start, c.end, c.place, c.dayStart}
	if r, ok := s.reasons[key]; ok {
		return r
	}
	r := m.explainSession(c)
	if s.reasons == nil {
		s.reasons = map[[4]int]string{}
	}
	s.reasons[key] = r
	return r
}

// explainSession says why one session cannot be attended, trying the shift
// in its way at the most it can bend.
func (m *model) explainSession(c item) string {
	sel := []item{c}
	r := m.evaluate(sel, nil, false)
	if r.ok {
		return ""
	}
	x, dir := m.blockingShift(&r, &c)
	suffix := ""
	if x >= 0 {
		bends := make([]bend, len(m.items))
		f := m.sc.Jobs[m.items[x].job].Flex
		n := f.EndEarlier
		if dir > 0 {
			bends[x].ds, n = f.StartLater/5*5, f.StartLater
		} else {
			bends[x].de = -(f.EndEarlier / 5 * 5)
		}
		if r2 := m.evaluate(sel, bends, false); !r2.ok && r2.fail.kind != failShiftLength {
			r = r2
		} else if r2.ok || r2.fail.kind == failBudget {
			job := m.sc.Jobs[m.items[x].job]
			if job.MaxUnpaid == 0 {
				return fmt.Sprintf("%s: %s would have to lose paid time, and it allows none to go unpaid", m.describe(&c), job.Name)
			}
			return fmt.Sprintf("%s: %s would have to lose more than the %d unpaid min a week it allows", m.describe(&c), job.Name, job.MaxUnpaid)
		}
		move := "end earlier"
		if dir > 0 {
			move = "start later"
		}
		suffix = fmt.Sprintf(". The shift can %s by at most %d min", move, n)
		if n == 0 {
			suffix = fmt.Sprintf(". The shift cannot %s", move)
		}
	}
	return m.failText(&r, &c) + suffix
}

// blockingShift finds the shift a failure is about and which way it would
// have to move: -1 end earlier (it comes before the session), +1 start later.
func (m *model) blockingShift(r *evalResult, c *item) (int, int) {
	f := &r.fail
	if r.failAt.it != nil && r.failAt.it.kind == kShift && f.pItem >= 0 && f.pItem >= len(m.items) {
		return r.failAt.it.id, +1
	}
	if f.pItem >= 0 && f.pItem < len(m.items) && m.items[f.pItem].kind == kShift && r.failAt.it != nil && r.failAt.it.kind == kSession {
		return f.pItem, -1
	}
	return -1, 0
}

// failText writes a failure as a sentence about session c.
func (m *model) failText(r *evalResult, c *item) string {
	f := &r.fail
	sess := m.describe(c)
	other := func(id int) string {
		if id >= 0 && id < len(m.items) {
			return m.near(&m.items[id], c)
		}
		return "another session"
	}
	switch f.kind {
	case failOverlapItem:
		if r.failAt.it != nil && r.failAt.it.kind != kSession {
			return fmt.Sprintf("%s overlaps %s", sess, m.near(r.failAt.it, c))
		}
		return fmt.Sprintf("%s overlaps %s", sess, other(f.pItem))
	case failOverlapFree:
		return fmt.Sprintf("%s overlaps %s", sess, m.what(&m.free[f.free]))
	case failLegFree:
		return fmt.Sprintf("%s: the trip from %s to %s at %s takes %d min and runs into %s", sess, m.placeName(f.leg.from), m.placeName(f.leg.to),
			FormatClock(mod(f.leg.dep, MinutesPerDay)), f.leg.dur, m.what(&m.free[f.free]))
	case failNoRoute:
		to := c.place
		if r.failAt.it != nil {
			to = r.failAt.it.place
		}
		return fmt.Sprintf("%s: no travel time is given from %s to %s; add it under travel", sess, m.placeName(f.pPlace), m.placeName(to))
	case failLate:
		return m.lateText(r, c)
	case failBudget:
		job := m.sc.Jobs[f.a/m.weeks]
		return fmt.Sprintf("%s needs %d unpaid min at %s. %s", sess, f.b, job.Name, unpaidLimit(job.MaxUnpaid))
	case failLegOverlap:
		return fmt.Sprintf("%s: the trip from %s to %s at %s overlaps something already planned", sess, m.placeName(f.leg.from), m.placeName(f.leg.to), FormatClock(mod(f.leg.dep, MinutesPerDay)))
	}
	return sess + " cannot be fitted around the shifts next to it"
}

func (m *model) lateText(r *evalResult, c *item) string {
	f := &r.fail
	sess := m.describe(c)
	trip := fmt.Sprintf("%d min", f.tr.arrive-f.pEnd)
	for i := 0; i < f.tr.n; i++ {
		if f.tr.legs[i].factor > 1 {
			trip += fmt.Sprintf(" in rush hour (x%g)", f.tr.legs[i].factor)
			break
		}
	}
	from := "the session"
	if f.pItem >= 0 && f.pItem < len(m.items) {
		from = m.near(&m.items[f.pItem], c)
	}
	dest := r.failAt.it
	if dest != nil && dest.kind == kSession {
		return fmt.Sprintf("%s: %s ends %s and the trip to %s takes %s, arriving %s, after the %s check-in", sess, from, FormatClock(mod(f.pEnd, MinutesPerDay)),
			m.placeName(dest.place), trip, FormatClock(mod(f.tr.arrive, MinutesPerDay)), FormatClock(mod(f.a, MinutesPerDay)))
	}
	name := "the next activity"
	if dest != nil {
		name = m.near(dest, c)
	}
	return fmt.Sprintf("%s: the trip from %s takes %s, arriving %s, after %s starts", sess, m.placeName(f.pPlace), trip, FormatClock(mod(f.tr.arrive, MinutesPerDay)), name)
}

// near names an item, leaving out its day when it is the session's day.
func (m *model) near(it *item, c *item) string {
	if it.week == c.week && it.day == c.day {
		return fmt.Sprintf("%s %s", it.name, it.clock)
	}
	return m.describe(it)
}

// dayCount writes a number of days: "1 day", "3 days".
func dayCount(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

// unpaidLimit says how much of a job's time may go unpaid, as a sentence.
func unpaidLimit(n int) string {
	if n == 0 {
		return "None of it can go unpaid"
	}
	return fmt.Sprintf("At most %d min a week can go unpaid", n)
}

func hours(min int) string {
	if min%60 == 0 {
		return fmt.Sprintf("%d h", min/60)
	}
	return fmt.Sprintf("%d h %02d min", min/60, min%60)
}
