package export

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/go-pdf/fpdf"

	"weekfit/planner"
)

// pdfPaper maps the --paper names to fpdf's page sizes.
func pdfPaper(name string) (string, error) {
	switch strings.ToLower(name) {
	case "", "a4":
		return "A4", nil
	case "letter":
		return "Letter", nil
	}
	return "", invalid("--paper: %q: use a4 or letter", name)
}

// pdfPage is the handout page being drawn: the document, its text translator
// and the column edges in millimetres.
type pdfPage struct {
	pdf              *fpdf.Fpdf
	tr               func(string) string
	left, top, width float64
	height           float64
}

// rgb is a fill colour.
type rgb struct{ r, g, b int }

// kindColour gives each kind of block a fill; the grid also prints its letter,
// so colour is never the only signal.
func kindColour(k planner.BlockKind) rgb {
	switch k {
	case planner.KindJob:
		return rgb{160, 180, 210}
	case planner.KindTravel:
		return rgb{245, 200, 140}
	case planner.KindSession:
		return rgb{140, 205, 150}
	case planner.KindCommitment:
		return rgb{200, 165, 215}
	case planner.KindCovered:
		return rgb{235, 220, 240}
	}
	return rgb{225, 225, 225}
}

// renderPDF writes the one-page handout of plan p in landscape on opt.Paper:
// the week grid with its legend on the left; the sessions, the minimum hours
// and length, the changes at work, who covers what and a blank box for notes
// on the right. Neutral labels unless opt.Names.
func renderPDF(sc *planner.Scenario, p planner.Plan, opt Options) ([]byte, error) {
	size, err := pdfPaper(opt.Paper)
	if err != nil {
		return nil, err
	}
	h := NewHandout(sc, &p, opt.planner())
	pdf := fpdf.New("L", "mm", size, "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(10, 10, 10)
	pdf.SetCreationDate(opt.Now)
	pdf.SetModificationDate(opt.Now)
	pdf.SetCatalogSort(true)
	pdf.SetCreator("weekfit", false)
	pdf.SetTitle("Weekly schedule", false)
	pdf.AddPage()
	pageW, pageH := pdf.GetPageSize()
	pg := &pdfPage{pdf: pdf, tr: pdf.UnicodeTranslatorFromDescriptor(""), left: 10, top: 10}

	pdf.SetFont("Helvetica", "B", 15)
	pg.line(pageW-20, 7, h.Title)
	pdf.SetFont("Helvetica", "", 9.5)
	for _, s := range []string{h.Subtitle, h.Period, h.Where} {
		if s != "" {
			pg.line(pageW-20, 4.6, s)
		}
	}
	top := pdf.GetY() + 3
	gridW := (pageW - 20) * 0.56
	drawGrids(pg, sc, &p, 10, top, gridW, pageH-10-top-12)
	drawLegend(pg, h.Legend, 10, pageH-18, gridW)

	right := &pdfPage{pdf: pdf, tr: pg.tr, left: 10 + gridW + 8, top: top, width: pageW - 20 - gridW - 8}
	right.height = pageH - 10 - top
	drawText(right, h)
	drawBoardPage(pdf, pg.tr, opt.Board, opt.Names)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	return buf.Bytes(), nil
}

// line writes one line of text at the left edge and moves down.
func (pg *pdfPage) line(w, lh float64, s string) {
	pg.pdf.SetX(pg.left)
	pg.pdf.CellFormat(w, lh, pg.tr(s), "", 1, "L", false, 0, "")
}

// heading writes a section heading in the right column.
func (pg *pdfPage) heading(s string) {
	pg.pdf.SetFont("Helvetica", "B", 10.5)
	pg.pdf.SetY(pg.pdf.GetY() + 1.5)
	pg.line(pg.width, 5.5, s)
	pg.pdf.SetFont("Helvetica", "", 8.5)
}

// items writes at most max lines, one item a line (cut to the column), and
// says how many more there are.
func (pg *pdfPage) items(list []string, none string, max int) {
	if len(list) == 0 {
		list = []string{none}
	}
	for i, s := range list {
		if i == max-1 && len(list) > max {
			pg.line(pg.width, 4, fmt.Sprintf("... and %d more (the Markdown export lists all)", len(list)-i))
			return
		}
		for r := []rune(s); pg.pdf.GetStringWidth(pg.tr(s)) > pg.width && len(r) > 4; {
			r = r[:len(r)-4]
			s = string(r) + "..."
		}
		pg.line(pg.width, 4, s)
	}
}

// drawText fills the right column: sessions one a line (so each day and time
// stays whole), what is needed, changes, covers, then a notes box to the foot.
func drawText(pg *pdfPage, h Handout) {
	pdf := pg.pdf
	pg.heading("When")
	var sessions []string
	for _, s := range h.Sessions {
		lead, rest, _ := strings.Cut(s, ": ")
		rest, total, _ := strings.Cut(rest, " (")
		for _, one := range strings.Split(rest, ", ") {
			sessions = append(sessions, fmt.Sprintf("%s: %s", lead, one))
		}
		sessions[len(sessions)-1] += " (" + strings.TrimSuffix(total, ")") + " that week)"
	}
	if len(sessions) > 16 {
		// A long rotation: one line a week, wrapped, instead of one a session.
		for _, s := range h.Sessions {
			pdf.SetX(pg.left)
			pdf.MultiCell(pg.width, 4, pg.tr(s), "", "L", false)
		}
	} else {
		pg.items(sessions, "None.", 16)
	}
	for _, s := range []string{h.Needs, h.Count} {
		if s != "" {
			pdf.SetX(pg.left)
			pdf.MultiCell(pg.width, 4, pg.tr(s), "", "L", false)
		}
	}
	if len(h.Phases) > 0 {
		pg.heading("Phases and key dates")
		pg.items(h.Phases, "", 8)
	}
	pg.heading("Changes at work")
	pg.items(h.Changes, "No changes.", 8)
	pg.heading("Who covers what")
	pg.items(h.Covers, "Nothing needs covering.", 5)
	drawWarnings(pg, h.Warnings)
	pg.heading(h.Notes)
	y := pdf.GetY() + 1
	if bottom := pg.top + pg.height; bottom-y > 10 {
		pdf.SetDrawColor(120, 120, 120)
		pdf.Rect(pg.left, y, pg.width, bottom-y, "D")
	}
}

// drawLegend writes the grid's key: a swatch and the letter's meaning.
func drawLegend(pg *pdfPage, legend []string, x, y, w float64) {
	pdf := pg.pdf
	pdf.SetFont("Helvetica", "", 7.5)
	kinds := []planner.BlockKind{planner.KindJob, planner.KindTravel, planner.KindSession, planner.KindCommitment, planner.KindCovered, planner.KindSleep}
	cx, cy := x, y
	for i, s := range legend {
		tw := pdf.GetStringWidth(pg.tr(s)) + 8
		if cx+tw > x+w {
			cx, cy = x, cy+4.5
		}
		switch {
		case i < len(kinds):
			c := kindColour(kinds[i])
			pdf.SetFillColor(c.r, c.g, c.b)
			pdf.Rect(cx, cy, 3, 3, "F")
		case i == len(kinds)+1: // clash
			pdf.SetFillColor(230, 80, 80)
			pdf.Rect(cx, cy, 3, 3, "F")
		default:
			pdf.SetDrawColor(160, 160, 160)
			pdf.Rect(cx, cy, 3, 3, "D")
		}
		pdf.Text(cx+4, cy+2.6, pg.tr(s))
		cx += tw
	}
}
