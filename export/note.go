package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"weekfit/planner"
)

// CSV writes the dated sessions of plan p as comma-separated values with the
// header date,start,end,label. Dates are YYYY-MM-DD and times HH:MM; a session
// that crosses midnight ends on the next day. A cell that a spreadsheet would
// read as a formula is escaped (see CSVCell).
func CSV(sc *planner.Scenario, p *planner.Plan, opt planner.ExportOptions) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	rows := [][]string{{"date", "start", "end", "label"}}
	label := CSVCell(planner.SessionLabel(p, opt.Names))
	for _, d := range planner.Schedule(sc, p, opt) {
		rows = append(rows, []string{d.Date.Format("2006-01-02"), planner.FormatClock(d.Session.Time.Start), planner.FormatClock(d.Session.Time.End), label})
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, fmt.Errorf("write csv: %w", err)
	}
	return buf.Bytes(), nil
}

// CSVCell escapes a cell that begins with =, +, -, @, a tab or a carriage
// return by putting a single quote in front, so a spreadsheet shows it as text
// instead of running it as a formula.
func CSVCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// lostMinutes returns the minutes of the usual shift from that the new shift
// to does not cover: the time away from the usual hours.
func lostMinutes(from, to planner.Clock) int {
	f0, f1 := from.Start, from.Start+from.Minutes()
	t0, t1 := to.Start, to.Start+to.Minutes()
	if to.Start < from.Start-planner.MinutesPerDay/2 {
		t0, t1 = t0+planner.MinutesPerDay, t1+planner.MinutesPerDay
	} else if to.Start > from.Start+planner.MinutesPerDay/2 {
		t0, t1 = t0-planner.MinutesPerDay, t1-planner.MinutesPerDay
	}
	overlap := min(f1, t1) - max(f0, t0)
	if overlap < 0 {
		overlap = 0
	}
	return (f1 - f0) - overlap
}

// EmployerNote writes a note for an employer: a request for a temporary
// schedule adjustment for medical appointments that gives only the dates and
// times of the changes at work, how long they last, and the hours of the usual
// schedule affected each week and over the whole period. It never names the
// program, its place, the kind of appointment or the scenario, whatever
// opt.Names says.
func EmployerNote(sc *planner.Scenario, p *planner.Plan, opt planner.ExportOptions) string {
	if len(p.Phases) > 0 {
		return phasedEmployerNote(sc, p, opt)
	}
	weeks := opt.SpanWeeks(sc, p)
	first, end := planner.ProgramSpan(opt.Start, weeks)
	last := end.AddDate(0, 0, -1)
	changes := planner.Changes(sc, p, opt)
	var b strings.Builder
	b.WriteString("Request for a temporary schedule adjustment\n\n")
	fmt.Fprintf(&b, "I would like to ask for a temporary adjustment to my work schedule so that I\n"+
		"can attend scheduled medical appointments from %s to %s\n(%d weeks).\n\n", formatDate(first), formatDate(last), weeks)
	if len(changes) == 0 {
		b.WriteString("No change to my usual working hours is needed in this period: the\n" +
			"appointments fall outside them. I am letting you know in advance.\n")
		return b.String()
	}
	multi := len(jobsIn(changes)) > 1
	b.WriteString("The changes I am asking for, date by date:\n\n")
	monday, nweeks := planner.CalendarWeeks(opt.Start, weeks)
	perWeek := make([]int, nweeks+1)
	total := 0
	for _, c := range changes {
		lost := lostMinutes(c.Change.From, c.Change.To)
		perWeek[c.Week] += lost
		total += lost
		at := ""
		if multi {
			at = " (" + c.Change.Job + ")"
		}
		fmt.Fprintf(&b, "  %s: %s instead of %s%s, %s of my usual hours\n",
			formatDate(c.Date), c.Change.To, c.Change.From, at, planner.FormatDuration(lost))
	}
	b.WriteString("\nHours of my usual schedule affected, week by week:\n\n")
	for w := 1; w <= nweeks; w++ {
		fmt.Fprintf(&b, "  Week of %s: %s\n", formatDate(monday.AddDate(0, 0, 7*(w-1))), planner.FormatDuration(perWeek[w]))
	}
	fmt.Fprintf(&b, "\nIn all: %s over the %d weeks.\n\n", planner.FormatDuration(total), weeks)
	b.WriteString("The dates and times are fixed in advance. I can provide a certification from\n" +
		"my health care provider if it is needed, and I am glad to talk about how to\n" +
		"cover my work at these times.\n")
	return b.String()
}

func jobsIn(changes []planner.DatedChange) map[string]bool {
	jobs := map[string]bool{}
	for _, c := range changes {
		jobs[c.Change.Job] = true
	}
	return jobs
}
