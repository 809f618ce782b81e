package planner

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// The JSON output of `weekfit solve --json`: the project's public contract.
type jsonResult struct {
	Plans    []jsonPlan      `json:"plans"`
	Rejected []jsonRejection `json:"rejected"`
	Warnings []string        `json:"warnings"`
	// Incomplete is there only when the search stopped early.
	Incomplete string `json:"incomplete,omitempty"`
}

type jsonPlan struct {
	Rank        int    `json:"rank"`
	Program     string `json:"program"`
	ProgramName string `json:"program_name"`
	jsonWeek

	// issue 13: what could still go wrong
	TightestSlack *int          `json:"tightest_slack_minutes"`
	FitsBadDay    *bool         `json:"fits_bad_day"`
	Warnings      []jsonWarning `json:"warnings"`
	// a dated scenario's plans only (issue 14)
	Phases []jsonPhase `json:"phases,omitempty"`
	Leave  *jsonLeave  `json:"leave,omitempty"`
}

type jsonSession struct {
	Week  int    `json:"week"`
	Day   string `json:"day"`
	Start string `json:"start"`
	End   string `json:"end"`
	Track string `json:"track"`
}

type jsonShiftChange struct {
	Job  string `json:"job"`
	Week int    `json:"week"`
	Day  string `json:"day"`
	From string `json:"from"`
	To   string `json:"to"`
}

type jsonCover struct {
	Commitment string `json:"commitment"`
	Week       int    `json:"week"`
	Day        string `json:"day"`
	By         string `json:"by"`
}

type jsonRejection struct {
	Program string   `json:"program"`
	Track   string   `json:"track"`
	Phase   string   `json:"phase,omitempty"` // for a program with phases (issue 14)
	Reasons []string `json:"reasons"`
	// Fixes are the smallest sets of asks that make it fit, smallest first.
	// It is left out when the solve did not look for fixes.
	Fixes *[]jsonFix `json:"fixes,omitempty"`
	// FixesNote says why fixes is empty, or that their search stopped early.
	FixesNote string `json:"fixes_note,omitempty"`
}

// FormatLatestHome writes a LatestHome figure as HH:MM, with "+1" when it falls after midnight.
func FormatLatestHome(m int) string {
	s := FormatClock(m % MinutesPerDay)
	if m >= MinutesPerDay {
		s += fmt.Sprintf("+%d", m/MinutesPerDay)
	}
	return s
}

// jsonPlanOf is a plan as an entry of plans[].
func jsonPlanOf(rank int, p *Plan) jsonPlan {
	jp := jsonPlan{Rank: rank, Program: p.Program, ProgramName: p.ProgramName, jsonWeek: jsonWeekOf(p)}
	jp.TightestSlack, jp.FitsBadDay, jp.Warnings = jsonChecks(p)
	jsonCalendar(&jp, p)
	return jp
}

// jsonWeek is what plans[] and plans[].phases[] both hold: the track, the
// sessions and the figures of one plan's week.
type jsonWeek struct {
	Track          string            `json:"track"`
	Sessions       []jsonSession     `json:"sessions"`
	UnpaidMinutes  int               `json:"unpaid_minutes"`
	MovedMinutes   int               `json:"moved_minutes"`
	TravelMinutes  int               `json:"travel_minutes"`
	AddedTravel    int               `json:"added_travel_minutes"`
	SessionMinutes int               `json:"session_minutes"`
	ExtraMinutes   int               `json:"extra_minutes"`
	LatestHome     string            `json:"latest_home"`
	ShiftChanges   []jsonShiftChange `json:"shift_changes"`
	Covered        []jsonCover       `json:"covered"`
}

func jsonWeekOf(p *Plan) jsonWeek {
	jw := jsonWeek{Track: p.Track, Sessions: []jsonSession{}, UnpaidMinutes: p.UnpaidMinutes, MovedMinutes: p.MovedMinutes,
		TravelMinutes: p.TravelMinutes, AddedTravel: p.AddedTravel, SessionMinutes: p.SessionMinutes,
		ExtraMinutes: p.ExtraMinutes, LatestHome: FormatLatestHome(p.LatestHome),
		ShiftChanges: []jsonShiftChange{}, Covered: []jsonCover{}}
	for _, s := range p.Sessions {
		jw.Sessions = append(jw.Sessions, jsonSession{Week: s.Week, Day: s.Day.String(), Start: FormatClock(s.Time.Start), End: FormatClock(s.Time.End), Track: s.Track})
	}
	for _, c := range p.ShiftChanges {
		jw.ShiftChanges = append(jw.ShiftChanges, jsonShiftChange{Job: c.Job, Week: c.Week, Day: c.Day.String(), From: c.From.String(), To: c.To.String()})
	}
	for _, c := range p.Covered {
		jw.Covered = append(jw.Covered, jsonCover{Commitment: c.Commitment, Week: c.Week, Day: c.Day.String(), By: c.By})
	}
	return jw
}

// WriteJSON writes a result as the one JSON object `weekfit solve --json` prints.
func WriteJSON(w io.Writer, r *Result) error {
	out := jsonResult{Plans: []jsonPlan{}, Rejected: []jsonRejection{}, Warnings: []string{}, Incomplete: r.Incomplete}
	out.Warnings = append(out.Warnings, r.Warnings...)
	for i := range r.Plans {
		out.Plans = append(out.Plans, jsonPlanOf(i+1, &r.Plans[i]))
	}
	for _, rj := range r.Rejected {
		jr := jsonRejection{Program: rj.Program, Track: rj.Track, Phase: rj.Phase, Reasons: append([]string{}, rj.Reasons...), FixesNote: rj.FixNote}
		if r.FixesSought {
			fixes := jsonFixes(rj.Fixes)
			jr.Fixes = &fixes
		}
		out.Rejected = append(out.Rejected, jr)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteText writes a result for a person: the ranked plans, a week grid of the
// best one, and each track that does not fit with the reasons.
func WriteText(w io.Writer, sc *Scenario, r *Result) error {
	// The report goes out through a 32 KB buffer: a strings.Builder that held
	// all of it grew by doubling (about 280 KB allocated for the 58 KB report
	// of the 40-program week).
	b := bufio.NewWriterSize(w, 32<<10)
	title := sc.Name
	if title == "" {
		title = "Scenario"
	}
	if len(r.Plans) == 0 && r.Incomplete != "" {
		fmt.Fprintf(b, "%s: no plan found before the search stopped.\n", title)
	} else if len(r.Plans) == 0 {
		fmt.Fprintf(b, "%s: no plan fits this week.\n", title)
	} else if r.More {
		fmt.Fprintf(b, "%s: more than %d plans fit; the best %d:\n", title, len(r.Plans), len(r.Plans))
	} else if len(r.Plans) == 1 {
		fmt.Fprintf(b, "%s: 1 plan fits.\n", title)
	} else {
		fmt.Fprintf(b, "%s: %d plans fit, best first:\n", title, len(r.Plans))
	}
	if r.Incomplete != "" {
		fmt.Fprintf(b, "Note: %s.\n", r.Incomplete)
	}
	writePreferencesText(b, sc)
	for i := range r.Plans {
		writePlanText(b, sc, i+1, &r.Plans[i])
	}
	if len(r.Plans) > 0 {
		fmt.Fprintf(b, "\nWeek of plan 1:\n")
		if sc.phased() {
			b.WriteString(TextGrid(sc, Timeline(sc.ForPhase(r.Plans[0].Program, 0), &r.Plans[0])))
		} else {
			b.WriteString(TextGrid(sc, r.Timeline(sc, &r.Plans[0])))
		}
	}
	if len(r.Rejected) > 0 {
		fmt.Fprintf(b, "\nDoes not fit:\n")
		for _, rj := range r.Rejected {
			name := rj.Program
			if i := sc.ProgramIndex(rj.Program); i >= 0 {
				name = sc.Programs[i].Name
			}
			track := rj.Track + " track"
			if rj.Track == MixedTrack {
				track = "any mix of tracks"
			}
			if rj.Phase != "" {
				track = rj.Phase + " phase, " + track
			}
			fmt.Fprintf(b, "  %s, %s:\n", name, track)
			for _, reason := range rj.Reasons {
				fmt.Fprintf(b, "    - %s\n", reason)
			}
			writeFixesText(b, &rj, sc.Weeks())
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(b, "\nWarnings about the week itself:\n")
		for _, wn := range r.Warnings {
			fmt.Fprintf(b, "  ! %s\n", wn)
		}
	}
	return b.Flush()
}

func writePlanText(b *bufio.Writer, sc *Scenario, rank int, p *Plan) {
	fmt.Fprintf(b, "\n%d. %s, %s\n", rank, p.ProgramName, planTrackText(p))
	weeks := sc.Weeks()
	for w := 1; w <= weeks; w++ {
		var parts []string
		mins := 0
		for _, s := range p.Sessions {
			if s.Week == w {
				t := fmt.Sprintf("%s %s", s.Day, s.Time)
				if p.Track == MixedTrack {
					t += " (" + s.Track + ")"
				}
				parts = append(parts, t)
				mins += s.Time.Minutes()
			}
		}
		label := "Sessions"
		if weeks > 1 {
			label = fmt.Sprintf("Week %d", w)
		}
		if len(p.Phases) > 1 {
			label += " in " + p.Phases[0].Name
		}
		fmt.Fprintf(b, "   %s: %s  (%s)\n", label, strings.Join(parts, ", "), hours(mins))
	}
	if len(p.ShiftChanges) == 0 {
		fmt.Fprintf(b, "   Work: no changes\n")
	} else {
		for i, c := range p.ShiftChanges {
			lead := "   Work: "
			if i > 0 {
				lead = "         "
			}
			wk := ""
			if weeks > 1 {
				wk = fmt.Sprintf("week %d ", c.Week)
			}
			fmt.Fprintf(b, "%s%s %s%s %s -> %s\n", lead, c.Job, wk, c.Day, c.From, c.To)
		}
	}
	if len(p.Covered) > 0 {
		fmt.Fprintf(b, "   Covered: %s\n", coverText(p.Covered, weeks))
	}
	fmt.Fprintf(b, "   Unpaid %d min, shifts moved %d min, travel %d min (%+d), home by %s\n",
		p.UnpaidMinutes, p.MovedMinutes, p.TravelMinutes, p.AddedTravel, FormatLatestHome(p.LatestHome))
	writeChecksText(b, p)
	writeCalendarText(b, p)
}

func coverText(cs []Cover, weeks int) string {
	type k struct{ what, by string }
	var order []k
	days := map[k][]string{}
	for _, c := range cs {
		key := k{c.Commitment, c.By}
		if _, ok := days[key]; !ok {
			order = append(order, key)
		}
		d := c.Day.String()
		if weeks > 1 {
			d = fmt.Sprintf("w%d %s", c.Week, d)
		}
		days[key] = append(days[key], d)
	}
	var parts []string
	for _, key := range order {
		parts = append(parts, fmt.Sprintf("%s %s by %s", key.what, strings.Join(days[key], ","), key.by))
	}
	return strings.Join(parts, "; ")
}

// Glyphs used by the text grid, one per kind, plus free time and conflicts.
const (
	GlyphFree     = '.'
	GlyphConflict = '!'
)

// Glyph returns the letter the text grid uses for a kind of block.
func (k BlockKind) Glyph() rune {
	return [...]rune{'J', 't', 'S', 'C', 'c', 'z'}[k]
}

// Busy reports whether the kind blocks the person (a covered commitment does not).
func (k BlockKind) Busy() bool { return k != KindCovered }

// TextGrid draws blocks as a compact week grid, one row an hour and one letter
// a quarter hour, for the hours in which something happens. Each quarter shows
// the block that covers most of it (LayGrid's rule), except that a quarter in
// which a block starts without covering most of it shows that block's letter,
// so every block shows where it starts, however short.
func TextGrid(sc *Scenario, blocks []Block) string {
	weeks := sc.Weeks()
	cells := LayGrid(blocks, weeks*MinutesPerWeek, 15)
	var b strings.Builder
	for w := 0; w < weeks; w++ {
		first, last := GridHours(blocks, cells, w)
		if weeks > 1 {
			fmt.Fprintf(&b, "Week %d\n", w+1)
		}
		b.WriteString("       Mon  Tue  Wed  Thu  Fri  Sat  Sun\n")
		for h := first; h <= last; h++ {
			fmt.Fprintf(&b, "%02d:00 ", h)
			for d := 0; d < 7; d++ {
				b.WriteByte(' ')
				for q := 0; q < 4; q++ {
					b.WriteRune(quarterGlyph(blocks, cells[(w*MinutesPerWeek+d*MinutesPerDay+h*60)/15+q]))
				}
			}
			b.WriteByte('\n')
		}
	}
	b.WriteString("Key: J job, t travel, S session, C commitment, c covered, z sleep, . free, ! conflict\n")
	return b.String()
}

// quarterGlyph is the one letter of a cell: a conflict, else that of the
// block QuarterBlock picks, else free.
func quarterGlyph(blocks []Block, c GridCell) rune {
	b := QuarterBlock(c)
	if c.Conflict {
		return GlyphConflict
	}
	if b >= 0 {
		return blocks[b].Kind.Glyph()
	}
	return GlyphFree
}

// QuarterBlock is the one block a grid too narrow for marks shows in a cell:
// the first block that starts in it without showing there, else the block it
// shows (-1 for a free cell).
func QuarterBlock(c GridCell) int {
	if len(c.Marks) > 0 {
		return c.Marks[0]
	}
	return c.Block
}

// GridHours returns the first and last hour of the day in which anything
// but sleep shows, in week w of the cycle, on a grid of quarter hours laid by
// LayGrid; 8 and 17 when nothing does.
func GridHours(blocks []Block, cells []GridCell, w int) (first, last int) {
	first, last = 24, -1
	perWeek := MinutesPerWeek / 15
	for i := w * perWeek; i < (w+1)*perWeek && i < len(cells); i++ {
		c := cells[i]
		busy := c.Block >= 0 && blocks[c.Block].Kind != KindSleep
		for _, m := range c.Marks {
			busy = busy || blocks[m].Kind != KindSleep
		}
		if busy {
			h := (i - w*perWeek) % (MinutesPerDay / 15) / 4
			first, last = min(first, h), max(last, h)
		}
	}
	if last < 0 {
		return 8, 17
	}
	return first, last
}
