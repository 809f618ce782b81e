package planner

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// benchScenario builds the benchmark week: a two-week rotation (days,
// then evenings) with flex on every shift, a weekend job, a school pickup with
// a helper, rush hours, and 40 programs at 10 clinics with 3 tracks of 5
// sessions each, half of them letting a plan mix tracks.
func benchScenario() *Scenario {
	sc := &Scenario{Version: 1, Name: "Benchmark: 40 programs", ArriveEarly: 10, CycleWeeks: 2}
	sc.Places = []Place{{Home, "Home"}, {"work", "Plant"}, {"shop", "Shop"}, {"school", "School"}}
	sc.Travel = []Leg{{From: Home, To: "work", Minutes: 25}, {From: Home, To: "shop", Minutes: 15}, {From: Home, To: "school", Minutes: 10},
		{From: "work", To: "school", Minutes: 20}}
	for c := 0; c < 10; c++ {
		id := fmt.Sprintf("clinic%d", c)
		sc.Places = append(sc.Places, Place{id, fmt.Sprintf("Clinic %d", c)})
		sc.Travel = append(sc.Travel, Leg{From: Home, To: id, Minutes: 15 + 3*c}, Leg{From: "work", To: id, Minutes: 10 + 4*c},
			Leg{From: "school", To: id, Minutes: 12 + 2*c})
	}
	sc.RushHours = []Rush{{Days: 0x1f, Time: Clock{6 * 60, 9 * 60}, Factor: 1.4}, {Days: 0x1f, Time: Clock{16 * 60, 19 * 60}, Factor: 1.6}}
	flex := Flex{StartEarlier: 30, StartLater: 30, EndEarlier: 60, EndLater: 30}
	sc.Jobs = []Job{
		{Name: "Plant", Place: "work", Flex: flex, MaxUnpaid: 180, Shifts: []Span{
			{Days: 0x1f, Time: Clock{7 * 60, 15*60 + 30}, Weeks: []int{1}},
			{Days: 0x1f, Time: Clock{14 * 60, 22*60 + 30}, Weeks: []int{2}}}},
		{Name: "Shop", Place: "shop", Flex: Flex{StartEarlier: 15, StartLater: 15, EndEarlier: 30, EndLater: 15}, MaxUnpaid: 60,
			Shifts: []Span{{Days: 1 << Sat, Time: Clock{10 * 60, 16 * 60}}}},
	}
	sc.Commitments = []Commitment{{Name: "School pickup", Span: Span{Days: 0x1f, Time: Clock{15*60 + 15, 15*60 + 45}}, Place: "school"}}
	sc.Support = []Support{{Name: "Helper", Span: Span{Days: 1<<Tue | 1<<Thu, Time: Clock{14 * 60, 19 * 60}}, Covers: []string{"School pickup"}}}
	sc.Sleep = []Span{{Days: AllDays, Time: Clock{23*60 + 30, 6*60 + 15}}}
	starts := [3]int{9 * 60, 13 * 60, 18 * 60}
	for p := 0; p < 40; p++ {
		prog := Program{ID: fmt.Sprintf("p%02d", p), Name: fmt.Sprintf("Program %02d", p), Place: fmt.Sprintf("clinic%d", p%10),
			Modality: InPerson, MinDays: 3, MinMinutes: 9 * 60, MixTracks: p%2 == 1, Weeks: 12}
		if p%8 == 7 {
			prog.Modality, prog.Place = Virtual, ""
		}
		for t, name := range []string{"Morning", "Afternoon", "Evening"} {
			tr := Track{Name: name}
			s := starts[t] + 15*(p%5)
			for d := Mon; d <= Fri; d++ {
				tr.Sessions = append(tr.Sessions, Span{Days: 1 << d, Time: Clock{s, s + 180}})
			}
			prog.Tracks = append(prog.Tracks, tr)
		}
		sc.Programs = append(sc.Programs, prog)
	}
	return sc
}

// TestBenchScenarioFile keeps testdata/bench-40-programs.json, which other
// packages' benchmarks read, in step with benchScenario (-update rewrites it).
func TestBenchScenarioFile(t *testing.T) {
	sc := checkGeneratedFile(t, benchScenario(), "bench-40-programs.json", "BenchScenarioFile")
	res, err := Solve(sc, Options{Top: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Plans) != 10 {
		t.Fatalf("the benchmark week should have at least 10 plans, got %d", len(res.Plans))
	}
}

// BenchmarkSolve40Programs is the target: top 10 in under 20 ms and
// under 10 MB allocated per solve.
func BenchmarkSolve40Programs(b *testing.B) {
	sc := benchScenario()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Solve(sc, Options{Top: 10}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSolveOffice is a plain week: one job, one program.
func BenchmarkSolveOffice(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "examples", "office.json"))
	if err != nil {
		b.Fatal(err)
	}
	sc, err := ParseScenario(data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Solve(sc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// checkGeneratedFile compares testdata/name (at the repository's top) with
// the scenario sc written as JSON, writes it anew with -update, and returns
// the file read back; run names the test that -update goes with.
func checkGeneratedFile(t *testing.T, sc *Scenario, name, run string) *Scenario {
	t.Helper()
	data, err := MarshalScenario(sc)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "testdata", name)
	if *update {
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./planner -run %s -update)", err, run)
	}
	if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(data)) {
		t.Fatalf("%s is stale; run go test ./planner -run %s -update", path, run)
	}
	back, err := ParseScenario(got)
	if err != nil {
		t.Fatal(err)
	}
	return back
}
