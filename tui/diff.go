package tui

import (
	"bytes"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// diffScreen shows what changes from one week to another and what that does
// to the best plan, as `weekfit diff` prints it.
type diffScreen struct {
	st            *Styles
	d             *shared
	keys          diffKeys
	lines         []string
	top           int
	width, height int
}

func newDiffScreen(st *Styles, d *shared) diffScreen {
	return diffScreen{st: st, d: d, keys: newDiffKeys()}
}

// SetSize records the space the screen has.
func (s *diffScreen) SetSize(w, h int) { s.width, s.height = w, h }

// SetDiff shows a diff from the top.
func (s *diffScreen) SetDiff(d *planner.Diff) {
	var b bytes.Buffer
	_ = planner.WriteDiffText(&b, d) // a bytes.Buffer does not fail
	s.lines = strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	s.top = 0
}

func (s diffScreen) rows() int { return max(s.height-1, 1) }

// Update scrolls, or goes back to the what-ifs.
func (s diffScreen) Update(msg tea.Msg) (diffScreen, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return s, nil
	}
	last := max(len(s.lines)-s.rows(), 0)
	switch {
	case key.Matches(km, s.keys.Up):
		s.top = max(s.top-1, 0)
	case key.Matches(km, s.keys.Down):
		s.top = min(s.top+1, last)
	case key.Matches(km, s.keys.Back):
		return s, send(whatIfsBackMsg{})
	}
	return s, nil
}

// View draws the lines that fit, names made neutral in discreet mode.
func (s diffScreen) View() string {
	var out []string
	for i := s.top; i < min(len(s.lines), s.top+s.rows()); i++ {
		line := s.d.neutralText(s.lines[i])
		if i == 0 || (line != "" && !strings.HasPrefix(line, " ")) {
			line = s.st.Header.Render(line)
		}
		out = append(out, line)
	}
	if s.top+s.rows() < len(s.lines) {
		out = append(out, s.st.Subtle.Render("↓ more"))
	}
	return strings.Join(out, "\n")
}

// ShortHelp lists the keys that work now.
func (s diffScreen) ShortHelp() []key.Binding {
	k := s.keys
	k.Down.SetEnabled(s.top+s.rows() < len(s.lines))
	k.Up.SetEnabled(s.top > 0)
	return []key.Binding{k.Up, k.Down, k.Back}
}

// FullHelp lists every key of the screen.
func (s diffScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.keys.Up, s.keys.Down, s.keys.Back}}
}
