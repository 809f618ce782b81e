package planner

import (
	"fmt"
	"sort"
)

// Timeline lays out the cycle with plan p (nil for the week without sessions)
// as blocks for a grid: jobs, travel legs, sessions, commitments, covered
// commitments and sleep, sorted by start. A commitment is covered where the
// plan uses its cover (Plan.Covered) or the week without sessions needs it,
// and the person's own otherwise.
func Timeline(sc *Scenario, p *Plan) []Block {
	return compile(sc).timeline(sc, p)
}

// Timeline is Timeline(sc, p) for a plan of this result. When sc is the
// scenario the result was solved from (the same pointer, unchanged since),
// it lays the plan out on the week the solve compiled rather than compiling
// the week again; any other scenario, such as a neutral copy for discreet
// mode, is compiled as Timeline does. A nil result is Timeline.
func (r *Result) Timeline(sc *Scenario, p *Plan) []Block {
	if r != nil && r.compiled != nil && r.compiled.sc == sc {
		return r.compiled.timeline(sc, p)
	}
	return Timeline(sc, p)
}

func (m *model) timeline(sc *Scenario, p *Plan) []Block {
	var sel []item
	bends := make([]bend, len(m.items))
	cov := m.planCovers(p)
	if p != nil {
		sel = m.planItems(p)
		if len(p.bends) == len(m.items) {
			copy(bends, p.bends)
		} else {
			m.bendsFromChanges(p.ShiftChanges, bends)
		}
	}
	r := m.evaluateIn(nil, sel, bends, cov, true) // a result's week may be laid out by several goroutines
	var blocks []Block
	if r.ok {
		for _, v := range r.visits {
			blocks = append(blocks, m.itemBlock(v, sc))
		}
		for _, l := range r.legs {
			if l.dur > 0 {
				blocks = append(blocks, m.legBlock(l))
			}
		}
	} else {
		for _, v := range m.visitsFor(sel, bends, cov, 0) {
			blocks = append(blocks, m.itemBlock(v, sc))
		}
	}
	for i := range m.free {
		f := &m.free[i]
		blocks = append(blocks, Block{Start: f.start, End: f.end, Kind: f.kind, Label: f.name, Detail: capital(m.what(f))})
	}
	for i := range m.opt {
		if f := &m.opt[i]; !cov[f.cover] {
			blocks = append(blocks, Block{Start: f.start, End: f.end, Kind: f.kind, Label: f.name, Detail: capital(m.what(f))})
		}
	}
	for i, c := range m.covers {
		if cov[i] {
			blocks = append(blocks, Block{Start: c.start, End: c.end, Kind: KindCovered, Label: c.commitment,
				Detail: fmt.Sprintf("%s %s, covered by %s", c.commitment, c.clock, c.by)})
		}
	}
	for i := range blocks {
		b := &blocks[i]
		sh := mod(b.Start, m.L) - b.Start
		b.Start, b.End = b.Start+sh, b.End+sh
	}
	sort.SliceStable(blocks, func(i, j int) bool {
		if blocks[i].Start != blocks[j].Start {
			return blocks[i].Start < blocks[j].Start
		}
		return blocks[i].Kind < blocks[j].Kind
	})
	return blocks
}

func (m *model) itemBlock(v visit, sc *Scenario) Block {
	it := v.it
	b := Block{Start: v.s, End: v.e, Place: m.places[it.place]}
	switch it.kind {
	case kSession:
		prog := &sc.Programs[it.prog]
		b.Kind, b.Label, b.Program = KindSession, prog.Name, prog.ID
		b.Detail = fmt.Sprintf("Session %s, %s %s (be there %s)", prog.Tracks[it.track].Name, it.day, it.clock, FormatClock(mod(v.s, MinutesPerDay)))
	case kShift:
		b.Kind, b.Label = KindJob, it.name
		b.Detail = fmt.Sprintf("%s %s %s", it.name, it.day, it.clock)
		if v.s != v.s0 || v.e != v.e0 {
			b.Bent = true
			b.Detail = fmt.Sprintf("%s %s %s-%s (moved from %s)", it.name, it.day, FormatClock(mod(v.s, MinutesPerDay)), FormatClock(mod(v.e, MinutesPerDay)), it.clock)
		}
	default:
		b.Kind, b.Label = KindCommitment, it.name
		b.Detail = fmt.Sprintf("%s %s %s at %s", it.name, it.day, it.clock, m.placeName(it.place))
	}
	return b
}

func (m *model) legBlock(l leg) Block {
	b := Block{Start: l.dep, End: l.dep + l.dur, Kind: KindTravel, Label: "Travel", Place: m.places[l.from], To: m.places[l.to]}
	b.Detail = fmt.Sprintf("Travel %s to %s, %s-%s", m.placeName(l.from), m.placeName(l.to), FormatClock(mod(l.dep, MinutesPerDay)), FormatClock(mod(l.dep+l.dur, MinutesPerDay)))
	if l.factor > 1 {
		b.Detail += fmt.Sprintf(", rush hour x%g", l.factor)
	}
	return b
}

// planItems turns a plan's sessions back into session items.
func (m *model) planItems(p *Plan) []item {
	pi := m.sc.ProgramIndex(p.Program)
	if pi < 0 {
		return nil
	}
	all := make([]int, len(m.sc.Programs[pi].Tracks))
	for i := range all {
		all[i] = i
	}
	var out []item
	for _, c := range m.candidates(pi, all, len(m.items)) {
		for _, s := range p.Sessions {
			if s.Week == c.week+1 && s.Day == c.day && s.Time == c.clock && s.Track == m.sc.Programs[pi].Tracks[c.track].Name {
				c.id = len(m.items) + len(out)
				out = append(out, c)
			}
		}
	}
	return out
}

// planCovers returns the covers plan p (nil for none) uses, indexed like
// model.covers: the standing ones and those it lists.
func (m *model) planCovers(p *Plan) []bool {
	cov := m.allCovers(false)
	for i, c := range m.covers {
		cov[i] = c.standing
	}
	if p != nil && len(p.cov) == len(m.covers) {
		copy(cov, p.cov) // matches a week whose names differ (discreet mode)
	} else if p != nil {
		m.coversFromPlan(p.Covered, cov)
	}
	return cov
}

// coversFromPlan marks in cov the covers a plan lists.
func (m *model) coversFromPlan(cs []Cover, cov []bool) {
	for _, c := range cs {
		for i, o := range m.covers {
			if o.commitment == c.Commitment && o.week+1 == c.Week && o.day == c.Day && o.by == c.By {
				cov[i] = true
			}
		}
	}
}

// bendsFromChanges reads shift changes back into bends.
func (m *model) bendsFromChanges(cs []ShiftChange, bends []bend) {
	for _, c := range cs {
		for i := range m.items {
			it := &m.items[i]
			if it.kind == kShift && it.name == c.Job && it.week+1 == c.Week && it.day == c.Day && it.clock == c.From {
				ds := mod(c.To.Start-c.From.Start+MinutesPerDay/2, MinutesPerDay) - MinutesPerDay/2
				bends[i] = bend{ds: ds, de: ds + c.To.Minutes() - c.From.Minutes()}
			}
		}
	}
}

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
