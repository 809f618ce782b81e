package tui

import (
	"context"
	"fmt"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// handleResult takes the answers of commands: loads, solves and saves.
func (m Model) handleResult(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case loadedMsg:
		m2, cmd := m.onLoaded(msg)
		if cmd == nil { // nothing to solve: the frame says why
			cmd = m2.afterFirstFrame()
		}
		return m2, cmd, true
	case solvedMsg:
		m = m.solved(msg)
		var fixes tea.Cmd
		if m.active == scPlans {
			fixes = m.seekFixes(msg.seq)
		}
		return m, tea.Batch(m.afterFirstFrame(), fixes), true
	case fixesMsg:
		return m.fixesFound(msg), nil, true
	case watchMsg:
		m2, cmd := m.watched(msg)
		return m2, cmd, true
	case savedMsg:
		m.pending = max(m.pending-1, 0)
		if msg.err != nil {
			m.setStatus(msg.err.Error(), true)
			if m.quitting {
				// Stay, so the person learns the change is not saved.
				m.quitting = false
				m.setStatus(msg.err.Error()+"; not quitting: press q again to quit without it", true)
			}
			return m, nil, true
		}
		m.setStatus(msg.what, false)
		if m.quitting && m.pending == 0 {
			return m, tea.Quit, true
		}
		return m, nil, true
	case profilesMsg:
		if msg.err != nil {
			m.setStatus(msg.err.Error(), true)
			return m, nil, true
		}
		m.d.profiles = msg.profiles
		m.profiles = changed(m.profiles, func(p *profilesScreen) { p.SetProfiles(msg.profiles) })
		m.setStatus(msg.note, false)
		i := slices.IndexFunc(msg.profiles, func(p Profile) bool { return p.ID == m.d.profile.ID })
		if i < 0 {
			return m, loadCmd(m.st, "", m.opt.Template), true
		}
		m.d.profile.Name = msg.profiles[i].Name // a rename of the open profile shows at once
		return m, nil, true
	}
	return m.whatIfResult(msg)
}

func (m Model) onLoaded(msg loadedMsg) (Model, tea.Cmd) {
	if msg.err != nil {
		m.setStatus(msg.err.Error(), true)
		if msg.profiles != nil {
			m.d.profiles = msg.profiles
			m.profiles = changed(m.profiles, func(p *profilesScreen) { p.SetProfiles(msg.profiles) })
		}
		return m, nil
	}
	m.loaded = true
	kept := m.d.res
	if !msg.reload || msg.profile.ID != m.d.profile.ID {
		kept = nil // a first load, or another profile: the cursor starts afresh
	}
	m.d.profiles, m.d.profile = msg.profiles, msg.profile
	m.d.sc, m.d.cat, m.d.chosen, m.d.res = msg.sc, msg.cat, msg.chosen, kept
	m.d.opt = planner.Options{Top: topPlans, Today: m.opt.Now()}
	m.d.marked, m.undo = nil, nil
	m.d.discreet = msg.profile.Discreet || m.d.everyone
	m.profiles = changed(m.profiles, func(p *profilesScreen) { p.SetProfiles(msg.profiles) })
	was, wasErr := m.status, m.statusErr
	m.setStatus(msg.note, false)
	switch {
	case msg.reload && wasErr:
		m.setStatus(was, true) // keep a save's sentence, such as a week changed elsewhere
	case msg.reload:
		m.setStatus("reloaded: another weekfit window changed this database", false)
	}
	if msg.note == "" && m.opt.Note != "" {
		m.setStatus(m.opt.Note, true)
		m.opt.Note = ""
	}
	m.setShown()
	m.edit = changed(m.edit, (*editScreen).Reset)
	return m, m.solve()
}

// afterFirstFrame quits when the options ask to once the first full frame
// is ready: a size to draw at, and the week solved or a sentence saying why
// it could not be opened or solved.
func (m Model) afterFirstFrame() tea.Cmd {
	if !m.opt.QuitAfterFirstFrame || m.width == 0 || m.solving || (m.d.res == nil && !m.statusErr) {
		return nil
	}
	return tea.Quit
}

// solve starts a solve of the current week within the solve budget and
// cancels the one before it, whose answer would be dropped anyway.
func (m *Model) solve() tea.Cmd {
	if m.cancel != nil {
		m.cancel()
	}
	m.seq++
	m.setSolving(true)
	opt := m.d.opt
	opt.Cache = m.d.cache
	ctx, cancel := context.WithTimeout(context.Background(), m.opt.SolveBudget)
	opt.Context, m.cancel = ctx, cancel
	return solveCmd(m.seq, m.d.full, opt, cancel)
}

func (m Model) solved(msg solvedMsg) Model {
	if msg.seq != m.seq {
		return m
	}
	m.setSolving(false)
	if msg.err != nil {
		m.setStatus("cannot plan this week: "+m.d.neutralText(msg.err.Error()), true)
		return m
	}
	first := m.d.res == nil
	var was *planner.Plan
	if p := m.d.plan(); p != nil {
		cp := *p
		was = &cp
	}
	m.d.res, m.d.cur = msg.res, 0
	m.d.marked = nil
	for i := range msg.res.Plans {
		if (first && samePlan(&msg.res.Plans[i], m.d.chosen)) || (!first && samePlan(&msg.res.Plans[i], was)) {
			m.d.cur = i
		}
	}
	if first && m.d.chosen != nil && !samePlan(m.d.plan(), m.d.chosen) {
		m.setStatus("the chosen plan no longer fits this week; pick another on Plans", true)
	}
	if msg.res.Incomplete != "" {
		m.setStatus(stoppedStatus, true)
	}
	m.plans.SetCursor(m.d.cur)
	m.refresh(first)
	return m
}

// setShown picks the scenario the screens show: the week, or its neutral copy.
func (m *Model) setShown() {
	m.d.full, m.d.shown, m.d.text = m.d.sc, m.d.sc, nil
	if m.d.sc == nil {
		return
	}
	if len(m.d.sc.Catalog) > 0 {
		full, err := m.d.sc.WithCatalog(m.d.cat)
		if err != nil {
			m.setStatus(err.Error(), true)
		} else {
			m.d.full, m.d.shown = full, full
		}
	}
	m.d.edited = m.d.sc
	if m.d.discreet {
		m.d.shown, m.d.text = neutral(m.d.full)
		m.d.edited = namedLike(m.d.sc, m.d.shown)
	}
}

// refresh recomputes the blocks of the plan on show and hands them out.
func (m *Model) refresh(reset bool) {
	if m.d.shown == nil {
		return
	}
	week, plan := m.d.phaseView()
	blocks := m.d.res.Timeline(week, plan)
	for i := range blocks {
		if blocks[i].Kind == planner.KindTravel {
			blocks[i].Label = "to " + m.d.shown.PlaceName(blocks[i].To)
		}
	}
	m.d.blocks = blocks
	m.week.SetBlocks(blocks, m.d.shown.Weeks(), reset)
	m.plans.SetBlocks(blocks, m.d.shown.Weeks(), reset)
	m.plans.SetCursor(m.d.cur)
	if m.active == scCompare {
		m.compare.Refresh() // else switching to Compare does it
	}
	m.edit = changed(m.edit, (*editScreen).Refresh)
}

// handleIntent carries out what a screen asked for.
func (m Model) handleIntent(msg tea.Msg) (Model, tea.Cmd, bool) {
	if !m.loaded {
		return m, nil, false
	}
	id := m.d.profile.ID
	switch msg := msg.(type) {
	case choosePlanMsg:
		p := msg.plan
		m.d.chosen = &p
		m.pending++
		m.setStatus("saving the chosen plan…", false)
		return m, choosePlanCmd(m.st, id, p, m.d.sc), true
	case editedMsg:
		m.undo = append(m.undo, undoStep{sc: m.d.sc, what: msg.what})
		return m, m.setScenario(msg.sc, msg.what), true
	case phaseMsg:
		m.d.phase = msg.phase
		m.refresh(false)
		if msg.last {
			m.week.grid.Week(-1)
		} else {
			m.week.grid.week = 0
		}
		return m, nil, true
	case lockMsg:
		m.toggleLock(msg.ref)
		return m, m.solve(), true
	case excludeMsg:
		m.d.opt.ExcludeDays ^= planner.DaySet(0).With(msg.day)
		m.setStatus(fmt.Sprintf("days without sessions: %s", daysOrNone(m.d.opt.ExcludeDays)), false)
		return m, m.solve(), true
	case clearLocksMsg:
		m.d.opt.ExcludeDays, m.d.opt.Require, m.d.opt.Programs = 0, nil, nil
		m.setStatus("locks, excluded days and the program filter cleared", false)
		return m, m.solve(), true
	case showPlanMsg:
		if msg.i != m.d.cur {
			m.d.cur = msg.i
			m.refresh(false)
		}
		return m, nil, true
	case markMsg:
		m.d.marked = msg.marked
		return m, nil, true
	case compareMsg:
		m2, cmd := m.switchTo(scCompare)
		return m2.(Model), cmd, true
	case exportBackMsg:
		m2, cmd := m.switchTo(m.back)
		return m2.(Model), cmd, true
	case boardMsg:
		m.board, _, _ = m.board.Update(msg)
		return m, nil, true
	case boardOpenMsg:
		return m.openBoardProgram(msg.program, msg.name)
	case catalogImportMsg, catalogRemoveMsg, catalogAddMsg, catalogChangedMsg:
		return m.catalogIntent(msg)
	case exportMsg:
		return m.startExport(msg)
	}
	if m2, cmd, ok := m.whatIfIntent(msg); ok {
		return m2, cmd, true
	}
	return m.profileIntent(msg)
}

func daysOrNone(s planner.DaySet) string {
	if s == 0 {
		return "none"
	}
	return s.String()
}

func (m *Model) toggleLock(ref planner.SessionRef) {
	for i, r := range m.d.opt.Require {
		if r == ref {
			m.d.opt.Require = slices.Delete(slices.Clone(m.d.opt.Require), i, i+1)
			m.setStatus(fmt.Sprintf("unlocked %s %s%s", ref.Day, ref.Time, m.d.lockPhase(ref)), false)
			return
		}
	}
	m.d.opt.Require = append(slices.Clone(m.d.opt.Require), ref)
	m.setStatus(fmt.Sprintf("locked %s %s%s: every plan keeps it", ref.Day, ref.Time, m.d.lockPhase(ref)), false)
}

// setScenario makes sc the week, saves it and solves it again; what says
// what changed.
func (m *Model) setScenario(sc *planner.Scenario, what string) tea.Cmd {
	m.d.sc = sc
	m.setShown()
	m.pending++
	m.setStatus(what+", saving…", false)
	return tea.Batch(saveScenarioCmd(m.st, m.d.profile.ID, sc, what), m.solve())
}

func (m Model) undoLast() (tea.Model, tea.Cmd) {
	if len(m.undo) == 0 {
		m.setStatus("nothing to undo", false)
		return m, nil
	}
	last := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	if last.whatIf != nil {
		m.setStatus("undoing: "+last.what+"…", false)
		m2, cmd, _ := m.whatIfIntent(last.whatIf)
		return m2, cmd
	}
	cmd := m.setScenario(last.sc, "undone: "+last.what)
	m.edit = changed(m.edit, (*editScreen).Reset)
	return m, cmd
}

func (m Model) toggleDiscreet() (tea.Model, tea.Cmd) {
	if !m.loaded {
		return m, nil
	}
	if m.active == scProfiles {
		return m.toggleEveryone()
	}
	if m.d.everyone {
		m.setStatus("discreet mode is on for every profile; d on Profiles (P) turns it off", true)
		return m, nil
	}
	m.d.discreet = !m.d.discreet
	m.d.profile.Discreet = m.d.discreet
	m.setShown()
	m.refresh(false)
	m.pending++
	return m, discreetCmd(m.st, m.d.profile.ID, m.d.discreet)
}

// toggleEveryone turns discreet mode on or off for every profile of the
// database, and saves that: a counselor switching clients keeps it on.
func (m Model) toggleEveryone() (tea.Model, tea.Cmd) {
	m.d.everyone = !m.d.everyone
	m.d.discreet = m.d.everyone || m.d.profile.Discreet
	m.setShown()
	m.refresh(false)
	m.pending++
	return m, everyoneCmd(m.st, m.d.everyone)
}

// everyoneCmd saves discreet mode for every profile of the database.
func everyoneCmd(st Store, on bool) tea.Cmd {
	return func() tea.Msg {
		if err := st.SetDatabaseDiscreet(on); err != nil {
			return savedMsg{err: fmt.Errorf("remember discreet mode for every profile: %w", err)}
		}
		if on {
			return savedMsg{what: "discreet mode on for every profile in this database, saved"}
		}
		return savedMsg{what: "discreet mode for every profile off, saved; each profile keeps its own"}
	}
}

func (m Model) profileIntent(msg tea.Msg) (Model, tea.Cmd, bool) {
	st := m.st
	switch msg := msg.(type) {
	case switchMsg:
		m.setStatus("opening…", false)
		m.active = scWeek
		return m, loadCmd(st, msg.id, m.opt.Template), true
	case newProfileMsg:
		var sc *planner.Scenario
		if m.opt.Template != nil {
			sc = m.opt.Template()
		}
		if sc == nil {
			sc = m.d.sc
		}
		sc = sc.Clone()
		sc.Name = msg.name
		return m, profileCmd(st, "profile added", func() error {
			if _, err := st.NewProfile(msg.name, sc); err != nil {
				return fmt.Errorf("add a profile: %w", err)
			}
			return nil
		}), true
	case renameMsg:
		return m, profileCmd(st, "profile renamed", func() error {
			if err := st.RenameProfile(msg.id, msg.name); err != nil {
				return fmt.Errorf("rename the profile: %w", err)
			}
			return nil
		}), true
	case deleteMsg:
		return m, profileCmd(st, "profile deleted", func() error {
			if err := st.DeleteProfile(msg.id); err != nil {
				return fmt.Errorf("delete the profile: %w", err)
			}
			return nil
		}), true
	}
	return m, nil, false
}

// startExport hands the plan to the exporter in a command; like a save, a
// quit waits for it.
func (m Model) startExport(msg exportMsg) (Model, tea.Cmd, bool) {
	p, _ := m.d.exportPlan()
	if m.opt.Exporter == nil || p == nil || m.d.full == nil {
		m.setStatus("no plan fits this week, so there is nothing to export", true)
		return m, nil, true
	}
	req := ExportRequest{Format: msg.format, Scenario: m.d.full, Plan: *p, ProfileID: m.d.profile.ID,
		Start: msg.start, Names: msg.names && !m.d.discreet, Dir: msg.dir, Catalog: m.d.cat, CatalogIDs: m.d.sc.Catalog}
	m.pending++
	m.setStatus("exporting…", false)
	return m, exportCmd(m.opt.Exporter, req), true
}
