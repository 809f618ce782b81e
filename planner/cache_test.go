package planner

import (
	"fmt"
	"math/rand"
	"testing"
)

// TestCacheGivesTheSameAnswer solves random weeks and edited copies of them
// with one shared cache, and checks each answer against a solve without it.
func TestCacheGivesTheSameAnswer(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	cache := NewCache()
	for i := 0; i < 600; i++ {
		sc := randomScenarioOnce(r)
		for edit := 0; edit < 3; edit++ {
			if edit > 0 && len(sc.Jobs) > 0 {
				sh := &sc.Jobs[r.Intn(len(sc.Jobs))].Shifts[0]
				sh.Time.Start = mod(sh.Time.Start+[]int{-30, 15, 60}[r.Intn(3)], MinutesPerDay)
				if sh.Time.Start == mod(sh.Time.End, MinutesPerDay) {
					sh.Time.Start = mod(sh.Time.Start+5, MinutesPerDay)
				}
			}
			with, err := Solve(sc, Options{Top: 4, Cache: cache})
			if err != nil {
				t.Fatal(err)
			}
			without, _ := Solve(sc, Options{Top: 4})
			if a, b := resultSig(with), resultSig(without); a != b {
				data, _ := MarshalScenario(sc)
				t.Fatalf("scenario %d edit %d: with the cache\n%s\nwithout\n%s\n%s", i, edit, a, b, data)
			}
		}
	}
}

func resultSig(r *Result) string {
	s := ""
	for i := range r.Plans {
		p := &r.Plans[i]
		s += fmt.Sprintf("%s %s %v %v %+v\n", p.Program, p.Track, p.key, p.Sessions, p.ShiftChanges)
	}
	for _, rj := range r.Rejected {
		s += fmt.Sprintf("%s %s %v\n", rj.Program, rj.Track, rj.Reasons)
	}
	return s
}

// BenchmarkSolve40ProgramsAfterEdit is a re-solve after one shift changed,
// with the cache of the solve before: what the week grid does on an edit.
func BenchmarkSolve40ProgramsAfterEdit(b *testing.B) {
	sc := benchScenario()
	cache := NewCache()
	if _, err := Solve(sc, Options{Top: 10, Cache: cache}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		sc.Jobs[0].Shifts[0].Time.Start = 7*60 + 5*(i%2)
		if _, err := Solve(sc, Options{Top: 10, Cache: cache}); err != nil {
			b.Fatal(err)
		}
	}
}
