// Package tui is weekfit's terminal interface: a week grid a person or a
// counselor plans on, with the ranked plans, a comparison, forms to edit the
// week, and the profiles of a database.
package tui

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// Smallest terminal the screens draw in.
const (
	MinWidth  = 60
	MinHeight = 16
)

// topPlans is how many plans a solve asks for.
const topPlans = 10

// GCPercent is the garbage collector's target (GOGC) the week grid is meant
// to run under; weekfit sets it as the grid starts, unless GOGC is set. The
// grid is a long-lived process with little in use between key presses (about
// 1 MB on the 40-program week) that allocates about 3 MB on each edit, most
// of it in the re-solve. At the default, 100, the heap's goal is its floor
// of 4 MB, and every edit ends in a collection; the collector's cycles, the
// pages it hands back to the system and takes again, and the wake-ups of a
// second thread made the 40-program edit twice as slow on this project's
// machine (9.4-11.1 ms against 4.8-5.9 ms at 400, in one run). At 400 the
// heap's floor is 16 MB: one collection in about five edits.
const GCPercent = 400

// DefaultSolveBudget is how long one solve may run unless Options say
// otherwise: past it, the plans found so far are shown, marked as possibly
// not the best.
const DefaultSolveBudget = 500 * time.Millisecond

// screen names one of the screens.
type screen int

const (
	scWeek screen = iota
	scPlans
	scCompare
	scEdit
	scProfiles
	nScreens // the screens tab cycles through

	scExport  = nScreens     // off the tab line: E opens it
	scWhatIfs = nScreens + 1 // off the tab line: W opens it
	scDiff    = nScreens + 2 // opened from What-ifs
	scBoard   = nScreens + 3 // off the tab line: B opens it
	scCatalog = nScreens + 4 // off the tab line: C opens it
	scIntake  = nScreens + 5 // off the tab line: n on Profiles, i on Week and Edit
)

// String names the screen as its tab does.
func (s screen) String() string {
	switch s {
	case scWeek:
		return "Week"
	case scPlans:
		return "Plans"
	case scCompare:
		return "Compare"
	case scEdit:
		return "Edit"
	case scExport:
		return "Export"
	case scWhatIfs:
		return "What-ifs"
	case scDiff:
		return "Diff"
	case scBoard:
		return "Board"
	case scCatalog:
		return "Catalog"
	case scIntake:
		return "Interview"
	}
	return "Profiles"
}

// Options set how the TUI starts.
type Options struct {
	Discreet bool   // discreet mode for every profile, whatever each says (--discreet, or the database's setting)
	Profile  string // profile id to open; empty opens the first
	// Template gives the week a new profile starts from, worked out when
	// a profile is first made from it (nil, or a nil week, for none)
	Template func() *planner.Scenario
	Note     string           // said on the status line at start, such as a warning about the file
	Exporter Exporter         // writes plans to files; nil leaves the Export screen out
	Formats  []ExportFormat   // the formats the Exporter writes; none leaves the Export screen out
	Now      func() time.Time // the clock the default start date comes from; nil means time.Now
	Dir      string           // folder exports go to; empty means the current one, else $HOME
	Catalog  CatalogEditor    // imports and removes catalog programs; nil leaves that out of the Catalog screen
	WhatIfs  WhatIfStore      // keeps the profiles' what-ifs; nil leaves the What-ifs screen out
	Intake   bool             // start on the interview for a new profile (weekfit intake)
	As       string           // the new profile's name for Intake; empty asks for it

	SolveBudget time.Duration // how long one solve may run; 0 means DefaultSolveBudget

	// Start, when it has profiles, is the first load, read already (main
	// reads it with the database's discreet setting, in one read); nil
	// reads it from the store.
	Start *Start

	// QuitAfterFirstFrame quits as soon as the first full frame (the week
	// loaded, solved and sized) is ready, for timing the start-up.
	QuitAfterFirstFrame bool
}

// shared is what every screen shows, kept up to date by the root.
type shared struct {
	profile  Profile
	profiles []Profile
	sc       *planner.Scenario // the person's week
	cat      *planner.Catalog  // the programs every profile may pick from
	full     *planner.Scenario // sc with the catalog programs it names
	shown    *planner.Scenario // full, or its neutral copy in discreet mode
	edited   *planner.Scenario // sc as the Edit screen shows it: sc, or sc with shown's neutral names
	cache    *planner.Cache    // prices kept between solves, so an edit re-plans fast
	text     *strings.Replacer // makes free text neutral in discreet mode
	res      *planner.Result
	chosen   *planner.Plan
	cur      int // plan on show, index into res.Plans
	marked   []int
	opt      planner.Options
	discreet bool
	everyone bool            // discreet for every profile (--discreet, the database's setting, or d on Profiles)
	blocks   []planner.Block // Timeline of the plan on show
	phase    int             // phase of the plan on show that the grid shows (issue 14)
}

// exportPlan returns the plan an export writes and says which it is: the
// chosen plan while it still fits the week, else the plan on show.
func (d *shared) exportPlan() (*planner.Plan, string) {
	p := d.plan()
	if p == nil {
		return nil, ""
	}
	if d.chosen != nil {
		for i := range d.res.Plans {
			if samePlan(&d.res.Plans[i], d.chosen) {
				return &d.res.Plans[i], "the chosen plan"
			}
		}
		return p, fmt.Sprintf("plan %d on show (the chosen one no longer fits)", d.cur+1)
	}
	return p, fmt.Sprintf("plan %d on show (none chosen yet)", d.cur+1)
}

// plan returns the plan on show, or nil.
func (d *shared) plan() *planner.Plan {
	if d.res == nil || d.cur < 0 || d.cur >= len(d.res.Plans) {
		return nil
	}
	return &d.res.Plans[d.cur]
}

// neutralText makes free text neutral in discreet mode.
func (d *shared) neutralText(s string) string {
	if d.discreet && d.text != nil {
		return d.text.Replace(s)
	}
	return s
}

// programName is the name a program shows.
func (d *shared) programName(id string) string {
	if i := d.shown.ProgramIndex(id); i >= 0 {
		return d.shown.Programs[i].Name
	}
	return d.neutralText(id)
}

// Model is the root of the TUI: it routes keys and messages to the screens.
type Model struct {
	st     Store
	opt    Options
	styles *Styles
	keys   globalKeys
	help   help.Model
	d      *shared

	week    weekScreen
	plans   plansScreen
	compare compareScreen
	// The screens with text fields, which are most of a Model's size, are
	// behind pointers, so that each message does not copy them, and are
	// never changed in place (see changed): a Model copied before keeps
	// what it showed.
	edit     *editScreen
	profiles *profilesScreen
	export   *exportScreen
	whatIfs  *whatIfsScreen
	diff     diffScreen
	board    boardScreen
	catalog  catalogScreen
	intake   intakeScreen

	active        screen
	back          screen // where esc on Export, or the end of the interview, returns to
	width, height int
	fullHelp      bool
	blank         bool
	escs          int
	status        string
	statusErr     bool
	statusRows    int // the lines the status took when the screens were last sized
	loaded        bool
	seq           int                // number of the latest solve
	cancel        context.CancelFunc // ends the latest solve early; a newer one calls it
	solving       bool
	pending       int // saves under way
	quitting      bool
	stopping      bool  // told to stop (StopMsg): quit once saves end, whatever they say
	lost          error // a save that failed while stopping
	undo          []undoStep
	changes       uint64 // the last ChangesElsewhere answer acted on (0: none since the store was opened)
}

type undoStep struct {
	sc     *planner.Scenario
	what   string
	whatIf tea.Msg // for a step on what-ifs: the intent that undoes it, instead of sc
}

// New returns the TUI on a store.
func New(st Store, opt Options) Model {
	styles := NewStyles(DefaultPalette())
	s := &styles
	d := &shared{discreet: opt.Discreet, everyone: opt.Discreet, cache: planner.NewCache()}
	h := help.New()
	h.Styles.ShortKey, h.Styles.FullKey = s.Header, s.Header
	h.Styles.ShortDesc, h.Styles.FullDesc = s.Subtle, s.Subtle
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Dir == "" {
		opt.Dir = defaultDir()
	}
	if opt.SolveBudget <= 0 {
		opt.SolveBudget = DefaultSolveBudget
	}
	keys := newGlobalKeys()
	keys.Export.SetEnabled(opt.Exporter != nil && len(opt.Formats) > 0)
	keys.WhatIfs.SetEnabled(opt.WhatIfs != nil)
	whatIfs := newWhatIfsScreen(s, d)
	whatIfs.canExport = opt.Exporter != nil
	plans := newPlansScreen(s, d)
	plans.fixes.canSave = opt.WhatIfs != nil
	edit, profiles := newEditScreen(s, d), newProfilesScreen(s, d)
	export := newExportScreen(s, d, opt.Formats, opt.Now, opt.Dir)
	return Model{
		st: st, opt: opt, styles: s, keys: keys, help: h, d: d,
		week: newWeekScreen(s, d), plans: plans, compare: newCompareScreen(s, d),
		edit: &edit, profiles: &profiles,
		export:  &export,
		whatIfs: &whatIfs, diff: newDiffScreen(s, d),
		board:   newBoardScreen(s, d, opt.Now),
		catalog: newCatalogScreen(s, d, opt.Catalog != nil, opt.Now),
		intake:  newIntakeScreen(s),
		status:  "opening…",
	}
}

// defaultDir is the folder exports go to unless told: the current one, else
// the home folder, else ".".
func defaultDir() string {
	if wd, err := os.Getwd(); err == nil {
		return wd
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return "."
}

// Init loads the profile and names the window without a person's name.
func (m Model) Init() tea.Cmd {
	if m.opt.Intake {
		return tea.Batch(tea.SetWindowTitle("weekfit"), send(intakeStartMsg{name: m.opt.As}))
	}
	load := loadCmd(m.st, m.opt.Profile, m.opt.Template)
	if s := m.opt.Start; s != nil && len(s.Profiles) > 0 {
		load = send(loadedFrom(*s))
	}
	return tea.Batch(tea.SetWindowTitle("weekfit"), load, watchCmd(m.st))
}

// Update handles global keys, sizes and results, then the active screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.setSize(msg.Width, msg.Height)
		return m, m.afterFirstFrame()
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m.handleMouse(msg)
	case StopMsg:
		return m.stop()
	case savedMsg:
		if m.stopping {
			return m.savedWhileStopping(msg)
		}
	}
	var cmd tea.Cmd
	var ok bool
	if m, cmd, ok = m.intakeIntent(msg); ok {
		return m, cmd
	}
	if m2, cmd, ok := m.handleResult(msg); ok {
		return m2, cmd
	}
	if m2, cmd, ok := m.handleIntent(msg); ok {
		return m2, cmd
	}
	return m.toScreen(msg)
}

// setSize gives every screen the body's size.
func (m *Model) setSize(w, h int) {
	m.width, m.height = w, h
	m.help.Width = w
	m.statusRows = len(m.statusWrapped())
	bw, bh := w, max(h-2-m.statusRows, 0)
	m.week.SetSize(bw, bh)
	m.plans.SetSize(bw, bh)
	m.compare.SetSize(bw, bh)
	m.edit = changed(m.edit, func(e *editScreen) { e.SetSize(bw, bh) })
	m.profiles = changed(m.profiles, func(p *profilesScreen) { p.SetSize(bw, bh) })
	m.export = changed(m.export, func(x *exportScreen) { x.SetSize(bw, bh) })
	m.whatIfs = changed(m.whatIfs, func(w *whatIfsScreen) { w.SetSize(bw, bh) })
	m.diff.SetSize(bw, bh)
	m.board.SetSize(bw, bh)
	m.catalog.SetSize(bw, bh)
	m.intake.SetSize(bw, bh)
}

// capturing reports whether the active screen takes every key (a text field).
func (m Model) capturing() bool {
	switch m.active {
	case scPlans:
		return m.plans.Capturing()
	case scEdit:
		return m.edit.Capturing()
	case scProfiles:
		return m.profiles.Capturing()
	case scExport:
		return m.export.Capturing()
	case scWhatIfs:
		return m.whatIfs.Capturing()
	case scBoard:
		return m.board.Capturing()
	case scCatalog:
		return m.catalog.Capturing()
	case scIntake:
		return true
	}
	return false
}

func (m Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.blank {
		m.blank, m.escs = false, 0
		return m, nil
	}
	if key.Matches(msg, m.keys.Panic) {
		m.escs++
		if msg.Alt {
			m.escs++ // a terminal sends esc esc typed quickly as alt+esc
		}
		if m.escs >= 2 {
			m.blank, m.escs, m.fullHelp = true, 0, false
			return m, nil
		}
	} else {
		m.escs = 0
	}
	if key.Matches(msg, m.keys.ForceQuit) {
		return m.quit()
	}
	if m.capturing() {
		return m.toScreen(msg)
	}
	if m.fullHelp && (key.Matches(msg, m.keys.Help) || key.Matches(msg, m.keys.Panic)) {
		m.fullHelp = false
		return m, nil
	}
	switch {
	case key.Matches(msg, m.keys.Quit):
		return m.quit()
	case key.Matches(msg, m.keys.Help):
		m.fullHelp = true
		return m, nil
	case key.Matches(msg, m.keys.Next) && m.active >= nScreens:
		return m.switchTo(scWeek)
	case key.Matches(msg, m.keys.Next):
		return m.switchTo((m.active + 1) % nScreens)
	case key.Matches(msg, m.keys.Prev):
		return m.switchTo((m.active + nScreens - 1) % nScreens)
	case key.Matches(msg, m.keys.Week):
		return m.switchTo(scWeek)
	case key.Matches(msg, m.keys.Plans):
		return m.switchTo(scPlans)
	case key.Matches(msg, m.keys.Compare):
		return m.switchTo(scCompare)
	case key.Matches(msg, m.keys.Edit):
		return m.switchTo(scEdit)
	case key.Matches(msg, m.keys.Profiles):
		return m.switchTo(scProfiles)
	case key.Matches(msg, m.keys.Export) && m.loaded:
		return m.switchTo(scExport)
	case key.Matches(msg, m.keys.WhatIfs) && m.loaded:
		return m.openWhatIfs()
	case key.Matches(msg, m.keys.Board) && m.loaded:
		return m.switchTo(scBoard)
	case key.Matches(msg, m.keys.Catalog) && m.loaded:
		return m.switchTo(scCatalog)
	case key.Matches(msg, m.keys.Undo):
		return m.undoLast()
	case key.Matches(msg, m.keys.Interview) && (m.active == scWeek || m.active == scEdit):
		m2, cmd, _ := m.intakeIntent(intakeReopenMsg{})
		return m2, cmd
	case key.Matches(msg, m.keys.Discreet):
		return m.toggleDiscreet()
	}
	if key.Matches(msg, m.keys.Panic) && m.active < nScreens {
		return m, nil // esc on Export, What-ifs and Diff goes back; a second one still blanks
	}
	return m.toScreen(msg)
}

func (m Model) handleMouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if m.blank || m.fullHelp {
		return m, nil
	}
	if msg.Y == 0 && msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft {
		if s, ok := m.tabAt(msg.X); ok && !m.capturing() {
			return m.switchTo(s)
		}
		return m, nil
	}
	if m.active != scWeek && m.active != scPlans {
		return m, nil
	}
	msg.Y-- // the tab line
	return m.toScreen(msg)
}

func (m Model) switchTo(s screen) (tea.Model, tea.Cmd) {
	if s >= nScreens && m.active < nScreens {
		m.back = m.active
	}
	if s == scExport && m.active != scExport {
		m.export = changed(m.export, (*exportScreen).Open)
	}
	m.active, m.fullHelp = s, false
	if s == scCompare {
		m.compare.Refresh()
	}
	if s == scBoard {
		return m, m.board.Refresh()
	}
	if s == scPlans {
		return m, m.seekFixes(m.seq)
	}
	return m, nil
}

// quit ends the program once every save under way has finished.
func (m Model) quit() (tea.Model, tea.Cmd) {
	if m.pending > 0 {
		m.quitting = true
		m.setStatus("saving before quitting…", false)
		return m, nil
	}
	return m, tea.Quit
}

func (m *Model) setStatus(s string, isErr bool) {
	m.status, m.statusErr = s, isErr
	m.fitStatus()
}

// setSolving marks a solve running or done; the status line says so.
func (m *Model) setSolving(on bool) {
	m.solving = on
	m.fitStatus()
}

// fitStatus sizes the screens again when the status now takes another
// number of lines, so that the screen above it is drawn whole.
func (m *Model) fitStatus() {
	if m.width > 0 && len(m.statusWrapped()) != m.statusRows {
		m.setSize(m.width, m.height)
	}
}

// toScreen hands a message to the active screen; an intent a screen returns
// (Plans, the board, the catalog) goes to the root in the same Update.
func (m Model) toScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	var intent tea.Msg
	switch m.active {
	case scWeek:
		m.week, cmd = m.week.Update(msg)
	case scPlans:
		m.plans, cmd, intent = m.plans.Update(msg)
	case scCompare:
		m.compare, cmd = m.compare.Update(msg)
	case scEdit:
		var e editScreen
		e, cmd = m.edit.Update(msg)
		m.edit = &e
	case scProfiles:
		if m2, cmd, ok := m.profilesIntake(msg); ok {
			return m2, cmd
		}
		var p profilesScreen
		p, cmd = m.profiles.Update(msg)
		m.profiles = &p
	case scExport:
		var x exportScreen
		x, cmd = m.export.Update(msg)
		m.export = &x
	case scWhatIfs:
		var w whatIfsScreen
		w, cmd = m.whatIfs.Update(msg)
		m.whatIfs = &w
	case scDiff:
		m.diff, cmd = m.diff.Update(msg)
	case scBoard:
		m.board, cmd, intent = m.board.Update(msg)
	case scCatalog:
		m.catalog, cmd, intent = m.catalog.Update(msg)
	case scIntake:
		m.intake, cmd = m.intake.Update(msg)
	}
	if intent != nil {
		m2, more, _ := m.handleIntent(intent)
		return m2, tea.Batch(cmd, more)
	}
	return m, cmd
}

// changed returns a copy of the screen *p with f applied: the screens
// behind the Model's pointers are changed only through it (or replaced by
// their Update's result), never in place.
func changed[T any](p *T, f func(*T)) *T {
	c := *p
	f(&c)
	return &c
}

// keyMap is the help of the active screen.
func (m Model) keyMap() help.KeyMap {
	switch m.active {
	case scPlans:
		return m.plans
	case scCompare:
		return m.compare
	case scEdit:
		return m.edit
	case scProfiles:
		return m.profiles
	case scExport:
		return m.export
	case scWhatIfs:
		return m.whatIfs
	case scDiff:
		return m.diff
	case scBoard:
		return m.board
	case scCatalog:
		return m.catalog
	case scIntake:
		return m.intake
	}
	return m.week
}
