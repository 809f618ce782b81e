package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"weekfit/export"
	"weekfit/planner"
	"weekfit/store"
)

// exportPlanArgs is what follows export-plan in the usage text: the command
// table's row and exportUse both read it.
func exportPlanArgs() string {
	return "PROFILE --format " + strings.Join(export.Names(), "|") + " [--out FILE] [--start YYYY-MM-DD]"
}

// exportUse is export-plan's usage line, with the formats of export.Formats.
func exportUse() string {
	return "usage: weekfit export-plan " + exportPlanArgs() + "\n" +
		"       [--tz ZONE] [--names] [--travel] [--paper a4|letter] [--weeks N] [--job NAME] [--whatif NAME] [--db PATH]"
}

// exportFlags are the command line of export-plan.
type exportFlags struct {
	format, out, start, tz, paper, job, db string
	whatIf                                 string
	names, travel                          bool
	weeks                                  int
}

// parseExportFlags reads export-plan's command line: one profile and flags.
func parseExportFlags(args []string) (string, exportFlags, error) {
	var f exportFlags
	fs := newFlagSet("export-plan")
	fs.StringVar(&f.format, "format", "", export.NameList(" or"))
	fs.StringVar(&f.out, "out", "", "file to write (0600); default standard output")
	fs.StringVar(&f.start, "start", "", "first day of the program, YYYY-MM-DD; default next Monday")
	fs.StringVar(&f.tz, "tz", "", "time zone of the calendar; default the machine's")
	fs.StringVar(&f.paper, "paper", "", "PDF paper: a4 or letter")
	fs.StringVar(&f.job, "job", "", "employer note: only this job's changes")
	fs.StringVar(&f.db, "db", "", "database file")
	fs.StringVar(&f.whatIf, "whatif", "", "export a what-if's best plan; with --format employer, the note asks for its asks")
	fs.BoolVar(&f.names, "names", false, "name the program and its place (discreet without)")
	fs.BoolVar(&f.travel, "travel", false, "calendar: add travel legs and changed shifts as events")
	fs.IntVar(&f.weeks, "weeks", 0, "length of the program in weeks; default the program's own, else 12")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return "", f, usageErr("export-plan: %v\n%s", strings.TrimPrefix(err.Error(), "flag provided but not defined: "), exportUse())
	}
	if len(pos) != 1 {
		return "", f, usageErr("export-plan needs one profile (its name or id)\n%s", exportUse())
	}
	if f.format == "" {
		return "", f, usageErr("export-plan: give --format %s\n%s", export.NameList(" or"), exportUse())
	}
	if _, ok := export.Lookup(f.format); !ok {
		return "", f, usageErr("--format: %q: use one of %s", f.format, export.NameList(","))
	}
	if f.weeks < 0 || f.weeks > 104 {
		return "", f, usageErr("--weeks: %d: give a number of weeks from 1 to 104", f.weeks)
	}
	return pos[0], f, nil
}

// options turns the flags into export.Options, at time now, with lookupEnv
// for the machine's zone.
func (f exportFlags) options(now time.Time, lookupEnv func(string) (string, bool)) (export.Options, error) {
	opt := export.Options{Names: f.names, Travel: f.travel, Weeks: f.weeks, Job: f.job, Now: now}
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
		opt.Paper = export.DefaultPaper(opt.Loc)
	}
	if err := export.CheckPaper(opt.Paper); err != nil {
		return opt, inputError{err}
	}
	return opt, nil
}

// parseStart reads --start, or gives the Monday after today.
func parseStart(s string, today time.Time) (time.Time, error) {
	if s == "" {
		return planner.NextMonday(today), nil
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

// writeExport writes data to path with mode 0600, or to stdout when path is
// empty or "-".
func writeExport(path string, data []byte, stdout io.Writer) error {
	if path == "" || path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	return export.WriteFile(path, data)
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
		if f.whatIf != "" {
			data, err = exportWhatIf(db, ref, f, opt)
			return err
		}
		sc, p, id, err := profilePlan(db, ref)
		if err != nil {
			return err
		}
		if sc, p, err = spanWeeks(sc, p, f.weeks); err != nil {
			return err
		}
		if f.job != "" && !hasJob(sc, f.job) {
			return usageErr("--job: %q: the profile's week has no job of that name", f.job)
		}
		opt.Seed = id
		if f.start == "" && !sc.Start.IsZero() {
			opt.Start = sc.Start // the week's own first day (issue 14)
		}
		if opt.Board, err = profileBoard(db, f.format, id, now); err != nil {
			return err
		}
		data, err = export.Render(f.format, sc, p, opt)
		if errors.Is(err, export.ErrInvalid) {
			return inputError{err}
		}
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
	if sc, err = mergeCatalog(db, sc); err != nil {
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
