package planner

import (
	"testing"
)

// twoJobs is a week with two jobs, for the job labels.
func twoJobs() *Scenario {
	return &Scenario{CycleWeeks: 1, Jobs: []Job{{Name: "Cafe"}, {Name: "Shop"}},
		Programs: []Program{{ID: "p", Name: "Hope IOP", Weeks: 1, Tracks: []Track{{Name: "Evening"}}}}}
}

func TestJobLabel(t *testing.T) {
	two, one := twoJobs(), &Scenario{Jobs: []Job{{Name: "Cafe"}}}
	for _, c := range []struct {
		sc    *Scenario
		job   string
		names bool
		want  string
	}{
		{two, "Shop", true, "Shop"},
		{two, "Cafe", false, "Work 1"},
		{two, "Shop", false, "Work 2"},
		{two, "Gone", false, "Work"},
		{one, "Cafe", false, "Work"},
	} {
		if got := JobLabel(c.sc, c.job, c.names); got != c.want {
			t.Errorf("JobLabel(%s, names %v) = %q, want %q", c.job, c.names, got, c.want)
		}
	}
}

func TestPlaceNameAndProgramIndex(t *testing.T) {
	sc := &Scenario{Places: []Place{{ID: "c", Name: "Clinic"}, {ID: "w"}}, Programs: []Program{{ID: "a"}, {ID: "b"}}}
	for id, want := range map[string]string{"c": "Clinic", "w": "w", Home: "Home", "x": "x"} {
		if got := sc.PlaceName(id); got != want {
			t.Errorf("PlaceName(%q) = %q, want %q", id, got, want)
		}
	}
	for id, want := range map[string]int{"a": 0, "b": 1, "z": -1} {
		if got := sc.ProgramIndex(id); got != want {
			t.Errorf("ProgramIndex(%q) = %d, want %d", id, got, want)
		}
	}
}
