package planner_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"weekfit/planner"
)

func TestWeekChanges(t *testing.T) {
	cases := []struct {
		name  string
		cycle string
		asks  []planner.Ask
		edit  func(sc *planner.Scenario)
		want  []string
	}{
		{name: "the same week", cycle: "1", want: nil},
		{name: "one end time on three days is one line", cycle: "1",
			asks: []planner.Ask{{Kind: planner.AskShift, Job: "Office", Days: days(1, planner.Mon, planner.Wed, planner.Fri), From: nineToFive, To: to1650}},
			want: []string{"Office: Mon, Wed, Fri end 16:50 instead of 17:00"}},
		{name: "a start time", cycle: "1",
			asks: []planner.Ask{{Kind: planner.AskShift, Job: "Office", Days: days(1, planner.Tue), From: nineToFive, To: planner.Clock{Start: 8 * 60, End: 17 * 60}}},
			want: []string{"Office: Tue start 08:00 instead of 09:00"}},
		{name: "a day off", cycle: "1",
			asks: []planner.Ask{{Kind: planner.AskShift, Job: "Office", Days: days(1, planner.Wed), From: nineToFive, Off: true}},
			want: []string{"Office: Wed off (was 09:00-17:00)"}},
		{name: "a day of one week of a rotation", cycle: "2",
			asks: []planner.Ask{{Kind: planner.AskShift, Job: "Office", Days: days(2, planner.Wed), From: nineToFive, To: to1650}},
			want: []string{"Office: Wed of week 2 end 16:50 instead of 17:00"}},
		{name: "both ends", cycle: "1",
			asks: []planner.Ask{{Kind: planner.AskShift, Job: "Office", Days: days(1, planner.Mon), From: nineToFive, To: planner.Clock{Start: 10 * 60, End: 16 * 60}}},
			want: []string{"Office: Mon 10:00-16:00 instead of 09:00-17:00"}},
		{name: "unpaid time", cycle: "1",
			asks: []planner.Ask{{Kind: planner.AskUnpaid, Job: "Office", Minutes: 30}},
			want: []string{"Office: unpaid time up to 30 min a week instead of 0 min"}},
		{name: "a cover", cycle: "1",
			asks: []planner.Ask{{Kind: planner.AskCover, Party: planner.Someone, Commitment: "School pickup", Days: days(1, planner.Fri)}},
			want: []string{"Someone covers School pickup on Fri 19:00-19:30"}},
		{name: "edits: a helper gone, travel, a duty moved", cycle: "1",
			edit: func(sc *planner.Scenario) {
				sc.Support = nil
				sc.Travel[0].Minutes = 40
				sc.Commitments[0].Span.Time = planner.Clock{Start: 18 * 60, End: 18*60 + 30}
			},
			want: []string{
				"School pickup: Mon-Fri 18:00-18:30 instead of Mon-Fri 19:00-19:30",
				"Sister no longer covers School pickup on Tue 18:00-20:00",
				"Travel Home and Office: 40 min instead of 30 min",
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := askScenario(t, c.cycle)
			b, err := planner.ApplyAsks(a, c.asks)
			if err != nil {
				t.Fatal(err)
			}
			if c.edit != nil {
				c.edit(b)
			}
			if got := planner.WeekChanges(a, b); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("changes\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

func diffSide(t *testing.T, label string, sc *planner.Scenario) planner.DiffSide {
	t.Helper()
	res, err := planner.Solve(sc, planner.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := planner.DiffSide{Label: label, Scenario: sc, Result: res}
	if len(res.Plans) > 0 {
		s.Plan = &res.Plans[0]
	}
	return s
}

func TestCompare(t *testing.T) {
	week := askScenario(t, "1")
	asks := []planner.Ask{
		{Kind: planner.AskShift, Job: "Office", Days: days(1, planner.Mon, planner.Wed, planner.Thu), From: nineToFive, To: to1650},
		{Kind: planner.AskCover, Party: planner.Someone, Commitment: "School pickup", Days: days(1, planner.Mon, planner.Wed, planner.Thu)},
	}
	whatIf, err := planner.ApplyAsks(week, asks)
	if err != nil {
		t.Fatal(err)
	}
	d := planner.Compare(diffSide(t, "week", week), diffSide(t, "Early Mondays", whatIf))
	if d.PlanA != nil || d.PlanB == nil || d.PlanB.Track != "Evening" {
		t.Fatalf("plans %+v -> %+v", d.PlanA, d.PlanB)
	}
	if len(d.Gained) != 3 || len(d.Lost) != 0 {
		t.Fatalf("gained %+v lost %+v", d.Gained, d.Lost)
	}
	if len(d.NowFit) != 1 || d.NowFit[0].Track != "Evening" || len(d.NoLongerFit) != 0 {
		t.Fatalf("now fit %+v, no longer %+v", d.NowFit, d.NoLongerFit)
	}
	var text bytes.Buffer
	if err := planner.WriteDiffText(&text, &d); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"From week to Early Mondays:\n  Office: Mon, Wed, Thu end 16:50 instead of 17:00\n",
		"Someone covers School pickup on Mon,Wed,Thu 19:00-19:30",
		"plan: none fits -> P, Evening",
		"sessions gained: Mon 17:30-20:30, Wed 17:30-20:30, Thu 17:30-20:30",
		"Tracks that now fit: P, Evening",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("diff text lacks %q:\n%s", want, text.String())
		}
	}

	back := planner.Compare(diffSide(t, "Early Mondays", whatIf), diffSide(t, "week", week))
	if len(back.NoLongerFit) != 1 || len(back.Lost) != 3 || back.PlanB != nil {
		t.Fatalf("reverse diff %+v", back)
	}
	both := planner.Compare(diffSide(t, "a", whatIf), diffSide(t, "b", whatIf))
	text.Reset()
	if err := planner.WriteDiffText(&text, &both); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "the week is the same") || !strings.Contains(text.String(), "hours at work a week: 39 h 30 min, the same") {
		t.Fatalf("a diff of a week with itself:\n%s", text.String())
	}

	var js bytes.Buffer
	if err := planner.WriteDiffJSON(&js, &d); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Changes []string                          `json:"changes"`
		PlanA   *struct{}                         `json:"plan_a"`
		PlanB   struct{ Track string }            `json:"plan_b"`
		Gained  []struct{ Day, Start string }     `json:"sessions_gained"`
		NowFit  []struct{ Program, Track string } `json:"now_fit"`
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Changes) != 2 || got.PlanA != nil || got.PlanB.Track != "Evening" || len(got.Gained) != 3 || got.Gained[0].Start != "17:30" || len(got.NowFit) != 1 {
		t.Fatalf("json %s", js.String())
	}
}

func TestDaysWords(t *testing.T) {
	wd := func(w int, d planner.Day) planner.WeekDay { return planner.WeekDay{Week: w, Day: d} }
	cases := []struct {
		days  []planner.WeekDay
		cycle int
		want  string
	}{
		{[]planner.WeekDay{wd(1, planner.Mon), wd(1, planner.Wed), wd(1, planner.Fri)}, 1, "Mon, Wed, Fri"},
		{[]planner.WeekDay{wd(2, planner.Wed)}, 2, "Wed of week 2"},
		{[]planner.WeekDay{wd(2, planner.Mon), wd(2, planner.Wed)}, 2, "Mon, Wed of week 2"},
		{[]planner.WeekDay{wd(1, planner.Mon), wd(2, planner.Mon), wd(1, planner.Fri)}, 2, "Mon; Fri of week 1"},
		{[]planner.WeekDay{wd(1, planner.Tue), wd(3, planner.Tue)}, 3, "Tue of weeks 1, 3"},
		{nil, 1, ""},
	}
	for _, c := range cases {
		if got := planner.DaysWords(c.days, c.cycle); got != c.want {
			t.Errorf("DaysWords(%v, %d) = %q, want %q", c.days, c.cycle, got, c.want)
		}
	}
}

func TestCompareSaysWhenASolveStoppedEarly(t *testing.T) {
	week := askScenario(t, "1")
	a := diffSide(t, "week", week)
	b := diffSide(t, "again", week)
	b.Result.Incomplete = planner.IncompleteSentence
	d := planner.Compare(a, b)
	var text, js bytes.Buffer
	if err := planner.WriteDiffText(&text, &d); err != nil {
		t.Fatal(err)
	}
	if err := planner.WriteDiffJSON(&js, &d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "Note: "+planner.IncompleteSentence) || !strings.Contains(js.String(), `"incomplete": "the search stopped`) {
		t.Fatalf("a diff of a stopped solve does not say so:\n%s\n%s", text.String(), js.String())
	}
	if d := planner.Compare(a, a); d.Incomplete != "" {
		t.Fatalf("a diff of finished solves says %q", d.Incomplete)
	}
}
