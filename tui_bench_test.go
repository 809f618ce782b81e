package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
	"weekfit/store"
	"weekfit/tui"
)

// BenchmarkTUIStartup opens a database of 200 profiles and runs the TUI to
// its first full frame: open, list, load the first week, solve, draw.
func BenchmarkTUIStartup(b *testing.B) {
	path, sc := startupDB(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		db, err := store.Open(path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		var m tea.Model = tui.New(tuiStore{db}, tui.Options{Template: func() *planner.Scenario { return sc }})
		firstFrame(b, m)
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTUIStartupIdle is BenchmarkTUIStartup as weekfit runs it: the
// database idle (opened for each read), the setting and the first load read
// before the TUI starts.
func BenchmarkTUIStartupIdle(b *testing.B) {
	path, sc := startupDB(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		db, err := store.Open(path, store.Options{Idle: true})
		if err != nil {
			b.Fatal(err)
		}
		// tuiStore, not the watchedStore: runAll would wait on its watch.
		st := tuiStore{db}
		start, everyone, err := st.startUp("")
		if err != nil {
			b.Fatal(err)
		}
		firstFrame(b, tui.New(st, tui.Options{Template: func() *planner.Scenario { return sc }, Discreet: everyone, Start: &start}))
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// firstFrame runs m to its first full frame and checks it shows a plan.
func firstFrame(b *testing.B, m tea.Model) {
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = runAll(m, m.Init())
	if v := m.View(); !strings.Contains(v, "Plan 1 of") {
		b.Fatalf("no plan on the first frame:\n%s", v)
	}
}

// startupDB makes a database of 200 profiles on the example week.
func startupDB(b *testing.B) (string, *planner.Scenario) {
	path := filepath.Join(b.TempDir(), "x.db")
	sc, err := planner.ParseScenario(demoScenario)
	if err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		if _, err := db.CreateProfile(fmt.Sprintf("Client %03d", i), "", sc); err != nil {
			b.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	return path, sc
}

// runAll runs a command and the commands its messages lead to, as the
// program would, skipping the window title.
func runAll(m tea.Model, cmd tea.Cmd) tea.Model {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil:
		default:
			if strings.Contains(fmt.Sprintf("%T", msg), "WindowTitle") {
				continue
			}
			var next tea.Cmd
			m, next = m.Update(msg)
			queue = append(queue, next)
		}
	}
	return m
}
