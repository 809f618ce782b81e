package export

import (
	"fmt"

	"weekfit/planner"
)

// gridHours returns the first and last hour in which anything but sleep
// happens in any week of the cycle, or 8 and 17 for an empty week.
func gridHours(blocks []planner.Block, cells []planner.GridCell, weeks int) (int, int) {
	first, last := 24, -1
	for w := 0; w < weeks; w++ {
		if !busyWeek(blocks, cells, w) {
			continue
		}
		f, l := planner.GridHours(blocks, cells, w)
		first, last = min(first, f), max(last, l)
	}
	if last < 0 {
		return 8, 17
	}
	return first, last
}

// busyWeek reports whether anything but sleep shows in week w.
func busyWeek(blocks []planner.Block, cells []planner.GridCell, w int) bool {
	per := planner.MinutesPerWeek / 15
	for _, c := range cells[w*per : (w+1)*per] {
		if b := planner.QuarterBlock(c); b >= 0 && blocks[b].Kind != planner.KindSleep {
			return true
		}
	}
	return false
}

// drawGrids draws the week grid of each week of the cycle side by side (at
// most two; a longer rotation shows its first two weeks and says so).
func drawGrids(pg *pdfPage, sc *planner.Scenario, p *planner.Plan, x, y, w, h float64) {
	blocks := planner.Timeline(sc, p)
	weeks := sc.Weeks()
	cells := planner.LayGrid(blocks, weeks*planner.MinutesPerWeek, 15)
	shown := min(weeks, 2)
	first, last := gridHours(blocks, cells, weeks)
	gap := 4.0
	gw := (w - gap*float64(shown-1)) / float64(shown)
	for i := 0; i < shown; i++ {
		title := ""
		if weeks > 1 {
			title = fmt.Sprintf("Week %c", 'A'+i)
			if i == shown-1 && weeks > shown {
				title += fmt.Sprintf(" (weeks %c-%c: see the list)", 'A'+shown, 'A'+weeks-1)
			}
		}
		g := pdfWeek{blocks: blocks, cells: cells, week: i, first: first, last: last}
		g.draw(pg, title, x+float64(i)*(gw+gap), y, gw, h)
	}
}

// pdfWeek is one week of a plan's grid on the page.
type pdfWeek struct {
	blocks      []planner.Block
	cells       []planner.GridCell // quarter hours of the cycle, laid by planner.LayGrid
	week        int
	first, last int // hours on show
}

// draw draws the week: a column a day, a row a quarter hour, each quarter
// filled with the colour of the block that covers most of it (or of a block
// that starts in it), and in each hour the letter and start time of the
// first block that starts in it, else the letter of what fills its first
// quarter.
func (g pdfWeek) draw(pg *pdfPage, title string, x, y, w, h float64) {
	pdf := pg.pdf
	pdf.SetFont("Helvetica", "B", 8)
	if title != "" {
		pdf.Text(x, y+3, title)
		y, h = y+5, h-5
	}
	labelW, headH := 9.0, 5.0
	colW := (w - labelW) / 7
	rowH := (h - headH) / float64((g.last-g.first+1)*4)
	for d, name := range []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
		pdf.Text(x+labelW+float64(d)*colW+colW/2-2.5, y+3.5, name)
	}
	pdf.SetFont("Helvetica", "", 6.5)
	for hr := g.first; hr <= g.last; hr++ {
		ry := y + headH + float64((hr-g.first)*4)*rowH
		pdf.Text(x, ry+2.5, fmt.Sprintf("%02d:00", hr))
		for d := 0; d < 7; d++ {
			cx := x + labelW + float64(d)*colW
			label := ""
			for q := 0; q < 4; q++ {
				c := g.cells[(g.week*planner.MinutesPerWeek+d*planner.MinutesPerDay+hr*60)/15+q]
				b := planner.QuarterBlock(c)
				switch {
				case c.Conflict:
					pdf.SetFillColor(230, 80, 80)
				case b >= 0:
					k := kindColour(g.blocks[b].Kind)
					pdf.SetFillColor(k.r, k.g, k.b)
				default:
					continue
				}
				pdf.Rect(cx, ry+float64(q)*rowH, colW, rowH, "F")
				label = g.quarterLabel(c, label)
			}
			if label != "" {
				pdf.Text(cx+0.8, ry+2.5, label)
			}
		}
	}
	pdf.SetDrawColor(150, 150, 150)
	pdf.SetLineWidth(0.1)
	for hr := g.first; hr <= g.last+1; hr++ {
		ry := y + headH + float64((hr-g.first)*4)*rowH
		pdf.Line(x+labelW, ry, x+w, ry)
	}
	for d := 0; d <= 7; d++ {
		cx := x + labelW + float64(d)*colW
		pdf.Line(cx, y+headH, cx, y+h)
	}
}

// quarterLabel is the hour's label after one more quarter: the letter and start
// time of the first block that starts in the hour, else the letter of the
// first quarter with anything in it.
func (g pdfWeek) quarterLabel(c planner.GridCell, label string) string {
	if len(label) > 1 {
		return label // a start is already written
	}
	start := -1
	switch {
	case len(c.Marks) > 0:
		start = c.Marks[0]
	case c.First:
		start = c.Block
	}
	if start >= 0 {
		b := &g.blocks[start]
		return fmt.Sprintf("%c %s", b.Kind.Glyph(), planner.FormatClock(b.Start%planner.MinutesPerDay))
	}
	if label == "" {
		if c.Conflict {
			return string(planner.GlyphConflict)
		}
		if b := planner.QuarterBlock(c); b >= 0 {
			return string(g.blocks[b].Kind.Glyph())
		}
	}
	return label
}
