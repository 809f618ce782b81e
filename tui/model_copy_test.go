package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestOlderModelKeepsItsScreens: the screens with text fields sit behind
// pointers, yet a Model is still a value: after a copy of it takes keys,
// a resize, a reload and a new list of profiles, the Model it was copied
// from draws as it did, on each of those screens.
func TestOlderModelKeepsItsScreens(t *testing.T) {
	cases := []struct {
		name string
		open []string // keys to the screen, on the older Model
		then []tea.Msg
	}{
		{"Edit, typing", []string{"e", "j", "enter"}, keys("ctrl+u", "Z", "z", "z")},
		{"Edit, moving", []string{"e"}, keys("j", "j", "j")},
		{"Export, typing", []string{"E", "down"}, keys("ctrl+u", "1", "9", "9", "9")},
		{"Profiles, renaming", []string{"P"}, keys("r", "ctrl+u", "Q", "q")},
		{"a resize", []string{"e", "j"}, []tea.Msg{tea.WindowSizeMsg{Width: 80, Height: 20}}},
		{"what-ifs", []string{"W"}, keys("j", "s")},
	}
	for _, c := range cases {
		st := storeWith(t, 3)
		opt := exportOptions(&fakeExporter{})
		opt.WhatIfs = newFakeWhatIfs(st)
		old := startedWith(t, st, opt, 120, 40)
		old = typeKeys(old, c.open...)
		before := view(old)
		m := old
		for _, msg := range c.then {
			m = run(m, msg)
		}
		if view(m) == before {
			t.Fatalf("%s: the keys changed nothing, so the test shows nothing:\n%s", c.name, before)
		}
		if got := view(old); got != before {
			t.Errorf("%s: the older Model changed with its copy:\nbefore\n%s\nafter\n%s", c.name, before, got)
		}
	}
}

func keys(ks ...string) []tea.Msg {
	out := make([]tea.Msg, len(ks))
	for i, k := range ks {
		out[i] = keyMsg(k)
	}
	return out
}
