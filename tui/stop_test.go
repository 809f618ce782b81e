package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// saving returns the TUI with the chosen plan's save issued and not yet
// done, and that save.
func saving(t *testing.T, st *fakeStore) (Model, tea.Cmd) {
	t.Helper()
	m := typeKeys(started(t, st, 120, 40), "2")
	tm, intent := m.Update(keyMsg("enter"))
	tm, save := tm.(Model).Update(drain(intent)[0])
	if tm.(Model).pending != 1 {
		t.Fatalf("pending = %d, want the save under way", tm.(Model).pending)
	}
	return tm.(Model), save
}

func TestStopQuitsAtOnceWithNothingToSave(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	tm, cmd := m.Update(StopMsg{})
	if !quits(cmd) || tm.(Model).Unsaved() != nil {
		t.Fatalf("stop with nothing to save: quits %v, unsaved %v", quits(cmd), tm.(Model).Unsaved())
	}
}

// TestStopWaitsForTheSaveUnderWay: a stop while the week is being saved
// quits only once the save is done, and the save is kept.
func TestStopWaitsForTheSaveUnderWay(t *testing.T) {
	st := storeWith(t, 1)
	m, save := saving(t, st)
	tm, cmd := m.Update(StopMsg{})
	if quits(cmd) {
		t.Fatal("stopped before the save under way finished")
	}
	tm, cmd = tm.(Model).Update(drain(save)[0])
	if !quits(cmd) {
		t.Fatal("no quit after the save finished")
	}
	if err := tm.(Model).Unsaved(); err != nil {
		t.Fatalf("Unsaved = %v after a good save", err)
	}
	if len(st.chosen) != 1 {
		t.Fatal("the chosen plan was not saved")
	}
}

// TestStopReportsAFailedSave: unlike q, a stop does not stay for a failed
// save (the terminal may be gone); Unsaved reports it instead.
func TestStopReportsAFailedSave(t *testing.T) {
	st := storeWith(t, 1)
	st.fail = errNotFound
	m, save := saving(t, st)
	tm, _ := m.Update(StopMsg{})
	tm, cmd := tm.(Model).Update(drain(save)[0])
	if !quits(cmd) {
		t.Fatal("a failed save kept a stopping TUI open")
	}
	if err := tm.(Model).Unsaved(); err == nil || !strings.Contains(err.Error(), "save the chosen plan: not found") {
		t.Fatalf("Unsaved = %v, want the failed save", err)
	}
}

// TestUnsavedCountsSavesCutShort: when the program ends before a save
// reports back, Unsaved says so.
func TestUnsavedCountsSavesCutShort(t *testing.T) {
	m, _ := saving(t, storeWith(t, 1))
	tm, _ := m.Update(StopMsg{})
	if err := tm.(Model).Unsaved(); err == nil || !strings.Contains(err.Error(), "still being saved") {
		t.Fatalf("Unsaved = %v", err)
	}
}
