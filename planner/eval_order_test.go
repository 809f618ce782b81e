package planner

import (
	"math/rand"
	"slices"
	"testing"
)

// TestVisitsInStartOrder holds visitsInto's merge of a few sessions into
// the week's items to a plain sort of all of them, with and without bends
// that move shifts out of order, and with more sessions than it merges.
func TestVisitsInStartOrder(t *testing.T) {
	m := compile(benchScenario())
	s := newSolver(m, Options{}, nil)
	rng := rand.New(rand.NewSource(3))
	for trial := 0; trial < 300; trial++ {
		cands := s.cands[rng.Intn(len(s.cands))]
		var sel []item
		for n := rng.Intn(20); n > 0; n-- {
			sel = append(sel, cands[rng.Intn(len(cands))])
		}
		sel = slices.CompactFunc(sel, func(a, b item) bool { return a.id == b.id })
		var bends []bend
		if rng.Intn(2) == 0 {
			bends = make([]bend, len(m.items))
			for i := range bends {
				if m.items[i].kind == kShift && rng.Intn(3) == 0 {
					bends[i] = bend{ds: 5 * (rng.Intn(25) - 12), de: 5 * (rng.Intn(25) - 12)}
				}
			}
		}
		lap := rng.Intn(3) - 1
		got := m.visitsInto(nil, sel, bends, nil, lap)
		// every item and session once, at its start, sorted on its own
		off := lap * m.L
		var want [][2]int
		for i := range m.items {
			var b bend
			if bends != nil {
				b = bends[i]
			}
			want = append(want, [2]int{m.items[i].start + b.ds + off, m.items[i].id})
		}
		for i := range sel {
			want = append(want, [2]int{sel[i].start + off, sel[i].id})
		}
		slices.SortFunc(want, func(a, b [2]int) int { return slices.Compare(a[:], b[:]) })
		have := make([][2]int, len(got))
		for i, v := range got {
			have[i] = [2]int{v.s, v.id}
		}
		if !slices.Equal(have, want) {
			t.Fatalf("trial %d (%d sessions, bends %v): the visits are not every item and session in start order", trial, len(sel), bends != nil)
		}
	}
}

// TestTimelineOfAResultConcurrently lays a result's best plan out from
// several goroutines at once, as a program showing one result in more than
// one place may; run with -race, it fails if the layout writes to the week
// the solve compiled.
func TestTimelineOfAResultConcurrently(t *testing.T) {
	sc := benchScenario()
	res, err := Solve(sc, Options{Top: 1})
	if err != nil || len(res.Plans) == 0 {
		t.Fatalf("no plan: %v", err)
	}
	want := res.Timeline(sc, &res.Plans[0])
	done := make(chan []Block)
	for g := 0; g < 4; g++ {
		go func() { done <- res.Timeline(sc, &res.Plans[0]) }()
	}
	for g := 0; g < 4; g++ {
		if got := <-done; !slices.Equal(got, want) {
			t.Fatal("a layout made beside others differs from one made alone")
		}
	}
}
