package planner

import "time"

// DatePhases dates plan p's phases from start, the program's first day, and
// works out its leave again: for an export that starts on another day than
// the solve did. A plan without phases is left as it is.
func DatePhases(sc *Scenario, p *Plan, start time.Time) {
	pi := sc.ProgramIndex(p.Program)
	if pi < 0 || len(p.Phases) == 0 {
		return
	}
	datePlan(sc, &sc.Programs[pi], p, Date(start))
}

// PhaseOccurrences lists the dates of phase k of plan p on which day d of
// week w (1-based) of the rotation falls, earliest first, closed dates
// included (ClosedOn tells them).
func PhaseOccurrences(sc *Scenario, p *Plan, k, w int, d Day) []time.Time {
	if k < 0 || k >= len(p.Phases) {
		return nil
	}
	var out []time.Time
	phaseDates(p.Phases[0].From, &p.Phases[k], sc.Weeks(), w, d, func(t time.Time) { out = append(out, t) })
	return out
}

// ClosedOn reports whether the program of plan p is closed on date d.
func ClosedOn(sc *Scenario, p *Plan, d time.Time) bool {
	pi := sc.ProgramIndex(p.Program)
	return pi >= 0 && isClosed(&sc.Programs[pi], Date(d))
}

// WithPhases returns plan p with its phases and leave: p itself when it has
// them or the week is not Dated, else the best plan for the whole program
// that holds p's sessions in its first phase (a plan saved before its
// phases were, or kept without them), dated from start. It returns p when
// no such plan fits.
func WithPhases(sc *Scenario, p Plan, start time.Time, opt Options) Plan {
	if len(p.Phases) > 0 || !sc.Dated() || sc.ProgramIndex(p.Program) < 0 {
		if len(p.Phases) > 0 {
			DatePhases(sc, &p, start)
		}
		return p
	}
	opt.Top, opt.Programs, opt.Require, opt.Fixes = 1, []string{p.Program}, nil, false
	for _, s := range p.Sessions {
		opt.Require = append(opt.Require, SessionRef{Program: p.Program, Week: s.Week, Day: s.Day, Time: s.Time})
	}
	res, err := Solve(sc, opt)
	if err != nil || len(res.Plans) == 0 || !sameSessions(res.Plans[0].Phases[0].Plan.Sessions, p.Sessions) {
		return p
	}
	out := res.Plans[0]
	DatePhases(sc, &out, start)
	return out
}

func sameSessions(a, b []Session) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
