package tui

import (
	"fmt"
	"slices"
	"strconv"

	"weekfit/planner"
)

// buildFields lists every editable value of the week, section by section.
func buildFields(sc *planner.Scenario) []field {
	var fs []field
	fs = append(fs, generalFields()...)
	fs = append(fs, jobFields(sc)...)
	fs = append(fs, placeFields(sc)...)
	fs = append(fs, travelFields(sc)...)
	fs = append(fs, rushFields(sc)...)
	fs = append(fs, dutyFields(sc)...)
	fs = append(fs, supportFields(sc)...)
	fs = append(fs, sleepFields(sc)...)
	fs = append(fs, programFields(sc)...)
	return fs
}

func head(label string, add func(*planner.Scenario) string) field {
	return field{label: label, kind: fHead, add: add}
}

func generalFields() []field {
	return []field{
		head("Week", nil),
		textField("name", 1, fText, func(sc *planner.Scenario) *string { return &sc.Name }),
		intField("arrive early (min)", 1, func(sc *planner.Scenario) *int { return &sc.ArriveEarly }),
		{label: "weeks in rotation", indent: 1, kind: fInt,
			get: func(sc *planner.Scenario) string { return strconv.Itoa(sc.Weeks()) },
			set: func(sc *planner.Scenario, s string) { sc.CycleWeeks = atoi(s) }},
		{label: "catalog programs (ids)", indent: 1, kind: fList,
			get:  func(sc *planner.Scenario) string { return joinList(sc.Catalog) },
			set:  func(sc *planner.Scenario, s string) { sc.Catalog = splitList(s) },
			hint: catalogHint},
	}
}

func jobFields(sc *planner.Scenario) []field {
	addJob := func(sc *planner.Scenario) string {
		sc.Jobs = append(sc.Jobs, planner.Job{Name: fmt.Sprintf("Job %d", len(sc.Jobs)+1), Place: firstPlace(sc),
			Shifts: []planner.Span{defaultSpan("Mon-Fri", "09:00-17:00")}})
		return "added a job"
	}
	fs := []field{head("Jobs", addJob)}
	for j := range sc.Jobs {
		job := func(sc *planner.Scenario) *planner.Job { return &sc.Jobs[j] }
		del := func(sc *planner.Scenario) string {
			sc.Jobs = slices.Delete(sc.Jobs, j, j+1)
			return "deleted a job"
		}
		addShift := func(sc *planner.Scenario) string {
			job(sc).Shifts = append(job(sc).Shifts, defaultSpan("Sat", "09:00-13:00"))
			return "added a shift"
		}
		part := []field{
			textField(fmt.Sprintf("job %d name", j+1), 1, fText, func(sc *planner.Scenario) *string { return &job(sc).Name }),
			placeField("place", 2, false, func(sc *planner.Scenario) *string { return &job(sc).Place }),
			intField("may start earlier (min)", 2, func(sc *planner.Scenario) *int { return &job(sc).Flex.StartEarlier }),
			intField("may start later (min)", 2, func(sc *planner.Scenario) *int { return &job(sc).Flex.StartLater }),
			intField("may end earlier (min)", 2, func(sc *planner.Scenario) *int { return &job(sc).Flex.EndEarlier }),
			intField("may end later (min)", 2, func(sc *planner.Scenario) *int { return &job(sc).Flex.EndLater }),
			intField("unpaid a week at most (min)", 2, func(sc *planner.Scenario) *int { return &job(sc).MaxUnpaid }),
		}
		fs = append(fs, withAdd(withDel(part, del), addShift)...)
		for k := range sc.Jobs[j].Shifts {
			at := func(sc *planner.Scenario) *planner.Span { return &job(sc).Shifts[k] }
			delShift := func(sc *planner.Scenario) string {
				job(sc).Shifts = slices.Delete(job(sc).Shifts, k, k+1)
				return "deleted a shift"
			}
			sh := append([]field{{label: fmt.Sprintf("shift %d", k+1), indent: 2, kind: fHead}}, spanFields(3, at)...)
			fs = append(fs, withAdd(withDel(sh, delShift), addShift)...)
		}
	}
	return fs
}

func placeFields(sc *planner.Scenario) []field {
	add := func(sc *planner.Scenario) string {
		id := fmt.Sprintf("place%d", len(sc.Places)+1)
		sc.Places = append(sc.Places, planner.Place{ID: id, Name: fmt.Sprintf("Place %d", len(sc.Places)+1)})
		return "added a place"
	}
	fs := []field{head("Places", add)}
	for i := range sc.Places {
		del := func(sc *planner.Scenario) string {
			sc.Places = slices.Delete(sc.Places, i, i+1)
			return "deleted a place"
		}
		f := textField(fmt.Sprintf("place %d", i+1), 1, fText, func(sc *planner.Scenario) *string { return &sc.Places[i].Name })
		f.add, f.del = add, del
		fs = append(fs, f)
	}
	return fs
}

func travelFields(sc *planner.Scenario) []field {
	add := func(sc *planner.Scenario) string {
		from, to, ok := missingLeg(sc)
		if !ok {
			return "every two places already have a travel leg: add a place first"
		}
		sc.Travel = append(sc.Travel, planner.Leg{From: from, To: to, Minutes: 20})
		return "added a travel leg"
	}
	fs := []field{head("Travel", add)}
	for i := range sc.Travel {
		leg := func(sc *planner.Scenario) *planner.Leg { return &sc.Travel[i] }
		del := func(sc *planner.Scenario) string {
			sc.Travel = slices.Delete(sc.Travel, i, i+1)
			return "deleted a travel leg"
		}
		part := []field{
			placeField(fmt.Sprintf("leg %d from", i+1), 1, false, func(sc *planner.Scenario) *string { return &leg(sc).From }),
			placeField("to", 2, false, func(sc *planner.Scenario) *string { return &leg(sc).To }),
			intField("minutes", 2, func(sc *planner.Scenario) *int { return &leg(sc).Minutes }),
			textField("mode (car, bus, walk, ride)", 2, fOpt, func(sc *planner.Scenario) *string { return &leg(sc).Mode }),
			{label: "one way", indent: 2, kind: fBool,
				get: func(sc *planner.Scenario) string { return yesNo(leg(sc).OneWay) },
				set: func(sc *planner.Scenario, s string) { leg(sc).OneWay, _ = parseBool(s) }},
		}
		fs = append(fs, withAdd(withDel(part, del), add)...)
	}
	return fs
}

func rushFields(sc *planner.Scenario) []field {
	add := func(sc *planner.Scenario) string {
		s := defaultSpan("Mon-Fri", "16:00-18:30")
		sc.RushHours = append(sc.RushHours, planner.Rush{Days: s.Days, Time: s.Time, Factor: 1.5})
		return "added rush hours"
	}
	fs := []field{head("Rush hours", add)}
	for i := range sc.RushHours {
		r := func(sc *planner.Scenario) *planner.Rush { return &sc.RushHours[i] }
		del := func(sc *planner.Scenario) string {
			sc.RushHours = slices.Delete(sc.RushHours, i, i+1)
			return "deleted rush hours"
		}
		part := []field{
			{label: fmt.Sprintf("rush %d days", i+1), indent: 1, kind: fDays,
				get: func(sc *planner.Scenario) string { return r(sc).Days.String() },
				set: func(sc *planner.Scenario, s string) { r(sc).Days, _ = planner.ParseDays(s) }},
			{label: "time", indent: 2, kind: fClock,
				get: func(sc *planner.Scenario) string { return r(sc).Time.String() },
				set: func(sc *planner.Scenario, s string) { r(sc).Time, _ = planner.ParseClock(s) }},
			{label: "factor", indent: 2, kind: fFactor,
				get: func(sc *planner.Scenario) string { return strconv.FormatFloat(r(sc).Factor, 'g', -1, 64) },
				set: func(sc *planner.Scenario, s string) { r(sc).Factor = atof(s) }},
		}
		fs = append(fs, withAdd(withDel(part, del), add)...)
	}
	return fs
}

func joinList(xs []string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}

// catalogHint lists the programs of the catalog a week may name.
func catalogHint(d *shared) string {
	if d.cat == nil || len(d.cat.Programs) == 0 {
		return "the catalog is empty: weekfit import CATALOG adds programs"
	}
	parts := make([]string, len(d.cat.Programs))
	for i, p := range d.cat.Programs {
		parts[i] = p.ID
		if !d.discreet {
			parts[i] += " (" + p.Name + ")"
		}
	}
	return "in the catalog: " + joinList(parts)
}

// missingLeg returns two places with no travel leg between them yet.
func missingLeg(sc *planner.Scenario) (string, string, bool) {
	ids := []string{planner.Home}
	for _, p := range sc.Places {
		if p.ID != planner.Home {
			ids = append(ids, p.ID)
		}
	}
	has := func(a, b string) bool {
		for _, l := range sc.Travel {
			if (l.From == a && l.To == b) || (!l.OneWay && l.From == b && l.To == a) {
				return true
			}
		}
		return false
	}
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			if !has(a, b) {
				return a, b, true
			}
		}
	}
	return "", "", false
}
