package planner

import (
	"context"
	"os"
	"testing"
	"time"
)

// BenchmarkFixes40Programs finds the fixes of every track of the 40-program
// week that does not fit (its cost beside BenchmarkSolve40Programs is the
// issue's target: at most 3x), within the command line's 2 s budget.
func BenchmarkFixes40Programs(b *testing.B) {
	sc := benchScenario()
	rejected := 0
	for i := 0; i < b.N; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		res, err := Solve(sc, Options{Top: 10, Fixes: true, Context: ctx})
		cancel()
		if err != nil {
			b.Fatal(err)
		}
		rejected = len(res.Rejected)
	}
	b.ReportMetric(float64(rejected), "rejected")
}

// BenchmarkFixesOffice is `weekfit solve` of the office example, fixes
// included, in-process (the target: under 2 ms).
func BenchmarkFixesOffice(b *testing.B) {
	data, err := os.ReadFile("../examples/office.json")
	if err != nil {
		b.Fatal(err)
	}
	sc, err := ParseScenario(data)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := Solve(sc, Options{Fixes: true}); err != nil {
			b.Fatal(err)
		}
	}
}
