package planner

import (
	"strings"
	"testing"
)

// TestParseScenarioErrorPaths checks that each refusal names the field path
// and says what to do, for the refusals the other parse tests do not reach.
func TestParseScenarioErrorPaths(t *testing.T) {
	cases := []struct {
		edits []string
		want  string
	}{
		{[]string{`{"from": "home", "to": "work", "minutes": 30}`, `{"from": "work", "to": "work", "minutes": 30}`}, `travel[0].to: "work": a leg must join two different places`},
		{[]string{`{"from": "home", "to": "work", "minutes": 30}`, `{"from": "home", "to": "work"}`}, `travel[0].minutes: missing; give the travel time in minutes`},
		{[]string{`{"from": "home", "to": "clinic", "minutes": 25}`, `{"from": "clinic", "to": "work", "minutes": 25}`}, `travel[2]: "clinic to work": the same leg is already given at travel[1]`},
		{[]string{`"jobs"`, `"commitments": [{"name": " ", "days": "Mon", "time": "07:00-08:00"}], "jobs"`}, `commitments[0].name: missing; give the commitment a name`},
		{[]string{`"jobs"`, `"commitments": [{"name": "A", "days": "Mon", "time": "07:00-08:00"}, {"name": "A", "days": "Tue", "time": "07:00-08:00"}], "jobs"`}, `commitments[1].name: "A": another commitment has this name`},
		{[]string{`"jobs"`, `"commitments": [{"name": "A", "days": "Mon", "time": "07:00-08:00"}], "support": [{"name": "", "days": "Mon", "time": "07:00-09:00", "covers": ["A"]}], "jobs"`}, `support[0].name: missing; give the support person a name`},
		{[]string{`"jobs"`, `"commitments": [{"name": "A", "days": "Mon", "time": "07:00-08:00"}], "support": [{"name": "Mom", "days": "Mon", "time": "07:00-09:00"}], "jobs"`}, `support[0].covers: missing; list the commitments this person covers`},
		{[]string{`"name": "Office", "place"`, `"name": "", "place"`}, `jobs[0].name: missing; give the job a name`},
		{[]string{`"shifts": [{"days": "Mon-Fri", "time": "09:00-17:00"}]`, `"shifts": []`}, `jobs[0].shifts: missing; list at least one shift`},
		{[]string{`"id": "riverside"`, `"id": "river side"`}, `programs[0].id: "river side": must be one word`},
		{[]string{`"min_hours": 9`, `"min_hours": 169`}, `programs[0].min_hours: "169": must be from 0 to 168`},
		{[]string{`"min_days": 3,`, `"min_days": 3, "weeks": 105,`}, `programs[0].weeks: "105": must be from 1 to 104`},
		{[]string{`"tracks": [{"name": "Morning", "sessions": [{"days": "Mon,Wed,Fri", "time": "09:00-12:00"}]},
               {"name": "Evening", "sessions": [{"days": "Mon-Thu", "time": "18:00-21:00"}]}]`, `"tracks": []`}, `programs[0].tracks: the program has no tracks`},
		{[]string{`{"name": "Morning",`, `{"name": " ",`}, `programs[0].tracks[0].name: missing; name the track`},
		{[]string{`"programs": [{`, `"programs": [{"id": "riverside", "name": "Twin", "place": "clinic", "min_days": 1, "tracks": [{"name": "T", "sessions": [{"days": "Mon", "time": "09:00-12:00"}]}]}, {`}, `programs[1].id: "riverside": another program has this id`},
		{[]string{`"name": "T",`, `"name": 5,`}, `the number 5`},
		// the offending byte's own column: the quote after "T", the x
		{[]string{`"name": "T",`, `"name": "T"`}, `line 2, column 29: not valid JSON (invalid character '"' after object key:value pair)`},
		{[]string{`  "places"`, `  x"places"`}, `line 3, column 3: not valid JSON (invalid character 'x'`},
	}
	for _, c := range cases {
		in := edit(t, baseScenario, c.edits...)
		_, err := ParseScenario([]byte(in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want %q", c.edits, err, c.want)
		}
	}
}
