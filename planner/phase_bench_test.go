package planner

import (
	"os"
	"testing"
)

// BenchmarkSolvePhased: the evening-then-aftercare week, two phases, each
// solved track by track and chained, with its leave worked out.
func BenchmarkSolvePhased(b *testing.B) {
	data, err := os.ReadFile("testdata/phases/evening-aftercare.json")
	if err != nil {
		b.Fatal(err)
	}
	sc, err := ParseScenario(data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Solve(sc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSolve40ProgramsPhased: the 40-program week with every program in
// two phases (its own rules for 4 weeks, then at least one day a week for
// 8), top 10: what solving each phase's groups one by one costs.
func BenchmarkSolve40ProgramsPhased(b *testing.B) {
	sc := benchScenario()
	one := 1
	for i := range sc.Programs {
		sc.Programs[i].Phases = []Phase{{Name: "Intensive", Weeks: 4}, {Name: "Step-down", Weeks: 8, MinDays: &one, MinMinutes: new(int)}}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Solve(sc, Options{Top: 10}); err != nil {
			b.Fatal(err)
		}
	}
}
