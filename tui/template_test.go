package tui

import (
	"testing"

	"weekfit/planner"
)

// The example week is worked out only when a profile is made from it: an
// empty database makes its first profile from it, a new profile starts
// from it, and a database with profiles opens without asking for it.
func TestTemplateIsReadOnlyForANewProfile(t *testing.T) {
	calls := 0
	opt := Options{Template: func() *planner.Scenario {
		calls++
		sc := office(t)
		sc.Name = "Example week"
		return sc
	}}
	startedWith(t, storeWith(t, 2), opt, 120, 40)
	if calls != 0 {
		t.Fatalf("opening a database with profiles read the example week %d times", calls)
	}

	st := newFakeStore()
	m := startedWith(t, st, opt, 120, 40)
	if calls != 1 {
		t.Fatalf("an empty database read the example week %d times, want 1", calls)
	}
	list, err := st.ListProfiles()
	if err != nil || len(list) != 1 || list[0].Name != "Me" {
		t.Fatalf("the first profile: %+v, %v", list, err)
	}

	run(m, newProfileMsg{name: "Sam"})
	if calls != 2 {
		t.Fatalf("a new profile read the example week %d times in all, want 2", calls)
	}
	list, _ = st.ListProfiles()
	var sam string
	for _, p := range list {
		if p.Name == "Sam" {
			sam = p.ID
		}
	}
	if sam == "" {
		t.Fatalf("no profile Sam after adding it: %+v", list)
	}
	sc, err := st.Scenario(sam)
	if err != nil || sc.Name != "Sam" || len(sc.Jobs) == 0 {
		t.Fatalf("Sam's week: %+v, %v; want the example week named Sam", sc, err)
	}
}
