package planner

import (
	"fmt"
	"sort"
)

// walk sorts the nodes of sessions sel and the fixed items (unbent) and returns
// them with, for each, the index of the node just before it (the one with the
// latest end) and that node's end in this lap.
func (m *model) walk(sel []sinst) (nodes []node, prev []int, prevEnd []int) {
	L := m.cycle
	nodes = make([]node, 0, len(m.items)+len(sel))
	for i := range m.items {
		it := &m.items[i]
		nodes = append(nodes, node{start: it.start, end: it.end, place: it.place, kind: it.kind, idx: i})
	}
	for k := range sel {
		s := &sel[k]
		sh := mod(s.attend, L) - s.attend
		nodes = append(nodes, node{start: s.attend + sh, end: s.end + sh, place: s.place, kind: kSession, idx: k})
	}
	sort.SliceStable(nodes, func(a, b int) bool { return nodes[a].start < nodes[b].start })
	prev = make([]int, len(nodes))
	prevEnd = make([]int, len(nodes))
	if len(nodes) == 0 {
		return
	}
	pi := 0
	for i := range nodes {
		if nodes[i].end > nodes[pi].end {
			pi = i
		}
	}
	pEnd := nodes[pi].end - L
	for k := range nodes {
		prev[k], prevEnd[k] = pi, pEnd
		if nodes[k].end > pEnd {
			pi, pEnd = k, nodes[k].end
		}
	}
	return
}

// legsFree reports whether no leg of the transfer overlaps sleep or another block without a place.
func (m *model) legsFree(tr *transfer) bool {
	for i := 0; i < tr.n; i++ {
		if m.freeClash(tr.legs[i].depart, tr.legs[i].depart+tr.legs[i].dur) != nil {
			return false
		}
	}
	return true
}

// bendsFor finds, for a set of sessions, the bend of every shift that the
// sessions need: the smallest move on the side that borders a session, and as
// much of it won back on the other side as fits (so fewer minutes go unpaid).
// The second result is false with a reason when a shift cannot bend far enough.
func (m *model) bendsFor(sel []sinst, compensate bool) ([]bend, bool, string) {
	nodes, prev, prevEnd := m.walk(sel)
	bends := make([]bend, len(m.items))
	endFor := make(map[int]int)   // node of a shift -> node of the session right after it
	startFor := make(map[int]int) // node of a shift -> node of the session right before it
	nextOf := make(map[int]int)   // node -> first node whose previous it is
	for k := range nodes {
		p := prev[k]
		if _, ok := nextOf[p]; !ok && p != k {
			nextOf[p] = k
		}
		if nodes[k].kind == kSession && nodes[p].kind == kShift {
			if _, ok := endFor[p]; !ok {
				endFor[p] = k
			}
		}
		if nodes[k].kind == kShift && nodes[p].kind == kSession {
			if _, ok := startFor[k]; !ok {
				startFor[k] = p
			}
		}
	}
	shiftNodes := make([]int, 0, len(endFor)+len(startFor))
	for k := range nodes {
		_, e := endFor[k]
		_, s := startFor[k]
		if e || s {
			shiftNodes = append(shiftNodes, k)
		}
	}
	for _, k := range shiftNodes {
		sn := nodes[k]
		it := &m.items[sn.idx]
		// the shift's end in this lap: a shift that is the previous node of a session may sit in the previous lap
		endNeed, startNeed := 0, 0
		if sk, ok := endFor[k]; ok {
			s := nodes[sk]
			end := prevEnd[sk] // the shift's end as seen from the session
			need := -1
			for de := 0; de <= it.flex.EndEarlier; de += 5 {
				t := end - de
				if sn.end-de-sn.start < 5 {
					break
				}
				if t > s.start {
					continue
				}
				tr := m.transfer(it.place, t, s.place, s.start)
				if tr.ok && m.legsFree(&tr) {
					need = de
					break
				}
			}
			if need < 0 {
				return nil, false, m.bendReason(&sel[s.idx], it, end, s, true)
			}
			endNeed = need
		}
		if pk, ok := startFor[k]; ok {
			p := nodes[pk]
			pEnd := prevEnd[k]
			need := -1
			for ds := 0; ds <= it.flex.StartLater; ds += 5 {
				t := sn.start + ds
				if sn.end-endNeed-t < 5 {
					break
				}
				if pEnd > t {
					continue
				}
				tr := m.transfer(p.place, pEnd, it.place, t)
				if tr.ok && m.legsFree(&tr) {
					need = ds
					break
				}
			}
			if need < 0 {
				return nil, false, m.bendReason(&sel[p.idx], it, sn.start, p, false)
			}
			startNeed = need
		}
		b := bend{ds: startNeed, de: -endNeed}
		if compensate && endNeed > 0 && startNeed == 0 {
			pp := prev[k]
			for c := min(endNeed, it.flex.StartEarlier) / 5 * 5; c > 0; c -= 5 {
				t := sn.start - c
				if prevEnd[k] > t || m.freeClash(t, sn.end-endNeed) != nil {
					continue
				}
				tr := m.transfer(nodes[pp].place, prevEnd[k], it.place, t)
				if tr.ok && m.legsFree(&tr) {
					b.ds = -c
					break
				}
			}
		}
		if compensate && startNeed > 0 && endNeed == 0 {
			if q, ok := nextOf[k]; ok {
				for c := min(startNeed, it.flex.EndLater) / 5 * 5; c > 0; c -= 5 {
					t := sn.end + c
					qs := nodes[q].start
					if q <= k {
						qs += m.cycle
					}
					if t > qs || m.freeClash(sn.start+startNeed, t) != nil {
						continue
					}
					tr := m.transfer(it.place, t, nodes[q].place, qs)
					if tr.ok && m.legsFree(&tr) {
						b.de = c
						break
					}
				}
			}
		}
		bends[sn.idx] = b
	}
	return bends, true, ""
}

// bendReason explains why shift it cannot bend enough for session s (node sn).
// end tells which side: true when the session comes after the shift.
func (m *model) bendReason(s *sinst, it *item, edge int, sn node, end bool) string {
	sess := m.sessDesc(s)
	shift := fmt.Sprintf("%s %s", it.name, it.clock)
	if it.week != s.week || it.day != s.day {
		shift = fmt.Sprintf("%s %s%s %s", it.name, m.weekPrefix(it.week), it.day, it.clock)
	}
	if end {
		if edge > sn.start {
			return fmt.Sprintf("%s overlaps %s; the shift can move at most %d min earlier", sess, shift, it.flex.EndEarlier)
		}
		tr := m.transfer(it.place, edge, sn.place, sn.start)
		if tr.noRoute {
			return fmt.Sprintf("%s: no travel time is given from %s to %s; add it under travel", sess, m.placeName(it.place), m.placeName(sn.place))
		}
		return fmt.Sprintf("%s: %s ends %s and the trip to %s takes %s, arriving %s for a %s check-in; the shift can move at most %d min earlier",
			sess, shift, FormatClock(mod(edge, MinutesPerDay)), m.placeName(sn.place), tripText(&tr),
			FormatClock(mod(tr.arrive, MinutesPerDay)), FormatClock(mod(sn.start, MinutesPerDay)), it.flex.EndEarlier)
	}
	if sn.end > edge {
		return fmt.Sprintf("%s overlaps %s; the shift can move at most %d min later", sess, shift, it.flex.StartLater)
	}
	tr := m.transfer(sn.place, sn.end, it.place, edge)
	if tr.noRoute {
		return fmt.Sprintf("%s: no travel time is given from %s to %s; add it under travel", sess, m.placeName(sn.place), m.placeName(it.place))
	}
	return fmt.Sprintf("%s: the trip from %s to %s takes %s, arriving %s after %s starts; the shift can move at most %d min later",
		sess, m.placeName(sn.place), it.name, tripText(&tr), FormatClock(mod(tr.arrive, MinutesPerDay)), shift, it.flex.StartLater)
}
