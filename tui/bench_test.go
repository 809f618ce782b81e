package tui

import (
	"os"
	"runtime/debug"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// BenchmarkWeekView draws the Week screen of the office week at 120x40.
func BenchmarkWeekView(b *testing.B) {
	asTheGridRuns(b)
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
	benchEdit(b, storeWith(b, 1), []string{"09:00-17:00", "08:00-16:00"})
}

// BenchmarkEditToRedraw40Programs is the target: the same keystroke on
// the planner's benchmark week (40 programs, a two-week rotation, flex on
// every shift), re-solve included, under 16 ms.
func BenchmarkEditToRedraw40Programs(b *testing.B) {
	benchEdit(b, storeOf(b, "../testdata/bench-40-programs.json"), []string{"07:00-15:30", "07:30-16:00"})
}

// BenchmarkWeekView40Programs draws the Week screen of the benchmark week.
func BenchmarkWeekView40Programs(b *testing.B) {
	asTheGridRuns(b)
	m := started(b, storeOf(b, "../testdata/bench-40-programs.json"), 120, 40)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

func benchEdit(b *testing.B, st *fakeStore, times []string) {
	asTheGridRuns(b)
	m := started(b, st, 120, 40)
	m = typeKeys(m, "e")
	for m.edit.fields[m.edit.cursor].label != "time" {
		m = typeKeys(m, "j")
	}
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

// storeOf returns a fake store with one profile on the scenario in file.
func storeOf(t testing.TB, file string) *fakeStore {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	st := newFakeStore()
	if _, err := st.NewProfile("Me", sc); err != nil {
		t.Fatal(err)
	}
	return st
}

// asTheGridRuns sets the collector as weekfit sets it for the week grid
// (GCPercent) for the rest of benchmark b, unless GOGC is set: an edit
// measured at another setting measures another program.
func asTheGridRuns(b *testing.B) {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	old := debug.SetGCPercent(GCPercent)
	b.Cleanup(func() { debug.SetGCPercent(old) })
}
