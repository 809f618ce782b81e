package tui

import (
	"context"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// Intents about what-ifs that screens send to the root.
type (
	// saveWhatIfMsg saves a what-if called name: the week with asks applied
	// (a fix's), or the week as it is now when asks is empty.
	saveWhatIfMsg struct {
		name string
		asks []planner.Ask
	}
	renameWhatIfMsg struct {
		id, from, to string
		undo         bool // an undo itself: not undone again
	}
	deleteWhatIfMsg struct {
		w    WhatIf
		undo bool
	}
	adoptWhatIfMsg struct {
		id, name string
		undo     bool // adopting the week kept before, to undo an adoption: not undone again
	}
	// openDiffMsg diffs the what-if with id from ("" for the week) and the one with id to.
	openDiffMsg    struct{ from, to string }
	whatIfsBackMsg struct{}
)

// Answers of the what-if commands.
type (
	whatIfsMsg struct {
		list   []WhatIf
		listed bool // list is the list as it is now, also after an error
		note   string
		undo   *undoStep // how to undo what was done, if it can be
		err    error
	}
	adoptedMsg struct {
		list   []WhatIf
		listed bool // list is the list as it is now, also after an error
		name   string
		sc     *planner.Scenario // the profile's week now
		kept   WhatIf            // the week before, kept as a what-if
		undo   bool
		err    error
	}
	diffMsg struct {
		diff planner.Diff
		to   planner.DiffSide // the side the diff goes to, solved: its plans are listed under the diff
		err  error
	}
)

// whatIfCmd runs one change to the what-ifs and lists them again, also when
// the change failed: one refused because another weekfit changed the list
// since it was read then shows the list as it is.
func whatIfCmd(st WhatIfStore, id, note string, undo *undoStep, do func() error) tea.Cmd {
	return func() tea.Msg {
		if err := do(); err != nil {
			list, lerr := st.WhatIfs(id)
			return whatIfsMsg{err: err, list: list, listed: lerr == nil}
		}
		list, err := st.WhatIfs(id)
		if err != nil {
			return whatIfsMsg{err: fmt.Errorf("list the what-ifs: %w", err)}
		}
		return whatIfsMsg{list: list, listed: true, note: note, undo: undo}
	}
}

// solveBest solves a week (with the catalog's programs it names) for its
// best plan, within the TUI's solve budget.
func solveBest(sc *planner.Scenario, cat *planner.Catalog, budget time.Duration, top int) (*planner.Result, *planner.Plan, error) {
	full, err := sc.WithCatalog(cat)
	if err != nil {
		return nil, nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	defer cancel()
	res, err := planner.Solve(full, planner.Options{Top: top, Context: ctx})
	if err != nil {
		return nil, nil, err
	}
	if len(res.Plans) == 0 {
		return res, nil, nil
	}
	return res, &res.Plans[0], nil
}

// whatIfIntent carries out a what-if intent; ok is false for other messages.
func (m Model) whatIfIntent(msg tea.Msg) (Model, tea.Cmd, bool) {
	st := m.opt.WhatIfs
	if st == nil {
		return m, nil, false
	}
	id := m.d.profile.ID
	switch msg := msg.(type) {
	case saveWhatIfMsg:
		return m, m.saveWhatIf(msg), true
	case renameWhatIfMsg:
		undo := &undoStep{what: fmt.Sprintf("renamed the what-if %q", msg.from), whatIf: renameWhatIfMsg{id: msg.id, from: msg.to, to: msg.from, undo: true}}
		if msg.undo {
			undo = nil
		}
		return m, whatIfCmd(st, id, fmt.Sprintf("what-if renamed to %q", msg.to), undo, func() error {
			return wrapErr(st.RenameWhatIf(id, msg.id, msg.to), "rename the what-if")
		}), true
	case deleteWhatIfMsg:
		w := msg.w
		undo := &undoStep{what: fmt.Sprintf("deleted the what-if %q", w.Name), whatIf: restoreWhatIfMsg{w: w}}
		if msg.undo {
			undo = nil
		}
		return m, whatIfCmd(st, id, fmt.Sprintf("what-if %q deleted (u undoes it)", w.Name), undo, func() error {
			return wrapErr(st.DeleteWhatIf(id, w.ID), "delete the what-if")
		}), true
	case restoreWhatIfMsg:
		w := msg.w
		return m, whatIfCmd(st, id, fmt.Sprintf("what-if %q is back", w.Name), nil, func() error {
			_, err := st.SaveWhatIf(id, w.Name, w.Scenario, w.Plan, w.Asks)
			return wrapErr(err, "save the what-if again")
		}), true
	case adoptWhatIfMsg:
		return m, m.adoptWhatIf(msg), true
	case openDiffMsg:
		return m, m.diffCmd(msg), true
	case whatIfsBackMsg:
		m.active = scWhatIfs
		return m, nil, true
	case noteWhatIfMsg:
		return m.noteWhatIf(msg.w)
	}
	return m, nil, false
}

// noteWhatIfMsg writes the employer note of a what-if: for one made from a
// fix, a note that asks for exactly its asks to the employer.
type noteWhatIfMsg struct{ w WhatIf }

// noteWhatIf hands the note to the exporter in a command; like a save, a quit waits for it.
func (m Model) noteWhatIf(w WhatIf) (Model, tea.Cmd, bool) {
	if m.opt.Exporter == nil || w.Scenario == nil {
		return m, nil, true
	}
	if len(w.Asks) == 0 && w.Plan == nil {
		m.setStatus(fmt.Sprintf("the what-if %q has no asks and no plan fits it, so there is nothing to ask the employer for", w.Name), true)
		return m, nil, true
	}
	full, err := w.Scenario.WithCatalog(m.d.cat)
	if err != nil {
		m.setStatus(m.d.neutralText(err.Error()), true)
		return m, nil, true
	}
	req := ExportRequest{Format: "employer", Scenario: full, ProfileID: m.d.profile.ID, Asks: w.Asks,
		Start: planner.NextMonday(m.opt.Now()), Dir: m.opt.Dir}
	if w.Plan != nil {
		req.Plan = *w.Plan
	}
	m.pending++
	m.setStatus("writing the note for the employer…", false)
	return m, exportCmd(m.opt.Exporter, req), true
}

// restoreWhatIfMsg saves a deleted what-if again, to undo its deletion.
type restoreWhatIfMsg struct{ w WhatIf }

func wrapErr(err error, doing string) error {
	if err != nil {
		return fmt.Errorf("%s: %w", doing, err)
	}
	return nil
}

// saveWhatIf applies the asks to the week, solves it and saves it, in a command.
func (m Model) saveWhatIf(msg saveWhatIfMsg) tea.Cmd {
	st, id, week, cat, budget := m.opt.WhatIfs, m.d.profile.ID, m.d.sc, m.d.cat, m.opt.SolveBudget
	var saved WhatIf
	undo := &undoStep{what: fmt.Sprintf("saved the what-if %q", msg.name)}
	cmd := whatIfCmd(st, id, fmt.Sprintf("saved the what-if %q; the week itself is as it was", msg.name), undo, func() error {
		sc := week
		if len(msg.asks) > 0 {
			var err error
			if sc, err = planner.ApplyAsks(week, msg.asks); err != nil {
				return fmt.Errorf("save the what-if: %w", err)
			}
		}
		_, best, err := solveBest(sc, cat, budget, 1)
		if err != nil {
			return fmt.Errorf("plan the what-if: %w", err)
		}
		saved, err = st.SaveWhatIf(id, msg.name, sc, best, msg.asks)
		undo.whatIf = deleteWhatIfMsg{w: saved, undo: true}
		return wrapErr(err, "save the what-if")
	})
	return cmd
}

// adoptWhatIf makes a what-if the week, in a command.
func (m Model) adoptWhatIf(msg adoptWhatIfMsg) tea.Cmd {
	st, weeks, id := m.opt.WhatIfs, m.st, m.d.profile.ID
	var oldBest *planner.Plan
	if m.d.res != nil && len(m.d.res.Plans) > 0 {
		p := m.d.res.Plans[0]
		oldBest = &p
	}
	return func() tea.Msg {
		kept, err := st.AdoptWhatIf(id, msg.id, oldBest)
		if err != nil {
			list, lerr := st.WhatIfs(id)
			return adoptedMsg{err: fmt.Errorf("adopt the what-if: %w", err), list: list, listed: lerr == nil}
		}
		out := adoptedMsg{name: msg.name, kept: kept, undo: msg.undo}
		if out.sc, err = weeks.Scenario(id); err != nil {
			return adoptedMsg{err: fmt.Errorf("the what-if is the week now, but the week cannot be read: %w", err)}
		}
		if out.list, err = st.WhatIfs(id); err != nil {
			return adoptedMsg{err: fmt.Errorf("the what-if is the week now, but the list cannot be read: %w", err)}
		}
		out.listed = true
		return out
	}
}

// diffCmd solves both sides of a diff and compares them, in a command.
func (m Model) diffCmd(msg openDiffMsg) tea.Cmd {
	week, cat, list, budget := m.d.sc, m.d.cat, m.whatIfs.list, m.opt.SolveBudget
	find := func(id string) (WhatIf, bool) {
		for _, w := range list {
			if w.ID == id {
				return w, true
			}
		}
		return WhatIf{}, false
	}
	return func() tea.Msg {
		sides := [2]planner.DiffSide{{Label: "the week", Scenario: week}, {}}
		for i, ref := range []string{msg.from, msg.to} {
			if w, ok := find(ref); ok {
				sides[i] = planner.DiffSide{Label: w.Name, Scenario: w.Scenario}
			}
			if sides[i].Scenario == nil {
				return diffMsg{err: fmt.Errorf("that what-if keeps no week to compare")}
			}
			top := 1
			if i == 1 {
				top = topPlans // the side the diff goes to lists its plans
			}
			res, best, err := solveBest(sides[i].Scenario, cat, budget, top)
			if err != nil {
				return diffMsg{err: fmt.Errorf("plan %s: %w", sides[i].Label, err)}
			}
			sides[i].Result, sides[i].Plan = res, best
		}
		return diffMsg{diff: planner.Compare(sides[0], sides[1]), to: sides[1]}
	}
}

// whatIfResult takes the answers of the what-if commands.
func (m Model) whatIfResult(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case whatIfsMsg:
		if msg.listed {
			m.whatIfs = changed(m.whatIfs, func(w *whatIfsScreen) { w.SetList(msg.list) })
		}
		if msg.err != nil {
			m.setStatus(m.d.neutralText(msg.err.Error()), true)
			return m, nil, true
		}
		if msg.undo != nil && msg.undo.whatIf != nil {
			m.undo = append(m.undo, *msg.undo)
		}
		m.setStatus(msg.note, false)
		return m, nil, true
	case adoptedMsg:
		return m.adopted(msg)
	case diffMsg:
		if msg.err != nil {
			m.setStatus(m.d.neutralText(msg.err.Error()), true)
			return m, nil, true
		}
		m.diff.SetDiff(&msg.diff, msg.to)
		m.active = scDiff
		return m, nil, true
	}
	return m, nil, false
}

func (m Model) adopted(msg adoptedMsg) (Model, tea.Cmd, bool) {
	if msg.listed {
		m.whatIfs = changed(m.whatIfs, func(w *whatIfsScreen) { w.SetList(msg.list) })
	}
	if msg.err != nil {
		m.setStatus(m.d.neutralText(msg.err.Error()), true)
		return m, nil, true
	}
	if !msg.undo && msg.kept.ID != "" {
		m.undo = append(m.undo, undoStep{what: fmt.Sprintf("adopted the what-if %q", msg.name),
			whatIf: adoptWhatIfMsg{id: msg.kept.ID, name: msg.kept.Name, undo: true}})
	}
	m.d.sc = msg.sc
	m.setShown()
	m.edit = changed(m.edit, (*editScreen).Reset)
	note := fmt.Sprintf("%q is the week now; the week before is kept as the what-if %q (u undoes it)", msg.name, msg.kept.Name)
	if msg.undo {
		note = fmt.Sprintf("undone: the week is back, and the what-if %q with it", msg.kept.Name)
	}
	m.setStatus(note, false)
	return m, m.solve(), true
}

// openWhatIfs shows the What-ifs screen and reads the list.
func (m Model) openWhatIfs() (tea.Model, tea.Cmd) {
	m2, _ := m.switchTo(scWhatIfs)
	m = m2.(Model)
	st, id := m.opt.WhatIfs, m.d.profile.ID
	return m, whatIfCmd(st, id, "", nil, func() error { return nil })
}
