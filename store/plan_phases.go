package store

import (
	"fmt"
	"time"

	"weekfit/planner"
)

// phaseJSON is one phase of a saved plan: its dates and its own plan (whose
// own phases and leave are empty). Records written before phases were kept
// have none, and read back as a plan of one week, as before.
type phaseJSON struct {
	Name  string   `json:"name"`
	Weeks int      `json:"weeks"`
	From  string   `json:"from"`  // YYYY-MM-DD
	Until string   `json:"until"` // YYYY-MM-DD
	Plan  planJSON `json:"plan"`
}

// leaveJSON is the leave ledger of a saved plan, in minutes.
type leaveJSON struct {
	Increment        int       `json:"increment_minutes"`
	MinutesPerWeek   []float64 `json:"minutes_per_week"`
	TotalMinutes     int       `json:"total_minutes"`
	EntitlementLeft  int       `json:"entitlement_left_minutes"`
	EntitlementTotal int       `json:"entitlement_minutes"`
	RunsOut          string    `json:"runs_out,omitempty"` // YYYY-MM-DD, or empty when the leave lasts
	PhaseMinutes     []int     `json:"phase_minutes"`
	Skipped          []string  `json:"skipped,omitempty"` // YYYY-MM-DD each
}

// maxPhases bounds the phases a saved plan may have: a program lasts at most
// 104 weeks, and a phase at least one.
const maxPhases = 104

func dayText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// dayOf reads a date written by dayText; check has made sure it reads.
func dayOf(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func toPhasesJSON(p planner.Plan) ([]phaseJSON, *leaveJSON) {
	var phases []phaseJSON
	for _, ph := range p.Phases {
		sub := ph.Plan
		sub.Phases, sub.Leave = nil, nil
		phases = append(phases, phaseJSON{Name: ph.Name, Weeks: ph.Weeks, From: dayText(ph.From), Until: dayText(ph.Until), Plan: toPlanJSON(sub)})
	}
	if p.Leave == nil {
		return phases, nil
	}
	l := p.Leave
	out := &leaveJSON{Increment: l.Increment, MinutesPerWeek: append([]float64{}, l.MinutesPerWeek...), TotalMinutes: l.TotalMinutes,
		EntitlementLeft: l.EntitlementLeft, EntitlementTotal: l.EntitlementTotal, RunsOut: dayText(l.RunsOut), PhaseMinutes: append([]int{}, l.PhaseMinutes...)}
	for _, d := range l.Skipped {
		out.Skipped = append(out.Skipped, dayText(d))
	}
	return phases, out
}

// phasesOf sets the phases and leave kept in j on plan p.
func (j planJSON) phasesOf(p *planner.Plan) {
	for _, ph := range j.Phases {
		p.Phases = append(p.Phases, planner.PhasePlan{Name: planner.StripControls(ph.Name), Weeks: ph.Weeks,
			From: dayOf(ph.From), Until: dayOf(ph.Until), Plan: planner.CleanPlan(ph.Plan.plan())})
	}
	if j.Leave == nil {
		return
	}
	l := j.Leave
	led := &planner.LeaveLedger{Increment: l.Increment, MinutesPerWeek: append([]float64(nil), l.MinutesPerWeek...), TotalMinutes: l.TotalMinutes,
		EntitlementLeft: l.EntitlementLeft, EntitlementTotal: l.EntitlementTotal, PhaseMinutes: append([]int(nil), l.PhaseMinutes...)}
	if l.RunsOut != "" {
		led.RunsOut = dayOf(l.RunsOut)
	}
	for _, d := range l.Skipped {
		led.Skipped = append(led.Skipped, dayOf(d))
	}
	p.Leave = led
}

// checkPhases refuses phases and leave a person could not have chosen.
func (j planJSON) checkPhases() error {
	if len(j.Phases) > maxPhases {
		return fmt.Errorf("the plan has %d phases; a program has at most %d", len(j.Phases), maxPhases)
	}
	for i, ph := range j.Phases {
		if ph.Name == "" || ph.Weeks < 1 || ph.Weeks > maxPhases {
			return fmt.Errorf("phase %d has no name or an impossible number of weeks", i+1)
		}
		if err := checkDays(ph.From, ph.Until); err != nil {
			return fmt.Errorf("phase %d: %w", i+1, err)
		}
		if len(ph.Plan.Phases) > 0 || ph.Plan.Leave != nil {
			return fmt.Errorf("phase %d has phases of its own", i+1)
		}
		if err := ph.Plan.check(); err != nil {
			return fmt.Errorf("phase %d: %w", i+1, err)
		}
	}
	if l := j.Leave; l != nil {
		if l.Increment < 1 || l.Increment > 60 {
			return fmt.Errorf("the leave is counted in steps of %d minutes; it must be 1 to 60", l.Increment)
		}
		if len(l.MinutesPerWeek) > maxPhases || len(l.PhaseMinutes) > maxPhases {
			return fmt.Errorf("the leave lists more phases than a program has")
		}
		if err := checkDays(append([]string{l.RunsOut}, l.Skipped...)...); err != nil {
			return fmt.Errorf("the leave: %w", err)
		}
	}
	return nil
}

// checkDays makes sure every non-empty s is a date written YYYY-MM-DD.
func checkDays(days ...string) error {
	for _, s := range days {
		if s == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return fmt.Errorf("%q is not a date", s)
		}
	}
	return nil
}
