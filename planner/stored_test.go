package planner

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// Stored is the trip through the file format without JSON: on every
// example week, and on a week holding values in another form than the file
// keeps them, it gives what ParseScenario(MarshalScenario(s)) gives.
func TestStoredIsTheTripThroughTheFile(t *testing.T) {
	paths, err := filepath.Glob("../examples/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("examples: %v", err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sc, err := ParseScenario(data)
		if err != nil {
			t.Fatal(err)
		}
		sc.CycleWeeks = 2
		sc.Programs[0].Modality = "Virtual"
		sc.Programs[0].Place = ""
		sc.Jobs[0].Shifts[0].Weeks = []int{1, 2}
		out, err := MarshalScenario(sc)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ParseScenario(out)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Stored(sc)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Stored differs from the trip through the file:\n%+v\n%+v", p, got, want)
		}
		if got.Programs[0].Modality != Virtual || got.Jobs[0].Shifts[0].Weeks != nil {
			t.Errorf("%s: Stored keeps %q and weeks %v, want them as the file reads them", p, got.Programs[0].Modality, got.Jobs[0].Shifts[0].Weeks)
		}
	}
	bad := &Scenario{Name: ""}
	if _, err := Stored(bad); err == nil || err.Error() != Check(bad).Error() {
		t.Errorf("Stored's error %v, Check's %v", err, Check(bad))
	}
}
