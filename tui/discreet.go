package tui

import (
	"fmt"
	"slices"
	"strings"

	"weekfit/planner"
)

// appointment is the neutral word for a session in discreet mode.
const appointment = "Appointment"

// neutral returns a copy of sc with program, place, duty and helper names
// replaced by neutral labels ("Appointment", "Place A", "Duty 1", "Helper A"),
// and a replacer that does the same to free text such as rejection reasons.
// Ids stay as they are, so plans still apply to the copy; a helper's covers
// name the duties' labels, so the copy covers what the week covers.
func neutral(sc *planner.Scenario) (*planner.Scenario, *strings.Replacer) {
	c := sc.Clone()
	var pairs []string
	for i := range c.Programs {
		p := &c.Programs[i]
		label := appointment
		if len(c.Programs) > 1 {
			label = fmt.Sprintf("%s %c", appointment, 'A'+rune(i%26))
		}
		pairs = append(pairs, p.Name, label, p.ID, label)
		p.Name = label
	}
	n := 0
	for i := range c.Places {
		p := &c.Places[i]
		if p.ID == planner.Home {
			continue
		}
		label := fmt.Sprintf("Place %c", 'A'+rune(n%26))
		n++
		pairs = append(pairs, sc.PlaceName(p.ID), label)
		p.Name = label
	}
	pairs = append(pairs, neutralPeople(sc, c)...)
	return c, strings.NewReplacer(longestFirst(pairs)...)
}

// neutralPeople gives the duties and helpers of c, a copy of sc, their
// neutral labels, and returns the old/new pairs for free text.
func neutralPeople(sc, c *planner.Scenario) []string {
	var pairs []string
	duty := map[string]string{}
	for i := range c.Commitments {
		x := &c.Commitments[i]
		label := planner.DutyLabel(sc, x.Name, false)
		duty[x.Name] = label
		pairs = append(pairs, x.Name, label)
		x.Name = label
	}
	for i := range c.Support {
		x := &c.Support[i]
		label := planner.HelperLabel(sc, x.Name, false)
		pairs = append(pairs, x.Name, label)
		x.Name = label
		for k, name := range x.Covers {
			if l, ok := duty[name]; ok {
				x.Covers[k] = l
			}
		}
	}
	return pairs
}

// longestFirst orders old/new pairs so a longer name is replaced before a
// shorter one it contains.
func longestFirst(pairs []string) []string {
	type pair struct{ old, new string }
	var ps []pair
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] != "" {
			ps = append(ps, pair{pairs[i], pairs[i+1]})
		}
	}
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && len(ps[j].old) > len(ps[j-1].old); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	out := make([]string, 0, 2*len(ps))
	for _, p := range ps {
		out = append(out, p.old, p.new)
	}
	return out
}

// namedLike returns a copy of sc, the week as stored, with the names that
// shown (a neutral copy of the week with its catalog programs merged in)
// gives the same places, programs, duties and helpers, so that the Edit
// screen, which shows the stored week field by field, uses the labels every
// other screen uses. Merging the catalog reorders the places, so they are
// matched by id; duties and helpers keep their order.
func namedLike(sc, shown *planner.Scenario) *planner.Scenario {
	c := sc.Clone()
	for i := range c.Places {
		if j := slices.IndexFunc(shown.Places, func(p planner.Place) bool { return p.ID == c.Places[i].ID }); j >= 0 {
			c.Places[i].Name = shown.Places[j].Name
		}
	}
	for i := range c.Programs {
		if j := shown.ProgramIndex(c.Programs[i].ID); j >= 0 {
			c.Programs[i].Name = shown.Programs[j].Name
		}
	}
	if len(c.Commitments) == len(shown.Commitments) {
		for i := range c.Commitments {
			c.Commitments[i].Name = shown.Commitments[i].Name
		}
	}
	if len(c.Support) == len(shown.Support) {
		for i := range c.Support {
			c.Support[i].Name = shown.Support[i].Name
			c.Support[i].Covers = slices.Clone(shown.Support[i].Covers)
		}
	}
	return c
}
