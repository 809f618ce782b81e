package planner

import (
	"bufio"
	"fmt"
	"strings"
)

type jsonWarning struct {
	Kind    string `json:"kind"`
	Day     string `json:"day"` // empty for no_day_off
	Week    int    `json:"week"`
	Minutes int    `json:"minutes"`
	Text    string `json:"text"`
}

// jsonChecks is a plan's tightest slack (nil for none), bad-day fit and
// warnings as plans[] holds them; a plan not checked has none of them.
func jsonChecks(p *Plan) (*int, *bool, []jsonWarning) {
	var slack *int
	var bad *bool
	if p.Checked && p.TightestSlack >= 0 {
		v := p.TightestSlack
		slack = &v
	}
	if p.Checked {
		v := p.FitsBadDay
		bad = &v
	}
	ws := []jsonWarning{}
	for _, w := range p.Warnings {
		day := w.Day.String()
		if w.Kind == WarnNoDayOff {
			day = ""
		}
		ws = append(ws, jsonWarning{Kind: w.Kind, Day: day, Week: w.Week, Minutes: w.Minutes, Text: w.Text})
	}
	return slack, bad, ws
}

// SlackText says a plan's tightest slack in a few words: "tightest trip
// 10 min to spare", or "" when the plan adds no trip with a time to keep.
func SlackText(p *Plan) string {
	if !p.Checked || p.TightestSlack < 0 {
		return ""
	}
	return fmt.Sprintf("tightest trip %d min to spare", p.TightestSlack)
}

// WarningBadge sums up a plan's warnings in a few characters for a list row:
// "!2" for two warnings, "" for none.
func WarningBadge(p *Plan) string {
	if len(p.Warnings) == 0 {
		return ""
	}
	return fmt.Sprintf("!%d", len(p.Warnings))
}

// writeChecksText writes a plan's tightest slack and warnings under it.
func writeChecksText(b *bufio.Writer, p *Plan) {
	if s := SlackText(p); s != "" {
		fmt.Fprintf(b, "   %s%s\n", strings.ToUpper(s[:1]), s[1:])
	}
	for _, w := range p.Warnings {
		fmt.Fprintf(b, "   ! %s\n", w.Text)
	}
}

// writePreferencesText says, when the week has preferences, that the plans
// are ranked by them: "Ranked by your preferences (robust 5, fewer_days 2),
// then the default order."
func writePreferencesText(b *bufio.Writer, sc *Scenario) {
	if sc.Preferences.None() {
		return
	}
	var parts []string
	for i, w := range sc.Preferences.Weights() {
		if w > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", PreferenceNames[i], w))
		}
	}
	fmt.Fprintf(b, "Ranked by your preferences (%s), then the default order.\n", strings.Join(parts, ", "))
}
