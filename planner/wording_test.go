package planner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReasonsAreSentences solves the example weeks and checks every reason
// a track does not fit: no "0 min", no "day(s)", and no two reasons run
// together with ";".
func TestReasonsAreSentences(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.json")
	files = append(files, "../tui/testdata/lakeside.json", "../tui/testdata/mixed.json")
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sc, err := ParseScenario(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, edit := range []func(*Scenario){
			func(*Scenario) {},
			func(sc *Scenario) { // one day fewer than any program needs
				for i := range sc.Programs {
					sc.Programs[i].MinDays = 5
				}
			},
			func(sc *Scenario) { // no flex at all
				for i := range sc.Jobs {
					sc.Jobs[i].Flex, sc.Jobs[i].MaxUnpaid = Flex{}, 0
				}
			},
		} {
			c := sc.Clone()
			edit(c)
			res, err := Solve(c, Options{})
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, rj := range res.Rejected {
				for _, r := range rj.Reasons {
					n++
					for _, bad := range []string{" 0 min", "day(s)", ";"} {
						if strings.Contains(r, bad) {
							t.Errorf("%s, %s %s: %q holds %q", f, rj.Program, rj.Track, r, bad)
						}
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no reasons to check")
	}
}
