package planner

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestLocksBindTheirPhase: a lock holds plans in the phase it names
// (SessionRef.Phase) and in no other; a lock no track of its phase offers
// rejects every track of that phase.
func TestLocksBindTheirPhase(t *testing.T) {
	data, err := readPhasedWith(t, `"days": "Wed", "time": "18:00-19:00"`)
	if err != nil {
		t.Fatal(err)
	}
	thu := Clock{Start: 17*60 + 30, End: 21 * 60}
	after := Clock{Start: 18 * 60, End: 19 * 60}
	for _, tt := range []struct {
		name   string
		lock   SessionRef
		want   []string // each plan's aftercare track, best first
		reject string   // a rejection's phase and first reason, when no plan fits
	}{
		{"none", SessionRef{}, []string{"Wednesday", "Thursday"}, ""},
		{"Thursday aftercare", SessionRef{Program: "lakeside", Week: 1, Day: Thu, Time: after, Phase: 1}, []string{"Thursday"}, ""},
		{"Wednesday aftercare", SessionRef{Program: "lakeside", Week: 1, Day: Wed, Time: after, Phase: 1}, []string{"Wednesday"}, ""},
		{"Thursday evening of phase 1", SessionRef{Program: "lakeside", Week: 1, Day: Thu, Time: thu}, []string{"Wednesday", "Thursday"}, ""},
		{"phase 1's session in phase 2", SessionRef{Program: "lakeside", Week: 1, Day: Thu, Time: thu, Phase: 1}, nil,
			"Aftercare: The locked session Thu 17:30-21:00 is not one of this track's sessions."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := ParseScenario(data)
			if err != nil {
				t.Fatal(err)
			}
			opt := Options{}
			if tt.lock.Program != "" {
				opt.Require = []SessionRef{tt.lock}
			}
			res, err := Solve(sc, opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range res.Plans {
				got = append(got, p.Phases[1].Plan.Track)
				if p.Phases[0].Plan.Track != "Evening" {
					t.Errorf("phase 1 of a plan is %s, want Evening", p.Phases[0].Plan.Track)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("aftercare tracks %v, want %v", got, tt.want)
			}
			if tt.reject != "" {
				found := false
				for _, r := range res.Rejected {
					found = found || (len(r.Reasons) > 0 && r.Phase+": "+r.Reasons[0] == tt.reject)
				}
				if !found {
					t.Errorf("no rejection %q in %+v", tt.reject, res.Rejected)
				}
			}
		})
	}
}

// readPhasedWith reads the evening-then-aftercare week with its Wednesday
// aftercare at the time given, so that both aftercare tracks fit.
func readPhasedWith(t *testing.T, wed string) ([]byte, error) {
	t.Helper()
	data, err := os.ReadFile("testdata/phases/evening-aftercare.json")
	if err != nil {
		return nil, err
	}
	return []byte(strings.Replace(string(data), `"days": "Wed", "time": "10:00-11:00"`, wed, 1)), nil
}
