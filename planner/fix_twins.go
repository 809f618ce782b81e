package planner

import "fmt"

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
	var tracks []Track
	for _, t := range g.tracks {
		tracks = append(tracks, p.Tracks[t])
	}
	return fmt.Sprintf("%s|%s|%s|%d|%d|%v|%d|%v", g.name, placeOf(p), p.Modality, p.MinDays, p.MinMinutes, p.MixTracks, s.m.sc.early(p), tracks), true
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
