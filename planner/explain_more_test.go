package planner

import (
	"strings"
	"testing"
)

// TestBudgetReasons: each evening session at 17:30 needs the shift to end
// at 16:50, 10 unpaid minutes. With 20 a week each fits alone but three do
// not fit together; with 5 a week none fits alone.
func TestBudgetReasons(t *testing.T) {
	for _, c := range []struct {
		budget, weeks, want string
	}{
		{"20", "1", "the sessions fit one by one, but every way of attending needs at least 30 unpaid min a week at work (Office allows 20)"},
		// over a 2-week rotation the figure is still a week's
		{"20", "2", "the sessions fit one by one, but every way of attending needs at least 30 unpaid min a week at work (Office allows 20)"},
		{"5", "1", "Mon 17:30-20:30 needs 10 unpaid min at Office. At most 5 min a week can go unpaid"},
		{"5", "2", "week 2 Mon 17:30-20:30 needs 10 unpaid min at Office. At most 5 min a week can go unpaid"},
	} {
		s := edit(t, baseScenario, `"18:00-21:00"`, `"17:30-20:30"`, `"max_unpaid_minutes_per_week": 0`, `"max_unpaid_minutes_per_week": `+c.budget,
			`"version": 1,`, `"version": 1, "cycle_weeks": `+c.weeks+`,`)
		r := solveJSON(t, s, Options{})
		if len(r.Plans) != 0 {
			t.Fatalf("budget %s: want no plan, got %s", c.budget, sessionsText(&r.Plans[0]))
		}
		if got := reasonsOf(r, "Evening"); !strings.Contains(got, c.want) {
			t.Errorf("budget %s: reasons %q, want %q", c.budget, got, c.want)
		}
	}
}
