package tui

import (
	"fmt"
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
