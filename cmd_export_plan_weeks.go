package main

import (
	"strings"

	"weekfit/planner"
)

// spanWeeks applies --weeks N to plan p of week sc. A program with phases
// takes its length from them, so --weeks is refused (exit 2) for its plans;
// a dated program without phases (its one phase, from a start, leave rules
// or closed days) lasts N weeks, as does the span of an undated one (which
// export.Options.Weeks sets). It changes copies, never sc or p themselves.
func spanWeeks(sc *planner.Scenario, p planner.Plan, weeks int) (*planner.Scenario, planner.Plan, error) {
	pi := sc.ProgramIndex(p.Program)
	if weeks == 0 || pi < 0 || !sc.Dated() {
		return sc, p, nil
	}
	prog := &sc.Programs[pi]
	if len(prog.Phases) > 0 {
		var names []string
		for _, ph := range prog.Phases {
			names = append(names, ph.Name)
		}
		return nil, p, usageErr("--weeks: the program has phases (%s), which last %d weeks together and set its length; leave --weeks out, or change the phases' weeks in the week",
			strings.Join(names, ", "), prog.TotalWeeks())
	}
	out := sc.Clone()
	out.Programs[pi].Weeks = weeks
	if len(p.Phases) == 1 {
		p.Phases = append([]planner.PhasePlan(nil), p.Phases...)
		p.Phases[0].Weeks = weeks
	}
	return out, p, nil
}
