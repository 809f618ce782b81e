package tui

import (
	"strings"
	"testing"

	"weekfit/planner"
)

// TestDiscreetHidesDutiesAndHelpers checks every screen, in discreet mode,
// for the names of a duty and of the helper who covers it, and that the
// neutral week still covers what the real one does.
func TestDiscreetHidesDutiesAndHelpers(t *testing.T) {
	sc := office(t)
	days, err := planner.ParseDays("Mon-Thu")
	if err != nil {
		t.Fatal(err)
	}
	// at the time of the evening sessions, so that the plans use the cover
	sc.Commitments = []planner.Commitment{{Name: "Family therapy", Span: planner.Span{Days: days, Time: planner.Clock{Start: 1080, End: 1140}}}}
	sc.Support = []planner.Support{{Name: "Sponsor Bob", Span: planner.Span{Days: days, Time: planner.Clock{Start: 1020, End: 1200}},
		Covers: []string{"Family therapy"}}}
	st := newFakeStore()
	if _, err := st.NewProfile("Alex Doe", sc); err != nil {
		t.Fatal(err)
	}
	m := started(t, st, 160, 50)
	screens := []string{"1", "2", "3", "4"}
	seen := ""
	for _, s := range screens {
		seen += view(typeKeys(m, s))
	}
	if !strings.Contains(seen, "Family therap") {
		t.Fatalf("no screen shows the duty even outside discreet mode; the check would pass anything:\n%s", seen)
	}
	m = typeKeys(m, "d")
	covered := 0
	for _, b := range m.d.blocks {
		if b.Kind == planner.KindCovered {
			covered++
		}
	}
	if covered == 0 {
		t.Error("the neutral week covers nothing: the helper's covers lost the duty")
	}
	for _, s := range screens {
		v := view(typeKeys(m, s))
		for _, bad := range []string{"therap", "Sponsor", "Bob"} { // not "Family": the Edit screen heads its duties so
			if strings.Contains(v, bad) {
				t.Errorf("screen %s shows %q in discreet mode:\n%s", s, bad, v)
			}
		}
	}
}
