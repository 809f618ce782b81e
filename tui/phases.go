package tui

import (
	"fmt"

	"weekfit/planner"
)

// phaseMsg asks the root to show phase k of the plan on show, at the first
// week of its rotation, or at the last with last.
type phaseMsg struct {
	phase int
	last  bool
}

// phased returns the plan on show when its program has more than one phase.
func (d *shared) phased() *planner.Plan {
	if p := d.plan(); p != nil && len(p.Phases) > 1 {
		return p
	}
	return nil
}

// phaseView is the week and plan the grid shows: the phase on show of a
// plan with phases, else the week and plan themselves.
func (d *shared) phaseView() (*planner.Scenario, *planner.Plan) {
	p := d.phased()
	if p == nil {
		return d.shown, d.plan()
	}
	d.phase = min(max(d.phase, 0), len(p.Phases)-1)
	return d.shown.ForPhase(p.Program, d.phase), &p.Phases[d.phase].Plan
}

// phaseName names phase k of plan p: its own name, or "Phase 2" in discreet
// mode, as a name such as "Aftercare" says what the sessions are.
func (d *shared) phaseName(p *planner.Plan, k int) string {
	if d.discreet {
		return fmt.Sprintf("Phase %d", k+1)
	}
	return p.Phases[k].Name
}

// phaseWeeks returns the first and last week of the program that phase k
// of plan p covers.
func phaseWeeks(p *planner.Plan, k int) (int, int) {
	from := 1
	for i := 0; i < k; i++ {
		from += p.Phases[i].Weeks
	}
	return from, from + p.Phases[k].Weeks - 1
}

// phaseTitle says which phase the grid shows: "Phase 1 of 2: Intensive,
// weeks 1-6" ("Phase 1 of 2, weeks 1-6" in discreet mode); "" for a plan
// without phases.
func (d *shared) phaseTitle() string {
	p := d.phased()
	if p == nil {
		return ""
	}
	k := min(max(d.phase, 0), len(p.Phases)-1)
	a, b := phaseWeeks(p, k)
	name := ": " + d.phaseName(p, k)
	if d.discreet {
		name = ""
	}
	return fmt.Sprintf("Phase %d of %d%s, weeks %d-%d", k+1, len(p.Phases), name, a, b)
}

// phaseLines are the lines under a plan with phases on the Plans screen,
// one a phase: its name and weeks, track, session days and unpaid time a week.
func (d *shared) phaseLines(p *planner.Plan) []string {
	if len(p.Phases) < 2 {
		return nil
	}
	weeks := max(d.full.Weeks(), 1)
	var out []string
	for k := range p.Phases {
		ph := &p.Phases[k].Plan
		a, b := phaseWeeks(p, k)
		out = append(out, fmt.Sprintf("      %s, weeks %d-%d: %s %s · unpaid %s", d.phaseName(p, k), a, b, ph.Track,
			sessionTimes(ph), hm(ph.UnpaidMinutes/weeks)))
	}
	return out
}

// stepPhase moves the Week screen's grid by one week of the rotation, and
// past the first or last week of a phase into the phase before or after.
func (w weekScreen) stepPhase(delta int) (weekScreen, bool, phaseMsg) {
	p := w.d.phased()
	if p == nil {
		return w, false, phaseMsg{}
	}
	k := w.d.phase
	switch {
	case delta > 0 && w.grid.week < w.grid.weeks-1, delta < 0 && w.grid.week > 0:
		w.grid.Week(delta)
		return w, false, phaseMsg{}
	case delta > 0 && k < len(p.Phases)-1:
		return w, true, phaseMsg{phase: k + 1}
	case delta < 0 && k > 0:
		return w, true, phaseMsg{phase: k - 1, last: true}
	}
	return w, false, phaseMsg{}
}

// samePhases reports whether plans a and b, alike in their first phase,
// attend the same sessions in every later phase. A plan saved before plans
// kept their phases has none, and is the same as any plan alike in its first.
func samePhases(a, b *planner.Plan) bool {
	if len(a.Phases) == 0 || len(b.Phases) == 0 {
		return true
	}
	if len(a.Phases) != len(b.Phases) {
		return false
	}
	for k := 1; k < len(a.Phases); k++ {
		x, y := &a.Phases[k].Plan, &b.Phases[k].Plan
		if x.Track != y.Track || len(x.Sessions) != len(y.Sessions) {
			return false
		}
		for i := range x.Sessions {
			if x.Sessions[i] != y.Sessions[i] {
				return false
			}
		}
	}
	return true
}

// lockPhase says which phase a lock holds: " in phase 2 (Aftercare)" for a
// plan with phases, "" otherwise.
func (d *shared) lockPhase(ref planner.SessionRef) string {
	p := d.phased()
	if p == nil || ref.Phase < 0 || ref.Phase >= len(p.Phases) {
		return ""
	}
	return fmt.Sprintf(" in phase %d (%s)", ref.Phase+1, d.phaseName(p, ref.Phase))
}
