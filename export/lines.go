package export

import (
	"fmt"
	"strings"
	"time"

	"weekfit/planner"
)

// formatDate writes a date as "Mon 2 Mar 2026".
func formatDate(t time.Time) string { return t.Format("Mon 2 Jan 2006") }

// cycleWeekLabel names week w of a rotation ("week A", "week B", ...), or ""
// for a plain week.
func cycleWeekLabel(cycle, w int) string {
	if cycle < 2 {
		return ""
	}
	return fmt.Sprintf("week %c", 'A'+rune(w-1))
}

// sessionLines writes the plan's sessions as "Mon 17:30-20:30" lines, grouped
// by week of the rotation, with the hours each week.
func sessionLines(sc *planner.Scenario, p *planner.Plan) []string {
	var out []string
	for w := 1; w <= sc.Weeks(); w++ {
		var parts []string
		mins := 0
		for _, s := range p.Sessions {
			if s.Week == w {
				parts = append(parts, fmt.Sprintf("%s %s", s.Day, s.Time))
				mins += s.Time.Minutes()
			}
		}
		lead := "Every week"
		if sc.Weeks() > 1 {
			lead = capitalize(cycleWeekLabel(sc.Weeks(), w))
		}
		if len(parts) == 0 {
			parts = []string{"none"}
		}
		out = append(out, fmt.Sprintf("%s: %s (%s)", lead, strings.Join(parts, ", "), planner.FormatDuration(mins)))
	}
	return out
}

// changeLines writes the plan's shift changes as lines a person reads.
func changeLines(sc *planner.Scenario, p *planner.Plan, names bool) []string {
	var out []string
	for _, c := range p.ShiftChanges {
		wk := ""
		if sc.Weeks() > 1 {
			wk = cycleWeekLabel(sc.Weeks(), c.Week) + " "
		}
		out = append(out, fmt.Sprintf("%s, %s%s: %s instead of %s", planner.JobLabel(sc, c.Job, names), wk, c.Day, c.To, c.From))
	}
	return out
}

// coverLines writes who covers which commitment on which days, with neutral
// labels for both unless names.
func coverLines(sc *planner.Scenario, p *planner.Plan, names bool) []string {
	type key struct{ what, by string }
	var order []key
	days := map[key][]string{}
	for _, c := range p.Covered {
		k := key{c.Commitment, c.By}
		if _, ok := days[k]; !ok {
			order = append(order, k)
		}
		d := c.Day.String()
		if sc.Weeks() > 1 {
			d = cycleWeekLabel(sc.Weeks(), c.Week) + " " + d
		}
		days[k] = append(days[k], d)
	}
	var out []string
	for _, k := range order {
		out = append(out, fmt.Sprintf("%s: %s, by %s", planner.DutyLabel(sc, k.what, names), strings.Join(days[k], ", "), planner.HelperLabel(sc, k.by, names)))
	}
	return out
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
