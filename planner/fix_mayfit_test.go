package planner

import (
	"math/rand"
	"slices"
	"testing"
)

// randomRelaxation picks random shift occurrences off and at new times, and
// random covers, from what the search offers, duplicates included.
func randomRelaxation(r *rand.Rand, f *fixSearch) relaxation {
	var x relaxation
	for i := r.Intn(4); i > 0 && len(f.occs) > 0; i-- {
		o := f.occs[r.Intn(len(f.occs))]
		x.offs = append(x.offs, offDay{job: o.job, at: o.at, from: o.from})
	}
	for i := r.Intn(4); i > 0 && len(f.occs) > 0; i-- {
		o := f.occs[r.Intn(len(f.occs))]
		x.changes = append(x.changes, changeDay{job: o.job, at: o.at, from: o.from, to: changeTo(o.from, 5*(r.Intn(97)-48), 5*(r.Intn(97)-48))})
	}
	for i := r.Intn(4); i > 0 && len(f.covers) > 0; i-- {
		x.covers = append(x.covers, f.covers[r.Intn(len(f.covers))])
	}
	return x
}

// TestMayFitDaysMatchesMayFit holds the counting check of a shift ask's
// sets of days (mayFitDays, from newFitBase's counts) to mayFit of the
// relaxation with the days added (mayFitWith), on random relaxations and
// random sets of days, taken days among them, of the rejected tracks of
// random tiny weeks, of weeks with shifts to change, and of the 40-program
// benchmark week.
func TestMayFitDaysMatchesMayFit(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	weeks := []*Scenario{benchScenario()}
	for i := 0; i < 400; i++ {
		weeks = append(weeks, tinyWeek(r), shiftWeek(r))
	}
	answers := map[bool]int{}
	for wi, sc := range weeks {
		res, err := Solve(sc, Options{Top: 1})
		if err != nil {
			t.Fatal(err)
		}
		s := newSolver(compile(sc), Options{Top: 1}, nil)
		for _, rj := range res.Rejected {
			gi := s.groupOf(&rj)
			if gi < 0 {
				continue
			}
			f := newFixSearch(s, gi)
			for n := 0; n < 20; n++ {
				x := randomRelaxation(r, f)
				b := f.newFitBase(x)
				for ki := range f.keys {
					key := &f.keys[ki]
					for oi := range key.opts {
						opt := &key.opts[oi]
						var days []int
						for _, d := range opt.days {
							if r.Intn(3) == 0 {
								days = append(days, d)
							}
						}
						got, want := f.mayFitDays(b, key, opt, days), f.mayFitWith(key, opt, days, x)
						if got != want {
							t.Fatalf("week %d track %s: mayFitDays %v, mayFitWith %v, for %+v with option %+v on days %v", wi, rj.Track, got, want, x, *opt, days)
						}
						answers[got]++
					}
				}
			}
		}
	}
	if answers[true] == 0 || answers[false] == 0 {
		t.Fatalf("every check gave one answer (%v): the comparison says little", answers)
	}
	t.Logf("%v", answers)
}

// TestOutrankedComparesWithTheThirdTied holds outranked to its meaning on
// random fixes: a plan is outranked when at least three fixes tie with the
// best on unpaid and moved minutes and the third of them, in rank order,
// comes before the plan's fix.
func TestOutrankedComparesWithTheThirdTied(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	seen := map[bool]int{}
	for n := 0; n < 5000; n++ {
		f := &fixSearch{best: [2]int{r.Intn(2), r.Intn(2)}}
		var tied [][5]int
		for i := r.Intn(7); i > 0; i-- {
			c := fixCand{unpaid: r.Intn(2), moved: r.Intn(2), key: rankKey{travel: r.Intn(3), extra: r.Intn(3), home: r.Intn(3)}}
			f.found = append(f.found, c)
			if c.unpaid == f.best[0] && c.moved == f.best[1] {
				tied = append(tied, rank(c.unpaid, c.moved, c.key))
			}
		}
		pl := &Plan{UnpaidMinutes: r.Intn(2), MovedMinutes: r.Intn(2)}
		pl.key = rankKey{travel: r.Intn(3), extra: r.Intn(3), home: r.Intn(3)}
		cost := [2]int{r.Intn(2), r.Intn(2)}
		want := false
		if len(tied) >= 3 {
			slices.SortFunc(tied, func(a, b [5]int) int { return slices.Compare(a[:], b[:]) })
			want = !less5(rank(cost[0]+pl.UnpaidMinutes, cost[1]+pl.MovedMinutes, pl.key), tied[2])
		}
		if got := f.outranked(cost, pl); got != want {
			t.Fatalf("outranked %v, want %v: best %v, found %+v, plan %+v, cost %v", got, want, f.best, f.found, pl.key, cost)
		}
		seen[want]++
	}
	if seen[true] == 0 || seen[false] == 0 {
		t.Fatalf("one answer only: %v", seen)
	}
}
