package tui

import (
	"fmt"
	"strings"

	"weekfit/planner"
)

// sessionTimes lists a plan's session days with the time each starts, week
// by week in a rotation: "Mon Tue Wed 17:30" when every session starts at
// one time, else each its own: "Mon 18:00, Tue 18:00, Sat 09:00".
func sessionTimes(pl *planner.Plan) string {
	same := true
	for _, s := range pl.Sessions {
		same = same && s.Time.Start == pl.Sessions[0].Time.Start
	}
	var weeks []string
	var cur []string
	week := 0
	flush := func() {
		if len(cur) > 0 {
			sep := ", "
			if same {
				sep = " "
			}
			weeks = append(weeks, strings.Join(cur, sep))
			cur = nil
		}
	}
	for _, s := range pl.Sessions {
		if s.Week != week {
			flush()
		}
		week = s.Week
		if same {
			cur = append(cur, s.Day.String())
		} else {
			cur = append(cur, s.Day.String()+" "+planner.FormatClock(s.Time.Start))
		}
	}
	flush()
	if len(weeks) > 1 {
		for i := range weeks {
			weeks[i] = fmt.Sprintf("wk%d %s", i+1, weeks[i])
		}
	}
	out := strings.Join(weeks, " | ")
	if same && len(pl.Sessions) > 0 {
		out += " " + planner.FormatClock(pl.Sessions[0].Time.Start)
	}
	return out
}

// dayGroup is a set of days that share everything else in a short list.
type dayGroup struct {
	week int
	what string // what the days share, such as "Office" and a time
	days planner.DaySet
}

// groupDays gathers days that share a week and a text, in first-seen order.
func groupDays(n int, at func(i int) (week int, day planner.Day, what string)) []dayGroup {
	var gs []dayGroup
	for i := 0; i < n; i++ {
		w, d, what := at(i)
		j := 0
		for j < len(gs) && (gs[j].week != w || gs[j].what != what) {
			j++
		}
		if j == len(gs) {
			gs = append(gs, dayGroup{week: w, what: what})
		}
		gs[j].days = gs[j].days.With(d)
	}
	return gs
}

// weekPrefix is "wk2 " in a rotation and nothing in a one-week cycle.
func weekPrefix(week, weeks int) string {
	if weeks > 1 {
		return fmt.Sprintf("wk%d ", week)
	}
	return ""
}

// workChanges lists a plan's shift changes in short form, one item for the
// days of a job that change alike: "Office Mon-Wed 08:50-16:50".
func workChanges(pl *planner.Plan, weeks int) []string {
	gs := groupDays(len(pl.ShiftChanges), func(i int) (int, planner.Day, string) {
		c := pl.ShiftChanges[i]
		return c.Week, c.Day, c.Job + "\x00" + c.To.String()
	})
	out := make([]string, len(gs))
	for i, g := range gs {
		job, to, _ := strings.Cut(g.what, "\x00")
		out[i] = fmt.Sprintf("%s %s%s %s", job, weekPrefix(g.week, weeks), g.days, to)
	}
	return out
}

// coversUsed lists who covers what on a plan's session days, in short form:
// "Pickup Tue,Thu by Mom".
func coversUsed(pl *planner.Plan, weeks int) []string {
	gs := groupDays(len(pl.Covered), func(i int) (int, planner.Day, string) {
		c := pl.Covered[i]
		return c.Week, c.Day, c.Commitment + "\x00" + c.By
	})
	out := make([]string, len(gs))
	for i, g := range gs {
		what, by, _ := strings.Cut(g.what, "\x00")
		out[i] = fmt.Sprintf("%s %s%s by %s", what, weekPrefix(g.week, weeks), g.days, by)
	}
	return out
}

// orNone joins items with ", ", or says "none".
func orNone(items []string) string {
	if len(items) == 0 {
		return "none"
	}
	return strings.Join(items, ", ")
}
