package tui

import (
	"strings"
	"testing"

	"weekfit/planner"
)

// patternScript adds to the warehouse week, from its review, other hours
// for the warehouse: Saturday mornings.
func patternScript() []answer {
	all := warehouseScript()
	return append(all[:len(all)-1:len(all)-1], "a", "down", "down", "down", "down", "enter", "Sat", "enter", "8-12", "enter")
}

func TestIntakeAddsOtherHoursForAJob(t *testing.T) {
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	m, _ = typeScript(m, patternScript()...)
	v := flat(view(m))
	for _, want := range []string{
		"1 You work at Warehouse Mon-Fri 06:00-14:30 and Sat 08:00-12:00 and could leave up to 30 minutes early",
		"6 At Warehouse you also work Sat 08:00-12:00.", "1-6 change a line",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the review lacks %q:\n%s", want, v)
		}
	}
	m, _ = typeScript(m, "enter")
	list, _ := st.ListProfiles()
	if len(list) != 2 {
		t.Fatalf("not saved:\n%s", view(m))
	}
	sc, _ := st.Scenario(list[1].ID)
	if len(sc.Jobs) != 1 || len(sc.Jobs[0].Shifts) != 2 || sc.Jobs[0].Shifts[1].Days.String() != "Sat" || sc.Jobs[0].Shifts[1].Time.String() != "08:00-12:00" {
		j, _ := planner.MarshalScenario(sc)
		t.Errorf("saved week:\n%s", j)
	}
}

func TestIntakeOtherHoursChecksAsTyped(t *testing.T) {
	for _, tc := range []struct {
		name   string
		script []answer
		want   string
	}{
		{"unknown day", []answer{"Mon-Fry"}, `days: unknown day "fry"`},
		{"days the job already works", []answer{"Fri,Sat"}, "days: you already work Mon-Fri 06:00-14:30 at Warehouse on Fri; give the other days"},
		{"hour out of range", []answer{"Sat", "enter", "25:00-07:00"}, "hours: hour out of range"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := started(t, storeWith(t, 1), 120, 40)
			script := patternScript()
			m, _ = typeScript(m, script[:len(script)-4]...)
			m, _ = typeScript(m, tc.script...)
			if v := view(m); !strings.Contains(v, tc.want) {
				t.Fatalf("typing shows no %q:\n%s", tc.want, v)
			}
			field := m.intake.form.GetFocusedField().GetKey()
			m, _ = typeScript(m, "enter")
			if m.intake.step != stepPattern || m.intake.form.GetFocusedField().GetKey() != field {
				t.Errorf("enter moved on past a wrong answer")
			}
		})
	}
}

func TestIntakeReopensAndRemovesOtherHours(t *testing.T) {
	for _, tc := range []struct {
		name   string
		script []answer
		shifts string
		want   string
	}{
		{"reopened", []answer{"6", "backspace", "backspace", "backspace", "Sun", "enter", "enter"}, "[Mon-Fri 06:00-14:30 Sun 08:00-12:00]", "6 At Warehouse you also work Sun 08:00-12:00."},
		{"removed", []answer{"x", "6"}, "[Mon-Fri 06:00-14:30]", "1-5 change a line"},
		{"blank days drop them", []answer{"6", "backspace", "backspace", "backspace", "enter"}, "[Mon-Fri 06:00-14:30]", "1-5 change a line"},
		{"a second pattern", []answer{"a", "down", "down", "down", "down", "enter", "Sun", "enter", "9-11", "enter"}, "[Mon-Fri 06:00-14:30 Sat 08:00-12:00 Sun 09:00-11:00]",
			"You work at Warehouse Mon-Fri 06:00-14:30, Sat 08:00-12:00 and Sun 09:00-11:00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := storeWith(t, 1)
			m := started(t, st, 120, 40)
			m, _ = typeScript(m, patternScript()...)
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
			var got []string
			for _, s := range sc.Jobs[0].Shifts {
				got = append(got, s.Days.String()+" "+s.Time.String())
			}
			if g := "[" + strings.Join(got, " ") + "]"; g != tc.shifts {
				t.Errorf("saved shifts %s, want %s", g, tc.shifts)
			}
		})
	}
}

// TestIntakeReopenHoldsOtherHours opens with i the review of a week whose
// job works two patterns, saves it, and finds it unchanged.
func TestIntakeReopenHoldsOtherHours(t *testing.T) {
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	m, _ = typeScript(m, patternScript()...)
	m, _ = typeScript(m, "enter")
	before, _ := planner.MarshalScenario(m.d.sc)
	m, _ = typeScript(m, "1", "i")
	if v := flat(view(m)); m.active != scIntake || !strings.Contains(v, "6 At Warehouse you also work Sat 08:00-12:00.") {
		t.Fatalf("i did not open the review of the week:\n%s", v)
	}
	m, _ = typeScript(m, "enter")
	sc, _ := st.Scenario(m.d.profile.ID)
	after, _ := planner.MarshalScenario(sc)
	if string(after) != string(before) || m.active == scIntake {
		t.Errorf("the week after the interview's save:\n%s\nbefore:\n%s", after, before)
	}
}

// TestIntakeOtherHoursAskWhichJob: with two jobs, the other hours are for
// the job chosen.
func TestIntakeOtherHoursAskWhichJob(t *testing.T) {
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	busy := busyScript()
	m, _ = typeScript(m, busy[:len(busy)-12]...) // without the rotation
	m, _ = typeScript(m, "a", "down", "down", "down", "down", "enter")
	if v := view(m); !strings.Contains(v, "Which job are these other hours for?") {
		t.Fatalf("no question of which job:\n%s", v)
	}
	m, _ = typeScript(m, "down", "enter", "Sun", "enter", "9-11", "enter")
	v := flat(view(m))
	for _, want := range []string{"You also work at Diner Sat 10:00-16:00 and Sun 09:00-11:00 and", "7 At Diner you also work Sun 09:00-11:00.", "9 Aunt could take over Care of mum"} {
		if !strings.Contains(v, want) {
			t.Errorf("the review lacks %q:\n%s", want, v)
		}
	}
	m, _ = typeScript(m, "enter")
	list, _ := st.ListProfiles()
	if len(list) != 2 {
		t.Fatalf("not saved:\n%s", view(m))
	}
	sc, _ := st.Scenario(list[1].ID)
	if len(sc.Jobs[0].Shifts) != 1 || len(sc.Jobs[1].Shifts) != 2 || sc.Jobs[1].Shifts[1].Days.String() != "Sun" {
		j, _ := planner.MarshalScenario(sc)
		t.Errorf("saved week:\n%s", j)
	}
}

// TestIntakeAccessibleAddsOtherHours adds other hours from the accessible
// review's numbered choice.
func TestIntakeAccessibleAddsOtherHours(t *testing.T) {
	in := strings.Replace(warehouseLines(t), "15\n1\n", "15\n12\nSat\n8-12\n1\n", 1)
	st := newFakeStore()
	var out strings.Builder
	p, err := RunIntakeAccessible(strings.NewReader(in), &out, "Sam", st)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"12. Add other hours for a job", "6. At Warehouse you also work Sat 08:00-12:00.",
		"1. You work at Warehouse Mon-Fri 06:00-14:30 and Sat 08:00-12:00"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the prompts lack %q:\n%s", want, out.String())
		}
	}
	sc, _ := st.Scenario(p.ID)
	if len(sc.Jobs) != 1 || len(sc.Jobs[0].Shifts) != 2 {
		j, _ := planner.MarshalScenario(sc)
		t.Errorf("saved week:\n%s", j)
	}
}

// TestIntakeOtherHoursInARotation: other hours hold every week of a
// rotation, are checked against every week's days, and i holds the week.
func TestIntakeOtherHoursInARotation(t *testing.T) {
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	all := warehouseScript()
	m, _ = typeScript(m, all[:len(all)-1]...)
	m, _ = typeScript(m, "a", "down", "down", "down", "enter", "enter", "Sat", "enter", "14-22", "enter")
	m, _ = typeScript(m, "a", "down", "down", "down", "enter", "Sat")
	if v := view(m); !strings.Contains(v, "days: you already work Sat 14:00-22:00 at Warehouse on Sat; give the other days") {
		t.Fatalf("days of week 2 are not checked:\n%s", v)
	}
	m, _ = typeScript(m, "backspace", "backspace", "backspace", "Sun", "enter", "8-12", "enter")
	v := flat(view(m))
	for _, want := range []string{
		"1 You work at Warehouse Mon-Fri 06:00-14:30 in week 1 and Sun 08:00-12:00 every week and could leave",
		"Your schedule repeats every 2 weeks: you work at Warehouse Mon-Fri 06:00-14:30 in week 1, Sat 14:00-22:00 in week 2 and Sun 08:00-12:00 every week.",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the review lacks %q:\n%s", want, v)
		}
	}
	m, _ = typeScript(m, "enter")
	before, _ := planner.MarshalScenario(m.d.sc)
	if n := len(m.d.sc.Jobs[0].Shifts); n != 3 || len(m.d.sc.Jobs[0].Shifts[2].Weeks) != 0 {
		t.Fatalf("saved week:\n%s", before)
	}
	m, _ = typeScript(m, "1", "i")
	if m.active != scIntake {
		t.Fatalf("i did not open the review of the week:\n%s", view(m))
	}
	m, _ = typeScript(m, "enter")
	sc, _ := st.Scenario(m.d.profile.ID)
	if after, _ := planner.MarshalScenario(sc); string(after) != string(before) {
		t.Errorf("the week after the interview's save:\n%s\nbefore:\n%s", after, before)
	}
}
