package tui

import (
	"strings"
	"testing"

	"weekfit/planner"
)

// prefsWeek has an Early track that arrives with no slack but is home at
// 20:55 and a Late track with an hour to spare, home at 21:55: the default
// order puts Early first, a weight on slack puts Late first.
const prefsWeek = `{
  "version": 1, "name": "Prefs", "arrive_early_minutes": 10,
  "places": {"home": "Home", "work": "Office", "clinic": "Clinic"},
  "travel": [{"from": "home", "to": "work", "minutes": 30}, {"from": "work", "to": "clinic", "minutes": 20},
    {"from": "home", "to": "clinic", "minutes": 25}],
  "jobs": [{"name": "Office", "place": "work", "shifts": [{"days": "Mon-Sat", "time": "09:00-17:00"}]}],
  "sleep": [{"days": "daily", "time": "23:00-06:30"}],
  "programs": [{"id": "clinic", "name": "Clinic", "place": "clinic", "min_days": 1, "min_hours": 3,
    "tracks": [{"name": "Early", "sessions": [{"days": "Mon", "time": "17:30-20:30"}]},
               {"name": "Late", "sessions": [{"days": "Mon", "time": "18:30-21:30"}]}]}]
}`

func TestPlansPreferencesForm(t *testing.T) {
	sc, err := planner.ParseScenario([]byte(prefsWeek))
	if err != nil {
		t.Fatal(err)
	}
	st := newFakeStore()
	prof, err := st.NewProfile("Alex Doe", sc)
	if err != nil {
		t.Fatal(err)
	}
	m := started(t, st, 120, 40)
	m = typeKeys(m, "2")
	if v := view(m); !strings.Contains(v, "1. Early:") || strings.Contains(v, "What matters most") {
		t.Fatalf("default order should put Early first, form closed:\n%s", v)
	}
	m = typeKeys(m, "p")
	v := view(m)
	for _, want := range []string{"What matters most to you?", "> fewer warnings, more slack", "[..........]  0", "No weights: the plans come in the default order."} {
		if !strings.Contains(v, want) {
			t.Errorf("form lacks %q:\n%s", want, v)
		}
	}
	m = typeKeys(m, "5")
	saved := func() planner.Preferences {
		t.Helper()
		s, err := st.Scenario(prof.ID)
		if err != nil {
			t.Fatal(err)
		}
		return s.Preferences
	}
	if got := saved(); got != (planner.Preferences{Robust: 5}) {
		t.Fatalf("saved preferences %+v, want robust 5", got)
	}
	v = view(m)
	for _, want := range []string{"1. Late:", "2. Early:", "[#####.....]  5", "Ranked by these weights"} {
		if !strings.Contains(v, want) {
			t.Errorf("after robust 5, view lacks %q:\n%s", want, v)
		}
	}
	m = typeKeys(m, "1", "1", "right", "j", "l", "l", "down", "3", "-")
	if got := saved(); got != (planner.Preferences{Robust: 10, HomeEarly: 2, FewerDays: 2}) {
		t.Fatalf("saved preferences %+v, want robust 10, home early 2, fewer days 2", got)
	}
	m = typeKeys(m, "esc")
	if v := view(m); strings.Contains(v, "What matters most") || !strings.Contains(v, "1. Late:") {
		t.Fatalf("esc should close the form and keep the ranking:\n%s", v)
	}
	if m = typeKeys(m, "u"); saved() != (planner.Preferences{Robust: 10, HomeEarly: 2, FewerDays: 3}) {
		t.Fatalf("u should undo the last weight: %+v", saved())
	}
	if m = typeKeys(m, "1"); m.active != scWeek {
		t.Fatalf("with the form closed, 1 should show the week, not set a weight")
	}
}

// TestInterviewKeepsPreferences reopens the interview on a week with a
// preference: the interview does not ask about preferences, but it holds
// the week and its save keeps them.
func TestInterviewKeepsPreferences(t *testing.T) {
	st := storeWith(t, 1)
	m := savedWarehouse(t, st)
	m = typeKeys(m, "2", "p", "5", "esc")
	if sc, _ := st.Scenario(m.d.profile.ID); sc.Preferences.Robust != 5 {
		t.Fatalf("preferences not saved: %+v", sc.Preferences)
	}
	m, _ = typeScript(m, "1", "i")
	if m.active != scIntake || !strings.Contains(view(m), "6 of 6: Review") {
		t.Fatalf("i on a week with preferences did not open the review:\n%s", view(m))
	}
	m, _ = typeScript(m, "4", "enter", "backspace", "backspace", "backspace", "backspace", "backspace", "5:30", "enter", "enter", "enter")
	sc, _ := st.Scenario(m.d.profile.ID)
	if sc.Sleep[0].Time.End != 5*60+30 || sc.Preferences != (planner.Preferences{Robust: 5}) {
		t.Fatalf("after the interview's save: sleep %v, preferences %+v", sc.Sleep[0].Time, sc.Preferences)
	}
}

// TestPlansPreferencesSizeSweep draws Plans with the form open at every size.
func TestPlansPreferencesSizeSweep(t *testing.T) {
	m := typeKeys(started(t, storeWith(t, 1), 120, 40), "2", "p", "j", "7")
	if !strings.Contains(view(m), "What matters most") {
		t.Fatalf("the form is not open:\n%s", view(m))
	}
	sweep(t, m, "2pj7")
}
