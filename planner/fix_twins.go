package planner

import (
	"encoding/binary"
	"fmt"
)

// needsMore is the note of a track that needs more than maxAsks asks.
func needsMore(rj *Rejection, maxAsks int) string {
	why := ""
	if len(rj.Reasons) > 0 {
		why = ": " + rj.Reasons[0]
	}
	return fmt.Sprintf("needs more than %d %s%s", maxAsks, plural(maxAsks, "change", "changes"), why)
}

// twinKey says what a fix search of group gi depends on besides the rest
// of the week: its program's rules and sessions, not its id or name. Groups
// with the same key have the same fixes, but for those labels. ok is false
// when the solve locks sessions, which name programs.
func (s *solver) twinKey(gi int) (string, bool) {
	if len(s.opt.Require) > 0 {
		return "", false
	}
	g := &s.groups[gi]
	p := &s.m.sc.Programs[g.prog]
	// every string with its length before it, so that no two groups share
	// a key unless all of these are equal
	var b []byte
	num := func(v int) { b = binary.AppendVarint(b, int64(v)) }
	str := func(v string) { num(len(v)); b = append(b, v...) }
	str(g.name)
	str(placeOf(p))
	str(p.Modality)
	num(p.MinDays)
	num(p.MinMinutes)
	num(btoi(p.MixTracks))
	num(s.m.sc.early(p))
	num(len(g.tracks))
	for _, t := range g.tracks {
		tr := &p.Tracks[t]
		str(tr.Name)
		num(len(tr.Sessions))
		for _, sp := range tr.Sessions {
			num(int(sp.Days))
			num(sp.Time.Start)
			num(sp.Time.End)
			num(len(sp.Weeks))
			for _, w := range sp.Weeks {
				num(w)
			}
		}
	}
	return string(b), true
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// copyTwins gives each rejection whose search was its twin's the twin's
// fixes, under its own program's id and name.
func (s *solver) copyTwins(res *Result, twin []int, maxAsks int) {
	for i, j := range twin {
		if j < 0 {
			continue
		}
		rj, src := &res.Rejected[i], &res.Rejected[j]
		rj.Fixes = make([]Fix, 0, len(src.Fixes))
		for _, fx := range src.Fixes {
			fx.Plan.Program = rj.Program
			fx.Plan.ProgramName = s.m.sc.Programs[s.m.sc.ProgramIndex(rj.Program)].Name
			rj.Fixes = append(rj.Fixes, fx)
		}
		rj.FixNote = src.FixNote
		if len(src.Fixes) == 0 && src.FixNote != FixCutSentence {
			rj.FixNote = needsMore(rj, maxAsks)
		}
	}
}
