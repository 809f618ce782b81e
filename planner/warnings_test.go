package planner_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"weekfit/planner"
)

// warnWeek: an office 09:00-17:00 Mon-Sat with no flex, 20 min from work to
// the clinic and 25 from home, 30 from home to work; one session a week.
const warnWeek = `{
  "version": 1, "name": "Warn", "arrive_early_minutes": 10,
  "places": {"home": "Home", "work": "Office", "clinic": "Clinic"},
  "travel": [
    {"from": "home", "to": "work", "minutes": 30},
    {"from": "work", "to": "clinic", "minutes": 20},
    {"from": "home", "to": "clinic", "minutes": 25}
  ],
  "rush_hours": [],
  "jobs": [{"name": "Office", "place": "work",
    "shifts": [{"days": "Mon-Sat", "time": "09:00-17:00"}]}],
  "sleep": [{"days": "daily", "time": "23:00-06:30"}],
  "programs": [{"id": "clinic", "name": "Clinic", "place": "clinic",
    "min_days": 1, "min_hours": 3,
    "tracks": [{"name": "Evening", "sessions": [{"days": "Mon", "time": "17:45-20:45"}]}]}]
}`

type wantWarn struct {
	kind    string
	day     string
	minutes int
	text    string
}

func TestPlanWarnings(t *testing.T) {
	cases := []struct {
		name      string
		edits     []string
		tightest  int
		fitsBad   bool
		want      []wantWarn
		wantNoneK string // a kind that must not be warned about
	}{
		{name: "15 min to spare is enough for the default 10; a bad day x1.5 is on time (30 min, 17:30 for 17:35)",
			tightest: 15, fitsBad: true},
		{name: "15 min to spare is less than 20 asked for",
			edits: []string{`"version": 1,`, `"version": 1, "min_slack_minutes": 20,`}, tightest: 15, fitsBad: true,
			want: []wantWarn{{"slack", "Mon", 15, "Mon Office to Clinic: 15 min to spare before the session (be there 17:35); at least 20 min is asked for."}}},
		{name: "a bad day x2 makes the 20 min trip 40, arriving 17:40 for 17:35",
			edits: []string{`"version": 1,`, `"version": 1, "bad_day_factor": 2,`}, tightest: 15, fitsBad: false,
			want: []wantWarn{{"bad_day", "Mon", 5, "On a bad-traffic day (every trip x2), Mon Office to Clinic arrives 5 min late for the session (be there 17:35)."}}},
		{name: "rush x1.5 from 16:00 makes the trip 30 min (5 to spare); a bad day on top, 45 min: 10 late",
			edits: []string{`"rush_hours": []`, `"rush_hours": [{"days": "Mon-Fri", "time": "16:00-18:00", "factor": 1.5}]`}, tightest: 5, fitsBad: false,
			want: []wantWarn{{"slack", "Mon", 5, ""}, {"bad_day", "Mon", 10, ""}}},
		{name: "the trip home keeps to sleep: a session to 22:30 is home 22:55, 5 min before sleep",
			edits: []string{`"17:45-20:45"`, `"19:30-22:30"`}, tightest: 5, fitsBad: false,
			want: []wantWarn{{"slack", "Mon", 5, "Mon Clinic to Home: 5 min to spare before sleep at 23:00; at least 10 min is asked for."},
				{"bad_day", "Mon", 8, "On a bad-traffic day (every trip x1.5), Mon Clinic to Home arrives 8 min late for sleep at 23:00."},
				{"long_day", "Mon", 865, "Mon: 14 h 25 min from leaving home (08:30) to coming back (22:55); more than 14 h."}}},
		{name: "rest: home 22:55 Mon, off to work 08:30 Tue is 9 h 35 min; with 10 h asked for it warns",
			edits:    []string{`"17:45-20:45"`, `"19:30-22:30"`, `"version": 1,`, `"version": 1, "min_rest_hours": 10, "min_slack_minutes": 0, "bad_day_factor": 1,`},
			tightest: 5, fitsBad: true,
			want: []wantWarn{{"rest", "Mon", 575, "Mon night: only 9 h 35 min of rest, from 22:55 to 08:30 (10 h asked for)."}, {"long_day", "Mon", 865, ""}}},
		{name: "without sleep, a night is around midnight: 21:10 to 08:30 is 11 h 20 min, under 12 h",
			edits:    []string{`"sleep": [{"days": "daily", "time": "23:00-06:30"}],`, ``, `"version": 1,`, `"version": 1, "min_rest_hours": 12,`},
			tightest: 15, fitsBad: true,
			want: []wantWarn{{"rest", "Mon", 680, "Mon night: only 11 h 20 min of rest, from 21:10 to 08:30 (12 h asked for)."}}},
		{name: "in a rotation the sentence names the week",
			edits:    []string{`"version": 1,`, `"version": 1, "cycle_weeks": 2, "min_slack_minutes": 20,`, `"days": "Mon", "time": "17:45-20:45"`, `"days": "Mon", "time": "17:45-20:45", "weeks": [2]}, {"days": "Tue", "time": "19:00-22:00", "weeks": [1]`},
			tightest: 15, fitsBad: true,
			want: []wantWarn{{"slack", "Mon", 15, "Week 2 Mon Office to Clinic: 15 min to spare before the session (be there 17:35); at least 20 min is asked for."}}},
		{name: "long day: 08:30 to 21:10 is 12 h 40 min, over 12 h",
			edits: []string{`"version": 1,`, `"version": 1, "max_day_hours": 12,`}, tightest: 15, fitsBad: true,
			want: []wantWarn{{"long_day", "Mon", 760, "Mon: 12 h 40 min from leaving home (08:30) to coming back (21:10); more than 12 h."}}},
		{name: "a day that starts as the week does: leaving home Mon 00:00 for a shift at 00:30",
			edits:    []string{`"sleep": [{"days": "daily", "time": "23:00-06:30"}],`, ``, `"version": 1,`, `"version": 1, "max_day_hours": 12,`, `"Mon-Sat", "time": "09:00-17:00"`, `"Mon", "time": "00:30-08:30"`},
			tightest: 490, fitsBad: true, // home at 09:00, off to the session at 17:10
			want: []wantWarn{{"long_day", "Mon", 1270, "Mon: 21 h 10 min from leaving home (00:00) to coming back (21:10); more than 12 h."}}},
		{name: "a day of 12 h 40 min is within the default 14 h", tightest: 15, fitsBad: true, wantNoneK: "long_day"},
		{name: "a Sunday session takes the only day off",
			edits:    []string{`"days": "Mon", "time": "17:45-20:45"`, `"days": "Sun", "time": "10:00-13:00"`},
			tightest: 175, fitsBad: true, // home from 06:30 (sleep ends), 25 min, be there 09:50
			want: []wantWarn{{"no_day_off", "", 0, "No day of the week is free of both work and sessions."}}},
		{name: "a Sunday session with work Mon-Fri leaves Saturday free",
			edits:    []string{`"days": "Mon", "time": "17:45-20:45"`, `"days": "Sun", "time": "10:00-13:00"`, `"Mon-Sat"`, `"Mon-Fri"`},
			tightest: 175, fitsBad: true, wantNoneK: "no_day_off"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := warnWeek
			for i := 0; i+1 < len(c.edits); i += 2 {
				if !strings.Contains(src, c.edits[i]) {
					t.Fatalf("edit %q not in the week", c.edits[i])
				}
				src = strings.Replace(src, c.edits[i], c.edits[i+1], 1)
			}
			p := bestPlan(t, src)
			if p.TightestSlack != c.tightest || p.FitsBadDay != c.fitsBad {
				t.Errorf("tightest slack %d, fits a bad day %v; want %d, %v", p.TightestSlack, p.FitsBadDay, c.tightest, c.fitsBad)
			}
			var got []wantWarn
			for _, w := range p.Warnings {
				got = append(got, wantWarn{w.Kind, dayName(w), w.Minutes, w.Text})
				if w.Kind == c.wantNoneK {
					t.Errorf("unwanted warning %+v", w)
				}
			}
			if c.wantNoneK != "" {
				return
			}
			if len(got) != len(c.want) {
				t.Fatalf("warnings %+v, want %+v", got, c.want)
			}
			for i, w := range c.want {
				g := got[i]
				if g.kind != w.kind || g.day != w.day || g.minutes != w.minutes || (w.text != "" && g.text != w.text) {
					t.Errorf("warning %d: %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func dayName(w planner.Warning) string {
	if w.Kind == planner.WarnNoDayOff {
		return ""
	}
	return w.Day.String()
}

func bestPlan(t *testing.T, src string) planner.Plan {
	t.Helper()
	sc, err := planner.ParseScenario([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := planner.Solve(sc, planner.Options{})
	if err != nil || len(res.Plans) == 0 {
		t.Fatalf("solve: %v, %+v", err, res)
	}
	if ck := planner.PlanChecks(sc, &res.Plans[0]); ck.TightestSlack != res.Plans[0].TightestSlack || len(ck.Warnings) != len(res.Plans[0].Warnings) {
		t.Errorf("PlanChecks %+v differs from the solve's %+v", ck, res.Plans[0].Warnings)
	}
	return res.Plans[0]
}

func TestWarningsInJSON(t *testing.T) {
	src := strings.Replace(warnWeek, `"version": 1,`, `"version": 1, "bad_day_factor": 2,`, 1)
	sc, _ := planner.ParseScenario([]byte(src))
	res, _ := planner.Solve(sc, planner.Options{})
	var buf bytes.Buffer
	if err := planner.WriteJSON(&buf, res); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Plans []struct {
			Tightest *int  `json:"tightest_slack_minutes"`
			FitsBad  *bool `json:"fits_bad_day"`
			Warnings []struct {
				Kind, Day, Text string
				Week, Minutes   int
			} `json:"warnings"`
		} `json:"plans"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	p := out.Plans[0]
	if p.Tightest == nil || *p.Tightest != 15 || p.FitsBad == nil || *p.FitsBad || len(p.Warnings) != 1 {
		t.Fatalf("plan %+v", p)
	}
	w := p.Warnings[0]
	if w.Kind != "bad_day" || w.Day != "Mon" || w.Week != 1 || w.Minutes != 5 || !strings.Contains(w.Text, "5 min late") {
		t.Fatalf("warning %+v", w)
	}
	buf.Reset()
	if err := planner.WriteText(&buf, sc, res); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"   Tightest trip 15 min to spare\n", "   ! On a bad-traffic day (every trip x2), Mon Office to Clinic arrives 5 min late"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, buf.String())
		}
	}
}
