package planner

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// reportWeek is a 2-week rotation with a job, a covered duty and a program
// that mixes tracks, for the text and JSON reports.
const reportWeek = `{"version": 1, "name": "%s", "cycle_weeks": 2, "places": {"work": "W", "c": "C"},
  "travel": [{"from": "home", "to": "work", "minutes": 10}, {"from": "home", "to": "c", "minutes": 10}],
  "jobs": [{"name": "Job", "place": "work", "shifts": [{"days": "Mon-Fri", "time": "08:00-16:00"}], "flex": {"end_earlier": 30}, "max_unpaid_minutes_per_week": 60}],
  "commitments": [{"name": "Pickup", "days": "Mon", "time": "16:00-16:30"}],
  "support": [{"name": "Gran", "days": "Mon", "time": "15:00-17:00", "covers": ["Pickup"]}],
  "programs": [{"id": "p", "name": "Hope IOP", "place": "c", "min_days": 1, "mix_tracks": true, "tracks": [
    {"name": "Morning", "sessions": [{"days": "Sat", "time": "08:30-11:30"}]},
    {"name": "Evening", "sessions": [{"days": "Mon,Wed", "time": "17:00-19:00"}]}]}]}`

// reportResult is a result written by hand so that every branch of the
// reports shows: a mixed plan over two weeks with changes and covers, a
// one-track plan without changes, more plans than shown, a rejection of a
// mixing program and of a program the week does not list, and a warning.
func reportResult() *Result {
	clk := func(s, e int) Clock { return Clock{Start: s, End: e} }
	return &Result{
		Plans: []Plan{{
			Program: "p", ProgramName: "Hope IOP", Track: MixedTrack,
			Sessions: []Session{{Week: 1, Day: Mon, Time: clk(17*60, 19*60), Track: "Evening"}, {Week: 2, Day: Sat, Time: clk(8*60+30, 11*60+30), Track: "Morning"}},
			ShiftChanges: []ShiftChange{
				{Job: "Job", Week: 1, Day: Mon, From: clk(8*60, 16*60), To: clk(8*60, 15*60+40)},
				{Job: "Job", Week: 2, Day: Tue, From: clk(8*60, 16*60), To: clk(8*60, 15*60+50)},
			},
			Covered:       []Cover{{Commitment: "Pickup", Week: 1, Day: Mon, By: "Gran"}, {Commitment: "Pickup", Week: 2, Day: Mon, By: "Gran"}},
			UnpaidMinutes: 30, MovedMinutes: 30, TravelMinutes: 240, AddedTravel: 40, SessionMinutes: 300, ExtraMinutes: 300,
			LatestHome: MinutesPerDay + 30,
		}, {
			Program: "p", ProgramName: "Hope IOP", Track: "Evening",
			Sessions:      []Session{{Week: 1, Day: Wed, Time: clk(17*60, 19*60), Track: "Evening"}, {Week: 2, Day: Wed, Time: clk(17*60, 19*60), Track: "Evening"}},
			TravelMinutes: 220, AddedTravel: 20, SessionMinutes: 240, ExtraMinutes: 240, LatestHome: MinutesPerDay - 1,
		}},
		More:     true,
		Rejected: []Rejection{{Program: "p", Track: MixedTrack, Reasons: []string{"first reason", "second reason"}}, {Program: "gone", Track: "Late", Reasons: []string{"third"}}},
		Warnings: []string{"a warning"},
	}
}

func TestWriteText(t *testing.T) {
	sc := mustParse(t, strings.Replace(reportWeek, "%s", "Rota", 1))
	var b bytes.Buffer
	if err := WriteText(&b, sc, reportResult()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	head, rest, ok := strings.Cut(out, "\nWeek of plan 1:\n")
	if !ok {
		t.Fatalf("no grid of plan 1:\n%s", out)
	}
	wantHead := `Rota: more than 2 plans fit; the best 2:

1. Hope IOP, mixed tracks
   Week 1: Mon 17:00-19:00 (Evening)  (2 h)
   Week 2: Sat 08:30-11:30 (Morning)  (3 h)
   Work: Job week 1 Mon 08:00-16:00 -> 08:00-15:40
         Job week 2 Tue 08:00-16:00 -> 08:00-15:50
   Covered: Pickup w1 Mon,w2 Mon by Gran
   Unpaid 30 min, shifts moved 30 min, travel 240 min (+40), home by 00:30+1

2. Hope IOP, Evening track
   Week 1: Wed 17:00-19:00  (2 h)
   Week 2: Wed 17:00-19:00  (2 h)
   Work: no changes
   Unpaid 0 min, shifts moved 0 min, travel 220 min (+20), home by 23:59
`
	if head != wantHead {
		t.Errorf("plans:\n%s\nwant\n%s", head, wantHead)
	}
	if want := TextGrid(sc, Timeline(sc, &reportResult().Plans[0])); !strings.HasPrefix(rest, want) {
		t.Errorf("the grid is not plan 1's:\n%s", rest)
	}
	wantTail := `
Does not fit:
  Hope IOP, any mix of tracks:
    - first reason
    - second reason
  gone, Late track:
    - third

Warnings about the week itself:
  ! a warning
`
	if !strings.HasSuffix(out, wantTail) {
		t.Errorf("rejections and warnings:\n%s\nwant the end\n%s", out, wantTail)
	}
}

func TestWriteTextHeadings(t *testing.T) {
	sc := mustParse(t, strings.Replace(reportWeek, "%s", "", 1))
	one := reportResult()
	one.Plans, one.More, one.Rejected, one.Warnings = one.Plans[1:], false, nil, nil
	two := reportResult()
	two.More = false
	for _, c := range []struct {
		r     *Result
		first string
		not   []string
	}{
		{&Result{}, "Scenario: no plan fits this week.\n", []string{"Week of plan", "Does not fit", "Warnings"}},
		{one, "Scenario: 1 plan fits.\n", []string{"Does not fit", "Warnings", "Covered"}},
		{two, "Scenario: 2 plans fit, best first:\n", nil},
	} {
		var b bytes.Buffer
		if err := WriteText(&b, sc, c.r); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(b.String(), c.first) {
			t.Errorf("starts %q, want %q", strings.SplitN(b.String(), "\n", 2)[0], c.first)
		}
		for _, n := range c.not {
			if strings.Contains(b.String(), n) {
				t.Errorf("%q has %q:\n%s", c.first, n, b.String())
			}
		}
	}
	// one week: no week labels
	sc1 := mustParse(t, strings.Replace(strings.Replace(reportWeek, "%s", "One", 1), `"cycle_weeks": 2`, `"cycle_weeks": 1`, 1))
	r := reportResult()
	r.Plans = r.Plans[:1]
	r.Plans[0].Sessions = r.Plans[0].Sessions[:1]
	r.Plans[0].ShiftChanges = r.Plans[0].ShiftChanges[:1]
	r.Plans[0].Covered = r.Plans[0].Covered[:1]
	var b bytes.Buffer
	if err := WriteText(&b, sc1, r); err != nil {
		t.Fatal(err)
	}
	want := "   Sessions: Mon 17:00-19:00 (Evening)  (2 h)\n   Work: Job Mon 08:00-16:00 -> 08:00-15:40\n   Covered: Pickup Mon by Gran\n"
	if !strings.Contains(b.String(), want) {
		t.Errorf("one week:\n%s\nwant\n%s", b.String(), want)
	}
}

func TestFormatLatestHome(t *testing.T) {
	for m, want := range map[int]string{0: "00:00", 23*60 + 59: "23:59", MinutesPerDay: "00:00+1", MinutesPerDay + 90: "01:30+1", 2*MinutesPerDay + 5: "00:05+2"} {
		if got := FormatLatestHome(m); got != want {
			t.Errorf("FormatLatestHome(%d) = %q, want %q", m, got, want)
		}
	}
}

func TestWriteJSONFields(t *testing.T) {
	var b bytes.Buffer
	res := reportResult()
	res.FixesSought = true
	if err := WriteJSON(&b, res); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal([]byte(`{
  "plans": [
    {"rank": 1, "program": "p", "program_name": "Hope IOP", "track": "mixed",
     "sessions": [{"week": 1, "day": "Mon", "start": "17:00", "end": "19:00", "track": "Evening"}, {"week": 2, "day": "Sat", "start": "08:30", "end": "11:30", "track": "Morning"}],
     "unpaid_minutes": 30, "moved_minutes": 30, "travel_minutes": 240, "added_travel_minutes": 40, "session_minutes": 300, "extra_minutes": 300,
     "latest_home": "00:30+1",
     "shift_changes": [{"job": "Job", "week": 1, "day": "Mon", "from": "08:00-16:00", "to": "08:00-15:40"}, {"job": "Job", "week": 2, "day": "Tue", "from": "08:00-16:00", "to": "08:00-15:50"}],
     "covered": [{"commitment": "Pickup", "week": 1, "day": "Mon", "by": "Gran"}, {"commitment": "Pickup", "week": 2, "day": "Mon", "by": "Gran"}],
     "tightest_slack_minutes": null, "fits_bad_day": null, "warnings": []},
    {"rank": 2, "program": "p", "program_name": "Hope IOP", "track": "Evening",
     "sessions": [{"week": 1, "day": "Wed", "start": "17:00", "end": "19:00", "track": "Evening"}, {"week": 2, "day": "Wed", "start": "17:00", "end": "19:00", "track": "Evening"}],
     "unpaid_minutes": 0, "moved_minutes": 0, "travel_minutes": 220, "added_travel_minutes": 20, "session_minutes": 240, "extra_minutes": 240,
     "latest_home": "23:59", "shift_changes": [], "covered": [],
     "tightest_slack_minutes": null, "fits_bad_day": null, "warnings": []}],
  "rejected": [{"program": "p", "track": "mixed", "reasons": ["first reason", "second reason"], "fixes": []}, {"program": "gone", "track": "Late", "reasons": ["third"], "fixes": []}],
  "warnings": ["a warning"]}`), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("JSON:\n%s", b.String())
	}
}

// TestTimelineFromStoredPlan lays out a plan read back from storage (its
// exported fields only, so the bends come from its shift changes) and
// expects the same blocks as the plan the solver returned.
func TestTimelineFromStoredPlan(t *testing.T) {
	for _, edits := range [][]string{
		{`"18:00-21:00"`, `"17:30-20:30"`, `"max_unpaid_minutes_per_week": 0`, `"max_unpaid_minutes_per_week": 30`},
		{`"18:00-21:00"`, `"17:30-20:30"`, `"start_earlier": 0`, `"start_earlier": 10`},
	} {
		sc := mustParse(t, edit(t, baseScenario, edits...))
		res := solveJSON(t, sc2json(t, sc), Options{})
		p := firstPlan(t, res)
		if len(p.ShiftChanges) == 0 {
			t.Fatalf("%v: want a plan that bends shifts", edits)
		}
		stored := Plan{Program: p.Program, ProgramName: p.ProgramName, Track: p.Track, Sessions: p.Sessions, ShiftChanges: p.ShiftChanges}
		got, want := Timeline(sc, &stored), Timeline(sc, &p)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%v: a stored plan lays out differently:\n%+v\nwant\n%+v", edits, got, want)
		}
		bent := 0
		for _, b := range got {
			if b.Kind == KindJob && b.End%MinutesPerDay == 16*60+50 {
				bent++
			}
		}
		if bent != 3 {
			t.Errorf("%v: %d shifts end 16:50, want 3", edits, bent)
		}
	}
}

func sc2json(t *testing.T, sc *Scenario) string {
	t.Helper()
	data, err := MarshalScenario(sc)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestTimelineOrdersKindsAtOneStart: blocks that start together come in
// the order of their kinds (a job before a commitment), as the grid's legend.
func TestTimelineOrdersKindsAtOneStart(t *testing.T) {
	sc := mustParse(t, edit(t, baseScenario, `"sleep"`, `"commitments": [{"name": "Calls", "days": "Mon", "time": "09:00-09:30"}], "sleep"`))
	blocks := Timeline(sc, nil)
	pairs := 0
	for i := 1; i < len(blocks); i++ {
		a, b := blocks[i-1], blocks[i]
		if a.Start == b.Start {
			if a.Kind > b.Kind {
				t.Errorf("at %d %s comes before %s", a.Start, a.Kind, b.Kind)
			}
			if a.Kind == KindJob && b.Kind == KindCommitment {
				pairs++
			}
		}
	}
	if pairs != 1 {
		t.Errorf("want the Monday job and the calls at 09:00 side by side, found %d such pairs: %+v", pairs, blocks)
	}
}

// TestWriteJSONLeavesOutFixesNotSought: a result whose solve did not look for
// fixes has no fixes field on its rejections.
func TestWriteJSONLeavesOutFixesNotSought(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, reportResult()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `"fixes"`) {
		t.Errorf("fixes were not sought, yet the JSON has them:\n%s", b.String())
	}
}
