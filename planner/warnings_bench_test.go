package planner

import "testing"

// BenchmarkChecks40Programs is the part of BenchmarkSolve40Programs that
// the warnings add: the week without sessions walked once, then each of the
// 10 plans returned checked (Solve does this after ranking).
func BenchmarkChecks40Programs(b *testing.B) {
	sc := benchScenario()
	res, err := Solve(sc, Options{Top: 10, skipChecks: true})
	if err != nil || len(res.Plans) == 0 {
		b.Fatal(err)
	}
	m := compile(sc)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		newChecker(m).fill(res.Plans, nil)
	}
}

// BenchmarkSolve40ProgramsPreferences is the 40-program week ranked by
// preferences: every plan that fits (up to MaxPreferencePlans) is found,
// checked and scored.
func BenchmarkSolve40ProgramsPreferences(b *testing.B) {
	sc := benchScenario()
	sc.Preferences = Preferences{Robust: 5, HomeEarly: 1}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Solve(sc, Options{Top: 10}); err != nil {
			b.Fatal(err)
		}
	}
}
