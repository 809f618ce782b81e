package planner

import "testing"

// TestTwinKeys checks twinKey against programs changed one rule at a time:
// only a change of id or name leaves the key as it was, so that no track
// is given another's fixes. The last case moves text between a track's
// name and the program's place: each string is kept whole in the key.
func TestTwinKeys(t *testing.T) {
	base := scenarioFile(t, "../examples/office.json")
	five := 5
	cases := []struct {
		name   string
		change func(a, b *Program)
		same   bool
	}{
		{"id and name", func(a, b *Program) { b.ID, b.Name = "twin", "Twin IOP" }, true},
		{"min days", func(a, b *Program) { b.MinDays++ }, false},
		{"min minutes", func(a, b *Program) { b.MinMinutes += 5 }, false},
		{"mix tracks", func(a, b *Program) { b.MixTracks = !b.MixTracks }, false},
		{"arrive early", func(a, b *Program) { b.ArriveEarly = &five }, false},
		{"modality", func(a, b *Program) { b.Modality = Virtual }, false},
		{"a session 5 minutes later", func(a, b *Program) {
			sp := &b.Tracks[0].Sessions[0]
			sp.Time.Start, sp.Time.End = sp.Time.Start+5, sp.Time.End+5
		}, false},
		{"a session in week 1 only", func(a, b *Program) { b.Tracks[0].Sessions[0].Weeks = []int{1} }, false},
		{"a session a day fewer", func(a, b *Program) {
			sp := &b.Tracks[0].Sessions[0]
			sp.Days &^= DaySet(1) << uint(sp.Days.Days()[0])
		}, false},
		{"name and place run together", func(a, b *Program) {
			a.Tracks[0].Name, a.Place = "E|b", "c"
			b.Tracks[0].Name, b.Place = "E", "b|c"
		}, false},
	}
	for _, c := range cases {
		sc := *base
		a, b := cloneProgram(base.Programs[0]), cloneProgram(base.Programs[0])
		b.ID = "other"
		c.change(&a, &b)
		sc.Programs = []Program{a, b}
		s := newSolver(compile(&sc), Options{}, nil)
		first := map[int]string{} // per program, its first group's key
		for gi, g := range s.groups {
			if _, ok := first[g.prog]; ok {
				continue
			}
			key, ok := s.twinKey(gi)
			if !ok {
				t.Fatalf("%s: no key", c.name)
			}
			first[g.prog] = key
		}
		if got := first[0] == first[1]; got != c.same {
			t.Errorf("%s: keys equal %v, want %v", c.name, got, c.same)
		}
	}
}
