package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// watchEvery is how often the TUI asks whether another weekfit changed the
// database: a change shows within about this long.
const watchEvery = time.Second

// watchMsg is the answer of one check: the store's ChangesElsewhere.
type watchMsg struct {
	changes uint64
	err     error
}

// watchCmd checks for other weekfits' changes after watchEvery, when the
// store can tell (a ChangeWatcher); the check runs in the command, never in
// Update.
func watchCmd(st Store) tea.Cmd {
	w, ok := st.(ChangeWatcher)
	if !ok {
		return nil
	}
	return tea.Tick(watchEvery, func(time.Time) tea.Msg {
		n, err := w.ChangesElsewhere()
		return watchMsg{changes: n, err: err}
	})
}

// watched takes a check's answer: a new one reloads the profile list and the open week,
// keeping the cursor. While the person types in a field, or before the
// first load, the reload waits for a later check. A check that failed (the
// database busy for longer than the wait) is tried again.
func (m Model) watched(msg watchMsg) (Model, tea.Cmd) {
	next := watchCmd(m.st)
	switch {
	case msg.err != nil:
		return m, next
	case msg.changes == m.changes || !m.loaded || m.capturing() || m.stopping || m.quitting:
		return m, next
	}
	m.changes = msg.changes
	load := loadCmd(m.st, m.d.profile.ID, nil)
	reload := func() tea.Msg {
		msg := load()
		if lm, ok := msg.(loadedMsg); ok {
			lm.reload = true
			return lm
		}
		return msg
	}
	return m, tea.Batch(reload, next)
}
