package planner

import (
	"errors"
	"strings"
	"testing"
)

func TestParseClock(t *testing.T) {
	cases := []struct {
		in         string
		start, end int
		err        string
	}{
		{"09:00-17:00", 540, 1020, ""},
		{"9am-5pm", 540, 1020, ""},
		{"9:30am-1pm", 570, 780, ""},
		{" 22:00 - 06:00 ", 1320, 360, ""},
		{"12am-6am", 0, 360, ""},
		{"12pm-1pm", 720, 780, ""},
		{"18:00-24:00", 1080, 1440, ""},
		{"00:00-23:59", 0, 1439, ""},
		{"25:00-07:00", 0, 0, "hour out of range"},
		{"24:00-06:00", 0, 0, "only as an end"},
		{"09:00-09:00", 0, 0, "the same"},
		{"9-5", 0, 0, "add am/pm"},
		{"09:60-10:00", 0, 0, "minute out of range"},
		{"9:5-10:00", 0, 0, "two digits"},
		{"13pm-2pm", 0, 0, "hour out of range"},
		{"", 0, 0, "no time given"},
		{"09:00", 0, 0, "a start and an end"},
		{"-09:00", 0, 0, "missing time"},
		{"+9:00-10:00", 0, 0, "not a time"},
	}
	for _, c := range cases {
		got, err := ParseClock(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ParseClock(%q) error %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || got.Start != c.start || got.End != c.end {
			t.Errorf("ParseClock(%q) = %v, %v; want %d-%d", c.in, got, err, c.start, c.end)
		}
	}
}

func TestClockOvernight(t *testing.T) {
	c, _ := ParseClock("22:00-06:00")
	if !c.Overnight() || c.Minutes() != 480 {
		t.Fatalf("22:00-06:00: overnight %v, %d min", c.Overnight(), c.Minutes())
	}
	c, _ = ParseClock("18:00-24:00")
	if c.Overnight() || c.Minutes() != 360 || c.String() != "18:00-24:00" {
		t.Fatalf("18:00-24:00: overnight %v, %d min, %s", c.Overnight(), c.Minutes(), c)
	}
}

func TestParseDays(t *testing.T) {
	cases := []struct {
		in   string
		want string
		err  string
	}{
		{"Mon-Fri", "Mon-Fri", ""},
		{"mon,wed,FRI", "Mon,Wed,Fri", ""},
		{"Sat", "Sat", ""},
		{"daily", "daily", ""},
		{"Monday-Wednesday", "Mon-Wed", ""},
		{"Tuesday, Thursday", "Tue,Thu", ""},
		{"Fri-Mon", "Mon,Fri-Sun", ""},
		{"weekends", "Sat,Sun", ""},
		{"Funday", "", `unknown day "funday"`},
		{"Mon-", "", "unknown day"},
		{"", "", "no days given"},
		{"Mon,,Tue", "", "empty day"},
	}
	for _, c := range cases {
		got, err := ParseDays(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ParseDays(%q) error %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || got.String() != c.want {
			t.Errorf("ParseDays(%q) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
}

const baseScenario = `{
  "version": 1, "name": "T", "arrive_early_minutes": 10,
  "places": {"home": "Home", "work": "Office", "clinic": "Clinic"},
  "travel": [{"from": "home", "to": "work", "minutes": 30}, {"from": "work", "to": "clinic", "minutes": 20}, {"from": "home", "to": "clinic", "minutes": 25}],
  "rush_hours": [{"days": "Mon-Fri", "time": "16:00-18:30", "factor": 1.5}],
  "jobs": [{"name": "Office", "place": "work", "shifts": [{"days": "Mon-Fri", "time": "09:00-17:00"}],
    "flex": {"start_earlier": 0, "start_later": 0, "end_earlier": 60, "end_later": 0}, "max_unpaid_minutes_per_week": 0}],
  "sleep": [{"days": "Mon-Sun", "time": "23:00-06:30"}],
  "programs": [{"id": "riverside", "name": "Riverside", "place": "clinic", "modality": "in-person", "min_days": 3, "min_hours": 9, "mix_tracks": false,
    "tracks": [{"name": "Morning", "sessions": [{"days": "Mon,Wed,Fri", "time": "09:00-12:00"}]},
               {"name": "Evening", "sessions": [{"days": "Mon-Thu", "time": "18:00-21:00"}]}]}]
}`

func TestParseScenarioErrors(t *testing.T) {
	cases := []struct {
		old, new string
		want     string
	}{
		{`"09:00-17:00"`, `"25:00-07:00"`, `jobs[0].shifts[0].time: "25:00-07:00": hour out of range`},
		{`"days": "Mon-Fri", "time": "09:00`, `"days": "Mon-Fry", "time": "09:00`, `jobs[0].shifts[0].days: "Mon-Fry": unknown day "fry"`},
		{`"place": "work", "shifts"`, `"place": "warehouse", "shifts"`, `jobs[0].place: "warehouse": unknown place`},
		{`"minutes": 30}`, `"minutes": -5}`, `travel[0].minutes: "-5": minutes cannot be negative`},
		{`"factor": 1.5`, `"factor": 0.8`, `rush_hours[0].factor: "0.8": must be from 1 to 10`},
		{`"mix_tracks": false,`, `"mix_tracks": false, "colour": "red",`, `programs[0].colour: unknown field`},
		{`"end_earlier": 60`, `"end_earlier": -60`, `jobs[0].flex.end_earlier: "-60"`},
		{`"arrive_early_minutes": 10`, `"arrive_early_minutes": "ten"`, `arrive_early_minutes: must be a whole number`},
		{`"version": 1`, `"version": 2`, `version: "2": unsupported version`},
		{`{"name": "Morning", "sessions": [{"days": "Mon,Wed,Fri", "time": "09:00-12:00"}]},`, `{"name": "Morning", "sessions": []},`, `programs[0].tracks[0].sessions: the track has no sessions`},
		{`"time": "18:00-21:00"`, `"time": "18:00-18:00"`, `programs[0].tracks[1].sessions[0].time: "18:00-18:00": start and end are the same`},
		{`"modality": "in-person"`, `"modality": "online-ish"`, `programs[0].modality: "online-ish"`},
	}
	for _, c := range cases {
		in := strings.Replace(baseScenario, c.old, c.new, 1)
		if in == baseScenario {
			t.Fatalf("test case %q does not change the scenario", c.old)
		}
		_, err := ParseScenario([]byte(in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s -> %s: error %v, want %q", c.old, c.new, err, c.want)
		}
		var ie *InputError
		if err != nil && (!errors.As(err, &ie) || !errors.Is(err, ErrInput)) {
			t.Errorf("%v is not an *InputError", err)
		}
	}
	for _, in := range []string{"", "[]", `{"version": 1}`, `{"version": 1, "programs": []}`, `{"programs": [`, `{"version":1} {}`} {
		if _, err := ParseScenario([]byte(in)); err == nil {
			t.Errorf("ParseScenario(%q) accepted it", in)
		}
	}
}

// TestMarshalRoundTrip checks that every example survives marshal and parse.
func TestMarshalRoundTrip(t *testing.T) {
	for _, sc := range []*Scenario{mustParse(t, baseScenario), benchScenario()} {
		data, err := MarshalScenario(sc)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseScenario(data)
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		again, _ := MarshalScenario(back)
		if string(again) != string(data) {
			t.Fatalf("round trip changed the scenario:\n%s\n%s", data, again)
		}
	}
}

func mustParse(t testing.TB, s string) *Scenario {
	t.Helper()
	sc, err := ParseScenario([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestCheckAgreesWithParse checks Check against a trip through JSON, on the
// examples and on every broken field of the validation table.
func TestCheckAgreesWithParse(t *testing.T) {
	sc := mustParse(t, baseScenario)
	if err := Check(sc); err != nil {
		t.Fatal(err)
	}
	breaks := []func(s *Scenario){
		func(s *Scenario) { s.Jobs[0].Place = "warehouse" },
		func(s *Scenario) { s.Travel[0].Minutes = -5 },
		func(s *Scenario) { s.RushHours[0].Factor = 0.5 },
		func(s *Scenario) { s.Programs[0].Tracks[0].Sessions = nil },
		func(s *Scenario) { s.Programs = nil },
		func(s *Scenario) { s.Jobs[0].Flex.EndEarlier = -1 },
		func(s *Scenario) { s.CycleWeeks = 9 },
		func(s *Scenario) { s.Programs[0].Tracks[1].Name = "Morning" },
	}
	for i, br := range breaks {
		s := mustParse(t, baseScenario)
		br(s)
		data, _ := MarshalScenario(s)
		_, want := ParseScenario(data)
		got := Check(s)
		if want == nil || got == nil || got.Error() != want.Error() {
			t.Errorf("break %d: Check says %v, a trip through JSON says %v", i, got, want)
		}
	}
}
