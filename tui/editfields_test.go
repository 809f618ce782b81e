package tui

import (
	"os"
	"strings"
	"testing"

	"weekfit/planner"
)

// TestEditFieldsFollowTheWeek: the Edit screen keeps its fields between
// edits of the same shape and builds them again when an item is added or
// deleted; either way every line shows what the week holds now.
func TestEditFieldsFollowTheWeek(t *testing.T) {
	steps := []struct {
		name string
		keys []string
		want string // on the Edit screen afterwards
	}{
		{"change a shift's time", append([]string{"enter", "ctrl+u"}, strings.Split("08:00-16:00", "")...), "08:00-16:00"},
		{"add a shift", []string{"a"}, "shift 2"},
		{"delete the new shift", []string{"D"}, "deleted a shift"},
		{"undo the delete", []string{"u"}, "shift 2"},
		{"undo the add", []string{"u"}, "undone: added a shift"},
	}
	m := started(t, storeWith(t, 1), 120, 40)
	m = typeKeys(m, "e")
	for m.edit.fields[m.edit.cursor].label != "time" {
		m = typeKeys(m, "j")
	}
	for _, s := range steps {
		m = typeKeys(m, s.keys...)
		if m.edit.editing {
			m = typeKeys(m, "enter")
		}
		if v := view(m); !strings.Contains(v, s.want) {
			t.Fatalf("%s: the screen lacks %q:\n%s", s.name, s.want, v)
		}
		fresh := buildFields(m.d.sc)
		if len(fresh) != len(m.edit.fields) {
			t.Fatalf("%s: %d fields, the week has %d", s.name, len(m.edit.fields), len(fresh))
		}
		for i, f := range fresh {
			got := m.edit.fields[i]
			if got.label != f.label || got.kind != f.kind || (f.get != nil && got.get(m.d.sc) != f.get(m.d.sc)) {
				t.Fatalf("%s: field %d is %q, want %q", s.name, i, got.label, f.label)
			}
		}
	}
}

// TestShapeOf: two weeks have the same fields' shape exactly when no item
// was added or deleted and no place id changed.
func TestShapeOf(t *testing.T) {
	data, err := os.ReadFile("../examples/office.json")
	if err != nil {
		t.Fatal(err)
	}
	base, err := planner.ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	span := planner.Span{Days: 1, Time: planner.Clock{Start: 60, End: 120}}
	cases := []struct {
		name   string
		change func(sc *planner.Scenario)
		same   bool
	}{
		{"nothing", func(*planner.Scenario) {}, true},
		{"a shift's time", func(sc *planner.Scenario) { sc.Jobs[0].Shifts[0].Time.Start += 60 }, true},
		{"a place's name", func(sc *planner.Scenario) { sc.Places[0].Name = "Elsewhere" }, true},
		{"the week's name and flex", func(sc *planner.Scenario) { sc.Name, sc.Jobs[0].Flex.EndLater = "x", 30 }, true},
		{"a place's id", func(sc *planner.Scenario) { sc.Places[len(sc.Places)-1].ID = "other" }, false},
		{"a shift added", func(sc *planner.Scenario) { sc.Jobs[0].Shifts = append(sc.Jobs[0].Shifts, span) }, false},
		{"a job added", func(sc *planner.Scenario) { sc.Jobs = append(sc.Jobs, planner.Job{}) }, false},
		{"a job deleted", func(sc *planner.Scenario) { sc.Jobs = nil }, false},
		{"a travel leg added", func(sc *planner.Scenario) { sc.Travel = append(sc.Travel, planner.Leg{}) }, false},
		{"rush hours added", func(sc *planner.Scenario) { sc.RushHours = append(sc.RushHours, planner.Rush{}) }, false},
		{"a duty added", func(sc *planner.Scenario) { sc.Commitments = append(sc.Commitments, planner.Commitment{}) }, false},
		{"a helper added", func(sc *planner.Scenario) { sc.Support = append(sc.Support, planner.Support{}) }, false},
		{"sleep added", func(sc *planner.Scenario) { sc.Sleep = append(sc.Sleep, span) }, false},
		{"a program added", func(sc *planner.Scenario) { sc.Programs = append(sc.Programs, planner.Program{}) }, false},
		{"a track added", func(sc *planner.Scenario) {
			sc.Programs[0].Tracks = append(sc.Programs[0].Tracks, planner.Track{})
		}, false},
		{"sessions added", func(sc *planner.Scenario) {
			sc.Programs[0].Tracks[0].Sessions = append(sc.Programs[0].Tracks[0].Sessions, span)
		}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := base.Clone()
			c.change(sc)
			if got := shapeOf(sc).equal(shapeOf(base)); got != c.same {
				t.Fatalf("same shape = %v, want %v", got, c.same)
			}
		})
	}
	// A shift moved from one job to the next changes the shape though the
	// number of shifts stays the same.
	two := base.Clone()
	two.Jobs = append(two.Jobs, planner.Job{Name: "Second", Shifts: []planner.Span{span}})
	moved := two.Clone()
	moved.Jobs[1].Shifts = append(moved.Jobs[1].Shifts, moved.Jobs[0].Shifts[0])
	moved.Jobs[0].Shifts = moved.Jobs[0].Shifts[1:]
	if shapeOf(two).equal(shapeOf(moved)) {
		t.Fatal("a shift moved to another job should change the shape")
	}
}
