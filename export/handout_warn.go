package export

import (
	"fmt"
	"strings"

	"weekfit/planner"
)

// maxPDFWarnings is how many warnings the PDF handout has room for.
const maxPDFWarnings = 4

// warningLines are the sentences of plan p's warnings (planner.PlanChecks),
// with neutral labels for places, jobs, duties and programs unless names.
func warningLines(sc *planner.Scenario, p *planner.Plan, names bool) []string {
	ck := planner.PlanChecks(sc, p)
	r := strings.NewReplacer()
	if !names {
		r = neutralNames(sc)
	}
	out := make([]string, 0, len(ck.Warnings))
	for _, w := range ck.Warnings {
		out = append(out, r.Replace(w.Text))
	}
	return out
}

// neutralNames replaces the names a warning may hold with the labels the
// exports use: "Work" for a job, "Duty 1" for a commitment, the neutral
// label for a program, and "Place A", "Place B" ... for places (home stays
// "Home"). Longer names go first, so that one name inside another is
// replaced whole.
func neutralNames(sc *planner.Scenario) *strings.Replacer {
	type pair struct{ from, to string }
	var pairs []pair
	n := 0
	for _, pl := range sc.Places {
		if pl.ID == planner.Home {
			continue
		}
		pairs = append(pairs, pair{sc.PlaceName(pl.ID), fmt.Sprintf("Place %c", 'A'+rune(n%26))})
		n++
	}
	for _, j := range sc.Jobs {
		pairs = append(pairs, pair{j.Name, planner.JobLabel(sc, j.Name, false)})
	}
	for _, c := range sc.Commitments {
		pairs = append(pairs, pair{c.Name, planner.DutyLabel(sc, c.Name, false)})
	}
	for _, pr := range sc.Programs {
		pairs = append(pairs, pair{pr.Name, planner.NeutralLabel})
	}
	for i := 1; i < len(pairs); i++ {
		for j := i; j > 0 && len(pairs[j].from) > len(pairs[j-1].from); j-- {
			pairs[j], pairs[j-1] = pairs[j-1], pairs[j]
		}
	}
	var args []string
	for _, p := range pairs {
		if p.from != "" {
			args = append(args, p.from, p.to)
		}
	}
	return strings.NewReplacer(args...)
}

// drawWarnings writes the handout's warnings in the right column, wrapped,
// at most maxPDFWarnings of them.
func drawWarnings(pg *pdfPage, warnings []string) {
	if len(warnings) == 0 {
		return
	}
	pg.heading("Watch out")
	for i, w := range warnings {
		if i == maxPDFWarnings-1 && len(warnings) > maxPDFWarnings {
			pg.line(pg.width, 4, fmt.Sprintf("... and %d more (the Markdown export lists all)", len(warnings)-i))
			return
		}
		pg.pdf.SetX(pg.left)
		pg.pdf.MultiCell(pg.width, 4, pg.tr(w), "", "L", false)
	}
}
