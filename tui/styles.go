package tui

import (
	"github.com/charmbracelet/lipgloss"

	"weekfit/planner"
)

// Palette is the semantic set of colours the screens draw with. Each colour
// adapts to light and dark terminals; NO_COLOR drops them all, which is why
// every cell kind also has a glyph.
type Palette struct {
	Job, Travel, Session, Commitment, Covered, Sleep, Free, Conflict lipgloss.AdaptiveColor
	Accent, Subtle, Error, OK                                        lipgloss.AdaptiveColor
	Ink                                                              lipgloss.AdaptiveColor
}

// DefaultPalette returns the palette weekfit uses.
func DefaultPalette() Palette {
	return Palette{
		Job:        lipgloss.AdaptiveColor{Light: "#9ab8e8", Dark: "#2d4f86"},
		Travel:     lipgloss.AdaptiveColor{Light: "#e8d39a", Dark: "#7a6324"},
		Session:    lipgloss.AdaptiveColor{Light: "#9fdcaa", Dark: "#2f7a3e"},
		Commitment: lipgloss.AdaptiveColor{Light: "#e8a9cf", Dark: "#7d2f5f"},
		Covered:    lipgloss.AdaptiveColor{Light: "#e3d6ea", Dark: "#4a3d52"},
		Sleep:      lipgloss.AdaptiveColor{Light: "#d7d7d7", Dark: "#303030"},
		Free:       lipgloss.AdaptiveColor{Light: "#bbbbbb", Dark: "#585858"},
		Conflict:   lipgloss.AdaptiveColor{Light: "#ff6b6b", Dark: "#b3261e"},
		Accent:     lipgloss.AdaptiveColor{Light: "#5a3fc0", Dark: "#b39dff"},
		Subtle:     lipgloss.AdaptiveColor{Light: "#777777", Dark: "#8a8a8a"},
		Error:      lipgloss.AdaptiveColor{Light: "#c0262d", Dark: "#ff6b6b"},
		OK:         lipgloss.AdaptiveColor{Light: "#237a36", Dark: "#7bd88f"},
		Ink:        lipgloss.AdaptiveColor{Light: "#111111", Dark: "#f0f0f0"},
	}
}

// Styles holds every lipgloss style the views use, built once by NewStyles.
type Styles struct {
	Kind     [planner.KindSleep + 1]lipgloss.Style
	Free     lipgloss.Style
	Conflict lipgloss.Style
	Cursor   lipgloss.Style

	Title      lipgloss.Style
	Tab        lipgloss.Style
	ActiveTab  lipgloss.Style
	Header     lipgloss.Style
	Subtle     lipgloss.Style
	Error      lipgloss.Style
	OK         lipgloss.Style
	Selected   lipgloss.Style
	Panel      lipgloss.Style
	PanelTitle lipgloss.Style
	Field      lipgloss.Style
	Blank      lipgloss.Style
}

// NewStyles builds the styles from a palette.
func NewStyles(p Palette) Styles {
	cell := func(bg lipgloss.AdaptiveColor) lipgloss.Style {
		return lipgloss.NewStyle().Background(bg).Foreground(p.Ink)
	}
	var s Styles
	s.Kind[planner.KindJob] = cell(p.Job)
	s.Kind[planner.KindTravel] = cell(p.Travel)
	s.Kind[planner.KindSession] = cell(p.Session).Bold(true)
	s.Kind[planner.KindCommitment] = cell(p.Commitment)
	s.Kind[planner.KindCovered] = cell(p.Covered)
	s.Kind[planner.KindSleep] = cell(p.Sleep)
	s.Free = lipgloss.NewStyle().Foreground(p.Free)
	s.Conflict = cell(p.Conflict).Bold(true)
	s.Cursor = lipgloss.NewStyle().Reverse(true)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(p.Accent)
	s.Tab = lipgloss.NewStyle().Foreground(p.Subtle)
	s.ActiveTab = lipgloss.NewStyle().Bold(true).Underline(true).Foreground(p.Accent)
	s.Header = lipgloss.NewStyle().Bold(true)
	s.Subtle = lipgloss.NewStyle().Foreground(p.Subtle)
	s.Error = lipgloss.NewStyle().Foreground(p.Error)
	s.OK = lipgloss.NewStyle().Foreground(p.OK)
	s.Selected = lipgloss.NewStyle().Bold(true).Foreground(p.Accent)
	s.Panel = lipgloss.NewStyle()
	s.PanelTitle = lipgloss.NewStyle().Bold(true).Foreground(p.Accent)
	s.Field = lipgloss.NewStyle().Underline(true)
	s.Blank = lipgloss.NewStyle()
	return s
}
