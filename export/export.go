// Package export writes a plan out of the terminal: as a calendar file, a
// one-page handout (PDF or Markdown), CSV for a spreadsheet, or a note for an
// employer. Formats lists them; the command line, its usage text and the
// TUI's Export screen all read that one table.
package export

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"weekfit/planner"
)

// Options say how an export is made; the command line and the TUI fill
// them in.
type Options struct {
	Start  time.Time      // first day of the program; only the date counts
	Weeks  int            // length in weeks; 0 means the program's own (default 12)
	Loc    *time.Location // zone of the calendar file; must carry an IANA name
	Names  bool           // name the program and its place; false writes neutral labels
	Travel bool           // calendar: add travel legs and changed shifts as events
	Paper  string         // PDF paper size: "a4" or "letter"
	Now    time.Time      // when the export is made: DTSTAMP, PDF creation date
	Seed   string         // makes UIDs differ between profiles: a random id, never a name
	Job    string         // employer note: only this job's changes; empty means all
	// Board is the program board of the week (planner.Board): a section of
	// the Markdown ("Options we looked at") and a page of the PDF; nil
	// leaves them out.
	Board []planner.BoardRow
}

func (o Options) weeks(sc *planner.Scenario, p *planner.Plan) int {
	return o.planner().SpanWeeks(sc, p)
}

func (o Options) planner() planner.ExportOptions {
	return planner.ExportOptions{Start: o.Start, Weeks: o.Weeks, Names: o.Names, Job: o.Job}
}

// Format is one kind of file a plan can be written as.
type Format struct {
	Name   string // what --format takes: "ics"
	What   string // what the file is, in a few words: "calendar file"
	Ext    string // the file name's extension, with its dot: ".ics"
	Base   string // the file name before the date: "weekfit-plan"
	Render func(sc *planner.Scenario, p planner.Plan, opt Options) ([]byte, error)
}

// FileName names an export for what it is and its start date, never for a
// person or a program: weekfit-plan-2026-11-30.ics.
func (f Format) FileName(start time.Time) string {
	return f.Base + "-" + start.Format(time.DateOnly) + f.Ext
}

// Formats lists every format, in the order the usage text and the TUI show them.
func Formats() []Format {
	return []Format{
		{Name: "ics", What: "calendar file", Ext: ".ics", Base: "weekfit-plan", Render: renderICS},
		{Name: "pdf", What: "one-page handout", Ext: ".pdf", Base: "weekfit-handout", Render: renderPDF},
		{Name: "md", What: "Markdown notes", Ext: ".md", Base: "weekfit-plan", Render: renderMarkdown},
		{Name: "csv", What: "sessions for a spreadsheet", Ext: ".csv", Base: "weekfit-sessions", Render: renderCSV},
		{Name: "employer", What: "note for your employer", Ext: ".txt", Base: "weekfit-employer-note", Render: renderEmployerNote},
	}
}

// Lookup finds a format by its name.
func Lookup(name string) (Format, bool) {
	for _, f := range Formats() {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Names lists the formats' names in table order.
func Names() []string {
	var out []string
	for _, f := range Formats() {
		out = append(out, f.Name)
	}
	return out
}

// NameList writes the formats' names for a sentence: "ics, pdf, md, csv or
// employer" with last "or", "ics, pdf, md, csv, employer" with last ",".
func NameList(last string) string {
	n := Names()
	return strings.Join(n[:len(n)-1], ", ") + last + " " + n[len(n)-1]
}

func renderMarkdown(sc *planner.Scenario, p planner.Plan, opt Options) ([]byte, error) {
	md := Markdown(sc, &p, opt.planner())
	if len(opt.Board) > 0 {
		md += BoardMarkdown(opt.Board, opt.Names)
	}
	return []byte(md), nil
}

func renderCSV(sc *planner.Scenario, p planner.Plan, opt Options) ([]byte, error) {
	return CSV(sc, &p, opt.planner())
}

func renderEmployerNote(sc *planner.Scenario, p planner.Plan, opt Options) ([]byte, error) {
	return []byte(EmployerNote(sc, &p, opt.planner())), nil
}

// ErrInvalid marks an error in what the caller asked for, such as an unknown
// format or paper size.
var ErrInvalid = errors.New("invalid export option")

// invalidError is an ErrInvalid with its own sentence.
type invalidError struct{ msg string }

func (e invalidError) Error() string        { return e.msg }
func (e invalidError) Is(target error) bool { return target == ErrInvalid }

func invalid(format string, args ...any) error {
	return invalidError{fmt.Sprintf(format, args...)}
}

// Render writes plan p of scenario sc in the named format. An unknown format
// is an ErrInvalid.
func Render(format string, sc *planner.Scenario, p planner.Plan, opt Options) ([]byte, error) {
	if err := checkPlan(sc, &p); err != nil {
		return nil, err
	}
	if opt.Start.IsZero() {
		return nil, errors.New("no start date given; pass --start YYYY-MM-DD")
	}
	f, ok := Lookup(format)
	if !ok {
		return nil, invalid("--format: %q: use one of %s", format, NameList(","))
	}
	p = withPhases(sc, p, opt.Start)
	return f.Render(sc, p, opt)
}

// ErrPlanMismatch says a plan does not belong to the scenario it is exported
// with, as when a saved plan outlives a change to the week.
var ErrPlanMismatch = errors.New("the plan does not match the scenario; solve again and choose a plan")

// checkPlan makes sure every part of plan p exists in scenario sc, so that no
// export trips over a plan saved before the scenario changed.
func checkPlan(sc *planner.Scenario, p *planner.Plan) error {
	i := sc.ProgramIndex(p.Program)
	if i < 0 {
		return fmt.Errorf("program %q is not in the scenario: %w", p.Program, ErrPlanMismatch)
	}
	tracks := map[string]bool{}
	for _, t := range sc.Programs[i].Tracks {
		tracks[t.Name] = true
	}
	for _, ph := range sc.Programs[i].Phases {
		for _, t := range ph.Tracks {
			tracks[t.Name] = true
		}
	}
	if err := checkPhases(sc, p, i); err != nil {
		return err
	}
	for _, s := range p.Sessions {
		if s.Week < 1 || s.Week > sc.Weeks() || s.Day < planner.Mon || s.Day > planner.Sun || !tracks[s.Track] {
			return fmt.Errorf("session week %d %s %s (track %q): %w", s.Week, s.Day, s.Time, s.Track, ErrPlanMismatch)
		}
	}
	jobs := map[string]bool{}
	for _, j := range sc.Jobs {
		jobs[j.Name] = true
	}
	for _, c := range p.ShiftChanges {
		if c.Week < 1 || c.Week > sc.Weeks() || c.Day < planner.Mon || c.Day > planner.Sun || !jobs[c.Job] {
			return fmt.Errorf("shift change week %d %s: %w", c.Week, c.Day, ErrPlanMismatch)
		}
	}
	return nil
}

// CheckPaper reports whether name is a paper size the PDF knows: a4 or letter.
func CheckPaper(name string) error {
	_, err := pdfPaper(name)
	return err
}

// DefaultPaper is the paper of a zone: letter in America/*, else a4.
func DefaultPaper(loc *time.Location) string {
	if loc != nil && strings.HasPrefix(loc.String(), "America/") {
		return "letter"
	}
	return "a4"
}
