package tui

import (
	"os"
	"strings"
	"testing"

	"weekfit/planner"
)

// mixedStore holds one profile whose only plan mixes tracks, moves the
// Monday and Tuesday shifts alike and has Mom cover dinner.
func mixedStore(t testing.TB) *fakeStore {
	t.Helper()
	data, err := os.ReadFile("testdata/mixed.json")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	st := newFakeStore()
	if _, err := st.NewProfile("Sam", sc); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestPlanSaysWhatAPersonNeeds checks each screen shows a plan's own session
// starts, home time, unpaid time, work changes in short form and covers.
func TestPlanSaysWhatAPersonNeeds(t *testing.T) {
	cases := []struct {
		name   string
		keys   []string
		width  int
		wants  []string
		absent []string
	}{
		{"plans row", []string{"2"}, 120, []string{
			"1. mixed: Mon 18:00, Tue 18:00, Sat 09:00 · home by 21:20 · unpaid 0m",
			"work Office Mon,Tue 08:50-17:40 · covers Dinner Mon,Tue by Mom · +travel 1h20",
		}, nil},
		{"plans row at 80", []string{"2"}, 80, []string{"Mon 18:00, Tue 18:00, Sat 09:00", "work Office Mon,Tue 08:50-17:40"}, nil},
		{"week panel", nil, 120, []string{"work Office Mon,Tue 08:50-17:40", "covers Dinner Mon,Tue by Mom"}, []string{"shift changes 2"}},
		{"week panel at 80", nil, 80, []string{"work Office Mon,Tue 08:50-17:40", "covers Dinner Mon,Tue by Mom"}, nil},
		{"compare", []string{"3"}, 120, []string{"8 weeks", "at Lakeside", "covers 2", "Dinner Mon,Tue by Mom", "Office Mon,Tue 08:50-17:40"}, nil},
		{"discreet plans row", []string{"d", "2"}, 120, []string{"covers Duty 1 Mon,Tue by Helper A"}, []string{"Mom", "Dinner"}},
		{"discreet compare", []string{"d", "3"}, 120, []string{"at Place A", "Duty 1 Mon,Tue by Helper A"}, []string{"Mom", "Dinner", "Lakeside"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := started(t, mixedStore(t), c.width, 40)
			m = typeKeys(m, c.keys...)
			v := view(m)
			for _, w := range c.wants {
				if !strings.Contains(v, w) {
					t.Errorf("screen lacks %q:\n%s", w, v)
				}
			}
			for _, a := range c.absent {
				if strings.Contains(v, a) {
					t.Errorf("screen shows %q:\n%s", a, v)
				}
			}
		})
	}
}
