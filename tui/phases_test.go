package tui

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"weekfit/planner"
)

// phasedStore is a store with one profile on the evening-then-aftercare
// week, changed by edit first when edit is not nil.
func phasedStore(t *testing.T, edit func(string) string) *fakeStore {
	t.Helper()
	data, err := os.ReadFile("../planner/testdata/phases/evening-aftercare.json")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if edit != nil {
		text = edit(text)
	}
	sc, err := planner.ParseScenario([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	st := newFakeStore()
	if _, err := st.NewProfile("Sam", sc); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestWeekStepsThroughPhases(t *testing.T) {
	m := started(t, phasedStore(t, nil), 120, 40)
	steps := []struct {
		key, want string
	}{
		{"", "Phase 1 of 2: Intensive, weeks 1-6 ([ ])"},
		{"]", "Phase 2 of 2: Aftercare, weeks 7-18 ([ ])"},
		{"]", "Phase 2 of 2: Aftercare, weeks 7-18 ([ ])"}, // the last phase stays
		{"[", "Phase 1 of 2: Intensive, weeks 1-6 ([ ])"},
		{"[", "Phase 1 of 2: Intensive, weeks 1-6 ([ ])"},
	}
	for i, s := range steps {
		if s.key != "" {
			m = typeKeys(m, s.key)
		}
		if v := view(m); !strings.Contains(v, s.want) {
			t.Fatalf("step %d (%q): the Week screen lacks %q:\n%s", i, s.key, s.want, v)
		}
	}
	m = typeKeys(m, "]")
	var sessions []int
	for _, b := range m.d.blocks {
		if b.Kind == planner.KindSession {
			sessions = append(sessions, b.Start)
		}
	}
	if len(sessions) != 1 || sessions[0] != 3*planner.MinutesPerDay+17*60+50 {
		t.Fatalf("phase 2 shows sessions at %v, want only Thu 17:50 (18:00 less 10 minutes)", sessions)
	}
	golden.RequireEqual(t, []byte(view(m)))
}

// TestWeekStepsRotationWeeksInPhases: in a two-week rotation [ and ] step
// through the weeks of a phase and then into the next phase.
func TestWeekStepsRotationWeeksInPhases(t *testing.T) {
	m := started(t, phasedStore(t, func(s string) string {
		return strings.Replace(s, `"arrive_early_minutes": 10,`, `"arrive_early_minutes": 10, "cycle_weeks": 2,`, 1)
	}), 120, 40)
	want := []string{"phase 1 week 1", "phase 1 week 2", "phase 2 week 1", "phase 2 week 2", "phase 2 week 2",
		"phase 2 week 1", "phase 1 week 2", "phase 1 week 1"}
	keys := []string{"", "]", "]", "]", "]", "[", "[", "["}
	for i, k := range keys {
		if k != "" {
			m = typeKeys(m, k)
		}
		if got := fmt.Sprintf("phase %d week %d", m.d.phase+1, m.week.grid.week+1); got != want[i] {
			t.Fatalf("after %q (step %d): %s, want %s", k, i, got, want[i])
		}
	}
	if v := view(m); !strings.Contains(v, "Phase 1 of 2: Intensive, weeks 1-6 ([ ])  · week 1 of 2 ([ ])") {
		t.Fatalf("the Week screen's title:\n%s", v)
	}
}

func TestPlansShowPhases(t *testing.T) {
	m := started(t, phasedStore(t, nil), 120, 40)
	m = typeKeys(m, "2")
	v := view(m)
	for _, want := range []string{
		"      Intensive, weeks 1-6: Evening Mon Tue Thu 17:30 · unpaid 1h30",
		"      Aftercare, weeks 7-18: Thursday Thu 18:00 · unpaid 0m",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the Plans screen lacks %q:\n%s", want, v)
		}
	}
	if i, ok := m.plans.planAtLine(len(m.plans.headLines()) + 2); !ok || i != 0 {
		t.Errorf("the second phase line is plan %d, %v; want plan 0", i, ok)
	}
	golden.RequireEqual(t, []byte(v))
}

func TestPhasesDiscreet(t *testing.T) {
	m := started(t, phasedStore(t, nil), 120, 40)
	m = typeKeys(m, "d")
	v := view(m)
	if !strings.Contains(v, "Phase 1 of 2, weeks 1-6") || strings.Contains(v, "Intensive") {
		t.Fatalf("discreet Week screen:\n%s", v)
	}
	v = view(typeKeys(m, "2"))
	if !strings.Contains(v, "Phase 2, weeks 7-18: Thursday") || strings.Contains(v, "Aftercare") {
		t.Fatalf("discreet Plans screen:\n%s", v)
	}
}

func TestExportStartsOnTheWeeksStart(t *testing.T) {
	m := startedWith(t, phasedStore(t, nil), exportOptions(&fakeExporter{}), 120, 40)
	m = typeKeys(m, "E")
	if v := view(m); !strings.Contains(v, "2027-10-25") {
		t.Fatalf("the Export screen does not start on the week's start:\n%s", v)
	}
}

// TestChosenPlanKeepsItsLaterPhases: a chosen plan alike in its first phase
// to a better one (Thursday aftercare where Wednesday ranks first) is the
// one shown and exported, by its later phases.
func TestChosenPlanKeepsItsLaterPhases(t *testing.T) {
	st := phasedStore(t, func(s string) string {
		return strings.Replace(s, `"days": "Wed", "time": "10:00-11:00"`, `"days": "Wed", "time": "18:00-19:00"`, 1)
	})
	id := st.order[0]
	res, err := planner.Solve(st.weeks[id], planner.Options{Top: 5})
	if err != nil || len(res.Plans) != 2 || res.Plans[1].Phases[1].Plan.Track != "Thursday" {
		t.Fatalf("want two plans, Thursday aftercare second: %v", err)
	}
	st.chosen[id] = res.Plans[1]
	m := started(t, st, 120, 40)
	if m.d.cur != 1 {
		t.Errorf("plan %d on show, want the chosen plan 2", m.d.cur+1)
	}
	p, which := m.d.exportPlan()
	if which != "the chosen plan" || p.Phases[1].Plan.Track != "Thursday" {
		t.Errorf("export writes %s with %s aftercare, want the chosen plan with Thursday", which, p.Phases[1].Plan.Track)
	}
	old := res.Plans[1]
	old.Phases, old.Leave = nil, nil // as a plan saved before phases were kept
	if !samePlan(&res.Plans[0], &old) {
		t.Error("a chosen plan saved without phases no longer matches a plan alike in its first phase")
	}
}

// TestPlansShowLeave: a dated plan's leave is a line under its phases on
// Plans; one that needs more than is left says in which week it runs out,
// and both lines belong to the plan above them.
func TestPlansShowLeave(t *testing.T) {
	for _, tt := range []struct {
		name, leave, want, warn string
	}{
		{"lasts", ``, "      leave 3 h/wk then 0 h/wk, 17 h in all, 493 h left", ""},
		{"runs out", `"leave": {"entitlement_hours": 10, "used_hours": 2},`, "      leave 3 h/wk then 0 h/wk, 17 h in all, 9 h more than is left",
			"      ! This plan needs 17 h of leave, more than the 8 h left: the leave runs out in the week of Mon 8 Nov 2027."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := started(t, phasedStore(t, func(s string) string {
				return strings.Replace(s, `"start": "2027-10-25",`, `"start": "2027-10-25", `+tt.leave, 1)
			}), 120, 40)
			m = typeKeys(m, "2")
			v := view(m)
			if !strings.Contains(v, tt.want) || !strings.Contains(v, tt.warn) || (tt.warn == "" && strings.Contains(v, "runs out")) {
				t.Errorf("the Plans screen lacks %q and %q:\n%s", tt.want, tt.warn, v)
			}
			head := len(m.plans.headLines())
			for y := head + 3; y < head+3+leaveCount(&m.d.res.Plans[0]); y++ {
				if i, ok := m.plans.planAtLine(y); !ok || i != 0 {
					t.Errorf("leave line %d is plan %d, %v; want plan 0", y-head, i, ok)
				}
			}
			if tt.warn != "" {
				golden.RequireEqual(t, []byte(v))
			}
		})
	}
}

// TestCompareShowsPhasesAndLeave: Compare puts each plan's phases (track,
// sessions and unpaid time a week) and leave side by side.
func TestCompareShowsPhasesAndLeave(t *testing.T) {
	m := started(t, phasedStore(t, func(s string) string {
		s = strings.Replace(s, `"start": "2027-10-25",`, `"start": "2027-10-25", "leave": {"entitlement_hours": 16},`, 1)
		return strings.Replace(s, `"days": "Wed", "time": "10:00-11:00"`, `"days": "Wed", "time": "18:00-19:00"`, 1)
	}), 140, 60)
	m = typeKeys(m, "3")
	v := view(m)
	for _, want := range []string{"Intensive, wk 1-6: Evening", "Aftercare, wk 7-18: Wednesday", "Aftercare, wk 7-18: Thursday",
		"Wed 18:00 · unpaid 0m", "Thu 18:00 · unpaid 0m", "leave 3 h/wk then 0 h/wk, 17 h in all, 1 h more than is left",
		"! runs out in the week of Mon 29 Nov 2027"} {
		if !strings.Contains(v, want) {
			t.Errorf("Compare lacks %q:\n%s", want, v)
		}
	}
	golden.RequireEqual(t, []byte(v))
}

// TestLocksHoldTheirPhase: L on a session locks it in the phase on show
// and says which; the plans are solved again with it, in that phase only.
func TestLocksHoldTheirPhase(t *testing.T) {
	m := started(t, phasedStore(t, func(s string) string {
		return strings.Replace(s, `"days": "Wed", "time": "10:00-11:00"`, `"days": "Wed", "time": "18:00-19:00"`, 1)
	}), 120, 40)
	if len(m.d.res.Plans) != 2 {
		t.Fatalf("%d plans, want Wednesday and Thursday aftercare", len(m.d.res.Plans))
	}
	m = typeKeys(m, "l", "l", "l") // Thursday
	for m.week.grid.row*zoomOf(m.week.grid.zoom) < 18*60 {
		m = typeKeys(m, "j")
	}
	m = typeKeys(m, "L")
	want := planner.SessionRef{Program: "lakeside", Week: 1, Day: planner.Thu, Time: planner.Clock{Start: 17*60 + 30, End: 21 * 60}}
	if len(m.d.opt.Require) != 1 || m.d.opt.Require[0] != want || m.status != "locked Thu 17:30-21:00 in phase 1 (Intensive): every plan keeps it" {
		t.Fatalf("L in phase 1: require %+v, status %q", m.d.opt.Require, m.status)
	}
	if len(m.d.res.Plans) != 2 {
		t.Fatalf("a lock in phase 1 left %d plans, want both", len(m.d.res.Plans))
	}
	m = typeKeys(m, "]", "h") // phase 2, Wednesday
	if m.d.phase != 1 {
		t.Fatalf("] shows phase %d, want 2", m.d.phase+1)
	}
	m = typeKeys(m, "L")
	if len(m.d.opt.Require) != 2 || m.d.opt.Require[1].Phase != 1 || m.status != "locked Wed 18:00-19:00 in phase 2 (Aftercare): every plan keeps it" {
		t.Fatalf("L in phase 2: require %+v, status %q", m.d.opt.Require, m.status)
	}
	if len(m.d.res.Plans) != 1 || m.d.res.Plans[0].Phases[1].Plan.Track != "Wednesday" {
		t.Fatalf("after locking Wednesday aftercare: %d plans", len(m.d.res.Plans))
	}
	m = typeKeys(m, "L")
	if len(m.d.opt.Require) != 1 || m.status != "unlocked Wed 18:00-19:00 in phase 2 (Aftercare)" || len(m.d.res.Plans) != 2 {
		t.Fatalf("L again: require %+v, status %q, %d plans", m.d.opt.Require, m.status, len(m.d.res.Plans))
	}
}
