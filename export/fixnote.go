package export

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"weekfit/planner"
)

// FixNote writes a note that asks an employer for exactly the employer's asks
// of a fix (shift changes, days off, more unpaid time): each ask in one
// sentence, then every date it falls on over the program span (opt.Start,
// weeks long) with the new and the usual times, the hours of the usual
// schedule affected week by week and in all. It never names the program, its
// place, the kind of appointment, a duty or a helper; covers by family or
// friends are not the employer's and are left out. With opt.Job only that
// job's asks are written. sc gives the cycle of the week the asks were made for.
func FixNote(sc *planner.Scenario, asks []planner.Ask, weeks int, opt planner.ExportOptions) string {
	if weeks <= 0 {
		weeks = planner.DefaultProgramWeeks
	}
	var mine []planner.Ask
	jobs := map[string]bool{}
	for _, a := range asks {
		if a.Kind == planner.AskCover || opt.Job != "" && a.Job != opt.Job {
			continue
		}
		mine = append(mine, a)
		jobs[a.Job] = true
	}
	first, end := planner.ProgramSpan(opt.Start, weeks)
	var b strings.Builder
	b.WriteString("Request for a temporary schedule adjustment\n\n")
	fmt.Fprintf(&b, "I would like to ask for a temporary adjustment to my work schedule so that I\n"+
		"can attend scheduled medical appointments from %s to %s\n(%d weeks).\n\n", formatDate(first), formatDate(end.AddDate(0, 0, -1)), weeks)
	if len(mine) == 0 {
		b.WriteString("No change to my usual working hours is needed in this period. I am letting\nyou know in advance.\n")
		return b.String()
	}
	b.WriteString("What I am asking for:\n\n")
	for i, a := range mine {
		fmt.Fprintf(&b, "  %d. %s\n", i+1, fixAskSentence(sc, a, len(jobs) > 1))
	}
	writeFixDates(&b, sc, mine, weeks, opt.Start, len(jobs) > 1)
	b.WriteString("The dates and times are fixed in advance. I can provide a certification from\n" +
		"my health care provider if it is needed, and I am glad to talk about how to\n" +
		"cover my work at these times.\n")
	return b.String()
}

// fixAskSentence says one employer's ask: "On Mon, Wed and Thu: 09:00-16:50
// instead of 09:00-17:00 (10 min of my usual hours each day)."
func fixAskSentence(sc *planner.Scenario, a planner.Ask, multi bool) string {
	at := ""
	if multi {
		at = " (" + a.Job + ")"
	}
	on := planner.DaysWords(a.Days, sc.Weeks())
	switch {
	case a.Kind == planner.AskUnpaid:
		return fmt.Sprintf("Up to %s more unpaid time a week%s, for the hours I cannot work.", planner.FormatDuration(a.Minutes), at)
	case a.Off:
		return fmt.Sprintf("On %s%s: the day off instead of %s (%s of my usual hours each day).", on, at, a.From, planner.FormatDuration(a.From.Minutes()))
	}
	return fmt.Sprintf("On %s%s: %s instead of %s (%s of my usual hours each day).", on, at, a.To, a.From, planner.FormatDuration(askLost(a)))
}

// askLost is the time of the usual shift a shift ask gives up on one day.
func askLost(a planner.Ask) int {
	if a.Off {
		return a.From.Minutes()
	}
	return lostMinutes(a.From, a.To)
}

// datedAsk is one day of a shift ask on the calendar.
type datedAsk struct {
	date time.Time
	week int
	ask  planner.Ask
}

// writeFixDates lists every date of the shift asks with the hours affected.
func writeFixDates(b *strings.Builder, sc *planner.Scenario, asks []planner.Ask, weeks int, start time.Time, multi bool) {
	var dated []datedAsk
	monday, nweeks := planner.CalendarWeeks(start, weeks)
	for _, a := range asks {
		if a.Kind != planner.AskShift {
			continue
		}
		for _, d := range a.Days {
			for _, date := range planner.Occurrences(start, weeks, sc.Weeks(), d.Week, d.Day) {
				dated = append(dated, datedAsk{date: date, week: int(date.Sub(monday).Hours())/(24*7) + 1, ask: a})
			}
		}
	}
	if len(dated) == 0 {
		b.WriteString("\n")
		return
	}
	sort.SliceStable(dated, func(i, j int) bool { return dated[i].date.Before(dated[j].date) })
	b.WriteString("\nThe changes, date by date:\n\n")
	perWeek := make([]int, nweeks+1)
	total := 0
	for _, d := range dated {
		lost := askLost(d.ask)
		perWeek[d.week] += lost
		total += lost
		at := ""
		if multi {
			at = " (" + d.ask.Job + ")"
		}
		to := d.ask.To.String()
		if d.ask.Off {
			to = "day off"
		}
		fmt.Fprintf(b, "  %s: %s instead of %s%s, %s of my usual hours\n", formatDate(d.date), to, d.ask.From, at, planner.FormatDuration(lost))
	}
	b.WriteString("\nHours of my usual schedule affected, week by week:\n\n")
	for w := 1; w <= nweeks; w++ {
		fmt.Fprintf(b, "  Week of %s: %s\n", formatDate(monday.AddDate(0, 0, 7*(w-1))), planner.FormatDuration(perWeek[w]))
	}
	fmt.Fprintf(b, "\nIn all: %s over the %d weeks.\n\n", planner.FormatDuration(total), weeks)
}

// RenderFixNote writes FixNote for the asks of a what-if whose week is sc and
// whose best plan is p (nil when none fits): the span is opt.Weeks long, else
// as long as p's program, else DefaultProgramWeeks.
func RenderFixNote(sc *planner.Scenario, p *planner.Plan, asks []planner.Ask, opt Options) ([]byte, error) {
	if opt.Start.IsZero() {
		return nil, errors.New("no start date given; pass --start YYYY-MM-DD")
	}
	weeks := opt.Weeks
	if weeks <= 0 && p != nil {
		weeks = planner.ProgramWeeks(sc, p)
	}
	return []byte(FixNote(sc, asks, weeks, opt.planner())), nil
}
