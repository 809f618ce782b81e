package tui

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"

	"weekfit/planner"
)

// Intents of the interview.
type (
	intakeStartMsg  struct{ name string } // n on Profiles: a blank interview
	intakeReopenMsg struct{}              // i on Week or Edit: the interview on the current week
	intakeSaveMsg   struct {
		name string
		sc   *planner.Scenario
	} // save as a new profile
	intakeCloseMsg struct{} // answers dropped
	intakeCopyMsg  struct { // c on Profiles: the week to copy has been read
		from string
		sc   *planner.Scenario
		err  error
	}
	intakeSavedMsg struct {
		profile Profile
		err     error
	}
	intakeCatalogMsg struct { // the clinic's catalog, read for a new interview
		cat *planner.Catalog
		err error
	}
)

// intakeScreen is the guided interview: one group of plain questions a
// screen, built with huh forms, then a review in sentences. Nothing is saved
// until the review says so.
type intakeScreen struct {
	st     *Styles
	keys   intakeKeys
	a      *intakeAnswers
	step   intakeStep
	form   *huh.Form
	checks map[string]func(string) error
	live   string // what is wrong with the answer being typed
	item   int    // which job, duty or helper added from the review is asked
	review bool   // a reopened group goes back to the review when done
	asking bool   // esc asked whether to drop the answers
	remove bool   // x on the review asked which line to remove
	reopen bool   // the answers are the open profile's week, not a new profile
	sc     *planner.Scenario
	err    error // why the answers do not make a week yet
	width  int
	height int
}

func newIntakeScreen(st *Styles) intakeScreen {
	return intakeScreen{st: st, keys: newIntakeKeys()}
}

// SetSize records the space the screen has and fits the form to it.
func (s *intakeScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	if s.form != nil {
		s.form.WithWidth(s.formWidth()).WithHeight(s.formHeight())
	}
}

func (s intakeScreen) formWidth() int  { return max(min(s.width, 100), 20) }
func (s intakeScreen) formHeight() int { return max(s.height-3, 5) }

// Start opens the interview on answers at a step; reopen says the answers
// are the open profile's week.
func (s *intakeScreen) Start(a *intakeAnswers, step intakeStep, reopen bool) tea.Cmd {
	s.a, s.reopen, s.asking, s.remove, s.review = a, reopen, false, false, step == stepReview
	return s.open(step)
}

// open shows a step: its form, or the review.
func (s *intakeScreen) open(step intakeStep) tea.Cmd {
	s.step, s.live = step, ""
	if step == stepReview {
		s.a.tidy()
		s.form, s.review = nil, true
		s.sc, s.err = s.a.build()
		return nil
	}
	k := newAsker(s.a, false)
	k.item = s.item
	var groups []*huh.Group
	for _, g := range k.groups(step) {
		hide := g.hide
		grp := huh.NewGroup(g.fields...).Title(step.title())
		if hide != nil {
			grp = grp.WithHideFunc(hide)
		}
		groups = append(groups, grp)
	}
	km := huh.NewDefaultKeyMap()
	km.Quit.SetEnabled(false) // ctrl+c is the root's; esc is the screen's
	km.Select.Filter.SetEnabled(false)
	s.checks = k.checks
	s.form = huh.NewForm(groups...).WithKeyMap(km).WithShowHelp(false).WithTheme(huh.ThemeBase()).
		WithWidth(s.formWidth()).WithHeight(s.formHeight())
	return s.form.Init()
}

// Update answers the questions, moves between groups, and asks before esc
// drops the answers.
func (s intakeScreen) Update(msg tea.Msg) (intakeScreen, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok {
		if s.asking {
			s.asking = false
			if key.Matches(km, s.keys.Yes) {
				return s, send(intakeCloseMsg{})
			}
			return s, nil
		}
		if key.Matches(km, s.keys.Esc) {
			s.asking = true
			return s, nil
		}
		if s.step == stepReview {
			return s.reviewKey(km)
		}
	}
	if s.form == nil {
		return s, nil
	}
	_, cmd := s.form.Update(msg)
	cmd = s.settle(cmd)
	if s.form.State == huh.StateCompleted {
		return s, tea.Batch(cmd, s.open(s.next()))
	}
	s.checkLive()
	return s, cmd
}

// next returns the step after the one just answered: the next group, the
// review when a group was reopened from it or a job, duty or helper was
// added, and after the review's add, the questions of what it added.
func (s *intakeScreen) next() intakeStep {
	switch {
	case s.step == stepAdd:
		s.item = s.a.addItem(s.a.adding)
		return s.a.adding
	case s.review || s.step > nSteps:
		return stepReview
	}
	return s.step + 1
}

// settle runs huh's own moves between fields and groups at once, inside
// Update, and returns the commands left (cursor blinks, size requests). huh
// moves focus by commands that come back as messages, so keys typed faster
// than they come back (a paste, a script, a quick typist) would land in the
// field before; the moves are known by name, and do no I/O.
func (s *intakeScreen) settle(cmd tea.Cmd) tea.Cmd {
	var later []tea.Cmd
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0 && n < 500; n++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		if !instantCmd(c) || s.form.State != huh.StateNormal {
			later = append(later, c)
			continue
		}
		msg := c()
		if cmds, ok := cmdList(msg); ok {
			queue = append(cmds, queue...)
			continue
		}
		_, more := s.form.Update(msg)
		queue = append(queue, more)
	}
	return tea.Batch(append(later, queue...)...)
}

// instantCmd reports whether a command is one of huh's moves between
// fields and groups, or a batch or sequence of commands, which answer at once.
func instantCmd(c tea.Cmd) bool {
	f := runtime.FuncForPC(reflect.ValueOf(c).Pointer())
	if f == nil {
		return false
	}
	switch name := f.Name(); {
	case strings.HasPrefix(name, "github.com/charmbracelet/bubbletea.compactCmds["):
		return true
	case strings.HasPrefix(name, "github.com/charmbracelet/huh."):
		switch strings.TrimPrefix(name, "github.com/charmbracelet/huh.") {
		case "NextField", "PrevField", "nextGroup", "prevGroup", "(*Group).Init.func1":
			return true
		}
	}
	return false
}

// cmdList returns the commands of a batch or a sequence.
func cmdList(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i], _ = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}

// checkLive says what is wrong with the answer under the cursor as it is typed.
func (s *intakeScreen) checkLive() {
	s.live = ""
	f := s.form.GetFocusedField()
	if f == nil {
		return
	}
	check, ok := s.checks[f.GetKey()]
	v, isText := f.GetValue().(string)
	if ok && isText && strings.TrimSpace(v) != "" {
		if err := check(v); err != nil {
			s.live = err.Error()
		}
	}
}

func (s intakeScreen) reviewKey(km tea.KeyMsg) (intakeScreen, tea.Cmd) {
	items := s.a.reviewItems()
	if s.remove {
		s.remove = false
		if n := digit(km); key.Matches(km, s.keys.Reopen) && n >= int(nSteps)-1 && n < len(items) {
			s.a.removeItem(items[n].step, items[n].item)
			s.open(stepReview)
		}
		return s, nil
	}
	switch {
	case key.Matches(km, s.keys.Reopen):
		if n := digit(km); n < len(items) {
			s.item = items[n].item
			return s, s.open(items[n].step)
		}
	case key.Matches(km, s.keys.Add) && s.a.canAdd():
		s.a.adding = stepJob
		return s, s.open(stepAdd)
	case key.Matches(km, s.keys.Remove) && len(items) > int(nSteps)-1:
		s.remove = true
	case key.Matches(km, s.keys.Save) && s.err == nil:
		if s.reopen {
			return s, send(editedMsg{sc: s.sc, what: "interview answers saved"})
		}
		return s, send(intakeSaveMsg{name: orName(s.a.Name, "Me"), sc: s.sc})
	}
	return s, nil
}

// digit returns the line a digit key names on the review, from 0.
func digit(km tea.KeyMsg) int {
	if len(km.Runes) != 1 {
		return -1
	}
	return int(km.Runes[0] - '1')
}

// View draws the group under way, or the review.
func (s intakeScreen) View() string {
	var b strings.Builder
	if s.step == stepReview {
		b.WriteString(s.reviewView())
	} else if s.form != nil {
		b.WriteString(s.form.View())
		if s.live != "" {
			b.WriteString("\n" + s.st.Error.Render(wrap("! "+s.live, s.width)))
		}
	}
	if s.asking {
		b.WriteString("\n" + s.st.Error.Render(wrap("Drop these answers? Nothing has been saved. y drops them, any other key goes on.", s.width)))
	}
	return b.String()
}

func (s intakeScreen) reviewView() string {
	lines := []string{s.st.Header.Render(stepReview.title()), ""}
	for i, sentence := range s.a.sentences() {
		lines = append(lines, wrapIndent(ansi.Strip(sentence), s.width, "  "+s.st.Header.Render(string(rune('1'+i)))+" "))
	}
	lines = append(lines, "")
	if s.remove {
		lines = append(lines, s.st.Error.Render(wrap(fmt.Sprintf("Remove which line? Press its number (%d-%d); any other key keeps them all.", nSteps, len(s.a.reviewItems())), s.width)))
	}
	if s.err != nil {
		lines = append(lines, s.st.Error.Render(wrap("! Not saved yet: "+s.err.Error()+". Press the group's number to change it.", s.width)))
	} else if s.reopen {
		lines = append(lines, s.st.OK.Render("enter saves these answers as this week and plans it again."))
	} else {
		lines = append(lines, s.st.OK.Render(wrap("enter saves this as the profile \""+orName(s.a.Name, "Me")+"\" and shows its plans.", s.width)))
	}
	return strings.Join(lines, "\n")
}

// ShortHelp lists the keys that work now.
func (s intakeScreen) ShortHelp() []key.Binding {
	k := s.keys
	if s.asking {
		return []key.Binding{k.Yes}
	}
	if s.step == stepReview {
		k.Save.SetEnabled(s.err == nil)
		k.Add.SetEnabled(s.a.canAdd())
		n := len(s.a.reviewItems())
		k.Reopen.SetHelp(fmt.Sprintf("1-%d", n), "change a line")
		k.Remove.SetEnabled(n > int(nSteps)-1)
		return []key.Binding{k.Reopen, k.Add, k.Remove, k.Save, k.Esc}
	}
	var out []key.Binding
	if s.form != nil {
		out = s.form.KeyBinds()
	}
	return append(out, k.Esc)
}

// FullHelp lists every key of the screen.
func (s intakeScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
