package tui

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"weekfit/planner"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// fakeStore keeps profiles in memory, as the real store keeps them on disk.
type fakeStore struct {
	mu       sync.Mutex
	order    []string
	profiles map[string]Profile
	weeks    map[string]*planner.Scenario
	chosen   map[string]planner.Plan
	saves    int
	fail     error
	everyone bool // discreet mode for every profile
}

func newFakeStore() *fakeStore {
	return &fakeStore{profiles: map[string]Profile{}, weeks: map[string]*planner.Scenario{}, chosen: map[string]planner.Plan{}}
}

var errNotFound = errors.New("not found")

func (f *fakeStore) Scenario(id string) (*planner.Scenario, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	sc, ok := f.weeks[id]
	if !ok {
		return nil, errNotFound
	}
	return sc.Clone(), nil
}

func (f *fakeStore) SaveScenario(id string, sc *planner.Scenario) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return f.fail
	}
	f.weeks[id] = sc.Clone()
	f.saves++
	return nil
}

func (f *fakeStore) ChoosePlan(id string, p planner.Plan, sc *planner.Scenario) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return f.fail
	}
	f.chosen[id] = p
	f.saves++
	return nil
}

func (f *fakeStore) RenameProfile(id, name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.profiles[id]
	p.Name = name
	f.profiles[id] = p
	return nil
}

func (f *fakeStore) DeleteProfile(id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.profiles, id)
	for i, x := range f.order {
		if x == id {
			f.order = append(f.order[:i:i], f.order[i+1:]...)
		}
	}
	return nil
}

func (f *fakeStore) SetDiscreet(id string, on bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.profiles[id]
	p.Discreet = on
	f.profiles[id] = p
	return nil
}

func (f *fakeStore) SetDatabaseDiscreet(on bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.everyone = on
	return nil
}

func (f *fakeStore) ListProfiles() ([]Profile, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Profile, 0, len(f.order))
	for _, id := range f.order {
		out = append(out, f.profiles[id])
	}
	return out, nil
}

func (f *fakeStore) NewProfile(name string, sc *planner.Scenario) (Profile, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	id := fmt.Sprintf("p%03d", len(f.order)+1)
	p := Profile{ID: id, Name: name}
	f.profiles[id] = p
	f.order = append(f.order, id)
	f.weeks[id] = sc.Clone()
	return p, nil
}

func (f *fakeStore) Catalog() (*planner.Catalog, error) {
	return &planner.Catalog{
		Places: []planner.Place{{ID: "eastside", Name: "Eastside Clinic"}},
		Programs: []planner.Program{{ID: "east", Name: "Eastside Evening IOP", Place: "eastside", Modality: planner.InPerson,
			MinDays: 3, MinMinutes: 9 * 60, Tracks: []planner.Track{{Name: "Evening", Sessions: []planner.Span{
				{Days: planner.DaySet(0).With(planner.Mon).With(planner.Wed).With(planner.Fri), Time: planner.Clock{Start: 18 * 60, End: 21 * 60}}}}}}},
	}, nil
}

func (f *fakeStore) Chosen(id string) (planner.Plan, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.chosen[id]
	return p, ok, nil
}

// office reads the example scenario.
func office(t testing.TB) *planner.Scenario {
	t.Helper()
	data, err := os.ReadFile("../examples/office.json")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// storeWith returns a fake store with n profiles on the office week.
func storeWith(t testing.TB, n int) *fakeStore {
	st := newFakeStore()
	sc := office(t)
	for i := 0; i < n; i++ {
		name := "Alex Doe"
		if i > 0 {
			name = fmt.Sprintf("Client %d", i+1)
		}
		if _, err := st.NewProfile(name, sc); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// run feeds msg to m and then every message its commands produce, as the
// program would, until nothing is left. Quit and other program commands stop.
func run(m Model, msg tea.Msg) Model {
	queue := []tea.Msg{msg}
	for len(queue) > 0 && len(queue) < 1000 {
		next := queue[0]
		queue = queue[1:]
		tm, cmd := m.Update(next)
		m = tm.(Model)
		queue = append(queue, drain(cmd)...)
	}
	return m
}

// drain runs a command and the commands it batches, and returns their messages.
func drain(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, drain(c)...)
		}
		return out
	case nil, tea.QuitMsg:
		return nil
	}
	if fmt.Sprintf("%T", msg) == "tea.setWindowTitleMsg" {
		return nil
	}
	return []tea.Msg{msg}
}

// quits runs cmd and the commands it batches and reports whether one of
// them quits the program (drain throws tea.QuitMsg away, so that run stops).
func quits(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if quits(c) {
				return true
			}
		}
	}
	return false
}

// started returns the TUI on st, sized and loaded.
func started(t testing.TB, st Store, w, h int) Model {
	t.Helper()
	m := New(st, Options{})
	m = run(m, tea.WindowSizeMsg{Width: w, Height: h})
	for _, msg := range drain(m.Init()) {
		m = run(m, msg)
	}
	return m
}

// keys types each key in turn.
func typeKeys(m Model, keys ...string) Model {
	for _, k := range keys {
		m = run(m, keyMsg(k))
	}
	return m
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}
