package export

import (
	"fmt"

	"weekfit/planner"
)

// gridHours returns the first and last hour in which anything but sleep
// happens in any week of the cycle, or 8 and 17 for an empty week.
func gridHours(blocks []planner.Block, weeks int) (int, int) {
	cycle := weeks * planner.MinutesPerWeek
	first, last := 24, -1
	for w := 0; w < weeks; w++ {
		for d := 0; d < 7; d++ {
			for q := 0; q < 24*4; q++ {
				t := w*planner.MinutesPerWeek + d*planner.MinutesPerDay + q*15 + 7
				if k, _, any := planner.CellAt(blocks, cycle, t); any && k != planner.KindSleep {
					first, last = min(first, q/4), max(last, q/4)
				}
			}
		}
	}
	if last < 0 {
		return 8, 17
	}
	return first, last
}

// drawGrids draws the week grid of each week of the cycle side by side (at
// most two; a longer rotation shows its first two weeks and says so).
func drawGrids(pg *pdfPage, sc *planner.Scenario, p *planner.Plan, x, y, w, h float64) {
	blocks := planner.Timeline(sc, p)
	weeks := sc.Weeks()
	shown := min(weeks, 2)
	first, last := gridHours(blocks, weeks)
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
		drawGrid(pg, blocks, weeks*planner.MinutesPerWeek, i, first, last, title, x+float64(i)*(gw+gap), y, gw, h)
	}
}

// drawGrid draws one week: a column a day, a row a quarter hour, each cell
// filled with the colour of what is there and each hour labelled with its letter.
func drawGrid(pg *pdfPage, blocks []planner.Block, cycle, week, first, last int, title string, x, y, w, h float64) {
	pdf := pg.pdf
	pdf.SetFont("Helvetica", "B", 8)
	if title != "" {
		pdf.Text(x, y+3, title)
		y, h = y+5, h-5
	}
	labelW, headH := 9.0, 5.0
	colW := (w - labelW) / 7
	rowH := (h - headH) / float64((last-first+1)*4)
	for d, name := range []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
		pdf.Text(x+labelW+float64(d)*colW+colW/2-2.5, y+3.5, name)
	}
	pdf.SetFont("Helvetica", "", 6.5)
	for hr := first; hr <= last; hr++ {
		ry := y + headH + float64((hr-first)*4)*rowH
		pdf.Text(x, ry+2.5, fmt.Sprintf("%02d:00", hr))
		for d := 0; d < 7; d++ {
			cx := x + labelW + float64(d)*colW
			letter := rune(planner.GlyphFree)
			for q := 0; q < 4; q++ {
				t := week*planner.MinutesPerWeek + d*planner.MinutesPerDay + hr*60 + q*15 + 7
				k, clash, any := planner.CellAt(blocks, cycle, t)
				switch {
				case clash:
					pdf.SetFillColor(230, 80, 80)
					letter = planner.GlyphConflict
				case any:
					c := kindColour(k)
					pdf.SetFillColor(c.r, c.g, c.b)
					if letter == planner.GlyphFree || k == planner.KindSession {
						letter = k.Glyph()
					}
				default:
					continue
				}
				pdf.Rect(cx, ry+float64(q)*rowH, colW, rowH, "F")
			}
			if letter != planner.GlyphFree {
				pdf.Text(cx+0.8, ry+2.5, string(letter))
			}
		}
	}
	pdf.SetDrawColor(150, 150, 150)
	pdf.SetLineWidth(0.1)
	for hr := first; hr <= last+1; hr++ {
		ry := y + headH + float64((hr-first)*4)*rowH
		pdf.Line(x+labelW, ry, x+w, ry)
	}
	for d := 0; d <= 7; d++ {
		cx := x + labelW + float64(d)*colW
		pdf.Line(cx, y+headH, cx, y+h)
	}
}
