package tui

import (
	"fmt"
	"strings"
	"testing"

	"weekfit/planner"
)

// nightRotation is a two-week rotation: nights Sun-Thu in week 1, days in
// week 2, so week 1's Sunday night runs into week 2's Monday morning and week
// 2's Sunday into week 1's Monday.
const nightRotation = `{
  "version": 1, "name": "Nights", "cycle_weeks": 2,
  "places": {"home": "Home", "plant": "Plant", "clinic": "Clinic"},
  "travel": [{"from": "home", "to": "plant", "minutes": 20}, {"from": "home", "to": "clinic", "minutes": 15},
             {"from": "plant", "to": "clinic", "minutes": 25}],
  "jobs": [{"name": "Plant", "place": "plant",
    "shifts": [{"days": "Sun-Thu", "time": "22:00-06:00", "weeks": [1]},
               {"days": "Mon-Fri", "time": "07:00-15:00", "weeks": [2]}],
    "flex": {"start_earlier": 0, "start_later": 0, "end_earlier": 0, "end_later": 0}}],
  "sleep": [{"days": "Mon-Fri", "time": "08:00-15:00", "weeks": [1]},
            {"days": "daily", "time": "22:30-05:30", "weeks": [2]}],
  "programs": [{"id": "p", "name": "Hope IOP", "place": "clinic", "modality": "in-person",
    "min_days": 3, "min_hours": 9, "mix_tracks": false,
    "tracks": [{"name": "Evening", "sessions": [{"days": "Mon,Tue,Thu", "time": "17:00-20:00"}]}]}]
}`

func TestOvernightAndRotationWrap(t *testing.T) {
	sc, err := planner.ParseScenario([]byte(nightRotation))
	if err != nil {
		t.Fatal(err)
	}
	st := newFakeStore()
	if _, err := st.NewProfile("N", sc); err != nil {
		t.Fatal(err)
	}
	m := started(t, st, 120, 40)
	g := &m.week.grid
	if g.weeks != 2 {
		t.Fatalf("weeks = %d", g.weeks)
	}
	// Week 1 Monday 03:00: week 2's Sunday night's sleep (the cycle wraps).
	if c := g.cellAt(0, 3*60/zoomOf(g.zoom)); c.Block < 0 || g.blocks[c.Block].Kind != planner.KindSleep {
		t.Errorf("week 1 Mon 03:00 is not the sleep from week 2's Sunday: %+v", c)
	}
	// Week 1 Tuesday 03:00: Monday night's shift runs into Tuesday's column.
	if c := g.cellAt(1, 3*60/zoomOf(g.zoom)); c.Block < 0 || g.blocks[c.Block].Kind != planner.KindJob {
		t.Errorf("week 1 Tue 03:00 is not Monday night's shift: %+v", c)
	}
	m = typeKeys(m, "]")
	if g := m.week.grid; g.week != 1 || !strings.Contains(view(m), "week 2 of 2") {
		t.Fatalf("] did not show week 2:\n%s", view(m))
	}
	if !strings.Contains(view(typeKeys(m, "2")), "wk1 Mon Tue Thu | wk2 Mon Tue Thu") {
		t.Errorf("plan line does not give each week's days:\n%s", view(typeKeys(m, "2")))
	}
	// Week 2 Monday 03:00: week 1's Sunday night shift.
	g = &m.week.grid
	if c := g.cellAt(0, 3*60/zoomOf(g.zoom)); c.Block < 0 || g.blocks[c.Block].Kind != planner.KindJob {
		t.Errorf("week 2 Mon 03:00 is not week 1's Sunday night shift: %+v", c)
	}
}

func TestShortNightsAcrossTheWrap(t *testing.T) {
	const cycle = planner.MinutesPerWeek
	sleep := planner.Block{Start: cycle - 60, End: cycle + 6*60, Kind: planner.KindSleep} // Sun 23:00 to Mon 06:00
	job := planner.Block{Start: 5 * 60, End: 13 * 60, Kind: planner.KindJob}              // Mon 05:00
	if n := shortNights([]planner.Block{sleep, job}, cycle); n != 1 {
		t.Errorf("short nights = %d, want 1", n)
	}
	job.Start, job.End = 7*60, 15*60
	if n := shortNights([]planner.Block{sleep, job}, cycle); n != 0 {
		t.Errorf("short nights = %d, want 0", n)
	}
}

// TestRotationWeekKeys steps through a 3-week rotation, where next and
// previous land on different weeks (on a 2-week cycle they do not, and a
// swap of [ and ] would pass).
func TestRotationWeekKeys(t *testing.T) {
	src := strings.Replace(nightRotation, `"cycle_weeks": 2`, `"cycle_weeks": 3`, 1)
	sc, err := planner.ParseScenario([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	st := newFakeStore()
	if _, err := st.NewProfile("N", sc); err != nil {
		t.Fatal(err)
	}
	m := started(t, st, 120, 40)
	for _, c := range []struct {
		key  string
		week int
	}{{"]", 2}, {"]", 3}, {"]", 1}, {"[", 3}, {"[", 2}, {"[", 1}} {
		m = typeKeys(m, c.key)
		want := fmt.Sprintf("week %d of 3", c.week)
		if m.week.grid.week != c.week-1 || !strings.Contains(view(m), want) {
			t.Fatalf("after %s: grid week %d, want %q:\n%s", c.key, m.week.grid.week+1, want, view(m))
		}
	}
}
