package tui

import (
	"fmt"
	"strings"
	"testing"

	"weekfit/planner"
)

// busyScript adds to the warehouse week, from its review, a second job, a
// second duty away from home and a second helper who takes over that duty.
func busyScript() []answer {
	all := warehouseScript()
	return append(all[:len(all)-1],
		// another job: a Saturday at the diner
		"a", "enter", "Diner", "enter", "enter", "Sat", "enter", "10-16", "enter", "enter", "enter", "enter",
		"20", "enter", "10", "enter",
		// another duty: Sunday mornings at mum's
		"a", "down", "enter", "Care of mum", "enter", "Sun", "enter", "10-12", "enter", "Mum's", "enter",
		"30", "enter", "35", "enter", "15", "enter",
		// someone else: the aunt, for mum
		"a", "down", "down", "enter", "Aunt", "enter", "Sun", "enter", "9-13", "enter", "down", "x", "enter",
		// weeks that differ: the warehouse's late shift on the weekend every other week, the diner's Saturday every week
		"a", "down", "down", "down", "enter", "enter", "Sat,Sun", "enter", "14-22", "enter", "enter", "enter",
	)
}

func TestIntakeAddsJobsDutiesAndHelpersFromTheReview(t *testing.T) {
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	m, _ = typeScript(m, busyScript()...)
	v := flat(view(m))
	for _, want := range []string{
		"6 You also work at Diner Sat 10:00-16:00 and the hours cannot move, and cannot afford unpaid hours. Home to Diner takes 20 minutes.",
		"7 You also have Care of mum Sun 10:00-12:00 at Mum's (30 minutes from home).",
		"8 Aunt could take over Care of mum Sun 09:00-13:00.",
		"9 Your schedule repeats every 2 weeks: you work at Warehouse Mon-Fri 06:00-14:30 in week 1 and Sat,Sun 14:00-22:00 in week 2; at Diner Sat 10:00-16:00 every week.",
		"1-9 change a line", "x remove",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the review lacks %q:\n%s", want, v)
		}
	}
	m, _ = typeScript(m, "enter")
	list, _ := st.ListProfiles()
	if len(list) != 2 {
		t.Fatalf("profiles after the save: %+v\n%s", list, view(m))
	}
	got, _ := st.Scenario(list[1].ID)
	gj, _ := planner.MarshalScenario(got)
	wj, _ := planner.MarshalScenario(readScenario(t, "testdata/intake/busy.json"))
	if string(gj) != string(wj) {
		t.Errorf("saved week:\n%s\nwant:\n%s", gj, wj)
	}
}

func TestIntakeReopensAndRemovesAddedLines(t *testing.T) {
	for _, tc := range []struct {
		name   string
		script []answer
		check  func(sc *planner.Scenario) bool
		want   string
	}{
		{"a job reopened", []answer{"6", "enter", "enter", "backspace", "backspace", "backspace", "Sat,Sun", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter"},
			func(sc *planner.Scenario) bool { return sc.Jobs[1].Shifts[0].Days.String() == "Sat,Sun" }, "You also work at Diner Sat,Sun"},
		{"a job removed", []answer{"x", "6"},
			func(sc *planner.Scenario) bool { return len(sc.Jobs) == 1 && len(sc.Places) == 4 }, "6 You also have Care of mum"},
		{"a duty removed takes its only helper", []answer{"x", "7"},
			func(sc *planner.Scenario) bool { return len(sc.Commitments) == 1 && len(sc.Support) == 1 }, "1-7 change a line"},
		{"a helper removed", []answer{"x", "8"},
			func(sc *planner.Scenario) bool { return len(sc.Support) == 1 && len(sc.Commitments) == 2 }, "1-8 change a line"},
		{"the rotation removed", []answer{"x", "9"},
			func(sc *planner.Scenario) bool { return sc.CycleWeeks == 1 && len(sc.Jobs[0].Shifts) == 1 }, "1-8 change a line"},
		{"the rotation made 3 weeks", []answer{"9", "down", "enter", "enter", "enter", "off", "enter", "enter", "enter", "enter", "enter"},
			func(sc *planner.Scenario) bool {
				return sc.CycleWeeks == 3 && len(sc.Jobs[0].Shifts) == 2 && fmt.Sprint(sc.Jobs[0].Shifts[0].Weeks) == "[1]"
			}, "Sat,Sun 14:00-22:00 in week 2 and off in week 3"},
		{"another key keeps them all", []answer{"x", "3"},
			func(sc *planner.Scenario) bool { return len(sc.Jobs) == 2 && len(sc.Support) == 2 }, "1-9 change a line"},
		{"a full review adds nothing", []answer{"a"},
			func(sc *planner.Scenario) bool { return len(sc.Jobs) == 2 }, "1-9 change a line • x remove • enter save • esc stop"},
		{"a duty added and left blank is not added", []answer{"x", "9", "a", "down", "enter", "enter"},
			func(sc *planner.Scenario) bool { return len(sc.Commitments) == 2 }, "1-8 change a line"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := storeWith(t, 1)
			m := started(t, st, 120, 40)
			m, _ = typeScript(m, busyScript()...)
			m, _ = typeScript(m, tc.script...)
			if v := flat(view(m)); !strings.Contains(v, tc.want) {
				t.Fatalf("the review lacks %q:\n%s", tc.want, v)
			}
			m, _ = typeScript(m, "enter")
			list, _ := st.ListProfiles()
			if len(list) != 2 {
				t.Fatalf("not saved:\n%s", view(m))
			}
			sc, _ := st.Scenario(list[1].ID)
			if !tc.check(sc) {
				j, _ := planner.MarshalScenario(sc)
				t.Errorf("saved week:\n%s", j)
			}
		})
	}
}

// TestIntakeReopenHoldsABusyWeek opens the review of a week with two jobs,
// two duties and two helpers with i, saves it, and finds it unchanged.
func TestIntakeReopenHoldsABusyWeek(t *testing.T) {
	st := storeWith(t, 1)
	busy := readScenario(t, "testdata/intake/busy.json")
	p, _ := st.NewProfile("Busy", busy)
	m := started(t, st, 120, 40)
	m, _ = typeScript(m, "P", "down", "enter")
	if m.d.profile.ID != p.ID {
		t.Fatalf("the busy profile is not open:\n%s", view(m))
	}
	m, _ = typeScript(m, "1", "i")
	if v := flat(view(m)); m.active != scIntake || !strings.Contains(v, "8 Aunt could take over Care of mum") {
		t.Fatalf("i did not open the review of the busy week:\n%s", v)
	}
	m, _ = typeScript(m, "enter")
	got, _ := st.Scenario(p.ID)
	gj, _ := planner.MarshalScenario(got)
	wj, _ := planner.MarshalScenario(busy)
	if string(gj) != string(wj) || m.active == scIntake {
		t.Errorf("the week after the interview's save:\n%s\nbefore:\n%s", gj, wj)
	}
}

// flat is a screen's words on one line, without the bar that marks the
// question under way, so that a sentence wrapped on the screen is found whole.
func flat(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "┃", " ")), " ")
}

// TestIntakeAccessibleAddsAJobAndARotation answers the accessible
// interview with the warehouse week, then adds a job and a rotation from the
// review's numbered choice.
func TestIntakeAccessibleAddsAJobAndARotation(t *testing.T) {
	more := "8\nDiner\n\nSat\n10-16\n1\n1\n0\n20\n10\n" + // another job
		"12\n2\nSat,Sun\n14-22\n\n\n" + // weeks that differ
		"1\n"
	in := strings.Replace(warehouseLines(t), "15\n1\n", "15\n"+more, 1)
	st := newFakeStore()
	var out strings.Builder
	p, err := RunIntakeAccessible(strings.NewReader(in), &out, "Sam", st)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"9. Add another job", "12. Add weeks that differ", "14. Remove line 6",
		"6. You also work at Diner Sat 10:00-16:00 and the hours cannot move",
		"7. Your schedule repeats every 2 weeks: you work at Warehouse Mon-Fri 06:00-14:30 in week 1 and Sat,Sun 14:00-22:00 in week 2"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the prompts lack %q:\n%s", want, out.String())
		}
	}
	sc, _ := st.Scenario(p.ID)
	if len(sc.Jobs) != 2 || sc.CycleWeeks != 2 || len(sc.Jobs[0].Shifts) != 2 || len(sc.Jobs[1].Shifts) != 1 {
		j, _ := planner.MarshalScenario(sc)
		t.Errorf("saved week:\n%s", j)
	}
}

// TestIntakeHoldsOrRefusesAWeek fills the interview from variants of the
// busy week: what it can hold comes back unchanged from its answers, the
// rest is refused so that a save never drops it.
func TestIntakeHoldsOrRefusesAWeek(t *testing.T) {
	span := func(days, hours string, weeks ...int) planner.Span {
		d, _ := planner.ParseDays(days)
		c, _ := planner.ParseClock(hours)
		return planner.Span{Days: d, Time: c, Weeks: weeks}
	}
	for _, tc := range []struct {
		name  string
		edit  func(sc *planner.Scenario)
		holds bool
	}{
		{"the busy week", func(*planner.Scenario) {}, true},
		{"a rotation of 3 with weeks 1 and 3 alike", func(sc *planner.Scenario) {
			sc.CycleWeeks = 3
			sc.Jobs[0].Shifts = []planner.Span{span("Mon-Fri", "06:00-14:30", 1, 3), span("Sat,Sun", "14:00-22:00", 2)}
		}, true},
		{"a job off in week 2", func(sc *planner.Scenario) {
			sc.Jobs[1].Shifts = []planner.Span{span("Sat", "10:00-16:00", 1)}
		}, true},
		{"a helper who takes over both duties", func(sc *planner.Scenario) {
			sc.Support[1].Covers = []string{"School pickup", "Care of mum"}
		}, true},
		{"no rotation", func(sc *planner.Scenario) {
			sc.CycleWeeks = 1
			sc.Jobs[0].Shifts = sc.Jobs[0].Shifts[:1]
			sc.Jobs[0].Shifts[0].Weeks = nil
		}, true},
		{"a job with two shift patterns, no rotation", func(sc *planner.Scenario) {
			sc.CycleWeeks = 1
			sc.Jobs[0].Shifts = []planner.Span{span("Mon-Thu", "06:00-14:30"), span("Fri", "08:00-12:00")}
		}, true},
		{"two jobs with other hours, no rotation", func(sc *planner.Scenario) {
			sc.CycleWeeks = 1
			sc.Jobs[0].Shifts = []planner.Span{span("Mon-Thu", "06:00-14:30"), span("Fri", "08:00-12:00")}
			sc.Jobs[1].Shifts = append(sc.Jobs[1].Shifts, span("Sun", "10:00-14:00"))
		}, true},
		{"a rotation of 5 weeks", func(sc *planner.Scenario) { sc.CycleWeeks = 5 }, false},
		{"other hours every week of a rotation", func(sc *planner.Scenario) {
			sc.Jobs[1].Shifts = append(sc.Jobs[1].Shifts, span("Sun", "10:00-14:00"))
		}, true},
		{"two shift patterns in one week of a rotation only", func(sc *planner.Scenario) {
			sc.Jobs[0].Shifts = append(sc.Jobs[0].Shifts, span("Mon", "18:00-20:00", 2))
		}, false},
		{"a job off in week 1", func(sc *planner.Scenario) {
			sc.Jobs[0].Shifts = sc.Jobs[0].Shifts[1:]
		}, false},
		{"a duty in some weeks only", func(sc *planner.Scenario) { sc.Commitments[1].Span.Weeks = []int{2} }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := readScenario(t, "testdata/intake/busy.json")
			tc.edit(sc)
			if err := planner.Check(sc); err != nil {
				t.Fatalf("the test's week is not valid: %v", err)
			}
			if _, ok := answersOf(sc, nil); ok != tc.holds {
				t.Errorf("answersOf holds it: %v, want %v", ok, tc.holds)
			}
		})
	}
}

// TestIntakeAsksTheRotationInWork: "Does your schedule change from week to
// week?" in Work, then the days and hours of week 2 (empty: as in week 1).
func TestIntakeAsksTheRotationInWork(t *testing.T) {
	all := warehouseScript()
	at := 0
	for i, a := range all {
		if a == "6-14:30" {
			at = i + 2 // the hours typed and their enter: the rotation's question
			break
		}
	}
	script := append(all[:at:at], "down", "enter", "Sat,Sun", "enter", "14-22", "enter")
	script = append(script, all[at+1:]...)
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	m, _ = typeScript(m, script[:len(script)-1]...)
	want := "6 Your schedule repeats every 2 weeks: you work at Warehouse Mon-Fri 06:00-14:30 in week 1 and Sat,Sun 14:00-22:00 in week 2."
	if v := flat(view(m)); !strings.Contains(v, want) {
		t.Fatalf("the review lacks %q:\n%s", want, view(m))
	}
	m, _ = typeScript(m, "enter")
	sc, _ := st.Scenario(m.d.profile.ID)
	if sc.CycleWeeks != 2 || len(sc.Jobs[0].Shifts) != 2 || fmt.Sprint(sc.Jobs[0].Shifts[1].Weeks) != "[2]" {
		j, _ := planner.MarshalScenario(sc)
		t.Errorf("saved week:\n%s", j)
	}
}
