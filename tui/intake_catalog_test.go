package tui

import (
	"strings"
	"testing"
)

// pickScript is the warehouse week up to its program, which is picked from
// the clinic's catalog by a word of its name.
func pickScript() []answer {
	all := warehouseScript()
	for i, a := range all {
		if a == "Riverside" {
			return append(all[:i:i], "Eastside", "enter", "down", "enter", "30", "enter", "20", "enter")
		}
	}
	panic("no program in the warehouse script")
}

func TestIntakePicksAProgramFromTheCatalog(t *testing.T) {
	st := storeWith(t, 1) // its catalog: Eastside Evening IOP at Eastside Clinic
	m := started(t, st, 120, 40)
	m, _ = typeScript(m, pickScript()[:len(pickScript())-6]...)
	if v := flat(view(m)); !strings.Contains(v, "Is it one of these, from the clinic's list?") || !strings.Contains(v, "Eastside Evening IOP, at Eastside Clinic") {
		t.Fatalf("a name matching the catalog does not offer its program:\n%s", view(m))
	}
	m, _ = typeScript(m, pickScript()[len(pickScript())-6:]...)
	want := "5 Eastside Evening IOP, from the clinic's list, is at Eastside Clinic (30 minutes from home, 20 from work): Evening Mon,Wed,Fri 18:00-21:00; at least 3 days and 9 hours a week."
	if v := flat(view(m)); !strings.Contains(v, want) {
		t.Fatalf("the review lacks %q:\n%s", want, view(m))
	}
	m, _ = typeScript(m, "enter")
	sc, err := st.Scenario(m.d.profile.ID)
	if err != nil || m.d.profile.Name != "Sam" {
		t.Fatalf("not saved: %v\n%s", err, view(m))
	}
	if len(sc.Programs) != 0 || strings.Join(sc.Catalog, ",") != "east" {
		t.Errorf("the week's programs %v, catalog %v; want only the catalog's east", sc.Programs, sc.Catalog)
	}
	legs := map[string]int{}
	for _, l := range sc.Travel {
		legs[l.From+">"+l.To] = l.Minutes
	}
	if legs["home>eastside"] != 30 || legs["warehouse>eastside"] != 20 {
		t.Errorf("the trips to the catalog program's place: %v", legs)
	}
	if v := view(m); !strings.Contains(v, "Eastside") {
		t.Errorf("the Plans screen does not show the picked program:\n%s", v)
	}
	// i holds the week: its review names the program, and a save changes nothing
	before := *sc
	m, _ = typeScript(m, "1", "i")
	if v := flat(view(m)); m.active != scIntake || !strings.Contains(v, want) {
		t.Fatalf("i on a week with a picked program:\n%s", view(m))
	}
	m, _ = typeScript(m, "5", "enter", "enter", "enter", "enter")
	if v := flat(view(m)); !strings.Contains(v, want) {
		t.Fatalf("answering Programs again changed it:\n%s", view(m))
	}
	m, _ = typeScript(m, "enter")
	after, _ := st.Scenario(m.d.profile.ID)
	if len(after.Travel) != len(before.Travel) || strings.Join(after.Catalog, ",") != "east" {
		t.Errorf("the week after the interview's save: %+v", after)
	}
}

func TestIntakeDescribesAProgramThatMatchesTheCatalog(t *testing.T) {
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	script := pickScript()
	script = script[:len(script)-6] // the name typed: Eastside
	m, _ = typeScript(m, script...)
	m, _ = typeScript(m, "enter") // No, I will describe it
	if v := view(m); !strings.Contains(v, "In person or virtual?") {
		t.Fatalf("describing it does not ask about it:\n%s", v)
	}
}

func TestIntakeAccessiblePicksAProgramFromTheCatalog(t *testing.T) {
	lines := warehouseLines(t)
	i := strings.Index(lines, "Riverside\n")
	in := lines[:i] + "Eastside\n2\n30\n20\n1\n"
	st := newFakeStore()
	var out strings.Builder
	p, err := RunIntakeAccessible(strings.NewReader(in), &out, "Sam", st)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "Is it one of these, from the clinic's list?") {
		t.Errorf("the prompts do not offer the catalog's program:\n%s", out.String())
	}
	sc, _ := st.Scenario(p.ID)
	if len(sc.Programs) != 0 || strings.Join(sc.Catalog, ",") != "east" {
		t.Errorf("the week's programs %v, catalog %v; want only the catalog's east\n%s", sc.Programs, sc.Catalog, out.String())
	}
}

// TestIntakeProgramRules: the usual rules take one key; "no" asks each
// rule, filled with what they were, and the review says the new ones.
func TestIntakeProgramRules(t *testing.T) {
	all := warehouseScript()
	at := 0
	for i, a := range all {
		if a == "20" {
			at = i - 1 // the enter that keeps the usual rules
		}
	}
	script := append(all[:at:at], "n", "backspace", "4", "enter", "enter", "enter", "enter", "backspace", "backspace", "8", "enter", "20", "enter", "15", "enter")
	m := started(t, storeWith(t, 1), 120, 40)
	m, _ = typeScript(m, all[:at]...)
	if v := flat(view(m)); !strings.Contains(v, "Are these its rules? At least 3 days and 9 hours a week, one track a week, arrive 10 minutes early, for 12 weeks.") {
		t.Fatalf("the rules are not summed up:\n%s", view(m))
	}
	m = started(t, storeWith(t, 1), 120, 40)
	m, _ = typeScript(m, script...)
	if v := flat(view(m)); !strings.Contains(v, "at least 4 days and 9 hours a week, one track a week, arrive 10 minutes early, for 8 weeks.") {
		t.Fatalf("the review does not say the rules answered:\n%s", view(m))
	}
	// reopened, the rules are summed up as they now stand, and yes keeps them
	m, _ = typeScript(m, "5", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	if v := flat(view(m)); !strings.Contains(v, "Are these its rules? At least 4 days") {
		t.Fatalf("reopened, the rules are not the ones answered:\n%s", view(m))
	}
	m, _ = typeScript(m, "enter", "enter", "enter")
	if v := flat(view(m)); !strings.Contains(v, "6 of 6: Review") || !strings.Contains(v, "at least 4 days and 9 hours a week") {
		t.Fatalf("yes did not keep the rules:\n%s", view(m))
	}
}
