package planner

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestResultTimeline checks that a result lays out its plans as Timeline
// does: on the week the solve compiled when given the scenario it was solved
// from, and on the scenario given when that is another one (here a copy with
// other names, as discreet mode makes).
func TestResultTimeline(t *testing.T) {
	for _, file := range []string{"../examples/office.json", "../examples/night-rotation.json", "../testdata/bench-40-programs.json"} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sc, err := ParseScenario(data)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Solve(sc, Options{Top: 3})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Plans) == 0 {
				t.Fatal("no plan fits")
			}
			renamed := sc.Clone()
			for i := range renamed.Jobs {
				renamed.Jobs[i].Name = "Job " + string(rune('A'+i%26))
			}
			for i := range renamed.Places {
				renamed.Places[i].Name = "Place " + string(rune('A'+i%26))
			}
			plans := []*Plan{nil}
			for i := range res.Plans {
				plans = append(plans, &res.Plans[i])
			}
			for i, p := range plans {
				if got, want := res.Timeline(sc, p), Timeline(sc, p); !reflect.DeepEqual(got, want) {
					t.Fatalf("plan %d: the result's timeline differs from Timeline:\n%v\n%v", i, got, want)
				}
				got, want := res.Timeline(renamed, p), Timeline(renamed, p)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("plan %d on a renamed copy: the result's timeline differs from Timeline:\n%v\n%v", i, got, want)
				}
				if reflect.DeepEqual(got, res.Timeline(sc, p)) {
					t.Fatalf("plan %d: the renamed copy's timeline has the names of the week solved", i)
				}
			}
			var none *Result
			if got, want := none.Timeline(sc, plans[1]), Timeline(sc, plans[1]); !reflect.DeepEqual(got, want) {
				t.Fatal("a nil result's timeline differs from Timeline")
			}
		})
	}
}

// BenchmarkResultTimeline40Programs lays out the best plan of the 40-program
// week from its result (what the TUI does after each solve), against
// BenchmarkTimeline40Programs, which compiles the week again.
func BenchmarkResultTimeline40Programs(b *testing.B) {
	sc, res := benchTimelineWeek(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = res.Timeline(sc, &res.Plans[0])
	}
}

// BenchmarkTimeline40Programs is Timeline of the best plan of the 40-program week.
func BenchmarkTimeline40Programs(b *testing.B) {
	sc, res := benchTimelineWeek(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = Timeline(sc, &res.Plans[0])
	}
}

func benchTimelineWeek(b *testing.B) (*Scenario, *Result) {
	b.Helper()
	data, err := os.ReadFile("../testdata/bench-40-programs.json")
	if err != nil {
		b.Fatal(err)
	}
	sc, err := ParseScenario(data)
	if err != nil {
		b.Fatal(err)
	}
	res, err := Solve(sc, Options{Top: 10})
	if err != nil || len(res.Plans) == 0 {
		b.Fatalf("solve: %v, %d plans", err, len(res.Plans))
	}
	return sc, res
}
