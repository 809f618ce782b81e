package planner

import (
	"fmt"
	"iter"
	"strconv"
	"strings"
)

// Minutes in a day and in a week.
const (
	MinutesPerDay  = 24 * 60
	MinutesPerWeek = 7 * MinutesPerDay
)

// MaxCycleWeeks is the longest rotation a scenario may describe.
const MaxCycleWeeks = 8

// Day is a day of the week, Monday = 0 to Sunday = 6.
type Day int

// The days of the week.
const (
	Mon Day = iota
	Tue
	Wed
	Thu
	Fri
	Sat
	Sun
)

var dayNames = [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
var dayFull = [7]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// dayShort is dayNames in lower case, for ParseDay.
var dayShort = [7]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// String returns the three-letter English name of the day.
func (d Day) String() string {
	if d < 0 || d > 6 {
		return fmt.Sprintf("Day(%d)", int(d))
	}
	return dayNames[d]
}

// ParseDay reads a day name: three letters or the full name, in any case.
func ParseDay(s string) (Day, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	for i := 0; i < 7; i++ {
		if t == dayShort[i] || t == dayFull[i] {
			return Day(i), true
		}
	}
	return 0, false
}

// DaySet is a set of days of the week, bit i for Day(i).
type DaySet uint8

// AllDays holds Monday to Sunday.
const AllDays DaySet = 0x7f

// Has reports whether d is in the set.
func (s DaySet) Has(d Day) bool { return s&(1<<uint(d)) != 0 }

// With returns the set with d added.
func (s DaySet) With(d Day) DaySet { return s | 1<<uint(d) }

// Days lists the days in the set, Monday first.
func (s DaySet) Days() []Day {
	var out []Day
	for d := Mon; d <= Sun; d++ {
		if s.Has(d) {
			out = append(out, d)
		}
	}
	return out
}

// All yields the days in the set, Monday first, as Days lists them; it
// makes no list, for the loops that run on every solve.
func (s DaySet) All() iter.Seq[Day] {
	return func(yield func(Day) bool) {
		for d := Mon; d <= Sun; d++ {
			if s.Has(d) && !yield(d) {
				return
			}
		}
	}
}

// Count returns how many days the set holds.
func (s DaySet) Count() int {
	n := 0
	for d := Mon; d <= Sun; d++ {
		if s.Has(d) {
			n++
		}
	}
	return n
}

// String writes the set the way ParseDays reads it: "Mon-Fri", "Mon,Wed,Fri", "daily".
func (s DaySet) String() string {
	if s&AllDays == AllDays {
		return "daily"
	}
	var parts []string
	for d := Mon; d <= Sun; {
		if !s.Has(d) {
			d++
			continue
		}
		e := d
		for e+1 <= Sun && s.Has(e+1) {
			e++
		}
		if e-d >= 2 {
			parts = append(parts, dayNames[d]+"-"+dayNames[e])
		} else if e-d == 1 {
			parts = append(parts, dayNames[d], dayNames[e])
		} else {
			parts = append(parts, dayNames[d])
		}
		d = e + 1
	}
	return strings.Join(parts, ",")
}

// ParseDays reads a set of days: "Mon-Fri", "Mon,Wed,Fri", "Sat", "daily",
// "weekdays", "weekends"; three-letter or full names, any case. A range may wrap
// round the week ("Fri-Mon").
func ParseDays(s string) (DaySet, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "":
		return 0, fmt.Errorf("no days given; write e.g. Mon-Fri, Mon,Wed,Fri or daily")
	case "daily", "every day", "everyday", "all":
		return AllDays, nil
	case "weekdays":
		return 0x1f, nil
	case "weekends", "weekend":
		return 0x60, nil
	}
	var set DaySet
	for rest, more := t, true; more; {
		var part string
		part, rest, more = strings.Cut(rest, ",")
		part = strings.TrimSpace(part)
		if part == "" {
			return 0, fmt.Errorf("empty day in the list; write e.g. Mon,Wed,Fri")
		}
		if a, b, ok := strings.Cut(part, "-"); ok {
			from, ok1 := ParseDay(a)
			to, ok2 := ParseDay(b)
			if !ok1 {
				return 0, fmt.Errorf("unknown day %q; use Mon..Sun or Monday..Sunday", strings.TrimSpace(a))
			}
			if !ok2 {
				return 0, fmt.Errorf("unknown day %q; use Mon..Sun or Monday..Sunday", strings.TrimSpace(b))
			}
			for d := from; ; d = (d + 1) % 7 {
				set = set.With(d)
				if d == to {
					break
				}
			}
			continue
		}
		d, ok := ParseDay(part)
		if !ok {
			return 0, fmt.Errorf("unknown day %q; use Mon..Sun or Monday..Sunday", part)
		}
		set = set.With(d)
	}
	return set, nil
}

// Clock is a range of clock time within a day, in minutes after midnight. Start
// is in [0, 1440); End is in (0, 1440], 1440 meaning 24:00. An End at or before
// Start crosses midnight into the next day.
type Clock struct {
	Start, End int
}

// Minutes returns the length of the range.
func (c Clock) Minutes() int {
	d := c.End - c.Start
	if d <= 0 {
		d += MinutesPerDay
	}
	return d
}

// Overnight reports whether the range crosses midnight.
func (c Clock) Overnight() bool { return c.End <= c.Start }

// String writes the range as "HH:MM-HH:MM".
func (c Clock) String() string { return FormatClock(c.Start) + "-" + FormatClock(c.End) }

// FormatClock writes minutes after midnight as HH:MM (wrapping past a day; 1440 alone is 24:00).
func FormatClock(m int) string {
	if m == MinutesPerDay {
		return "24:00"
	}
	m = ((m % MinutesPerDay) + MinutesPerDay) % MinutesPerDay
	h, mm := m/60, m%60
	return string([]byte{byte('0' + h/10), byte('0' + h%10), ':', byte('0' + mm/10), byte('0' + mm%10)})
}

// ParseClock reads a time range: "HH:MM-HH:MM" (24 h) or "9am-5pm", "9:30am-1pm".
// "24:00" is allowed only as an end; an end at or before the start crosses
// midnight; a zero-length range is an error.
func ParseClock(s string) (Clock, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return Clock{}, fmt.Errorf("no time given; write e.g. 09:00-17:00 or 9am-5pm")
	}
	a, b, ok := strings.Cut(t, "-")
	if !ok {
		return Clock{}, fmt.Errorf("a time range needs a start and an end, like 09:00-17:00")
	}
	start, err := parseTimeOfDay(a, false)
	if err != nil {
		return Clock{}, err
	}
	end, err := parseTimeOfDay(b, true)
	if err != nil {
		return Clock{}, err
	}
	if start == end {
		return Clock{}, fmt.Errorf("start and end are the same; a range must last at least a minute")
	}
	return Clock{Start: start, End: end}, nil
}

func parseTimeOfDay(s string, isEnd bool) (int, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return 0, fmt.Errorf("missing time; write e.g. 09:00-17:00 or 9am-5pm")
	}
	suffix := ""
	switch {
	case strings.HasSuffix(t, "am"), strings.HasSuffix(t, "pm"):
		suffix = t[len(t)-2:]
		t = strings.TrimSpace(t[:len(t)-2])
	}
	hs, ms, hasColon := strings.Cut(t, ":")
	if hasColon && hs == "" {
		return 0, fmt.Errorf("%q is not a time; write HH:MM", s)
	}
	h, err := strconv.Atoi(hs)
	if err != nil || len(hs) > 2 || strings.ContainsAny(hs, "+-") {
		return 0, fmt.Errorf("%q is not a time; write HH:MM or 9am", strings.TrimSpace(s))
	}
	m := 0
	if hasColon {
		if len(ms) != 2 {
			return 0, fmt.Errorf("%q: minutes need two digits", strings.TrimSpace(s))
		}
		m, err = strconv.Atoi(ms)
		if err != nil || strings.ContainsAny(ms, "+-") {
			return 0, fmt.Errorf("%q is not a time; write HH:MM", strings.TrimSpace(s))
		}
		if m > 59 {
			return 0, fmt.Errorf("minute out of range; minutes run from 00 to 59")
		}
	} else if suffix == "" {
		return 0, fmt.Errorf("%q is not a time; write HH:MM or add am/pm", strings.TrimSpace(s))
	}
	if suffix != "" {
		if h < 1 || h > 12 {
			return 0, fmt.Errorf("hour out of range; with am or pm the hour is 1 to 12")
		}
		if h == 12 {
			h = 0
		}
		if suffix == "pm" {
			h += 12
		}
		return h*60 + m, nil
	}
	if h == 24 && m == 0 {
		if !isEnd {
			return 0, fmt.Errorf("24:00 is allowed only as an end")
		}
		return MinutesPerDay, nil
	}
	if h > 23 {
		return 0, fmt.Errorf("hour out of range; hours run from 00 to 23, and 24:00 may end a range")
	}
	return h*60 + m, nil
}
