package planner

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// DiffSide is one of the two things a Diff compares: a week and its plan.
type DiffSide struct {
	Label    string    // what the user called it: "week", a what-if's name, a saved plan's name
	Scenario *Scenario // the week
	Plan     *Plan     // its best plan (or the saved plan); nil when none fits
	Result   *Result   // the solve of Scenario, for which tracks fit; nil when not solved
}

// Figures are what a plan costs, as a diff shows them.
type Figures struct {
	Program, ProgramName, Track string
	Sessions                    int
	SessionMinutes              int
	WorkMinutes                 int // time at work a week after the plan's bends, averaged over a rotation
	UnpaidMinutes               int // as Plan, summed over the cycle
	MovedMinutes                int
	TravelMinutes               int
	LatestHome                  int
}

// TrackRef names a track of a program, or MixedTrack.
type TrackRef struct {
	Program, ProgramName, Track string
}

// Diff says what changes from side A to side B: the week in words, and what
// that does to the best plan.
type Diff struct {
	A, B        string     // the sides' labels
	Changes     []string   // WeekChanges of the two weeks
	PlanA       *Figures   // nil when no plan fits A
	PlanB       *Figures   // nil when no plan fits B
	Gained      []Session  // sessions of B's plan that A's lacks
	Lost        []Session  // sessions of A's plan that B's lacks
	NowFit      []TrackRef // tracks that do not fit A and fit B
	NoLongerFit []TrackRef // tracks that fit A and do not fit B
	Incomplete  string     // IncompleteSentence when a side's solve stopped early, else empty
}

// Compare diffs two sides.
func Compare(a, b DiffSide) Diff {
	d := Diff{A: a.Label, B: b.Label, Changes: WeekChanges(a.Scenario, b.Scenario)}
	d.PlanA, d.PlanB = figuresOf(a), figuresOf(b)
	var sa, sb []Session
	if a.Plan != nil {
		sa = a.Plan.Sessions
	}
	if b.Plan != nil {
		sb = b.Plan.Sessions
	}
	d.Gained, d.Lost = sessionsMinus(sb, sa), sessionsMinus(sa, sb)
	for _, r := range []*Result{a.Result, b.Result} {
		if r != nil && r.Incomplete != "" {
			d.Incomplete = r.Incomplete
		}
	}
	if a.Result != nil && b.Result != nil {
		d.NowFit = fitsOnlyIn(b.Scenario, a.Result, b.Result)
		d.NoLongerFit = fitsOnlyIn(a.Scenario, b.Result, a.Result)
	}
	return d
}

// WorkMinutes returns the time at work in the week after plan p's bends (p may
// be nil): every shift of every week of the cycle, less the plan's unpaid
// minutes, divided by the weeks of the cycle.
func WorkMinutes(sc *Scenario, p *Plan) int {
	total := 0
	for _, j := range sc.Jobs {
		for _, sp := range j.Shifts {
			for w := 1; w <= sc.Weeks(); w++ {
				if sp.InWeek(w) {
					total += sp.Days.Count() * sp.Time.Minutes()
				}
			}
		}
	}
	if p != nil {
		total -= p.UnpaidMinutes
	}
	return total / sc.Weeks()
}

func figuresOf(s DiffSide) *Figures {
	if s.Plan == nil {
		return nil
	}
	p := s.Plan
	return &Figures{Program: p.Program, ProgramName: p.ProgramName, Track: p.Track, Sessions: len(p.Sessions),
		SessionMinutes: p.SessionMinutes, WorkMinutes: WorkMinutes(s.Scenario, p), UnpaidMinutes: p.UnpaidMinutes,
		MovedMinutes: p.MovedMinutes, TravelMinutes: p.TravelMinutes, LatestHome: p.LatestHome}
}

// sessionsMinus returns the sessions of xs (by week, day and time) that ys lacks.
func sessionsMinus(xs, ys []Session) []Session {
	var out []Session
	for _, x := range xs {
		found := false
		for _, y := range ys {
			if x.Week == y.Week && x.Day == y.Day && x.Time == y.Time {
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}

// fitsOnlyIn lists the tracks rejected in was and not in now, among the
// programs of sc (so that a program only one side has is not counted).
func fitsOnlyIn(sc *Scenario, was, now *Result) []TrackRef {
	rejected := map[[2]string]bool{}
	for _, r := range now.Rejected {
		rejected[[2]string{r.Program, r.Track}] = true
	}
	var out []TrackRef
	for _, r := range was.Rejected {
		i := sc.ProgramIndex(r.Program)
		if i < 0 || rejected[[2]string{r.Program, r.Track}] {
			continue
		}
		out = append(out, TrackRef{Program: r.Program, ProgramName: sc.Programs[i].Name, Track: r.Track})
	}
	return out
}

// WriteDiffText writes a diff for a person.
func WriteDiffText(w io.Writer, d *Diff) error {
	var b strings.Builder
	fmt.Fprintf(&b, "From %s to %s:\n", d.A, d.B)
	if len(d.Changes) == 0 {
		b.WriteString("  the week is the same\n")
	}
	for _, c := range d.Changes {
		fmt.Fprintf(&b, "  %s\n", c)
	}
	b.WriteString("\nThe best plan:\n")
	fmt.Fprintf(&b, "  plan: %s -> %s\n", planWords(d.PlanA), planWords(d.PlanB))
	if d.PlanA != nil || d.PlanB != nil {
		fmt.Fprintf(&b, "  sessions gained: %s\n", sessionsWords(d.Gained))
		fmt.Fprintf(&b, "  sessions lost: %s\n", sessionsWords(d.Lost))
	}
	if d.PlanA != nil && d.PlanB != nil {
		a, z := d.PlanA, d.PlanB
		figure(&b, "hours at work a week", a.WorkMinutes, z.WorkMinutes, FormatDuration)
		figure(&b, "unpaid", a.UnpaidMinutes, z.UnpaidMinutes, FormatDuration)
		figure(&b, "moved", a.MovedMinutes, z.MovedMinutes, FormatDuration)
		figure(&b, "travel", a.TravelMinutes, z.TravelMinutes, FormatDuration)
		figure(&b, "home by", a.LatestHome, z.LatestHome, FormatLatestHome)
	}
	fmt.Fprintf(&b, "\nTracks that now fit: %s\n", tracksWords(d.NowFit))
	fmt.Fprintf(&b, "Tracks that no longer fit: %s\n", tracksWords(d.NoLongerFit))
	if d.Incomplete != "" {
		fmt.Fprintf(&b, "\nNote: %s.\n", d.Incomplete)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func figure(b *strings.Builder, name string, a, z int, f func(int) string) {
	if a == z {
		fmt.Fprintf(b, "  %s: %s, the same\n", name, f(a))
	} else if name == "home by" {
		fmt.Fprintf(b, "  %s: %s instead of %s\n", name, f(z), f(a))
	} else if z > a {
		fmt.Fprintf(b, "  %s: %s instead of %s (%s more)\n", name, f(z), f(a), FormatDuration(z-a))
	} else {
		fmt.Fprintf(b, "  %s: %s instead of %s (%s less)\n", name, f(z), f(a), FormatDuration(a-z))
	}
}

func planWords(f *Figures) string {
	if f == nil {
		return "none fits"
	}
	return f.ProgramName + ", " + f.Track
}

func sessionsWords(ss []Session) string {
	if len(ss) == 0 {
		return "none"
	}
	var parts []string
	for _, s := range ss {
		parts = append(parts, sessionWords(s))
	}
	return strings.Join(parts, ", ")
}

func sessionWords(s Session) string {
	if s.Week > 1 {
		return fmt.Sprintf("%s of week %d %s", s.Day, s.Week, s.Time)
	}
	return fmt.Sprintf("%s %s", s.Day, s.Time)
}

func tracksWords(ts []TrackRef) string {
	if len(ts) == 0 {
		return "none"
	}
	var parts []string
	for _, t := range ts {
		parts = append(parts, t.ProgramName+", "+t.Track)
	}
	return strings.Join(parts, "; ")
}

type jsonDiff struct {
	A           string         `json:"a"`
	B           string         `json:"b"`
	Changes     []string       `json:"changes"`
	PlanA       *jsonFigures   `json:"plan_a"`
	PlanB       *jsonFigures   `json:"plan_b"`
	Gained      []jsonSession  `json:"sessions_gained"`
	Lost        []jsonSession  `json:"sessions_lost"`
	NowFit      []jsonTrackRef `json:"now_fit"`
	NoLongerFit []jsonTrackRef `json:"no_longer_fit"`
	Incomplete  string         `json:"incomplete,omitempty"`
}

type jsonFigures struct {
	Program        string `json:"program"`
	ProgramName    string `json:"program_name"`
	Track          string `json:"track"`
	Sessions       int    `json:"sessions"`
	SessionMinutes int    `json:"session_minutes"`
	WorkMinutes    int    `json:"work_minutes_per_week"`
	UnpaidMinutes  int    `json:"unpaid_minutes"`
	MovedMinutes   int    `json:"moved_minutes"`
	TravelMinutes  int    `json:"travel_minutes"`
	LatestHome     string `json:"latest_home"`
}

type jsonTrackRef struct {
	Program string `json:"program"`
	Track   string `json:"track"`
}

// WriteDiffJSON writes a diff as one JSON object (README: weekfit diff --json).
func WriteDiffJSON(w io.Writer, d *Diff) error {
	out := jsonDiff{A: d.A, B: d.B, Changes: append([]string{}, d.Changes...), PlanA: jsonFiguresOf(d.PlanA), PlanB: jsonFiguresOf(d.PlanB),
		Gained: jsonSessions(d.Gained), Lost: jsonSessions(d.Lost), NowFit: jsonTracks(d.NowFit), NoLongerFit: jsonTracks(d.NoLongerFit), Incomplete: d.Incomplete}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func jsonFiguresOf(f *Figures) *jsonFigures {
	if f == nil {
		return nil
	}
	return &jsonFigures{Program: f.Program, ProgramName: f.ProgramName, Track: f.Track, Sessions: f.Sessions, SessionMinutes: f.SessionMinutes,
		WorkMinutes: f.WorkMinutes, UnpaidMinutes: f.UnpaidMinutes, MovedMinutes: f.MovedMinutes, TravelMinutes: f.TravelMinutes, LatestHome: FormatLatestHome(f.LatestHome)}
}

func jsonSessions(ss []Session) []jsonSession {
	out := []jsonSession{}
	for _, s := range ss {
		out = append(out, jsonSession{Week: s.Week, Day: s.Day.String(), Start: FormatClock(s.Time.Start), End: FormatClock(s.Time.End), Track: s.Track})
	}
	return out
}

func jsonTracks(ts []TrackRef) []jsonTrackRef {
	out := []jsonTrackRef{}
	for _, t := range ts {
		out = append(out, jsonTrackRef{Program: t.Program, Track: t.Track})
	}
	return out
}
