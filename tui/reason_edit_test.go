package tui

import (
	"strings"
	"testing"
)

// TestReasonFollowsTheEdit: each edit of the shift that a track clashes
// with re-words the reason on the Plans screen, and undo words it back;
// a reason kept from the solve before an edit would show the old times.
// It guards any reuse of explanations between the TUI's solves.
func TestReasonFollowsTheEdit(t *testing.T) {
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	reason := func(shift string) string { return "Mon 09:00-12:00 overlaps Office " + shift }
	shows := func(what, shift, was string) {
		t.Helper()
		m = typeKeys(m, "2")
		v := view(m)
		if !strings.Contains(v, reason(shift)) {
			t.Errorf("%s: the Plans screen lacks %q:\n%s", what, reason(shift), v)
		}
		if was != "" && strings.Contains(v, reason(was)) {
			t.Errorf("%s: the Plans screen still says %q:\n%s", what, reason(was), v)
		}
	}
	shows("at the start", "09:00-17:00", "")
	steps := []struct{ was, now string }{
		{"09:00-17:00", "08:00-16:00"},
		{"08:00-16:00", "08:30-17:30"},
	}
	for _, s := range steps {
		m = typeKeys(m, "e")
		m = gotoField(t, m, "time", s.was)
		m = typeKeys(m, "enter", "ctrl+u")
		m = typeKeys(m, strings.Split(s.now, "")...)
		m = typeKeys(m, "enter")
		if got := m.d.sc.Jobs[0].Shifts[0].Time.String(); got != s.now {
			t.Fatalf("the shift is %s, want %s", got, s.now)
		}
		shows("after the edit to "+s.now, s.now, s.was)
	}
	m = typeKeys(m, "u")
	shows("after undo", "08:00-16:00", "08:30-17:30")
}
