package export

import (
	"context"
	"fmt"
	"time"

	"weekfit/planner"
)

// addPhaseEvents writes the events of phase k of a dated plan: one weekly
// recurring event per session (and, with opt.Travel, per added trip and
// changed shift) from the phase's first occurrence to its last, with an
// EXDATE for each closed day in between. A closed first or last day moves
// the start or the end instead, so every client shows the same.
func addPhaseEvents(w *icsWriter, sc *planner.Scenario, p *planner.Plan, k int, tzid string, opt Options) {
	ph := &p.Phases[k]
	events := sessionEvents(sc, &ph.Plan, opt)
	if opt.Travel {
		week := sc.ForPhase(p.Program, k)
		events = append(events, travelEvents(week, &ph.Plan, opt)...)
		events = append(events, workEvents(sc, &ph.Plan, opt)...)
	}
	seen := map[string]int{}
	for _, ev := range events {
		dates := planner.PhaseOccurrences(sc, p, k, ev.week, ev.day)
		for len(dates) > 0 && planner.ClosedOn(sc, p, dates[0]) {
			dates = dates[1:]
		}
		for len(dates) > 0 && planner.ClosedOn(sc, p, dates[len(dates)-1]) {
			dates = dates[:len(dates)-1]
		}
		if len(dates) == 0 {
			continue
		}
		var skip []time.Time
		for _, d := range dates {
			if planner.ClosedOn(sc, p, d) {
				skip = append(skip, d)
			}
		}
		key := fmt.Sprintf("%s|%d|%d", ev.kind, ev.week, ev.day)
		if k > 0 {
			key = fmt.Sprintf("%s|phase %d|%d|%d", ev.kind, k+1, ev.week, ev.day)
		}
		seen[key]++
		addEvent(w, ev, dates, skip, tzid, sc.Weeks(), opt, uid(opt.Seed, key, seen[key]))
	}
}

// phaseBudget bounds the solve that finds the later phases of a plan saved
// without them.
const phaseBudget = 2 * time.Second

// withPhases gives a plan of a dated week its phases and leave, dated from
// start (planner.WithPhases), within phaseBudget.
func withPhases(sc *planner.Scenario, p planner.Plan, start time.Time) planner.Plan {
	ctx, cancel := context.WithTimeout(context.Background(), phaseBudget)
	defer cancel()
	return planner.WithPhases(sc, p, start, planner.Options{Context: ctx})
}

// checkPhases makes sure a plan kept with its phases (a saved plan, or one
// read from a profile file) has one for each phase of program i, and that
// each phase's own plan belongs to the scenario (checkPlan).
func checkPhases(sc *planner.Scenario, p *planner.Plan, i int) error {
	if len(p.Phases) == 0 {
		return nil
	}
	if want := len(sc.Programs[i].PhaseList()); len(p.Phases) != want {
		return fmt.Errorf("the plan has %d phases, the program %d: %w", len(p.Phases), want, ErrPlanMismatch)
	}
	for k := range p.Phases {
		sub := p.Phases[k].Plan
		sub.Program, sub.Phases = p.Program, nil
		if err := checkPlan(sc, &sub); err != nil {
			return fmt.Errorf("phase %d: %w", k+1, err)
		}
	}
	return nil
}
