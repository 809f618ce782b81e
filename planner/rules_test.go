package planner

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// edit applies old->new replacements to the base scenario, failing when one
// does not match, so a test cannot silently test the base instead.
func edit(t *testing.T, base string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(base, pairs[i]) {
			t.Fatalf("edit: %q not in scenario", pairs[i])
		}
		base = strings.Replace(base, pairs[i], pairs[i+1], 1)
	}
	return base
}

func solveJSON(t *testing.T, s string, opt Options) *Result {
	t.Helper()
	res, err := Solve(mustParse(t, s), opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func reasonsOf(r *Result, track string) string {
	for _, rj := range r.Rejected {
		if rj.Track == track {
			return strings.Join(rj.Reasons, "\n")
		}
	}
	return ""
}

// firstPlan returns the best plan, failing the test (not panicking, so the
// package's other tests still run) when there is none.
func firstPlan(t *testing.T, r *Result) Plan {
	t.Helper()
	if len(r.Plans) == 0 {
		t.Fatalf("want a plan, got none; rejected %+v", r.Rejected)
	}
	return r.Plans[0]
}

func sessionsText(p *Plan) string {
	var parts []string
	for _, s := range p.Sessions {
		w := ""
		if s.Week > 1 {
			w = fmt.Sprintf("w%d ", s.Week)
		}
		parts = append(parts, w+s.Day.String()+" "+s.Time.String())
	}
	return strings.Join(parts, ", ")
}

func TestSolveRules(t *testing.T) {
	evening1730 := []string{`"18:00-21:00"`, `"17:30-20:30"`}
	cases := []struct {
		name   string
		edits  []string
		opt    Options
		check  func(t *testing.T, r *Result)
		custom string
	}{
		{name: "evening fits without changes; morning overlaps and says how far the shift can move", check: func(t *testing.T, r *Result) {
			p := firstPlan(t, r)
			if p.Track != "Evening" || len(p.ShiftChanges) != 0 || p.UnpaidMinutes != 0 {
				t.Fatalf("plan %+v", p)
			}
			want := "Mon 09:00-12:00 overlaps Office 09:00-17:00. The shift cannot start later"
			if got := reasonsOf(r, "Morning"); !strings.Contains(got, want) {
				t.Fatalf("morning reasons %q lack %q", got, want)
			}
		}},
		{name: "rush hour makes the trip 30 min: the shift must end at 16:50, beyond a zero unpaid budget", edits: evening1730, check: func(t *testing.T, r *Result) {
			if len(r.Plans) != 0 {
				t.Fatalf("want no plan, got %s", sessionsText(&r.Plans[0]))
			}
			if got := reasonsOf(r, "Evening"); !strings.Contains(got, "unpaid") {
				t.Fatalf("reasons %q should name unpaid time", got)
			}
		}},
		{name: "with 30 unpaid minutes a week, three sessions cost 10 each", edits: append(evening1730, `"max_unpaid_minutes_per_week": 0`, `"max_unpaid_minutes_per_week": 30`), check: func(t *testing.T, r *Result) {
			p := firstPlan(t, r)
			if p.UnpaidMinutes != 30 || p.MovedMinutes != 30 || len(p.ShiftChanges) != 3 || p.ShiftChanges[0].To.String() != "09:00-16:50" {
				t.Fatalf("plan %s unpaid %d moved %d changes %+v", sessionsText(&p), p.UnpaidMinutes, p.MovedMinutes, p.ShiftChanges)
			}
		}},
		{name: "starting 10 min earlier wins the time back: no unpaid minutes", edits: append(evening1730, `"start_earlier": 0`, `"start_earlier": 10`), check: func(t *testing.T, r *Result) {
			p := firstPlan(t, r)
			if p.UnpaidMinutes != 0 || p.MovedMinutes != 60 || len(p.ShiftChanges) == 0 || p.ShiftChanges[0].To.String() != "08:50-16:50" {
				t.Fatalf("plan unpaid %d moved %d changes %+v", p.UnpaidMinutes, p.MovedMinutes, p.ShiftChanges)
			}
		}},
		{name: "touching intervals: the trip ends 17:20 and the session is attended from 17:20", edits: []string{`"18:00-21:00"`, `"17:30-20:30"`, `"factor": 1.5`, `"factor": 1`}, check: func(t *testing.T, r *Result) {
			if len(r.Plans) == 0 || len(r.Plans[0].ShiftChanges) != 0 {
				t.Fatalf("want a plan without changes: %+v", r)
			}
		}},
		{name: "one minute later it no longer touches", edits: []string{`"18:00-21:00"`, `"17:29-20:29"`, `"factor": 1.5`, `"factor": 1`}, check: func(t *testing.T, r *Result) {
			if len(r.Plans) != 0 {
				t.Fatalf("want no plan")
			}
		}},
		{name: "overnight shift runs into the next day", custom: overnight("Fri", "Sat 05:00-08:00"), check: func(t *testing.T, r *Result) {
			if got := reasonsOf(r, "Early"); !strings.Contains(got, "Sat 05:00-08:00 overlaps Night Fri 22:00-06:00") {
				t.Fatalf("reasons %q", got)
			}
		}},
		{name: "Sunday night runs into Monday: the week is a cycle", custom: overnight("Sun", "Mon 05:00-08:00"), check: func(t *testing.T, r *Result) {
			if got := reasonsOf(r, "Early"); !strings.Contains(got, "Mon 05:00-08:00 overlaps Night Sun 22:00-06:00") {
				t.Fatalf("reasons %q", got)
			}
		}},
		{name: "too few hours", edits: []string{`"18:00-21:00"`, `"18:00-20:00"`, `"min_days": 3`, `"min_days": 4`}, check: func(t *testing.T, r *Result) {
			if got := reasonsOf(r, "Evening"); !strings.Contains(got, "add up to 8 h a week. The program needs 9 h") {
				t.Fatalf("reasons %q", got)
			}
		}},
		{name: "sleep: the trip home would run into sleep", edits: []string{`"18:00-21:00"`, `"19:30-22:45"`}, check: func(t *testing.T, r *Result) {
			if got := reasonsOf(r, "Evening"); !strings.Contains(got, "runs into sleep") {
				t.Fatalf("reasons %q", got)
			}
		}},
		{name: "locked session and excluded day", opt: Options{ExcludeDays: 1 << Mon, Require: []SessionRef{{Program: "riverside", Week: 1, Day: Thu, Time: Clock{18 * 60, 21 * 60}}}}, check: func(t *testing.T, r *Result) {
			if len(r.Plans) != 1 || sessionsText(&r.Plans[0]) != "Tue 18:00-21:00, Wed 18:00-21:00, Thu 18:00-21:00" {
				t.Fatalf("plans %v", r.Plans)
			}
		}},
		{name: "no travel time from work to the clinic and no time to go home", edits: []string{`{"from": "work", "to": "clinic", "minutes": 20}, `, ``, `"18:00-21:00"`, `"17:30-20:30"`}, check: func(t *testing.T, r *Result) {
			if got := reasonsOf(r, "Evening"); !strings.Contains(got, "Office") {
				t.Fatalf("reasons %q", got)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := c.custom
			if s == "" {
				s = edit(t, baseScenario, c.edits...)
			}
			c.check(t, solveJSON(t, s, c.opt))
		})
	}
}

// overnight builds a week with one overnight shift and one early session.
func overnight(shiftDay, session string) string {
	day, clock, _ := strings.Cut(session, " ")
	return fmt.Sprintf(`{"version": 1, "places": {"work": "Depot", "clinic": "Clinic"},
  "travel": [{"from": "home", "to": "work", "minutes": 20}, {"from": "home", "to": "clinic", "minutes": 20}],
  "jobs": [{"name": "Night", "place": "work", "shifts": [{"days": %q, "time": "22:00-06:00"}]}],
  "programs": [{"id": "p", "place": "clinic", "min_days": 1, "tracks": [{"name": "Early", "sessions": [{"days": %q, "time": %q}]}]}]}`, shiftDay, day, clock)
}

func TestRushStretch(t *testing.T) {
	s := `{"version": 1, "places": {"clinic": "Clinic"}, "travel": [{"from": "home", "to": "clinic", "minutes": 25}],
  "rush_hours": [{"days": "Mon", "time": "16:00-18:00", "factor": 1.3}, {"days": "Mon", "time": "17:00-19:00", "factor": 1.5}],
  "programs": [{"id": "p", "place": "clinic", "min_days": 1, "tracks": [{"name": "T", "sessions": [{"days": "Mon", "time": "%s"}]}]}]}`
	for _, c := range []struct {
		session string
		back    int // the trip home after the session
	}{
		{"15:00-16:30", 33}, // 25 x 1.3 = 32.5, rounded up
		{"15:00-17:30", 38}, // both windows: the larger factor, 37.5 rounded up
		{"15:00-19:00", 25}, // window is half-open: 19:00 is outside
	} {
		sc := mustParse(t, fmt.Sprintf(s, c.session))
		res, _ := Solve(sc, Options{})
		if len(res.Plans) == 0 {
			t.Fatalf("%s: no plan", c.session)
		}
		var back int
		for _, b := range Timeline(sc, &res.Plans[0]) {
			if b.Kind == KindTravel && b.To == Home {
				back = b.End - b.Start
			}
		}
		if back != c.back {
			t.Errorf("session %s: trip home %d min, want %d", c.session, back, c.back)
		}
	}
}

func TestCovers(t *testing.T) {
	s := `{"version": 1, "places": {"school": "School"}, "travel": [{"from": "home", "to": "school", "minutes": 10}],
  "commitments": [{"name": "Pickup", "days": "Mon-Fri", "time": "15:15-15:45", "place": "school"}],
  "support": [{"name": "Gran", "days": "Tue,Thu", "time": "%s", "covers": ["Pickup"]}],
  "programs": [{"id": "v", "modality": "virtual", "min_days": 2, "tracks": [{"name": "T", "sessions": [{"days": "Tue,Thu", "time": "15:00-16:00"}]}]}]}`
	res := solveJSON(t, fmt.Sprintf(s, "14:00-19:00"), Options{})
	if len(res.Plans) != 1 || len(res.Plans[0].Covered) != 2 || res.Plans[0].Covered[0].By != "Gran" || res.Plans[0].Covered[1].Day != Thu {
		t.Fatalf("want one plan with two covers: %+v", res)
	}
	res = solveJSON(t, fmt.Sprintf(s, "15:16-19:00"), Options{})
	if len(res.Plans) != 0 || !strings.Contains(reasonsOf(res, "T"), "overlaps Pickup") {
		t.Fatalf("a window one minute short must not cover: %+v", res)
	}
}

func TestRankingOrder(t *testing.T) {
	// Program a needs 10 unpaid minutes a session; program b needs the shift
	// to move (start 10 earlier, end 10 earlier) and costs no unpaid time.
	s := `{"version": 1, "arrive_early_minutes": 0, "places": {"work": "W", "a": "A"},
  "travel": [{"from": "home", "to": "work", "minutes": 10}, {"from": "work", "to": "a", "minutes": 10}, {"from": "home", "to": "a", "minutes": 10}],
  "jobs": [{"name": "Job", "place": "work", "shifts": [{"days": "Mon-Fri", "time": "09:00-17:00"}],
    "flex": {"start_earlier": %d, "end_earlier": 30}, "max_unpaid_minutes_per_week": 100}],
  "programs": [
    {"id": "a", "place": "a", "min_days": 1, "tracks": [{"name": "T", "sessions": [{"days": "Mon", "time": "17:00-20:00"}]}]},
    {"id": "b", "place": "a", "min_days": 1, "tracks": [{"name": "T", "sessions": [{"days": "Tue", "time": "17:30-20:00"}]}]}]}`
	res := solveJSON(t, fmt.Sprintf(s, 0), Options{})
	if len(res.Plans) != 2 || res.Plans[0].Program != "b" || res.Plans[0].UnpaidMinutes != 0 || res.Plans[1].UnpaidMinutes != 10 {
		t.Fatalf("fewer unpaid minutes first: %+v", res.Plans)
	}
	res = solveJSON(t, fmt.Sprintf(s, 10), Options{})
	if len(res.Plans) != 2 || res.Plans[0].Program != "b" || res.Plans[0].MovedMinutes != 0 || res.Plans[1].MovedMinutes != 20 || res.Plans[1].UnpaidMinutes != 0 {
		t.Fatalf("then fewer moved minutes: %+v", res.Plans)
	}
}

func TestMixAndRotation(t *testing.T) {
	s := `{"version": 1, "cycle_weeks": 2, "places": {"work": "W", "c": "C"},
  "travel": [{"from": "home", "to": "work", "minutes": 10}, {"from": "home", "to": "c", "minutes": 10}],
  "jobs": [{"name": "Job", "place": "work", "shifts": [{"days": "Mon-Fri", "time": "08:00-16:00", "weeks": [1]}, {"days": "Mon-Fri", "time": "12:00-20:00", "weeks": [2]}]}],
  "programs": [{"id": "p", "place": "c", "min_days": 2, "mix_tracks": %v, "tracks": [
    {"name": "Morning", "sessions": [{"days": "Mon,Wed", "time": "08:30-11:30"}]},
    {"name": "Evening", "sessions": [{"days": "Mon,Wed", "time": "17:00-19:00"}]}]}]}`
	res := solveJSON(t, fmt.Sprintf(s, true), Options{})
	if len(res.Plans) != 1 || res.Plans[0].Track != MixedTrack || sessionsText(&res.Plans[0]) != "Mon 17:00-19:00, Wed 17:00-19:00, w2 Mon 08:30-11:30, w2 Wed 08:30-11:30" {
		t.Fatalf("mixed plan: %+v", res.Plans)
	}
	res = solveJSON(t, fmt.Sprintf(s, false), Options{})
	if len(res.Plans) != 0 || len(res.Rejected) != 2 || !strings.Contains(reasonsOf(res, "Morning"), "week 1 Mon 08:30-11:30 overlaps Job 08:00-16:00") {
		t.Fatalf("one track cannot fit both weeks: %+v", res)
	}
}

func TestWarningsDoNotReject(t *testing.T) {
	s := edit(t, overnight("Mon", "Wed 12:00-15:00"), `"jobs"`, `"sleep": [{"days": "Mon-Sun", "time": "23:00-07:00"}], "jobs"`)
	res := solveJSON(t, s, Options{})
	if len(res.Plans) != 1 || len(res.Warnings) == 0 || !strings.Contains(res.Warnings[0], "overlaps sleep") {
		t.Fatalf("a night shift over a sleep block warns and still plans: %+v", res)
	}
}

func TestVirtualArriveEarly(t *testing.T) {
	s := `{"version": 1, "arrive_early_minutes": 30, "places": {"work": "W"}, "travel": [{"from": "home", "to": "work", "minutes": 20}],
  "jobs": [{"name": "Job", "place": "work", "shifts": [{"days": "Mon", "time": "08:00-12:00"}]}],
  "programs": [{"id": "v", "modality": "virtual", "min_days": 1, "arrive_early_minutes": %d, "tracks": [{"name": "T", "sessions": [{"days": "Mon", "time": "12:30-15:30"}]}]}]}`
	if res := solveJSON(t, fmt.Sprintf(s, 10), Options{}); len(res.Plans) != 1 || res.Plans[0].AddedTravel != 0 || res.Plans[0].LatestHome != 15*60+30 {
		t.Fatalf("virtual session at home after a 20-min trip: %+v", res)
	}
	if res := solveJSON(t, fmt.Sprintf(s, 15), Options{}); len(res.Plans) != 0 {
		t.Fatalf("15 min early needs home by 12:15, but the trip ends 12:20: %+v", res.Plans)
	}
}

// TestLockedSessionBindsEveryPlan: a plan must keep every session the user
// locked for its program, so a track that does not offer the locked session,
// or a lock on a day taken out, is rejected with a sentence, never solved
// without it (found by the independent reference of issue 18).
func TestLockedSessionBindsEveryPlan(t *testing.T) {
	mon := Clock{Start: 9 * 60, End: 12 * 60}
	sc := &Scenario{Version: 1, CycleWeeks: 1, Places: []Place{{ID: "clinic", Name: "Clinic"}},
		Travel: []Leg{{From: Home, To: "clinic", Minutes: 10}},
		Programs: []Program{{ID: "p", Name: "P", Place: "clinic", Modality: InPerson, MinDays: 1, MinMinutes: 180, Tracks: []Track{
			{Name: "A", Sessions: []Span{{Days: DaySet(0).With(Mon), Time: mon}}},
			{Name: "B", Sessions: []Span{{Days: DaySet(0).With(Tue), Time: mon}}},
		}}}}
	lock := []SessionRef{{Program: "p", Week: 1, Day: Tue, Time: mon}}
	cases := []struct {
		name    string
		opt     Options
		plans   []string // tracks of the plans, best first
		reasons map[string]string
	}{
		{"no lock", Options{}, []string{"A", "B"}, nil},
		{"Tue locked", Options{Require: lock}, []string{"B"}, map[string]string{"A": "The locked session Tue 09:00-12:00 is not one of this track's sessions."}},
		{"Tue locked and taken out", Options{Require: lock, ExcludeDays: DaySet(0).With(Tue)}, nil, map[string]string{
			"A": "The session Tue 09:00-12:00 is locked, but Tue is taken out of the week. Unlock the session or take the day back.",
			"B": "The session Tue 09:00-12:00 is locked, but Tue is taken out of the week. Unlock the session or take the day back.",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Solve(sc, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range r.Plans {
				got = append(got, p.Track)
				for _, l := range c.opt.Require {
					if !slices.ContainsFunc(p.Sessions, func(s Session) bool { return s.Day == l.Day && s.Time == l.Time }) {
						t.Errorf("plan of track %s lacks the locked session %s", p.Track, l.Day)
					}
				}
			}
			if !slices.Equal(got, c.plans) {
				t.Errorf("plans of tracks %v, want %v", got, c.plans)
			}
			for track, want := range c.reasons {
				i := slices.IndexFunc(r.Rejected, func(rj Rejection) bool { return rj.Track == track })
				if i < 0 || len(r.Rejected[i].Reasons) != 1 || r.Rejected[i].Reasons[0] != want {
					t.Errorf("track %s: rejections %+v, want the reason %q", track, r.Rejected, want)
				}
			}
		})
	}
}
