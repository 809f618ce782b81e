package planner

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

func readProgram(p string, f fileProgram, cycle int, placeRef func(string, string, bool) error) (Program, error) {
	prog := Program{ID: strings.TrimSpace(f.ID), Place: f.Place, MinDays: f.MinDays, MixTracks: f.MixTracks, Weeks: f.Weeks}
	if !isWord(prog.ID) {
		return Program{}, bad(p+".id", f.ID, "must be one word, like \"riverside\"")
	}
	var err error
	if prog.Name, err = cleanName(p+".name", f.Name); err != nil {
		return Program{}, err
	}
	if prog.Level, err = cleanName(p+".level", f.Level); err != nil {
		return Program{}, err
	}
	if strings.TrimSpace(prog.Name) == "" {
		prog.Name = prog.ID
	}
	switch strings.ToLower(strings.TrimSpace(f.Modality)) {
	case "", InPerson, "in person", "inperson":
		prog.Modality = InPerson
		if err := placeRef(p+".place", f.Place, true); err != nil {
			return Program{}, err
		}
	case Virtual, "telehealth", "online":
		prog.Modality = Virtual
		if err := placeRef(p+".place", f.Place, false); err != nil {
			return Program{}, err
		}
	default:
		return Program{}, bad(p+".modality", f.Modality, "must be \"in-person\" or \"virtual\"")
	}
	if f.MinDays < 0 || f.MinDays > 7 {
		return Program{}, bad(p+".min_days", fmt.Sprint(f.MinDays), "must be from 0 to 7")
	}
	if f.MinHours < 0 || f.MinHours > 7*24 || math.IsNaN(f.MinHours) {
		return Program{}, bad(p+".min_hours", fmt.Sprint(f.MinHours), "must be from 0 to 168")
	}
	prog.MinMinutes = int(math.Round(f.MinHours * 60))
	if f.ArriveEarly != nil {
		if err := checkMinutes(p+".arrive_early_minutes", *f.ArriveEarly, maxEarlyMinutes); err != nil {
			return Program{}, err
		}
		v := *f.ArriveEarly
		prog.ArriveEarly = &v
	}
	if f.Weeks < 0 || f.Weeks > 104 {
		return Program{}, bad(p+".weeks", fmt.Sprint(f.Weeks), "must be from 1 to 104")
	}
	if len(f.Tracks) == 0 {
		return Program{}, bad(p+".tracks", "", "the program has no tracks; list at least one track with its sessions")
	}
	tracks, err := readTracks(p, f.Tracks, cycle)
	if err != nil {
		return Program{}, err
	}
	prog.Tracks = tracks
	if err := readProgramCalendar(p, f, cycle, &prog); err != nil {
		return Program{}, err
	}
	return prog, nil
}

// readTracks reads the tracks of a program, or of one of its phases, at path p.
func readTracks(p string, fts []fileTrack, cycle int) ([]Track, error) {
	var out []Track
	trackNames := map[string]bool{}
	for t, ft := range fts {
		tp := p + ".tracks[" + strconv.Itoa(t) + "]"
		name, err := cleanName(tp+".name", ft.Name)
		if err != nil {
			return nil, err
		}
		name = strings.TrimSpace(name)
		if name == "" {
			return nil, bad(tp+".name", "", "missing; name the track, e.g. \"Morning\"")
		}
		if name == MixedTrack {
			return nil, bad(tp+".name", ft.Name, "\"mixed\" is kept for plans that mix tracks; choose another name")
		}
		if trackNames[name] {
			return nil, bad(tp+".name", ft.Name, "another track of this program has this name")
		}
		trackNames[name] = true
		if len(ft.Sessions) == 0 {
			return nil, bad(tp+".sessions", "", "the track has no sessions; list at least one")
		}
		tr := Track{Name: name}
		for k, fs := range ft.Sessions {
			span, err := readSpan(tp+".sessions["+strconv.Itoa(k)+"]", fs, cycle)
			if err != nil {
				return nil, err
			}
			if span.Time.Minutes() > 12*60 {
				return nil, bad(fmt.Sprintf("%s.sessions[%d].time", tp, k), fs.Time, "a session longer than 12 hours; check the times")
			}
			tr.Sessions = append(tr.Sessions, span)
		}
		out = append(out, tr)
	}
	return out, nil
}

// MixedTrack is the track name of a plan that takes sessions from several tracks.
const MixedTrack = "mixed"
