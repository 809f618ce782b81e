package tui

import (
	"bytes"
	"fmt"
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

// SetDiff shows a diff from the top, and under it the ranked plans of the
// week it goes to (a what-if's own plans), as the Plans screen lists them.
func (s *diffScreen) SetDiff(d *planner.Diff, to planner.DiffSide) {
	var b bytes.Buffer
	_ = planner.WriteDiffText(&b, d) // a bytes.Buffer does not fail
	s.lines = strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	s.lines = append(s.lines, "", "The plans of "+to.Label+", best first:")
	s.lines = append(s.lines, rankedPlanLines(to)...)
	s.top = 0
}

// rankedPlanLines is one line a plan of a solved week: its track (and
// program, when the plans are of more than one), sessions, latest return
// home and unpaid time a week.
func rankedPlanLines(side planner.DiffSide) []string {
	if side.Result == nil || len(side.Result.Plans) == 0 {
		return []string{"  no plan fits"}
	}
	weeks := 1
	if side.Scenario != nil {
		weeks = max(side.Scenario.Weeks(), 1)
	}
	plans := side.Result.Plans
	oneProgram := true
	for i := range plans {
		oneProgram = oneProgram && plans[i].Program == plans[0].Program
	}
	var out []string
	for i := range plans {
		pl := &plans[i]
		name := pl.Track
		if !oneProgram {
			name = pl.ProgramName + ", " + pl.Track
		}
		out = append(out, fmt.Sprintf("  %d. %s: %s · home by %s · unpaid %s", i+1, name,
			sessionTimes(pl), planner.FormatLatestHome(pl.LatestHome), hm(pl.UnpaidMinutes/weeks)))
	}
	return out
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
