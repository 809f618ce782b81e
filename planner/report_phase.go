package planner

import (
	"bufio"
	"fmt"
	"math"
	"strings"
	"time"
)

// jsonPhase is one entry of plans[].phases[]: the phase's dates and its own
// plan, with the figures of plans[] for that phase.
type jsonPhase struct {
	Name  string `json:"name"`
	Weeks int    `json:"weeks"`
	From  string `json:"from"`
	Until string `json:"until"`
	jsonWeek
}

// jsonLeave is plans[].leave: the leave from work the plan takes.
type jsonLeave struct {
	HoursPerWeek         []float64 `json:"hours_per_week"`
	TotalHours           float64   `json:"total_hours"`
	EntitlementLeftHours float64   `json:"entitlement_left_hours"`
	RunsOut              *string   `json:"runs_out"`
}

// jsonCalendar adds a dated plan's phases and leave to its JSON entry.
func jsonCalendar(jp *jsonPlan, p *Plan) {
	for i := range p.Phases {
		ph := &p.Phases[i]
		jp.Phases = append(jp.Phases, jsonPhase{Name: ph.Name, Weeks: ph.Weeks, From: ph.From.Format(time.DateOnly),
			Until: ph.Until.Format(time.DateOnly), jsonWeek: jsonWeekOf(&ph.Plan)})
	}
	if l := p.Leave; l != nil {
		jl := &jsonLeave{HoursPerWeek: []float64{}, TotalHours: toHours(float64(l.TotalMinutes)),
			EntitlementLeftHours: toHours(float64(l.EntitlementLeft))}
		for _, m := range l.MinutesPerWeek {
			jl.HoursPerWeek = append(jl.HoursPerWeek, toHours(m))
		}
		if !l.RunsOut.IsZero() {
			d := l.RunsOut.Format(time.DateOnly)
			jl.RunsOut = &d
		}
		jp.Leave = jl
	}
}

// toHours writes minutes as hours, to two decimals.
func toHours(m float64) float64 { return math.Round(m/60*100) / 100 }

// planTrackText names a plan's track, or each phase's track in turn.
func planTrackText(p *Plan) string {
	if len(p.Phases) > 1 {
		var parts []string
		for _, ph := range p.Phases {
			parts = append(parts, fmt.Sprintf("%s: %s", ph.Name, trackText(ph.Plan.Track)))
		}
		return strings.Join(parts, ", then ")
	}
	return trackText(p.Track)
}

func trackText(t string) string {
	if t == MixedTrack {
		return "mixed tracks"
	}
	return t + " track"
}

// DateText writes a date for a person, such as "Mon 25 Oct 2027".
func DateText(d time.Time) string { return d.Format("Mon 2 Jan 2006") }

// writeCalendarText writes a dated plan's phases, one line each, and its leave.
func writeCalendarText(b *bufio.Writer, p *Plan) {
	if len(p.Phases) == 0 {
		return
	}
	fmt.Fprintf(b, "   Phases:\n")
	for _, ph := range p.Phases {
		var days []string
		for _, s := range ph.Plan.Sessions {
			d := s.Day.String() + " " + s.Time.String()
			if s.Week > 1 || ph.Plan.Sessions[len(ph.Plan.Sessions)-1].Week > 1 {
				d = fmt.Sprintf("week %d %s", s.Week, d)
			}
			days = append(days, d)
		}
		work := "no change at work"
		if ph.Plan.UnpaidMinutes > 0 || ph.Plan.MovedMinutes > 0 {
			work = fmt.Sprintf("unpaid %d min, moved %d min", ph.Plan.UnpaidMinutes, ph.Plan.MovedMinutes)
		}
		fmt.Fprintf(b, "     %s, %s to %s (%d weeks): %s, %s; %s\n", ph.Name, DateText(ph.From), DateText(ph.Until),
			ph.Weeks, trackText(ph.Plan.Track), strings.Join(days, ", "), work)
	}
	l := p.Leave
	if l == nil {
		return
	}
	var per []string
	for i, m := range l.MinutesPerWeek {
		per = append(per, fmt.Sprintf("%s a week in %s", hoursText(m), p.Phases[i].Name))
	}
	fmt.Fprintf(b, "   Leave: %s; %s in all (in steps of %d min); %s of %s left after it\n",
		strings.Join(per, ", "), hoursText(float64(l.TotalMinutes)), l.Increment, hoursText(float64(l.EntitlementLeft)), hoursText(float64(l.EntitlementTotal)))
	if w := l.Warning(); w != "" {
		fmt.Fprintf(b, "   ! %s\n", w)
	}
}
