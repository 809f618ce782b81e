package tui

import "github.com/charmbracelet/bubbles/key"

// globalKeys work on every screen unless a text field has the keyboard.
type globalKeys struct {
	Quit, Help, Next, Prev, Week, Plans, Compare, Edit, Profiles key.Binding
	Undo, Discreet, Panic, Export, WhatIfs, Board, Catalog       key.Binding
	Interview                                                    key.Binding // i: the interview on this week, from Week and Edit
	ForceQuit                                                    key.Binding // ctrl+c, even while a field has the keyboard
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Next:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "screens")),
		Prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous screen")),
		Week:      key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "week")),
		Plans:     key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "plans")),
		Compare:   key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "compare")),
		Edit:      key.NewBinding(key.WithKeys("4", "e"), key.WithHelp("4/e", "edit")),
		Profiles:  key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "profiles")),
		Undo:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Discreet:  key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "discreet")),
		Panic:     key.NewBinding(key.WithKeys("esc", "alt+esc"), key.WithHelp("esc esc", "blank screen")),
		Export:    key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "export")),
		WhatIfs:   key.NewBinding(key.WithKeys("W"), key.WithHelp("W", "what-ifs")),
		Board:     key.NewBinding(key.WithKeys("B"), key.WithHelp("B", "program board")),
		Catalog:   key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "catalog")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c")),
		Interview: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "interview")),
	}
}

// short is the part of the global keys the one-line help shows.
func (k globalKeys) short() []key.Binding {
	return []key.Binding{k.Next, k.Export, k.Undo, k.Help, k.Quit}
}

// full lists every global key for the full help.
func (k globalKeys) full() [][]key.Binding {
	return [][]key.Binding{
		{k.Week, k.Plans, k.Compare, k.Edit, k.Profiles, k.Export, k.WhatIfs, k.Board, k.Catalog, k.Next, k.Prev},
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

type plansKeys struct {
	Up, Down, Choose, Mark, Compare, Clear, Fixes, Prefs key.Binding
}

func newPlansKeys() plansKeys {
	return plansKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous plan")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next plan")),
		Choose:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Mark:    key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "mark to compare")),
		Compare: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "compare")),
		Clear:   key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "clear locks")),
		Fixes:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "what to ask for")),
		Prefs:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "priorities")),
	}
}

// prefsKeys are the keys of "What matters most to you?" over the Plans list.
type prefsKeys struct {
	Up, Down, Less, More, Set, Close key.Binding
}

func newPrefsKeys() prefsKeys {
	return prefsKeys{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous")),
		Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next")),
		Less:  key.NewBinding(key.WithKeys("left", "h", "-"), key.WithHelp("←/-", "less")),
		More:  key.NewBinding(key.WithKeys("right", "l", "+"), key.WithHelp("→/+", "more")),
		Set:   key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "weight (1 twice: 10)")),
		Close: key.NewBinding(key.WithKeys("p", "esc"), key.WithHelp("p/esc", "back to plans")),
	}
}

// fixesKeys are the keys of the list of fixes over the Plans screen.
type fixesKeys struct {
	Up, Down, NextFix, Save, Close key.Binding
}

func newFixesKeys() fixesKeys {
	return fixesKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous track")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next track")),
		NextFix: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next fix")),
		Save:    key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "save fix as a what-if")),
		Close:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "back to plans")),
	}
}

// weekKeys are the keys of the Week screen.
type weekKeys struct {
	gridKeys
	Lock, Exclude, Clear key.Binding
}

func newWeekKeys() weekKeys {
	return weekKeys{
		gridKeys: newGridKeys(),
		Lock:     key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "lock session")),
		Exclude:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "skip day")),
		Clear:    key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "clear locks")),
	}
}

type compareKeys struct {
	Plans key.Binding
}

func newCompareKeys() compareKeys {
	return compareKeys{
		Plans: key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "mark plans to compare")),
	}
}

type profilesKeys struct {
	Up, Down, Open, Add, Intake, Copy, Rename, Delete, Yes, No, Accept, Cancel key.Binding
}

func newProfilesKeys() profilesKeys {
	return profilesKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Add:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
		Intake: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "interview")),
		Copy:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy by interview")),
		Rename: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rename")),
		Delete: key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete")),
		Yes:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes, delete")),
		No:     key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep it")),
		Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "accept")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

type exportKeys struct {
	Up, Down, Change, Export, Back key.Binding
	Prev, Next                     key.Binding // the two halves of Change
}

func newExportKeys() exportKeys {
	return exportKeys{
		Up:     key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "field up")),
		Down:   key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "field down")),
		Change: key.NewBinding(key.WithKeys("left", "right", " "), key.WithHelp("←/→", "change")),
		Prev:   key.NewBinding(key.WithKeys("left")),
		Next:   key.NewBinding(key.WithKeys("right", " ")),
		Export: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "export")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

type editKeys struct {
	Up, Down, PageUp, PageDown, Change, Add, Delete, Accept, Cancel key.Binding
}

func newEditKeys() editKeys {
	return editKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Change:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "change")),
		Add:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add here")),
		Delete:   key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete item")),
		Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "accept")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

type whatIfKeys struct {
	Up, Down, Open, Mark, Save, Rename, Delete, Adopt, Note, Back, Yes, No, Accept, Cancel key.Binding
}

func newWhatIfKeys() whatIfKeys {
	return whatIfKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "diff")),
		Mark:   key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "diff from this one")),
		Save:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "save the week")),
		Rename: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rename")),
		Delete: key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete")),
		Adopt:  key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "adopt")),
		Note:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "employer note")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Yes:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:     key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "no")),
		Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "accept")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

type diffKeys struct {
	Up, Down, Back key.Binding
}

func newDiffKeys() diffKeys {
	return diffKeys{
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "what-ifs")),
	}
}

// intakeKeys are the interview's own keys; the questions' keys are huh's.
type intakeKeys struct {
	Esc, Yes, Reopen, Add, Remove, Save key.Binding
}

func newIntakeKeys() intakeKeys {
	return intakeKeys{
		Esc:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "stop")),
		Yes:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "drop the answers")),
		Reopen: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "change a line")),
		Add:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add more")),
		Remove: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "remove")),
		Save:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
	}
}

// boardKeys are the Program board's keys.
type boardKeys struct {
	Up, Down, Open, Sort, Reverse, Filter, Whole, Done key.Binding
}

func newBoardKeys() boardKeys {
	return boardKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next")),
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "its plans")),
		Sort:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort by next column")),
		Reverse: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "reverse the sort")),
		Filter:  key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Whole:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "whole catalog / this week's programs")),
		Done:    key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", "end the filter")),
	}
}

// catalogKeys are the Catalog screen's keys.
type catalogKeys struct {
	Up, Down, Filter, Add, Import, Remove, Done, Cancel key.Binding
}

func newCatalogKeys(editable bool) catalogKeys {
	k := catalogKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next")),
		Filter: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Add:    key.NewBinding(key.WithKeys("a", "enter"), key.WithHelp("a", "add to this client")),
		Import: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "import a file")),
		Remove: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "remove")),
		Done:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
	k.Import.SetEnabled(editable)
	k.Remove.SetEnabled(editable)
	return k
}
