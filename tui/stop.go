package tui

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
)

// StopMsg tells the TUI to end as q does, because the process was told to
// stop (SIGTERM, SIGHUP: the terminal may already be gone). Saves under way
// finish first; unlike q, a save that fails does not keep the TUI open, and
// Unsaved says so afterwards.
type StopMsg struct{}

// stop quits now, or once the saves under way have finished.
func (m Model) stop() (tea.Model, tea.Cmd) {
	m.stopping = true
	if m.pending == 0 {
		return m, tea.Quit
	}
	m.quitting = true
	m.setStatus("saving before quitting…", false)
	return m, nil
}

// savedWhileStopping counts a finished save and quits after the last one.
func (m Model) savedWhileStopping(msg savedMsg) (tea.Model, tea.Cmd) {
	m.pending = max(m.pending-1, 0)
	if msg.err != nil && m.lost == nil {
		m.lost = msg.err
	}
	if m.pending == 0 {
		return m, tea.Quit
	}
	return m, nil
}

// Unsaved says what the TUI could not save before it ended: a save that
// failed while it was stopping, or saves still under way when the program
// ended without waiting for them. It is nil when every change was saved.
func (m Model) Unsaved() error {
	switch {
	case m.lost != nil:
		return m.lost
	case m.pending == 1:
		return errors.New("the last change was still being saved when weekfit stopped; open weekfit again to check it")
	case m.pending > 1:
		return fmt.Errorf("the last %d changes were still being saved when weekfit stopped; open weekfit again to check them", m.pending)
	}
	return nil
}
