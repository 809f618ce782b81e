package tui

import (
	"errors"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// startStore is a fake store that is a Starter, and counts its reads.
type startStore struct {
	*fakeStore
	mu       sync.Mutex
	starts   int
	separate int // ListProfiles, Scenario, Catalog and Chosen calls
	breakIt  func(*Start)
}

func (s *startStore) count(n *int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	*n++
}

func (s *startStore) Start(id string) (Start, error) {
	s.count(&s.starts)
	list, err := s.fakeStore.ListProfiles()
	if err != nil {
		return Start{}, err
	}
	out := Start{Profiles: list}
	if len(list) == 0 {
		return out, nil
	}
	out.Profile = list[0]
	out.Scenario, out.ScenarioErr = s.fakeStore.Scenario(out.Profile.ID)
	out.Catalog, out.CatalogErr = s.fakeStore.Catalog()
	if p, ok, err := s.fakeStore.Chosen(out.Profile.ID); ok {
		out.Chosen = &p
	} else {
		out.ChosenErr = err
	}
	if s.breakIt != nil {
		s.breakIt(&out)
	}
	return out, nil
}

func (s *startStore) ListProfiles() ([]Profile, error) {
	s.count(&s.separate)
	return s.fakeStore.ListProfiles()
}

func (s *startStore) Scenario(id string) (*planner.Scenario, error) {
	s.count(&s.separate)
	return s.fakeStore.Scenario(id)
}

func (s *startStore) Catalog() (*planner.Catalog, error) {
	s.count(&s.separate)
	return s.fakeStore.Catalog()
}

func (s *startStore) Chosen(id string) (planner.Plan, bool, error) {
	s.count(&s.separate)
	return s.fakeStore.Chosen(id)
}

// TestFirstLoadIsOneRead: on a Store that is a Starter, the load to the
// first frame is one Start and no separate read; with Options.Start (main
// read it already) it is no read at all. Either way the frame shows the
// best plan, and a part that could not be read gives its sentence.
func TestFirstLoadIsOneRead(t *testing.T) {
	boom := errors.New("the page is damaged")
	cases := []struct {
		name       string
		preloaded  bool
		breakIt    func(*Start)
		wantStarts int
		want       string
	}{
		{"through the store", false, nil, 1, "Plan 1 of"},
		{"read already", true, nil, 0, "Plan 1 of"},
		{"a week that cannot be read", false, func(s *Start) { s.Scenario, s.ScenarioErr = nil, boom }, 1,
			"open the week of this profile: the page is damaged"},
		{"a catalog that cannot be read", false, func(s *Start) { s.CatalogErr = boom }, 1,
			"could not read the program catalog: the page is damaged"},
		{"a chosen plan that cannot be read", true, func(s *Start) { s.ChosenErr = boom }, 0,
			"could not read the chosen plan: the page is damaged"},
	}
	for _, c := range cases {
		st := &startStore{fakeStore: storeWith(t, 200), breakIt: c.breakIt}
		opt := Options{}
		if c.preloaded {
			s, err := st.Start("")
			if err != nil {
				t.Fatal(err)
			}
			opt.Start = &s
			st.starts = 0
		}
		m := New(st, opt)
		m = run(m, tea.WindowSizeMsg{Width: 120, Height: 40})
		for _, msg := range drain(m.Init()) {
			m = run(m, msg)
		}
		if st.starts != c.wantStarts || st.separate != 0 {
			t.Errorf("%s: %d Start and %d separate reads, want %d and 0", c.name, st.starts, st.separate, c.wantStarts)
		}
		if v := view(m); !strings.Contains(v, c.want) {
			t.Errorf("%s: the first frame lacks %q:\n%s", c.name, c.want, v)
		}
	}
}
