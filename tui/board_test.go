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
	if m.active != scBoard || !m.statusErr || !strings.Contains(m.status, "Eastside Evening IOP has no plan among the 10 best") {
		t.Errorf("enter on a program that does not fit: %v %q", m.active, m.status)
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
