package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"weekfit/planner"
)

// timeColumn is the width of the "HH:MM " labels left of the grid.
const timeColumn = 6

// nZooms is how many zooms the grid has: rows of 15, 30 and 60 minutes.
const nZooms = 3

// zoomOf returns the minutes a row stands for at zoom z.
func zoomOf(z int) int { return 15 << z }

// grid draws a cycle of blocks as seven day columns by time rows, with a
// cursor. It is a component of the Week and Plans screens.
type grid struct {
	st       *Styles
	blocks   []planner.Block
	cells    []planner.GridCell // what each cell of the cycle shows at the zoom on show
	weeks    int
	excluded planner.DaySet

	zoom          int // index into zooms
	week          int // week of the cycle on show, 0-based
	day, row, top int // cursor day and row, first row on show
	width, height int
	cursor        bool
	refit         bool // a reset came before the grid had a size: do it when it gets one
}

func newGrid(st *Styles) grid {
	return grid{st: st, weeks: 1, zoom: 1, cursor: true}
}

// rows is how many rows a day has at the current zoom.
func (g *grid) rows() int { return planner.MinutesPerDay / zoomOf(g.zoom) }

// visible is how many time rows fit under the header.
func (g *grid) visible() int { return max(g.height-1, 0) }

// colWidth is the width of one day column.
func (g *grid) colWidth() int { return max((g.width-timeColumn)/7, 0) }

// SetSize sets the space the grid may fill.
func (g *grid) SetSize(w, h int) {
	g.width, g.height = max(w, 0), max(h, 0)
	if g.refit && g.visible() > 0 {
		g.reset()
	}
	g.follow()
}

// SetBlocks replaces what the grid shows. With reset, the view jumps to the
// first busy hour of the week, and on to the first session when that is
// further down, with the cursor on it.
func (g *grid) SetBlocks(blocks []planner.Block, weeks int, reset bool) {
	g.blocks, g.weeks = blocks, max(weeks, 1)
	g.week = min(g.week, g.weeks-1)
	if reset {
		g.reset()
	} else {
		g.lay()
	}
	g.follow()
}

// reset picks the zoom, scrolls to the first busy hour and puts the cursor
// on the first session.
func (g *grid) reset() {
	g.refit = g.visible() == 0
	g.fitZoom()
	g.lay()
	g.top = g.firstBusyRow()
	g.row = g.top
	g.showFirstSession()
}

// lay works out what every cell of the cycle shows at the zoom on show.
func (g *grid) lay() {
	g.cells = planner.LayGrid(g.blocks, g.weeks*planner.MinutesPerWeek, zoomOf(g.zoom))
}

// showFirstSession puts the cursor on the first session of the week on show
// and scrolls so that it is in view.
func (g *grid) showFirstSession() {
	lo, hi := g.week*planner.MinutesPerWeek, (g.week+1)*planner.MinutesPerWeek
	for i := range g.blocks {
		b := &g.blocks[i]
		if b.Kind != planner.KindSession || b.Start < lo || b.Start >= hi {
			continue
		}
		g.day = (b.Start - lo) / planner.MinutesPerDay
		g.row = b.Start % planner.MinutesPerDay / zoomOf(g.zoom)
		if vis := g.visible(); g.row >= g.top+vis {
			g.top = g.row - max(vis/3, 0)
		}
		return
	}
}

// firstBusyRow is the row of the first hour in which anything but sleep happens.
func (g *grid) firstBusyRow() int {
	first, _ := g.busyHours()
	return first * 60 / zoomOf(g.zoom)
}

// fitZoom picks the finest zoom at which the busy hours of the week fit on
// screen, or the coarsest one.
func (g *grid) fitZoom() {
	first, last := g.busyHours()
	for z := 1; z < nZooms; z++ {
		if (last-first+1)*60/zoomOf(z) <= g.visible() {
			g.zoom = z
			return
		}
	}
	g.zoom = nZooms - 1
}

// busyHours returns the first and last hour in which anything but sleep happens.
func (g *grid) busyHours() (first, last int) {
	first, last = 24, -1
	for i := range g.blocks {
		b := &g.blocks[i]
		if b.Kind == planner.KindSleep {
			continue
		}
		for t := b.Start; t < b.End && t < b.Start+planner.MinutesPerDay; t += 5 {
			h := t % planner.MinutesPerDay / 60
			first, last = min(first, h), max(last, h)
		}
	}
	if last < 0 {
		return 8, 17
	}
	return first, last
}

// follow scrolls so the cursor stays on screen.
func (g *grid) follow() {
	rows, vis := g.rows(), g.visible()
	g.row = min(max(g.row, 0), rows-1)
	g.day = min(max(g.day, 0), 6)
	if vis <= 0 {
		return
	}
	if g.row < g.top {
		g.top = g.row
	}
	if g.row >= g.top+vis {
		g.top = g.row - vis + 1
	}
	g.top = min(max(g.top, 0), max(rows-vis, 0))
}

// Move moves the cursor by days and rows.
func (g *grid) Move(dd, dr int) {
	g.day += dd
	g.row += dr
	g.follow()
}

// Zoom changes the minutes a row stands for, keeping the cursor's time.
func (g *grid) Zoom(delta int) {
	z := min(max(g.zoom+delta, 0), nZooms-1)
	t, top := g.row*zoomOf(g.zoom), g.top*zoomOf(g.zoom)
	g.zoom = z
	g.row, g.top = t/zoomOf(z), top/zoomOf(z)
	g.lay()
	g.follow()
}

// Page scrolls by a screenful.
func (g *grid) Page(dir int) { g.Move(0, dir*max(g.visible()-1, 1)) }

// Week shows another week of a rotation.
func (g *grid) Week(delta int) { g.week = ((g.week+delta)%g.weeks + g.weeks) % g.weeks }

// Click puts the cursor on the cell at x, y (relative to the grid).
func (g *grid) Click(x, y int) {
	cw := g.colWidth()
	if cw <= 0 || x < timeColumn || y < 1 {
		return
	}
	d, r := (x-timeColumn)/cw, g.top+y-1
	if d > 6 || r >= g.rows() {
		return
	}
	g.day, g.row = d, r
	g.follow()
}

// CursorSpan returns the minutes of the cycle under the cursor.
func (g *grid) CursorSpan() (start, end int) {
	start = g.week*planner.MinutesPerWeek + g.day*planner.MinutesPerDay + g.row*zoomOf(g.zoom)
	return start, start + zoomOf(g.zoom)
}

// Under lists the blocks that touch the cursor's cell, in time order.
func (g *grid) Under() []planner.Block {
	a, b := g.CursorSpan()
	cycle := g.weeks * planner.MinutesPerWeek
	var out []planner.Block
	for _, bl := range g.blocks {
		for _, s := range [...]int{0, cycle, -cycle} {
			if bl.Start+s < b && a < bl.End+s {
				out = append(out, bl)
				break
			}
		}
	}
	return out
}

// cellAt is what the grid shows in the cell of day d, row r of the week on show.
func (g *grid) cellAt(d, r int) planner.GridCell {
	z := zoomOf(g.zoom)
	i := (g.week*planner.MinutesPerWeek + d*planner.MinutesPerDay + r*z) / z
	if i < 0 || i >= len(g.cells) {
		return planner.GridCell{Block: -1}
	}
	return g.cells[i]
}

// View draws the header and the rows that fit.
func (g *grid) View() string {
	cw := g.colWidth()
	if cw < 2 || g.height < 1 {
		return ""
	}
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", timeColumn))
	for d := planner.Mon; d <= planner.Sun; d++ {
		name := d.String()
		if g.excluded.Has(d) {
			name += " x"
		}
		if g.cursor && int(d) == g.day {
			name = ">" + name
		} else {
			name = " " + name
		}
		b.WriteString(g.st.Header.Render(pad(name, cw)))
	}
	end := min(g.top+g.visible(), g.rows())
	var prev columns
	for d := range prev {
		prev[d].block = -2
	}
	for r := g.top; r < end; r++ {
		b.WriteByte('\n')
		b.WriteString(pad(planner.FormatClock(r*zoomOf(g.zoom)), timeColumn))
		g.renderRow(&b, r, cw, &prev)
	}
	return b.String()
}

// Cell styles, as indexes: the kinds, then free and conflict; plus
// styleCursor for the cell under the cursor.
const (
	styleFree     = int(planner.KindSleep) + 1
	styleConflict = styleFree + 1
	styleCursor   = 8
)

func (g *grid) style(i int) lipgloss.Style {
	var st lipgloss.Style
	switch c := i % styleCursor; c {
	case styleFree:
		st = g.st.Free
	case styleConflict:
		st = g.st.Conflict
	default:
		st = g.st.Kind[c]
	}
	if i >= styleCursor {
		st = st.Inherit(g.st.Cursor)
	}
	return st
}

// columns is what each day column of the row above showed: its block, and
// whether that block's label is still to be written (it did not fit beside
// the start time).
type columns [7]struct {
	block int
	owed  bool
}

// renderRow writes one row of cells, styling runs of cells that look alike at once.
func (g *grid) renderRow(b *strings.Builder, r, cw int, prev *columns) {
	var run strings.Builder
	runStyle := -1
	for d := 0; d < 7; d++ {
		text, st := g.cellText(d, r, cw, prev)
		if st != runStyle && run.Len() > 0 {
			b.WriteString(g.style(runStyle).Render(run.String()))
			run.Reset()
		}
		runStyle = st
		run.WriteString(text)
	}
	if run.Len() > 0 {
		b.WriteString(g.style(runStyle).Render(run.String()))
	}
}

// cellText is the text of one cell and the index of its style: the cursor
// mark, the letter of what covers most of the cell (and `*` for a moved
// shift), a letter for each block that starts in the cell without showing
// there, the start time of a block that first shows here, and the block's
// label where it first shows in a column, or in the row after when the
// time left it no room. The label is cut from the right; the letters and the
// time come first so they never are.
func (g *grid) cellText(d, r, cw int, prev *columns) (string, int) {
	c := g.cellAt(d, r)
	col := &prev[d]
	first := c.Block != col.block
	if first {
		col.block, col.owed = c.Block, false
	}
	var text strings.Builder
	here := g.cursor && d == g.day && r == g.row
	if here {
		text.WriteByte('>')
	} else {
		text.WriteByte(' ')
	}
	style := styleFree
	if c.Block < 0 {
		text.WriteRune(planner.GlyphFree)
	} else {
		bl := &g.blocks[c.Block]
		glyph := bl.Kind.Glyph()
		style = int(bl.Kind)
		if c.Conflict {
			glyph, style = planner.GlyphConflict, styleConflict
		}
		text.WriteRune(glyph)
		if bl.Bent {
			text.WriteByte('*')
		}
	}
	for _, m := range c.Marks {
		text.WriteRune(g.blocks[m].Kind.Glyph())
	}
	if c.Block >= 0 {
		bl := &g.blocks[c.Block]
		if c.First && width(text.String())+6 <= cw-1 {
			text.WriteString(" " + planner.FormatClock(bl.Start%planner.MinutesPerDay))
		}
		room := cw - 1 - width(text.String()) - 1
		switch {
		case (first || col.owed) && room >= min(width(bl.Label), 4):
			text.WriteString(" " + bl.Label)
			col.owed = false
		case first:
			col.owed = true
		}
	}
	if here {
		style += styleCursor
	}
	return pad(text.String(), cw-1) + " ", style
}
