package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// TestSizeSweep draws every screen at every size from 0x0 to 200x60: no
// panic, and no line wider than the terminal.
func TestSizeSweep(t *testing.T) {
	base := started(t, storeWith(t, 2), 120, 40)
	for _, keys := range [][]string{nil, {"2"}, {"3"}, {"e"}, {"P"}, {"?"}} {
		m := typeKeys(base, keys...)
		name := strings.Join(keys, "")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sweep(t, m, name)
		})
	}
	withExport := startedWith(t, storeWith(t, 2), exportOptions(&fakeExporter{}), 120, 40)
	for _, keys := range [][]string{{"E"}, {"E", "down", "x"}} {
		m := typeKeys(withExport, keys...)
		name := strings.Join(keys, "")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sweep(t, m, name)
		})
	}
}

func sweep(t *testing.T, m Model, name string) {
	{
		for w := 0; w <= 200; w++ {
			for h := 0; h <= 60; h++ {
				if testing.Short() && w%5 != 0 && w > MinWidth+1 && h%3 != 0 && h > MinHeight+1 {
					continue // -short: the sizes around the minimum, and a sample of the rest
				}
				tm, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
				checkFits(t, fmt.Sprintf("%q at %dx%d", name, w, h), tm.View(), w, h)
			}
		}
	}
}

// TestViewBeforeSize draws before the first size message and before loading.
func TestViewBeforeSize(t *testing.T) {
	m := New(storeWith(t, 1), Options{})
	if v := m.View(); v != "" {
		t.Errorf("view before any size: %q", v)
	}
	tm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	checkFits(t, "before loading", tm.View(), 80, 24)
}

func checkFits(t *testing.T, what, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) > max(h, 1) {
		t.Fatalf("%s: %d lines", what, len(lines))
	}
	for i, l := range lines {
		if n := width(l); n > w {
			t.Fatalf("%s: line %d is %d wide: %q", what, i, n, ansi.Strip(l))
		}
	}
}
