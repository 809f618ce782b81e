package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// View draws the tab line, the active screen, the status line and the help.
func (m Model) View() string {
	switch {
	case m.width == 0 || m.height == 0:
		return ""
	case m.blank:
		return blankView(m.width, m.height)
	case m.width < MinWidth || m.height < MinHeight:
		return fit(fmt.Sprintf("terminal too small (need %dx%d)", MinWidth, MinHeight), m.width, m.height)
	}
	var body string
	switch {
	case m.fullHelp:
		body = fullHelp(m.styles, m.fullBindings(), m.width)
	case !m.loaded && m.active != scIntake:
		body = ""
	default:
		body = m.screenView()
	}
	status := m.statusLines()
	lines := []string{m.tabs(), fitBlock(body, m.width, m.height-2-len(status))}
	lines = append(lines, status...)
	lines = append(lines, m.help.ShortHelpView(m.shortBindings()))
	return fit(strings.Join(lines, "\n"), m.width, m.height)
}

// maxStatusLines is how many lines a long status sentence may take from
// the screen above it, so that what went wrong and what to do is read whole
// in a narrow terminal.
const maxStatusLines = 3

func (m Model) screenView() string {
	switch m.active {
	case scPlans:
		return m.plans.View()
	case scCompare:
		return m.compare.View()
	case scEdit:
		return m.edit.View()
	case scProfiles:
		return m.profiles.View()
	case scExport:
		return m.export.View()
	case scWhatIfs:
		return m.whatIfs.View()
	case scDiff:
		return m.diff.View()
	case scBoard:
		return m.board.View()
	case scCatalog:
		return m.catalog.View()
	case scIntake:
		return m.intake.View()
	}
	return m.week.View()
}

// tabList is the screens named on the first line.
func (m Model) tabList() []screen {
	tabs := []screen{scWeek, scPlans, scCompare, scEdit, scProfiles}
	if m.active >= nScreens {
		tabs = append(tabs, m.active)
	}
	return tabs
}

// tabAt is the screen whose name is at column x of the first line.
func (m Model) tabAt(x int) (screen, bool) {
	at := ansi.StringWidth("weekfit") + 1
	for _, s := range m.tabList() {
		w := ansi.StringWidth(s.String()) + 2 // "[Name]" or " Name "
		if x >= at && x < at+w {
			return s, true
		}
		at += w + 1
	}
	return 0, false
}

// tabs is the first line: the screens, and the profile unless discreet.
func (m Model) tabs() string {
	parts := []string{m.styles.Title.Render("weekfit")}
	for _, s := range m.tabList() {
		name := s.String()
		if s == m.active {
			parts = append(parts, m.styles.ActiveTab.Render("["+name+"]"))
		} else {
			parts = append(parts, m.styles.Tab.Render(" "+name+" "))
		}
	}
	right := ""
	switch {
	case m.d.discreet:
		right = "discreet"
	case m.d.profile.Name != "":
		right = m.d.profile.Name
	}
	left := strings.Join(parts, " ")
	gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right) - 1
	if gap < 1 {
		return left
	}
	return left + strings.Repeat(" ", gap) + m.styles.Subtle.Render(right)
}

// statusLines is the status sentence, wrapped at words to the width: one
// line, or up to maxStatusLines for a long one (the last cut if it is
// longer still).
func (m Model) statusLines() []string {
	style := m.styles.OK
	if m.statusErr {
		style = m.styles.Error
	}
	lines := m.statusWrapped()
	for i, l := range lines {
		lines[i] = style.Render(strings.TrimRight(l, " "))
	}
	return lines
}

// statusWrapped is the status sentence as it reads, wrapped and cut, with
// no style yet.
func (m Model) statusWrapped() []string {
	s := m.status
	if m.solving {
		s = strings.TrimSpace("solving… " + s)
	}
	if m.statusErr {
		s = "! " + s
	}
	if ansi.StringWidth(s) <= m.width {
		return []string{s}
	}
	lines := strings.Split(ansi.Wrap(s, max(m.width, 1), ""), "\n")
	if len(lines) > maxStatusLines {
		lines = lines[:maxStatusLines]
	}
	return lines
}

func (m Model) shortBindings() []key.Binding {
	if m.fullHelp {
		return []key.Binding{m.keys.Help, m.keys.Quit}
	}
	if m.capturing() {
		return m.keyMap().ShortHelp()
	}
	g := m.keys
	g.Undo.SetEnabled(len(m.undo) > 0)
	if m.active == scExport {
		g.Export.SetEnabled(false) // already here
	}
	return append(m.keyMap().ShortHelp(), g.short()...)
}

func (m Model) fullBindings() [][]key.Binding {
	return append(m.keyMap().FullHelp(), m.keys.full()...)
}

// blankView is the panic screen: nothing at all to read.
func blankView(w, h int) string {
	return fit("", w, h)
}

// fit cuts s to w columns and h lines.
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if len(l) > w && width(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// fitBlock makes s exactly h lines of at most w columns.
func fitBlock(s string, w, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return fit(strings.Join(lines, "\n"), w, h)
}

// fullHelp lays out groups of keys in columns that wrap to the width.
func fullHelp(st *Styles, groups [][]key.Binding, width int) string {
	var blocks []string
	for _, g := range groups {
		var lines []string
		kw := 0
		for _, b := range g {
			if b.Enabled() {
				kw = max(kw, ansi.StringWidth(b.Help().Key))
			}
		}
		for _, b := range g {
			if b.Enabled() {
				lines = append(lines, st.Header.Render(pad(b.Help().Key, kw))+" "+st.Subtle.Render(b.Help().Desc))
			}
		}
		if len(lines) > 0 {
			blocks = append(blocks, strings.Join(lines, "\n"))
		}
	}
	var rows []string
	var row []string
	used := 0
	for _, b := range blocks {
		w := lipgloss.Width(b) + 4
		if used+w > width && len(row) > 0 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, used = nil, 0
		}
		row = append(row, padBlock(b, w))
		used += w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return strings.Join(rows, "\n\n")
}

// padBlock pads every line of s to w cells.
func padBlock(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = pad(l, w)
	}
	return strings.Join(lines, "\n")
}
