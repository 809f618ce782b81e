package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestQuitAfterFirstFrame: with the option, the TUI quits once the week is
// solved and sized, whichever comes last, and not before; without it, it
// stays.
func TestQuitAfterFirstFrame(t *testing.T) {
	for _, sizeFirst := range []bool{true, false} {
		for _, on := range []bool{true, false} {
			m := New(storeWith(t, 200), Options{QuitAfterFirstFrame: on})
			size := tea.WindowSizeMsg{Width: 120, Height: 40}
			var msgs []tea.Msg
			if sizeFirst {
				msgs = append(msgs, size)
			}
			msgs = append(msgs, drain(m.Init())...) // the load
			quit := false
			for len(msgs) > 0 {
				msg := msgs[0]
				msgs = msgs[1:]
				tm, cmd := m.Update(msg)
				m = tm.(Model)
				if cmd == nil {
					cmd = func() tea.Msg { return nil }
				}
				out := cmd() // once: a solve's command ends its own budget
				if _, ok := out.(tea.QuitMsg); ok {
					if m.d.res == nil || m.width == 0 {
						t.Fatalf("size first %v: quit before the first full frame", sizeFirst)
					}
					quit = true
				}
				msgs = append(msgs, drain(func() tea.Msg { return out })...)
				if len(msgs) == 0 && m.width == 0 {
					if m.d.res == nil {
						t.Fatalf("size first %v: the week was not solved", sizeFirst)
					}
					msgs = append(msgs, size) // the size comes after the solve
				}
			}
			if quit != on {
				t.Fatalf("size first %v, option %v: quit = %v", sizeFirst, on, quit)
			}
			if v := view(m); !strings.Contains(v, "Plan 1 of") {
				t.Fatalf("the first frame lacks the plan:\n%s", v)
			}
		}
	}
}

// TestQuitAfterFirstFrameOnError: a database the TUI cannot open a week from
// still gives a first frame, with the sentence that says why, and quits.
func TestQuitAfterFirstFrameOnError(t *testing.T) {
	m := New(newFakeStore(), Options{QuitAfterFirstFrame: true})
	tm, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = tm.(Model)
	if cmd != nil {
		t.Fatal("quit before anything was loaded")
	}
	msgs := drain(m.Init())
	if len(msgs) != 1 {
		t.Fatalf("the load gave %d messages", len(msgs))
	}
	tm, cmd = m.Update(msgs[0])
	m = tm.(Model)
	if cmd == nil {
		t.Fatal("no quit after a load that failed")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("the command after a failed load is not quit")
	}
	if v := view(m); !strings.Contains(v, "this database has no profile yet") {
		t.Fatalf("the frame lacks the reason:\n%s", v)
	}
}
