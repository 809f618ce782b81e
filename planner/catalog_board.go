package planner

import (
	"fmt"
	"strings"
	"time"
)

// BoardRow is one program on the program board: whether any plan of it fits
// the week, its best plan, and otherwise the first reason it does not fit.
type BoardRow struct {
	Program string // program id
	Name    string
	Catalog bool // from the catalog rather than the week's own programs
	Fits    bool
	Best    Plan   // the program's best plan, when it fits
	Reason  string // when it does not fit: the first reason, with its track when it has several
	Details Details
	Stale   bool // the catalog entry was last verified more than StaleAfterDays ago
}

// Days lists the days of the best plan's sessions, in week order
// ("Mon,Tue,Thu"); "" when it does not fit.
func (r BoardRow) Days() string {
	var set DaySet
	for _, s := range r.Best.Sessions {
		set = set.With(s.Day)
	}
	if set == 0 {
		return ""
	}
	out := make([]string, 0, 7)
	for _, d := range set.Days() {
		out = append(out, d.String())
	}
	return strings.Join(out, ",")
}

// Times lists the best plan's session times, each once ("18:00-21:00").
func (r BoardRow) Times() string {
	var out []string
	seen := map[Clock]bool{}
	for _, s := range r.Best.Sessions {
		if !seen[s.Time] {
			seen[s.Time] = true
			out = append(out, s.Time.String())
		}
	}
	return strings.Join(out, ", ")
}

// Board solves the week once for every program it considers and returns
// one row per program, in the week's program order: the best plan of each
// (ranked as Solve ranks plans), or why none fits. It costs about one
// Solve: each track is searched once, bounded by its program's best plan so
// far. sc is a week merged with its catalog programs (WithCatalog); cat
// gives their details and may be nil; ids names the programs that came from
// the catalog; today dates the stale warnings. opt.Top is ignored.
func Board(sc *Scenario, cat *Catalog, catalogIDs []string, today time.Time, opt Options) ([]BoardRow, error) {
	if sc == nil {
		return nil, fmt.Errorf("program board: no scenario")
	}
	opt.Top = 1 // each track's best plan is all a row needs
	s := newSolver(compile(sc), opt, newBudget(opt.Context, exhaustiveLimit))
	best := make([]*planCand, len(sc.Programs))
	reasons := make([][]string, len(sc.Programs))
	groups := make([]int, len(sc.Programs))
	for gi := range s.groups {
		if s.bud.check(); s.bud.halted() {
			return nil, fmt.Errorf("program board: %s", s.bud.why)
		}
		g := &s.groups[gi]
		groups[g.prog]++
		var bound *rankKey
		if b := best[g.prog]; b != nil {
			bound = &b.key
		}
		cs, fits := s.solveOne(gi, bound)
		if !fits {
			if reasons[g.prog] == nil {
				if why := s.explainGroup(gi); len(why) > 0 && !s.bud.halted() {
					reasons[g.prog] = []string{g.name, why[0]}
				}
			}
			continue
		}
		for i := range cs {
			if best[g.prog] == nil || cs[i].less(best[g.prog]) {
				c := cs[i]
				best[g.prog] = &c
			}
		}
	}
	if s.bud.halted() {
		return nil, fmt.Errorf("program board: %s", s.bud.why)
	}
	// the best plans' bends are worked out outside the budget, as Solve does
	s.bud, s.scr.bud = nil, nil
	fromCatalog := map[string]bool{}
	for _, id := range catalogIDs {
		fromCatalog[id] = true
	}
	rows := make([]BoardRow, 0, len(sc.Programs))
	for pi, p := range sc.Programs {
		if groups[pi] == 0 {
			continue // left out by opt.Programs
		}
		row := BoardRow{Program: p.ID, Name: p.Name, Catalog: fromCatalog[p.ID]}
		if cat != nil && row.Catalog {
			row.Details = cat.Details[p.ID]
			row.Stale = row.Details.Stale(today)
		}
		if best[pi] != nil {
			row.Fits, row.Best = true, s.makePlan(best[pi])
		} else if reasons[pi] != nil && groups[pi] > 1 {
			row.Reason = reasons[pi][0] + ": " + reasons[pi][1]
		} else if reasons[pi] != nil {
			row.Reason = reasons[pi][1]
		} else {
			row.Reason = "no plan fits"
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// WithWholeCatalog returns the week merged with every program of the
// catalog (those it names and all the others), for a board of every option.
// A catalog program whose id one of the week's own programs has is left out.
func (s *Scenario) WithWholeCatalog(c *Catalog) (*Scenario, []string, error) {
	wide := s.Clone()
	have := map[string]bool{}
	for _, p := range s.Programs {
		have[p.ID] = true
	}
	wide.Catalog = nil
	for _, p := range c.Programs {
		if !have[p.ID] {
			have[p.ID] = true
			wide.Catalog = append(wide.Catalog, p.ID)
		}
	}
	full, err := wide.WithCatalog(c)
	if err != nil {
		return nil, nil, err
	}
	return full, wide.Catalog, nil
}
