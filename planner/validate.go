package planner

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Limits on what a scenario may hold, so that a typo cannot ask for hours of work.
const (
	maxFlexMinutes  = 12 * 60
	maxLegMinutes   = 12 * 60
	maxEarlyMinutes = 4 * 60
	maxFactor       = 10.0
	maxItems        = 500
)

// sectionReader reads one part of a scenario file into s.
type sectionReader func(f *fileScenario, s *Scenario, placeRef placeChecker) error

// placeChecker checks a place id at a field path.
type placeChecker func(path, id string, required bool) error

func (f *fileScenario) toScenario() (*Scenario, error) {
	name, err := cleanName("name", f.Name)
	if err != nil {
		return nil, err
	}
	s := &Scenario{Version: 1, Name: strings.TrimSpace(name), CycleWeeks: 1}
	if err := readScenarioHeader(f, s); err != nil {
		return nil, err
	}
	if err := readChecks(f, s); err != nil {
		return nil, err
	}
	if err := s.readPlaces(f.Places); err != nil {
		return nil, err
	}
	if err := readCalendar(f, s); err != nil {
		return nil, err
	}
	placeRef := s.placeChecker()
	for _, read := range []sectionReader{readTravel, readRush, readJobs, readCommitments, readSupport, readSleep, readPrograms} {
		if err := read(f, s, placeRef); err != nil {
			return nil, err
		}
	}
	if n := len(s.Jobs) + len(s.Commitments) + len(s.Programs) + len(s.Travel) + len(s.Sleep) + len(s.Support); n > maxItems {
		return nil, bad("", "", "the scenario has %d entries; at most %d are allowed", n, maxItems)
	}
	return s, nil
}

func readScenarioHeader(f *fileScenario, s *Scenario) error {
	if f.Version != nil && *f.Version != 1 {
		return bad("version", fmt.Sprint(*f.Version), "unsupported version; this weekfit reads version 1")
	}
	if f.ArriveEarly != nil {
		if err := checkMinutes("arrive_early_minutes", *f.ArriveEarly, maxEarlyMinutes); err != nil {
			return err
		}
		s.ArriveEarly = *f.ArriveEarly
	}
	if f.CycleWeeks != nil {
		if *f.CycleWeeks < 1 || *f.CycleWeeks > MaxCycleWeeks {
			return bad("cycle_weeks", fmt.Sprint(*f.CycleWeeks), "must be from 1 to %d", MaxCycleWeeks)
		}
		s.CycleWeeks = *f.CycleWeeks
	}
	return nil
}

// placeChecker returns a check that a place id is one the scenario lists.
func (s *Scenario) placeChecker() placeChecker {
	known := map[string]bool{}
	for _, p := range s.Places {
		known[p.ID] = true
	}
	return func(path, id string, required bool) error {
		if id == "" {
			if required {
				return bad(path, "", "missing; name one of the place ids under \"places\"")
			}
			return nil
		}
		if !known[id] {
			return bad(path, id, "unknown place; add it under \"places\" or use one of: %s", strings.Join(placeIDs(s.Places), ", "))
		}
		return nil
	}
}

func readTravel(f *fileScenario, s *Scenario, placeRef placeChecker) error {
	if len(f.Catalog) > 0 {
		placeRef = catalogPlaceRef(placeRef)
	}
	for i, l := range f.Travel {
		p := fmt.Sprintf("travel[%d]", i)
		if err := placeRef(p+".from", l.From, true); err != nil {
			return err
		}
		if err := placeRef(p+".to", l.To, true); err != nil {
			return err
		}
		if l.From == l.To {
			return bad(p+".to", l.To, "a leg must join two different places")
		}
		if l.Minutes == nil {
			return bad(p+".minutes", "", "missing; give the travel time in minutes")
		}
		if err := checkMinutes(p+".minutes", *l.Minutes, maxLegMinutes); err != nil {
			return err
		}
		for j, o := range s.Travel {
			if (o.From == l.From && o.To == l.To) || (!o.OneWay && !l.OneWay && o.From == l.To && o.To == l.From) {
				return bad(p, l.From+" to "+l.To, "the same leg is already given at travel[%d]", j)
			}
		}
		mode, err := cleanName(p+".mode", l.Mode)
		if err != nil {
			return err
		}
		s.Travel = append(s.Travel, Leg{From: l.From, To: l.To, Minutes: *l.Minutes, OneWay: l.OneWay, Mode: mode})
	}
	return nil
}

func readRush(f *fileScenario, s *Scenario, _ placeChecker) error {
	for i, r := range f.RushHours {
		p := fmt.Sprintf("rush_hours[%d]", i)
		days, clock, err := readDaysTime(p, r.Days, r.Time)
		if err != nil {
			return err
		}
		if r.Factor < 1 || r.Factor > maxFactor || math.IsNaN(r.Factor) {
			return bad(p+".factor", fmt.Sprint(r.Factor), "must be from 1 to %g (1.5 means half as long again)", maxFactor)
		}
		s.RushHours = append(s.RushHours, Rush{Days: days, Time: clock, Factor: r.Factor})
	}
	return nil
}

func readJobs(f *fileScenario, s *Scenario, placeRef placeChecker) error {
	for i, j := range f.Jobs {
		job, err := readJob(fmt.Sprintf("jobs[%d]", i), j, s.CycleWeeks, placeRef)
		if err != nil {
			return err
		}
		s.Jobs = append(s.Jobs, job)
	}
	return nil
}

func readCommitments(f *fileScenario, s *Scenario, placeRef placeChecker) error {
	names := map[string]bool{}
	for i, c := range f.Commitments {
		p := fmt.Sprintf("commitments[%d]", i)
		var err error
		if c.Name, err = cleanName(p+".name", c.Name); err != nil {
			return err
		}
		if strings.TrimSpace(c.Name) == "" {
			return bad(p+".name", "", "missing; give the commitment a name (support people cover it by name)")
		}
		if names[c.Name] {
			return bad(p+".name", c.Name, "another commitment has this name; names must differ")
		}
		names[c.Name] = true
		span, err := readSpan(p, fileSpan{Days: c.Days, Time: c.Time, Weeks: c.Weeks}, s.CycleWeeks)
		if err != nil {
			return err
		}
		if err := placeRef(p+".place", c.Place, false); err != nil {
			return err
		}
		s.Commitments = append(s.Commitments, Commitment{Name: c.Name, Span: span, Place: c.Place})
	}
	return nil
}

func readSupport(f *fileScenario, s *Scenario, _ placeChecker) error {
	for i, sp := range f.Support {
		p := fmt.Sprintf("support[%d]", i)
		var err error
		if sp.Name, err = cleanName(p+".name", sp.Name); err != nil {
			return err
		}
		if strings.TrimSpace(sp.Name) == "" {
			return bad(p+".name", "", "missing; give the support person a name or a label such as \"Helper\"")
		}
		span, err := readSpan(p, fileSpan{Days: sp.Days, Time: sp.Time, Weeks: sp.Weeks}, s.CycleWeeks)
		if err != nil {
			return err
		}
		if len(sp.Covers) == 0 {
			return bad(p+".covers", "", "missing; list the commitments this person covers by name")
		}
		covers := make([]string, len(sp.Covers))
		for k, c := range sp.Covers {
			kp := fmt.Sprintf("%s.covers[%d]", p, k)
			if covers[k], err = cleanName(kp, c); err != nil {
				return err
			}
			if !hasCommitment(s, covers[k]) {
				return bad(kp, c, "no commitment has this name")
			}
		}
		s.Support = append(s.Support, Support{Name: sp.Name, Span: span, Covers: covers})
	}
	return nil
}

func hasCommitment(s *Scenario, name string) bool {
	for _, c := range s.Commitments {
		if c.Name == name {
			return true
		}
	}
	return false
}

func readSleep(f *fileScenario, s *Scenario, _ placeChecker) error {
	for i, sl := range f.Sleep {
		span, err := readSpan(fmt.Sprintf("sleep[%d]", i), sl, s.CycleWeeks)
		if err != nil {
			return err
		}
		s.Sleep = append(s.Sleep, span)
	}
	return nil
}

func readPrograms(f *fileScenario, s *Scenario, placeRef placeChecker) error {
	ids := map[string]bool{}
	for i, fp := range f.Programs {
		p := fmt.Sprintf("programs[%d]", i)
		prog, err := readProgram(p, fp, s.CycleWeeks, placeRef)
		if err != nil {
			return err
		}
		if ids[prog.ID] {
			return bad(p+".id", prog.ID, "another program has this id; ids must differ")
		}
		ids[prog.ID] = true
		s.Programs = append(s.Programs, prog)
	}
	for i, id := range f.Catalog {
		id = strings.TrimSpace(id)
		if !isWord(id) {
			return bad(fmt.Sprintf("catalog[%d]", i), id, "must be a catalog program id, one word like \"riverside\"")
		}
		if ids[id] {
			return bad(fmt.Sprintf("catalog[%d]", i), id, "the scenario already has a program with this id")
		}
		ids[id] = true
		s.Catalog = append(s.Catalog, id)
	}
	if len(s.Programs) == 0 && len(s.Catalog) == 0 {
		return bad("programs", "", "the scenario lists no programs; add at least one program with its tracks")
	}
	return nil
}

func (s *Scenario) readPlaces(m map[string]string) error {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	hasHome := false
	for _, id := range ids {
		if !isWord(id) {
			return bad("places", id, "a place id must be one word, like \"work\" or \"clinic\"")
		}
		if id == Home {
			hasHome = true
		}
		name, err := cleanName("places."+id, m[id])
		if err != nil {
			return err
		}
		s.Places = append(s.Places, Place{ID: id, Name: name})
	}
	if !hasHome {
		s.Places = append([]Place{{ID: Home, Name: "Home"}}, s.Places...)
	} else {
		// keep home first: the grid and the exports list it first
		sort.SliceStable(s.Places, func(i, j int) bool { return s.Places[i].ID == Home && s.Places[j].ID != Home })
	}
	return nil
}

func placeIDs(ps []Place) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func checkMinutes(path string, v, max int) error {
	if v < 0 {
		return bad(path, fmt.Sprint(v), "minutes cannot be negative")
	}
	if v > max {
		return bad(path, fmt.Sprint(v), "more than %d minutes; check the number", max)
	}
	return nil
}

func readDaysTime(path, days, clock string) (DaySet, Clock, error) {
	d, err := ParseDays(days)
	if err != nil {
		return 0, Clock{}, &InputError{Path: path + ".days", Value: days, Reason: err.Error()}
	}
	c, err := ParseClock(clock)
	if err != nil {
		return 0, Clock{}, &InputError{Path: path + ".time", Value: clock, Reason: err.Error()}
	}
	return d, c, nil
}

func readSpan(path string, f fileSpan, cycle int) (Span, error) {
	d, c, err := readDaysTime(path, f.Days, f.Time)
	if err != nil {
		return Span{}, err
	}
	sp := Span{Days: d, Time: c}
	if len(f.Weeks) == 0 {
		return sp, nil
	}
	seen := make(map[int]bool, len(f.Weeks))
	for i, w := range f.Weeks {
		if w < 1 || w > cycle {
			return Span{}, bad(fmt.Sprintf("%s.weeks[%d]", path, i), fmt.Sprint(w), "week out of range; cycle_weeks is %d, so weeks run from 1 to %d", cycle, cycle)
		}
		if !seen[w] {
			sp.Weeks = append(sp.Weeks, w)
			seen[w] = true
		}
	}
	sort.Ints(sp.Weeks)
	if len(f.Weeks) > 0 && len(sp.Weeks) == cycle {
		sp.Weeks = nil
	}
	return sp, nil
}

func readJob(p string, j fileJob, cycle int, placeRef func(string, string, bool) error) (Job, error) {
	var err error
	if j.Name, err = cleanName(p+".name", j.Name); err != nil {
		return Job{}, err
	}
	if strings.TrimSpace(j.Name) == "" {
		return Job{}, bad(p+".name", "", "missing; give the job a name or a label such as \"Job\"")
	}
	if err := placeRef(p+".place", j.Place, true); err != nil {
		return Job{}, err
	}
	job := Job{Name: j.Name, Place: j.Place, MaxUnpaid: j.MaxUnpaid}
	if len(j.Shifts) == 0 {
		return Job{}, bad(p+".shifts", "", "missing; list at least one shift")
	}
	for k, sh := range j.Shifts {
		span, err := readSpan(fmt.Sprintf("%s.shifts[%d]", p, k), sh, cycle)
		if err != nil {
			return Job{}, err
		}
		job.Shifts = append(job.Shifts, span)
	}
	if j.Flex != nil {
		fl := j.Flex
		for _, x := range []struct {
			name string
			v    int
		}{{"start_earlier", fl.StartEarlier}, {"start_later", fl.StartLater}, {"end_earlier", fl.EndEarlier}, {"end_later", fl.EndLater}} {
			if err := checkMinutes(p+".flex."+x.name, x.v, maxFlexMinutes); err != nil {
				return Job{}, err
			}
		}
		job.Flex = Flex{StartEarlier: fl.StartEarlier, StartLater: fl.StartLater, EndEarlier: fl.EndEarlier, EndLater: fl.EndLater}
	}
	if err := checkMinutes(p+".max_unpaid_minutes_per_week", j.MaxUnpaid, MinutesPerWeek); err != nil {
		return Job{}, err
	}
	return job, nil
}
