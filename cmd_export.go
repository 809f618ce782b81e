package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"weekfit/planner"
	"weekfit/store"
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

const exportUse = "usage: weekfit export-plan PROFILE --format ics|pdf|md|csv|employer [--out FILE] [--start YYYY-MM-DD]\n" +
	"       [--tz ZONE] [--names] [--travel] [--paper a4|letter] [--weeks N] [--job NAME] [--db PATH]"

// exportFlags are the command line of export-plan.
type exportFlags struct {
	format, out, start, tz, paper, job, db string
	names, travel                          bool
	weeks                                  int
}

// parseExportFlags reads export-plan's command line: one profile and flags.
func parseExportFlags(args []string) (string, exportFlags, error) {
	var f exportFlags
	fs := newFlagSet("export-plan")
	fs.StringVar(&f.format, "format", "", "ics, pdf, md, csv or employer")
	fs.StringVar(&f.out, "out", "", "file to write (0600); default standard output")
	fs.StringVar(&f.start, "start", "", "first day of the program, YYYY-MM-DD; default next Monday")
	fs.StringVar(&f.tz, "tz", "", "time zone of the calendar; default the machine's")
	fs.StringVar(&f.paper, "paper", "", "PDF paper: a4 or letter")
	fs.StringVar(&f.job, "job", "", "employer note: only this job's changes")
	fs.StringVar(&f.db, "db", "", "database file")
	fs.BoolVar(&f.names, "names", false, "name the program and its place (discreet without)")
	fs.BoolVar(&f.travel, "travel", false, "calendar: add travel legs and changed shifts as events")
	fs.IntVar(&f.weeks, "weeks", 0, "length of the program in weeks; default the program's own, else 12")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return "", f, usageErr("export-plan: %v\n%s", strings.TrimPrefix(err.Error(), "flag provided but not defined: "), exportUse)
	}
	if len(pos) != 1 {
		return "", f, usageErr("export-plan needs one profile (its name or id)\n%s", exportUse)
	}
	switch f.format {
	case "ics", "pdf", "md", "csv", "employer":
	case "":
		return "", f, usageErr("export-plan: give --format ics, pdf, md, csv or employer\n%s", exportUse)
	default:
		return "", f, usageErr("--format: %q: use one of ics, pdf, md, csv, employer", f.format)
	}
	if f.weeks < 0 || f.weeks > 104 {
		return "", f, usageErr("--weeks: %d: give a number of weeks from 1 to 104", f.weeks)
	}
	return pos[0], f, nil
}

// options turns the flags into exportOptions, at time now, with lookupEnv for
// the machine's zone.
func (f exportFlags) options(now time.Time, lookupEnv func(string) (string, bool)) (exportOptions, error) {
	opt := exportOptions{Names: f.names, Travel: f.travel, Weeks: f.weeks, Job: f.job, Now: now}
	zone := f.tz
	if zone == "" {
		zone = machineZone(lookupEnv)
	}
	opt.Loc = time.Local
	if zone != "" {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			if f.tz == "" {
				return opt, fmt.Errorf("the machine's time zone %q is unknown to Go: pass --tz with a name such as America/New_York", zone)
			}
			return opt, usageErr("--tz: %q: unknown time zone; use a name such as America/New_York or Europe/Berlin", f.tz)
		}
		opt.Loc = loc
	}
	start, err := parseStart(f.start, now.In(opt.Loc))
	if err != nil {
		return opt, err
	}
	opt.Start = start
	opt.Paper = f.paper
	if opt.Paper == "" {
		opt.Paper = "a4"
		if strings.HasPrefix(opt.Loc.String(), "America/") {
			opt.Paper = "letter"
		}
	}
	if _, err := pdfPaper(opt.Paper); err != nil {
		return opt, err
	}
	return opt, nil
}

// parseStart reads --start, or gives the Monday after today.
func parseStart(s string, today time.Time) (time.Time, error) {
	if s == "" {
		d := planner.Date(today)
		ahead := (8 - int(d.Weekday())) % 7
		if ahead == 0 {
			ahead = 7
		}
		return d.AddDate(0, 0, ahead), nil
	}
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		why := "not a date"
		var pe *time.ParseError
		if errors.As(err, &pe) && pe.Message != "" {
			why = strings.TrimPrefix(pe.Message, ": ")
		}
		return time.Time{}, usageErr("--start: %q: %s; write the date as YYYY-MM-DD", s, why)
	}
	return t, nil
}

// machineZone names the machine's time zone: $TZ, /etc/timezone, or the
// target of /etc/localtime; "" when none of them says.
func machineZone(lookupEnv func(string) (string, bool)) string {
	if tz, ok := lookupEnv("TZ"); ok && strings.TrimPrefix(tz, ":") != "" {
		return strings.TrimPrefix(tz, ":")
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil && strings.TrimSpace(string(b)) != "" {
		return strings.TrimSpace(string(b))
	}
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if _, name, ok := strings.Cut(target, "zoneinfo/"); ok {
			return name
		}
	}
	return ""
}

// writeExport writes data to path with mode 0600 (tightening an existing
// file), or to stdout when path is empty or "-".
func writeExport(path string, data []byte, stdout io.Writer) error {
	if path == "" || path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// cmdExportPlan writes a profile's chosen plan, or its best-ranked plan when
// none is chosen, in one format, at time now.
func cmdExportPlan(args []string, stdout io.Writer, env storeEnv, now time.Time) error {
	ref, f, err := parseExportFlags(args)
	if err != nil {
		return err
	}
	opt, err := f.options(now, env.lookupEnv)
	if err != nil {
		return err
	}
	var data []byte
	err = withStore(f.db, env, func(db *store.DB, _ string) error {
		sc, p, id, err := profilePlan(db, ref)
		if err != nil {
			return err
		}
		if f.job != "" && !hasJob(sc, f.job) {
			return usageErr("--job: %q: the profile's week has no job of that name", f.job)
		}
		opt.Seed = id
		data, err = renderExport(f.format, sc, p, opt)
		return err
	})
	if err != nil {
		return err
	}
	return writeExport(f.out, data, stdout)
}

// profilePlan finds the plan to export for a profile: the chosen plan with the
// scenario it was made from, else the best plan for the profile's week. It
// also returns the profile's id, which seeds the calendar's UIDs.
func profilePlan(db *store.DB, ref string) (*planner.Scenario, planner.Plan, string, error) {
	prof, err := db.Profile(ref)
	if errors.Is(err, store.ErrNotFound) {
		return nil, planner.Plan{}, "", usageErr("no profile %q; weekfit profiles lists them", ref)
	}
	if err != nil {
		return nil, planner.Plan{}, "", err
	}
	saved, err := db.ChosenPlan(prof.ID)
	if err == nil && saved.Scenario != nil {
		return saved.Scenario, saved.Plan, prof.ID, nil
	}
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, planner.Plan{}, "", err
	}
	sc, err := db.Scenario(prof.ID)
	if err != nil {
		return nil, planner.Plan{}, "", err
	}
	res, err := solveWithin(sc, planner.Options{Top: 1}, defaultMaxTime)
	if err != nil {
		return nil, planner.Plan{}, "", err
	}
	if len(res.Plans) == 0 {
		return nil, planner.Plan{}, "", errors.New("no plan fits this profile's week, so there is nothing to export; weekfit solve shows why")
	}
	return sc, res.Plans[0], prof.ID, nil
}

func hasJob(sc *planner.Scenario, name string) bool {
	for _, j := range sc.Jobs {
		if j.Name == name {
			return true
		}
	}
	return false
}
