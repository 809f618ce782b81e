package tui

import "github.com/charmbracelet/bubbles/key"

// globalKeys work on every screen unless a text field has the keyboard.
type globalKeys struct {
	Quit, Help, Next, Prev, Week, Plans, Compare, Edit, Profiles key.Binding
	Undo, Discreet, Panic, Export                                key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Next:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "screens")),
		Prev:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous screen")),
		Week:     key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "week")),
		Plans:    key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "plans")),
		Compare:  key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "compare")),
		Edit:     key.NewBinding(key.WithKeys("4", "e"), key.WithHelp("4/e", "edit")),
		Profiles: key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "profiles")),
		Undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Discreet: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "discreet")),
		Panic:    key.NewBinding(key.WithKeys("esc", "alt+esc"), key.WithHelp("esc esc", "blank screen")),
		Export:   key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "export")),
	}
}

// short is the part of the global keys the one-line help shows.
func (k globalKeys) short() []key.Binding {
	return []key.Binding{k.Next, k.Export, k.Undo, k.Help, k.Quit}
}

// full lists every global key for the full help.
func (k globalKeys) full() [][]key.Binding {
	return [][]key.Binding{
		{k.Week, k.Plans, k.Compare, k.Edit, k.Profiles, k.Export, k.Next, k.Prev},
		{k.Undo, k.Discreet, k.Panic, k.Help, k.Quit},
	}
}

// gridKeys move over a week grid.
type gridKeys struct {
	Move, Zoom                                                                   key.Binding
	Up, Down, Left, Right, PageUp, PageDown, ZoomIn, ZoomOut, NextWeek, PrevWeek key.Binding
}

func newGridKeys() gridKeys {
	return gridKeys{
		Move:     key.NewBinding(key.WithKeys("left", "down", "up", "right"), key.WithHelp("←↓↑→/hjkl", "move")),
		Zoom:     key.NewBinding(key.WithKeys("+", "-"), key.WithHelp("+/-", "zoom")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "earlier")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "later")),
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "day before")),
		Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "day after")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "K"), key.WithHelp("pgup", "scroll up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "J"), key.WithHelp("pgdn", "scroll down")),
		ZoomIn:   key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "zoom in")),
		ZoomOut:  key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("-", "zoom out")),
		NextWeek: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next week of rotation")),
		PrevWeek: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous week of rotation")),
	}
}
