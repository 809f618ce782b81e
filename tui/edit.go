package tui

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// labelWidth is the width of the labels column of the Edit screen.
const labelWidth = 34

// editScreen is a form over every part of the week. A change is checked as it
// is typed; an accepted one goes to the root, which saves and re-plans.
type editScreen struct {
	st            *Styles
	d             *shared
	keys          editKeys
	fields        []field
	shape         fieldShape // of the week the fields were built for
	cursor, top   int
	input         textinput.Model
	editing       bool
	err           string
	width, height int
}

func newEditScreen(st *Styles, d *shared) editScreen {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 200
	in.Cursor.SetMode(cursor.CursorStatic)
	// The field's style goes to the text input itself: styling its View,
	// which holds the cursor's escape codes, would style those codes' bytes
	// one by one and show them as text ("worker[7m [0m").
	in.TextStyle = st.Field
	return editScreen{st: st, d: d, keys: newEditKeys(), input: in}
}

// SetSize records the space the screen has.
func (e *editScreen) SetSize(w, h int) {
	e.width, e.height = w, h
	e.fitInput()
	e.follow()
}

// fitInput makes the field as wide as its text, so an error fits beside it.
func (e *editScreen) fitInput() {
	room := max(e.width-labelWidth-4, 1)
	e.input.Width = min(max(width(e.input.Value())+1, 12), room)
}

// Capturing reports whether a field is being typed into.
func (e editScreen) Capturing() bool { return e.editing }

// Refresh rebuilds the form from the week when the week's shape changed
// (an item added or deleted); the fields of a week of the same shape are the
// same, so a changed value costs nothing here.
func (e *editScreen) Refresh() {
	if e.d.sc == nil {
		e.fields, e.shape = nil, fieldShape{}
		return
	}
	if sh := shapeOf(e.d.sc); e.fields == nil || !sh.equal(e.shape) {
		e.fields, e.shape = buildFields(e.d.sc), sh
	}
	e.cursor = min(e.cursor, max(len(e.fields)-1, 0))
	e.follow()
}

// Reset drops a change being typed and rebuilds the form.
func (e *editScreen) Reset() {
	e.editing, e.err = false, ""
	e.input.Blur()
	e.Refresh()
}

func (e *editScreen) rows() int { return max(e.height-1, 1) }

// editContext is how many fields stay in sight above and below the cursor.
const editContext = 2

// follow scrolls so that the cursor has editContext fields above and below
// it, where the form has them.
func (e *editScreen) follow() {
	ctx := min(editContext, (e.rows()-1)/2)
	if e.cursor-ctx < e.top {
		e.top = e.cursor - ctx
	}
	if e.cursor+ctx >= e.top+e.rows() {
		e.top = e.cursor + ctx - e.rows() + 1
	}
	e.top = max(min(e.top, len(e.fields)-e.rows()), 0)
}

func (e *editScreen) move(n int) {
	e.cursor = min(max(e.cursor+n, 0), max(len(e.fields)-1, 0))
	e.err = ""
	e.follow()
}

// Update moves through the form and edits a field.
func (e editScreen) Update(msg tea.Msg) (editScreen, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok || len(e.fields) == 0 {
		return e, nil
	}
	if e.editing {
		return e.typing(km)
	}
	k := e.keys
	f := e.fields[e.cursor]
	switch {
	case key.Matches(km, k.Up):
		e.move(-1)
	case key.Matches(km, k.Down):
		e.move(1)
	case key.Matches(km, k.PageUp):
		e.move(-e.rows())
	case key.Matches(km, k.PageDown):
		e.move(e.rows())
	case key.Matches(km, k.Change) && f.kind != fHead:
		e.editing, e.err = true, ""
		e.input.SetValue(f.get(e.d.sc))
		e.input.CursorEnd()
		e.fitInput()
		return e, e.input.Focus()
	case key.Matches(km, k.Add) && f.add != nil:
		return e.apply(f.add)
	case key.Matches(km, k.Delete) && f.del != nil:
		return e.apply(f.del)
	}
	return e, nil
}

// typing handles keys while a field has the keyboard.
func (e editScreen) typing(km tea.KeyMsg) (editScreen, tea.Cmd) {
	f := e.fields[e.cursor]
	switch {
	case key.Matches(km, e.keys.Cancel):
		e.editing, e.err = false, ""
		e.input.Blur()
		return e, nil
	case key.Matches(km, e.keys.Accept):
		v := e.input.Value()
		if err := check(f.kind, v); err != nil {
			e.err = err.Error()
			return e, nil
		}
		return e.apply(func(sc *planner.Scenario) string {
			f.set(sc, v)
			return fmt.Sprintf("%s set to %s", f.label, strings.TrimSpace(v))
		})
	}
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(km)
	e.fitInput()
	e.err = ""
	if err := check(f.kind, e.input.Value()); err != nil {
		e.err = err.Error()
	}
	return e, cmd
}

// apply makes a change on a copy of the week and hands it to the root when the
// whole week is still valid.
func (e editScreen) apply(change func(*planner.Scenario) string) (editScreen, tea.Cmd) {
	c := e.d.sc.Clone()
	what := change(c)
	if !same(c, e.d.sc) {
		var err error
		if c, err = asStored(c, e.d.cat); err != nil {
			e.err = screenError(err)
			return e, nil
		}
	}
	if same(c, e.d.sc) {
		if e.editing {
			e.editing, e.err = false, "" // accepted as it was
			e.input.Blur()
		} else {
			e.err = what // an add or delete that could not: what says why
		}
		return e, nil
	}
	e.editing, e.err = false, ""
	e.input.Blur()
	return e, send(editedMsg{sc: c, what: what})
}

// same reports whether two weeks are written the same.
func same(a, b *planner.Scenario) bool {
	return reflect.DeepEqual(a, b)
}

// asStored checks a week as the scenario file format would, with the
// catalog programs it names, and returns it as the database gives it back
// once saved (planner.Stored): a value typed in another form comes back as
// it is kept ("Virtual" as virtual, every week of the rotation as none
// named), so that the screen shows what is stored, not what was typed.
func asStored(sc *planner.Scenario, cat *planner.Catalog) (*planner.Scenario, error) {
	out, err := planner.Stored(sc)
	if err != nil {
		return nil, err
	}
	if len(out.Catalog) == 0 {
		return out, nil // nothing to merge, and a merge would only copy the week
	}
	if _, err := out.WithCatalog(cat); err != nil {
		return nil, err
	}
	return out, nil
}

// View draws the visible part of the form.
func (e editScreen) View() string {
	lines := []string{e.st.Subtle.Render("Every accepted change re-plans at once and is saved; u undoes.")}
	end := min(e.top+e.rows(), len(e.fields))
	for i := e.top; i < end; i++ {
		lines = append(lines, e.row(i))
	}
	return strings.Join(lines, "\n")
}

func (e editScreen) row(i int) string {
	f := e.fields[i]
	mark := "  "
	if i == e.cursor {
		mark = "> "
	}
	label := strings.Repeat("  ", f.indent) + f.label
	if f.kind == fHead {
		s := mark + label
		if i == e.cursor && e.err != "" {
			s += "  " + e.st.Error.Render("! "+e.err)
		}
		if f.indent == 0 {
			return e.st.Header.Render(s)
		}
		return s
	}
	value := f.get(e.d.edited)
	if i == e.cursor && e.editing {
		value = e.input.View()
	}
	s := mark + pad(label, labelWidth) + value
	if i == e.cursor && e.err != "" {
		s += e.errorText(width(s))
	}
	if i == e.cursor && f.hint != nil {
		if h := f.hint(e.d); h != "" {
			s += "\n" + e.st.Subtle.Render(strings.Repeat(" ", labelWidth+2)+h)
		}
	}
	if i == e.cursor && !e.editing {
		return e.st.Selected.Render(s)
	}
	return s
}

// errorText is the error beside a field whose line is used wide, or, when
// it does not fit there, on the lines under it, wrapped, never cut.
func (e editScreen) errorText(used int) string {
	msg := "! " + e.err
	if used+2+width(msg) <= e.width {
		return "  " + e.st.Error.Render(msg)
	}
	indent := labelWidth + 2
	if e.width-indent < 20 {
		indent = 2
	}
	lines := strings.Split(wrap(msg, max(e.width-indent, 1)), "\n")
	for i, l := range lines {
		lines[i] = strings.Repeat(" ", indent) + e.st.Error.Render(l)
	}
	return "\n" + strings.Join(lines, "\n")
}

// ShortHelp lists the keys that work now.
func (e editScreen) ShortHelp() []key.Binding {
	k := e.keys
	if e.editing {
		return []key.Binding{k.Accept, k.Cancel}
	}
	e.enable(&k)
	return []key.Binding{k.Down, k.Change, k.Add, k.Delete}
}

// FullHelp lists every key of the screen.
func (e editScreen) FullHelp() [][]key.Binding {
	k := e.keys
	if e.editing {
		return [][]key.Binding{{k.Accept, k.Cancel}}
	}
	e.enable(&k)
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Change, k.Add, k.Delete}}
}

func (e editScreen) enable(k *editKeys) {
	var f field
	if e.cursor < len(e.fields) {
		f = e.fields[e.cursor]
	}
	k.Change.SetEnabled(f.kind != fHead && f.get != nil)
	k.Add.SetEnabled(f.add != nil)
	k.Delete.SetEnabled(f.del != nil)
}
