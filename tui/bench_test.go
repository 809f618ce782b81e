package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkWeekView draws the Week screen of the office week at 120x40.
func BenchmarkWeekView(b *testing.B) {
	m := started(b, storeWith(b, 1), 120, 40)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkEditToRedraw changes a shift on the Edit screen and follows the
// change through the check, the save, the re-solve and the redrawn Week grid.
func BenchmarkEditToRedraw(b *testing.B) {
	m := started(b, storeWith(b, 1), 120, 40)
	m = typeKeys(m, "e")
	for m.edit.fields[m.edit.cursor].label != "time" {
		m = typeKeys(m, "j")
	}
	times := []string{"09:00-17:00", "08:00-16:00"}
	prep := make([]Model, 2)
	for i, t := range times {
		x := typeKeys(m, "enter", "ctrl+u")
		prep[i] = typeKeys(x, strings.Split(t, "")...)
	}
	enter := keyMsg("enter")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		x := run(prep[i%2], enter)
		x.active = scWeek
		_ = x.View()
	}
}

// BenchmarkStartup opens a database of 200 profiles to the first full frame.
func BenchmarkStartup(b *testing.B) {
	st := storeWith(b, 200)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m := New(st, Options{})
		tm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		m = tm.(Model)
		for _, msg := range drain(m.Init()) {
			m = run(m, msg)
		}
		if !strings.Contains(m.View(), "Plan 1 of") {
			b.Fatal("no plan on the first frame")
		}
	}
}
