package planner

import (
	"math/rand"
	"reflect"
	"testing"
)

// TestRelaxKeyIsExact holds trialWeeks' key to its promise: two
// relaxations share a key exactly when their shifts off, new times and
// covers are the same lists. Small random lists make equal pairs common.
func TestRelaxKeyIsExact(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	pick := func() relaxation {
		var r relaxation
		day := func() WeekDay { return WeekDay{Week: 1 + rng.Intn(2), Day: Day(rng.Intn(2))} }
		clock := func() Clock { return Clock{Start: 480 + 5*rng.Intn(2), End: 960} }
		for i := rng.Intn(3); i > 0; i-- {
			r.offs = append(r.offs, offDay{job: rng.Intn(2), at: day(), from: clock()})
		}
		for i := rng.Intn(3); i > 0; i-- {
			r.changes = append(r.changes, changeDay{job: rng.Intn(2), at: day(), from: clock(), to: clock()})
		}
		for i := rng.Intn(3); i > 0; i-- {
			r.covers = append(r.covers, coverDay{com: rng.Intn(2), at: day(), party: []string{"Sister", Someone, "Sis", "ter"}[rng.Intn(4)]})
		}
		return r
	}
	same, differ := 0, 0
	for i := 0; i < 20000; i++ {
		a, b := pick(), pick()
		equal := reflect.DeepEqual(a.offs, b.offs) && reflect.DeepEqual(a.changes, b.changes) && reflect.DeepEqual(a.covers, b.covers)
		if keyed := string(a.appendKey(nil)) == string(b.appendKey(nil)); keyed != equal {
			t.Fatalf("lists equal %v, keys equal %v:\n%+v\n%+v", equal, keyed, a, b)
		}
		if equal {
			same++
		} else {
			differ++
		}
	}
	if same == 0 || differ == 0 {
		t.Fatalf("the random relaxations gave %d equal and %d different pairs; both must occur", same, differ)
	}
}

// TestCompileOnAFrame holds the fix search's trial weeks, compiled on the
// week's places, travel times and rush hours, to the same weeks compiled
// whole: random days off and covers of the office week and of the
// benchmark week.
func TestCompileOnAFrame(t *testing.T) {
	office := scenarioFile(t, "../examples/office.json")
	rng := rand.New(rand.NewSource(11))
	for _, sc := range []*Scenario{office, benchScenario()} {
		base := compile(sc)
		s := newSolver(base, Options{}, nil)
		offs, covers := offDays(sc), coverDays(base)
		for i := 0; i < 40; i++ {
			var r relaxation
			for _, o := range offs {
				if rng.Intn(8) == 0 {
					r.offs = append(r.offs, o)
				}
			}
			for _, c := range covers {
				if rng.Intn(4) == 0 {
					r.covers = append(r.covers, c)
				}
			}
			week := relax(sc, s.groups[rng.Intn(len(s.groups))], r)
			if got, want := compileOn(week, base), compile(week); !reflect.DeepEqual(got, want) {
				t.Fatalf("relaxation %d: the week compiled on a frame differs from the week compiled whole", i)
			}
		}
	}
}
