package planner

import (
	"context"
	"testing"
	"time"
)

// BenchmarkSolveTiedRotation8 is the worst tied week of issue 9: an 8-week
// rotation of a day job and a virtual evening program, top 10. Every week
// offers ten equally good choices, so there are 10^8 tied plans; before the
// k-best merge this ran out of memory.
func BenchmarkSolveTiedRotation8(b *testing.B) {
	sc := hostile(b, "tied-rotation-8.json")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		res, err := Solve(sc, Options{Top: 10})
		if err != nil || len(res.Plans) != 10 || res.Incomplete != "" {
			b.Fatalf("%v: %d plans, %q", err, len(res.Plans), res.Incomplete)
		}
	}
}

// BenchmarkSolveWideFlexBudget is ten tracks of wide flex with no time at
// home, which no search finishes: what a 100 ms budget really costs.
func BenchmarkSolveWideFlexBudget(b *testing.B) {
	sc := hostile(b, "ten-tracks-wide-flex.json")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		res, err := Solve(sc, Options{Context: ctx})
		cancel()
		if err != nil || res.Incomplete == "" {
			b.Fatalf("%v: %q", err, res.Incomplete)
		}
	}
}
