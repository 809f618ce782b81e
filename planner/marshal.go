package planner

import (
	"encoding/json"
	"strconv"
)

// MarshalScenario writes a scenario in the file format that ParseScenario reads,
// indented for people. Parsing the result gives back an equal scenario.
func MarshalScenario(s *Scenario) ([]byte, error) {
	f := fileOf(s)
	return json.MarshalIndent(f, "", "  ")
}

// Check reports whether ParseScenario would accept the scenario as
// MarshalScenario writes it, with the same errors (field path, value and
// reason), without the trip through JSON. Editors call it on every change.
func Check(s *Scenario) error {
	f := fileOf(s)
	_, err := f.toScenario()
	return err
}

// fileOf turns a scenario into the file types MarshalScenario writes.
func fileOf(s *Scenario) fileScenario {
	f := fileScenario{Name: s.Name}
	v, early, cycle := 1, s.ArriveEarly, s.Weeks()
	f.Version, f.ArriveEarly, f.CycleWeeks = &v, &early, &cycle
	f.Places = map[string]string{}
	for _, p := range s.Places {
		f.Places[p.ID] = p.Name
	}
	for _, l := range s.Travel {
		m := l.Minutes
		f.Travel = append(f.Travel, fileLeg{From: l.From, To: l.To, Minutes: &m, OneWay: l.OneWay, Mode: l.Mode})
	}
	for _, r := range s.RushHours {
		f.RushHours = append(f.RushHours, fileRush{Days: r.Days.String(), Time: r.Time.String(), Factor: r.Factor})
	}
	for _, j := range s.Jobs {
		fj := fileJob{Name: j.Name, Place: j.Place, MaxUnpaid: j.MaxUnpaid}
		fj.Flex = &fileFlex{StartEarlier: j.Flex.StartEarlier, StartLater: j.Flex.StartLater, EndEarlier: j.Flex.EndEarlier, EndLater: j.Flex.EndLater}
		for _, sh := range j.Shifts {
			fj.Shifts = append(fj.Shifts, spanFile(sh))
		}
		f.Jobs = append(f.Jobs, fj)
	}
	for _, c := range s.Commitments {
		sp := spanFile(c.Span)
		f.Commitments = append(f.Commitments, fileCommitment{Name: c.Name, Days: sp.Days, Time: sp.Time, Weeks: sp.Weeks, Place: c.Place})
	}
	for _, su := range s.Support {
		sp := spanFile(su.Span)
		f.Support = append(f.Support, fileSupport{Name: su.Name, Days: sp.Days, Time: sp.Time, Weeks: sp.Weeks, Covers: su.Covers})
	}
	for _, sl := range s.Sleep {
		f.Sleep = append(f.Sleep, spanFile(sl))
	}
	for _, p := range s.Programs {
		fp := fileProgram{ID: p.ID, Name: p.Name, Modality: p.Modality, Level: p.Level, MinDays: p.MinDays,
			MixTracks: p.MixTracks, ArriveEarly: p.ArriveEarly, Weeks: p.Weeks}
		if p.Modality != Virtual || p.Place != Home {
			fp.Place = p.Place
		}
		h, _ := strconv.ParseFloat(strconv.FormatFloat(float64(p.MinMinutes)/60, 'f', 4, 64), 64)
		fp.MinHours = h
		for _, t := range p.Tracks {
			ft := fileTrack{Name: t.Name}
			for _, se := range t.Sessions {
				ft.Sessions = append(ft.Sessions, spanFile(se))
			}
			fp.Tracks = append(fp.Tracks, ft)
		}
		f.Programs = append(f.Programs, fp)
	}
	f.Catalog = append([]string(nil), s.Catalog...)
	return f
}

func spanFile(s Span) fileSpan {
	return fileSpan{Days: s.Days.String(), Time: s.Time.String(), Weeks: s.Weeks}
}
