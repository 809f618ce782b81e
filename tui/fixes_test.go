package tui

import (
	"reflect"
	"strings"
	"testing"

	"weekfit/planner"
)

// TestPlansShowFixes checks the smallest fix under each track that does not
// fit on Plans, and the f key opening every fix, track by track.
func TestPlansShowFixes(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	m = typeKeys(m, "2")
	v := view(m)
	if !strings.Contains(v, "to fit, ask: Office: 12:20-20:20 instead of 09:00-17:00 on Mon, Wed, Fri") {
		t.Fatalf("Plans lacks the Morning track's smallest fix:\n%s", v)
	}
	if !strings.Contains(v, "f what to ask for") {
		t.Errorf("help lacks the fixes key:\n%s", v)
	}
	m = typeKeys(m, "f")
	v = view(m)
	for _, want := range []string{"What to ask for, track by track", "> Riverside Recovery IOP, Morning: 1 fix of 1 ask",
		"Fix 1: ask", "* Office: 12:20-20:20 instead of 09:00-17:00 on Mon, Wed, Fri", "gives sessions Mon 09:00-12:00, Wed 09:00-12:00, Fri 09:00-12:00", "f back to plans"} {
		if !strings.Contains(v, want) {
			t.Errorf("fixes view lacks %q:\n%s", want, v)
		}
	}
	m = typeKeys(m, "j")
	if v = view(m); !strings.Contains(v, "> Riverside Recovery IOP, Afternoon") || !strings.Contains(v, "Office: Mon, Tue, Thu off") {
		t.Errorf("j does not show the next track's fixes:\n%s", v)
	}
	m = typeKeys(m, "f")
	if v = view(m); strings.Contains(v, "What to ask for") || !strings.Contains(v, "Does not fit") {
		t.Errorf("f does not go back to the plans:\n%s", v)
	}
}

// TestFixesKeyOffWhenAllFit checks that the key does nothing, and help does
// not offer it, when every track fits.
func TestFixesKeyOffWhenAllFit(t *testing.T) {
	st := newFakeStore()
	sc := office(t)
	sc.Programs[0].Tracks = sc.Programs[0].Tracks[2:]
	if _, err := st.NewProfile("Alex Doe", sc); err != nil {
		t.Fatal(err)
	}
	m := started(t, st, 120, 40)
	m = typeKeys(m, "2", "f")
	if v := view(m); strings.Contains(v, "What to ask for") || strings.Contains(v, "what to ask for") {
		t.Errorf("fixes offered with every track fitting:\n%s", v)
	}
}

// TestFixesArriveAfterThePlans checks that the plans show at once, before
// the fixes are sought, and that fixes of an older week are dropped.
func TestFixesArriveAfterThePlans(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	m = typeKeys(m, "2")
	found := m.d.res
	res := *m.d.res
	res.Rejected = append([]planner.Rejection(nil), res.Rejected...)
	for i := range res.Rejected {
		res.Rejected[i].Fixes, res.Rejected[i].FixNote = nil, ""
	}
	m.d.res = &res
	m2, _ := m.Update(fixesMsg{seq: m.seq - 1, res: found})
	m = m2.(Model)
	m = typeKeys(m, "f")
	if v := view(m); !strings.Contains(v, "Morning: still looking for what to ask") {
		t.Fatalf("before its fixes arrive a track does not say so, or took an older week's:\n%s", v)
	}
	m2, _ = m.Update(fixesMsg{seq: m.seq, res: found})
	if v := view(m2.(Model)); !strings.Contains(v, "Morning: 1 fix of 1 ask") {
		t.Fatalf("the newest week's fixes are not shown:\n%s", v)
	}
}

// TestFixSavedAsWhatIf checks that w in the list of fixes saves the fix
// under the cursor as a what-if, with its asks, and leaves the week alone;
// and that without a what-if store the key is not offered.
func TestFixSavedAsWhatIf(t *testing.T) {
	m, st, wi := whatIfModel(t, 120, 40)
	before, _ := st.Scenario("p001")
	m = typeKeys(m, "2", "f")
	if !strings.Contains(view(m), "w save fix as a what-if") {
		t.Fatalf("help lacks the save key:\n%s", view(m))
	}
	typeKeys(m, "j", "w")
	list, _ := wi.WhatIfs("p001")
	if len(list) != 1 || list[0].Name != "Afternoon track, fix 1" || len(list[0].Asks) != 1 || list[0].Plan == nil {
		t.Fatalf("saved: %+v", list)
	}
	if got := planner.WeekChanges(before, list[0].Scenario); !reflect.DeepEqual(got, []string{"Office: Mon, Tue, Thu off (was 09:00-17:00)"}) {
		t.Fatalf("the what-if's week changes %q", got)
	}
	if now, _ := st.Scenario("p001"); now.Jobs[0].Shifts[0].Days != before.Jobs[0].Shifts[0].Days {
		t.Fatal("saving a fix as a what-if changed the week")
	}

	m2 := started(t, storeWith(t, 1), 120, 40)
	m2 = typeKeys(m2, "2", "f")
	if v := view(m2); strings.Contains(v, "save fix as a what-if") {
		t.Errorf("save offered without a what-if store:\n%s", v)
	}
}
