package tui

import (
	"strings"
	"testing"
)

// TestEditPlacesByName: the Edit screen shows the places a job, a leg, a
// duty or a program is at by their names, never their ids, and takes a name.
func TestEditPlacesByName(t *testing.T) {
	for _, tc := range []struct {
		name, typed, wantID, wantErr string
	}{
		{"a place's name", "Riverside Recovery", "clinic", ""},
		{"a name in another case, with spaces", "  riverside recovery ", "clinic", ""},
		{"home", "home", "home", ""},
		{"an id still works", "clinic", "clinic", ""},
		{"a name no place has", "moon", "", "moon"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := started(t, storeWith(t, 1), 120, 40)
			m = typeKeys(m, "e")
			m = gotoField(t, m, "place", "Office")
			keys := []string{"enter", "ctrl+u"}
			for _, r := range tc.typed {
				keys = append(keys, string(r))
			}
			m = typeKeys(m, append(keys, "enter")...)
			if tc.wantErr != "" {
				if !m.edit.editing || !strings.Contains(m.edit.err, tc.wantErr) {
					t.Fatalf("typing %q: editing %v, error %q; want an error naming %q", tc.typed, m.edit.editing, m.edit.err, tc.wantErr)
				}
				if got := m.d.sc.Jobs[0].Place; got != "work" {
					t.Errorf("the job's place became %q after an error", got)
				}
				return
			}
			if m.edit.err != "" || m.d.sc.Jobs[0].Place != tc.wantID {
				t.Fatalf("typing %q: place %q, error %q; want %q", tc.typed, m.d.sc.Jobs[0].Place, m.edit.err, tc.wantID)
			}
		})
	}
}

func TestEditShowsNoPlaceIDs(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 200)
	m = typeKeys(m, "e")
	v := view(m)
	for _, id := range []string{"place (id", "from (id", "to (id", " work ", " clinic", " home "} {
		if strings.Contains(v, id) {
			t.Errorf("the Edit screen shows %q:\n%s", id, v)
		}
	}
	for _, name := range []string{"Office", "Riverside Recovery", "Home"} {
		if !strings.Contains(v, name) {
			t.Errorf("the Edit screen lacks the place name %q:\n%s", name, v)
		}
	}
	// A renamed place shows under its new name wherever it is used.
	m = gotoField(t, m, "place 3", "Office")
	m = typeKeys(m, "enter", "ctrl+u", "D", "e", "p", "o", "t", "enter")
	if n := strings.Count(view(m), "Depot"); n < 4 {
		t.Errorf("the renamed place shows %d times, want 4 (the place, the job, two legs):\n%s", n, view(m))
	}
	if m.d.sc.Jobs[0].Place != "work" {
		t.Errorf("renaming the place changed the job's reference to %q", m.d.sc.Jobs[0].Place)
	}
}
