package planner

import (
	"fmt"
	"sort"
)

// Timeline lays out the cycle with plan p (nil for the week without sessions)
// as blocks for a grid: jobs, travel legs, sessions, commitments, covered
// commitments and sleep, sorted by start.
func Timeline(sc *Scenario, p *Plan) []Block {
	m := compile(sc)
	var sel []sinst
	var bends []bend
	if p != nil {
		sel = m.planSessions(p)
		bends = make([]bend, len(m.items))
		for w := 0; w < m.weeks; w++ {
			var wk []sinst
			for _, s := range sel {
				if s.week == w {
					wk = append(wk, s)
				}
			}
			if len(wk) == 0 {
				continue
			}
			b, ok, _ := m.bendsFor(wk, true)
			if ok {
				if out := m.eval(wk, b, modeSolve); !out.ok {
					if b2, ok2, _ := m.bendsFor(wk, false); ok2 {
						b = b2
					}
				}
				for i := range b {
					if b[i] != (bend{}) {
						bends[i] = b[i]
					}
				}
			}
		}
	}
	out := m.eval(sel, bends, modeTimeline)
	var blocks []Block
	for _, n := range out.nodes {
		b := Block{Start: n.start, End: n.end, Place: n.place}
		switch n.kind {
		case kSession:
			s := &sel[n.idx]
			prog := &sc.Programs[s.prog]
			b.Kind, b.Label, b.Program = KindSession, prog.Name, prog.ID
			b.Detail = fmt.Sprintf("Session %s, %s %s (be there %s)", prog.Tracks[s.track].Name, s.day, s.clock, FormatClock(mod(s.attend, MinutesPerDay)))
		case kShift:
			it := &m.items[n.idx]
			b.Kind, b.Label = KindJob, it.name
			b.Detail = fmt.Sprintf("%s %s %s", it.name, it.day, it.clock)
			if bends != nil && bends[n.idx] != (bend{}) {
				b.Bent = true
				b.Detail = fmt.Sprintf("%s %s %s-%s (moved from %s)", it.name, it.day, FormatClock(mod(n.start, MinutesPerDay)), FormatClock(mod(n.end, MinutesPerDay)), it.clock)
			}
		case kCommit:
			it := &m.items[n.idx]
			b.Kind, b.Label = KindCommitment, it.name
			b.Detail = fmt.Sprintf("%s %s %s at %s", it.name, it.day, it.clock, m.placeName(it.place))
		}
		blocks = append(blocks, b)
	}
	for _, l := range out.legs {
		if l.dur <= 0 {
			continue
		}
		start := mod(l.depart, m.cycle)
		b := Block{Start: start, End: start + l.dur, Kind: KindTravel, Label: "Travel", Place: l.from, To: l.to}
		b.Detail = fmt.Sprintf("Travel %s to %s, %s-%s", m.placeName(l.from), m.placeName(l.to), FormatClock(mod(l.depart, MinutesPerDay)), FormatClock(mod(l.depart+l.dur, MinutesPerDay)))
		if l.factor > 1 {
			b.Detail += fmt.Sprintf(", rush hour x%g", l.factor)
		}
		blocks = append(blocks, b)
	}
	for _, f := range m.free {
		label := f.name
		blocks = append(blocks, Block{Start: mod(f.start, m.cycle), End: mod(f.start, m.cycle) + f.end - f.start, Kind: f.kind, Label: label, Detail: capital(f.what)})
	}
	for _, f := range m.coverIvs {
		blocks = append(blocks, Block{Start: mod(f.start, m.cycle), End: mod(f.start, m.cycle) + f.end - f.start, Kind: KindCovered, Label: f.name, Detail: f.what})
	}
	sort.SliceStable(blocks, func(i, j int) bool {
		if blocks[i].Start != blocks[j].Start {
			return blocks[i].Start < blocks[j].Start
		}
		return blocks[i].Kind < blocks[j].Kind
	})
	return blocks
}

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// planSessions turns a plan's sessions back into session occurrences.
func (m *model) planSessions(p *Plan) []sinst {
	pi := m.sc.ProgramIndex(p.Program)
	if pi < 0 {
		return nil
	}
	prog := &m.sc.Programs[pi]
	early := m.sc.early(prog)
	var out []sinst
	for _, s := range p.Sessions {
		t := 0
		for i := range prog.Tracks {
			if prog.Tracks[i].Name == s.Track {
				t = i
			}
		}
		start := (s.Week-1)*MinutesPerWeek + int(s.Day)*MinutesPerDay + s.Time.Start
		out = append(out, sinst{start: start, end: start + s.Time.Minutes(), attend: start - early, place: placeOf(prog),
			prog: pi, track: t, week: s.Week - 1, day: s.Day, clock: s.Time})
	}
	return out
}
