package planner

import (
	"bufio"
	"fmt"
	"strings"
)

// jsonFix is one entry of a rejection's fixes in `weekfit solve --json`.
type jsonFix struct {
	Asks []jsonAsk `json:"asks"`
	Plan jsonPlan  `json:"plan"`
}

// jsonAsk is one ask as the JSON contract writes it (the fixes[].asks of
// `weekfit solve --json`, and the files of asks ParseAsks reads): which
// fields appear depends on its kind.
type jsonAsk struct {
	Kind         string        `json:"kind"`
	Party        string        `json:"party"`
	Days         []jsonWeekDay `json:"days"`
	Job          string        `json:"job,omitempty"`
	From         string        `json:"from,omitempty"`
	To           string        `json:"to,omitempty"`
	MinutesLost  *int          `json:"minutes_lost,omitempty"`
	MinutesMoved *int          `json:"minutes_moved,omitempty"`
	Minutes      *int          `json:"minutes,omitempty"`
	Commitment   string        `json:"commitment,omitempty"`
	Time         string        `json:"time,omitempty"`
}

type jsonWeekDay struct {
	Week int    `json:"week"`
	Day  string `json:"day"`
}

func jsonFixes(fs []Fix) []jsonFix {
	out := []jsonFix{}
	for i := range fs {
		jf := jsonFix{Asks: []jsonAsk{}, Plan: jsonPlanOf(1, &fs[i].Plan)}
		for _, a := range fs[i].Asks {
			jf.Asks = append(jf.Asks, jsonAskOf(a))
		}
		out = append(out, jf)
	}
	return out
}

func jsonAskOf(a Ask) jsonAsk {
	ja := jsonAsk{Kind: a.Kind.String(), Party: a.Party, Days: []jsonWeekDay{}}
	for _, d := range a.Days {
		ja.Days = append(ja.Days, jsonWeekDay{Week: d.Week, Day: d.Day.String()})
	}
	switch a.Kind {
	case AskShift:
		lost, moved := a.MinutesLost, a.MinutesMoved
		ja.Job, ja.From, ja.To = a.Job, a.From.String(), a.To.String()
		if a.Off {
			ja.To = "off"
		}
		ja.MinutesLost, ja.MinutesMoved = &lost, &moved
	case AskUnpaid:
		n := a.Minutes
		ja.Job, ja.Minutes = a.Job, &n
	case AskCover:
		ja.Commitment = a.Commitment
		if a.Time != (Clock{}) {
			ja.Time = a.Time.String()
		}
	}
	return ja
}

// AskText says an ask in words, such as "Office: Mon, Wed off", "Office:
// end at 16:50 instead of 17:00 on Mon, Wed" or "someone
// to cover School pickup on Fri 15:00-15:30"; weeks is the cycle's length.
func AskText(a Ask, weeks int) string {
	days := weekDaysText(a.Days, weeks)
	switch a.Kind {
	case AskShift:
		if a.Off {
			return fmt.Sprintf("%s: %s off (%s a day)", a.Job, days, a.From)
		}
		switch {
		case a.To.Start == a.From.Start:
			return fmt.Sprintf("%s: end at %s instead of %s on %s", a.Job, FormatClock(a.To.End), FormatClock(a.From.End), days)
		case a.To.End == a.From.End:
			return fmt.Sprintf("%s: start at %s instead of %s on %s", a.Job, FormatClock(a.To.Start), FormatClock(a.From.Start), days)
		}
		return fmt.Sprintf("%s: %s instead of %s on %s", a.Job, a.To, a.From, days)
	case AskUnpaid:
		return fmt.Sprintf("%s: allow %d more unpaid minutes a week", a.Job, a.Minutes)
	case AskCover:
		return fmt.Sprintf("%s to cover %s on %s %s", a.Party, a.Commitment, days, a.Time)
	}
	return a.Kind.String()
}

// weekDaysText writes days as DaysWords does: "Mon, Wed", and in a rotation
// "Mon, Tue of week 1" or "Mon of weeks 1, 2; Fri of week 2", a day of
// every week without its weeks.
func weekDaysText(ds []WeekDay, weeks int) string {
	return DaysWords(ds, weeks)
}

// FixPlanText says in one line what a fix's plan gives: its sessions, the
// latest return home, and the unpaid and moved minutes.
func FixPlanText(p *Plan, weeks int) string {
	var parts []string
	for _, s := range p.Sessions {
		t := fmt.Sprintf("%s %s", s.Day, s.Time)
		if weeks > 1 {
			t = fmt.Sprintf("week %d %s", s.Week, t)
		}
		parts = append(parts, t)
	}
	return fmt.Sprintf("sessions %s; home by %s; %d unpaid, %d moved minutes", strings.Join(parts, ", "), FormatLatestHome(p.LatestHome), p.UnpaidMinutes, p.MovedMinutes)
}

// writeFixesText writes a rejection's fixes, or why there are none, under its reasons.
func writeFixesText(b *bufio.Writer, rj *Rejection, weeks int) {
	for i := range rj.Fixes {
		f := &rj.Fixes[i]
		lead := "To make it fit, ask:"
		if i > 0 {
			lead = "Or, just as small, ask:"
		}
		fmt.Fprintf(b, "    %s\n", lead)
		for _, a := range f.Asks {
			fmt.Fprintf(b, "      * %s\n", AskText(a, weeks))
		}
		fmt.Fprintf(b, "      which gives %s\n", FixPlanText(&f.Plan, weeks))
	}
	if rj.FixNote != "" {
		fmt.Fprintf(b, "    (%s)\n", rj.FixNote)
	}
}
