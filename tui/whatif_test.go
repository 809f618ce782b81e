package tui

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"weekfit/planner"
)

// fakeWhatIfs keeps what-ifs in memory beside a fakeStore's weeks, adopting
// as the real store does: the week before is kept as "before NAME".
type fakeWhatIfs struct {
	mu   sync.Mutex
	st   *fakeStore
	list map[string][]WhatIf
	n    int
}

func newFakeWhatIfs(st *fakeStore) *fakeWhatIfs {
	return &fakeWhatIfs{st: st, list: map[string][]WhatIf{}}
}

func (f *fakeWhatIfs) WhatIfs(id string) ([]WhatIf, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]WhatIf(nil), f.list[id]...), nil
}

func (f *fakeWhatIfs) SaveWhatIf(id, name string, sc *planner.Scenario, best *planner.Plan, asks []planner.Ask) (WhatIf, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, w := range f.list[id] {
		if strings.EqualFold(w.Name, name) {
			return WhatIf{}, fmt.Errorf("a what-if called %q already exists", w.Name)
		}
	}
	f.n++
	w := WhatIf{ID: fmt.Sprintf("w%d", f.n), Name: name, Scenario: sc.Clone(), Plan: best, Asks: asks}
	f.list[id] = append(f.list[id], w)
	return w, nil
}

func (f *fakeWhatIfs) index(id, wid string) int {
	for i, w := range f.list[id] {
		if w.ID == wid {
			return i
		}
	}
	return -1
}

func (f *fakeWhatIfs) RenameWhatIf(id, wid, name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := f.index(id, wid)
	if i < 0 {
		return errNotFound
	}
	f.list[id][i].Name = name
	return nil
}

func (f *fakeWhatIfs) DeleteWhatIf(id, wid string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := f.index(id, wid)
	if i < 0 {
		return errNotFound
	}
	f.list[id] = append(f.list[id][:i:i], f.list[id][i+1:]...)
	return nil
}

func (f *fakeWhatIfs) AdoptWhatIf(id, wid string, oldBest *planner.Plan) (WhatIf, error) {
	old, err := f.st.Scenario(id)
	if err != nil {
		return WhatIf{}, err
	}
	f.mu.Lock()
	i := f.index(id, wid)
	if i < 0 {
		f.mu.Unlock()
		return WhatIf{}, errNotFound
	}
	w := f.list[id][i]
	f.list[id] = append(f.list[id][:i:i], f.list[id][i+1:]...)
	f.mu.Unlock()
	if err := f.st.SaveScenario(id, w.Scenario); err != nil {
		return WhatIf{}, err
	}
	name := "before " + w.Name
	if rest, ok := strings.CutPrefix(w.Name, "before "); ok {
		name = rest
	}
	return f.SaveWhatIf(id, name, old, oldBest, nil)
}

// wedOff is the ask of a fix: Office off on Wednesdays.
func wedOff() []planner.Ask {
	return []planner.Ask{{Kind: planner.AskShift, Party: "Office", Job: "Office", Days: []planner.WeekDay{{Week: 1, Day: planner.Wed}},
		From: planner.Clock{Start: 540, End: 1020}, Off: true}}
}

func whatIfModel(t *testing.T, w, h int) (Model, *fakeStore, *fakeWhatIfs) {
	t.Helper()
	st := storeWith(t, 1)
	wi := newFakeWhatIfs(st)
	return startedWith(t, st, Options{WhatIfs: wi}, w, h), st, wi
}

func TestWhatIfsSaveFromAFixAndFromTheWeek(t *testing.T) {
	m, st, wi := whatIfModel(t, 120, 40)
	before, _ := st.Scenario("p001")
	m = typeKeys(m, "W")
	if m.active != scWhatIfs || !strings.Contains(view(m), "None yet") {
		t.Fatalf("W did not open an empty What-ifs screen:\n%s", view(m))
	}
	m = run(m, saveWhatIfMsg{name: "Wednesdays off", asks: wedOff()})
	list, _ := wi.WhatIfs("p001")
	if len(list) != 1 || len(list[0].Asks) != 1 || list[0].Plan == nil {
		t.Fatalf("saved from a fix: %+v", list)
	}
	if got := planner.WeekChanges(before, list[0].Scenario); !reflect.DeepEqual(got, []string{"Office: Wed off (was 09:00-17:00)"}) {
		t.Fatalf("the what-if's week changes %q", got)
	}
	if now, _ := st.Scenario("p001"); !reflect.DeepEqual(now, before) {
		t.Fatal("saving a what-if changed the profile's week")
	}
	m = typeKeys(m, "s", "A", "s", " ", "i", "s", "enter")
	if !strings.Contains(view(m), "As is") || !strings.Contains(m.status, `saved the what-if "As is"`) {
		t.Fatalf("s did not save the week as a what-if:\n%s\n%s", view(m), m.status)
	}
	m = typeKeys(m, "u")
	if list, _ := wi.WhatIfs("p001"); len(list) != 1 {
		t.Fatalf("u did not undo the save: %+v", list)
	}
}

func TestWhatIfsDiffRenameDeleteUndo(t *testing.T) {
	m, _, wi := whatIfModel(t, 120, 40)
	m = typeKeys(m, "W")
	m = run(m, saveWhatIfMsg{name: "Wednesdays off", asks: wedOff()})
	m = typeKeys(m, "enter")
	if m.active != scDiff {
		t.Fatalf("enter did not open the diff: %s", m.status)
	}
	for _, want := range []string{"From the week to Wednesdays off:", "Office: Wed off (was 09:00-17:00)", "Tracks that now fit",
		"The plans of Wednesdays off, best first:", "  1. "} {
		if !strings.Contains(view(m), want) {
			t.Errorf("the diff lacks %q:\n%s", want, view(m))
		}
	}
	m = typeKeys(m, "esc")
	if m.active != scWhatIfs {
		t.Fatalf("esc on the diff went to %v", m.active)
	}
	m = typeKeys(m, "r", "ctrl+u", "N", "o", " ", "W", "e", "d", "enter")
	if list, _ := wi.WhatIfs("p001"); list[0].Name != "No Wed" {
		t.Fatalf("rename: %+v", list)
	}
	m = typeKeys(m, "u")
	if list, _ := wi.WhatIfs("p001"); list[0].Name != "Wednesdays off" {
		t.Fatalf("u did not undo the rename: %+v", list)
	}
	m = typeKeys(m, "D", "n")
	if list, _ := wi.WhatIfs("p001"); len(list) != 1 {
		t.Fatal("n deleted the what-if")
	}
	m = typeKeys(m, "D", "y")
	if list, _ := wi.WhatIfs("p001"); len(list) != 0 || !strings.Contains(m.status, "deleted") {
		t.Fatalf("D y did not delete: %+v %s", list, m.status)
	}
	m = typeKeys(m, "u")
	if list, _ := wi.WhatIfs("p001"); len(list) != 1 || list[0].Name != "Wednesdays off" || len(list[0].Asks) != 1 {
		t.Fatalf("u did not bring the what-if back: %+v", list)
	}
	if !strings.Contains(view(m), "Wednesdays off") {
		t.Fatalf("the list does not show the what-if back:\n%s", view(m))
	}
}

func TestWhatIfsAdoptAndUndo(t *testing.T) {
	m, st, wi := whatIfModel(t, 120, 40)
	before, _ := st.Scenario("p001")
	m = typeKeys(m, "W")
	m = run(m, saveWhatIfMsg{name: "Wednesdays off", asks: wedOff()})
	saved, _ := wi.WhatIfs("p001")
	m = typeKeys(m, "A", "y")
	week, _ := st.Scenario("p001")
	if !reflect.DeepEqual(week, saved[0].Scenario) || !reflect.DeepEqual(m.d.sc, saved[0].Scenario) {
		t.Fatal("adopting did not make the what-if the week, in the store and on screen")
	}
	if !strings.Contains(view(m), "before Wednesdays off") || !strings.Contains(m.status, "u undoes it") {
		t.Fatalf("adopt:\n%s\n%s", view(m), m.status)
	}
	if m.d.res == nil || m.solving {
		t.Fatal("the adopted week was not planned")
	}
	m = typeKeys(m, "u")
	week, _ = st.Scenario("p001")
	if !reflect.DeepEqual(week, before) || !reflect.DeepEqual(m.d.sc, before) {
		t.Fatal("u did not give the week back")
	}
	list, _ := wi.WhatIfs("p001")
	if len(list) != 1 || list[0].Name != "Wednesdays off" {
		t.Fatalf("after the undo the what-ifs are %+v", list)
	}
	if len(m.undo) > 0 && m.undo[len(m.undo)-1].whatIf != nil {
		if _, again := m.undo[len(m.undo)-1].whatIf.(adoptWhatIfMsg); again {
			t.Fatal("undoing an adoption left another adoption to undo")
		}
	}
}

func TestWhatIfsKeyOffWithoutStore(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	m = typeKeys(m, "W")
	if m.active == scWhatIfs {
		t.Fatal("W opened What-ifs without a store for them")
	}
	m = run(m, saveWhatIfMsg{name: "x", asks: wedOff()})
	if strings.Contains(m.status, "saved") {
		t.Fatal("a what-if was saved without a store for them")
	}
}

// TestWhatIfGolden draws the What-ifs screen and the Diff view as a terminal
// would, at 80x24 and 120x40. Regenerate with -update.
func TestWhatIfGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, c := range []struct {
			name string
			keys []string
			want string
		}{{"whatifs", []string{"W"}, "What-ifs of this profile: 1"}, {"diff", []string{"W", "enter"}, "Tracks that no longer fit"}} {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				st := storeWith(t, 2)
				wi := newFakeWhatIfs(st)
				sc, _ := st.Scenario("p001")
				off, err := planner.ApplyAsks(sc, wedOff())
				if err != nil {
					t.Fatal(err)
				}
				res, err := planner.Solve(off, planner.Options{Top: 1})
				if err != nil || len(res.Plans) == 0 {
					t.Fatalf("solve the what-if: %v", err)
				}
				if _, err := wi.SaveWhatIf("p001", "Wednesdays off", off, &res.Plans[0], wedOff()); err != nil {
					t.Fatal(err)
				}
				tm := teatest.NewTestModel(t, New(st, Options{WhatIfs: wi}), teatest.WithInitialTermSize(size[0], size[1]))
				waitFor(t, tm, "Plan 1 of 5")
				tm.Send(keyMsg("W"))
				waitFor(t, tm, "What-ifs of this profile: 1")
				if len(c.keys) > 1 {
					tm.Send(keyMsg("enter"))
					waitFor(t, tm, c.want)
				}
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(Model)
				out := ansi.Strip(final.View())
				if !bytes.Contains([]byte(out), []byte(c.want)) {
					t.Errorf("screen lacks %q:\n%s", c.want, out)
				}
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

// TestWhatIfSizeSweep draws the What-ifs screen (with a name being typed and
// a question asked) and the Diff view at every size: no panic, no line too wide.
func TestWhatIfSizeSweep(t *testing.T) {
	base, _, _ := whatIfModel(t, 120, 40)
	base = typeKeys(base, "W")
	base = run(base, saveWhatIfMsg{name: "Wednesdays off, and a name long enough to need cutting at eighty columns", asks: wedOff()})
	for _, keys := range [][]string{nil, {"r"}, {"A"}, {"enter"}} {
		m := typeKeys(base, keys...)
		name := "W" + strings.Join(keys, "")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sweep(t, m, name)
		})
	}
}

func TestWhatIfsEmployerNote(t *testing.T) {
	st := storeWith(t, 1)
	wi := newFakeWhatIfs(st)
	ex := &fakeExporter{}
	opt := exportOptions(ex)
	opt.WhatIfs = wi
	m := startedWith(t, st, opt, 120, 40)
	m = typeKeys(m, "W")
	m = run(m, saveWhatIfMsg{name: "Wednesdays off", asks: wedOff()})
	if !strings.Contains(view(m), "N employer note") {
		t.Fatalf("help lacks N:\n%s", view(m))
	}
	m = typeKeys(m, "N")
	if len(ex.reqs) != 1 {
		t.Fatalf("N asked for %d exports", len(ex.reqs))
	}
	req := ex.reqs[0]
	if req.Format != "employer" || !reflect.DeepEqual(req.Asks, wedOff()) || req.Start != planner.NextMonday(exportNow()) || req.Dir != "/home/me/exports" {
		t.Fatalf("request %+v", req)
	}
	if !strings.Contains(m.status, "exported to") {
		t.Fatalf("status %q", m.status)
	}
	without, _, _ := whatIfModel(t, 120, 40)
	without = typeKeys(without, "W")
	without = run(without, saveWhatIfMsg{name: "x", asks: wedOff()})
	if strings.Contains(view(without), "N employer note") {
		t.Fatal("N offered without an exporter")
	}
}

// elsewhereWhatIfs is a what-if store that another weekfit window changes
// just before each rename, delete or adoption, which it then refuses as the
// real store refuses a change from an older copy.
type elsewhereWhatIfs struct{ *fakeWhatIfs }

const staleSentence = "this profile changed in another weekfit window; it has been reloaded — do it again"

func (f elsewhereWhatIfs) elsewhere(id, wid string) error {
	if err := f.fakeWhatIfs.RenameWhatIf(id, wid, "Renamed elsewhere"); err != nil {
		return err
	}
	return errors.New(staleSentence)
}

func (f elsewhereWhatIfs) RenameWhatIf(id, wid, _ string) error { return f.elsewhere(id, wid) }
func (f elsewhereWhatIfs) DeleteWhatIf(id, wid string) error    { return f.elsewhere(id, wid) }
func (f elsewhereWhatIfs) AdoptWhatIf(id, wid string, _ *planner.Plan) (WhatIf, error) {
	return WhatIf{}, f.elsewhere(id, wid)
}

// A rename, delete or adoption refused because another window changed the
// what-ifs says so and shows the list as it is now, ready to do it again.
func TestWhatIfChangeFromAnOlderListIsRefusedAndRelisted(t *testing.T) {
	for _, keys := range [][]string{{"r", "ctrl+u", "M", "i", "n", "e", "enter"}, {"D", "y"}, {"A", "y"}} {
		t.Run(keys[0], func(t *testing.T) {
			st := storeWith(t, 1)
			wi := newFakeWhatIfs(st)
			m := startedWith(t, st, Options{WhatIfs: elsewhereWhatIfs{wi}}, 120, 40)
			week, _ := st.Scenario("p001")
			m = typeKeys(m, "W")
			m = run(m, saveWhatIfMsg{name: "Wednesdays off", asks: wedOff()})
			undos := len(m.undo)
			m = typeKeys(m, keys...)
			v := view(m)
			if !strings.Contains(v, staleSentence) || !strings.Contains(v, "Renamed elsewhere") || strings.Contains(v, "Wednesdays off") {
				t.Fatalf("after the refusal the screen shows:\n%s", v)
			}
			if now, _ := st.Scenario("p001"); !reflect.DeepEqual(now, week) || !reflect.DeepEqual(m.d.sc, week) {
				t.Error("the refused change changed the week")
			}
			if len(m.undo) != undos {
				t.Errorf("a refused change can be undone: %+v", m.undo[undos:])
			}
		})
	}
}
