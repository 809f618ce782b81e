package planner

import (
	"fmt"
	"math/rand"
	"sort"
	"testing"
)

// plainCombos is the reference for kBest: every choice of one pick per unit,
// sorted by summed key and then by the tie over the whole cycle.
func plainCombos(lists [][]unitPick, units [][]int, weeks, k int) [][]int {
	type cand struct {
		idx []int
		key rankKey
		tie []int
	}
	var all []cand
	idx := make([]int, len(lists))
	for {
		c := cand{idx: append([]int(nil), idx...), key: sumKey(lists, idx)}
		for w := 0; w < weeks; w++ {
			for u, ws := range units {
				for j, uw := range ws {
					if uw == w {
						c.tie = append(c.tie, splitTie(lists[u][idx[u]].tie, len(ws))[j]...)
					}
				}
			}
			c.tie = append(c.tie, -1)
		}
		all = append(all, c)
		u := 0
		for ; u < len(idx); u++ {
			if idx[u]++; idx[u] < len(lists[u]) {
				break
			}
			idx[u] = 0
		}
		if u == len(idx) {
			break
		}
	}
	sort.SliceStable(all, func(a, b int) bool {
		if c := all[a].key.cmp(all[b].key); c != 0 {
			return c < 0
		}
		return cmpInts(all[a].tie, all[b].tie) < 0
	})
	var out [][]int
	for i := 0; i < len(all) && i < k; i++ {
		out = append(out, all[i].idx)
	}
	return out
}

// randomLists makes a rotation's units (weeks grouped at random, a unit's
// weeks in order) and each unit's ranked list, with few distinct keys so
// that most picks tie.
func randomLists(r *rand.Rand) ([][]unitPick, [][]int, int) {
	weeks := 1 + r.Intn(5)
	var units [][]int
	for w := 0; w < weeks; w++ {
		if len(units) > 0 && r.Intn(3) == 0 {
			u := r.Intn(len(units))
			units[u] = append(units[u], w)
			continue
		}
		units = append(units, []int{w})
	}
	lists := make([][]unitPick, len(units))
	for u, ws := range units {
		n := 1 + r.Intn(6)
		for i := 0; i < n; i++ {
			up := unitPick{key: rankKey{unpaid: r.Intn(2) * 30, travel: r.Intn(3) * 10, home: r.Intn(2)}}
			for _, w := range ws {
				for d := 0; d < r.Intn(3); d++ {
					up.tie = append(up.tie, w*MinutesPerWeek+r.Intn(3)*MinutesPerDay, r.Intn(2)*60, r.Intn(2))
				}
				up.tie = append(up.tie, -1)
			}
			dup := false // a unit's list holds each choice of sessions once
			for _, o := range lists[u] {
				dup = dup || cmpInts(o.tie, up.tie) == 0
			}
			if !dup {
				lists[u] = append(lists[u], up)
			}
		}
		sort.SliceStable(lists[u], func(a, b int) bool {
			if c := lists[u][a].key.cmp(lists[u][b].key); c != 0 {
				return c < 0
			}
			return cmpInts(lists[u][a].tie, lists[u][b].tie) < 0
		})
	}
	return lists, units, weeks
}

// TestKBestMatchesEnumeration checks the k-best merge against sorting every
// combination, on random rotations with many ties: the same choices, in the
// same order.
func TestKBestMatchesEnumeration(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	for i := 0; i < 3000; i++ {
		lists, units, weeks := randomLists(r)
		k := 1 + r.Intn(12)
		got := kBest(lists, units, weeks, k, nil)
		want := plainCombos(lists, units, weeks, k)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("case %d (k %d, units %v):\nmerge: %v\nplain: %v", i, k, units, got, want)
		}
	}
}

// tiedRotation is a worker with a day job and a virtual evening program whose
// weeks offer many equally good choices.
func tiedRotation(r *rand.Rand, weeks int) *Scenario {
	days := []string{"Mon-Fri", "Mon-Thu", "Tue-Fri", "Mon,Wed,Fri,Sat"}
	body := fmt.Sprintf(`{"version": 1, "places": {"home": "Home", "work": "Office"},
		"travel": [{"from": "home", "to": "work", "minutes": %d}], "cycle_weeks": %d,
		"jobs": [{"name": "Office", "place": "work", "shifts": [{"days": "Mon-Fri", "time": "09:00-17:00"}],
			"flex": {"start_earlier": 0, "start_later": 0, "end_earlier": 0, "end_later": 0}, "max_unpaid_minutes_per_week": 0}],
		"sleep": [{"days": "daily", "time": "23:00-06:30"}],
		"programs": [{"id": "v", "name": "Virtual", "modality": "virtual", "min_days": %d, "min_hours": %d, "mix_tracks": %v,
			"tracks": [{"name": "Evening", "sessions": [{"days": %q, "time": "18:00-21:00"}]},
				{"name": "Late", "sessions": [{"days": %q, "time": "17:00-20:00", "weeks": [1]}]}]}]}`,
		10+r.Intn(30), weeks, 2+r.Intn(2), 6, r.Intn(2) == 0,
		days[r.Intn(len(days))], days[r.Intn(len(days))])
	sc, err := ParseScenario([]byte(body))
	if err != nil {
		panic(err)
	}
	return sc
}

// TestSolveTiedRotationsMatchBruteForce runs the whole solver on small tied
// rotations against the exhaustive reference: the same plans in the same
// order, so the merge keeps the ranking exact whatever the ties.
func TestSolveTiedRotationsMatchBruteForce(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	n := 40
	if testing.Short() {
		n = 10
	}
	for i := 0; i < n; i++ {
		sc := tiedRotation(r, 1+r.Intn(2))
		top := 1 + r.Intn(8)
		res, err := Solve(sc, Options{Top: top})
		if err != nil {
			t.Fatal(err)
		}
		if res.Incomplete != "" {
			t.Fatalf("case %d: incomplete without a budget: %s", i, res.Incomplete)
		}
		want := bruteSolve(sc, top)
		got, exp := make([]string, len(res.Plans)), make([]string, len(want))
		for k := range res.Plans {
			got[k] = fmt.Sprintf("g%d %v %v", res.Plans[k].groupIdx, res.Plans[k].key, res.Plans[k].tie)
		}
		for k := range want {
			exp[k] = fmt.Sprintf("g%d %v %v", want[k].gi, want[k].key, want[k].tie)
		}
		if fmt.Sprint(got) != fmt.Sprint(exp) {
			data, _ := MarshalScenario(sc)
			t.Fatalf("case %d (top %d):\nsolver: %v\nbrute:  %v\n%s", i, top, got, exp, data)
		}
	}
}
