package planner

import (
	"container/heap"
	"context"
)

// IncompleteSentence is Result.Incomplete for a search that stopped early
// because its time ran out or it was cancelled.
const IncompleteSentence = "the search stopped before it had tried every plan (its time ran out); the plans shown fit, but better ones may exist"

// TooMuchWorkSentence is Result.Incomplete for a search that stopped because
// the week has too many ways through it to try them all.
const TooMuchWorkSentence = "the search stopped before it had tried every plan (the week has no time at home between activities and too many ways through it); the plans shown fit, but better ones may exist; add sleep or time at home between shifts"

// exhaustiveLimit bounds the work of the fallback search for a cycle without
// home cuts, over the whole solve: every choice of sessions it visits and
// every bend it evaluates counts one.
const exhaustiveLimit = 2_000_000

// checkEvery is how many steps of a search pass between two looks at the
// context: often enough to stop within a millisecond or so, rarely enough
// that looking costs nothing measurable.
const checkEvery = 128

// budget is the work one solve may still do: the caller's context, looked at
// every checkEvery steps, and the exhaustive search's evaluations. A nil
// budget never runs out.
type budget struct {
	ctx   context.Context
	evals int    // exhaustive steps left
	ticks int    // steps since the context was last looked at
	why   string // set once the solve must stop: the sentence for Result.Incomplete
}

func newBudget(ctx context.Context, evals int) *budget {
	b := &budget{ctx: ctx, evals: evals}
	b.check()
	return b
}

// check looks at the context now.
func (b *budget) check() {
	if b.why == "" && b.ctx != nil && b.ctx.Err() != nil {
		b.why = IncompleteSentence
	}
}

// step counts one step of a search and reports whether the search may go on.
func (b *budget) step() bool {
	if b == nil {
		return true
	}
	if b.why != "" {
		return false
	}
	if b.ticks++; b.ticks >= checkEvery {
		b.ticks = 0
		b.check()
	}
	return b.why == ""
}

// eval counts one step of the exhaustive search against its limit too.
func (b *budget) eval() bool {
	if b == nil {
		return true
	}
	if b.evals--; b.evals < 0 && b.why == "" {
		b.why = TooMuchWorkSentence
	}
	return b.step()
}

// halted reports whether the solve must stop.
func (b *budget) halted() bool { return b != nil && b.why != "" }

// comboMerge is the k-best merge of the units' ranked lists: a priority
// queue over index vectors (one pick per unit), as in k-shortest paths. A
// vector's children each move one unit at or after the vector's last moved
// unit one place down its list, so every vector has exactly one parent, is
// never worse than it, and is queued at most once.
type comboMerge struct {
	lists [][]unitPick
	parts [][][][]int // per unit, per pick, per week of the unit: its tie part
	owner [][2]int    // per week of the cycle: the unit and the week's place in it
	heap  []combo
}

type combo struct {
	idx  []int
	last int // the unit moved last; units after it are at 0
	key  rankKey
}

// kBest returns the k best choices of one pick per unit, best first by the
// summed key and then by the plans' tie order, trying at most k times the
// number of units vectors.
func kBest(lists [][]unitPick, units [][]int, weeks, k int, b *budget) [][]int {
	cm := &comboMerge{lists: lists, owner: make([][2]int, weeks)}
	for u, ws := range units {
		for j, w := range ws {
			cm.owner[w] = [2]int{u, j}
		}
		ps := make([][][]int, len(lists[u]))
		for i := range lists[u] {
			ps[i] = splitTie(lists[u][i].tie, len(ws))
		}
		cm.parts = append(cm.parts, ps)
	}
	start := make([]int, len(lists))
	heap.Push(cm, combo{idx: start, key: sumKey(lists, start)})
	var out [][]int
	for cm.Len() > 0 && len(out) < k && b.step() {
		c := heap.Pop(cm).(combo)
		out = append(out, c.idx)
		for u := c.last; u < len(c.idx); u++ {
			if c.idx[u]+1 >= len(lists[u]) {
				continue
			}
			n := append([]int(nil), c.idx...)
			n[u]++
			heap.Push(cm, combo{idx: n, last: u, key: sumKey(lists, n)})
		}
	}
	return out
}

// splitTie cuts a unit's tie (tieOf: each week's part ends in -1) into its
// weeks' parts.
func splitTie(tie []int, n int) [][]int {
	out := make([][]int, 0, n)
	from := 0
	for i, v := range tie {
		if v == -1 {
			out = append(out, tie[from:i])
			from = i + 1
		}
	}
	for len(out) < n {
		out = append(out, nil)
	}
	return out
}

func (cm *comboMerge) Len() int      { return len(cm.heap) }
func (cm *comboMerge) Swap(i, j int) { cm.heap[i], cm.heap[j] = cm.heap[j], cm.heap[i] }
func (cm *comboMerge) Push(x any)    { cm.heap = append(cm.heap, x.(combo)) }
func (cm *comboMerge) Pop() any {
	old := cm.heap
	x := old[len(old)-1]
	cm.heap = old[:len(old)-1]
	return x
}

// Less orders by key, then as tieOf over the whole cycle would: week by week,
// each week's part from the unit that holds it.
func (cm *comboMerge) Less(i, j int) bool {
	a, b := &cm.heap[i], &cm.heap[j]
	if c := a.key.cmp(b.key); c != 0 {
		return c < 0
	}
	for _, o := range cm.owner {
		u, w := o[0], o[1]
		if a.idx[u] == b.idx[u] {
			continue
		}
		if c := cmpInts(cm.parts[u][a.idx[u]][w], cm.parts[u][b.idx[u]][w]); c != 0 {
			return c < 0
		}
	}
	return false
}

func sumKey(lists [][]unitPick, idx []int) rankKey {
	k := lists[0][idx[0]].key
	for u := 1; u < len(idx); u++ {
		k = k.plus(lists[u][idx[u]].key)
	}
	return k
}
