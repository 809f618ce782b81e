package main

import (
	"errors"
	"fmt"
	"time"

	"weekfit/planner"
)

// exportOptions say how an export is made; the command line and the TUI fill
// them in.
type exportOptions struct {
	Start  time.Time      // first day of the program; only the date counts
	Weeks  int            // length in weeks; 0 means the program's own (default 12)
	Loc    *time.Location // zone of the calendar file; must carry an IANA name
	Names  bool           // name the program and its place; false writes neutral labels
	Travel bool           // calendar: add travel legs and changed shifts as events
	Paper  string         // PDF paper size: "a4" or "letter"
	Now    time.Time      // when the export is made: DTSTAMP, PDF creation date
	Seed   string         // makes UIDs differ between profiles: a random id, never a name
	Job    string         // employer note: only this job's changes; empty means all
}

func (o exportOptions) weeks(sc *planner.Scenario, p *planner.Plan) int {
	if o.Weeks > 0 {
		return o.Weeks
	}
	return planner.ProgramWeeks(sc, p)
}

func (o exportOptions) planner() planner.ExportOptions {
	return planner.ExportOptions{Start: o.Start, Weeks: o.Weeks, Names: o.Names, Job: o.Job}
}

// renderExport writes plan p of scenario sc in one format: ics, pdf, md, csv
// or employer. An unknown format is an input error.
func renderExport(format string, sc *planner.Scenario, p planner.Plan, opt exportOptions) ([]byte, error) {
	if err := checkPlan(sc, &p); err != nil {
		return nil, err
	}
	if opt.Start.IsZero() {
		return nil, errors.New("no start date given; pass --start YYYY-MM-DD")
	}
	po := opt.planner()
	switch format {
	case "ics":
		return renderICS(sc, p, opt)
	case "pdf":
		return renderPDF(sc, p, opt)
	case "md":
		return []byte(planner.Markdown(sc, &p, po)), nil
	case "csv":
		return planner.CSV(sc, &p, po)
	case "employer":
		return []byte(planner.EmployerNote(sc, &p, po)), nil
	}
	return nil, usageErr("--format: %q: use one of ics, pdf, md, csv, employer", format)
}

// errPlanMismatch says a plan does not belong to the scenario it is exported
// with, as when a saved plan outlives a change to the week.
var errPlanMismatch = errors.New("the plan does not match the scenario; solve again and choose a plan")

// checkPlan makes sure every part of plan p exists in scenario sc, so that no
// export trips over a plan saved before the scenario changed.
func checkPlan(sc *planner.Scenario, p *planner.Plan) error {
	i := sc.ProgramIndex(p.Program)
	if i < 0 {
		return fmt.Errorf("program %q is not in the scenario: %w", p.Program, errPlanMismatch)
	}
	tracks := map[string]bool{}
	for _, t := range sc.Programs[i].Tracks {
		tracks[t.Name] = true
	}
	for _, s := range p.Sessions {
		if s.Week < 1 || s.Week > sc.Weeks() || s.Day < planner.Mon || s.Day > planner.Sun || !tracks[s.Track] {
			return fmt.Errorf("session week %d %s %s (track %q): %w", s.Week, s.Day, s.Time, s.Track, errPlanMismatch)
		}
	}
	jobs := map[string]bool{}
	for _, j := range sc.Jobs {
		jobs[j.Name] = true
	}
	for _, c := range p.ShiftChanges {
		if c.Week < 1 || c.Week > sc.Weeks() || c.Day < planner.Mon || c.Day > planner.Sun || !jobs[c.Job] {
			return fmt.Errorf("shift change week %d %s: %w", c.Week, c.Day, errPlanMismatch)
		}
	}
	return nil
}
