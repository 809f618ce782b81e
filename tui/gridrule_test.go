package tui

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"weekfit/planner"
)

// lakeside is a week whose blocks fall across the rows: a 10-minute trip
// at 14:30 and a 10-minute pickup at 14:50 inside the 14:00 hour, a trip at
// 17:27 and a session 18:00-21:00 attended from 17:50.
func lakeside(t testing.TB) *fakeStore {
	t.Helper()
	data, err := os.ReadFile("testdata/lakeside.json")
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

// TestGoldenGridRule draws the lakeside week at each zoom and its Plans
// preview at 80x24 and 120x40. Regenerate with -update.
func TestGoldenGridRule(t *testing.T) {
	screens := []struct {
		name string
		keys []string
		want string
	}{
		{"week", nil, "S 17:50"},
		{"week60", []string{"-", "-"}, "S 17:50"},
		{"week15", []string{"+", "+"}, "t 14:30"},
		{"plans", []string{"2"}, "S 17:50"},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				tm := teatest.NewTestModel(t, New(lakeside(t), Options{}), teatest.WithInitialTermSize(size[0], size[1]))
				waitFor(t, tm, "Plan 1 of 1")
				for _, k := range sc.keys {
					tm.Send(keyMsg(k))
				}
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(Model)
				out := ansi.Strip(final.View())
				if !strings.Contains(out, sc.want) {
					t.Errorf("screen lacks %q:\n%s", sc.want, out)
				}
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

// TestBlockStartOnScreenInItsRow puts the cursor on the row where each block
// of the week starts, at every zoom and at 80x24 and 120x40, and checks that
// the cell of that day and row shows the block's letter, and its start time
// when the block is what the cell shows and there is room.
func TestBlockStartOnScreenInItsRow(t *testing.T) {
	for _, st := range []struct {
		name  string
		store func(testing.TB) *fakeStore
	}{{"lakeside", lakeside}, {"office", func(t testing.TB) *fakeStore { return storeWith(t, 1) }}} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			for _, zoomKeys := range [][]string{{"+", "+"}, {"+", "-"}, {"-", "-"}} {
				m := started(t, st.store(t), size[0], size[1])
				m = typeKeys(m, zoomKeys...)
				name := fmt.Sprintf("%s %dx%d at %d min", st.name, size[0], size[1], zoomOf(m.week.grid.zoom))
				checkStartsInRows(t, name, m)
			}
		}
	}
}

func checkStartsInRows(t *testing.T, name string, m Model) {
	t.Helper()
	g := &m.week.grid
	z, cw := zoomOf(g.zoom), g.colWidth()
	for _, b := range g.blocks {
		if b.Start >= planner.MinutesPerWeek {
			continue
		}
		day, row := b.Start/planner.MinutesPerDay, b.Start%planner.MinutesPerDay/z
		m.week.grid.Move(day-g.day, row-g.row)
		label := planner.FormatClock(row*z) + " "
		var line string
		for _, l := range strings.Split(view(m), "\n") {
			if strings.HasPrefix(l, label) {
				line = l
			}
		}
		if line == "" {
			t.Fatalf("%s: row %s not on screen:\n%s", name, label, view(m))
		}
		cellText := line[timeColumn+day*cw : timeColumn+(day+1)*cw]
		letters, _, _ := strings.Cut(cellText[1:], " ")
		glyph := string(b.Kind.Glyph())
		if !strings.Contains(letters, glyph) && !strings.Contains(letters, string(planner.GlyphConflict)) {
			t.Errorf("%s: %s %s starts in cell %q, which lacks %s", name, b.Kind, b.Detail, cellText, glyph)
		}
		if strings.HasPrefix(letters, glyph) && len(letters)+6 <= cw-2 {
			if clock := planner.FormatClock(b.Start % planner.MinutesPerDay); !strings.Contains(cellText, clock) {
				t.Errorf("%s: %s shows in the cell where it starts, %q, without its start %s", name, b.Detail, cellText, clock)
			}
		}
	}
}

// TestLegendNeverCut checks that the legend keeps every mark at every width
// the screens allow, and its words where they fit.
func TestLegendNeverCut(t *testing.T) {
	st := NewStyles(DefaultPalette())
	for w := 30; w <= 200; w++ {
		l := legend(&st, w)
		if ansi.StringWidth(l) > w {
			t.Errorf("width %d: legend is %d wide: %q", w, ansi.StringWidth(l), l)
		}
		for _, mark := range []string{"J", "t", "S", "C", "c", "z", ".", "!", "*"} {
			if !strings.Contains(l, mark) {
				t.Errorf("width %d: legend lacks %q: %q", w, mark, l)
			}
		}
	}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
		v := view(started(t, storeWith(t, 1), size[0], size[1]))
		if !strings.Contains(v, "* moved") || !strings.Contains(v, "! c") {
			t.Errorf("%dx%d: the legend lost words:\n%s", size[0], size[1], v)
		}
	}
}
