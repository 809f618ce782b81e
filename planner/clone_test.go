package planner

import (
	"os"
	"reflect"
	"testing"
)

func TestCloneEqualsAndSharesNothing(t *testing.T) {
	data, err := os.ReadFile("../examples/night-rotation.json")
	if err != nil {
		t.Fatal(err)
	}
	full, err := ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	early := 5
	full.Programs[0].ArriveEarly = &early
	tests := []struct {
		name string
		sc   *Scenario
	}{
		{"nil lists", &Scenario{Name: "empty", CycleWeeks: 1}},
		{"empty lists stay empty", &Scenario{Places: []Place{}, Travel: []Leg{}, Jobs: []Job{}, Commitments: []Commitment{},
			Support: []Support{}, Sleep: []Span{}, Programs: []Program{{ID: "p", Tracks: []Track{}}}, Catalog: []string{}}},
		{"a full rotation", full},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.sc.Clone()
			if !reflect.DeepEqual(c, tc.sc) {
				t.Fatalf("the clone differs:\n%+v\n%+v", c, tc.sc)
			}
			before := tc.sc.Clone()
			scribble(c)
			if !reflect.DeepEqual(before, tc.sc) {
				t.Error("changing the clone changed the original")
			}
		})
	}
}

// scribble changes every element of every list a scenario holds, in place.
func scribble(sc *Scenario) {
	for i := range sc.Places {
		sc.Places[i].Name += "!"
	}
	for i := range sc.Travel {
		sc.Travel[i].Minutes++
	}
	for i := range sc.Jobs {
		for k := range sc.Jobs[i].Shifts {
			sc.Jobs[i].Shifts[k].Time.Start++
			for w := range sc.Jobs[i].Shifts[k].Weeks {
				sc.Jobs[i].Shifts[k].Weeks[w]++
			}
		}
	}
	for i := range sc.Commitments {
		sc.Commitments[i].Name += "!"
	}
	for i := range sc.Support {
		for k := range sc.Support[i].Covers {
			sc.Support[i].Covers[k] += "!"
		}
	}
	for i := range sc.Programs {
		if sc.Programs[i].ArriveEarly != nil {
			*sc.Programs[i].ArriveEarly++
		}
		for k := range sc.Programs[i].Tracks {
			for j := range sc.Programs[i].Tracks[k].Sessions {
				sc.Programs[i].Tracks[k].Sessions[j].Time.End++
			}
		}
	}
	for i := range sc.Catalog {
		sc.Catalog[i] += "!"
	}
}
