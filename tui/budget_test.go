package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// TestSolveBudgetMarksPlansIncomplete: a solve past its budget shows the plans
// found so far, says on Plans that better ones may exist, and says so on the
// status line too.
func TestSolveBudgetMarksPlansIncomplete(t *testing.T) {
	// The largest week, so the budget has long run out before the search ends.
	st := storeOf(t, "../testdata/bench-120-programs.json")
	m := startedWith(t, st, Options{SolveBudget: time.Nanosecond}, 120, 40)
	if m.d.res == nil || m.d.res.Incomplete == "" {
		t.Fatalf("a solve with a budget of 1 ns should stop early; result %+v", m.d.res)
	}
	if m.solving {
		t.Fatal("the stopped solve should count as answered")
	}
	m = typeKeys(m, "2")
	v := view(m)
	for _, want := range []string{"in the time allowed", "the search stopped before it had tried every plan", "! " + stoppedStatus} {
		if !strings.Contains(strings.Join(strings.Fields(v), " "), want) {
			t.Errorf("Plans lacks %q:\n%s", want, v)
		}
	}
}

// TestSolveWithinBudgetIsComplete: the default budget leaves an ordinary week
// complete, with no sentence about time.
func TestSolveWithinBudgetIsComplete(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	if m.opt.SolveBudget != DefaultSolveBudget {
		t.Fatalf("budget %v, want %v", m.opt.SolveBudget, DefaultSolveBudget)
	}
	if m.d.res == nil || m.d.res.Incomplete != "" {
		t.Fatalf("the office week should solve completely: %+v", m.d.res)
	}
	m = typeKeys(m, "2")
	if v := view(m); strings.Contains(v, "time allowed") || strings.Contains(v, "time limit") {
		t.Fatalf("a complete solve should not talk about time:\n%s", v)
	}
}

// TestNewerEditCancelsSolve: a second edit cancels the solve the first one
// started; that solve's answer comes back stopped and is dropped, and the
// second edit's answer is shown.
func TestNewerEditCancelsSolve(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	first := editTime(t, m, "08:00-16:00")
	m, firstCmd := applyEdit(m, first)
	second := editTime(t, m, "10:00-18:00")
	m, secondCmd := applyEdit(m, second)

	old := solvedIn(t, drain(firstCmd))
	if old.res == nil || old.res.Incomplete != planner.IncompleteSentence {
		t.Fatalf("the first solve should have been cancelled by the second edit; got %+v", old.res)
	}
	before := m.d.res
	m = run(m, old)
	if m.d.res != before || !m.solving {
		t.Fatal("the cancelled solve's answer should be dropped while the newer one runs")
	}
	m = run(m, solvedIn(t, drain(secondCmd)))
	if m.solving || m.d.res == nil || m.d.res.Incomplete != "" {
		t.Fatalf("the newer solve should be shown, complete: solving %v, %+v", m.solving, m.d.res)
	}
	if got := m.d.sc.Jobs[0].Shifts[0].Time.String(); got != "10:00-18:00" {
		t.Fatalf("the week has shift %s, want the second edit", got)
	}
}

// editTime types clock into the first shift's time on Edit and returns the
// command the accepting enter returns, without running it.
func editTime(t *testing.T, m Model, clock string) tea.Cmd {
	t.Helper()
	m = typeKeys(m, "e")
	for i := 0; m.edit.fields[m.edit.cursor].label != "time"; i++ {
		if i > 100 {
			t.Fatal("no time field on Edit")
		}
		m = typeKeys(m, "j")
	}
	m = typeKeys(m, "enter", "ctrl+u")
	m = typeKeys(m, strings.Split(clock, "")...)
	_, cmd := m.Update(keyMsg("enter"))
	if cmd == nil {
		t.Fatalf("enter on %s returned no command: %s", clock, m.edit.err)
	}
	return cmd
}

// applyEdit hands the edit to the root and returns the command it starts
// (the save and the solve) without running it.
func applyEdit(m Model, cmd tea.Cmd) (Model, tea.Cmd) {
	var next tea.Cmd
	for _, msg := range drain(cmd) {
		var tm tea.Model
		tm, next = m.Update(msg)
		m = tm.(Model)
	}
	return m, next
}

func solvedIn(t *testing.T, msgs []tea.Msg) solvedMsg {
	t.Helper()
	for _, msg := range msgs {
		if s, ok := msg.(solvedMsg); ok {
			return s
		}
	}
	t.Fatalf("no solve among %v", msgs)
	return solvedMsg{}
}
