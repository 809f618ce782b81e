package tui

import (
	"strings"
	"testing"
)

// TestPlansShowWarnings checks the badge on every plan row, the sentences
// under the plan under the cursor, Compare's figures, and that discreet
// mode names no place in them.
func TestPlansShowWarnings(t *testing.T) {
	m := started(t, storeWith(t, 1), 160, 50)
	m = typeKeys(m, "2")
	v := view(m)
	for _, want := range []string{
		"1. Evening: Mon Tue Wed 17:30 · home by 20:55 · unpaid 0m · !6\n",
		"5. Evening: Mon Tue Wed Thu 17:30 · home by 20:55 · unpaid 0m · !8\n",
		"+travel 30m · tightest trip 0 min to spare",
		"! Mon Office to Riverside Recovery: 0 min to spare before the session (be there 17:20); at least 10 min is asked for.",
		"! On a bad-traffic day (every trip x1.5), Mon Office to Riverside Recovery arrives 15 min late",
		"! and 4 more (c compares plans with all of them)",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("Plans lacks %q:\n%s", want, v)
		}
	}
	c := view(typeKeys(m, "c"))
	for _, want := range []string{"tightest trip 0 min", "bad-traffic day: late", "warnings 6", "! Wed Office to Riverside"} {
		if !strings.Contains(c, want) {
			t.Errorf("Compare lacks %q:\n%s", want, c)
		}
	}
	m = typeKeys(m, "d")
	for _, s := range []string{"2", "c"} {
		v := view(typeKeys(m, s))
		if strings.Contains(v, "Riverside") || strings.Contains(v, "Office to") {
			t.Errorf("discreet screen %s names a place:\n%s", s, v)
		}
		if !strings.Contains(v, "Place A to Place B") && !strings.Contains(v, "Place B to Place A") {
			t.Errorf("discreet screen %s lacks the neutral warning:\n%s", s, v)
		}
	}
}
