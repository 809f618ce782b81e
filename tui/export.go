package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// Exporter writes a plan to a file and returns the file's path. main has one
// on the existing exports; the TUI neither renders nor names the files.
type Exporter interface {
	Export(req ExportRequest) (path string, err error)
}

// ExportRequest is one export the Export screen asks for.
type ExportRequest struct {
	Format    string            // ics, pdf, md, csv or employer
	Scenario  *planner.Scenario // the week the plan belongs to, with its catalog programs
	Plan      planner.Plan      // the plan to export
	ProfileID string            // the profile's random id, never its name
	Start     time.Time         // first day of the program (a date)
	Names     bool              // name the program and its place; never in discreet mode
	Dir       string            // folder the file goes in
	Asks      []planner.Ask     // employer note from a fix: ask for exactly these (Plan may then be empty)
	// Catalog and CatalogIDs let the handout and the Markdown show the
	// program board: the catalog, and the ids the week names.
	Catalog    *planner.Catalog
	CatalogIDs []string
}

// ExportFormat is one format the Export screen offers: main fills them in
// from its table of formats.
type ExportFormat struct {
	Name string // what ExportRequest.Format carries: "ics"
	What string // shown beside it: "calendar file"
}

// Fields of the Export screen, top to bottom.
const (
	xFormat = iota
	xStart
	xNames
	xDir
	nExportFields
)

// exportScreen is the form that writes the plan to a file. Its two text
// fields have the keyboard while the cursor is on them.
type exportScreen struct {
	st            *Styles
	d             *shared
	keys          exportKeys
	cursor        int
	formats       []ExportFormat // in the order left and right cycle through
	format        int
	names         bool
	start, dir    textinput.Model
	startErr      string
	startTyped    bool             // the start date was typed, so opening keeps it
	now           func() time.Time // the clock of the default start date
	dirErr        string
	width, height int
}

func newExportScreen(st *Styles, d *shared, formats []ExportFormat, now func() time.Time, dir string) exportScreen {
	in := func(v string) textinput.Model {
		t := textinput.New()
		t.Prompt = ""
		t.CharLimit = 400
		t.Cursor.SetMode(cursor.CursorStatic)
		// The field's style goes to the text input itself, as on the Edit
		// screen: styling its View would style the cursor's escape codes
		// byte by byte and show them as text.
		t.TextStyle = st.Field
		t.SetValue(v)
		return t
	}
	return exportScreen{st: st, d: d, keys: newExportKeys(), formats: formats, now: now, start: in(planner.NextMonday(now()).Format(time.DateOnly)), dir: in(dir)}
}

// SetSize records the space the screen has.
func (x *exportScreen) SetSize(w, h int) {
	x.width, x.height = w, h
	x.fitDir()
	x.start.Width = min(12, max(w-labelWidthExport-2, 1))
}

// fitDir makes the folder field as wide as its text, so an error fits beside it.
func (x *exportScreen) fitDir() {
	room := max(x.width-labelWidthExport-2, 1)
	x.dir.Width = min(max(width(x.dir.Value())+1, 12), room)
}

// labelWidthExport is the width of the labels column.
const labelWidthExport = 14

// Capturing reports whether a text field has the keyboard.
func (x exportScreen) Capturing() bool { return x.cursor == xStart || x.cursor == xDir }

// focus moves the cursor to field i and gives a text field the keyboard.
func (x *exportScreen) focus(i int) tea.Cmd {
	x.cursor = min(max(i, 0), nExportFields-1)
	x.start.Blur()
	x.dir.Blur()
	switch x.cursor {
	case xStart:
		x.start.CursorEnd()
		return x.start.Focus()
	case xDir:
		x.dir.CursorEnd()
		return x.dir.Focus()
	}
	return nil
}

// Open puts the cursor back on the first field and, unless a date was typed,
// the start on the week's own start, else the next Monday from now (weekfit
// may stay open past midnight).
func (x *exportScreen) Open() {
	x.focus(xFormat)
	if !x.startTyped {
		start := planner.NextMonday(x.now())
		if x.d.shown != nil && !x.d.shown.Start.IsZero() {
			start = x.d.shown.Start // the week's own first day (issue 14)
		}
		x.start.SetValue(start.Format(time.DateOnly))
	}
}

// namesOn reports whether the export names the program: never in discreet mode.
func (x exportScreen) namesOn() bool { return x.names && !x.d.discreet }

// Update moves through the fields, changes them and asks for the export.
func (x exportScreen) Update(msg tea.Msg) (exportScreen, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return x, nil
	}
	k := x.keys
	switch {
	case key.Matches(km, k.Up):
		return x, x.focus(x.cursor - 1)
	case key.Matches(km, k.Down):
		return x, x.focus(x.cursor + 1)
	case key.Matches(km, k.Back):
		x.focus(xFormat)
		return x, send(exportBackMsg{})
	case key.Matches(km, k.Export):
		return x.submit()
	}
	switch x.cursor {
	case xFormat:
		x.cycleFormat(km)
	case xNames:
		if key.Matches(km, k.Change) && !x.d.discreet {
			x.names = !x.names
		}
	case xStart:
		var cmd tea.Cmd
		x.start, cmd = x.start.Update(km)
		x.startTyped, x.startErr = true, ""
		if _, err := parseDate(x.start.Value()); err != nil {
			x.startErr = err.Error()
		}
		return x, cmd
	case xDir:
		var cmd tea.Cmd
		x.dir, cmd = x.dir.Update(km)
		x.dirErr = ""
		x.fitDir()
		return x, cmd
	}
	return x, nil
}

func (x *exportScreen) cycleFormat(km tea.KeyMsg) {
	n := len(x.formats)
	switch {
	case key.Matches(km, x.keys.Prev):
		x.format = (x.format + n - 1) % n
	case key.Matches(km, x.keys.Next):
		x.format = (x.format + 1) % n
	}
}

// submit checks the fields and asks the root for the export.
func (x exportScreen) submit() (exportScreen, tea.Cmd) {
	start, err := parseDate(x.start.Value())
	if err != nil {
		x.startErr = err.Error()
		return x, x.focus(xStart)
	}
	dir := strings.TrimSpace(x.dir.Value())
	if dir == "" {
		x.dirErr = "give the folder to export to"
		return x, x.focus(xDir)
	}
	return x, send(exportMsg{format: x.formats[x.format].Name, start: start, names: x.namesOn(), dir: dir})
}

// parseDate reads a date typed as YYYY-MM-DD.
func parseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("write the date as YYYY-MM-DD, such as 2026-11-30")
	}
	return t, nil
}

// View draws the plan that will be exported and the four fields.
func (x exportScreen) View() string {
	p, which := x.d.exportPlan()
	lines := []string{x.st.Header.Render("Export the plan to a file")}
	if p == nil {
		lines = append(lines, x.st.Error.Render("No plan fits this week yet, so there is nothing to export."))
	} else {
		lines = append(lines, fmt.Sprintf("Plan: %s, %s", which, x.d.programName(p.Program)))
	}
	lines = append(lines, "")
	f := x.formats[x.format]
	lines = append(lines, x.row(xFormat, "format", x.st.Field.Render(fmt.Sprintf("< %s >", f.Name)), x.st.Subtle.Render(f.What)))
	startNote := x.st.Subtle.Render("first day of the program, YYYY-MM-DD")
	if x.startErr != "" {
		startNote = x.st.Error.Render("! " + x.startErr)
	}
	lines = append(lines, x.row(xStart, "start", x.start.View(), startNote))
	names, note := "no", "neutral labels: \"Appointment\", no place names"
	switch {
	case x.d.discreet:
		note = "off while discreet mode is on (d turns it off)"
	case x.names:
		names, note = "yes", "the program's name and place are in the file"
	}
	lines = append(lines, x.row(xNames, "names", x.st.Field.Render(names), x.st.Subtle.Render(note)))
	dirNote := ""
	if x.dirErr != "" {
		dirNote = x.st.Error.Render("! " + x.dirErr)
	}
	lines = append(lines, x.row(xDir, "folder", x.dir.View(), dirNote))
	lines = append(lines, "", x.st.Subtle.Render("Files are named for the format and date, never a person; none is replaced."))
	return strings.Join(lines, "\n")
}

// row draws one field: a marker on the cursor's field, the label, the value
// and a note (or an error) beside it. The value and the note come styled
// already: a text input's View carries its cursor's escape codes.
func (x exportScreen) row(i int, label, value, note string) string {
	mark := "  "
	if i == x.cursor {
		mark = "> "
		label = x.st.Selected.Render(pad(label, labelWidthExport-2))
	} else {
		label = pad(label, labelWidthExport-2)
	}
	line := mark + label + value
	if note != "" {
		line += "  " + note
	}
	return line
}

// ShortHelp lists the keys that work now.
func (x exportScreen) ShortHelp() []key.Binding {
	k := x.keys
	k.Change.SetEnabled(x.cursor == xFormat || (x.cursor == xNames && !x.d.discreet))
	k.Export.SetEnabled(x.d.plan() != nil)
	return []key.Binding{k.Up, k.Down, k.Change, k.Export, k.Back}
}

// FullHelp lists every key of the screen.
func (x exportScreen) FullHelp() [][]key.Binding {
	k := x.keys
	return [][]key.Binding{{k.Up, k.Down, k.Change}, {k.Export, k.Back}}
}
