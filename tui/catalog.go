package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// CatalogEditor changes the catalog every profile picks from: main adapts
// *store.DB and the catalog file readers. Nil leaves import and remove out of
// the Catalog screen.
type CatalogEditor interface {
	ImportCatalogFile(path string) (added, updated int, err error)
	RemoveCatalogProgram(id string) error
}

// catalogMode is what the Catalog screen's keyboard does now.
type catalogMode int

const (
	catBrowse catalogMode = iota
	catFilter
	catImport  // typing a file's path
	catConfirm // asking before a remove
	catTravel  // asking travel times to a program just added
)

// catalogScreen lists the catalog with a filter and a detail pane, imports a
// file, removes a program, and adds one to the open profile's week, asking
// the travel times to its place the first time.
type catalogScreen struct {
	st            *Styles
	d             *shared
	keys          catalogKeys
	editable      bool
	mode          catalogMode
	filter, input string
	cur           int
	travel        travelForm
	err           string
	now           func() time.Time
	width, height int
}

// Messages of the Catalog screen.
type (
	catalogImportMsg struct{ path string }
	catalogRemoveMsg struct{ id string }
	catalogAddMsg    struct {
		id   string
		legs []planner.Leg
	}
	// catalogChangedMsg says the catalog was changed: the root reads it again.
	catalogChangedMsg struct {
		saved savedMsg
		cat   *planner.Catalog // the catalog read again; nil when the change failed
	}
)

func newCatalogScreen(st *Styles, d *shared, editable bool, now func() time.Time) catalogScreen {
	return catalogScreen{st: st, d: d, keys: newCatalogKeys(editable), editable: editable, now: now}
}

// SetSize records the space the screen has.
func (c *catalogScreen) SetSize(w, h int) { c.width, c.height = w, h }

// Capturing reports whether a field has the keyboard.
func (c catalogScreen) Capturing() bool { return c.mode != catBrowse }

// visible is the indexes of the catalog programs the filter lets through.
func (c catalogScreen) visible() []int {
	var out []int
	if c.d.cat == nil {
		return nil
	}
	for i := range c.d.cat.Programs {
		if c.d.cat.Matches(i, c.filter) {
			out = append(out, i)
		}
	}
	return out
}

// Update handles the keys of the mode the screen is in.
func (c catalogScreen) Update(msg tea.Msg) (catalogScreen, tea.Cmd, tea.Msg) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return c, nil, nil
	}
	switch c.mode {
	case catFilter:
		c.filter = typed(c.filter, k)
		if key.Matches(k, c.keys.Done) || key.Matches(k, c.keys.Cancel) {
			c.mode = catBrowse
		}
		c.cur = 0
	case catImport:
		return c.importKey(k)
	case catConfirm:
		return c.confirmKey(k)
	case catTravel:
		return c.travelKey(k)
	default:
		return c.browseKey(k)
	}
	return c, nil, nil
}

// typed applies a key to a line of text being typed.
func typed(s string, k tea.KeyMsg) string {
	switch k.Type {
	case tea.KeyBackspace:
		if r := []rune(s); len(r) > 0 {
			return string(r[:len(r)-1])
		}
	case tea.KeyRunes:
		return s + string(k.Runes)
	case tea.KeySpace:
		return s + " "
	}
	return s
}

func (c catalogScreen) browseKey(k tea.KeyMsg) (catalogScreen, tea.Cmd, tea.Msg) {
	vis := c.visible()
	c.err = ""
	switch {
	case key.Matches(k, c.keys.Up):
		c.cur = max(c.cur-1, 0)
	case key.Matches(k, c.keys.Down):
		c.cur = max(min(c.cur+1, len(vis)-1), 0)
	case key.Matches(k, c.keys.Filter):
		c.mode = catFilter
	case key.Matches(k, c.keys.Import):
		c.mode, c.input = catImport, ""
	case key.Matches(k, c.keys.Remove) && len(vis) > 0:
		c.mode = catConfirm
	case key.Matches(k, c.keys.Add) && len(vis) > 0:
		return c.add(c.d.cat.Programs[vis[c.cur]])
	}
	return c, nil, nil
}

func (c catalogScreen) importKey(k tea.KeyMsg) (catalogScreen, tea.Cmd, tea.Msg) {
	switch {
	case key.Matches(k, c.keys.Cancel):
		c.mode = catBrowse
	case key.Matches(k, c.keys.Done):
		c.mode = catBrowse
		if path := strings.TrimSpace(c.input); path != "" {
			return c, nil, catalogImportMsg{path: path}
		}
	default:
		c.input = typed(c.input, k)
	}
	return c, nil, nil
}

func (c catalogScreen) confirmKey(k tea.KeyMsg) (catalogScreen, tea.Cmd, tea.Msg) {
	c.mode = catBrowse
	vis := c.visible()
	if len(k.Runes) == 1 && (k.Runes[0] == 'y' || k.Runes[0] == 'Y') && len(vis) > 0 {
		return c, nil, catalogRemoveMsg{id: c.d.cat.Programs[vis[c.cur]].ID}
	}
	return c, nil, nil
}

// add puts a program in the open week's catalog list, asking first for the
// travel times to its place when the week has none.
func (c catalogScreen) add(p planner.Program) (catalogScreen, tea.Cmd, tea.Msg) {
	if c.d.sc == nil {
		return c, nil, nil
	}
	for _, id := range c.d.sc.Catalog {
		if id == p.ID {
			c.err = fmt.Sprintf("%s is already in this week", c.programName(p))
			return c, nil, nil
		}
	}
	if c.d.sc.ProgramIndex(p.ID) >= 0 {
		c.err = "this week has its own program with that id; rename it on Edit first"
		return c, nil, nil
	}
	form := newTravelForm(c.d.sc, c.d.cat, p, c.d.discreet)
	if len(form.fields) == 0 {
		return c, nil, catalogAddMsg{id: p.ID}
	}
	c.mode, c.travel = catTravel, form
	return c, nil, nil
}

func (c catalogScreen) travelKey(k tea.KeyMsg) (catalogScreen, tea.Cmd, tea.Msg) {
	switch {
	case key.Matches(k, c.keys.Cancel):
		c.mode = catBrowse
		return c, nil, catalogAddMsg{id: c.travel.program}
	case key.Matches(k, c.keys.Done):
		if err := c.travel.check(); err != "" {
			c.travel.err = err
			return c, nil, nil
		}
		if c.travel.at < len(c.travel.fields)-1 {
			c.travel.at++
			return c, nil, nil
		}
		c.mode = catBrowse
		return c, nil, catalogAddMsg{id: c.travel.program, legs: c.travel.legs()}
	case k.Type == tea.KeyTab || k.Type == tea.KeyDown:
		c.travel.at = (c.travel.at + 1) % len(c.travel.fields)
	case k.Type == tea.KeyUp:
		c.travel.at = (c.travel.at + len(c.travel.fields) - 1) % len(c.travel.fields)
	default:
		f := &c.travel.fields[c.travel.at]
		f.value = typed(f.value, k)
		c.travel.err = ""
	}
	return c, nil, nil
}

// programName is a catalog program's name, neutral in discreet mode.
func (c catalogScreen) programName(p planner.Program) string {
	if c.d.discreet {
		return "this option"
	}
	return p.Name
}
