package tui

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// watchingStore is a fake store that other weekfits change: bump stands for
// another weekfit's write.
type watchingStore struct {
	*fakeStore
	n atomic.Uint64
}

func (w *watchingStore) ChangesElsewhere() (uint64, error) { return w.n.Load(), nil }

// quick runs a command and the commands it batches, keeping the messages
// that come within a moment: a tea.Tick's, a second away, is left out.
func quick(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	got := make(chan tea.Msg, 1)
	go func() { got <- cmd() }()
	select {
	case msg := <-got:
		if batch, ok := msg.(tea.BatchMsg); ok {
			var out []tea.Msg
			for _, c := range batch {
				out = append(out, quick(c)...)
			}
			return out
		}
		return []tea.Msg{msg}
	case <-time.After(200 * time.Millisecond):
		return nil
	}
}

// feed gives m msg and then, as run does, every message its commands bring
// within a moment.
func feed(m Model, msg tea.Msg) Model {
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		tm, cmd := m.Update(queue[0])
		m, queue = tm.(Model), append(queue[1:], quick(cmd)...)
	}
	return m
}

func TestWatchReloadsKeepingTheCursor(t *testing.T) {
	st := &watchingStore{fakeStore: storeWith(t, 1)}
	m := New(st, Options{})
	m = feed(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if cmd := watchCmd(st); cmd == nil {
		t.Fatal("a store that can tell changes is not watched")
	}
	m = feed(m, loadCmd(st, "", nil)())
	m = typeKeys(m, "l", "l", "j")
	day, row := m.week.grid.day, m.week.grid.row

	// Nothing changed elsewhere: no reload.
	m = feed(m, watchMsg{changes: 0})
	if strings.Contains(view(m), "reloaded") {
		t.Fatalf("reloaded without a change:\n%s", view(m))
	}
	// Another weekfit renames the profile and adds one.
	st.mu.Lock()
	p := st.profiles[st.order[0]]
	p.Name = "Renamed Elsewhere"
	st.profiles[p.ID] = p
	st.mu.Unlock()
	if _, err := st.NewProfile("Added Elsewhere", office(t)); err != nil {
		t.Fatal(err)
	}
	st.n.Add(2)
	m = feed(m, watchMsg{changes: 2})
	v := view(m)
	if !strings.Contains(v, "reloaded: another weekfit window changed this database") || !strings.Contains(v, "Renamed Elsewhere") {
		t.Errorf("no reload shown:\n%s", v)
	}
	if len(m.d.profiles) != 2 {
		t.Errorf("profile list has %d profiles after the reload, want 2", len(m.d.profiles))
	}
	if g := m.week.grid; g.day != day || g.row != row {
		t.Errorf("cursor moved to day %d row %d on reload, was day %d row %d", g.day, g.row, day, row)
	}
}

func TestWatchWaitsWhileTyping(t *testing.T) {
	st := &watchingStore{fakeStore: storeWith(t, 1)}
	m := New(st, Options{})
	m = feed(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = feed(m, loadCmd(st, "", nil)())
	m = typeKeys(m, "P", "r") // rename: a field takes the keys
	if !m.capturing() {
		t.Fatal("rename does not take the keys")
	}
	m = feed(m, watchMsg{changes: 1})
	if !m.capturing() || m.changes != 0 {
		t.Fatalf("a reload broke into typing (changes %d)", m.changes)
	}
	m = typeKeys(m, "esc")
	m = feed(m, watchMsg{changes: 1})
	if m.changes != 1 || !strings.Contains(view(m), "reloaded") {
		t.Errorf("no reload once typing ended (changes %d):\n%s", m.changes, view(m))
	}
}
