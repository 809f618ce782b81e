package planner

import (
	"encoding/json"
	"strconv"
)

// MarshalScenario writes a scenario in the file format that ParseScenario reads,
// indented for people. Parsing the result gives back an equal scenario.
func MarshalScenario(s *Scenario) ([]byte, error) {
	f := fileOf(s)
	emptyLists(&f)
	return json.MarshalIndent(f, "", "  ")
}

// emptyLists makes the lists of a file that are always written `[]` rather
// than `null` when they hold nothing, so an export reads as a person expects.
func emptyLists(f *fileScenario) {
	f.Travel = nonNil(f.Travel)
	f.RushHours = nonNil(f.RushHours)
	f.Jobs = nonNil(f.Jobs)
	f.Commitments = nonNil(f.Commitments)
	f.Support = nonNil(f.Support)
	f.Sleep = nonNil(f.Sleep)
	f.Programs = nonNil(f.Programs)
	for i := range f.Jobs {
		f.Jobs[i].Shifts = nonNil(f.Jobs[i].Shifts)
	}
	for i := range f.Support {
		f.Support[i].Covers = nonNil(f.Support[i].Covers)
	}
	for i := range f.Programs {
		f.Programs[i].Tracks = nonNil(f.Programs[i].Tracks)
		for j := range f.Programs[i].Tracks {
			f.Programs[i].Tracks[j].Sessions = nonNil(f.Programs[i].Tracks[j].Sessions)
		}
	}
}

// nonNil returns s, or an empty slice in place of nil.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
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
		fileProgramCalendar(&p, &fp)
		f.Programs = append(f.Programs, fp)
	}
	f.Catalog = append([]string(nil), s.Catalog...)
	fileCalendar(s, &f)
	checksFile(s, &f)
	return f
}

func spanFile(s Span) fileSpan {
	return fileSpan{Days: s.Days.String(), Time: s.Time.String(), Weeks: s.Weeks}
}
