package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// catalogIntent carries out what the Catalog screen asks: import a file,
// remove a program, add one to the week; and takes the catalog read again.
func (m Model) catalogIntent(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case catalogImportMsg:
		return m.catalogWrite(func(ed CatalogEditor) (string, error) {
			added, updated, err := ed.ImportCatalogFile(msg.path)
			if err != nil {
				return "", err
			}
			return fmt.Sprintf("catalog: %d program(s) added, %d updated", added, updated), nil
		})
	case catalogRemoveMsg:
		return m.catalogWrite(func(ed CatalogEditor) (string, error) {
			if err := ed.RemoveCatalogProgram(msg.id); err != nil {
				return "", err
			}
			return "removed from the catalog", nil
		})
	case catalogAddMsg:
		return m.addCatalogProgram(msg)
	case catalogChangedMsg:
		if msg.cat != nil {
			m.d.cat = msg.cat
			m.setShown()
		}
		m2, cmd, _ := m.handleResult(msg.saved)
		if msg.cat == nil || m2.d.sc == nil {
			return m2, cmd, true
		}
		return m2, tea.Batch(cmd, m2.solve()), true
	}
	return m, nil, false
}

// catalogWrite runs a change of the catalog in a command, then reads the
// catalog again; like a save, a quit waits for it.
func (m Model) catalogWrite(change func(CatalogEditor) (string, error)) (Model, tea.Cmd, bool) {
	ed, st := m.opt.Catalog, m.st
	if ed == nil {
		m.setStatus("this window cannot change the catalog", true)
		return m, nil, true
	}
	m.pending++
	m.setStatus("changing the catalog…", false)
	return m, func() tea.Msg {
		what, err := change(ed)
		if err != nil {
			return catalogChangedMsg{saved: savedMsg{err: fmt.Errorf("the catalog is unchanged: %w", err)}}
		}
		cat, err := st.Catalog()
		if err != nil {
			return catalogChangedMsg{saved: savedMsg{err: fmt.Errorf("%s, but could not read the catalog again: %w", what, err)}}
		}
		return catalogChangedMsg{saved: savedMsg{what: what}, cat: cat}
	}, true
}

// addCatalogProgram names a catalog program in the week and adds the travel
// times given for its place; undo takes both back.
func (m Model) addCatalogProgram(msg catalogAddMsg) (Model, tea.Cmd, bool) {
	if m.d.sc == nil {
		return m, nil, true
	}
	sc := m.d.sc.Clone()
	sc.Catalog = append(sc.Catalog, msg.id)
	for _, l := range msg.legs {
		if !hasLeg(sc, l.From, l.To) {
			sc.Travel = append(sc.Travel, l)
		}
	}
	if err := planner.Check(sc); err != nil {
		m.setStatus("cannot add it: "+m.d.neutralText(err.Error()), true)
		return m, nil, true
	}
	if _, err := sc.WithCatalog(m.d.cat); err != nil {
		m.setStatus("cannot add it: "+m.d.neutralText(err.Error()), true)
		return m, nil, true
	}
	what := "added a catalog program to the week"
	if len(msg.legs) > 0 {
		what += fmt.Sprintf(" with %d travel time(s)", len(msg.legs))
	}
	m.undo = append(m.undo, undoStep{sc: m.d.sc, what: what})
	return m, m.setScenario(sc, what), true
}

// openBoardProgram shows the plans of a program chosen on the board: the
// best of its plans among those on show, or says why there is none.
func (m Model) openBoardProgram(id, name string) (Model, tea.Cmd, bool) {
	if m.d.res != nil {
		for i := range m.d.res.Plans {
			if m.d.res.Plans[i].Program == id {
				m.d.cur = i
				m.refresh(false)
				m2, cmd := m.switchTo(scPlans)
				return m2.(Model), cmd, true
			}
		}
	}
	if m.d.full == nil || m.d.full.ProgramIndex(id) < 0 {
		m.setStatus(fmt.Sprintf("%s is not in this client's week yet; add it with a on the Catalog screen (C) to see its plans", name), true)
		return m, nil, true
	}
	// not among the week's best plans: plan this program alone
	m.d.opt.Programs = []string{id}
	m.setStatus(fmt.Sprintf("showing %s's plans only; X on Plans shows every program again", name), false)
	solve := m.solve()
	m2, cmd := m.switchTo(scPlans)
	return m2.(Model), tea.Batch(solve, cmd), true
}
