package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// intakeIntent carries out what the interview asked for: open it, drop it,
// save its week as a new profile. It works before a profile is loaded, since
// weekfit intake starts on the interview.
func (m Model) intakeIntent(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case intakeStartMsg:
		m.back, m.active, m.fullHelp = m.active, scIntake, false
		m.setStatus("", false)
		a := newIntakeAnswers(msg.name)
		for _, p := range m.d.profiles {
			a.taken = append(a.taken, p.Name)
		}
		return m, m.intake.Start(a, stepWork, false), true
	case intakeReopenMsg:
		if !m.loaded || m.d.sc == nil {
			return m, nil, true
		}
		a, ok := answersOf(m.d.sc)
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
	case intakeSaveMsg:
		m.pending++
		m.setStatus("saving the new profile…", false)
		return m, newProfileCmd(m.st, msg.name, msg.sc), true
	case intakeSavedMsg:
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
	case editedMsg:
		if m.active == scIntake {
			m.active = m.back
		}
	}
	return m, nil, false
}

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
