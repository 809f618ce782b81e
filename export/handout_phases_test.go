package export

import (
	"strings"
	"testing"
	"time"

	"weekfit/planner"
)

// TestPhasedGolden keeps the Markdown handout (neutral and with names), the
// CSV and the employer note of the evening-then-aftercare plan.
func TestPhasedGolden(t *testing.T) {
	sc, p := phasedPlan(t)
	opt := Options{Start: ymd("2027-10-25"), Loc: time.UTC, Now: time.Date(2027, 10, 1, 9, 0, 0, 0, time.UTC)}
	for _, c := range []struct {
		format, file string
		names        bool
	}{
		{"md", "phases.md", false}, {"md", "phases.names.md", true}, {"csv", "phases.csv", false}, {"employer", "phases.employer.txt", false},
	} {
		o := opt
		o.Names = c.names
		out, err := Render(c.format, sc, p, o)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, c.file, out)
		if !c.names {
			low := strings.ToLower(string(out))
			for _, w := range append(planner.SensitiveWords(), "intensive", "aftercare", "lakeside") {
				if strings.Contains(low, w) {
					t.Errorf("%s holds %q", c.file, w)
				}
			}
		}
	}
}

// TestPhasedSessionDays: the times of each session day come from the
// phase's own week: leave work at 17:00 for the clinic 20 minutes away, be
// there at 17:20 for 17:30, home at 21:25 (25 minutes from the clinic).
func TestPhasedSessionDays(t *testing.T) {
	sc, p := phasedPlan(t)
	var got []string
	for k := range p.Phases {
		for _, r := range dayTimes(sc, &p, k) {
			got = append(got, strings.Join([]string{r.day, r.leave, r.arrive, r.session, r.home}, " "))
		}
	}
	want := "[Mon 17:00 17:20 17:30-21:00 21:25 Tue 17:00 17:20 17:30-21:00 21:25 Thu 17:00 17:20 17:30-21:00 21:25 Thu 17:30 17:50 18:00-19:00 19:25]"
	if strings.Join(got, " ") != strings.Trim(want, "[]") {
		t.Fatalf("session days %v\nwant %s", got, want)
	}
}

// TestPhasedPDF: the one-page handout of a phased plan lists each phase
// and the key dates.
func TestPhasedPDF(t *testing.T) {
	needTool(t, "pdftotext")
	sc, p := phasedPlan(t)
	path := renderPDFFile(t, sc, p, Options{Start: ymd("2027-10-25"), Paper: "letter", Now: time.Date(2027, 10, 1, 0, 0, 0, 0, time.UTC)})
	text := poppler(t, "pdftotext", "-layout", path, "-")
	for _, want := range []string{"Phases and key dates", "1: 25 Oct to Sun 5 Dec 2027, Mon, Tue, Thu 17:30-21:00",
		"2: 6 Dec to Sun 27 Feb 2028, Thu 18:00-19:00", "No session (closed): Thu 25 Nov 2027"} {
		if !strings.Contains(text, want) {
			t.Errorf("the handout lacks %q:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "\f"); n != 1 {
		t.Errorf("%d pages, want 1", n)
	}
}
