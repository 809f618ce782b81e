package export

import (
	"fmt"
	"strings"

	"weekfit/planner"
)

// phaseMarkdown is the handout's section for a dated plan: a table of its
// phases, the key dates (the start, each change, the end, the closed days)
// and, for each session day of each phase, when to leave, when to be there
// and when the person is home. It is empty for a plan without phases.
// Phase names show only with names, as they may say what the sessions are.
func phaseMarkdown(sc *planner.Scenario, p *planner.Plan, opt planner.ExportOptions) string {
	if len(p.Phases) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n## Phases\n\n| Phase | From | Until | Weeks | Days and times |\n| --- | --- | --- | --- | --- |\n")
	for k, ph := range p.Phases {
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %s |\n", phaseLabel(p, k, opt.Names), formatDate(ph.From), formatDate(ph.Until), ph.Weeks, sessionDays(&ph.Plan))
	}
	b.WriteString("\n## Key dates\n\n")
	for _, line := range keyDates(sc, p, opt.Names) {
		fmt.Fprintf(&b, "- %s\n", line)
	}
	b.WriteString("\n## Each session day\n\n| Phase | Day | Leave | Be there | Session | Home |\n| --- | --- | --- | --- | --- | --- |\n")
	for k := range p.Phases {
		for _, r := range dayTimes(sc, p, k) {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", phaseLabel(p, k, opt.Names), r.day, r.leave, r.arrive, r.session, r.home)
		}
	}
	return b.String()
}

// phaseLabel names phase k: "1 Intensive" with names, else "1".
func phaseLabel(p *planner.Plan, k int, names bool) string {
	if names && p.Phases[k].Name != planner.AllWeeksPhase {
		return fmt.Sprintf("%d %s", k+1, p.Phases[k].Name)
	}
	return fmt.Sprint(k + 1)
}

// sessionDays writes a phase's sessions, the same time on several days as
// one: "Mon, Tue, Thu 17:30-21:00".
func sessionDays(p *planner.Plan) string {
	var order []string
	days := map[string][]string{}
	for _, s := range p.Sessions {
		t := s.Time.String()
		if _, ok := days[t]; !ok {
			order = append(order, t)
		}
		d := s.Day.String()
		if s.Week > 1 || hasWeek2(p) {
			d = fmt.Sprintf("%s (week %d)", d, s.Week)
		}
		days[t] = append(days[t], d)
	}
	var parts []string
	for _, t := range order {
		parts = append(parts, strings.Join(days[t], ", ")+" "+t)
	}
	return strings.Join(parts, "; ")
}

func hasWeek2(p *planner.Plan) bool {
	for _, s := range p.Sessions {
		if s.Week > 1 {
			return true
		}
	}
	return false
}

// keyDates lists the start, each change of phase, the end and the closed
// days that fall on a session.
func keyDates(sc *planner.Scenario, p *planner.Plan, names bool) []string {
	dated := planner.PhaseSchedule(sc, p)
	var out []string
	for k, ph := range p.Phases {
		what := "the start"
		if k > 0 {
			what = "phase " + phaseLabel(p, k, names) + " begins"
		}
		line := fmt.Sprintf("%s: %s (%s)", formatDate(ph.From), what, sessionDays(&ph.Plan))
		if len(dated[k]) > 0 && !dated[k][0].Date.Equal(ph.From) {
			line += fmt.Sprintf(", first session %s", formatDate(dated[k][0].Date))
		}
		out = append(out, line)
	}
	last := p.Phases[len(p.Phases)-1]
	line := fmt.Sprintf("%s: the end", formatDate(last.Until))
	if d := dated[len(dated)-1]; len(d) > 0 {
		line += fmt.Sprintf(" (last session %s)", formatDate(d[len(d)-1].Date))
	}
	out = append(out, line)
	var closed []string
	for k, ph := range p.Phases {
		for _, s := range ph.Plan.Sessions {
			for _, d := range planner.PhaseOccurrences(sc, p, k, s.Week, s.Day) {
				if planner.ClosedOn(sc, p, d) {
					closed = append(closed, formatDate(d))
				}
			}
		}
	}
	if len(closed) > 0 {
		out = append(out, "No session (closed): "+strings.Join(closed, ", "))
	}
	return out
}

type dayRow struct{ day, leave, arrive, session, home string }

// dayTimes works out, for each session of phase k, when the person leaves
// for it, when they must be there (the session's start less the time to
// arrive early) and when they are home after it, from the phase's timeline.
func dayTimes(sc *planner.Scenario, p *planner.Plan, k int) []dayRow {
	ph := &p.Phases[k]
	blocks := planner.Timeline(sc.ForPhase(p.Program, k), &ph.Plan)
	var out []dayRow
	for i, b := range blocks {
		if b.Kind != planner.KindSession {
			continue
		}
		leave, home := b.Start, b.End
		for j := i - 1; j >= 0; j-- {
			if t := blocks[j]; t.Kind == planner.KindTravel && t.End <= b.Start && t.To == b.Place {
				leave = t.Start
				break
			}
		}
		if b.Place != planner.Home {
			for _, t := range blocks[i+1:] {
				if t.Kind == planner.KindTravel && t.Start >= b.End && t.To == planner.Home {
					home = t.End
					break
				}
			}
		}
		day := planner.Day(b.Start % planner.MinutesPerWeek / planner.MinutesPerDay).String()
		if sc.Weeks() > 1 {
			day = fmt.Sprintf("%s (week %d)", day, b.Start/planner.MinutesPerWeek+1)
		}
		var session string
		for _, s := range ph.Plan.Sessions {
			if s.Day.String() == day[:3] {
				session = s.Time.String()
			}
		}
		out = append(out, dayRow{day, clockOf(leave), clockOf(b.Start), session, planner.FormatLatestHome(home % planner.MinutesPerWeek % planner.MinutesPerDay)})
	}
	return out
}

func clockOf(m int) string { return planner.FormatClock(m % planner.MinutesPerDay) }

// phaseHandoutLines are the PDF handout's lines for a dated plan: each
// phase with its dates and days, then the key dates; none without phases.
func phaseHandoutLines(sc *planner.Scenario, p *planner.Plan, names bool) []string {
	if len(p.Phases) < 2 {
		return nil
	}
	var out []string
	for k, ph := range p.Phases {
		out = append(out, fmt.Sprintf("%s: %s to %s, %s", phaseLabel(p, k, names), ph.From.Format("2 Jan"), formatDate(ph.Until), sessionDays(&ph.Plan)))
	}
	return append(out, keyDates(sc, p, names)...)
}
