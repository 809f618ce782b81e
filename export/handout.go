package export

import (
	"fmt"
	"strings"

	"weekfit/planner"
)

// Handout is the content of the one-page handout, in words ready to print:
// the PDF and the Markdown export both write it.
type Handout struct {
	Title    string   // "Weekly schedule", with the program's name when names are on
	Subtitle string   // the scenario's name when names are on, else empty
	Period   string   // "Mon 2 Mar 2026 to Sun 26 Apr 2026 (8 weeks)"
	Where    string   // program, track and place, only when names are on
	Sessions []string // "Every week: Mon 17:30-20:30, ... (9 h)", one line per week of the rotation
	Needs    string   // the weekly minimum and the length
	Count    string   // how many sessions over the span, first and last date
	Changes  []string // changes at work, empty when none
	Covers   []string // who covers what, empty when nothing is covered
	Warnings []string // what could still go wrong with the plan (planner.PlanChecks), empty when nothing
	Notes    string   // heading of the blank box for notes
	Legend   []string // "J work", "A appointment", ... for the week grid
	Phases   []string // a dated plan's phases, one a line, and its key dates (issue 14); empty otherwise
}

// NewHandout gathers what a handout of plan p says, with neutral labels unless opt.Names.
func NewHandout(sc *planner.Scenario, p *planner.Plan, opt planner.ExportOptions) Handout {
	weeks := opt.SpanWeeks(sc, p)
	first, end := planner.ProgramSpan(opt.Start, weeks)
	h := Handout{Title: "Weekly schedule", Notes: "Notes"}
	h.Period = fmt.Sprintf("%s to %s (%d weeks)", formatDate(first), formatDate(end.AddDate(0, 0, -1)), weeks)
	if opt.Names {
		h.Title += ": " + p.ProgramName
		h.Subtitle = sc.Name
		h.Notes = "Counselor's notes"
		h.Where = whereLine(sc, p)
	}
	h.Sessions = sessionLines(sc, p)
	if i := sc.ProgramIndex(p.Program); i >= 0 {
		pr := &sc.Programs[i]
		h.Needs = fmt.Sprintf("Needed: at least %s on %d days a week, for %d weeks.", planner.FormatDuration(pr.MinMinutes), pr.MinDays, weeks)
	}
	dated := planner.Schedule(sc, p, opt)
	if len(dated) > 0 {
		noun := "appointments"
		if opt.Names {
			noun = "sessions"
		}
		h.Count = fmt.Sprintf("%d %s in all, the first on %s, the last on %s.", len(dated), noun,
			formatDate(dated[0].Date), formatDate(dated[len(dated)-1].Date))
	}
	h.Changes = changeLines(sc, p, opt.Names)
	h.Covers = coverLines(sc, p, opt.Names)
	h.Warnings = warningLines(sc, p, opt.Names)
	h.Legend = gridLegend(opt.Names)
	h.Phases = phaseHandoutLines(sc, p, opt.Names)
	return h
}

func whereLine(sc *planner.Scenario, p *planner.Plan) string {
	track := p.Track + " track"
	if p.Track == planner.MixedTrack {
		track = "mixed tracks"
	}
	i := sc.ProgramIndex(p.Program)
	if i < 0 {
		return p.ProgramName + ", " + track
	}
	pr := &sc.Programs[i]
	if pr.Modality == planner.Virtual {
		return fmt.Sprintf("%s, %s, virtual (from home)", p.ProgramName, track)
	}
	return fmt.Sprintf("%s, %s, at %s", p.ProgramName, track, sc.PlaceName(pr.Place))
}

// gridLegend names the letters of the week grid in the words of this export.
func gridLegend(names bool) []string {
	session := "appointment"
	if names {
		session = "session"
	}
	return []string{
		fmt.Sprintf("%c work", planner.KindJob.Glyph()),
		fmt.Sprintf("%c travel", planner.KindTravel.Glyph()),
		fmt.Sprintf("%c %s", planner.KindSession.Glyph(), session),
		fmt.Sprintf("%c family duty", planner.KindCommitment.Glyph()),
		fmt.Sprintf("%c covered by someone", planner.KindCovered.Glyph()),
		fmt.Sprintf("%c sleep", planner.KindSleep.Glyph()),
		fmt.Sprintf("%c free", planner.GlyphFree),
		fmt.Sprintf("%c clash", planner.GlyphConflict),
	}
}

// weekGrid is planner.TextGrid without its own key line: the export writes a legend
// in its own words.
func weekGrid(sc *planner.Scenario, p *planner.Plan) string {
	g := planner.TextGrid(sc, planner.Timeline(sc.ForPhase(p.Program, 0), p))
	lines := strings.Split(strings.TrimRight(g, "\n"), "\n")
	if n := len(lines); n > 0 && strings.HasPrefix(lines[n-1], "Key:") {
		lines = lines[:n-1]
	}
	return strings.Join(lines, "\n") + "\n"
}

// Markdown writes the handout of plan p as Markdown (which reads as plain text
// too), with every date of the span listed at the end.
func Markdown(sc *planner.Scenario, p *planner.Plan, opt planner.ExportOptions) string {
	h := NewHandout(sc, p, opt)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", h.Title)
	if h.Subtitle != "" {
		fmt.Fprintf(&b, "%s\n\n", h.Subtitle)
	}
	fmt.Fprintf(&b, "%s\n\n", h.Period)
	if h.Where != "" {
		fmt.Fprintf(&b, "%s\n\n", h.Where)
	}
	heading := "Appointments"
	if opt.Names {
		heading = "Sessions"
	}
	fmt.Fprintf(&b, "## %s\n\n", heading)
	writeList(&b, h.Sessions, "")
	b.WriteString("\n")
	for _, s := range []string{h.Needs, h.Count} {
		if s != "" {
			fmt.Fprintf(&b, "%s\n", s)
		}
	}
	b.WriteString(phaseMarkdown(sc, p, opt))
	fmt.Fprintf(&b, "\n## Week grid\n\n```\n%s```\n\n", weekGrid(sc, p))
	fmt.Fprintf(&b, "Key: %s.\n\n", strings.Join(h.Legend, ", "))
	b.WriteString("## Changes at work\n\n")
	writeList(&b, h.Changes, "No changes.")
	b.WriteString("\n## Who covers what\n\n")
	writeList(&b, h.Covers, "Nothing needs covering.")
	b.WriteString("\n## Watch out\n\n")
	writeList(&b, h.Warnings, "Nothing: every trip has its slack, also on a bad-traffic day, and the days and nights are not too long.")
	b.WriteString("\n## Dates\n\n")
	writeList(&b, dateLines(sc, p, opt), "No dates in this span.")
	fmt.Fprintf(&b, "\n## %s\n\n", h.Notes)
	b.WriteString(strings.Repeat("_____________________________________________________________\n\n", 4))
	return b.String()
}

func writeList(b *strings.Builder, items []string, none string) {
	if len(items) == 0 {
		fmt.Fprintf(b, "%s\n", none)
		return
	}
	for _, it := range items {
		fmt.Fprintf(b, "- %s\n", it)
	}
}

// dateLines lists the dated sessions one program week a line:
// "Week 1: Mon 2 Mar 17:00-20:00, Tue 3 Mar 17:00-20:00".
func dateLines(sc *planner.Scenario, p *planner.Plan, opt planner.ExportOptions) []string {
	var out []string
	var cur []string
	week := 0
	flush := func() {
		if len(cur) > 0 {
			lead := fmt.Sprintf("Week %d", week)
			if sc.Weeks() > 1 {
				lead += fmt.Sprintf(" (%s)", cycleWeekLabel(sc.Weeks(), (week-1)%sc.Weeks()+1))
			}
			out = append(out, fmt.Sprintf("%s: %s", lead, strings.Join(cur, ", ")))
		}
		cur = nil
	}
	for _, d := range planner.Schedule(sc, p, opt) {
		if d.Week != week {
			flush()
			week = d.Week
		}
		cur = append(cur, fmt.Sprintf("%s %s", d.Date.Format("Mon 2 Jan"), d.Session.Time))
	}
	flush()
	return out
}
