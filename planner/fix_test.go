package planner

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
)

func fixWeek(t *testing.T) *Scenario {
	t.Helper()
	return scenarioFile(t, "../testdata/fix_pickup.json")
}

// scenarioFile reads and parses a scenario file of the repository.
func scenarioFile(tb testing.TB, path string) *Scenario {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	sc, err := ParseScenario(data)
	if err != nil {
		tb.Fatal(err)
	}
	return sc
}

// TestFixRules checks the rules of a fix on named weeks: who a cover asks,
// the smallest raise, days off as one ask, the sentence when more asks are
// needed, and a track no ask can help.
func TestFixRules(t *testing.T) {
	cases := []struct {
		name    string
		edit    func(sc *Scenario)
		maxAsks int
		asks    []string // AskText of the first fix's asks
		note    string   // a part of FixNote
	}{
		{"a helper who covers it on other days is named", nil, 3,
			[]string{"Office: 08:30-16:30 instead of 09:00-17:00 on Mon, Wed", "Sister to cover School pickup on Mon 19:00-19:30"}, ""},
		{"someone when no helper covers it", func(sc *Scenario) { sc.Support = nil }, 3,
			[]string{"Office: 08:30-16:30 instead of 09:00-17:00 on Mon, Wed", "someone to cover School pickup on Mon 19:00-19:30"}, ""},
		{"a helper whose days hold the day but not the hours", func(sc *Scenario) {
			sc.Support[0].Span.Days = DaySet(0).With(Mon)
			sc.Support[0].Span.Time = Clock{Start: 8 * 60, End: 9 * 60}
		}, 3, []string{"Office: 08:30-16:30 instead of 09:00-17:00 on Mon, Wed", "Sister to cover School pickup on Mon 19:00-19:30"}, ""},
		{"the raise is the smallest that works, when sleep leaves no earlier start", func(sc *Scenario) {
			sc.Jobs[0].MaxUnpaid = 25
			sc.Commitments = nil
			sc.Sleep[0].Time = Clock{Start: 23 * 60, End: 8*60 + 40}
		}, 3, []string{"Office: allow 35 more unpaid minutes a week"}, ""},
		{"a shift moved beyond the flex to keep its pay", func(sc *Scenario) { sc.Jobs[0].MaxUnpaid = 25; sc.Commitments = nil }, 3,
			[]string{"Office: 08:30-16:30 instead of 09:00-17:00 on Mon, Wed"}, ""},
		{"no earlier start when a drop-off 30 minutes away ends at 08:30", func(sc *Scenario) {
			sc.Places = append(sc.Places, Place{"school", "School"})
			sc.Travel = append(sc.Travel, Leg{From: Home, To: "school", Minutes: 10}, Leg{From: "school", To: "work", Minutes: 30})
			sc.Commitments = []Commitment{{Name: "Drop-off", Span: Span{Days: AllDays &^ (1<<Sat | 1<<Sun), Time: Clock{Start: 8 * 60, End: 8*60 + 30}}, Place: "school"}}
			sc.Support = nil
		}, 3, []string{"Office: allow 60 more unpaid minutes a week"}, ""},
		{"only the end moves when the start cannot", func(sc *Scenario) {
			sc.Jobs[0].Flex = Flex{}
			sc.Commitments = nil
			sc.Sleep[0].Time = Clock{Start: 23 * 60, End: 8*60 + 40}
		}, 3, []string{"Office: end at 16:30 instead of 17:00 on Mon, Wed"}, ""},
		{"only the start moves when the session is before the shift", func(sc *Scenario) {
			sc.Jobs[0].Flex = Flex{}
			sc.Commitments = nil
			sc.Sleep[0].Time = Clock{Start: 17*60 + 20, End: 4 * 60}
			sc.Programs[0].Tracks[0].Sessions[0].Time = Clock{Start: 7 * 60, End: 10 * 60}
		}, 3, []string{"Office: start at 10:20 instead of 09:00 on Mon, Wed"}, ""},
		{"days off of one shift are one ask", func(sc *Scenario) {
			sc.Jobs[0].Flex = Flex{}
			sc.Commitments = nil
			sc.Sleep[0].Time = Clock{Start: 23 * 60, End: 8*60 + 40}
			sc.Programs[0].Tracks[0].Sessions[0].Time = Clock{Start: 9*60 + 30, End: 20 * 60}
		}, 3, []string{"Office: Mon, Wed off (09:00-17:00 a day)"}, ""},
		{"more asks than allowed", nil, 1, nil, "needs more than 1 change: Mon 17:00-20:00 overlaps School pickup"},
		{"no ask adds a session", func(sc *Scenario) { sc.Programs[0].MinDays = 3 }, 3, nil,
			"no change at work or at home can make it fit: its sessions fall on 2 day(s) a week; the program needs at least 3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := fixWeek(t)
			if c.edit != nil {
				c.edit(sc)
			}
			res, err := Solve(sc, Options{Fixes: true, MaxAsks: c.maxAsks})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Rejected) != 1 {
				t.Fatalf("want one track that does not fit, got %+v", res.Rejected)
			}
			rj := res.Rejected[0]
			var got []string
			if len(rj.Fixes) > 0 {
				for _, a := range rj.Fixes[0].Asks {
					got = append(got, AskText(a, 1))
				}
			}
			if strings.Join(got, " | ") != strings.Join(c.asks, " | ") {
				t.Errorf("asks %q, want %q", got, c.asks)
			}
			if !strings.Contains(rj.FixNote, c.note) || (c.note == "") != (rj.FixNote == "") {
				t.Errorf("note %q, want %q", rj.FixNote, c.note)
			}
		})
	}
}

// TestFixSearchStopsWithTheBudget checks that a fix search whose budget ran
// out finds no fixes and says why, and that the plain solve does not look for fixes.
func TestFixSearchStopsWithTheBudget(t *testing.T) {
	sc := fixWeek(t)
	res, err := Solve(sc, Options{})
	if err != nil || len(res.Rejected) != 1 || res.Rejected[0].Fixes != nil || res.Rejected[0].FixNote != "" {
		t.Fatalf("a solve without Fixes: %+v, %v", res.Rejected, err)
	}
	// the budget runs out after the plain solve, when the fixes are sought
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := newSolver(compile(sc), Options{Fixes: true, Context: ctx}, nil)
	s.findFixes(res)
	for _, rj := range res.Rejected {
		if len(rj.Fixes) != 0 || rj.FixNote != FixCutSentence {
			t.Errorf("cancelled: fixes %+v, note %q", rj.Fixes, rj.FixNote)
		}
	}
}

// TestFixTiesAreShown checks that fixes tied on asks, unpaid and moved
// minutes are all given, in plan order, and said in words as just as small.
func TestFixTiesAreShown(t *testing.T) {
	sc := fixWeek(t)
	sc.Commitments, sc.Support = nil, nil
	sc.Jobs[0].Flex = Flex{}
	sc.Programs[0].MinDays, sc.Programs[0].MinMinutes = 1, 0
	res, err := Solve(sc, Options{Fixes: true})
	if err != nil || len(res.Rejected) != 1 {
		t.Fatalf("%+v, %v", res, err)
	}
	var got []string
	for _, f := range res.Rejected[0].Fixes {
		got = append(got, AskText(f.Asks[0], 1))
	}
	want := []string{"Office: 08:30-16:30 instead of 09:00-17:00 on Mon", "Office: 08:30-16:30 instead of 09:00-17:00 on Wed"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Fatalf("fixes %q, want %q", got, want)
	}
	var b strings.Builder
	if err := WriteText(&b, sc, res); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"To make it fit, ask:\n      * Office: 08:30-16:30 instead of 09:00-17:00 on Mon", "Or, just as small, ask:\n      * Office: 08:30-16:30 instead of 09:00-17:00 on Wed"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("text lacks %q:\n%s", s, b.String())
		}
	}
}

// TestTwinProgramsShareFixes checks that two programs alike but for their id
// and name get the same fixes (found once), each under its own program.
func TestTwinProgramsShareFixes(t *testing.T) {
	sc := scenarioFile(t, "../examples/office.json")
	twin := cloneProgram(sc.Programs[0])
	twin.ID, twin.Name = "twin", "Twin IOP"
	sc.Programs = append(sc.Programs, twin)
	res, err := Solve(sc, Options{Fixes: true})
	if err != nil {
		t.Fatal(err)
	}
	byTrack := map[string][]Rejection{}
	for _, rj := range res.Rejected {
		byTrack[rj.Track] = append(byTrack[rj.Track], rj)
		for _, fx := range rj.Fixes {
			want := sc.Programs[sc.ProgramIndex(rj.Program)].Name
			if fx.Plan.Program != rj.Program || fx.Plan.ProgramName != want {
				t.Errorf("%s %s: a fix's plan is of %s (%s)", rj.Program, rj.Track, fx.Plan.Program, fx.Plan.ProgramName)
			}
		}
	}
	for track, rjs := range byTrack {
		if len(rjs) != 2 || len(rjs[0].Fixes) == 0 || !reflect.DeepEqual(rjs[0].Fixes[0].Asks, rjs[1].Fixes[0].Asks) || rjs[0].FixNote != rjs[1].FixNote {
			t.Errorf("%s: the twins' fixes differ: %+v", track, rjs)
		}
	}
}
