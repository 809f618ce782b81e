package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"weekfit/planner"
)

func dutyFields(sc *planner.Scenario) []field {
	add := func(sc *planner.Scenario) string {
		sc.Commitments = append(sc.Commitments, planner.Commitment{Name: fmt.Sprintf("Duty %d", len(sc.Commitments)+1),
			Span: defaultSpan("Mon-Fri", "15:15-15:45")})
		return "added a duty"
	}
	fs := []field{head("Family duties and commitments", add)}
	for i := range sc.Commitments {
		c := func(sc *planner.Scenario) *planner.Commitment { return &sc.Commitments[i] }
		del := func(sc *planner.Scenario) string {
			sc.Commitments = slices.Delete(sc.Commitments, i, i+1)
			return "deleted a duty"
		}
		name := textField(fmt.Sprintf("duty %d name", i+1), 1, fText, func(sc *planner.Scenario) *string { return &c(sc).Name })
		name.set = func(sc *planner.Scenario, s string) { renameDuty(sc, i, strings.TrimSpace(s)) }
		part := []field{
			name,
			placeField("place (empty = none)", 2, true, func(sc *planner.Scenario) *string { return &c(sc).Place }),
		}
		part = append(part, spanFields(2, func(sc *planner.Scenario) *planner.Span { return &c(sc).Span })...)
		fs = append(fs, withAdd(withDel(part, del), add)...)
	}
	return fs
}

// renameDuty renames duty i, and the duty in every helper's covers with
// it, so that a rename does not leave the helpers covering a duty no longer
// there.
func renameDuty(sc *planner.Scenario, i int, name string) {
	old := sc.Commitments[i].Name
	sc.Commitments[i].Name = name
	for h := range sc.Support {
		for k, c := range sc.Support[h].Covers {
			if c == old {
				sc.Support[h].Covers[k] = name
			}
		}
	}
}

func supportFields(sc *planner.Scenario) []field {
	add := func(sc *planner.Scenario) string {
		var covers []string
		if len(sc.Commitments) > 0 {
			covers = []string{sc.Commitments[0].Name}
		}
		sc.Support = append(sc.Support, planner.Support{Name: fmt.Sprintf("Helper %d", len(sc.Support)+1),
			Span: defaultSpan("Tue,Thu", "14:00-19:00"), Covers: covers})
		return "added a support person"
	}
	fs := []field{head("Support people", add)}
	for i := range sc.Support {
		s := func(sc *planner.Scenario) *planner.Support { return &sc.Support[i] }
		del := func(sc *planner.Scenario) string {
			sc.Support = slices.Delete(sc.Support, i, i+1)
			return "deleted a support person"
		}
		part := []field{
			textField(fmt.Sprintf("person %d name", i+1), 1, fText, func(sc *planner.Scenario) *string { return &s(sc).Name }),
			{label: "covers (duty names)", indent: 2, kind: fList,
				get: func(sc *planner.Scenario) string { return joinList(s(sc).Covers) },
				set: func(sc *planner.Scenario, v string) { s(sc).Covers = splitList(v) }},
		}
		part = append(part, spanFields(2, func(sc *planner.Scenario) *planner.Span { return &s(sc).Span })...)
		fs = append(fs, withAdd(withDel(part, del), add)...)
	}
	return fs
}

func sleepFields(sc *planner.Scenario) []field {
	add := func(sc *planner.Scenario) string {
		sc.Sleep = append(sc.Sleep, defaultSpan("daily", "23:00-06:30"))
		return "added sleep"
	}
	fs := []field{head("Sleep", add)}
	for i := range sc.Sleep {
		del := func(sc *planner.Scenario) string {
			sc.Sleep = slices.Delete(sc.Sleep, i, i+1)
			return "deleted sleep"
		}
		part := append([]field{{label: fmt.Sprintf("sleep %d", i+1), indent: 1, kind: fHead}},
			spanFields(2, func(sc *planner.Scenario) *planner.Span { return &sc.Sleep[i] })...)
		fs = append(fs, withAdd(withDel(part, del), add)...)
	}
	return fs
}

func programFields(sc *planner.Scenario) []field {
	add := func(sc *planner.Scenario) string {
		id := fmt.Sprintf("program%d", len(sc.Programs)+1)
		sc.Programs = append(sc.Programs, planner.Program{ID: id, Name: fmt.Sprintf("Program %d", len(sc.Programs)+1),
			Modality: planner.Virtual, MinDays: 3, MinMinutes: 9 * 60,
			Tracks: []planner.Track{{Name: "Evening", Sessions: []planner.Span{defaultSpan("Mon,Tue,Thu", "18:00-21:00")}}}})
		return "added a program"
	}
	fs := []field{head("Programs", add)}
	for i := range sc.Programs {
		fs = append(fs, oneProgram(sc, i, add)...)
	}
	return fs
}

func oneProgram(sc *planner.Scenario, i int, add func(*planner.Scenario) string) []field {
	p := func(sc *planner.Scenario) *planner.Program { return &sc.Programs[i] }
	del := func(sc *planner.Scenario) string {
		sc.Programs = slices.Delete(sc.Programs, i, i+1)
		return "deleted a program"
	}
	addTrack := func(sc *planner.Scenario) string {
		p(sc).Tracks = append(p(sc).Tracks, planner.Track{Name: fmt.Sprintf("Track %d", len(p(sc).Tracks)+1),
			Sessions: []planner.Span{defaultSpan("Mon,Wed,Fri", "09:00-12:00")}})
		return "added a track"
	}
	fs := []field{
		textField(fmt.Sprintf("program %d name", i+1), 1, fText, func(sc *planner.Scenario) *string { return &p(sc).Name }),
		placeField("place", 2, true, func(sc *planner.Scenario) *string { return &p(sc).Place }),
		textField("modality (in-person, virtual)", 2, fText, func(sc *planner.Scenario) *string { return &p(sc).Modality }),
		intField("days a week at least", 2, func(sc *planner.Scenario) *int { return &p(sc).MinDays }),
		{label: "hours a week at least", indent: 2, kind: fHours,
			get: func(sc *planner.Scenario) string {
				return strconv.FormatFloat(float64(p(sc).MinMinutes)/60, 'g', -1, 64)
			},
			set: func(sc *planner.Scenario, s string) { p(sc).MinMinutes = int(atof(s)*60 + 0.5) }},
		{label: "may mix tracks", indent: 2, kind: fBool,
			get: func(sc *planner.Scenario) string { return yesNo(p(sc).MixTracks) },
			set: func(sc *planner.Scenario, s string) { p(sc).MixTracks, _ = parseBool(s) }},
		intField("length in weeks", 2, func(sc *planner.Scenario) *int { return &p(sc).Weeks }),
	}
	fs = withAdd(withDel(fs, del), addTrack)
	for t := range sc.Programs[i].Tracks {
		tr := func(sc *planner.Scenario) *planner.Track { return &p(sc).Tracks[t] }
		delTrack := func(sc *planner.Scenario) string {
			p(sc).Tracks = slices.Delete(p(sc).Tracks, t, t+1)
			return "deleted a track"
		}
		addSession := func(sc *planner.Scenario) string {
			tr(sc).Sessions = append(tr(sc).Sessions, defaultSpan("Sat", "10:00-13:00"))
			return "added sessions"
		}
		part := []field{textField(fmt.Sprintf("track %d name", t+1), 2, fText, func(sc *planner.Scenario) *string { return &tr(sc).Name })}
		fs = append(fs, withAdd(withDel(part, delTrack), addSession)...)
		for s := range sc.Programs[i].Tracks[t].Sessions {
			delSession := func(sc *planner.Scenario) string {
				tr(sc).Sessions = slices.Delete(tr(sc).Sessions, s, s+1)
				return "deleted sessions"
			}
			sp := append([]field{{label: fmt.Sprintf("sessions %d", s+1), indent: 3, kind: fHead}},
				spanFields(4, func(sc *planner.Scenario) *planner.Span { return &tr(sc).Sessions[s] })...)
			fs = append(fs, withAdd(withDel(sp, delSession), addSession)...)
		}
	}
	return fs
}
