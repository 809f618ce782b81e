package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// sidePanel is the width of the panel beside the grid on wide terminals.
const sidePanel = 36

// weekScreen is the home screen: the grid of the plan on show and a panel.
type weekScreen struct {
	st            *Styles
	d             *shared
	keys          weekKeys
	grid          grid
	width, height int
}

func newWeekScreen(st *Styles, d *shared) weekScreen {
	return weekScreen{st: st, d: d, keys: newWeekKeys(), grid: newGrid(st)}
}

// side reports whether the panel goes beside the grid rather than below.
func (w *weekScreen) side() bool { return w.width >= 100 }

// SetSize lays out the grid and the panel.
func (w *weekScreen) SetSize(width, height int) {
	w.width, w.height = width, height
	gw, gh := width, height-2
	if w.side() {
		gw = width - sidePanel - 1
	} else {
		gh -= 5
	}
	w.grid.SetSize(gw, max(gh, 0))
}

// SetBlocks shows new blocks on the grid.
func (w *weekScreen) SetBlocks(b []planner.Block, weeks int, reset bool) {
	w.grid.excluded = w.d.opt.ExcludeDays
	w.grid.SetBlocks(b, weeks, reset)
}

// Update moves the cursor and sends locks and exclusions to the root.
func (w weekScreen) Update(msg tea.Msg) (weekScreen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft {
			w.grid.Click(msg.X, msg.Y-1)
		}
		if msg.Button == tea.MouseButtonWheelUp {
			w.grid.Move(0, -1)
		}
		if msg.Button == tea.MouseButtonWheelDown {
			w.grid.Move(0, 1)
		}
	case tea.KeyMsg:
		return w.handleKey(msg)
	}
	return w, nil
}

func (w weekScreen) handleKey(msg tea.KeyMsg) (weekScreen, tea.Cmd) {
	k := w.keys
	switch {
	case key.Matches(msg, k.Up):
		w.grid.Move(0, -1)
	case key.Matches(msg, k.Down):
		w.grid.Move(0, 1)
	case key.Matches(msg, k.Left):
		w.grid.Move(-1, 0)
	case key.Matches(msg, k.Right):
		w.grid.Move(1, 0)
	case key.Matches(msg, k.PageUp):
		w.grid.Page(-1)
	case key.Matches(msg, k.PageDown):
		w.grid.Page(1)
	case key.Matches(msg, k.ZoomIn):
		w.grid.Zoom(-1)
	case key.Matches(msg, k.ZoomOut):
		w.grid.Zoom(1)
	case (key.Matches(msg, k.NextWeek) || key.Matches(msg, k.PrevWeek)) && w.d.phased() != nil:
		delta := 1
		if key.Matches(msg, k.PrevWeek) {
			delta = -1
		}
		var next bool
		var pm phaseMsg
		if w, next, pm = w.stepPhase(delta); next {
			return w, send(pm)
		}
	case key.Matches(msg, k.NextWeek) && w.grid.weeks > 1:
		w.grid.Week(1)
	case key.Matches(msg, k.PrevWeek) && w.grid.weeks > 1:
		w.grid.Week(-1)
	case key.Matches(msg, k.Lock):
		if ref, ok := w.sessionRef(); ok {
			return w, send(lockMsg{ref})
		}
	case key.Matches(msg, k.Exclude):
		return w, send(excludeMsg{planner.Day(w.grid.day)})
	case key.Matches(msg, k.Clear):
		if w.hasLocks() {
			return w, send(clearLocksMsg{})
		}
	}
	return w, nil
}

func (w *weekScreen) hasLocks() bool { return w.d.opt.ExcludeDays != 0 || len(w.d.opt.Require) > 0 }

// sessionRef names the session under the cursor, if there is one: of the
// phase on show, for a plan with phases.
func (w *weekScreen) sessionRef() (planner.SessionRef, bool) {
	_, p := w.d.phaseView()
	if p == nil {
		return planner.SessionRef{}, false
	}
	phase := 0
	if w.d.phased() != nil {
		phase = w.d.phase
	}
	for _, b := range w.grid.Under() {
		if b.Kind != planner.KindSession {
			continue
		}
		for _, s := range p.Sessions {
			if s.Week == w.grid.week+1 && int(s.Day) == w.grid.day {
				return planner.SessionRef{Program: p.Program, Week: s.Week, Day: s.Day, Time: s.Time, Phase: phase}, true
			}
		}
	}
	return planner.SessionRef{}, false
}

// View draws the plan line, the grid, the legend and the panel.
func (w weekScreen) View() string {
	head := w.st.Header.Render(planTitle(w.d))
	if t := w.d.phaseTitle(); t != "" {
		head += w.st.Subtle.Render("  · " + t + " ([ ])")
	}
	if w.grid.weeks > 1 {
		head += w.st.Subtle.Render(fmt.Sprintf("  · week %d of %d ([ ])", w.grid.week+1, w.grid.weeks))
	}
	grid := w.grid.View()
	panel := w.panel()
	if w.side() {
		left := strings.Split(grid, "\n")
		gw := timeColumn + 7*w.grid.colWidth()
		right := strings.Split(panel, "\n")
		right = right[:min(len(right), len(left))]
		return head + "\n" + joinColumns(left, gw, " ", right) + "\n" + legend(w.st, w.width)
	}
	return strings.Join([]string{head, grid, legend(w.st, w.width), panel}, "\n")
}

// planTitle names the plan on show.
func planTitle(d *shared) string {
	p := d.plan()
	switch {
	case d.res == nil:
		return "Planning…"
	case p == nil:
		return "No plan fits this week: see Plans (2) for why"
	}
	t := fmt.Sprintf("Plan %d of %d: %s, %s", d.cur+1, len(d.res.Plans), d.programName(p.Program), p.Track)
	if samePlan(p, d.chosen) {
		t += " (chosen)"
	}
	return t
}

// panel describes what is under the cursor and the week's totals.
func (w weekScreen) panel() string {
	a, b := w.grid.CursorSpan()
	lines := []string{w.st.PanelTitle.Render(fmt.Sprintf("%s %s-%s", planner.Day(w.grid.day), planner.FormatClock(a%planner.MinutesPerDay), planner.FormatClock(b%planner.MinutesPerDay)))}
	under := w.grid.Under()
	if len(under) == 0 {
		lines = append(lines, "free")
	}
	for i, bl := range under {
		if i == 2 && len(under) > 3 {
			lines = append(lines, fmt.Sprintf("and %d more", len(under)-2))
			break
		}
		lines = append(lines, bl.Detail)
	}
	if conflicting(under, w.grid.weeks*planner.MinutesPerWeek) {
		lines = append(lines, w.st.Error.Render("! these overlap"))
	}
	totals := weekTotals(w.d)
	if w.side() {
		lines = append(lines, "", w.st.PanelTitle.Render("This week"))
		lines = append(lines, totals...)
		return wrap(strings.Join(lines, "\n"), sidePanel)
	}
	lines = append(lines[:min(len(lines), 3)], w.st.Subtle.Render(strings.Join(totals, " · ")))
	return wrap(strings.Join(lines, "\n"), max(w.width, 1))
}

// conflicting reports whether two busy blocks overlap each other.
func conflicting(bs []planner.Block, cycle int) bool {
	for i := range bs {
		for j := i + 1; j < len(bs); j++ {
			a, b := bs[i], bs[j]
			if !a.Kind.Busy() || !b.Kind.Busy() {
				continue
			}
			for _, s := range [...]int{0, cycle, -cycle} {
				if a.Start < b.End+s && b.Start+s < a.End {
					return true
				}
			}
		}
	}
	return false
}

// weekTotals are the numbers of the plan on show, one a line.
func weekTotals(d *shared) []string {
	p := d.plan()
	if p == nil {
		return []string{"no plan"}
	}
	weeks := max(d.full.Weeks(), 1)
	minimum := 0
	if i := d.full.ProgramIndex(p.Program); i >= 0 {
		minimum = d.full.Programs[i].MinMinutes
		if d.phased() != nil { // the phase on show, with its own minimum
			ph := d.full.Programs[i].PhaseList()[min(d.phase, len(p.Phases)-1)]
			p, minimum = &p.Phases[min(d.phase, len(p.Phases)-1)].Plan, *ph.MinMinutes
		}
	}
	out := []string{
		fmt.Sprintf("sessions %s a week (min %s)", hm(p.SessionMinutes/weeks), hm(minimum)),
		fmt.Sprintf("unpaid %s", hm(p.UnpaidMinutes/weeks)),
		"work " + orNone(workChanges(p, weeks)),
		"covers " + d.neutralText(orNone(coversUsed(p, weeks))),
		fmt.Sprintf("travel %s (+%s)", hm(p.TravelMinutes/weeks), hm(p.AddedTravel/weeks)),
		fmt.Sprintf("home by %s", planner.FormatLatestHome(p.LatestHome)),
	}
	if d.opt.ExcludeDays != 0 || len(d.opt.Require) > 0 {
		out = append(out, fmt.Sprintf("locked %d, no sessions %s", len(d.opt.Require), daysOrNone(d.opt.ExcludeDays)))
	}
	return out
}

// ShortHelp lists the keys that work now.
func (w weekScreen) ShortHelp() []key.Binding {
	k := w.keys
	_, canLock := w.sessionRef()
	k.Lock.SetEnabled(canLock)
	k.Clear.SetEnabled(w.hasLocks())
	return []key.Binding{k.Move, k.Zoom, k.Exclude, k.Lock}
}

// FullHelp lists every key of the screen.
func (w weekScreen) FullHelp() [][]key.Binding {
	k := w.keys
	nw := w.grid.weeks > 1
	nw = nw || w.d.phased() != nil
	k.NextWeek.SetEnabled(nw)
	k.PrevWeek.SetEnabled(nw)
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.PageUp, k.PageDown},
		{k.ZoomIn, k.ZoomOut, k.NextWeek, k.PrevWeek, k.Lock, k.Exclude, k.Clear},
	}
}
