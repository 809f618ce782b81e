package tui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"weekfit/planner"
)

// hours writes minutes as hours, to two decimals at most: "3 h", "4.5 h".
func hours(m float64) string {
	return strconv.FormatFloat(math.Round(m/60*100)/100, 'f', -1, 64) + " h"
}

// leaveText says the leave a dated plan takes: "leave 3 h/wk, 17 h in all,
// 493 h left", with a figure a week for each phase ("3 h/wk then 0 h/wk");
// "" for a plan without a leave ledger.
func leaveText(p *planner.Plan) string {
	l := p.Leave
	if l == nil {
		return ""
	}
	var weeks []string
	for _, m := range l.MinutesPerWeek {
		weeks = append(weeks, hours(m)+"/wk")
	}
	left := hours(float64(l.EntitlementLeft)) + " left"
	if l.EntitlementLeft < 0 {
		left = hours(float64(-l.EntitlementLeft)) + " more than is left"
	}
	return fmt.Sprintf("leave %s, %s in all, %s", strings.Join(weeks, " then "), hours(float64(l.TotalMinutes)), left)
}

// leaveLines are the lines under a dated plan on the Plans screen: the leave
// it takes and, when it needs more than is left, the week it runs out
// (warn). Both are empty for a plan without a leave ledger.
func leaveLines(p *planner.Plan) (line, warn string) {
	if p.Leave == nil {
		return "", ""
	}
	if w := p.Leave.Warning(); w != "" {
		warn = "      ! " + w
	}
	return "      " + leaveText(p), warn
}

// leaveCount is how many lines leaveLines gives for plan p.
func leaveCount(p *planner.Plan) int {
	line, warn := leaveLines(p)
	n := 0
	for _, l := range []string{line, warn} {
		if l != "" {
			n++
		}
	}
	return n
}

// comparePhases are the lines of a Compare column about a dated plan's
// phases and leave: each phase with its weeks, track, sessions and unpaid
// time a week, then the leave and when it runs out.
func (d *shared) comparePhases(p *planner.Plan) []string {
	var lines []string
	if len(p.Phases) > 1 {
		weeks := max(d.full.Weeks(), 1)
		lines = append(lines, "", "phases")
		for k := range p.Phases {
			ph := &p.Phases[k].Plan
			a, b := phaseWeeks(p, k)
			lines = append(lines, fmt.Sprintf("  %s, wk %d-%d: %s", d.phaseName(p, k), a, b, ph.Track),
				fmt.Sprintf("    %s · unpaid %s", sessionTimes(ph), hm(ph.UnpaidMinutes/weeks)))
		}
	}
	if l := p.Leave; l != nil {
		lines = append(lines, "", leaveText(p))
		if !l.RunsOut.IsZero() {
			lines = append(lines, "! runs out in the week of "+l.RunsOut.Format("Mon 2 Jan 2006"))
		}
	}
	return lines
}
