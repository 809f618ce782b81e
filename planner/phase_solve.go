package planner

import (
	"sort"
	"time"
)

// AllWeeksPhase names the one phase of a program that gives no phases.
const AllWeeksPhase = "All weeks"

// PhasePlan is what a plan does in one phase of its program: the dates the
// phase runs and the phase's own plan (its track, sessions and figures over
// one week or rotation, as a plan of a program without phases has).
type PhasePlan struct {
	Name  string
	Weeks int
	From  time.Time // the phase's first day, midnight UTC
	Until time.Time // the phase's last day, midnight UTC
	Plan  Plan
}

// TotalWeeks returns how long the program lasts: the sum of its phases, its
// own weeks, or DefaultProgramWeeks when it gives neither.
func (p *Program) TotalWeeks() int {
	if len(p.Phases) > 0 {
		n := 0
		for _, ph := range p.Phases {
			n += ph.Weeks
		}
		return n
	}
	if p.Weeks > 0 {
		return p.Weeks
	}
	return DefaultProgramWeeks
}

// PhaseList returns the program's phases with every rule filled in from the
// program where the phase gives none; a program without phases is one phase,
// AllWeeksPhase, of its TotalWeeks.
func (p *Program) PhaseList() []Phase {
	if len(p.Phases) == 0 {
		return []Phase{p.phaseOf(Phase{Name: AllWeeksPhase, Weeks: p.TotalWeeks()})}
	}
	out := make([]Phase, len(p.Phases))
	for i, ph := range p.Phases {
		out[i] = p.phaseOf(ph)
	}
	return out
}

func (p *Program) phaseOf(ph Phase) Phase {
	if ph.MinDays == nil {
		ph.MinDays = &p.MinDays
	}
	if ph.MinMinutes == nil {
		ph.MinMinutes = &p.MinMinutes
	}
	if ph.MixTracks == nil {
		ph.MixTracks = &p.MixTracks
	}
	if ph.Tracks == nil {
		ph.Tracks = p.Tracks
	}
	return ph
}

// StartDate returns the programs' first day: the scenario's start, or the
// Monday after today when it gives none.
func (s *Scenario) StartDate(today time.Time) time.Time {
	if !s.Start.IsZero() {
		return Date(s.Start)
	}
	return NextMonday(today)
}

// Dated reports whether plans of this scenario carry their phases and leave:
// the scenario gives a start, leave rules, or a program with phases or closed
// dates.
func (s *Scenario) Dated() bool {
	return s.phased() || !s.Start.IsZero() || s.Leave != nil
}

func (s *Scenario) phased() bool {
	for i := range s.Programs {
		if len(s.Programs[i].Phases) > 0 || len(s.Programs[i].Closed) > 0 {
			return true
		}
	}
	return false
}

// phaseOption is one group (a track, or every track of a phase that mixes
// them) of one phase, with its best plans.
type phaseOption struct {
	name  string
	plans []Plan
}

// phaseChain is a plan for a whole program: one plan of one option a phase.
type phaseChain struct {
	prog  int
	key   rankKey
	opts  []int
	plans []int
}

// solvePhased solves a scenario whose programs have phases: each phase of
// each program is solved as a week of its own, group by group, and the
// phases' plans are chained into the best plans for the whole program.
func solvePhased(sc *Scenario, opt Options) (*Result, error) {
	res := &Result{FixesSought: opt.Fixes}
	if opt.Cache == nil {
		opt.Cache = NewCache() // the phases share one week, and so its prices
	}
	var chains []phaseChain
	var options [][][]phaseOption // per program, per phase
	for pi := range sc.Programs {
		p := &sc.Programs[pi]
		options = append(options, nil)
		if len(opt.Programs) > 0 && !containsStr(opt.Programs, p.ID) {
			continue
		}
		phases := p.PhaseList()
		per := make([][]phaseOption, len(phases))
		more := false
		for k, ph := range phases {
			o, m, err := solvePhase(sc, p, ph, k, len(p.Phases) > 0, opt, res)
			if err != nil {
				return nil, err
			}
			per[k], more = o, more || m
		}
		options[pi] = per
		cs := chainPhases(pi, phases, per, opt.Top)
		res.More = res.More || (more && len(cs) > 0)
		chains = append(chains, cs...)
	}
	sort.SliceStable(chains, func(i, j int) bool { return chains[i].less(&chains[j]) })
	if len(chains) > opt.Top {
		chains, res.More = chains[:opt.Top], true
	}
	for _, c := range chains {
		p := &sc.Programs[c.prog]
		phases := p.PhaseList()
		pl := options[c.prog][0][c.opts[0]].plans[c.plans[0]]
		pl.Program, pl.ProgramName = p.ID, p.Name
		for k := range phases {
			sub := options[c.prog][k][c.opts[k]].plans[c.plans[k]]
			sub.Program, sub.ProgramName = p.ID, p.Name
			pl.Phases = append(pl.Phases, PhasePlan{Name: phases[k].Name, Weeks: phases[k].Weeks, Plan: sub})
		}
		res.Plans = append(res.Plans, pl)
	}
	if !opt.skipChecks {
		checkPhases(sc, res.Plans)
	}
	return res, nil
}

// checkPhases works out the warnings of each phase of each plan on that
// phase's week (one checker a phase), and gives each plan its first phase's.
func checkPhases(sc *Scenario, plans []Plan) {
	checkers := map[[2]int]*checker{}
	for i := range plans {
		pl := &plans[i]
		pi := sc.ProgramIndex(pl.Program)
		phases := sc.Programs[pi].PhaseList()
		for k := range pl.Phases {
			c := checkers[[2]int{pi, k}]
			if c == nil {
				c = newChecker(compile(sc.phaseScenario(&sc.Programs[pi], phases[k])))
				checkers[[2]int{pi, k}] = c
			}
			pl.Phases[k].Plan.SetChecks(c.check(&pl.Phases[k].Plan))
		}
		if len(pl.Phases) > 0 {
			ph := &pl.Phases[0].Plan
			pl.SetChecks(Checks{Warnings: ph.Warnings, TightestSlack: ph.TightestSlack, FitsBadDay: ph.FitsBadDay,
				LongestDay: ph.longestDay, WeeksNoDayOff: ph.weeksNoDayOff})
		}
	}
}

// solvePhase solves one phase of program p, one group at a time, and adds
// its rejections (named by phase when the program has phases) to res.
func solvePhase(sc *Scenario, p *Program, ph Phase, k int, named bool, opt Options, res *Result) (out []phaseOption, more bool, err error) {
	var groups [][]Track
	if *ph.MixTracks {
		groups = [][]Track{ph.Tracks}
	} else {
		for _, t := range ph.Tracks {
			groups = append(groups, []Track{t})
		}
	}
	for _, tracks := range groups {
		if opt.Context != nil && opt.Context.Err() != nil {
			res.Incomplete = IncompleteSentence // past the budget: no more phase weeks to solve
			return out, more, nil
		}
		sub := sc.phaseScenario(p, ph)
		sub.Programs[0].Tracks = tracks
		so := opt
		so.Programs, so.Require = nil, phaseLocks(opt.Require, k)
		so.skipChecks = true // only the plans the chains keep are checked (solvePhased)
		// the chains read every phase week's plan in full, and each week is
		// compiled on its own
		so.unfinished, so.compiled = false, nil
		r, err := Solve(sub, so)
		if err != nil {
			return nil, false, err
		}
		for _, w := range r.Warnings {
			if !containsStr(res.Warnings, w) {
				res.Warnings = append(res.Warnings, w)
			}
		}
		if r.Incomplete != "" {
			res.Incomplete = r.Incomplete
		}
		for _, rej := range r.Rejected {
			if named {
				rej.Phase = ph.Name
			}
			res.Rejected = append(res.Rejected, rej)
		}
		if len(r.Plans) > 0 {
			if r.More { // more plans of this phase, so more of the program
				more = true
			}
			name := tracks[0].Name
			if *ph.MixTracks {
				name = MixedTrack
			}
			out = append(out, phaseOption{name: name, plans: r.Plans})
		}
	}
	return out, more, nil
}

// ForPhase returns the week as phase k of program id sees it: a scenario
// whose one program has that phase's rules and tracks, for a grid or a solve
// of that phase. Without such a program or phase it returns s.
func (s *Scenario) ForPhase(id string, k int) *Scenario {
	pi := s.ProgramIndex(id)
	if pi < 0 {
		return s
	}
	phases := s.Programs[pi].PhaseList()
	if k < 0 || k >= len(phases) {
		return s
	}
	return s.phaseScenario(&s.Programs[pi], phases[k])
}

// phaseScenario is the week with program p alone, under the rules of its
// (filled-in) phase ph, and without the calendar.
func (s *Scenario) phaseScenario(p *Program, ph Phase) *Scenario {
	sub := *s
	sub.Start, sub.Leave, sub.Catalog = time.Time{}, nil, nil
	dp := *p
	dp.Phases, dp.Closed, dp.Weeks = nil, nil, ph.Weeks
	dp.MinDays, dp.MinMinutes, dp.MixTracks, dp.Tracks = *ph.MinDays, *ph.MinMinutes, *ph.MixTracks, ph.Tracks
	sub.Programs = []Program{dp}
	return &sub
}

// chainPhases returns the top best plans for program pi that take one
// option of each phase. A phase that does not mix tracks keeps the track
// of the phase before when it offers a track of that name. The figures of
// each phase count times its weeks.
func chainPhases(pi int, phases []Phase, per [][]phaseOption, top int) []phaseChain {
	cur := make([][]phaseChain, 0)
	for oi, o := range per[0] {
		var cs []phaseChain
		for j := range o.plans {
			cs = append(cs, phaseChain{prog: pi, key: o.plans[j].key.times(phases[0].Weeks), opts: []int{oi}, plans: []int{j}})
		}
		cur = append(cur, cs)
	}
	for k := 1; k < len(phases); k++ {
		next := make([][]phaseChain, len(per[k]))
		for o2, opt := range per[k] {
			// every chain before, extended by each plan of this option,
			// ranked without copying the chains (their options and plans
			// come before o2 and j in the order), and only the best top
			// kept as chains
			var links []chainLink
			for o1, prev := range cur {
				if len(prev) == 0 || !keepsTrack(phases[k], per[k-1][o1].name, opt.name) {
					continue
				}
				for ci := range prev {
					for j := range opt.plans {
						links = append(links, chainLink{key: prev[ci].key.plus(opt.plans[j].key.times(phases[k].Weeks)), prev: &prev[ci], j: j})
					}
				}
			}
			sort.SliceStable(links, func(a, b int) bool { return links[a].less(&links[b]) })
			if len(links) > top {
				links = links[:top]
			}
			cs := make([]phaseChain, len(links))
			for i, l := range links {
				cs[i] = phaseChain{prog: pi, key: l.key, opts: append(append([]int(nil), l.prev.opts...), o2),
					plans: append(append([]int(nil), l.prev.plans...), l.j)}
			}
			next[o2] = cs
		}
		cur = next
	}
	var out []phaseChain
	for _, cs := range cur {
		out = append(out, cs...)
	}
	return out
}

// chainLink is a chain before extended by plan j of the next phase's option,
// not yet copied into a phaseChain.
type chainLink struct {
	key  rankKey
	prev *phaseChain
	j    int
}

// less orders links of one option as phaseChain.less orders the chains they
// would make: the option is the same, so the chains before, then j decide.
func (a *chainLink) less(b *chainLink) bool {
	if c := a.key.cmp(b.key); c != 0 {
		return c < 0
	}
	if c := cmpInts(a.prev.opts, b.prev.opts); c != 0 {
		return c < 0
	}
	if c := cmpInts(a.prev.plans, b.prev.plans); c != 0 {
		return c < 0
	}
	return a.j < b.j
}

// keepsTrack reports whether a plan whose phase before took track prev may
// take option next in phase ph: a phase that does not mix tracks and offers a
// track named prev keeps it.
func keepsTrack(ph Phase, prev, next string) bool {
	if *ph.MixTracks {
		return true
	}
	for _, t := range ph.Tracks {
		if t.Name == prev {
			return next == prev
		}
	}
	return true
}

// times scales a key by a phase's weeks; the latest return home stays.
func (a rankKey) times(w int) rankKey {
	return rankKey{a.unpaid * w, a.moved * w, a.covers * w, a.travel * w, a.extra * w, a.home * w, a.latest}
}

// less orders chains best first: by their weighted figures, then program
// order, then the tracks' order and each phase's plan order.
func (a *phaseChain) less(b *phaseChain) bool {
	if c := a.key.cmp(b.key); c != 0 {
		return c < 0
	}
	if a.prog != b.prog {
		return a.prog < b.prog
	}
	if c := cmpInts(a.opts, b.opts); c != 0 {
		return c < 0
	}
	return cmpInts(a.plans, b.plans) < 0
}

// phaseLocks returns the locks of phase k (SessionRef.Phase), as locks of
// the week of that phase alone.
func phaseLocks(refs []SessionRef, k int) []SessionRef {
	var out []SessionRef
	for _, r := range refs {
		if r.Phase == k {
			r.Phase = 0
			out = append(out, r)
		}
	}
	return out
}
