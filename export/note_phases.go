package export

import (
	"fmt"
	"strings"

	"weekfit/planner"
)

// phasedEmployerNote is the employer note of a plan whose program changes
// over time: one period per phase (never its name, which may say what the
// appointments are), with the changes at work on its days, the hours a week
// and over the period, counted in the week's leave increment, and the total.
func phasedEmployerNote(sc *planner.Scenario, p *planner.Plan, opt planner.ExportOptions) string {
	first, last := p.Phases[0].From, p.Phases[len(p.Phases)-1].Until
	weeks := 0
	for _, ph := range p.Phases {
		weeks += ph.Weeks
	}
	l := p.Leave
	if opt.Job != "" && len(sc.Jobs) > 1 {
		l = nil // the ledger counts every job's changes
	}
	var b strings.Builder
	b.WriteString("Request for a temporary schedule adjustment\n\n")
	fmt.Fprintf(&b, "I would like to ask for a temporary adjustment to my work schedule so that I\n"+
		"can attend scheduled medical appointments from %s to %s\n(%d weeks), in %d periods.\n", formatDate(first), formatDate(last), weeks, len(p.Phases))
	for k, ph := range p.Phases {
		fmt.Fprintf(&b, "\nPeriod %d: %s to %s (%d weeks)\n\n", k+1, formatDate(ph.From), formatDate(ph.Until), ph.Weeks)
		lines := phaseChangeLines(sc, &ph.Plan, opt.Job)
		if len(lines) == 0 {
			b.WriteString("  No change to my usual working hours: the appointments fall outside them.\n")
			continue
		}
		for _, line := range lines {
			fmt.Fprintf(&b, "  %s\n", line)
		}
		if l != nil {
			fmt.Fprintf(&b, "  Time away from work: %s a week, %s over the period\n", leaveHours(l.MinutesPerWeek[k]), leaveHours(float64(l.PhaseMinutes[k])))
		}
	}
	if l != nil {
		fmt.Fprintf(&b, "\nIn all: %s over the %d weeks, each absence counted in steps of %s.\n", leaveHours(float64(l.TotalMinutes)), weeks, planner.FormatDuration(l.Increment))
		if len(l.Skipped) > 0 {
			var ds []string
			for _, d := range l.Skipped {
				ds = append(ds, formatDate(d))
			}
			fmt.Fprintf(&b, "No change is needed on %s.\n", strings.Join(ds, ", "))
		}
	}
	b.WriteString("\nThe dates and times are fixed in advance. I can provide a certification from\n" +
		"my health care provider if it is needed, and I am glad to talk about how to\n" +
		"cover my work at these times.\n")
	return b.String()
}

// phaseChangeLines writes a phase's shift changes, the same change on
// several days as one line: "Mon, Tue, Thu: 09:00-17:00 instead of
// 09:00-17:30". With job set, only that job's.
func phaseChangeLines(sc *planner.Scenario, p *planner.Plan, job string) []string {
	type change struct {
		job      string
		week     int
		from, to planner.Clock
	}
	var order []change
	days := map[change][]string{}
	for _, c := range p.ShiftChanges {
		if job != "" && c.Job != job {
			continue
		}
		k := change{c.Job, c.Week, c.From, c.To}
		if sc.Weeks() == 1 {
			k.week = 0
		}
		if _, ok := days[k]; !ok {
			order = append(order, k)
		}
		days[k] = append(days[k], c.Day.String())
	}
	jobs := map[string]bool{}
	for _, k := range order {
		jobs[k.job] = true
	}
	var out []string
	for _, k := range order {
		when := strings.Join(days[k], ", ")
		if k.week > 0 {
			when += fmt.Sprintf(" of week %d of %d", k.week, sc.Weeks())
		}
		at := ""
		if len(jobs) > 1 {
			at = " (" + k.job + ")"
		}
		out = append(out, fmt.Sprintf("%s: %s instead of %s%s", when, k.to, k.from, at))
	}
	return out
}

// leaveHours writes minutes of leave as hours: "3 h", "1.5 h".
func leaveHours(m float64) string {
	h := m / 60
	if h == float64(int(h)) {
		return fmt.Sprintf("%d h", int(h))
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", h), "0"), ".") + " h"
}
