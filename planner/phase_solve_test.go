package planner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// phaseSummary is what a test compares of a dated plan's phase.
func phaseSummary(pl *Plan) []string {
	var out []string
	for _, ph := range pl.Phases {
		var s []string
		for _, se := range ph.Plan.Sessions {
			s = append(s, fmt.Sprintf("%s %s", se.Day, se.Time))
		}
		out = append(out, fmt.Sprintf("%s %s..%s %s [%s] unpaid %d", ph.Name, ph.From.Format(time.DateOnly),
			ph.Until.Format(time.DateOnly), ph.Plan.Track, strings.Join(s, ", "), ph.Plan.UnpaidMinutes))
	}
	return out
}

// TestPhasedEveningsThenAftercare is a program built like published ones:
// three evenings a week for six weeks, then one hour a week of aftercare on a
// Wednesday morning or a Thursday evening, closed on Thanksgiving (a session
// day), the day after, Christmas Eve, New Year's Eve and Martin Luther King
// Day.
func TestPhasedEveningsThenAftercare(t *testing.T) {
	sc, err := parseMap(t, phasedFile(t))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Solve(sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Plans) != 1 {
		t.Fatalf("%d plans, want 1", len(res.Plans))
	}
	pl := &res.Plans[0]
	want := []string{
		"Intensive 2027-10-25..2027-12-05 Evening [Mon 17:30-21:00, Tue 17:30-21:00, Thu 17:30-21:00] unpaid 90",
		"Aftercare 2027-12-06..2028-02-27 Thursday [Thu 18:00-19:00] unpaid 0",
	}
	if got := phaseSummary(pl); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("phases\n%q\nwant\n%q", got, want)
	}
	l := pl.Leave
	// 30 unpaid minutes on each of three days, each an hour in whole hours:
	// 3 h a week for 6 weeks, less Thanksgiving, a session day
	if fmt.Sprint(l.MinutesPerWeek) != "[180 0]" || l.TotalMinutes != 17*60 || l.EntitlementLeft != (510-17)*60 || !l.RunsOut.IsZero() {
		t.Fatalf("leave %+v", l)
	}
	var rej []string
	for _, r := range res.Rejected {
		rej = append(rej, r.Phase+"/"+r.Track)
	}
	if fmt.Sprint(rej) != "[Intensive/Morning Aftercare/Wednesday]" {
		t.Fatalf("rejected %v, want the Morning track in Intensive and the Wednesday track in Aftercare", rej)
	}
	dated := PhaseSchedule(sc, pl)
	if len(dated[0]) != 17 || len(dated[1]) != 12 {
		t.Fatalf("%d and %d dated sessions, want 17 (18 less Thanksgiving) and 12", len(dated[0]), len(dated[1]))
	}
	for _, ph := range dated {
		for _, d := range ph {
			if isClosed(&sc.Programs[0], d.Date) {
				t.Fatalf("a session on closed %s", d.Date)
			}
		}
	}
	if last := dated[1][len(dated[1])-1]; !last.Date.Equal(day("2028-02-24")) || last.Week != 18 {
		t.Fatalf("last session %v in week %d, want Thu 2028-02-24 in week 18", last.Date, last.Week)
	}
}

func TestLeaveLedger(t *testing.T) {
	cases := []struct {
		name    string
		leave   map[string]any
		start   string
		perWeek string
		total   int // minutes
		left    int // minutes
		runsOut string
	}{
		{"whole hours by default", nil, "", "[180 0]", 17 * 60, (510 - 17) * 60, ""},
		{"quarter hours: each 30 minutes stays 30", map[string]any{"increment_minutes": 15}, "", "[90 0]", 17 * 30, 510*60 - 17*30, ""},
		{"the increment rounds each absence up, not the week", map[string]any{"increment_minutes": 45}, "", "[135 0]", 17 * 45, 510*60 - 17*45, ""},
		{"usual hours give the entitlement", map[string]any{"usual_weekly_hours": 40}, "", "[180 0]", 17 * 60, (480 - 17) * 60, ""},
		{"an entitlement given", map[string]any{"entitlement_hours": 100, "used_hours": 20.5}, "", "[180 0]", 17 * 60, (100-20.5-17)*60 + 0, ""},
		// 10 h left: 3 h a week, the 11th hour is the Tuesday of week 4
		{"runs out", map[string]any{"entitlement_hours": 20, "used_hours": 10}, "", "[180 0]", 17 * 60, (10 - 17) * 60, "2027-11-15"},
		{"runs out at once", map[string]any{"entitlement_hours": 20, "used_hours": 20}, "", "[180 0]", 17 * 60, -17 * 60, "2027-10-25"},
		// from a Wednesday to a Tuesday: still 18 session days, Thanksgiving
		// among them; the aftercare's Thursdays cost nothing
		{"a start on a Wednesday", nil, "2027-10-27", "[180 0]", 17 * 60, (510 - 17) * 60, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := phasedFile(t)
			if c.leave != nil {
				m["leave"] = c.leave
			}
			if c.start != "" {
				m["start"] = c.start
			}
			sc, err := parseMap(t, m)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Solve(sc, Options{})
			if err != nil || len(res.Plans) != 1 {
				t.Fatalf("%v, %d plans", err, len(res.Plans))
			}
			l := res.Plans[0].Leave
			runs := ""
			if !l.RunsOut.IsZero() {
				runs = l.RunsOut.Format(time.DateOnly)
			}
			if fmt.Sprint(l.MinutesPerWeek) != c.perWeek || l.TotalMinutes != c.total || l.EntitlementLeft != c.left || runs != c.runsOut {
				t.Fatalf("leave %v a week, %d in all, %d left, runs out %q; want %s, %d, %d, %q", l.MinutesPerWeek, l.TotalMinutes, l.EntitlementLeft, runs, c.perWeek, c.total, c.left, c.runsOut)
			}
			if (runs != "") != (l.Warning() != "") {
				t.Fatalf("warning %q with runs out %q", l.Warning(), runs)
			}
		})
	}
}

func TestPhaseDatesFollowStart(t *testing.T) {
	cases := []struct {
		start         string
		weeks         []any
		froms, untils string
	}{
		{"2027-03-01", []any{6.0, 12.0}, "[2027-03-01 2027-04-12]", "[2027-04-11 2027-07-04]"},
		{"2027-03-03", []any{1.0, 1.0, 2.0}, "[2027-03-03 2027-03-10 2027-03-17]", "[2027-03-09 2027-03-16 2027-03-30]"},
	}
	for _, c := range cases {
		m := phasedFile(t)
		m["start"] = c.start
		var phases []any
		for i, w := range c.weeks {
			phases = append(phases, map[string]any{"name": fmt.Sprintf("P%d", i+1), "weeks": w, "min_days": 1, "min_hours": 1,
				"tracks": []any{map[string]any{"name": "Thursday", "sessions": []any{map[string]any{"days": "Thu", "time": "18:00-19:00"}}}}})
		}
		program0(m)["phases"] = phases
		sc, err := parseMap(t, m)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Solve(sc, Options{})
		if err != nil || len(res.Plans) == 0 {
			t.Fatalf("%v, %d plans", err, len(res.Plans))
		}
		var froms, untils []string
		for _, ph := range res.Plans[0].Phases {
			froms, untils = append(froms, ph.From.Format(time.DateOnly)), append(untils, ph.Until.Format(time.DateOnly))
		}
		if fmt.Sprint(froms) != c.froms || fmt.Sprint(untils) != c.untils {
			t.Fatalf("start %s: from %v until %v; want %s and %s", c.start, froms, untils, c.froms, c.untils)
		}
	}
}

// twoPhases is a week in which the first phase fits only the Evening track
// and the second offers Evening and Late, given as a JSON text to change.
const twoPhases = `{
  "version": 1, "start": "2027-03-01",
  "places": {"home": "Home", "work": "Work", "clinic": "Clinic"},
  "travel": [{"from": "home", "to": "work", "minutes": 20}, {"from": "work", "to": "clinic", "minutes": 20}, {"from": "home", "to": "clinic", "minutes": 20}],
  "jobs": [{"name": "Work", "place": "work", "shifts": [{"days": "Mon-Fri", "time": "09:00-17:00"}],
    "flex": {"start_earlier": 0, "start_later": 0, "end_earlier": 60, "end_later": 0}, "max_unpaid_minutes_per_week": 300}],
  "programs": [{"id": "p", "name": "P", "place": "clinic", "min_days": 2, "min_hours": 2,
    "tracks": [{"name": "Morning", "sessions": [{"days": "Mon,Wed", "time": "09:00-12:00"}]},
               {"name": "Evening", "sessions": [{"days": "Mon,Wed", "time": "17:00-20:00"}]}],
    "phases": [{"name": "One", "weeks": 2},
               {"name": "Two", "weeks": 4, "min_days": 1, "min_hours": 1, "tracks": [
                 {"name": "Late", "sessions": [{"days": "Tue", "time": "19:00-20:00"}]},
                 {"name": "Evening", "sessions": [{"days": "Thu", "time": "17:00-18:00"}]}]}]}]
}`

func TestPhasesKeepTheTrack(t *testing.T) {
	cases := []struct {
		name    string
		replace [2]string
		plans   string
		rej     string
	}{
		// Late costs nothing and Evening 20 unpaid minutes, but a person
		// stays in their group: the Evening track goes on as Evening
		{"the same track where the next phase offers it", [2]string{}, "[One:Evening+Two:Evening]", "[One/Morning]"},
		{"a phase that mixes tracks may switch", [2]string{`"min_days": 1, "min_hours": 1,`, `"min_days": 1, "min_hours": 1, "mix_tracks": true,`},
			"[One:Evening+Two:Late One:Evening+Two:Evening One:Evening+Two:mixed]", "[One/Morning]"},
		{"no track of that name: any", [2]string{`{"name": "Evening", "sessions": [{"days": "Thu"`, `{"name": "Thu", "sessions": [{"days": "Thu"`},
			"[One:Evening+Two:Late One:Evening+Two:Thu]", "[One/Morning]"},
		{"the track kept does not fit: no plan", [2]string{`"time": "17:00-18:00"`, `"time": "16:00-17:00"`}, "[]", "[One/Morning Two/Evening]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := twoPhases
			if c.replace[0] != "" {
				text = strings.Replace(text, c.replace[0], c.replace[1], 1)
			}
			sc, err := ParseScenario([]byte(text))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Solve(sc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var plans, rej []string
			for _, pl := range res.Plans {
				var s []string
				for _, ph := range pl.Phases {
					s = append(s, ph.Name+":"+ph.Plan.Track)
				}
				plans = append(plans, strings.Join(s, "+"))
			}
			for _, r := range res.Rejected {
				rej = append(rej, r.Phase+"/"+r.Track)
			}
			if fmt.Sprint(plans) != c.plans || fmt.Sprint(rej) != c.rej {
				t.Fatalf("plans %v rejected %v; want %s and %s", plans, rej, c.plans, c.rej)
			}
		})
	}
}

// TestPhasesWeightedByWeeks: a short phase that costs more and a long one
// that costs nothing beat a program without phases that costs a little every
// week.
func TestPhasesWeightedByWeeks(t *testing.T) {
	text := strings.Replace(twoPhases, `"programs": [`, `"programs": [{"id": "q", "name": "Q", "place": "clinic", "min_days": 1, "min_hours": 1, "weeks": 12,
    "tracks": [{"name": "Early", "sessions": [{"days": "Fri", "time": "16:45-17:45"}]}]},`, 1)
	text = strings.Replace(text, `{"name": "Evening", "sessions": [{"days": "Thu"`, `{"name": "Thu", "sessions": [{"days": "Thu"`, 1)
	sc, err := ParseScenario([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Solve(sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, pl := range res.Plans {
		got = append(got, fmt.Sprintf("%s %s %d", pl.Program, pl.Phases[len(pl.Phases)-1].Plan.Track, pl.UnpaidMinutes))
	}
	// P: 2 weeks of 40 unpaid minutes, then 4 of none (Late): 80 in all;
	// Q: 35 unpaid minutes (Fri 16:45, 20 minutes away, leaves at 16:25)
	// each of 12 weeks: 420; P with Thu costs 2x40 + 4x20 = 160
	if fmt.Sprint(got) != "[p Late 40 p Thu 40 q Early 35]" {
		t.Fatalf("plans %v", got)
	}
	if len(res.Plans[2].Phases) != 1 || res.Plans[2].Phases[0].Name != AllWeeksPhase || res.Plans[2].Phases[0].Weeks != 12 {
		t.Fatalf("a program without phases: %+v", res.Plans[2].Phases)
	}
}

func TestUndatedScenarioPrintsAsBefore(t *testing.T) {
	text := strings.Replace(twoPhases, `"start": "2027-03-01",`, "", 1)
	text = text[:strings.Index(text, `,
    "phases"`)] + "}]}"
	sc, err := ParseScenario([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Solve(sc, Options{Today: day("2027-01-01")})
	if err != nil || len(res.Plans) == 0 {
		t.Fatalf("%v, %d plans", err, len(res.Plans))
	}
	if res.Plans[0].Phases != nil || res.Plans[0].Leave != nil {
		t.Fatal("a plan of a week without start, leave, phases or closed dates has phases or leave")
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, res); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `"phases"`) || strings.Contains(b.String(), `"leave"`) {
		t.Fatalf("JSON of an undated week:\n%s", b.String())
	}
	sc.Leave = &LeaveRules{}
	res, _ = Solve(sc, Options{Today: day("2027-01-01")})
	if ph := res.Plans[0].Phases; len(ph) != 1 || !ph[0].From.Equal(day("2027-01-04")) || ph[0].Weeks != 12 {
		t.Fatalf("a week with leave rules and no start: phases %+v, want one from the Monday after today", ph)
	}
}

func TestPhasedJSON(t *testing.T) {
	m := phasedFile(t)
	m["leave"] = map[string]any{"entitlement_hours": 20, "used_hours": 10}
	sc, err := parseMap(t, m)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Solve(sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, res); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Plans []struct {
			Track  string
			Phases []struct {
				Name, From, Until, Track string
				Weeks                    int
				Sessions                 []struct{ Day string }
				UnpaidMinutes            int `json:"unpaid_minutes"`
			}
			Leave struct {
				HoursPerWeek []float64 `json:"hours_per_week"`
				TotalHours   float64   `json:"total_hours"`
				Left         float64   `json:"entitlement_left_hours"`
				RunsOut      *string   `json:"runs_out"`
			}
		}
		Rejected []struct{ Phase, Track string }
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	p := out.Plans[0]
	got := fmt.Sprintf("%s %+v %v %v %v %v %v", p.Track, p.Phases, p.Leave.HoursPerWeek, p.Leave.TotalHours, p.Leave.Left, *p.Leave.RunsOut, out.Rejected)
	want := "Evening [{Name:Intensive From:2027-10-25 Until:2027-12-05 Track:Evening Weeks:6 Sessions:[{Day:Mon} {Day:Tue} {Day:Thu}] UnpaidMinutes:90} " +
		"{Name:Aftercare From:2027-12-06 Until:2028-02-27 Track:Thursday Weeks:12 Sessions:[{Day:Thu}] UnpaidMinutes:0}] [3 0] 17 -7 2027-11-15 " +
		"[{Intensive Morning} {Aftercare Wednesday}]"
	if got != want {
		t.Fatalf("JSON\n%s\nwant\n%s", got, want)
	}
	var text bytes.Buffer
	if err := WriteText(&text, sc, res); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"1. Lakeside IOP, Intensive: Evening track, then Aftercare: Thursday track",
		"     Intensive, Mon 25 Oct 2027 to Sun 5 Dec 2027 (6 weeks): Evening track, Mon 17:30-21:00, Tue 17:30-21:00, Thu 17:30-21:00; unpaid 90 min, moved 90 min",
		"     Aftercare, Mon 6 Dec 2027 to Sun 27 Feb 2028 (12 weeks): Thursday track, Thu 18:00-19:00; no change at work",
		"   Leave: 3 h a week in Intensive, 0 h a week in Aftercare; 17 h in all (in steps of 60 min); -7 h of 20 h left after it",
		"   ! This plan needs 17 h of leave, more than the 10 h left: the leave runs out in the week of Mon 15 Nov 2027.",
		"  Lakeside IOP, Aftercare phase, Wednesday track:",
	} {
		if !strings.Contains(text.String(), line+"\n") {
			t.Errorf("the text lacks %q:\n%s", line, text.String())
		}
	}
}
