package tui

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// fakeExporter records what it is asked to export.
type fakeExporter struct {
	mu   sync.Mutex
	reqs []ExportRequest
	fail error
}

func (f *fakeExporter) Export(req ExportRequest) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return "", f.fail
	}
	f.reqs = append(f.reqs, req)
	return req.Dir + "/weekfit-plan-" + req.Start.Format(time.DateOnly) + "." + req.Format, nil
}

// exportNow is the clock of the export tests: a Wednesday.
func exportNow() time.Time { return time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC) }

// exportOptions are the options the export tests and goldens start with.
func exportOptions(ex Exporter) Options {
	formats := []ExportFormat{
		{"ics", "calendar file"}, {"pdf", "one-page handout"}, {"md", "Markdown notes"},
		{"csv", "sessions for a spreadsheet"}, {"employer", "note for your employer"},
	}
	return Options{Exporter: ex, Formats: formats, Now: exportNow, Dir: "/home/me/exports"}
}

// startedWith returns the TUI on st with opt, sized and loaded.
func startedWith(t testing.TB, st Store, opt Options, w, h int) Model {
	t.Helper()
	m := New(st, opt)
	m = run(m, tea.WindowSizeMsg{Width: w, Height: h})
	for _, msg := range drain(m.Init()) {
		m = run(m, msg)
	}
	return m
}

func TestExportKeyOffWithoutExporter(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	if strings.Contains(view(m), "E export") {
		t.Errorf("help offers E without an exporter:\n%s", view(m))
	}
	m = typeKeys(m, "E")
	if m.active == scExport {
		t.Error("E opened Export without an exporter")
	}
	m = typeKeys(m, "?")
	if strings.Contains(view(m), "export") {
		t.Errorf("full help lists export without an exporter:\n%s", view(m))
	}
}

func TestExportScreenDefaultsAndExport(t *testing.T) {
	ex := &fakeExporter{}
	m := startedWith(t, storeWith(t, 1), exportOptions(ex), 120, 40)
	if !strings.Contains(view(m), "E export") {
		t.Errorf("help lacks E export:\n%s", view(m))
	}
	m = typeKeys(m, "2", "j", "E")
	if m.active != scExport {
		t.Fatalf("E went to %v", m.active)
	}
	v := view(m)
	for _, want := range []string{"[Export]", "Plan: plan 2 on show (none chosen yet", "< ics >", "2026-11-30", "names", "no", "/home/me/exports"} {
		if !strings.Contains(v, want) {
			t.Errorf("export screen lacks %q:\n%s", want, v)
		}
	}
	// Format: right twice is md, left once back to pdf.
	m = typeKeys(m, "right", "right", "left")
	if got := m.export.formats[m.export.format].Name; got != "pdf" {
		t.Errorf("format %q, want pdf", got)
	}
	// Names on.
	m = typeKeys(m, "down", "down", "space")
	if !m.export.names || !strings.Contains(view(m), "the program's name and place are in the file") {
		t.Errorf("names not on:\n%s", view(m))
	}
	m = typeKeys(m, "enter")
	if len(ex.reqs) != 1 {
		t.Fatalf("%d exports, want 1", len(ex.reqs))
	}
	r := ex.reqs[0]
	want := m.d.res.Plans[1]
	if r.Format != "pdf" || !r.Names || r.Dir != "/home/me/exports" || r.ProfileID != m.d.profile.ID ||
		!r.Start.Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)) || !samePlan(&r.Plan, &want) || r.Scenario != m.d.full {
		t.Errorf("request %+v", r)
	}
	if !strings.Contains(view(m), "exported to /home/me/exports/weekfit-plan-2026-11-30.pdf") {
		t.Errorf("status does not say where:\n%s", view(m))
	}
	if m.pending != 0 {
		t.Errorf("pending %d after the export", m.pending)
	}
}

func TestExportChosenPlan(t *testing.T) {
	ex := &fakeExporter{}
	m := startedWith(t, storeWith(t, 1), exportOptions(ex), 120, 40)
	m = typeKeys(m, "2", "j", "j", "enter", "k", "E")
	if !strings.Contains(view(m), "Plan: the chosen plan") {
		t.Errorf("export screen does not say it exports the chosen plan:\n%s", view(m))
	}
	m = typeKeys(m, "enter")
	want := m.d.res.Plans[2]
	if len(ex.reqs) != 1 || !samePlan(&ex.reqs[0].Plan, &want) || ex.reqs[0].Format != "ics" {
		t.Errorf("exported %+v, want the chosen plan 3 as ics", ex.reqs)
	}
}

func TestExportBadDate(t *testing.T) {
	ex := &fakeExporter{}
	m := startedWith(t, storeWith(t, 1), exportOptions(ex), 120, 40)
	m = typeKeys(m, "E", "down")
	if !m.capturing() {
		t.Fatal("start field does not take the keyboard")
	}
	m = typeKeys(m, "backspace", "backspace", "x")
	line := lineWith(view(m), "start")
	if !strings.Contains(line, "2026-11-x") || !strings.Contains(line, "! write the date as YYYY-MM-DD") {
		t.Errorf("no error beside the start field: %q", line)
	}
	m = typeKeys(m, "enter")
	if len(ex.reqs) != 0 {
		t.Errorf("exported with a bad date: %+v", ex.reqs)
	}
	m = typeKeys(m, "backspace", "2", "9", "enter")
	if strings.Contains(view(m), "! write the date") {
		t.Errorf("error stays after a good date:\n%s", view(m))
	}
	if len(ex.reqs) != 1 || ex.reqs[0].Start.Format(time.DateOnly) != "2026-11-29" {
		t.Errorf("exports %+v, want one from 2026-11-29", ex.reqs)
	}
	// q in a text field is a letter, not quit; esc goes back where E came from.
	m = typeKeys(m, "q")
	if m.quitting || !strings.Contains(lineWith(view(m), "start"), "2026-11-29q") {
		t.Errorf("q in the date field: %q", lineWith(view(m), "start"))
	}
	m = typeKeys(m, "esc")
	if m.active != scWeek {
		t.Errorf("esc went to %v, want Week", m.active)
	}
}

func TestExportEmptyFolder(t *testing.T) {
	ex := &fakeExporter{}
	m := startedWith(t, storeWith(t, 1), exportOptions(ex), 120, 40)
	m = typeKeys(m, "E", "down", "down", "down", "ctrl+u", "enter")
	if len(ex.reqs) != 0 || !strings.Contains(lineWith(view(m), "folder"), "! give the folder") {
		t.Errorf("empty folder: %d exports, line %q", len(ex.reqs), lineWith(view(m), "folder"))
	}
}

func TestExportErrorInWords(t *testing.T) {
	ex := &fakeExporter{fail: errors.New("write /nope/weekfit-plan-2026-11-30.ics: permission denied")}
	m := startedWith(t, storeWith(t, 1), exportOptions(ex), 120, 40)
	m = typeKeys(m, "E", "enter")
	if !strings.Contains(view(m), "! could not export the plan: write /nope/weekfit-plan-2026-11-30.ics: permission denied") {
		t.Errorf("status lacks the error:\n%s", view(m))
	}
}

func TestExportDiscreetForcesNamesOff(t *testing.T) {
	ex := &fakeExporter{}
	m := startedWith(t, storeWith(t, 1), exportOptions(ex), 120, 40)
	m = typeKeys(m, "E", "down", "down", "space") // names on
	m = typeKeys(m, "d")                          // then discreet
	if v := view(m); strings.Contains(v, "Riverside") || !strings.Contains(v, "Appointment") {
		t.Errorf("discreet export screen names the program:\n%s", v)
	}
	if !strings.Contains(lineWith(view(m), "names"), "off while discreet mode is on") {
		t.Errorf("names line: %q", lineWith(view(m), "names"))
	}
	m = typeKeys(m, "space", "enter")
	if len(ex.reqs) != 1 || ex.reqs[0].Names {
		t.Errorf("discreet export %+v, want names off", ex.reqs)
	}
	if m = typeKeys(m, "d", "enter"); m.d.discreet || len(ex.reqs) != 2 || !ex.reqs[1].Names {
		t.Errorf("after discreet off, names should be back on: %+v", ex.reqs)
	}
}

// lineWith returns the first line of v that holds s.
func lineWith(v, s string) string {
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

func TestExportEscGoesBack(t *testing.T) {
	m := startedWith(t, storeWith(t, 1), exportOptions(&fakeExporter{}), 120, 40)
	m = typeKeys(m, "2", "E", "esc")
	if m.active != scPlans || m.blank {
		t.Errorf("esc on the format field: screen %v, blank %v; want Plans", m.active, m.blank)
	}
	m = typeKeys(m, "E", "tab")
	if m.active != scWeek {
		t.Errorf("tab on Export went to %v, want Week", m.active)
	}
	m = typeKeys(m, "E", "?")
	if v := view(m); !strings.Contains(v, "E") || !strings.Contains(v, "export") || !strings.Contains(v, "field up") {
		t.Errorf("full help on Export:\n%s", v)
	}
}

func TestExportStartFollowsTheClockUntilTyped(t *testing.T) {
	now := exportNow()
	opt := exportOptions(&fakeExporter{})
	opt.Now = func() time.Time { return now }
	m := startedWith(t, storeWith(t, 1), opt, 120, 40)
	now = now.AddDate(0, 0, 7) // a week later, weekfit still open
	m = typeKeys(m, "E")
	if got := m.export.start.Value(); got != "2026-12-07" {
		t.Errorf("start %s, want 2026-12-07", got)
	}
	m = typeKeys(m, "down", "backspace", "8", "esc", "E")
	if got := m.export.start.Value(); got != "2026-12-08" {
		t.Errorf("typed start %s not kept, want 2026-12-08", got)
	}
}
