package planner

import "testing"

// coversBenchScenario is the 40-program benchmark week with more duties a
// helper may cover: calls with no place and a bedtime at home every day, so
// that the plans choose covers day by day.
func coversBenchScenario() *Scenario {
	sc := benchScenario()
	sc.Commitments = append(sc.Commitments,
		Commitment{Name: "Calls", Span: Span{Days: AllDays, Time: Clock{Start: 18 * 60, End: 18*60 + 30}}},
		Commitment{Name: "Bedtime", Span: Span{Days: AllDays, Time: Clock{Start: 20 * 60, End: 20*60 + 30}}, Place: Home})
	sc.Support = append(sc.Support, Support{Name: "Partner", Span: Span{Days: AllDays, Time: Clock{Start: 17 * 60, End: 21 * 60}},
		Covers: []string{"Calls", "Bedtime"}})
	return sc
}

// TestCoversBenchScenario checks that the benchmark's plans use some of the
// covers and not all of them, so that it measures the choice.
func TestCoversBenchScenario(t *testing.T) {
	sc := coversBenchScenario()
	res, err := Solve(sc, Options{Top: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Plans) != 10 {
		t.Fatalf("%d plans, want 10", len(res.Plans))
	}
	m := compile(sc)
	for _, p := range res.Plans {
		if len(p.Covered) == 0 || len(p.Covered) == len(m.covers) {
			t.Fatalf("plan %s %s uses %d of %d covers: the week does not make plans choose", p.Program, p.Track, len(p.Covered), len(m.covers))
		}
	}
}

// BenchmarkSolve40ProgramsCovers is BenchmarkSolve40Programs with a choice
// of covers every day (issue 13).
func BenchmarkSolve40ProgramsCovers(b *testing.B) {
	sc := coversBenchScenario()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Solve(sc, Options{Top: 10}); err != nil {
			b.Fatal(err)
		}
	}
}
