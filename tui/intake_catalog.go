package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/huh"

	"weekfit/planner"
)

// picked returns the catalog program the person picked, or nil when they
// describe their own (or have since typed a name it does not match).
func (a *intakeAnswers) picked() *planner.Program {
	if a.ProgCatalog == "" || a.cat == nil {
		return nil
	}
	if i := a.cat.ProgramIndex(a.ProgCatalog); i >= 0 && a.cat.Matches(i, a.ProgName) {
		return &a.cat.Programs[i]
	}
	return nil
}

// described reports whether the program is described in the interview,
// not picked from the catalog.
func (a *intakeAnswers) described() bool { return a.picked() == nil }

// matches returns the catalog programs whose words hold every word of the
// program's name as typed.
func (a *intakeAnswers) matches() []*planner.Program {
	if a.cat == nil || strings.TrimSpace(a.ProgName) == "" {
		return nil
	}
	var out []*planner.Program
	for i := range a.cat.Programs {
		if a.cat.Matches(i, a.ProgName) {
			out = append(out, &a.cat.Programs[i])
		}
	}
	return out
}

// catalogPick asks, when the name typed matches programs of the clinic's
// catalog, whether it is one of them; with none matching it is not asked.
func (k *asker) catalogPick() askGroup {
	a := k.a
	options := func() []huh.Option[string] {
		opts := []huh.Option[string]{huh.NewOption("No, I will describe it", "")}
		for _, p := range a.matches() {
			opts = append(opts, huh.NewOption(a.catalogLabel(p), p.ID))
		}
		return opts
	}
	sel := huh.NewSelect[string]().Title(k.title("Is it one of these, from the clinic's list?")).Value(&a.ProgCatalog)
	// The options are given as the group is about to show, when the name is
	// known: huh asks whether to hide a group just before it shows it.
	// OptionsFunc would load them by a command, after keys typed quickly,
	// and huh's accessible mode never calls it.
	hide := func() bool {
		if len(a.matches()) == 0 {
			return true
		}
		sel.Options(options()...)
		return false
	}
	return askGroup{hide: hide, fields: []huh.Field{sel}}
}

// catalogLabel names a catalog program with its place, or says it is virtual.
func (a *intakeAnswers) catalogLabel(p *planner.Program) string {
	if p.Modality == planner.Virtual {
		return p.Name + " (virtual)"
	}
	return fmt.Sprintf("%s, at %s", p.Name, a.cat.PlaceName(p.Place))
}

// pickedProgram names the picked program in the week and adds the trips to
// its place, which the catalog holds.
func (b *builder) pickedProgram(p *planner.Program) {
	a := b.a
	b.sc.Catalog = append(slices.DeleteFunc(slices.Clone(a.catalog), func(id string) bool { return id == p.ID }), p.ID)
	b.sc.ArriveEarly = b.number("Programs", "minutes early", or(a.Early, defEarly))
	if p.Modality == planner.Virtual {
		return
	}
	b.leg("Programs", planner.Home, p.Place, a.tripText(tripHome, tripProgram))
	b.fromWork("Programs", p.Place, tripProgram)
}

// pickedSentence says which catalog program was picked, where it is and
// its tracks.
func (a *intakeAnswers) pickedSentence(p *planner.Program) string {
	where := "virtual, from home"
	if p.Modality != planner.Virtual {
		where = fmt.Sprintf("at %s (%s)", a.cat.PlaceName(p.Place), a.tripsText(tripProgram))
	}
	var tracks []string
	for _, t := range p.Tracks {
		var spans []string
		for _, s := range t.Sessions {
			spans = append(spans, s.Days.String()+" "+s.Time.String())
		}
		tracks = append(tracks, t.Name+" "+strings.Join(spans, ", "))
	}
	return fmt.Sprintf("%s, from the clinic's list, is %s: %s; at least %d days and %d hours a week.",
		p.Name, where, strings.Join(tracks, " or "), p.MinDays, p.MinMinutes/60)
}

// fillPicked fills the answers of a week whose only program is one catalog
// program, and says whether it did.
func (f *filler) fillPicked() bool {
	a, sc := f.a, f.sc
	if len(sc.Programs) > 0 || len(sc.Catalog) != 1 || a.cat == nil {
		return false
	}
	i := a.cat.ProgramIndex(sc.Catalog[0])
	if i < 0 {
		return false
	}
	p := a.cat.Programs[i]
	a.ProgCatalog, a.ProgName, a.catalog = p.ID, p.Name, nil
	if p.Modality != planner.Virtual {
		f.end(tripProgram, p.Place)
	}
	return true
}
