package export

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"weekfit/planner"
)

// withPeople is the office week with a duty and a helper whose names say
// what they are: the plan's evening sessions need the helper to cover it.
func withPeople(t *testing.T) (*planner.Scenario, planner.Plan) {
	t.Helper()
	sc := loadExportScenario(t, "export_office.json")
	days, err := planner.ParseDays("Mon-Fri")
	if err != nil {
		t.Fatal(err)
	}
	sc.Commitments = append(sc.Commitments, planner.Commitment{Name: "Family therapy",
		Span: planner.Span{Days: days, Time: planner.Clock{Start: 18 * 60, End: 19 * 60}}})
	sc.Support = append(sc.Support, planner.Support{Name: "Sponsor Bob from Narcotics Anonymous",
		Span: planner.Span{Days: days, Time: planner.Clock{Start: 17 * 60, End: 21 * 60}}, Covers: []string{"Family therapy"}})
	p := *bestPlan(t, sc)
	if len(p.Covered) == 0 {
		t.Fatal("the plan covers nothing; the test would pass anything")
	}
	return sc, p
}

// peopleWords are the parts of the duty's and the helper's names (not
// "family", which the grid's legend says of every duty).
var peopleWords = []string{"Family therapy", "therapy", "Sponsor", "Bob", "Narcotics", "Anonymous"}

func TestDiscreetExportsNameNoDutyOrHelper(t *testing.T) {
	sc, p := withPeople(t)
	opt := Options{Start: ymd("2026-03-02"), Loc: time.UTC, Travel: true, Now: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
	for _, f := range Formats() {
		if f.Name == "pdf" {
			if _, err := exec.LookPath("pdftotext"); err != nil {
				t.Log("pdftotext is not installed: the PDF is not checked")
				continue
			}
		}
		text := exportText(t, f.Name, sc, p, opt)
		for _, w := range peopleWords {
			if strings.Contains(strings.ToLower(text), strings.ToLower(w)) {
				t.Errorf("discreet %s holds %q", f.Name, w)
			}
		}
	}
	md := exportText(t, "md", sc, p, opt)
	if !strings.Contains(md, "Duty 1: ") || !strings.Contains(md, "by Helper A") {
		t.Errorf("the discreet handout does not say who covers what with neutral labels:\n%s", md)
	}
	named := opt
	named.Names = true
	md = exportText(t, "md", sc, p, named)
	if !strings.Contains(md, "Family therapy: ") || !strings.Contains(md, "by Sponsor Bob from Narcotics Anonymous") {
		t.Errorf("with names the handout lacks the duty or the helper:\n%s", md)
	}
}

func TestDutyAndHelperLabels(t *testing.T) {
	sc := &planner.Scenario{
		Commitments: []planner.Commitment{{Name: "School pickup"}, {Name: "Family therapy"}},
		Support:     []planner.Support{{Name: "Mom"}, {Name: "Sponsor Bob"}},
	}
	for i := 0; i < 30; i++ {
		sc.Support = append(sc.Support, planner.Support{Name: strings.Repeat("x", i+1)})
	}
	tests := []struct {
		got, want string
	}{
		{planner.DutyLabel(sc, "School pickup", false), "Duty 1"},
		{planner.DutyLabel(sc, "Family therapy", false), "Duty 2"},
		{planner.DutyLabel(sc, "Family therapy", true), "Family therapy"},
		{planner.DutyLabel(sc, "gone", false), "Duty"},
		{planner.HelperLabel(sc, "Mom", false), "Helper A"},
		{planner.HelperLabel(sc, "Sponsor Bob", false), "Helper B"},
		{planner.HelperLabel(sc, "Sponsor Bob", true), "Sponsor Bob"},
		{planner.HelperLabel(sc, strings.Repeat("x", 30), false), "Helper 32"},
		{planner.HelperLabel(sc, "gone", false), "Helper"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
