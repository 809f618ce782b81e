package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"weekfit/planner"
)

// compareScreen puts two or three plans side by side.
type compareScreen struct {
	st            *Styles
	d             *shared
	keys          compareKeys
	cols          []compareCol
	width, height int
}

// compareCol is one plan's column.
type compareCol struct {
	rank  int
	lines []string
}

func newCompareScreen(st *Styles, d *shared) compareScreen {
	return compareScreen{st: st, d: d, keys: newCompareKeys()}
}

// SetSize records the space the screen has.
func (c *compareScreen) SetSize(w, h int) { c.width, c.height = w, h }

// picked is the plans to compare: those marked on Plans, or the first three.
func (c *compareScreen) picked() []int {
	if len(c.d.marked) >= 2 {
		return c.d.marked
	}
	var out []int
	for i := 0; c.d.res != nil && i < min(3, len(c.d.res.Plans)); i++ {
		out = append(out, i)
	}
	return out
}

// Refresh works out the columns again.
func (c *compareScreen) Refresh() {
	c.cols = c.cols[:0]
	if c.d.res == nil || c.d.shown == nil {
		return
	}
	for _, i := range c.picked() {
		if i < len(c.d.res.Plans) {
			c.cols = append(c.cols, compareCol{rank: i + 1, lines: c.column(&c.d.res.Plans[i])})
		}
	}
}

func (c *compareScreen) column(p *planner.Plan) []string {
	d := c.d
	weeks := max(d.full.Weeks(), 1)
	minimum := 0
	if i := d.full.ProgramIndex(p.Program); i >= 0 {
		minimum = d.full.Programs[i].MinMinutes
	}
	lines := []string{d.programName(p.Program), p.Track + " track"}
	if i := d.shown.ProgramIndex(p.Program); i >= 0 {
		lines = append(lines, programFacts(d.shown, &d.shown.Programs[i])...)
	}
	lines = append(lines, "")
	for _, s := range p.Sessions {
		w := ""
		if weeks > 1 {
			w = fmt.Sprintf("wk%d ", s.Week)
		}
		lines = append(lines, fmt.Sprintf("%s%s %s", w, s.Day, s.Time))
	}
	lines = append(lines, "",
		fmt.Sprintf("hours  %s / min %s", hm(p.SessionMinutes/weeks), hm(minimum)),
		fmt.Sprintf("unpaid %s", hm(p.UnpaidMinutes/weeks)),
		fmt.Sprintf("shift changes %d", len(p.ShiftChanges)))
	for _, ch := range workChanges(p, weeks) {
		lines = append(lines, "  "+ch)
	}
	lines = append(lines, fmt.Sprintf("covers %d", len(p.Covered)))
	for _, c := range coversUsed(p, weeks) {
		lines = append(lines, "  "+d.neutralText(c))
	}
	lines = append(lines,
		fmt.Sprintf("travel %s (+%s)", hm(p.TravelMinutes/weeks), hm(p.AddedTravel/weeks)),
		fmt.Sprintf("home by %s", planner.FormatLatestHome(p.LatestHome)),
		fmt.Sprintf("short nights %d", shortNights(planner.Timeline(d.shown, p), weeks*planner.MinutesPerWeek)))
	lines = append(lines, d.comparePhases(p)...)
	lines = append(lines, warnColumn(d, p)...)
	if samePlan(p, d.chosen) {
		lines = append(lines, "(chosen)")
	}
	return lines
}

// programFacts are a program's length, modality and place, one a line.
func programFacts(sc *planner.Scenario, pr *planner.Program) []string {
	length := "length not given"
	if pr.Weeks > 0 {
		length = fmt.Sprintf("%d weeks", pr.Weeks)
	}
	where := "at " + sc.PlaceName(pr.Place)
	if pr.Modality == planner.Virtual {
		where = "virtual, from home"
	}
	return []string{length, where}
}

// shortNights counts sleep blocks that something busy cuts into, on a cycle
// of cycle minutes.
func shortNights(blocks []planner.Block, cycle int) int {
	n := 0
	for _, s := range blocks {
		if s.Kind != planner.KindSleep {
			continue
		}
		for _, b := range blocks {
			if b.Kind != planner.KindSleep && b.Kind.Busy() && conflicting([]planner.Block{s, b}, cycle) {
				n++
				break
			}
		}
	}
	return n
}

// Update has nothing to do: the screen only shows.
func (c compareScreen) Update(msg tea.Msg) (compareScreen, tea.Cmd) { return c, nil }

// View draws the columns side by side.
func (c compareScreen) View() string {
	if len(c.cols) == 0 {
		return "No plans to compare. Change the week on Edit (e)."
	}
	w := max(c.width/len(c.cols)-2, 1)
	var cols []string
	for i, col := range c.cols {
		head := c.st.Header.Render(pad(fmt.Sprintf("Plan %d", col.rank), w))
		var body []string
		for _, l := range col.lines {
			for _, part := range strings.Split(wrap(l, w), "\n") {
				body = append(body, pad(part, w))
			}
		}
		cols = append(cols, head+"\n"+strings.Join(body, "\n"))
		if i < len(c.cols)-1 {
			cols = append(cols, "  ")
		}
	}
	note := c.st.Subtle.Render("Mark up to three plans with space on Plans (2) to choose which to compare.")
	return lipgloss.JoinHorizontal(lipgloss.Top, cols...) + "\n\n" + note
}

// ShortHelp lists the keys that work now.
func (c compareScreen) ShortHelp() []key.Binding { return []key.Binding{c.keys.Plans} }

// FullHelp lists every key of the screen.
func (c compareScreen) FullHelp() [][]key.Binding { return [][]key.Binding{{c.keys.Plans}} }
