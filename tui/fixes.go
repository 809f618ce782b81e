package tui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// fixesView lists every fix of one track that does not fit; the Plans
// screen opens it over its list with the Fixes key.
type fixesView struct {
	st      *Styles
	d       *shared
	keys    fixesKeys
	open    bool
	cursor  int  // the rejected track shown
	fix     int  // the fix of that track under the cursor
	canSave bool // whether what-ifs can be saved
	sought  int  // the solve whose fixes were sought last
}

func newFixesView(st *Styles, d *shared) fixesView {
	return fixesView{st: st, d: d, keys: newFixesKeys()}
}

func (f *fixesView) rejected() []planner.Rejection {
	if f.d.res == nil {
		return nil
	}
	return f.d.res.Rejected
}

// Update moves between the tracks and their fixes, saves the fix under the
// cursor as a what-if, and closes the view.
func (f fixesView) Update(km tea.KeyMsg) (fixesView, tea.Cmd) {
	rej := f.rejected()
	n := len(rej)
	switch {
	case key.Matches(km, f.keys.Close):
		f.open = false
	case key.Matches(km, f.keys.Up):
		f.cursor, f.fix = max(f.cursor-1, 0), 0
	case key.Matches(km, f.keys.Down):
		f.cursor, f.fix = max(min(f.cursor+1, n-1), 0), 0
	case key.Matches(km, f.keys.NextFix) && f.cursor < n && len(rej[f.cursor].Fixes) > 0:
		f.fix = (f.fix + 1) % len(rej[f.cursor].Fixes)
	case key.Matches(km, f.keys.Save) && f.canSave && f.cursor < n && f.fix < len(rej[f.cursor].Fixes):
		r := &rej[f.cursor]
		track := r.Track + " track"
		if r.Track == planner.MixedTrack {
			track = "mixed tracks"
		}
		name := fmt.Sprintf("%s, fix %d", track, f.fix+1)
		return f, send(saveWhatIfMsg{name: name, asks: r.Fixes[f.fix].Asks})
	}
	return f, nil
}

// View draws the tracks that do not fit, the one under the cursor marked,
// and every fix of that one with the plan it gives.
func (f fixesView) View(width int) string {
	rej := f.rejected()
	lines := []string{f.st.Header.Render("What to ask for, track by track")}
	if len(rej) == 0 {
		return strings.Join(append(lines, "Every track fits: there is nothing to ask for."), "\n")
	}
	cur := min(f.cursor, len(rej)-1)
	for i, r := range rej {
		mark := "  "
		if i == cur {
			mark = "> "
		}
		line := fmt.Sprintf("%s%s, %s: %s", mark, f.d.programName(r.Program), r.Track, fixCount(r))
		if i == cur {
			line = f.st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	lines = append(lines, "")
	lines = append(lines, f.fixLines(&rej[cur], max(width-4, 1))...)
	return strings.Join(lines, "\n")
}

func fixCount(r planner.Rejection) string {
	switch n := len(r.Fixes); {
	case n == 0 && r.FixNote == "":
		return "still looking for what to ask"
	case n == 0:
		return "no fix found"
	case n == 1:
		return fmt.Sprintf("1 fix of %d %s", len(r.Fixes[0].Asks), askWord(len(r.Fixes[0].Asks)))
	default:
		return fmt.Sprintf("%d fixes of %d %s each, as small as each other", n, len(r.Fixes[0].Asks), askWord(len(r.Fixes[0].Asks)))
	}
}

func askWord(n int) string {
	if n == 1 {
		return "ask"
	}
	return "asks"
}

// fixLines says why a track does not fit and each of its fixes.
func (f fixesView) fixLines(r *planner.Rejection, w int) []string {
	var out []string
	add := func(style func(...string) string, s string) {
		for _, l := range strings.Split(wrap(f.d.neutralText(s), w), "\n") {
			out = append(out, style("  "+l))
		}
	}
	for _, why := range r.Reasons {
		add(f.st.Subtle.Render, "- "+why)
	}
	weeks := f.d.shown.Weeks()
	for i, fx := range r.Fixes {
		mark := "  "
		if i == f.fix && len(r.Fixes) > 1 {
			mark = "> "
		}
		out = append(out, f.st.Header.Render(fmt.Sprintf("%sFix %d: ask", mark, i+1)))
		for _, a := range fx.Asks {
			add(plain, "* "+planner.AskText(a, weeks))
		}
		add(f.st.Subtle.Render, "gives "+planner.FixPlanText(&fx.Plan, weeks))
	}
	if r.FixNote != "" {
		add(f.st.Subtle.Render, "("+r.FixNote+")")
	}
	return out
}

func plain(s ...string) string { return strings.Join(s, " ") }

// smallestFix is the line under a track that does not fit on the Plans
// list: the asks of its smallest fix, or why there is none.
func smallestFix(r *planner.Rejection, weeks int) string {
	if len(r.Fixes) == 0 {
		return r.FixNote
	}
	asks := make([]string, len(r.Fixes[0].Asks))
	for i, a := range r.Fixes[0].Asks {
		asks[i] = planner.AskText(a, weeks)
	}
	return "to fit, ask: " + strings.Join(asks, "; ")
}

// ShortHelp lists the keys of the view.
func (f fixesView) ShortHelp() []key.Binding {
	k := f.enabled()
	return []key.Binding{k.Down, k.NextFix, k.Save, k.Close}
}

// FullHelp lists every key of the view.
func (f fixesView) FullHelp() [][]key.Binding {
	k := f.enabled()
	return [][]key.Binding{{k.Up, k.Down, k.NextFix}, {k.Save, k.Close}}
}

// enabled is the keys with those that do nothing now turned off.
func (f fixesView) enabled() fixesKeys {
	k, rej := f.keys, f.rejected()
	fixes := 0
	if f.cursor < len(rej) {
		fixes = len(rej[f.cursor].Fixes)
	}
	k.Up.SetEnabled(len(rej) > 1)
	k.Down.SetEnabled(len(rej) > 1)
	k.NextFix.SetEnabled(fixes > 1)
	k.Save.SetEnabled(f.canSave && fixes > 0)
	return k
}

// fixesMsg carries the fixes of solve number seq's tracks that do not fit.
type fixesMsg struct {
	seq int
	res *planner.Result
}

// seekFixes starts, once solve seq has shown its plans and Plans is on
// show, the search for the fixes of its tracks that do not fit, within its
// own solve budget; a newer solve cancels it as it cancels a solve. It runs
// once a solve: only while Plans is shown, so an edit elsewhere does not
// wait for it.
func (m *Model) seekFixes(seq int) tea.Cmd {
	res := m.d.res
	if seq != m.seq || m.solving || res == nil || len(res.Rejected) == 0 || res.Incomplete != "" || m.plans.fixes.sought == seq {
		return nil
	}
	m.plans.fixes.sought = seq
	opt := m.d.opt
	opt.Cache, opt.Fixes = m.d.cache, true
	ctx, cancel := context.WithTimeout(context.Background(), m.opt.SolveBudget)
	opt.Context, m.cancel = ctx, cancel
	sc := m.d.full
	return func() tea.Msg {
		defer cancel()
		res, err := planner.Solve(sc, opt)
		if err != nil {
			return nil
		}
		return fixesMsg{seq: seq, res: res}
	}
}

// fixesFound puts the fixes of the newest solve's tracks beside their reasons.
func (m Model) fixesFound(msg fixesMsg) Model {
	if msg.seq != m.seq || m.d.res == nil {
		return m
	}
	res := *m.d.res
	res.Rejected = append([]planner.Rejection(nil), res.Rejected...)
	for i := range res.Rejected {
		r := &res.Rejected[i]
		for _, f := range msg.res.Rejected {
			if f.Program == r.Program && f.Track == r.Track {
				r.Fixes, r.FixNote = f.Fixes, f.FixNote
			}
		}
	}
	m.d.res = &res
	m.plans.layout()
	return m
}
