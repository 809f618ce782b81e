package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestClickingATabSwitchesToIt clicks the middle of each tab's name as the
// first line draws it.
func TestClickingATabSwitchesToIt(t *testing.T) {
	for _, width := range []int{80, 120} {
		m := started(t, storeWith(t, 1), width, 30)
		for _, s := range []screen{scPlans, scCompare, scEdit, scProfiles, scWeek} {
			tabs := strings.Split(view(m), "\n")[0]
			x := strings.Index(tabs, s.String())
			if x < 0 {
				t.Fatalf("no %s on the tab line %q", s, tabs)
			}
			m = run(m, tea.MouseMsg{X: x + 1, Y: 0, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
			if m.active != s {
				t.Errorf("%d columns: a click on %q at x=%d shows %s", width, s, x+1, m.active)
			}
		}
		// A click on "weekfit" or past the tabs changes nothing.
		for _, x := range []int{0, 3, width - 2} {
			m = run(m, tea.MouseMsg{X: x, Y: 0, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
			if m.active != scWeek {
				t.Errorf("a click at x=%d left the Week screen for %s", x, m.active)
			}
		}
	}
}

// TestRenamingTheOpenProfileUpdatesTheHeader renames the profile on show and
// reads the first line at once.
func TestRenamingTheOpenProfileUpdatesTheHeader(t *testing.T) {
	st := storeWith(t, 2)
	m := started(t, st, 120, 40)
	if first := strings.Split(view(m), "\n")[0]; !strings.HasSuffix(strings.TrimSpace(first), "Alex Doe") {
		t.Fatalf("header %q does not name the open profile", first)
	}
	m = typeKeys(m, "P", "r", "ctrl+u", "K", "i", "m", "enter")
	if first := strings.Split(view(m), "\n")[0]; !strings.HasSuffix(strings.TrimSpace(first), "Kim") {
		t.Errorf("header after the rename: %q", first)
	}
	// Renaming another profile leaves the header alone.
	m = typeKeys(m, "j", "r", "ctrl+u", "Z", "o", "e", "enter")
	if first := strings.Split(view(m), "\n")[0]; !strings.HasSuffix(strings.TrimSpace(first), "Kim") {
		t.Errorf("header after renaming another profile: %q", first)
	}
}
