package planner

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// WeekChanges lists, in words a person reads, what differs from week a to
// week b, one change a line: "Office: Mon, Wed, Fri end 16:50 instead of
// 17:00", "Office: Wed off (was 09:00-17:00)", "Office: unpaid time up to
// 30 min a week instead of 0 min", "Someone covers School pickup on Fri
// 15:15-15:45". The same change on several days is one line. Empty when the
// weeks plan the same.
func WeekChanges(a, b *Scenario) []string {
	var out []string
	if a.Weeks() != b.Weeks() {
		out = append(out, fmt.Sprintf("The rotation: %d weeks instead of %d", b.Weeks(), a.Weeks()))
	}
	if a.ArriveEarly != b.ArriveEarly {
		out = append(out, fmt.Sprintf("Arrive %d min early instead of %d min", b.ArriveEarly, a.ArriveEarly))
	}
	out = append(out, jobChanges(a, b)...)
	out = append(out, commitmentChanges(a, b)...)
	out = append(out, supportChanges(a, b)...)
	out = append(out, travelChanges(a, b)...)
	if !reflect.DeepEqual(a.RushHours, b.RushHours) {
		out = append(out, fmt.Sprintf("Rush hours: %s instead of %s", rushWords(b.RushHours), rushWords(a.RushHours)))
	}
	if !reflect.DeepEqual(normSpans(a.Sleep), normSpans(b.Sleep)) {
		out = append(out, fmt.Sprintf("Sleep: %s instead of %s", spansWords(b.Sleep, b.Weeks()), spansWords(a.Sleep, a.Weeks())))
	}
	return append(out, programChanges(a, b)...)
}

// shiftsOn lists the shift times of a job on one day of the cycle, sorted.
func shiftsOn(j *Job, wd WeekDay) []Clock {
	var out []Clock
	for _, sp := range j.Shifts {
		if sp.InWeek(wd.Week) && sp.Days.Has(wd.Day) {
			out = append(out, sp.Time)
		}
	}
	sort.Slice(out, func(i, k int) bool { return out[i].Start < out[k].Start })
	return out
}

// shiftChangeWords says how a day's shifts changed: "end 16:50 instead of
// 17:00", "off (was 09:00-17:00)", "a new shift 09:00-13:00".
func shiftChangeWords(from, to []Clock) string {
	if len(from) == 1 && len(to) == 1 && from[0].Start == to[0].Start {
		return fmt.Sprintf("end %s instead of %s", FormatClock(to[0].End), FormatClock(from[0].End))
	}
	if len(from) == 1 && len(to) == 1 && from[0].End == to[0].End {
		return fmt.Sprintf("start %s instead of %s", FormatClock(to[0].Start), FormatClock(from[0].Start))
	}
	if len(to) == 0 {
		return "off (was " + clocksWords(from) + ")"
	}
	if len(from) == 0 {
		return "a new shift " + clocksWords(to)
	}
	return clocksWords(to) + " instead of " + clocksWords(from)
}

func clocksWords(cs []Clock) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, c.String())
	}
	return strings.Join(parts, " and ")
}

// changeGroup is one change in words and the days it happens on.
type changeGroup struct {
	words string
	days  []WeekDay
}

// groupDays collects the days of each distinct change, in the order of their first day.
func groupDays(cycle int, change func(WeekDay) string) []changeGroup {
	var out []changeGroup
	at := map[string]int{}
	for d := Mon; d <= Sun; d++ {
		for w := 1; w <= cycle; w++ {
			wd := WeekDay{Week: w, Day: d}
			words := change(wd)
			if words == "" {
				continue
			}
			i, ok := at[words]
			if !ok {
				i = len(out)
				at[words] = i
				out = append(out, changeGroup{words: words})
			}
			out[i].days = append(out[i].days, wd)
		}
	}
	return out
}

// DaysWords writes days of a cycle as "Mon, Wed, Fri"; in a rotation days
// that are not in every week name their weeks: "Mon, Wed of week 2",
// "Mon of weeks 1, 3; Fri".
func DaysWords(days []WeekDay, cycle int) string {
	var groups []string // the weeks suffix of each group, in order of first day
	byGroup := map[string][]string{}
	for d := Mon; d <= Sun; d++ {
		var weeks []string
		for _, wd := range days {
			if wd.Day == d {
				weeks = append(weeks, fmt.Sprint(wd.Week))
			}
		}
		suffix := ""
		if len(weeks) == 0 {
			continue
		}
		if len(weeks) < cycle && len(weeks) == 1 {
			suffix = " of week " + weeks[0]
		} else if len(weeks) < cycle {
			suffix = " of weeks " + strings.Join(weeks, ", ")
		}
		if _, ok := byGroup[suffix]; !ok {
			groups = append(groups, suffix)
		}
		byGroup[suffix] = append(byGroup[suffix], d.String())
	}
	var parts []string
	for _, g := range groups {
		parts = append(parts, strings.Join(byGroup[g], ", ")+g)
	}
	if len(parts) == 1 || len(groups) == 1 {
		return strings.Join(parts, ", ")
	}
	return strings.Join(parts, "; ")
}

func jobChanges(a, b *Scenario) []string {
	var out []string
	cycle := max(a.Weeks(), b.Weeks())
	for i := range a.Jobs {
		ja := &a.Jobs[i]
		k := b.jobIndex(ja.Name)
		if k < 0 {
			out = append(out, ja.Name+": no longer in the week")
			continue
		}
		jb := &b.Jobs[k]
		for _, g := range groupDays(cycle, func(wd WeekDay) string {
			from, to := shiftsOn(ja, wd), shiftsOn(jb, wd)
			if reflect.DeepEqual(from, to) {
				return ""
			}
			return shiftChangeWords(from, to)
		}) {
			out = append(out, fmt.Sprintf("%s: %s %s", ja.Name, DaysWords(g.days, cycle), g.words))
		}
		if ja.MaxUnpaid != jb.MaxUnpaid {
			out = append(out, fmt.Sprintf("%s: unpaid time up to %s a week instead of %s", ja.Name, FormatDuration(jb.MaxUnpaid), FormatDuration(ja.MaxUnpaid)))
		}
		if ja.Flex != jb.Flex {
			out = append(out, fmt.Sprintf("%s: shifts may bend %s instead of %s", ja.Name, flexWords(jb.Flex), flexWords(ja.Flex)))
		}
		if ja.Place != jb.Place {
			out = append(out, fmt.Sprintf("%s: at %s instead of %s", ja.Name, b.PlaceName(jb.Place), a.PlaceName(ja.Place)))
		}
	}
	for i := range b.Jobs {
		if a.jobIndex(b.Jobs[i].Name) < 0 {
			out = append(out, fmt.Sprintf("%s: a new job, %s", b.Jobs[i].Name, spansWords(b.Jobs[i].Shifts, b.Weeks())))
		}
	}
	return out
}

func flexWords(f Flex) string {
	return fmt.Sprintf("start %d min earlier to %d min later, end %d min earlier to %d min later",
		f.StartEarlier, f.StartLater, f.EndEarlier, f.EndLater)
}

// normSpans treats a nil and an empty weeks list alike.
func normSpans(sp []Span) []Span {
	return cloneSpans(sp)
}

// spanWords writes a span as "Mon-Fri 09:00-17:00", with "in week 2" when it
// is not in every week of the cycle.
func spanWords(sp Span, cycle int) string {
	s := sp.Days.String() + " " + sp.Time.String()
	if len(sp.Weeks) == 0 || len(sp.Weeks) >= cycle {
		return s
	}
	var ws []string
	for _, w := range sp.Weeks {
		ws = append(ws, fmt.Sprint(w))
	}
	if len(ws) == 1 {
		return s + " in week " + ws[0]
	}
	return s + " in weeks " + strings.Join(ws, ", ")
}

func spansWords(sps []Span, cycle int) string {
	if len(sps) == 0 {
		return "none"
	}
	var parts []string
	for _, sp := range sps {
		parts = append(parts, spanWords(sp, cycle))
	}
	return strings.Join(parts, "; ")
}

func rushWords(rs []Rush) string {
	if len(rs) == 0 {
		return "none"
	}
	var parts []string
	for _, r := range rs {
		parts = append(parts, fmt.Sprintf("%s %s x%g", r.Days, r.Time, r.Factor))
	}
	return strings.Join(parts, "; ")
}

func commitmentChanges(a, b *Scenario) []string {
	var out []string
	find := func(s *Scenario, name string) *Commitment {
		for i := range s.Commitments {
			if s.Commitments[i].Name == name {
				return &s.Commitments[i]
			}
		}
		return nil
	}
	for i := range a.Commitments {
		ca := &a.Commitments[i]
		cb := find(b, ca.Name)
		if cb == nil {
			out = append(out, ca.Name+": no longer in the week")
		} else if !reflect.DeepEqual(cloneSpan(ca.Span), cloneSpan(cb.Span)) {
			out = append(out, fmt.Sprintf("%s: %s instead of %s", ca.Name, spanWords(cb.Span, b.Weeks()), spanWords(ca.Span, a.Weeks())))
		} else if ca.Place != cb.Place {
			out = append(out, fmt.Sprintf("%s: at %s instead of %s", ca.Name, b.PlaceName(cb.Place), a.PlaceName(ca.Place)))
		}
	}
	for i := range b.Commitments {
		if find(a, b.Commitments[i].Name) == nil {
			out = append(out, fmt.Sprintf("%s: a new duty, %s", b.Commitments[i].Name, spanWords(b.Commitments[i].Span, b.Weeks())))
		}
	}
	return out
}

// supportChanges compares helpers entry by entry: one entry that is only in b
// is a new cover ("Someone covers School pickup on Fri 15:15-15:45").
func supportChanges(a, b *Scenario) []string {
	words := func(s *Scenario) []string {
		var out []string
		for _, su := range s.Support {
			out = append(out, fmt.Sprintf("%s covers %s on %s", su.Name, strings.Join(su.Covers, ", "), spanWords(su.Span, s.Weeks())))
		}
		return out
	}
	wa, wb := words(a), words(b)
	out := multisetMinus(wb, wa)
	for _, w := range multisetMinus(wa, wb) {
		name, rest, _ := strings.Cut(w, " covers ")
		out = append(out, name+" no longer covers "+rest)
	}
	return out
}

// multisetMinus returns the items of xs that ys does not match one for one, in xs's order.
func multisetMinus(xs, ys []string) []string {
	left := map[string]int{}
	for _, y := range ys {
		left[y]++
	}
	var out []string
	for _, x := range xs {
		if left[x] > 0 {
			left[x]--
			continue
		}
		out = append(out, x)
	}
	return out
}

func travelChanges(a, b *Scenario) []string {
	leg := func(s *Scenario, l Leg) string {
		arrow := " and "
		if l.OneWay {
			arrow = " to "
		}
		return "Travel " + s.PlaceName(l.From) + arrow + s.PlaceName(l.To)
	}
	minutes := func(s *Scenario) map[string]int {
		m := map[string]int{}
		for _, l := range s.Travel {
			m[leg(s, l)] = l.Minutes
		}
		return m
	}
	ma, mb := minutes(a), minutes(b)
	var out []string
	for _, l := range a.Travel {
		k := leg(a, l)
		if v, ok := mb[k]; !ok {
			out = append(out, k+": no longer given")
		} else if v != l.Minutes {
			out = append(out, fmt.Sprintf("%s: %s instead of %s", k, FormatDuration(v), FormatDuration(l.Minutes)))
		}
	}
	for _, l := range b.Travel {
		k := leg(b, l)
		if _, ok := ma[k]; !ok {
			out = append(out, fmt.Sprintf("%s: %s, new", k, FormatDuration(l.Minutes)))
		}
	}
	return out
}

func programChanges(a, b *Scenario) []string {
	var out []string
	for i := range a.Programs {
		pa := &a.Programs[i]
		k := b.ProgramIndex(pa.ID)
		if k < 0 {
			out = append(out, pa.Name+": no longer considered")
		} else if !reflect.DeepEqual(cloneProgram(*pa), cloneProgram(b.Programs[k])) {
			out = append(out, pa.Name+": its tracks or rules changed")
		}
	}
	for i := range b.Programs {
		if a.ProgramIndex(b.Programs[i].ID) < 0 {
			out = append(out, b.Programs[i].Name+": newly considered")
		}
	}
	return out
}
