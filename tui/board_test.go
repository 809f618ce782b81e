package tui

import (
	"strings"
	"testing"
)

// TestBoard walks the program board: the week's own programs, the whole
// catalog with one key, sorting, the filter, and enter to a program's plans.
func TestBoard(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	m = typeKeys(m, "B")
	if m.active != scBoard {
		t.Fatalf("B opened %v", m.active)
	}
	v := view(m)
	for _, want := range []string{"Program board: the programs this week considers (1 of 1 shown)", "Program", "Fits▲",
		"Riverside Recovery IOP", "yes", "Lost", "Home"} {
		if !strings.Contains(v, want) {
			t.Errorf("board lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Eastside") {
		t.Errorf("a catalog program the week does not name is on the board:\n%s", v)
	}
	m = typeKeys(m, "a")
	v = view(m)
	if !strings.Contains(v, "every program of the catalog (2 of 2 shown)") || !strings.Contains(v, "Eastside Evening IOP") {
		t.Fatalf("whole catalog:\n%s", v)
	}
	east := lineWith(v, "Eastside Evening IOP")
	if !strings.Contains(east, " no ") || !strings.Contains(east, "travel") {
		t.Errorf("the east row should say it does not fit for want of travel: %q", east)
	}
	if strings.Index(v, "Riverside Recovery IOP") > strings.Index(v, "Eastside Evening IOP") {
		t.Errorf("programs that fit come first:\n%s", v)
	}
	m = typeKeys(m, "S")
	if v = view(m); !strings.Contains(v, "Fits▼") || strings.Index(v, "Riverside Recovery IOP") < strings.Index(v, "Eastside Evening IOP") {
		t.Errorf("reversed sort:\n%s", v)
	}
	m = typeKeys(m, "S", "s")
	if !strings.Contains(view(m), "Track▲") {
		t.Errorf("s did not move the sort to Track:\n%s", view(m))
	}
	m = typeKeys(m, "/", "e", "a", "s", "t")
	if !m.capturing() {
		t.Fatal("the filter does not have the keyboard")
	}
	m = typeKeys(m, "enter")
	if v = view(m); !strings.Contains(v, "(1 of 2 shown)") || strings.Contains(v, "Riverside Recovery IOP") || !strings.Contains(v, "filter: east") {
		t.Errorf("filter east:\n%s", v)
	}
	m = typeKeys(m, "enter")
	if m.active != scBoard || !m.statusErr || !strings.Contains(m.status, "Eastside Evening IOP is not in this client's week yet") {
		t.Errorf("enter on a catalog program the week does not name: %v %q", m.active, m.status)
	}
	m = typeKeys(m, "/", "backspace", "backspace", "backspace", "backspace", "esc")
	m = typeKeys(m, "a")
	m = typeKeys(m, "enter")
	if m.active != scPlans || m.d.plan() == nil || m.d.plan().Program != "riverside" {
		t.Errorf("enter on riverside: screen %v, plan %+v", m.active, m.d.plan())
	}
}

// TestBoardDiscreet: in discreet mode the board names no program.
func TestBoardDiscreet(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	m = typeKeys(m, "d", "B", "a")
	v := view(m)
	for _, name := range []string{"Riverside", "Eastside"} {
		if strings.Contains(v, name) {
			t.Errorf("discreet board shows %q:\n%s", name, v)
		}
	}
	if !strings.Contains(v, "Option 2") {
		t.Errorf("discreet board has no neutral label for the catalog program:\n%s", v)
	}
}

// TestBoardOpensAProgramOutsideTheBest: enter on a program of the week whose
// plans are not among the week's best plans that program alone, and X on
// Plans shows every program again.
func TestBoardOpensAProgramOutsideTheBest(t *testing.T) {
	m := started(t, storeOf(t, "../testdata/bench-40-programs.json"), 120, 40)
	inTop := map[string]bool{}
	for _, p := range m.d.res.Plans {
		inTop[p.Program] = true
	}
	opened := 0
	for _, pr := range m.d.full.Programs {
		if inTop[pr.ID] || opened > 0 {
			continue
		}
		x := run(m, boardOpenMsg{program: pr.ID, name: pr.Name})
		if x.active != scPlans {
			t.Fatalf("enter on %s opened %v", pr.ID, x.active)
		}
		if x.d.res == nil || len(x.d.res.Plans) == 0 {
			continue // this program has no plan at all; try another
		}
		for _, p := range x.d.res.Plans {
			if p.Program != pr.ID {
				t.Fatalf("plans of %s only, yet a plan of %s is shown", pr.ID, p.Program)
			}
		}
		if v := view(x); !strings.Contains(v, "this program only (X shows every program)") {
			t.Errorf("Plans does not say it shows one program:\n%s", v)
		}
		x = typeKeys(x, "X")
		other := false
		for _, p := range x.d.res.Plans {
			other = other || p.Program != pr.ID
		}
		if len(x.d.opt.Programs) != 0 || !other {
			t.Errorf("X left the filter on: %v", x.d.opt.Programs)
		}
		opened++
	}
	if opened == 0 {
		t.Fatal("no program outside the best plans had a plan to open")
	}
}
