package main

import (
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
