package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// intakeIntent carries out what the interview asked for: open it, drop it,
// save its week as a new profile. It works before a profile is loaded, since
// weekfit intake starts on the interview.
func (m Model) intakeIntent(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case intakeStartMsg:
		return m.startIntake(msg.name)
	case intakeCatalogMsg:
		if msg.err != nil {
			m.setStatus(fmt.Sprintf("could not read the clinic's list of programs (%v); describe the program instead", msg.err), true)
		} else if m.active == scIntake && m.intake.a != nil && m.intake.a.cat == nil {
			m.intake.a.cat = msg.cat
		}
		return m, nil, true
	case intakeReopenMsg:
		if !m.loaded || m.d.sc == nil {
			return m, nil, true
		}
		if m.d.discreet {
			m.setStatus(discreetInterview, true)
			return m, nil, true
		}
		a, ok := answersOf(m.d.sc, m.d.cat)
		if !ok {
			m.setStatus("the interview cannot hold all of this week; use the Edit screen (e)", true)
			return m, nil, true
		}
		m.back, m.active, m.fullHelp = m.active, scIntake, false
		m.setStatus("", false)
		return m, m.intake.Start(a, stepReview, true), true
	case intakeCloseMsg:
		if m.opt.Intake && !m.loaded {
			return m, tea.Quit, true
		}
		m.active = m.back
		m.setStatus("interview dropped; nothing was saved", false)
		return m, nil, true
	case intakeCopyMsg:
		return m.copyIntake(msg)
	case intakeSaveMsg:
		m.pending++
		m.setStatus("saving the new profile…", false)
		return m, newProfileCmd(m.st, msg.name, msg.sc), true
	case intakeSavedMsg:
		return m.intakeSaved(msg)
	case editedMsg:
		if m.active == scIntake {
			m.active = m.back
		}
	}
	return m, nil, false
}

// intakeSaved opens the Plans screen on a profile the interview saved, or
// keeps the answers when the save failed.
func (m Model) intakeSaved(msg intakeSavedMsg) (Model, tea.Cmd, bool) {
	m.pending = max(m.pending-1, 0)
	if msg.err != nil {
		m.setStatus(msg.err.Error()+"; the answers are still here: press enter to try again", true)
		return m, nil, true
	}
	m.active = scPlans
	note := fmt.Sprintf("profile %q saved from the interview", msg.profile.Name)
	m.setStatus(note, false)
	if m.quitting && m.pending == 0 {
		return m, tea.Quit, true
	}
	load := loadCmd(m.st, msg.profile.ID, nil)
	return m, func() tea.Msg {
		msg := load()
		if lm, ok := msg.(loadedMsg); ok && lm.note == "" {
			lm.note = note
			return lm
		}
		return msg
	}, true
}

// startIntake opens a blank interview, and reads the clinic's catalog for
// it when no profile has read it yet (weekfit intake starts before any).
func (m Model) startIntake(name string) (Model, tea.Cmd, bool) {
	m.back, m.active, m.fullHelp = m.active, scIntake, false
	m.setStatus("", false)
	a := newIntakeAnswers(name)
	for _, p := range m.d.profiles {
		a.taken = append(a.taken, p.Name)
	}
	a.cat = m.d.cat
	if a.cat != nil {
		return m, m.intake.Start(a, stepWork, false), true
	}
	st := m.st
	return m, tea.Batch(m.intake.Start(a, stepWork, false), func() tea.Msg {
		cat, err := st.Catalog()
		return intakeCatalogMsg{cat: cat, err: err}
	}), true
}

// profilesIntake opens the interview from the Profiles screen: n blank, at
// once (the next key is the first answer); c on a copy of the week of the
// profile under the cursor.
func (m Model) profilesIntake(msg tea.Msg) (Model, tea.Cmd, bool) {
	km, ok := msg.(tea.KeyMsg)
	if !ok || m.profiles.Capturing() {
		return m, nil, false
	}
	switch p := m.profiles; {
	case key.Matches(km, p.keys.Intake):
		return m.intakeIntent(intakeStartMsg{})
	case key.Matches(km, p.keys.Copy) && m.d.discreet:
		m.setStatus(discreetInterview, true)
		return m, nil, true
	case key.Matches(km, p.keys.Copy) && p.cursor < len(p.list):
		st, from := m.st, p.list[p.cursor]
		return m, func() tea.Msg {
			sc, err := st.Scenario(from.ID)
			return intakeCopyMsg{from: from.Name, sc: sc, err: err}
		}, true
	}
	return m, nil, false
}

// copyIntake opens the interview on a copy of another profile's week, for
// a new profile: a counselor's clients often share a program.
func (m Model) copyIntake(msg intakeCopyMsg) (Model, tea.Cmd, bool) {
	if msg.err != nil {
		m.setStatus(fmt.Sprintf("could not read the week of %q: %v", msg.from, msg.err), true)
		return m, nil, true
	}
	a, ok := answersOf(msg.sc, m.d.cat)
	if !ok {
		m.setStatus(fmt.Sprintf("the interview cannot hold all of the week of %q; copy it with weekfit export and weekfit import --as", msg.from), true)
		return m, nil, true
	}
	a.Name, a.weekName = "", ""
	for _, p := range m.d.profiles {
		a.taken = append(a.taken, p.Name)
	}
	m.back, m.active, m.fullHelp = m.active, scIntake, false
	m.setStatus(fmt.Sprintf("a new profile from the week of %q: change what differs", msg.from), false)
	return m, m.intake.Start(a, stepWork, false), true
}

// discreetInterview says why i and c do nothing in discreet mode: the
// interview shows a week's names as they were typed.
const discreetInterview = "the interview shows names: turn discreet mode off (d) first"

// newProfileCmd saves a week as a new profile.
func newProfileCmd(st Store, name string, sc *planner.Scenario) tea.Cmd {
	return func() tea.Msg {
		p, err := st.NewProfile(name, sc)
		if err != nil {
			return intakeSavedMsg{err: fmt.Errorf("could not save the profile: %w", err)}
		}
		return intakeSavedMsg{profile: p}
	}
}
