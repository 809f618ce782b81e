package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"weekfit/planner"
)

// slotMinutes is the resolution at which the grid paints blocks.
const slotMinutes = 5

// timeColumn is the width of the "HH:MM " labels left of the grid.
const timeColumn = 6

// nZooms is how many zooms the grid has: rows of 15, 30 and 60 minutes.
const nZooms = 3

// zoomOf returns the minutes a row stands for at zoom z.
func zoomOf(z int) int { return 15 << z }

// slot is what fills five minutes of the cycle.
type slot struct {
	busy  int8  // busy blocks here
	block int16 // index of the block shown here, -1 for none
}

// grid draws a cycle of blocks as seven day columns by time rows, with a
// cursor. It is a component of the Week and Plans screens.
type grid struct {
	st       *Styles
	blocks   []planner.Block
	slots    []slot
	weeks    int
	excluded planner.DaySet

	zoom          int // index into zooms
	week          int // week of the cycle on show, 0-based
	day, row, top int // cursor day and row, first row on show
	width, height int
	cursor        bool
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
	g.follow()
}

// SetBlocks replaces what the grid shows. With reset, the view jumps to the
// first busy hour of the week.
func (g *grid) SetBlocks(blocks []planner.Block, weeks int, reset bool) {
	g.blocks, g.weeks = blocks, max(weeks, 1)
	g.week = min(g.week, g.weeks-1)
	g.paint()
	if reset {
		g.fitZoom()
		g.top = g.firstBusyRow()
		g.row = g.top
	}
	g.follow()
}

// paint records, for every five minutes of the cycle, which block shows there.
func (g *grid) paint() {
	n := g.weeks * planner.MinutesPerWeek / slotMinutes
	if cap(g.slots) >= n {
		g.slots = g.slots[:n]
	} else {
		g.slots = make([]slot, n)
	}
	for i := range g.slots {
		g.slots[i] = slot{block: -1}
	}
	for bi := range g.blocks {
		b := &g.blocks[bi]
		for t := b.Start / slotMinutes; t*slotMinutes < b.End; t++ {
			s := &g.slots[((t%n)+n)%n]
			if b.Kind.Busy() {
				s.busy++
			}
			if s.block < 0 || outranks(b.Kind, g.blocks[s.block].Kind) {
				s.block = int16(bi)
			}
		}
	}
}

// outranks reports whether kind a is shown over kind b in one cell.
func outranks(a, b planner.BlockKind) bool {
	rank := func(k planner.BlockKind) int {
		return [...]int{planner.KindSession: 6, planner.KindTravel: 5, planner.KindJob: 4,
			planner.KindCommitment: 3, planner.KindSleep: 2, planner.KindCovered: 1}[k]
	}
	return rank(a) > rank(b)
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
	per := planner.MinutesPerDay / slotMinutes
	first, last = 24, -1
	for i, s := range g.slots {
		if s.block < 0 || g.blocks[s.block].Kind == planner.KindSleep {
			continue
		}
		h := (i % per) * slotMinutes / 60
		first, last = min(first, h), max(last, h)
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

// cell describes what the grid shows in one cell.
type cell struct {
	block    int // -1 for free
	conflict bool
}

func (g *grid) cellAt(d, r int) cell {
	z := zoomOf(g.zoom)
	first := (g.week*planner.MinutesPerWeek + d*planner.MinutesPerDay + r*z) / slotMinutes
	c := cell{block: -1}
	var seen [60 / slotMinutes]struct {
		block int16
		n     int
	}
	nseen := 0
	best := -1 // index into seen
	for i := first; i < first+z/slotMinutes && i < len(g.slots); i++ {
		s := g.slots[i]
		if s.busy > 1 {
			c.conflict = true
		}
		if s.block < 0 {
			continue
		}
		j := 0
		for j < nseen && seen[j].block != s.block {
			j++
		}
		if j == nseen {
			seen[j].block, nseen = s.block, nseen+1
		}
		seen[j].n++
		if best < 0 {
			best = j
			continue
		}
		bk, ck := g.blocks[seen[best].block].Kind, g.blocks[s.block].Kind
		if outranks(ck, bk) || (ck == bk && seen[j].n > seen[best].n) {
			best = j
		}
	}
	if best < 0 {
		return c
	}
	c.block = int(seen[best].block)
	return c
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
	prev := [7]int{-2, -2, -2, -2, -2, -2, -2} // block shown in the row above, per day
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

// renderRow writes one row of cells, styling runs of cells that look alike at once.
func (g *grid) renderRow(b *strings.Builder, r, cw int, prev *[7]int) {
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

// cellText is the text of one cell and the index of its style. A block's
// label shows in the first cell it fills in a column; prev holds the block
// of the row above for each day.
func (g *grid) cellText(d, r, cw int, prev *[7]int) (string, int) {
	c := g.cellAt(d, r)
	first := c.block != prev[d]
	prev[d] = c.block
	mark := " "
	here := g.cursor && d == g.day && r == g.row
	if here {
		mark = ">"
	}
	var text string
	style := styleFree
	switch {
	case c.block < 0:
		text = mark + string(planner.GlyphFree)
	default:
		bl := &g.blocks[c.block]
		glyph := bl.Kind.Glyph()
		style = int(bl.Kind)
		if c.conflict {
			glyph, style = planner.GlyphConflict, styleConflict
		}
		text = mark + string(glyph)
		if first && cw > 3 {
			text += " " + blockLabel(bl)
		}
	}
	if here {
		style += styleCursor
	}
	return pad(text, cw-1) + " ", style
}
