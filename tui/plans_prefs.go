package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// prefLabels say each preference in words, in the order of planner.PreferenceNames.
var prefLabels = [5]string{
	"fewer warnings, more slack",
	"home early",
	"fewer days with a session",
	"shorter days",
	"keep a day off",
}

// prefsForm is "What matters most to you?" over the Plans list: a weight
// from 0 to 10 for each preference. Each change is saved in the week at
// once, and the plans below are ranked again.
type prefsForm struct {
	st     *Styles
	d      *shared
	keys   prefsKeys
	open   bool
	cursor int
}

func newPrefsForm(st *Styles, d *shared) prefsForm {
	return prefsForm{st: st, d: d, keys: newPrefsKeys()}
}

// prefs is the week's preferences as stored.
func (f prefsForm) prefs() planner.Preferences {
	if f.d.sc == nil {
		return planner.Preferences{}
	}
	return f.d.sc.Preferences
}

// Update moves between the preferences and changes the weight under the
// cursor; a change goes to the root as an edit of the week.
func (f prefsForm) Update(km tea.KeyMsg) (prefsForm, tea.Cmd) {
	k := f.keys
	w := f.prefs().Weights()[f.cursor]
	switch {
	case key.Matches(km, k.Close):
		f.open = false
		return f, nil
	case key.Matches(km, k.Up):
		f.cursor = max(f.cursor-1, 0)
		return f, nil
	case key.Matches(km, k.Down):
		f.cursor = min(f.cursor+1, len(prefLabels)-1)
		return f, nil
	case key.Matches(km, k.Less):
		return f, f.set(w - 1)
	case key.Matches(km, k.More):
		return f, f.set(w + 1)
	case key.Matches(km, k.Set):
		n := int(km.Runes[0] - '0')
		if n == 1 && w == 1 {
			n = 10 // 1 twice is 10
		}
		return f, f.set(n)
	}
	return f, nil
}

// set asks the root to save the week with weight w for the preference under
// the cursor; nothing when it does not change.
func (f prefsForm) set(w int) tea.Cmd {
	if f.d.sc == nil {
		return nil
	}
	prefs := f.prefs().WithWeight(f.cursor, w)
	if prefs == f.prefs() {
		return nil
	}
	c := f.d.sc.Clone()
	c.Preferences = prefs
	what := fmt.Sprintf("preferences: %s %d", prefLabels[f.cursor], prefs.Weights()[f.cursor])
	return send(editedMsg{sc: c, what: what})
}

// Lines draws the form: a title, one line a preference with its weight as a
// bar and a number, the cursor's marked with ">", and how the plans are ranked.
func (f prefsForm) Lines() []string {
	ws := f.prefs().Weights()
	lines := []string{f.st.Header.Render("What matters most to you?") + f.st.Subtle.Render(" (0 not at all, 10 most)")}
	for i, label := range prefLabels {
		mark := "  "
		if i == f.cursor {
			mark = "> "
		}
		bar := strings.Repeat("#", ws[i]) + strings.Repeat(".", planner.MaxWeight-ws[i])
		line := fmt.Sprintf("%s%-27s [%s] %2d", mark, label, bar, ws[i])
		if i == f.cursor {
			line = f.st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	note := "No weights: the plans come in the default order."
	if !f.prefs().None() {
		note = "Ranked by these weights, then the default order (README, Preferences)."
	}
	return append(lines, f.st.Subtle.Render("  "+note))
}

// Capturing reports whether the Plans screen takes every key: while "What
// matters most to you?" is open, digits set weights instead of switching screens.
func (p plansScreen) Capturing() bool { return p.prefs.open }

// ShortHelp lists the form's keys.
func (f prefsForm) ShortHelp() []key.Binding {
	k := f.keys
	return []key.Binding{k.Down, k.Less, k.More, k.Set, k.Close}
}

// FullHelp lists every key of the form.
func (f prefsForm) FullHelp() [][]key.Binding {
	k := f.keys
	return [][]key.Binding{{k.Up, k.Down}, {k.Less, k.More, k.Set}, {k.Close}}
}

// carryLimits copies the thresholds of the warnings and the preferences of
// week from (nil for none) into to, so that the interview, which does not
// ask about them, keeps what the week had.
func carryLimits(from, to *planner.Scenario) {
	if from == nil {
		return
	}
	c := from.Clone()
	to.MinSlack, to.BadDayFactor, to.MinRestHours, to.MaxDayHours = c.MinSlack, c.BadDayFactor, c.MinRestHours, c.MaxDayHours
	to.Preferences = c.Preferences
}
