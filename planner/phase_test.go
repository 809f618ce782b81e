package planner

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// phasedFile reads the evening-then-aftercare week as a generic JSON object,
// for tests that change one field of it.
func phasedFile(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile("testdata/phases/evening-aftercare.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func parseMap(t *testing.T, m map[string]any) (*Scenario, error) {
	t.Helper()
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return ParseScenario(data)
}

func program0(m map[string]any) map[string]any {
	return m["programs"].([]any)[0].(map[string]any)
}

func phase(m map[string]any, i int) map[string]any {
	return program0(m)["phases"].([]any)[i].(map[string]any)
}

func TestPhaseFieldsRejected(t *testing.T) {
	cases := []struct {
		name   string
		change func(m map[string]any)
		want   string
	}{
		{"start not a date", func(m map[string]any) { m["start"] = "2027-13-01" }, `start: "2027-13-01": not a date; write it as YYYY-MM-DD`},
		{"start in words", func(m map[string]any) { m["start"] = "next monday" }, `start: "next monday": not a date`},
		{"closed not a date", func(m map[string]any) { program0(m)["closed"] = []any{"2027-11-25", "25/12/2027"} },
			`programs[0].closed[1]: "25/12/2027": not a date`},
		{"phase of zero weeks", func(m map[string]any) { phase(m, 1)["weeks"] = 0 }, `programs[0].phases[1].weeks: "0": must be from 1 to 104`},
		{"phase without weeks", func(m map[string]any) { delete(phase(m, 0), "weeks") }, `programs[0].phases[0].weeks: "0": must be from 1`},
		{"phase without a name", func(m map[string]any) { phase(m, 0)["name"] = " " }, `programs[0].phases[0].name: missing; name the phase`},
		{"two phases of one name", func(m map[string]any) { phase(m, 1)["name"] = "intensive" }, `programs[0].phases[1].name: "intensive": another phase`},
		{"phases longer than the program", func(m map[string]any) { program0(m)["weeks"] = 12 }, `programs[0].weeks: "12": the phases last 18 weeks together`},
		{"phase min_days", func(m map[string]any) { phase(m, 1)["min_days"] = 8 }, `programs[0].phases[1].min_days: "8": must be from 0 to 7`},
		{"phase min_hours", func(m map[string]any) { phase(m, 1)["min_hours"] = -1 }, `programs[0].phases[1].min_hours: "-1": must be from 0 to 168`},
		{"phase with an empty track list", func(m map[string]any) { phase(m, 1)["tracks"] = []any{} }, `programs[0].phases[1].tracks: the phase lists no tracks`},
		{"phase track named mixed", func(m map[string]any) {
			phase(m, 1)["tracks"].([]any)[0].(map[string]any)["name"] = "mixed"
		}, `programs[0].phases[1].tracks[0].name: "mixed": "mixed" is kept`},
		{"phase session time", func(m map[string]any) {
			phase(m, 1)["tracks"].([]any)[0].(map[string]any)["sessions"].([]any)[0].(map[string]any)["time"] = "25:00-26:00"
		}, `programs[0].phases[1].tracks[0].sessions[0].time: "25:00-26:00"`},
		{"increment over an hour", func(m map[string]any) { m["leave"] = map[string]any{"increment_minutes": 90} },
			`leave.increment_minutes: "90": must be from 1 to 60 minutes: leave is counted in steps of at most one hour (29 CFR 825.205)`},
		{"increment of zero", func(m map[string]any) { m["leave"] = map[string]any{"increment_minutes": 0} }, `leave.increment_minutes: "0": must be from 1 to 60`},
		{"usual hours of zero", func(m map[string]any) { m["leave"] = map[string]any{"usual_weekly_hours": 0} }, `leave.usual_weekly_hours: "0": must be above 0`},
		{"entitlement below zero", func(m map[string]any) { m["leave"] = map[string]any{"entitlement_hours": -8} }, `leave.entitlement_hours: "-8": must be above 0`},
		{"used hours below zero", func(m map[string]any) { m["leave"] = map[string]any{"used_hours": -1} }, `leave.used_hours: "-1": must be from 0`},
		{"unknown leave field", func(m map[string]any) { m["leave"] = map[string]any{"hours": 3} }, `leave.hours: unknown field`},
		{"unknown phase field", func(m map[string]any) { phase(m, 0)["length"] = 3 }, `programs[0].phases[0].length: unknown field`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := phasedFile(t)
			c.change(m)
			_, err := parseMap(t, m)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
		})
	}
}

func TestPhaseFieldsRoundTrip(t *testing.T) {
	m := phasedFile(t)
	m["leave"] = map[string]any{"increment_minutes": 15, "usual_weekly_hours": 40, "entitlement_hours": 480, "used_hours": 24}
	phase(m, 0)["mix_tracks"] = false
	sc, err := parseMap(t, m)
	if err != nil {
		t.Fatal(err)
	}
	p := &sc.Programs[0]
	if len(p.Phases) != 2 || p.Phases[0].Tracks != nil || len(p.Phases[1].Tracks) != 2 || *p.Phases[1].MinMinutes != 60 ||
		p.Phases[0].MinDays != nil || len(p.Closed) != 5 || !sc.Start.Equal(time.Date(2027, 10, 25, 0, 0, 0, 0, time.UTC)) ||
		sc.Leave.IncrementMinutes != 15 || *sc.Leave.EntitlementHours != 480 || sc.Leave.UsedHours != 24 {
		t.Fatalf("read %+v; leave %+v", p.Phases, sc.Leave)
	}
	data, err := MarshalScenario(sc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseScenario(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if !reflect.DeepEqual(sc, back) {
		t.Fatalf("the scenario changed on the way through MarshalScenario:\n%s", data)
	}
	cl := sc.Clone()
	if !reflect.DeepEqual(sc, cl) {
		t.Fatal("the clone differs")
	}
	*cl.Programs[0].Phases[1].MinMinutes = 5
	cl.Programs[0].Phases[1].Tracks[0].Name = "X"
	cl.Programs[0].Closed[0] = time.Time{}
	*cl.Leave.UsualWeeklyHours = 1
	if !reflect.DeepEqual(sc, back) {
		t.Fatal("changing the clone changed the scenario")
	}
}

func TestPhaseDefaults(t *testing.T) {
	sc, err := parseMap(t, phasedFile(t))
	if err != nil {
		t.Fatal(err)
	}
	p := &sc.Programs[0]
	ph := p.PhaseList()
	if p.TotalWeeks() != 18 || ph[0].Name != "Intensive" || *ph[0].MinDays != 3 || *ph[0].MinMinutes != 540 ||
		len(ph[0].Tracks) != 2 || *ph[1].MinDays != 1 || ph[1].Tracks[1].Name != "Thursday" || *ph[1].MixTracks {
		t.Fatalf("phases %+v", ph)
	}
	inc, usual, ent, used := sc.leaveRules()
	if inc != 60 || usual != 5*510 || ent != 12*5*510 || used != 0 {
		t.Fatalf("leave rules %d %d %d %d, want 60, the 42.5 h of the shifts, 12 times that, 0", inc, usual, ent, used)
	}
	plain := Program{Weeks: 0, Tracks: p.Tracks}
	if plain.TotalWeeks() != DefaultProgramWeeks || plain.PhaseList()[0].Name != AllWeeksPhase {
		t.Fatalf("a program without phases: %d weeks, %+v", plain.TotalWeeks(), plain.PhaseList())
	}
	today := time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC) // a Tuesday
	sc.Start = time.Time{}
	if got := sc.StartDate(today); !got.Equal(time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("start without one given: %v, want the Monday after today", got)
	}
}
