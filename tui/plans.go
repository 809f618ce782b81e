package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// maxRejected is how many lines the tracks that do not fit take at most.
const maxRejected = 4

// maxWarnings is how many warnings about the week itself Plans shows.
const maxWarnings = 2

// plansScreen lists the ranked plans, shows the one under the cursor on a
// grid, and says why the other tracks do not fit.
type plansScreen struct {
	st            *Styles
	d             *shared
	keys          plansKeys
	grid          grid
	fixes         fixesView
	prefs         prefsForm
	cursor        int
	width, height int
}

func newPlansScreen(st *Styles, d *shared) plansScreen {
	g := newGrid(st)
	g.cursor = false
	g.zoom = 2
	return plansScreen{st: st, d: d, keys: newPlansKeys(), grid: g, fixes: newFixesView(st, d), prefs: newPrefsForm(st, d)}
}

func (p *plansScreen) n() int {
	if p.d.res == nil {
		return 0
	}
	return len(p.d.res.Plans)
}

// SetSize records the space the screen has.
func (p *plansScreen) SetSize(w, h int) {
	p.width, p.height = w, h
	p.layout()
}

// SetCursor puts the cursor on plan i.
func (p *plansScreen) SetCursor(i int) { p.cursor = i }

// SetBlocks shows the plan under the cursor on the preview grid.
func (p *plansScreen) SetBlocks(b []planner.Block, weeks int, reset bool) {
	p.grid.excluded = p.d.opt.ExcludeDays
	p.layout()
	p.grid.SetBlocks(b, weeks, true)
}

// headLines are the title, and what stopped the search and the warnings
// about the week itself, above the plans.
func (p *plansScreen) headLines() []string {
	var lines []string
	locks := ""
	if p.d.opt.ExcludeDays != 0 || len(p.d.opt.Require) > 0 {
		locks = fmt.Sprintf(" · locked %d, no sessions %s (X clears)", len(p.d.opt.Require), daysOrNone(p.d.opt.ExcludeDays))
	}
	if len(p.d.opt.Programs) > 0 {
		locks += " · this program only (X shows every program)"
	}
	title := plansTitle(p.d.res)
	if id, ok := p.oneProgram(); ok {
		title += " for " + p.d.programName(id)
	}
	lines = append(lines, p.st.Header.Render(title)+p.st.Subtle.Render(locks))
	if p.prefs.open {
		lines = append(lines, p.prefs.Lines()...)
	}
	if p.d.res != nil && p.d.res.Incomplete != "" {
		for _, l := range strings.Split(wrap("! "+p.d.res.Incomplete, max(p.width-2, 1)), "\n") {
			lines = append(lines, p.st.Error.Render(l))
		}
	}
	if p.d.res != nil {
		for i, w := range p.d.res.Warnings {
			if i == maxWarnings {
				lines = append(lines, p.st.Error.Render(fmt.Sprintf("! and %d more warnings", len(p.d.res.Warnings)-i)))
				break
			}
			lines = append(lines, p.st.Error.Render("! "+p.d.neutralText(w)))
		}
	}
	return lines
}

// planAtLine is the plan on line y of the list, if any: each plan takes a
// line, one a phase when it has phases and one or two for its leave when it
// is dated, and the one under the cursor more with its work changes.
func (p *plansScreen) planAtLine(y int) (int, bool) {
	y -= len(p.headLines())
	for i := 0; i < p.n(); i++ {
		n := 1 + len(p.d.phaseLines(&p.d.res.Plans[i])) + leaveCount(&p.d.res.Plans[i])
		if i == p.cursor {
			n += len(p.planDetail(i))
		}
		if y < n {
			return i, y >= 0
		}
		y -= n
	}
	return 0, false
}

// listLines are the lines the list and the rejections take.
func (p *plansScreen) listLines() []string {
	lines := p.headLines()
	for i := 0; i < p.n(); i++ {
		lines = append(lines, p.planLine(i))
		for _, l := range p.d.phaseLines(&p.d.res.Plans[i]) {
			lines = append(lines, p.st.Subtle.Render(p.d.neutralText(l)))
		}
		if l, warn := leaveLines(&p.d.res.Plans[i]); l != "" {
			lines = append(lines, p.st.Subtle.Render(l))
			if warn != "" {
				lines = append(lines, p.st.Error.Render(warn))
			}
		}
		if i == p.cursor {
			lines = append(lines, p.planDetail(i)...)
		}
	}
	if p.d.res != nil && len(p.d.res.Rejected) > 0 {
		lines = append(lines, p.st.Header.Render("Does not fit"))
		rej, more := p.d.res.Rejected, 0
		if len(rej) > maxRejected {
			rej, more = rej[:maxRejected-1], len(rej)-maxRejected+1
		}
		for _, r := range rej {
			why := ""
			if len(r.Reasons) > 0 {
				why = r.Reasons[0]
			}
			text := fmt.Sprintf("%s, %s: %s", p.d.programName(r.Program), r.Track, p.d.neutralText(why))
			for j, l := range strings.SplitN(wrap(text, max(p.width-4, 1)), "\n", 3) {
				if j < 2 {
					lines = append(lines, p.st.Subtle.Render("  "+l))
				}
			}
			if fix := smallestFix(&r, p.d.shown.Weeks()); fix != "" {
				l, _, _ := strings.Cut(wrap(p.d.neutralText(fix), max(p.width-6, 1)), "\n")
				lines = append(lines, "    "+l)
			}
		}
		if more > 0 {
			lines = append(lines, p.st.Subtle.Render(fmt.Sprintf("  and %d more", more)))
		}
	}
	return lines
}

func (p *plansScreen) planLine(i int) string {
	pl := &p.d.res.Plans[i]
	mark := "  "
	if i == p.cursor {
		mark = "> "
	}
	box := "[ ]"
	if slices.Contains(p.d.marked, i) {
		box = "[x]"
	}
	chosen := ""
	if samePlan(pl, p.d.chosen) {
		chosen = " chosen"
	}
	name := pl.Track
	if _, ok := p.oneProgram(); !ok {
		name = p.d.programName(pl.Program) + ", " + pl.Track
	}
	weeks := max(p.d.full.Weeks(), 1)
	line := fmt.Sprintf("%s%s %d. %s: %s · home by %s · unpaid %s%s%s", mark, box, i+1, name, sessionTimes(pl),
		planner.FormatLatestHome(pl.LatestHome), hm(pl.UnpaidMinutes/weeks), warnBadge(pl), chosen)
	if i == p.cursor {
		return p.st.Selected.Render(line)
	}
	return line
}

// planDetail is the lines under the plan under the cursor: what changes at
// work, who covers what, the travel the plan adds and its tightest trip,
// then its warnings (planWarnLines).
func (p *plansScreen) planDetail(i int) []string {
	if i < 0 || i >= p.n() {
		return nil
	}
	pl := &p.d.res.Plans[i]
	weeks := max(p.d.full.Weeks(), 1)
	text := fmt.Sprintf("      work %s · covers %s · +travel %s%s", orNone(workChanges(pl, weeks)),
		orNone(coversUsed(pl, weeks)), hm(pl.AddedTravel/weeks), slackNote(pl))
	return append([]string{p.st.Subtle.Render(p.d.neutralText(text))}, p.planWarnLines(pl)...)
}

// oneProgram returns the program of every plan, when they share one.
func (p *plansScreen) oneProgram() (string, bool) {
	if p.n() == 0 {
		return "", false
	}
	id := p.d.res.Plans[0].Program
	for _, pl := range p.d.res.Plans {
		if pl.Program != id {
			return "", false
		}
	}
	return id, true
}

func (p *plansScreen) layout() {
	used := 1 + len(p.listLines())
	p.grid.SetSize(p.width, max(p.height-used, 0))
}

// Update moves through the plans and sends choices to the root. What the
// root must do before the next frame (show the plan under the cursor, mark
// plans) comes back as an intent it handles at once; the rest as commands.
func (p plansScreen) Update(msg tea.Msg) (plansScreen, tea.Cmd, tea.Msg) {
	if mm, ok := msg.(tea.MouseMsg); ok {
		if i, ok := p.planAtLine(mm.Y); ok && mm.Action == tea.MouseActionPress && mm.Button == tea.MouseButtonLeft {
			return p.moveTo(i)
		}
		return p, nil, nil
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil, nil
	}
	k := p.keys
	if p.fixes.open {
		var cmd tea.Cmd
		p.fixes, cmd = p.fixes.Update(km)
		return p, cmd, nil
	}
	if p.prefs.open {
		var cmd tea.Cmd
		p.prefs, cmd = p.prefs.Update(km)
		return p, cmd, nil
	}
	switch {
	case key.Matches(km, k.Prefs) && p.d.sc != nil:
		p.prefs.open = true
		return p, nil, nil
	case key.Matches(km, k.Fixes) && p.hasRejected():
		p.fixes.open = true
		return p, nil, nil
	case key.Matches(km, k.Up):
		return p.moveTo(max(p.cursor-1, 0))
	case key.Matches(km, k.Down):
		return p.moveTo(max(min(p.cursor+1, p.n()-1), 0))
	case key.Matches(km, k.Choose) && p.n() > 0:
		return p, send(choosePlanMsg{p.d.res.Plans[p.cursor]}), nil
	case key.Matches(km, k.Mark) && p.n() > 0:
		return p, nil, markMsg{p.toggled()}
	case key.Matches(km, k.Compare) && p.n() > 1:
		return p, send(compareMsg{}), nil
	case key.Matches(km, k.Clear):
		return p, send(clearLocksMsg{}), nil
	}
	return p, nil, nil
}

// showPlanMsg asks the root to show plan i, the one under the cursor.
type showPlanMsg struct{ i int }

// markMsg asks the root to mark these plans for Compare.
type markMsg struct{ marked []int }

// moveTo puts the cursor on plan i and asks the root to show it.
func (p plansScreen) moveTo(i int) (plansScreen, tea.Cmd, tea.Msg) {
	if i == p.cursor {
		return p, nil, nil
	}
	p.cursor = i
	return p, nil, showPlanMsg{i}
}

// toggled is the marked plans with the one under the cursor marked or
// unmarked; at most three are marked.
func (p plansScreen) toggled() []int {
	if i := slices.Index(p.d.marked, p.cursor); i >= 0 {
		return slices.Delete(slices.Clone(p.d.marked), i, i+1)
	}
	m := append(slices.Clone(p.d.marked), p.cursor)
	if len(m) > 3 {
		m = m[1:]
	}
	return m
}

// View draws the list, the rejections and the preview grid.
func (p plansScreen) View() string {
	if p.fixes.open {
		return p.fixes.View(p.width)
	}
	lines := p.listLines()
	if p.n() == 0 && p.d.res != nil {
		lines = append(lines, "", "Nothing fits. Change the week on Edit (e), or clear locks with X.")
	}
	out := strings.Join(lines, "\n")
	if g := p.grid.View(); g != "" {
		out += "\n" + g
	}
	return out
}

// ShortHelp lists the keys that work now.
func (p plansScreen) ShortHelp() []key.Binding {
	if p.fixes.open {
		return p.fixes.ShortHelp()
	}
	if p.prefs.open {
		return p.prefs.ShortHelp()
	}
	k := p.keys
	k.Fixes.SetEnabled(p.hasRejected())
	k.Choose.SetEnabled(p.n() > 0)
	k.Mark.SetEnabled(p.n() > 0)
	k.Compare.SetEnabled(p.n() > 1)
	k.Clear.SetEnabled(p.d.opt.ExcludeDays != 0 || len(p.d.opt.Require) > 0)
	return []key.Binding{k.Down, k.Choose, k.Mark, k.Compare, k.Fixes, k.Prefs, k.Clear}
}

// hasRejected reports whether a track does not fit, so there are fixes to show.
func (p plansScreen) hasRejected() bool { return p.d.res != nil && len(p.d.res.Rejected) > 0 }

// FullHelp lists every key of the screen.
func (p plansScreen) FullHelp() [][]key.Binding {
	if p.fixes.open {
		return p.fixes.FullHelp()
	}
	if p.prefs.open {
		return p.prefs.FullHelp()
	}
	k := p.keys
	k.Fixes.SetEnabled(p.hasRejected())
	return [][]key.Binding{{k.Up, k.Down, k.Choose}, {k.Mark, k.Compare, k.Fixes, k.Prefs, k.Clear}}
}

// plansTitle says how many plans fit: all of them, or the best of more.
func plansTitle(res *planner.Result) string {
	switch {
	case res != nil && res.Incomplete != "" && len(res.Plans) == 0:
		return "No plan found in the time allowed"
	case res != nil && res.Incomplete != "" && len(res.Plans) == 1:
		return "1 plan found in the time allowed"
	case res != nil && res.Incomplete != "":
		return fmt.Sprintf("%d plans found in the time allowed", len(res.Plans))
	case res == nil || len(res.Plans) == 0:
		return "No plan fits"
	case res.More:
		return fmt.Sprintf("The best %d of the plans that fit", len(res.Plans))
	case len(res.Plans) == 1:
		return "1 plan fits"
	}
	return fmt.Sprintf("%d plans fit", len(res.Plans))
}
