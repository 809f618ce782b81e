package planner_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"weekfit/planner"
)

// checksWeek is a small week whose top-level fields the threshold tests add to.
const checksWeek = `{
  "version": 1, "name": "Checks", "arrive_early_minutes": 10,
  "places": {"home": "Home", "work": "Office", "clinic": "Clinic"},
  "travel": [
    {"from": "home", "to": "work", "minutes": 30},
    {"from": "work", "to": "clinic", "minutes": 20},
    {"from": "home", "to": "clinic", "minutes": 25}
  ],
  "jobs": [{"name": "Office", "place": "work",
    "shifts": [{"days": "Mon-Fri", "time": "09:00-17:00"}]}],
  "sleep": [{"days": "daily", "time": "23:00-06:30"}],
  "programs": [{"id": "riverside", "name": "Riverside", "place": "clinic",
    "min_days": 3, "min_hours": 9,
    "tracks": [{"name": "Evening", "sessions": [{"days": "Mon-Thu", "time": "17:30-20:30"}]}]}]EXTRA
}`

func withExtra(extra string) []byte {
	return []byte(strings.Replace(checksWeek, "EXTRA", extra, 1))
}

func TestScenarioLimitsDefaults(t *testing.T) {
	sc, err := planner.ParseScenario(withExtra(""))
	if err != nil {
		t.Fatal(err)
	}
	want := planner.Limits{MinSlack: 10, BadDayFactor: 1.5, MinRestHours: 8, MaxDayHours: 14}
	if got := sc.Limits(); got != want {
		t.Fatalf("defaults %+v, want %+v", got, want)
	}
	if !sc.Preferences.None() {
		t.Fatalf("preferences %+v, want none", sc.Preferences)
	}
}

func TestScenarioLimitsRead(t *testing.T) {
	sc, err := planner.ParseScenario(withExtra(`, "min_slack_minutes": 0, "bad_day_factor": 1.8,
  "min_rest_hours": 7.5, "max_day_hours": 12, "preferences": {"robust": 10, "keep_day_off": 3}`))
	if err != nil {
		t.Fatal(err)
	}
	want := planner.Limits{MinSlack: 0, BadDayFactor: 1.8, MinRestHours: 7.5, MaxDayHours: 12}
	if got := sc.Limits(); got != want {
		t.Fatalf("limits %+v, want %+v", got, want)
	}
	if got := sc.Preferences; got != (planner.Preferences{Robust: 10, KeepDayOff: 3}) {
		t.Fatalf("preferences %+v", got)
	}
	data, err := planner.MarshalScenario(sc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := planner.ParseScenario(data)
	if err != nil {
		t.Fatalf("%v in\n%s", err, data)
	}
	if !reflect.DeepEqual(back, sc) {
		t.Fatalf("round trip changed the scenario:\n%+v\n%+v", back, sc)
	}
	if cl := sc.Clone(); !reflect.DeepEqual(cl, sc) || cl.MinSlack == sc.MinSlack {
		t.Fatalf("clone %+v shares or differs", cl)
	}
	plain, _ := planner.ParseScenario(withExtra(""))
	data, _ = planner.MarshalScenario(plain)
	for _, field := range []string{"min_slack_minutes", "bad_day_factor", "min_rest_hours", "max_day_hours", "preferences"} {
		if strings.Contains(string(data), field) {
			t.Errorf("a week that does not set %s writes it:\n%s", field, data)
		}
	}
}

func TestScenarioLimitsInvalid(t *testing.T) {
	cases := []struct{ extra, want string }{
		{`, "min_slack_minutes": -5`, `min_slack_minutes: "-5": minutes cannot be negative`},
		{`, "min_slack_minutes": 500`, `min_slack_minutes: "500": more than 240 minutes`},
		{`, "min_slack_minutes": 2.5`, `min_slack_minutes: "2.5": must be a whole number`},
		{`, "bad_day_factor": 0.5`, `bad_day_factor: "0.5": must be from 1 to 10`},
		{`, "bad_day_factor": -1`, `bad_day_factor: "-1": must be from 1 to 10`},
		{`, "bad_day_factor": "x"`, `bad_day_factor: must be a number, not text "x"`},
		{`, "min_rest_hours": -1`, `min_rest_hours: "-1": must be from 0 to 24`},
		{`, "min_rest_hours": 25`, `min_rest_hours: "25": must be from 0 to 24`},
		{`, "max_day_hours": 0`, `max_day_hours: "0": must be from 1 to 48`},
		{`, "max_day_hours": 49`, `max_day_hours: "49": must be from 1 to 48`},
		{`, "preferences": {"robust": 11}`, `preferences.robust: "11": a weight must be a whole number from 0`},
		{`, "preferences": {"keep_day_off": -1}`, `preferences.keep_day_off: "-1": a weight must be`},
		{`, "preferences": {"fewer_days": 1.5}`, `preferences.fewer_days: "1.5": must be a whole number`},
		{`, "preferences": {"quick": 1}`, `preferences.quick: unknown field`},
		{`, "preferences": [1]`, `preferences: must be an object`},
	}
	for _, c := range cases {
		_, err := planner.ParseScenario(withExtra(c.extra))
		if err == nil || !errors.Is(err, planner.ErrInput) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.extra, err, c.want)
		}
	}
}

func TestPreferencesWithWeight(t *testing.T) {
	p := planner.Preferences{}.WithWeight(0, 4).WithWeight(4, 12).WithWeight(2, -3)
	if p != (planner.Preferences{Robust: 4, KeepDayOff: 10}) {
		t.Fatalf("%+v", p)
	}
	if p.Weights() != [5]int{4, 0, 0, 0, 10} || p.None() {
		t.Fatalf("weights %v", p.Weights())
	}
}
