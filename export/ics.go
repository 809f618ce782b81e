package export

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"weekfit/planner"
)

// icsEvent is one recurring event before it becomes iCalendar: day d of week
// w of the cycle, from start (minutes after midnight) for dur minutes.
type icsEvent struct {
	kind        string // session, travel or work: part of the UID, never a name
	week        int
	day         planner.Day
	start, dur  int
	summary     string
	description string
	location    string
}

// renderICS writes plan p as an iCalendar file: one weekly recurring event per
// session (INTERVAL is the rotation's length), ending with COUNT when the
// program ends, in opt.Loc with a VTIMEZONE built from Go's zone data; with
// opt.Travel also the travel legs the plan adds and the changed shifts.
func renderICS(sc *planner.Scenario, p planner.Plan, opt Options) ([]byte, error) {
	tzid, err := zoneName(opt.Loc)
	if err != nil {
		return nil, err
	}
	weeks := opt.weeks(sc, &p)
	first, end := planner.ProgramSpan(opt.Start, weeks)
	if len(p.Phases) > 0 {
		planner.DatePhases(sc, &p, opt.Start)
		first, end = p.Phases[0].From, p.Phases[len(p.Phases)-1].Until.AddDate(0, 0, 1)
	}
	w := &icsWriter{}
	w.begin("VCALENDAR")
	w.prop("VERSION", "2.0")
	w.prop("PRODID", "-//weekfit//weekfit export//EN")
	w.prop("METHOD", "PUBLISH")
	addTimezone(w, opt.Loc, first, end)
	events := sessionEvents(sc, &p, opt)
	if len(p.Phases) > 0 {
		for k := range p.Phases {
			addPhaseEvents(w, sc, &p, k, tzid, opt)
		}
		w.end("VCALENDAR")
		return w.bytes(), nil
	}
	if opt.Travel {
		events = append(events, travelEvents(sc, &p, opt)...)
		events = append(events, workEvents(sc, &p, opt)...)
	}
	seen := map[string]int{}
	for _, ev := range events {
		dates := planner.Occurrences(opt.Start, weeks, sc.Weeks(), ev.week, ev.day)
		if len(dates) == 0 {
			continue
		}
		key := fmt.Sprintf("%s|%d|%d", ev.kind, ev.week, ev.day)
		seen[key]++
		addEvent(w, ev, dates, nil, tzid, sc.Weeks(), opt, uid(opt.Seed, key, seen[key]))
	}
	w.end("VCALENDAR")
	return w.bytes(), nil
}

// zoneName returns the IANA name of a zone, which the TZID carries.
func zoneName(loc *time.Location) (string, error) {
	if loc == nil {
		return "", errors.New("no time zone given; pass --tz with a name such as America/New_York")
	}
	name := loc.String()
	if name == "" || name == "Local" {
		return "", errors.New("the machine's time zone has no name; pass --tz with a name such as America/New_York")
	}
	return name, nil
}

// uid makes a stable UID from data that names nobody: an optional seed (a
// profile's random id), what the event is, its week and day of the cycle, and
// its number among events of that kind that day. A re-export of the same
// profile gives the same UIDs, so a calendar updates its events instead of
// adding copies.
func uid(seed, key string, n int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("weekfit|%s|%s|%d", seed, key, n)))
	return hex.EncodeToString(sum[:16]) + "@weekfit"
}

// icsLocal writes a civil date and minutes after its midnight as local time.
func icsLocal(date time.Time, minutes int) string {
	return planner.Date(date).Add(time.Duration(minutes) * time.Minute).Format("20060102T150405")
}

var icsDays = [7]string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}

// addEvent writes one recurring event on dates (every occurrence of its
// rule, the first its start), less the dates in skip (EXDATE).
func addEvent(w *icsWriter, ev icsEvent, dates, skip []time.Time, tzid string, cycle int, opt Options, id string) {
	stamp := opt.Now.UTC().Format("20060102T150405Z")
	w.begin("VEVENT")
	w.text("UID", id)
	w.prop("DTSTAMP", stamp)
	w.prop("LAST-MODIFIED", stamp)
	// SEQUENCE grows with every export, so clients take a re-export as an update.
	w.prop("SEQUENCE", strconv.Itoa(max(0, int(opt.Now.UTC().Sub(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)).Minutes()))))
	w.prop("DTSTART;TZID="+tzid, icsLocal(dates[0], ev.start))
	w.prop("DTEND;TZID="+tzid, icsLocal(dates[0], ev.start+ev.dur))
	rule := fmt.Sprintf("FREQ=WEEKLY;BYDAY=%s;COUNT=%d", icsDays[ev.day], len(dates))
	if cycle > 1 {
		rule = fmt.Sprintf("FREQ=WEEKLY;INTERVAL=%d;BYDAY=%s;COUNT=%d", cycle, icsDays[ev.day], len(dates))
	}
	if len(skip) > 0 {
		// with days left out, the end is a date: a COUNT would be read as
		// counting the days left out by some clients (calcurse) and not by
		// others
		last := dates[len(dates)-1]
		until := time.Date(last.Year(), last.Month(), last.Day(), 0, ev.start, 0, 0, opt.Loc).UTC().Format("20060102T150405Z")
		rule = strings.Replace(rule, fmt.Sprintf("COUNT=%d", len(dates)), "UNTIL="+until, 1)
	}
	w.prop("RRULE", rule)
	for _, d := range skip {
		w.prop("EXDATE;TZID="+tzid, icsLocal(d, ev.start))
	}
	w.text("SUMMARY", ev.summary)
	if ev.description != "" {
		w.text("DESCRIPTION", ev.description)
	}
	if ev.location != "" {
		w.text("LOCATION", ev.location)
	}
	w.prop("CLASS", "PRIVATE")
	w.end("VEVENT")
}

func sessionEvents(sc *planner.Scenario, p *planner.Plan, opt Options) []icsEvent {
	label := planner.SessionLabel(p, opt.Names)
	var loc, desc string
	if opt.Names {
		if i := sc.ProgramIndex(p.Program); i >= 0 {
			pr := &sc.Programs[i]
			if pr.Modality != planner.Virtual && pr.Place != "" {
				loc = sc.PlaceName(pr.Place)
			}
			desc = fmt.Sprintf("%s track", strings.TrimSpace(p.Track))
		}
	}
	var out []icsEvent
	for _, s := range p.Sessions {
		out = append(out, icsEvent{kind: "session", week: s.Week, day: s.Day, start: s.Time.Start, dur: s.Time.Minutes(),
			summary: label, description: desc, location: loc})
	}
	return out
}

// travelEvents returns the travel legs of the week with plan p that the week
// without it does not have: the trips the plan adds or moves.
func travelEvents(sc *planner.Scenario, p *planner.Plan, opt Options) []icsEvent {
	type leg struct {
		start, end int
		from, to   string
	}
	before := map[leg]bool{}
	for _, b := range planner.Timeline(sc, nil) {
		if b.Kind == planner.KindTravel {
			before[leg{b.Start, b.End, b.Place, b.To}] = true
		}
	}
	var out []icsEvent
	for _, b := range planner.Timeline(sc, p) {
		if b.Kind != planner.KindTravel || before[leg{b.Start, b.End, b.Place, b.To}] {
			continue
		}
		summary := "Travel"
		if opt.Names {
			summary = "Travel to " + sc.PlaceName(b.To)
		}
		w := b.Start / planner.MinutesPerWeek
		d := (b.Start % planner.MinutesPerWeek) / planner.MinutesPerDay
		out = append(out, icsEvent{kind: "travel", week: w + 1, day: planner.Day(d),
			start: b.Start % planner.MinutesPerDay, dur: b.End - b.Start, summary: summary})
	}
	return out
}

// workEvents returns the shifts plan p changes, at their new times.
func workEvents(sc *planner.Scenario, p *planner.Plan, opt Options) []icsEvent {
	var out []icsEvent
	for _, c := range p.ShiftChanges {
		out = append(out, icsEvent{kind: "work", week: c.Week, day: c.Day, start: c.To.Start, dur: c.To.Minutes(),
			summary:     planner.JobLabel(sc, c.Job, opt.Names) + " (changed hours)",
			description: fmt.Sprintf("Usual hours %s, this day %s.", c.From, c.To)})
	}
	return out
}

// transition is one change of a zone's offset from UTC.
type transition struct {
	at       time.Time // the instant of the change
	from, to int       // offsets in seconds east of UTC before and after
	name     string    // the zone's abbreviation after the change
	dst      bool      // whether daylight-saving time holds after the change
}

// transitions finds every change of offset in loc between from and to, to the
// second, by stepping a day at a time and then halving the step.
func transitions(loc *time.Location, from, to time.Time) []transition {
	var out []transition
	prev := from.In(loc)
	_, prevOff := prev.Zone()
	for t := prev.Add(24 * time.Hour); !prev.After(to); t = t.Add(24 * time.Hour) {
		t = t.In(loc)
		if _, off := t.Zone(); off != prevOff {
			lo, hi := prev, t
			for hi.Sub(lo) > time.Second {
				mid := lo.Add(hi.Sub(lo) / 2)
				if _, o := mid.Zone(); o == prevOff {
					lo = mid
				} else {
					hi = mid
				}
			}
			name, o := hi.Zone()
			out = append(out, transition{at: hi, from: prevOff, to: o, name: name, dst: hi.IsDST()})
			prevOff = o
		}
		prev = t
	}
	return out
}

// icsOffset writes an offset in seconds as iCalendar's +hhmm (or +hhmmss).
func icsOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	s := fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec/60%60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}

// addTimezone adds the VTIMEZONE for loc that covers the span from first to
// end: one STANDARD or DAYLIGHT part per change of offset from a year before
// the span until a week after it, from Go's own zone data, or one part with
// a fixed offset when the zone does not change in that time.
func addTimezone(w *icsWriter, loc *time.Location, first, end time.Time) {
	w.begin("VTIMEZONE")
	w.text("TZID", loc.String())
	from := time.Date(first.Year()-1, first.Month(), first.Day(), 0, 0, 0, 0, loc)
	to := time.Date(end.Year(), end.Month(), end.Day()+7, 0, 0, 0, 0, loc)
	ts := transitions(loc, from, to)
	if len(ts) == 0 {
		name, off := from.Zone()
		ts = []transition{{at: time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(off) * time.Second),
			from: off, to: off, name: name, dst: from.IsDST()}}
	}
	for _, tr := range ts {
		part := "STANDARD"
		if tr.dst {
			part = "DAYLIGHT"
		}
		w.begin(part)
		// DTSTART is the wall-clock time of the change in the offset before it.
		w.prop("DTSTART", tr.at.UTC().Add(time.Duration(tr.from)*time.Second).Format("20060102T150405"))
		w.prop("TZOFFSETFROM", icsOffset(tr.from))
		w.prop("TZOFFSETTO", icsOffset(tr.to))
		if tr.name != "" {
			w.text("TZNAME", tr.name)
		}
		w.end(part)
	}
	w.end("VTIMEZONE")
}
