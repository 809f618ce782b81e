package planner

import "testing"

// TestReturnHomeAcrossTheWeekBoundary: in a 2-week rotation, a Sunday
// evening session of week 1 leads straight to a night shift and on to a
// Monday morning session of week 2 before the person gets home at 10:20. The
// return home counts for both weeks: week 1's from its Sunday (10:20+1),
// week 2's from its Monday (10:20); the ranking sums them.
func TestReturnHomeAcrossTheWeekBoundary(t *testing.T) {
	s := `{"version": 1, "cycle_weeks": 2, "arrive_early_minutes": 0, "places": {"work": "W", "c": "C"},
  "travel": [{"from": "home", "to": "work", "minutes": 20}, {"from": "home", "to": "c", "minutes": 20}, {"from": "work", "to": "c", "minutes": 10}],
  "jobs": [{"name": "Nights", "place": "work", "shifts": [{"days": "Sun", "time": "23:30-07:30", "weeks": [1]}]}],
  "programs": [{"id": "p", "place": "c", "min_days": 1, "tracks": [{"name": "T", "sessions": [
    {"days": "Sun", "time": "20:00-23:00", "weeks": [1]}, {"days": "Mon", "time": "08:00-10:00", "weeks": [2]}]}]}]}`
	p := firstPlan(t, solveJSON(t, s, Options{}))
	if p.LatestHome != MinutesPerDay+10*60+20 || FormatLatestHome(p.LatestHome) != "10:20+1" {
		t.Errorf("latest home %s, want 10:20+1", FormatLatestHome(p.LatestHome))
	}
	if want := (MinutesPerDay + 10*60 + 20) + (10*60 + 20); p.key.home != want {
		t.Errorf("ranked return home %d, want %d (both weeks)", p.key.home, want)
	}
	sc := mustParse(t, s)
	if o := refEval(sc, 0, []refSession{{track: 0, week: 0, day: Sun, clock: Clock{Start: 20 * 60, End: 23 * 60}}, {track: 0, week: 1, day: Mon, clock: Clock{Start: 8 * 60, End: 10 * 60}}}, nil); !o.ok || o.latest != p.LatestHome || o.homeSum != p.key.home {
		t.Errorf("reference: %+v", o)
	}
}
