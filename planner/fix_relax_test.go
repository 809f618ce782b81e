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
