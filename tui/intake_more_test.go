package tui

import (
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
		"1-8 change a line", "x remove an added line",
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
		{"a job reopened", []answer{"6", "enter", "enter", "backspace", "backspace", "backspace", "Sat,Sun", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter"},
			func(sc *planner.Scenario) bool { return sc.Jobs[1].Shifts[0].Days.String() == "Sat,Sun" }, "You also work at Diner Sat,Sun"},
		{"a job removed", []answer{"x", "6"},
			func(sc *planner.Scenario) bool { return len(sc.Jobs) == 1 && len(sc.Places) == 4 }, "6 You also have Care of mum"},
		{"a duty removed takes its only helper", []answer{"x", "7"},
			func(sc *planner.Scenario) bool { return len(sc.Commitments) == 1 && len(sc.Support) == 1 }, "1-6 change a line"},
		{"a helper removed", []answer{"x", "8"},
			func(sc *planner.Scenario) bool { return len(sc.Support) == 1 && len(sc.Commitments) == 2 }, "1-7 change a line"},
		{"another key keeps them all", []answer{"x", "3"},
			func(sc *planner.Scenario) bool { return len(sc.Jobs) == 2 && len(sc.Support) == 2 }, "1-8 change a line"},
		{"a duty added and left blank is not added", []answer{"a", "down", "enter", "enter"},
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

// flat is a screen's words on one line, so that a sentence wrapped on the
// screen is found whole.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }
