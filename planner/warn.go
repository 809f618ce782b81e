package planner

import "fmt"

// warnTransfer notes a trip in the week without sessions that cannot work.
func (m *model) warnTransfer(st *wstate, v visit, tr *transfer) {
	if st.pItem < 0 {
		return
	}
	p := &m.items[st.pItem]
	switch {
	case tr.noRoute:
		m.warn("no travel time is given from %s to %s (after %s); add it under travel", m.placeName(p.place), m.placeName(v.it.place), m.describe(p))
	case tr.late:
		m.warn("%s ends %s and the trip to %s takes %d min, arriving %s, after %s starts", m.describe(p), FormatClock(mod(st.pEnd, MinutesPerDay)),
			m.placeName(v.it.place), tr.arrive-st.pEnd, FormatClock(mod(tr.arrive, MinutesPerDay)), m.describe(v.it))
	}
	for i := 0; i < tr.n; i++ {
		l := tr.legs[i]
		if f := m.freeClash(l.dep, l.dep+l.dur); f >= 0 && l.dur > 0 {
			m.warn("the trip from %s to %s at %s overlaps %s", m.placeName(l.from), m.placeName(l.to), m.when(l.dep), m.what(&m.free[f]))
		}
	}
}

// warnOverlap notes fixed blocks that overlap each other in the input.
func (m *model) warnOverlap(st *wstate, v visit) {
	if st.pItem >= 0 && v.s < st.pEnd {
		m.warn("%s overlaps %s", m.describe(v.it), m.describe(&m.items[st.pItem]))
	}
	if f := m.freeClash(v.s, v.e); f >= 0 {
		m.warn("%s overlaps %s", m.describe(v.it), m.what(&m.free[f]))
	}
}

func (m *model) warn(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	for _, w := range m.warnings {
		if w == s {
			return
		}
	}
	m.warnings = append(m.warnings, s)
}

// describe names an item as a person would: "Office Mon 09:00-17:00".
func (m *model) describe(it *item) string {
	if it.kind == kSession {
		return fmt.Sprintf("%s%s %s", m.weekPrefix(it.week), it.day, it.clock)
	}
	return fmt.Sprintf("%s %s%s %s", it.name, m.weekPrefix(it.week), it.day, it.clock)
}
