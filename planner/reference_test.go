package planner

import (
	"fmt"
	"sort"
)

// This file is a second reference for the planner, written from the README's
// rules ("How the planner decides", the scenario format and the JSON
// contract) and sharing nothing with the solver: it calls none of compile,
// the walk, the transfer rule, the rush arithmetic or the ranking keys. It is
// deliberately simple and slow: it lays out one plan's cycle as a list of
// intervals, walks it, and checks every pair of busy intervals.
//
// Where the README is silent the rule below was read from the code, and says so:
//   - (code) the person stays where they are during sleep and commitments
//     without a place: those blocks are busy time but not places;
//   - (code) between two activities at places other than home with no
//     time to go home, the person stays when both are at the same place, takes
//     the direct leg when one exists, and otherwise goes by way of home at once;
//   - (code) the latest return home after a session is the first time the
//     person is at home after it, counted from the midnight of the session's
//     day (a virtual session counts its own end); a week's figure is its
//     largest, and the ranking sums the weeks that have sessions;
//   - (code) a shift belongs to the week and day its original start is in,
//     and its unpaid minutes count against that week's budget.
//
// The reference only judges weeks whose fixed part (the week without
// sessions or bends) fits by these same rules: the README's "blocks that
// already overlap in the week itself are warnings" rule then has nothing to
// exempt, and "fits" is simply "no two busy intervals overlap and every trip
// arrives in time".

// refSession is one session occurrence a plan may take.
type refSession struct {
	prog, track int
	week        int // 0-based
	day         Day
	clock       Clock
}

// refBend is a shift occurrence's move: by job, week, day and clock.
type refBend struct {
	job, week int
	day       Day
	clock     Clock
	ds, de    int
}

// refAct is a located activity of a laid-out cycle.
type refAct struct {
	s, e     int
	place    string
	session  bool
	midnight int // sessions: the midnight that starts the session's day
	week     int // sessions: 0-based week
}

type refInterval struct {
	s, e int
	what string
}

// refLegT is one trip.
type refLegT struct {
	dep, dur int
}

// refOut is everything the reference works out for one plan.
type refOut struct {
	ok                    bool
	why                   string
	unpaid, moved, travel int
	homeSum, latest       int
	sessionMin, extra     int
	covers                []Cover
	changes               []ShiftChange
}

const refWeek = 7 * 24 * 60

func refMod(a, n int) int { return ((a % n) + n) % n }

// refBase is the base minutes of the leg from a to b: as listed, or the
// reverse of a leg that is not one way; 0 to stay; -1 for none.
func refBase(sc *Scenario, a, b string) int {
	if a == b {
		return 0
	}
	for _, l := range sc.Travel {
		if l.From == a && l.To == b {
			return l.Minutes
		}
	}
	for _, l := range sc.Travel {
		if !l.OneWay && l.From == b && l.To == a {
			return l.Minutes
		}
	}
	return -1
}

// refFactor is the largest rush factor of a window holding minute t, else 1.
func refFactor(sc *Scenario, t int) float64 {
	t = refMod(t, refWeek)
	f := 1.0
	for _, r := range sc.RushHours {
		for d := Day(0); d < 7; d++ {
			if !r.Days.Has(d) {
				continue
			}
			start := int(d)*24*60 + r.Time.Start
			n := r.Time.End - r.Time.Start
			if n <= 0 {
				n += 24 * 60
			}
			if refMod(t-start, refWeek) < n && r.Factor > f {
				f = r.Factor
			}
		}
	}
	return f
}

// refDur is a leg's minutes departing at t: base times the factor, rounded
// up to a whole minute, in exact hundredths (factors here have at most two
// decimals).
func refDur(sc *Scenario, base, t int) int {
	hundredths := int(refFactor(sc, t)*100 + 0.5)
	return (base*hundredths + 99) / 100
}

// refLatest is the latest departure that arrives by arriveBy, found by
// trying every minute backwards.
func refLatest(sc *Scenario, base, arriveBy int) int {
	for d := arriveBy - base; ; d-- {
		if d+refDur(sc, base, d) <= arriveBy {
			return d
		}
	}
}

// refTransfer is the trip from place a, free at ta, to b by tb.
type refTransfer struct {
	legs    []refLegT
	arrive  int
	atHome  bool
	homeAt  int
	noRoute bool
}

func refMove(sc *Scenario, a string, ta int, b string, tb int) refTransfer {
	var t refTransfer
	leg := func(from, to string, dep int) int {
		d := refDur(sc, refBase(sc, from, to), dep)
		t.legs = append(t.legs, refLegT{dep, d})
		return dep + d
	}
	switch {
	case a == Home && b == Home:
		t.arrive, t.atHome, t.homeAt = ta, true, ta
	case a == Home:
		base := refBase(sc, a, b)
		if base < 0 {
			t.noRoute = true
			break
		}
		t.atHome, t.homeAt = true, ta
		t.arrive = leg(a, b, max(ta, refLatest(sc, base, tb)))
	case b == Home:
		if refBase(sc, a, b) < 0 {
			t.noRoute = true
			break
		}
		t.arrive = leg(a, b, ta)
		t.atHome, t.homeAt = true, t.arrive
	default:
		out, in := refBase(sc, a, Home), refBase(sc, Home, b)
		if out >= 0 && in >= 0 {
			h := ta + refDur(sc, out, ta)
			if dep := refLatest(sc, in, tb); h <= dep {
				leg(a, Home, ta)
				t.arrive = leg(Home, b, dep)
				t.atHome, t.homeAt = true, h
				break
			}
		}
		switch {
		case a == b:
			t.arrive = ta
		case refBase(sc, a, b) >= 0:
			t.arrive = leg(a, b, ta)
		case out >= 0 && in >= 0:
			h := leg(a, Home, ta)
			t.arrive = leg(Home, b, h)
			t.atHome, t.homeAt = true, h
		default:
			t.noRoute = true
		}
	}
	return t
}

// refEarly is the check-in time of a program.
func refEarly(sc *Scenario, p *Program) int {
	if p.ArriveEarly != nil {
		return *p.ArriveEarly
	}
	return sc.ArriveEarly
}

func refInWeek(sp Span, w int) bool {
	if len(sp.Weeks) == 0 {
		return true
	}
	for _, x := range sp.Weeks {
		if x == w+1 {
			return true
		}
	}
	return false
}

func refLen(c Clock) int {
	if c.End > c.Start {
		return c.End - c.Start
	}
	return c.End + 24*60 - c.Start
}

// refCoveredBy returns who covers a commitment occurrence [s, e), or "".
func refCoveredBy(sc *Scenario, c Commitment, s, e, L int) string {
	for _, h := range sc.Support {
		names := false
		for _, n := range h.Covers {
			names = names || n == c.Name
		}
		if !names {
			continue
		}
		for w := 0; w*refWeek < L; w++ {
			if !refInWeek(h.Span, w) {
				continue
			}
			for d := Day(0); d < 7; d++ {
				if !h.Span.Days.Has(d) {
					continue
				}
				a := w*refWeek + int(d)*24*60 + h.Span.Time.Start
				b := a + refLen(h.Span.Time)
				for _, sh := range []int{-L, 0, L} {
					if a+sh <= s && e <= b+sh {
						return h.Name
					}
				}
			}
		}
	}
	return ""
}

// refEval lays out the cycle with these sessions of program pi and these
// shift bends, the person doing every commitment, walks it, and works out
// every figure. With pi < 0 it lays out the fixed week alone.
func refEval(sc *Scenario, pi int, sess []refSession, bends []refBend) refOut {
	return refEvalCov(sc, pi, sess, bends, nil)
}

// refCoverable lists every commitment occurrence a helper can cover (the
// README: a helper whose days and hours hold the commitment), by whom.
func refCoverable(sc *Scenario) []Cover {
	L := max(sc.CycleWeeks, 1) * refWeek
	var out []Cover
	for w := 0; w*refWeek < L; w++ {
		for _, c := range sc.Commitments {
			for d := Day(0); d < 7; d++ {
				if !refInWeek(c.Span, w) || !c.Span.Days.Has(d) {
					continue
				}
				s := w*refWeek + int(d)*24*60 + c.Span.Time.Start
				if by := refCoveredBy(sc, c, s, s+refLen(c.Span.Time), L); by != "" {
					out = append(out, Cover{Commitment: c.Name, Week: w + 1, Day: d, By: by})
				}
			}
		}
	}
	return out
}

// refEvalCov is refEval with the covers the plan uses: a covered
// commitment occurrence leaves the person's week (the README: a cover makes
// the commitment optional that day), every other one is theirs to do.
func refEvalCov(sc *Scenario, pi int, sess []refSession, bends []refBend, covered []Cover) refOut {
	weeks := max(sc.CycleWeeks, 1)
	L := weeks * refWeek
	var out refOut
	var acts []refAct
	var busy []refInterval
	fail := func(format string, a ...any) refOut {
		out.ok, out.why = false, fmt.Sprintf(format, a...)
		return out
	}
	used := make([]bool, len(bends))
	unpaid := map[[2]int]int{}
	for w := 0; w < weeks; w++ {
		for j, job := range sc.Jobs {
			for _, sh := range job.Shifts {
				if !refInWeek(sh, w) {
					continue
				}
				for d := Day(0); d < 7; d++ {
					if !sh.Days.Has(d) {
						continue
					}
					s0 := w*refWeek + int(d)*24*60 + sh.Time.Start
					e0 := s0 + refLen(sh.Time)
					ds, de := 0, 0
					for k, b := range bends {
						if !used[k] && b.job == j && b.week == w && b.day == d && b.clock == sh.Time {
							used[k], ds, de = true, b.ds, b.de
							break
						}
					}
					f := job.Flex
					if ds%5 != 0 || de%5 != 0 || ds < -f.StartEarlier || ds > f.StartLater || de < -f.EndEarlier || de > f.EndLater {
						return fail("bend %d/%d of %s week %d %s outside the flex", ds, de, job.Name, w+1, d)
					}
					s, e := s0+ds, e0+de
					if e <= s || e <= s0 || s >= e0 {
						return fail("bend of %s week %d %s keeps none of the shift", job.Name, w+1, d)
					}
					if ds != 0 || de != 0 {
						out.changes = append(out.changes, ShiftChange{Job: job.Name, Week: w + 1, Day: d, From: sh.Time,
							To: Clock{Start: refMod(s, 24*60), End: refMod(e-1, 24*60) + 1}})
					}
					out.moved += max(ds, -ds) + max(de, -de)
					unpaid[[2]int{j, w}] += max(0, ds-de)
					acts = append(acts, refAct{s: s, e: e, place: job.Place})
				}
			}
		}
	}
	for k := range bends {
		if !used[k] {
			return fail("bend %+v names no shift", bends[k])
		}
	}
	for key, u := range unpaid {
		out.unpaid += u
		if u > sc.Jobs[key[0]].MaxUnpaid {
			return fail("%d unpaid minutes at %s in week %d", u, sc.Jobs[key[0]].Name, key[1]+1)
		}
	}
	sessDay := map[int]bool{}
	p := &Program{}
	if pi >= 0 {
		p = &sc.Programs[pi]
	}
	place := p.Place
	if p.Modality == Virtual || place == "" {
		place = Home
	}
	perWeek := make([]int, weeks)
	countWeek := make([]int, weeks)
	for _, x := range sess {
		if sessDay[x.week*7+int(x.day)] {
			return fail("two sessions on week %d %s", x.week+1, x.day)
		}
		sessDay[x.week*7+int(x.day)] = true
		midnight := x.week*refWeek + int(x.day)*24*60
		n := refLen(x.clock)
		acts = append(acts, refAct{s: midnight + x.clock.Start - refEarly(sc, p), e: midnight + x.clock.Start + n,
			place: place, session: true, midnight: midnight, week: x.week})
		perWeek[x.week] += n
		countWeek[x.week]++
		out.sessionMin += n
	}
	for w := 0; w < weeks && pi >= 0; w++ {
		if countWeek[w] < max(p.MinDays, 1) || perWeek[w] < p.MinMinutes {
			return fail("week %d has %d sessions and %d minutes", w+1, countWeek[w], perWeek[w])
		}
		out.extra += perWeek[w] - p.MinMinutes
	}
	for w := 0; w < weeks; w++ {
		for _, c := range sc.Commitments {
			if !refInWeek(c.Span, w) {
				continue
			}
			for d := Day(0); d < 7; d++ {
				if !c.Span.Days.Has(d) {
					continue
				}
				s := w*refWeek + int(d)*24*60 + c.Span.Time.Start
				e := s + refLen(c.Span.Time)
				by, uses := refCoveredBy(sc, c, s, e, L), false
				for _, cv := range covered {
					uses = uses || (cv.Commitment == c.Name && cv.Week == w+1 && cv.Day == d)
				}
				if uses && by == "" {
					return fail("%s week %d %s is covered but no helper can cover it", c.Name, w+1, d)
				}
				switch {
				case uses:
					out.covers = append(out.covers, Cover{Commitment: c.Name, Week: w + 1, Day: d, By: by})
				case c.Place == "":
					busy = append(busy, refInterval{s, e, c.Name})
				default:
					acts = append(acts, refAct{s: s, e: e, place: c.Place})
				}
			}
		}
		for _, sl := range sc.Sleep {
			if !refInWeek(sl, w) {
				continue
			}
			for d := Day(0); d < 7; d++ {
				if sl.Days.Has(d) {
					s := w*refWeek + int(d)*24*60 + sl.Time.Start
					busy = append(busy, refInterval{s, s + refLen(sl.Time), "sleep"})
				}
			}
		}
	}
	// The cycle is a circle: bring every activity's start into [0, L), then
	// walk them in order, the last one leading round to the first.
	for i := range acts {
		k := acts[i].s - refMod(acts[i].s, L)
		acts[i].s -= k
		acts[i].e -= k
		acts[i].midnight -= k
	}
	sort.SliceStable(acts, func(a, b int) bool { return acts[a].s < acts[b].s })
	n := len(acts)
	moves := make([]refTransfer, n)
	for i := 0; i < n; i++ {
		prev := acts[refMod(i-1, n)]
		if i == 0 {
			prev.s, prev.e = prev.s-L, prev.e-L
		}
		cur := acts[i]
		busy = append(busy, refInterval{cur.s, cur.e, "activity"})
		if prev.e > cur.s {
			return fail("activities overlap at %d", cur.s)
		}
		t := refMove(sc, prev.place, prev.e, cur.place, cur.s)
		if t.noRoute {
			return fail("no way from %s to %s", prev.place, cur.place)
		}
		if t.arrive > cur.s {
			return fail("late for the activity at %d", cur.s)
		}
		for _, l := range t.legs {
			out.travel += l.dur
			if l.dur > 0 {
				busy = append(busy, refInterval{l.dep, l.dep + l.dur, "travel"})
			}
		}
		moves[i] = t
	}
	// Half-open intervals of a cycle overlap when one starts before the other
	// ends, on some lap.
	for a := range busy {
		for b := a + 1; b < len(busy); b++ {
			x, y := busy[a], busy[b]
			for _, sh := range []int{-2 * L, -L, 0, L, 2 * L} {
				if x.s < y.e+sh && y.s+sh < x.e {
					return fail("%s [%d,%d) overlaps %s [%d,%d)", x.what, x.s, x.e, y.what, y.s+sh, y.e+sh)
				}
			}
		}
	}
	homeW := make([]int, weeks)
	for w := range homeW {
		homeW[w] = -1
	}
	for i, a := range acts {
		if !a.session {
			continue
		}
		h := 2 * L
		if a.place == Home {
			h = a.e - a.midnight
		} else {
			for k := 1; k <= n; k++ {
				t := moves[(i+k)%n]
				if t.atHome {
					lap := 0
					if i+k >= n {
						lap = L
					}
					h = t.homeAt + lap - a.midnight
					break
				}
			}
		}
		homeW[a.week] = max(homeW[a.week], h)
	}
	for _, h := range homeW {
		if h >= 0 {
			out.homeSum += h
			out.latest = max(out.latest, h)
		}
	}
	sort.SliceStable(out.changes, func(a, b int) bool {
		x, y := out.changes[a], out.changes[b]
		return x.Week*7+int(x.Day) < y.Week*7+int(y.Day)
	})
	out.ok = true
	return out
}
