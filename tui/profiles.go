package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// profileMode is what the Profiles screen is doing.
type profileMode int

const (
	pmList profileMode = iota
	pmAdd
	pmRename
	pmConfirm
)

// profilesScreen lists the people in the database and changes the list.
type profilesScreen struct {
	st            *Styles
	d             *shared
	keys          profilesKeys
	list          []Profile
	cursor        int
	mode          profileMode
	input         textinput.Model
	width, height int
}

func newProfilesScreen(st *Styles, d *shared) profilesScreen {
	in := textinput.New()
	in.Prompt = "name: "
	in.CharLimit = 80
	in.Cursor.SetMode(cursor.CursorStatic)
	return profilesScreen{st: st, d: d, keys: newProfilesKeys(), input: in}
}

// SetSize records the space the screen has.
func (p *profilesScreen) SetSize(w, h int) {
	p.width, p.height = w, h
	p.input.Width = max(w-10, 1)
}

// SetProfiles replaces the list.
func (p *profilesScreen) SetProfiles(list []Profile) {
	p.list = list
	p.cursor = min(p.cursor, max(len(list)-1, 0))
	p.mode = pmList
}

// Capturing reports whether a name is being typed or a delete confirmed.
func (p profilesScreen) Capturing() bool { return p.mode != pmList }

// Update moves through the list and adds, renames or deletes a profile.
func (p profilesScreen) Update(msg tea.Msg) (profilesScreen, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	k := p.keys
	switch p.mode {
	case pmAdd, pmRename:
		return p.typing(km)
	case pmConfirm:
		p.mode = pmList
		if key.Matches(km, k.Yes) && p.cursor < len(p.list) {
			return p, send(deleteMsg{p.list[p.cursor].ID})
		}
		return p, nil
	}
	switch {
	case key.Matches(km, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(km, k.Down):
		p.cursor = max(min(p.cursor+1, len(p.list)-1), 0)
	case key.Matches(km, k.Open) && len(p.list) > 0:
		return p, send(switchMsg{p.list[p.cursor].ID})
	case key.Matches(km, k.Add):
		p.mode = pmAdd
		p.input.SetValue("")
		return p, p.input.Focus()
	case key.Matches(km, k.Rename) && len(p.list) > 0:
		p.mode = pmRename
		p.input.SetValue(p.list[p.cursor].Name)
		if p.d.discreet {
			p.input.SetValue("") // the name is not shown in discreet mode
		}
		p.input.CursorEnd()
		return p, p.input.Focus()
	case key.Matches(km, k.Delete) && len(p.list) > 0:
		p.mode = pmConfirm
	}
	return p, nil
}

func (p profilesScreen) typing(km tea.KeyMsg) (profilesScreen, tea.Cmd) {
	switch {
	case key.Matches(km, p.keys.Cancel):
		p.mode = pmList
		p.input.Blur()
		return p, nil
	case key.Matches(km, p.keys.Accept):
		name := strings.TrimSpace(p.input.Value())
		if name == "" {
			return p, nil
		}
		mode := p.mode
		p.mode = pmList
		p.input.Blur()
		if mode == pmAdd {
			return p, send(newProfileMsg{name})
		}
		return p, send(renameMsg{p.list[p.cursor].ID, name})
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(km)
	return p, cmd
}

// View draws the list, and the name field or the question when there is one.
func (p profilesScreen) View() string {
	lines := []string{p.st.Header.Render(fmt.Sprintf("Profiles in this database: %d", len(p.list)))}
	rows := max(p.height-4, 1)
	top := max(p.cursor-rows+1, 0)
	for i := top; i < min(len(p.list), top+rows); i++ {
		pr := p.list[i]
		mark := "  "
		if i == p.cursor {
			mark = "> "
		}
		line := mark + p.label(i)
		if pr.ID == p.d.profile.ID {
			line += "  (open)"
		}
		if pr.Discreet {
			line += "  (discreet)"
		}
		if i == p.cursor {
			line = p.st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	lines = append(lines, "")
	switch p.mode {
	case pmAdd:
		lines = append(lines, "New profile (starts from the example week). "+p.input.View())
	case pmRename:
		lines = append(lines, "Rename. "+p.input.View())
	case pmConfirm:
		lines = append(lines, p.st.Error.Render(fmt.Sprintf("Delete %q and every plan saved for it? y deletes, any other key keeps it.", p.label(p.cursor))))
	}
	return strings.Join(lines, "\n")
}

// label names profile i of the list: its name, or in discreet mode its
// client code, else "Client" and its place in the list.
func (p profilesScreen) label(i int) string {
	switch pr := p.list[i]; {
	case !p.d.discreet:
		return pr.Name
	case pr.ClientCode != "":
		return pr.ClientCode
	}
	return fmt.Sprintf("Client %d", i+1)
}

// ShortHelp lists the keys that work now.
func (p profilesScreen) ShortHelp() []key.Binding {
	k := p.keys
	switch p.mode {
	case pmAdd, pmRename:
		return []key.Binding{k.Accept, k.Cancel}
	case pmConfirm:
		return []key.Binding{k.Yes, k.No}
	}
	some := len(p.list) > 0
	k.Open.SetEnabled(some)
	k.Rename.SetEnabled(some)
	k.Delete.SetEnabled(some)
	return []key.Binding{k.Down, k.Open, k.Intake, k.Add, k.Rename, k.Delete}
}

// FullHelp lists every key of the screen.
func (p profilesScreen) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Intake, k.Copy, k.Add, k.Rename, k.Delete}}
}
