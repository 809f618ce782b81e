package export

import (
	"strings"
	"testing"
	"time"
)

// TestHandoutWarnings checks that the PDF and the Markdown handouts show the
// plan's warnings, with neutral labels unless names are on, and that the PDF
// cuts a long list short on its one page.
func TestHandoutWarnings(t *testing.T) {
	needTool(t, "pdftotext")
	sc, p := testPlan(t, "export_office.json")
	for _, names := range []bool{false, true} {
		opt := Options{Start: ymd("2026-10-28"), Paper: "a4", Names: names, Now: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)}
		md, err := Render("md", sc, p, opt)
		if err != nil {
			t.Fatal(err)
		}
		route, other := "Place B to Place A", "Office to Riverside Recovery"
		if names {
			route, other = other, route
		}
		want := "- On a bad-traffic day (every trip x1.5), Mon " + route + " arrives 15 min late for the session (be there 17:20)."
		if !strings.Contains(string(md), "## Watch out\n\n") || !strings.Contains(string(md), want) || strings.Contains(string(md), other) {
			t.Errorf("names %v: Markdown lacks %q or has %q:\n%s", names, want, other, md)
		}
		text := poppler(t, "pdftotext", renderPDFFile(t, sc, p, opt), "-")
		flat := strings.Join(strings.Fields(text), " ")
		for _, want := range []string{"Watch out", "Mon " + route + ": 0 min to spare", "... and 3 more (the Markdown export lists all)"} {
			if !strings.Contains(flat, want) {
				t.Errorf("names %v: PDF lacks %q:\n%s", names, want, text)
			}
		}
		if strings.Count(text, "\f") != 1 {
			t.Errorf("names %v: the PDF is not one page", names)
		}
	}
}
