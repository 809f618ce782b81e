package planner

// Clone returns a deep copy of the scenario that shares no slice, map or
// pointer with it, so that changing one never changes the other. A nil list
// stays nil and an empty one stays empty, so the copy compares equal to the
// original with reflect.DeepEqual; a span's empty weeks list becomes nil.
func (s *Scenario) Clone() *Scenario {
	out := *s
	out.Places = cloneSlice(s.Places, nil)
	out.Travel = cloneSlice(s.Travel, nil)
	out.RushHours = cloneSlice(s.RushHours, nil)
	out.Jobs = cloneSlice(s.Jobs, func(j Job) Job {
		j.Shifts = cloneSpans(j.Shifts)
		return j
	})
	out.Commitments = cloneSlice(s.Commitments, func(c Commitment) Commitment {
		c.Span = cloneSpan(c.Span)
		return c
	})
	out.Support = cloneSlice(s.Support, func(su Support) Support {
		su.Span = cloneSpan(su.Span)
		su.Covers = cloneSlice(su.Covers, nil)
		return su
	})
	out.Sleep = cloneSpans(s.Sleep)
	out.Programs = cloneSlice(s.Programs, cloneProgram)
	out.Catalog = cloneSlice(s.Catalog, nil)
	out.Leave = cloneLeave(s.Leave)
	out.MinSlack, out.BadDayFactor = clonePtr(s.MinSlack), clonePtr(s.BadDayFactor)
	out.MinRestHours, out.MaxDayHours = clonePtr(s.MinRestHours), clonePtr(s.MaxDayHours)
	return &out
}

// cloneSlice copies xs, passing each element through f when f is not nil;
// nil stays nil and empty stays empty.
func cloneSlice[T any](xs []T, f func(T) T) []T {
	if xs == nil {
		return nil
	}
	out := make([]T, len(xs))
	for i, x := range xs {
		if f != nil {
			x = f(x)
		}
		out[i] = x
	}
	return out
}

func cloneProgram(p Program) Program {
	if p.ArriveEarly != nil {
		v := *p.ArriveEarly
		p.ArriveEarly = &v
	}
	p.Tracks = cloneSlice(p.Tracks, func(t Track) Track {
		t.Sessions = cloneSpans(t.Sessions)
		return t
	})
	p.Phases = clonePhases(p.Phases)
	p.Closed = cloneSlice(p.Closed, nil)
	return p
}

func cloneSpans(sp []Span) []Span {
	return cloneSlice(sp, cloneSpan)
}

func cloneSpan(s Span) Span {
	s.Weeks = append([]int(nil), s.Weeks...)
	if len(s.Weeks) == 0 {
		s.Weeks = nil
	}
	return s
}
