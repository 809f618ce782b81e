package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// WhatIf is a week of its own kept beside a profile's week, with its best
// plan (nil when none fits) and the asks it was made from (none when it was
// made from an edit).
type WhatIf struct {
	ID, Name string
	Scenario *planner.Scenario
	Plan     *planner.Plan
	Asks     []planner.Ask
	Saved    time.Time
}

// WhatIfStore keeps a profile's what-ifs; main adapts *store.DB to it.
type WhatIfStore interface {
	WhatIfs(profileID string) ([]WhatIf, error)
	SaveWhatIf(profileID, name string, sc *planner.Scenario, best *planner.Plan, asks []planner.Ask) (WhatIf, error)
	RenameWhatIf(profileID, id, name string) error
	DeleteWhatIf(profileID, id string) error
	// AdoptWhatIf makes the what-if's week the profile's week and keeps the
	// week before as a what-if (with oldBest), which it returns; adopting
	// that one undoes the adoption.
	AdoptWhatIf(profileID, id string, oldBest *planner.Plan) (WhatIf, error)
}

// whatIfMode is what the What-ifs screen is doing.
type whatIfMode int

const (
	wmList whatIfMode = iota
	wmSave
	wmRename
	wmDelete
	wmAdopt
)

// whatIfsScreen lists the profile's what-ifs: open one as a diff against the
// week (or against a marked one), save the week as it is now, rename,
// delete, adopt.
type whatIfsScreen struct {
	st            *Styles
	d             *shared
	keys          whatIfKeys
	list          []WhatIf
	cursor        int
	marked        string // id of the what-if a diff starts from; "" for the week
	mode          whatIfMode
	canExport     bool // an Exporter writes the employer note
	input         textinput.Model
	width, height int
}

func newWhatIfsScreen(st *Styles, d *shared) whatIfsScreen {
	in := textinput.New()
	in.Prompt = "name: "
	in.CharLimit = 80
	in.Cursor.SetMode(cursor.CursorStatic)
	return whatIfsScreen{st: st, d: d, keys: newWhatIfKeys(), input: in}
}

// SetSize records the space the screen has.
func (w *whatIfsScreen) SetSize(width, height int) {
	w.width, w.height = width, height
	w.input.Width = max(width-10, 1)
}

// SetList replaces the list, keeping the cursor in it.
func (w *whatIfsScreen) SetList(list []WhatIf) {
	w.list = list
	w.cursor = min(w.cursor, max(len(list)-1, 0))
	found := false
	for _, x := range list {
		found = found || x.ID == w.marked
	}
	if !found {
		w.marked = ""
	}
}

// Capturing reports whether a name is being typed or a question asked.
func (w whatIfsScreen) Capturing() bool { return w.mode != wmList }

func (w whatIfsScreen) current() (WhatIf, bool) {
	if w.cursor < len(w.list) {
		return w.list[w.cursor], true
	}
	return WhatIf{}, false
}

// Update moves through the list and asks the root for what the keys say.
func (w whatIfsScreen) Update(msg tea.Msg) (whatIfsScreen, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return w, nil
	}
	k := w.keys
	switch w.mode {
	case wmSave, wmRename:
		return w.typing(km)
	case wmDelete, wmAdopt:
		mode := w.mode
		w.mode = wmList
		cur, ok := w.current()
		if !ok || !key.Matches(km, k.Yes) {
			return w, nil
		}
		if mode == wmDelete {
			return w, send(deleteWhatIfMsg{w: cur})
		}
		return w, send(adoptWhatIfMsg{id: cur.ID, name: cur.Name})
	}
	cur, some := w.current()
	switch {
	case key.Matches(km, k.Up):
		w.cursor = max(w.cursor-1, 0)
	case key.Matches(km, k.Down):
		w.cursor = max(min(w.cursor+1, len(w.list)-1), 0)
	case key.Matches(km, k.Back):
		return w, send(exportBackMsg{})
	case key.Matches(km, k.Open) && some:
		return w, send(openDiffMsg{from: w.marked, to: cur.ID})
	case key.Matches(km, k.Mark) && some:
		if w.marked == cur.ID {
			w.marked = ""
		} else {
			w.marked = cur.ID
		}
	case key.Matches(km, k.Save):
		w.mode = wmSave
		w.input.SetValue("")
		return w, w.input.Focus()
	case key.Matches(km, k.Rename) && some:
		w.mode = wmRename
		w.input.SetValue(cur.Name)
		w.input.CursorEnd()
		return w, w.input.Focus()
	case key.Matches(km, k.Delete) && some:
		w.mode = wmDelete
	case key.Matches(km, k.Adopt) && some:
		w.mode = wmAdopt
	case key.Matches(km, k.Note) && some && w.canExport:
		return w, send(noteWhatIfMsg{w: cur})
	}
	return w, nil
}

func (w whatIfsScreen) typing(km tea.KeyMsg) (whatIfsScreen, tea.Cmd) {
	switch {
	case key.Matches(km, w.keys.Cancel):
		w.mode = wmList
		w.input.Blur()
		return w, nil
	case key.Matches(km, w.keys.Accept):
		name := strings.TrimSpace(w.input.Value())
		if name == "" {
			return w, nil
		}
		mode := w.mode
		w.mode = wmList
		w.input.Blur()
		if mode == wmSave {
			return w, send(saveWhatIfMsg{name: name})
		}
		cur, _ := w.current()
		return w, send(renameWhatIfMsg{id: cur.ID, from: cur.Name, to: name})
	}
	var cmd tea.Cmd
	w.input, cmd = w.input.Update(km)
	return w, cmd
}

// bestWords says a what-if's best plan in a few words.
func (w whatIfsScreen) bestWords(x WhatIf) string {
	if x.Plan == nil {
		return "no plan fits"
	}
	name := x.Plan.ProgramName
	if w.d.discreet {
		name = planner.NeutralLabel
	}
	return fmt.Sprintf("%s, %s, home by %s", name, w.d.neutralText(x.Plan.Track), planner.FormatLatestHome(x.Plan.LatestHome))
}

// View draws the list and the field or question there is.
func (w whatIfsScreen) View() string {
	lines := []string{w.st.Header.Render(fmt.Sprintf("What-ifs of this profile: %d", len(w.list))),
		w.st.Subtle.Render("Weeks of their own: the profile's week changes only when one is adopted.")}
	if len(w.list) == 0 {
		lines = append(lines, "", "None yet: s saves the week as it is now as a what-if.")
	}
	rows := max(w.height-6, 1)
	top := max(w.cursor-rows+1, 0)
	for i := top; i < min(len(w.list), top+rows); i++ {
		x := w.list[i]
		mark := "  "
		if i == w.cursor {
			mark = "> "
		}
		if x.ID == w.marked {
			mark = mark[:1] + "*"
		}
		asks := "made from an edit"
		switch len(x.Asks) {
		case 0:
		case 1:
			asks = "1 ask"
		default:
			asks = fmt.Sprintf("%d asks", len(x.Asks))
		}
		line := fmt.Sprintf("%s%s  (%s; %s)", mark, x.Name, w.bestWords(x), asks)
		if i == w.cursor {
			line = w.st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	lines = append(lines, "")
	cur, _ := w.current()
	switch w.mode {
	case wmSave:
		lines = append(lines, "Save the week as it is now as a what-if. "+w.input.View())
	case wmRename:
		lines = append(lines, "Rename. "+w.input.View())
	case wmDelete:
		lines = append(lines, w.st.Error.Render(fmt.Sprintf("Delete the what-if %q? y deletes (u undoes it), any other key keeps it.", cur.Name)))
	case wmAdopt:
		lines = append(lines, w.st.Error.Render(fmt.Sprintf("Make %q the profile's week? The week now is kept as a what-if. y adopts (u undoes it).", cur.Name)))
	default:
		from := "the week"
		for _, x := range w.list {
			if x.ID == w.marked {
				from = fmt.Sprintf("%q", x.Name)
			}
		}
		if len(w.list) > 0 {
			lines = append(lines, w.st.Subtle.Render("enter shows what changes from "+from+" to the what-if under the cursor"))
		}
	}
	return strings.Join(lines, "\n")
}

// ShortHelp lists the keys that work now.
func (w whatIfsScreen) ShortHelp() []key.Binding {
	k := w.keys
	switch w.mode {
	case wmSave, wmRename:
		return []key.Binding{k.Accept, k.Cancel}
	case wmDelete, wmAdopt:
		return []key.Binding{k.Yes, k.No}
	}
	some := len(w.list) > 0
	for _, b := range []*key.Binding{&k.Open, &k.Mark, &k.Rename, &k.Delete, &k.Adopt} {
		b.SetEnabled(some)
	}
	k.Note.SetEnabled(some && w.canExport)
	return []key.Binding{k.Open, k.Save, k.Adopt, k.Note, k.Rename, k.Delete, k.Back}
}

// FullHelp lists every key of the screen.
func (w whatIfsScreen) FullHelp() [][]key.Binding {
	k := w.keys
	return [][]key.Binding{{k.Up, k.Down, k.Open, k.Mark, k.Back}, {k.Save, k.Rename, k.Delete, k.Adopt, k.Note}}
}
