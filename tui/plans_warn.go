package tui

import (
	"fmt"
	"strings"

	"weekfit/planner"
)

// maxPlanWarnings is how many of a plan's warnings Plans shows under it.
const maxPlanWarnings = 2

// warnBadge is a plan row's mark for its warnings: " · !2" for two, nothing
// for a plan without any. It is text, so it shows without colour.
func warnBadge(pl *planner.Plan) string {
	if len(pl.Warnings) == 0 {
		return ""
	}
	return fmt.Sprintf(" · !%d", len(pl.Warnings))
}

// slackNote is " · tightest trip 5 min to spare", or nothing.
func slackNote(pl *planner.Plan) string {
	if s := planner.SlackText(pl); s != "" {
		return " · " + s
	}
	return ""
}

// planWarnLines are a plan's warnings, one line each (at most
// maxPlanWarnings, then how many more Compare shows).
func (p *plansScreen) planWarnLines(pl *planner.Plan) []string {
	var lines []string
	for i, w := range pl.Warnings {
		if i == maxPlanWarnings {
			lines = append(lines, p.st.Error.Render(fmt.Sprintf("      ! and %d more (c compares plans with all of them)", len(pl.Warnings)-i)))
			break
		}
		l, _, _ := strings.Cut(wrap("! "+p.d.neutralText(w.Text), max(p.width-8, 1)), "\n")
		lines = append(lines, p.st.Error.Render("      "+l))
	}
	return lines
}

// warnColumn is what Compare shows of a plan's checks: its tightest trip,
// whether it fits a bad-traffic day, and every warning.
func warnColumn(d *shared, pl *planner.Plan) []string {
	if !pl.Checked {
		return nil
	}
	slack := "tightest trip: none added"
	if pl.TightestSlack >= 0 {
		slack = fmt.Sprintf("tightest trip %d min", pl.TightestSlack)
	}
	bad := "bad-traffic day: on time"
	if !pl.FitsBadDay {
		bad = "bad-traffic day: late"
	}
	lines := []string{slack, bad, fmt.Sprintf("warnings %d", len(pl.Warnings))}
	for _, w := range pl.Warnings {
		lines = append(lines, "! "+d.neutralText(w.Text))
	}
	return lines
}
