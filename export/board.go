package export

import (
	"fmt"
	"strings"

	"github.com/go-pdf/fpdf"

	"weekfit/planner"
)

// neutralStale is the stale warning of a discreet export, which never says
// "program".
const neutralStale = "check these times again"

// staleWarning is the warning beside an entry last verified long ago.
func staleWarning(names bool) string {
	if names {
		return planner.StaleWarning
	}
	return neutralStale
}

// BoardTitle heads the board's section of the Markdown and its PDF page.
const BoardTitle = "Options we looked at"

// boardTable is the board as the cells of a table: a header and one row a
// program. Without names, programs are "Option 1", "Option 2" ... in board
// order and a program that does not fit says so without its reason, which
// names places and jobs. stale marks the name of an entry to check again.
func boardTable(rows []planner.BoardRow, names bool, stale func(string) string) (head []string, cells [][]string) {
	first := "Option"
	if names {
		first = "Program"
	}
	head = []string{first, "Fits", "Track", "Days", "Times", "Hours lost", "Covers", "Travel added", "Home by"}
	for i, r := range rows {
		name := fmt.Sprintf("Option %d", i+1)
		if names {
			name = r.Name
		}
		if r.Stale {
			name = stale(name)
		}
		if !r.Fits {
			why := "does not fit this week"
			if names {
				why = r.Reason
			}
			cells = append(cells, []string{name, "no", why, "", "", "", "", "", ""})
			continue
		}
		p := &r.Best
		track := p.Track
		if !names {
			track = ""
		}
		cells = append(cells, []string{name, "yes", track, r.Days(), r.Times(), planner.FormatDuration(p.UnpaidMinutes),
			fmt.Sprint(len(p.Covered)), planner.FormatDuration(p.AddedTravel), planner.FormatLatestHome(p.LatestHome)})
	}
	return head, cells
}

// BoardMarkdown is the board as a Markdown section: a table of every
// program considered, and why those that do not fit do not.
func BoardMarkdown(rows []planner.BoardRow, names bool) string {
	if len(rows) == 0 {
		return ""
	}
	head, cells := boardTable(rows, names, func(n string) string { return n + " (" + staleWarning(names) + ")" })
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", BoardTitle)
	cell := func(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
	b.WriteString("| " + strings.Join(head, " | ") + " |\n")
	b.WriteString(strings.Repeat("| --- ", len(head)) + "|\n")
	for _, row := range cells {
		if row[1] == "no" {
			fmt.Fprintf(&b, "| %s | no | %s |%s\n", cell(row[0]), cell(row[2]), strings.Repeat("  |", len(head)-3))
			continue
		}
		parts := make([]string, len(row))
		for i, c := range row {
			parts[i] = cell(c)
		}
		b.WriteString("| " + strings.Join(parts, " | ") + " |\n")
	}
	return b.String()
}

// drawBoardPage adds a page with the board as a table.
func drawBoardPage(pdf *fpdf.Fpdf, tr func(string) string, rows []planner.BoardRow, names bool) {
	if len(rows) == 0 {
		return
	}
	pdf.AddPage()
	pageW, pageH := pdf.GetPageSize()
	pdf.SetXY(10, 10)
	pdf.SetFont("Helvetica", "B", 15)
	pdf.CellFormat(pageW-20, 8, tr(BoardTitle), "", 1, "L", false, 0, "")
	anyStale := false
	head, cells := boardTable(rows, names, func(n string) string { anyStale = true; return "* " + n })
	widths := []float64{0.24, 0.05, 0.11, 0.12, 0.12, 0.08, 0.06, 0.1, 0.08}
	for i := range widths {
		widths[i] *= pageW - 20
	}
	row := func(cols []string, style string) {
		pdf.SetFont("Helvetica", style, 8.5)
		pdf.SetX(10)
		if len(cols) > 2 && cols[1] == "no" {
			pdf.CellFormat(widths[0], 5.5, tr(fit(pdf, tr, cols[0], widths[0])), "B", 0, "L", false, 0, "")
			pdf.CellFormat(widths[1], 5.5, "no", "B", 0, "L", false, 0, "")
			rest := pageW - 20 - widths[0] - widths[1]
			pdf.CellFormat(rest, 5.5, tr(fit(pdf, tr, cols[2], rest)), "B", 1, "L", false, 0, "")
			return
		}
		for i, c := range cols {
			pdf.CellFormat(widths[i], 5.5, tr(fit(pdf, tr, c, widths[i])), "B", 0, "L", false, 0, "")
		}
		pdf.Ln(-1)
	}
	row(head, "B")
	for i, c := range cells {
		if pdf.GetY() > pageH-16 {
			pdf.SetFont("Helvetica", "", 8.5)
			pdf.SetX(10)
			pdf.CellFormat(pageW-20, 5, fmt.Sprintf("... and %d more (the Markdown export lists all)", len(cells)-i), "", 1, "L", false, 0, "")
			break
		}
		row(c, "")
	}
	if anyStale {
		pdf.SetFont("Helvetica", "", 8.5)
		pdf.SetX(10)
		pdf.CellFormat(pageW-20, 6, tr("* "+staleWarning(names)+": last verified more than 90 days ago."), "", 1, "L", false, 0, "")
	}
}

// fit cuts s with "..." until it fits w millimetres.
func fit(pdf *fpdf.Fpdf, tr func(string) string, s string, w float64) string {
	for r := []rune(s); pdf.GetStringWidth(tr(s)) > w-1 && len(r) > 4; {
		r = r[:len(r)-4]
		s = string(r) + "..."
	}
	return s
}
