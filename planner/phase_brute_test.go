package planner

import (
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"testing"
)

// brutePhased is the reference for programs with phases: every plan of every
// group of every phase by the brute force, every chain of them that keeps the
// track where the next phase offers it, ranked by the figures weighted by
// weeks. It returns the keys of the best top chains, nil when there are too
// many chains to list.
func brutePhased(sc *Scenario, top int) []rankKey {
	var keys []rankKey
	for pi := range sc.Programs {
		p := &sc.Programs[pi]
		phases := p.PhaseList()
		type opt struct {
			name string
			key  rankKey
		}
		per := make([][]opt, len(phases))
		for k, ph := range phases {
			sub := sc.phaseScenario(p, ph)
			groups := groupsOf(sub, Options{})
			for _, e := range bruteSolve(sub, 1<<30) {
				per[k] = append(per[k], opt{groups[e.gi].name, e.key})
			}
		}
		n := 1
		for _, o := range per {
			n *= len(o)
		}
		if n > 200000 {
			return nil
		}
		var rec func(k int, prev string, acc rankKey)
		rec = func(k int, prev string, acc rankKey) {
			if k == len(phases) {
				keys = append(keys, acc)
				return
			}
			offered := false
			for _, t := range phases[k].Tracks {
				offered = offered || t.Name == prev
			}
			for _, o := range per[k] {
				if k > 0 && !*phases[k].MixTracks && offered && o.name != prev {
					continue
				}
				w := phases[k].Weeks
				next := rankKey{o.key.unpaid * w, o.key.moved * w, o.key.covers * w, o.key.travel * w, o.key.extra * w, o.key.home * w, o.key.latest}
				rec(k+1, o.name, acc.plus(next))
			}
		}
		rec(0, "", rankKey{})
	}
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].cmp(keys[j]) < 0 })
	if len(keys) > top {
		keys = keys[:top]
	}
	return keys
}

// withRandomPhases gives each program two phases: the first with its own
// tracks, the second with its tracks moved, some renamed (so that a plan may
// or must keep its track), and rules of its own.
func withRandomPhases(r *rand.Rand, sc *Scenario) {
	for pi := range sc.Programs {
		p := &sc.Programs[pi]
		two := Phase{Name: "Two", Weeks: 1 + r.Intn(12)}
		for _, t := range p.Tracks {
			nt := Track{Name: t.Name}
			if r.Intn(3) == 0 {
				nt.Name = "X" + t.Name
			}
			for _, s := range t.Sessions {
				sh := (r.Intn(9) - 4) * 15
				s.Time = Clock{Start: mod(s.Time.Start+sh, MinutesPerDay), End: mod(s.Time.End+sh-1, MinutesPerDay) + 1}
				nt.Sessions = append(nt.Sessions, s)
			}
			two.Tracks = append(two.Tracks, nt)
		}
		if r.Intn(2) == 0 {
			d, m := r.Intn(2), r.Intn(2)*60
			two.MinDays, two.MinMinutes = &d, &m
		}
		if r.Intn(3) == 0 {
			mix := !p.MixTracks
			two.MixTracks = &mix
		}
		p.Phases = []Phase{{Name: "One", Weeks: 1 + r.Intn(6)}, two}
	}
}

func TestPhasedSolveMatchesBruteForce(t *testing.T) {
	n := 200
	if testing.Short() {
		n = 50
	}
	seed := int64(14)
	if s := os.Getenv("WEEKFIT_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	r := rand.New(rand.NewSource(seed))
	compared, kept := 0, 0
	for i := 0; i < n; i++ {
		sc := randomScenario(r)
		withRandomPhases(r, sc)
		top := 1 + r.Intn(6)
		want := brutePhased(sc, top)
		if want == nil {
			continue
		}
		res, err := Solve(sc, Options{Top: top})
		if err != nil {
			t.Fatalf("scenario %d: %v", i, err)
		}
		var got []rankKey
		for _, pl := range res.Plans {
			var k rankKey
			for _, ph := range pl.Phases {
				k = k.plus(ph.Plan.key.times(ph.Weeks))
			}
			got = append(got, k)
			if len(pl.Phases) == 2 && pl.Phases[0].Plan.Track == pl.Phases[1].Plan.Track {
				kept++
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			data, _ := MarshalScenario(sc)
			t.Fatalf("scenario %d (top %d):\nsolver: %v\nbrute:  %v\n%s", i, top, got, want, data)
		}
		if len(want) > 0 {
			compared++
		}
	}
	if compared < n/5 || kept == 0 {
		t.Fatalf("only %d of %d random scenarios had a plan, %d plans keep their track; the generator is too strict", compared, n, kept)
	}
	t.Logf("%d of %d scenarios had plans; %d plans keep their track", compared, n, kept)
}
