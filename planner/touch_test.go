package planner

import (
	"fmt"
	"testing"
)

// These tests pin the rules that the solver and the brute-force comparison
// share, with figures worked out by hand from the README, so that a wrong
// shared rule cannot pass both: a stretched leg is rounded up (not to the
// nearest minute), and sleep and commitments without a place are half-open
// like everything else.

// TestRushStretchRoundsUpNotToNearest uses stretches whose fraction is not a
// half minute: 21 x 1.3 = 27.3 takes 28 min (nearest: 27), 22 x 1.7 = 37.4
// takes 38 (nearest: 37).
func TestRushStretchRoundsUpNotToNearest(t *testing.T) {
	s := `{"version": 1, "places": {"clinic": "Clinic"}, "travel": [{"from": "home", "to": "clinic", "minutes": %d}],
  "rush_hours": [{"days": "Mon", "time": "16:00-18:00", "factor": %s}],
  "programs": [{"id": "p", "place": "clinic", "min_days": 1, "tracks": [{"name": "T", "sessions": [{"days": "Mon", "time": "13:00-16:30"}]}]}]}`
	for _, c := range []struct {
		base   int
		factor string
		travel int // there at the base time, back stretched
	}{
		{21, "1.3", 21 + 28},
		{22, "1.7", 22 + 38},
		{20, "1.3", 20 + 26}, // exactly 26: no rounding at all
	} {
		p := firstPlan(t, solveJSON(t, fmt.Sprintf(s, c.base, c.factor), Options{}))
		if p.TravelMinutes != c.travel || p.AddedTravel != c.travel {
			t.Errorf("%d min x %s: travel %d (added %d), want %d", c.base, c.factor, p.TravelMinutes, p.AddedTravel, c.travel)
		}
	}
}

// TestTripHomeTouchesSleep: a session ending 22:35 and a 25-min trip home
// arrive at 23:00 as sleep starts: that touches and fits. A minute later it
// cuts into sleep.
func TestTripHomeTouchesSleep(t *testing.T) {
	s := `{"version": 1, "arrive_early_minutes": 0, "places": {"clinic": "Clinic"}, "travel": [{"from": "home", "to": "clinic", "minutes": 25}],
  "sleep": [{"days": "Mon-Sun", "time": "23:00-06:30"}],
  "programs": [{"id": "p", "place": "clinic", "min_days": 1, "tracks": [{"name": "T", "sessions": [{"days": "Wed", "time": "%s"}]}]}]}`
	p := firstPlan(t, solveJSON(t, fmt.Sprintf(s, "19:35-22:35"), Options{}))
	if p.LatestHome != 23*60 || p.TravelMinutes != 50 {
		t.Fatalf("home at %s with %d min travel, want 23:00 and 50", FormatClock(p.LatestHome), p.TravelMinutes)
	}
	if res := solveJSON(t, fmt.Sprintf(s, "19:36-22:36"), Options{}); len(res.Plans) != 0 {
		t.Fatalf("home at 23:01 cuts into sleep, yet a plan: %+v", res.Plans[0])
	}
	// the morning side: sleep ends 06:30 and the trip leaves then
	p = firstPlan(t, solveJSON(t, fmt.Sprintf(s, "06:55-09:00"), Options{}))
	if p.TravelMinutes != 50 {
		t.Fatalf("travel %d, want 50", p.TravelMinutes)
	}
	if res := solveJSON(t, fmt.Sprintf(s, "06:54-09:00"), Options{}); len(res.Plans) != 0 {
		t.Fatalf("leaving at 06:29 cuts into sleep, yet a plan: %+v", res.Plans[0])
	}
}

// TestPlacelessBlockTouchesBothEnds: a duty without a place from 16:20 to
// 18:40. On Monday the trip home after a 14:00-16:00 session arrives 16:20 as
// the duty starts; on Tuesday the trip to a 19:00 session leaves at 18:40 as
// it ends. A virtual session on Wednesday ends as the duty starts. All touch.
func TestPlacelessBlockTouchesBothEnds(t *testing.T) {
	s := `{"version": 1, "arrive_early_minutes": 0, "places": {"clinic": "Clinic"}, "travel": [{"from": "home", "to": "clinic", "minutes": 20}],
  "commitments": [{"name": "Calls", "days": "Mon-Wed", "time": "16:20-18:40"}],
  "programs": [
    {"id": "p", "place": "clinic", "min_days": 2, "tracks": [{"name": "T", "sessions": [{"days": "Mon", "time": "%s"}, {"days": "Tue", "time": "%s"}]}]},
    {"id": "v", "modality": "virtual", "min_days": 1, "tracks": [{"name": "V", "sessions": [{"days": "Wed", "time": "%s"}]}]}]}`
	res := solveJSON(t, fmt.Sprintf(s, "14:00-16:00", "19:00-21:00", "13:20-16:20"), Options{})
	if len(res.Plans) != 2 || res.Plans[0].Program != "v" || res.Plans[1].Program != "p" || res.Plans[1].TravelMinutes != 80 {
		t.Fatalf("want both programs, touching the duty: %+v (rejected %+v)", res.Plans, res.Rejected)
	}
	for _, c := range [][3]string{
		{"14:01-16:01", "19:00-21:00", "13:21-16:21"}, // home at 16:21; the virtual session ends 16:21
		{"14:00-16:00", "18:59-21:00", "13:21-16:21"}, // leaving at 18:39
	} {
		res := solveJSON(t, fmt.Sprintf(s, c[0], c[1], c[2]), Options{})
		if len(res.Plans) != 0 {
			t.Fatalf("%v overlaps the duty by a minute, yet %+v", c, res.Plans)
		}
	}
}
