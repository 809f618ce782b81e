package export

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"weekfit/planner"
)

func testPlan(t *testing.T, name string) (*planner.Scenario, planner.Plan) {
	t.Helper()
	sc := loadExportScenario(t, name)
	res, err := planner.Solve(sc, planner.Options{Top: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Plans) == 0 {
		t.Fatalf("%s: no plan fits", name)
	}
	return sc, res.Plans[0]
}

// poppler runs a poppler tool with a time limit.
func poppler(t *testing.T, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// renderPDFFile writes the handout to a temporary file and returns its path.
func renderPDFFile(t *testing.T, sc *planner.Scenario, p planner.Plan, opt Options) string {
	t.Helper()
	out, err := Render("pdf", sc, p, opt)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "handout.pdf")
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPDFOnePagePerPaperWithEverySession(t *testing.T) {
	needTool(t, "pdftoppm")
	needTool(t, "pdftotext")
	for _, file := range []string{"export_office.json", "export_rotation.json"} {
		sc, p := testPlan(t, file)
		for _, paper := range []string{"a4", "letter"} {
			for _, names := range []bool{false, true} {
				opt := Options{Start: ymd("2026-10-28"), Paper: paper, Names: names, Now: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)}
				path := renderPDFFile(t, sc, p, opt)
				prefix := filepath.Join(t.TempDir(), "page")
				poppler(t, "pdftoppm", "-r", "30", "-png", path, prefix)
				pages, _ := filepath.Glob(prefix + "*.png")
				if len(pages) != 1 {
					t.Errorf("%s on %s: %d pages, want 1", file, paper, len(pages))
				}
				text := poppler(t, "pdftotext", "-layout", path, "-")
				for _, s := range p.Sessions {
					if want := s.Day.String() + " " + s.Time.String(); !strings.Contains(text, want) {
						t.Errorf("%s on %s: text lacks session %q", file, paper, want)
					}
				}
				size := poppler(t, "pdfinfo", path)
				if wantSize := map[string]string{"a4": "(A4)", "letter": "(letter)"}[paper]; !strings.Contains(size, wantSize) {
					t.Errorf("%s: pdfinfo says\n%s\nwant a page size %s", paper, size, wantSize)
				}
				if !strings.Contains(size, "841.89 x 595.28") && !strings.Contains(size, "792 x 612") {
					t.Errorf("%s: page is not landscape:\n%s", paper, size)
				}
			}
		}
	}
}

func TestPDFLongRotationStaysOnePage(t *testing.T) {
	needTool(t, "pdftotext")
	sc := &planner.Scenario{CycleWeeks: 8, Jobs: []planner.Job{{Name: "J", Place: "work", Shifts: []planner.Span{{Days: 0x1f, Time: clock("09:00", "17:00")}}}},
		Programs: []planner.Program{{ID: "p", Name: "X", MinDays: 5, MinMinutes: 900, Weeks: 16, Tracks: []planner.Track{{Name: "T"}}}}}
	p := planner.Plan{Program: "p", ProgramName: "X", Track: "T"}
	for w := 1; w <= 8; w++ {
		for d := planner.Mon; d <= planner.Fri; d++ {
			p.Sessions = append(p.Sessions, planner.Session{Week: w, Day: d, Time: clock("18:00", "21:00"), Track: "T"})
			p.ShiftChanges = append(p.ShiftChanges, planner.ShiftChange{Job: "J", Week: w, Day: d, From: clock("09:00", "17:00"), To: clock("08:00", "16:00")})
		}
	}
	path := renderPDFFile(t, sc, p, Options{Start: ymd("2026-03-02"), Paper: "letter"})
	text := poppler(t, "pdftotext", path, "-")
	if n := strings.Count(text, "\f"); n != 1 {
		t.Errorf("%d pages, want 1", n)
	}
	if !strings.Contains(text, "more (the Markdown export lists all)") {
		t.Errorf("40 changes should be cut short with a note; text:\n%s", text)
	}
}

func TestPaperNames(t *testing.T) {
	for in, want := range map[string]string{"": "A4", "a4": "A4", "A4": "A4", "letter": "Letter", "Letter": "Letter"} {
		if got, err := pdfPaper(in); err != nil || got != want {
			t.Errorf("pdfPaper(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := pdfPaper("legal"); err == nil {
		t.Error("pdfPaper(legal) gave no error")
	}
}
