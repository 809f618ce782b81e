package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"weekfit/planner"
)

func view(m Model) string { return ansi.Strip(m.View()) }

func TestWeekShowsBestPlanAndPanel(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	v := view(m)
	for _, want := range []string{"Plan 1 of 5", "Evening", "Alex Doe", "J job", "S session", "This week", "sessions 9h a week (min 9h)"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
}

func TestCursorMovesAndPanelDescribes(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	// The grid opens at the first busy hour, 08:00 on the office week, with
	// the cursor on the plan's first session: Monday, in the 17:00 row
	// (the session at 17:30, attended from 17:20).
	if got := m.week.grid.top * zoomOf(m.week.grid.zoom); got > 8*60 {
		t.Fatalf("grid opens at minute %d, after 08:00", got)
	}
	if g := m.week.grid; g.day != 0 || g.row*zoomOf(g.zoom) != 17*60 {
		t.Fatalf("cursor starts on day %d minute %d, want Mon 17:00", g.day, g.row*zoomOf(g.zoom))
	}
	v := view(m)
	if !strings.Contains(v, "Session Evening, Mon 17:30-20:30") {
		t.Errorf("panel does not describe the session under the cursor:\n%s", v)
	}
	m = typeKeys(m, "l", "l", "l")
	if m.week.grid.day != 3 {
		t.Errorf("day = %d after three l, want 3", m.week.grid.day)
	}
	m = typeKeys(m, "h", "left", "right")
	if m.week.grid.day != 2 {
		t.Errorf("day = %d, want 2", m.week.grid.day)
	}
}

func TestZoomKeepsTime(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	for m.week.grid.row*zoomOf(m.week.grid.zoom) > 9*60 {
		m = typeKeys(m, "k")
	}
	m = typeKeys(m, "+")
	if m.week.grid.zoom != 0 || m.week.grid.row*15 != 9*60 {
		t.Fatalf("zoom in: zoom %d row %d", m.week.grid.zoom, m.week.grid.row)
	}
	m = typeKeys(m, "-", "-")
	if zoomOf(m.week.grid.zoom) != 60 || m.week.grid.row != 9 {
		t.Fatalf("zoom out: zoom %d row %d", m.week.grid.zoom, m.week.grid.row)
	}
	if !strings.Contains(view(m), "09:00") {
		t.Error("09:00 row not on screen")
	}
}

func TestMouseClickMovesCursor(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	cw := m.week.grid.colWidth()
	// Tab line, plan line, grid header: the first time row is at y=3.
	m = run(m, tea.MouseMsg{X: timeColumn + 4*cw + 1, Y: 3 + 2, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.week.grid.day != 4 || m.week.grid.row != m.week.grid.top+2 {
		t.Errorf("click: day %d row %d top %d", m.week.grid.day, m.week.grid.row, m.week.grid.top)
	}
}

func TestMouseClickPicksPlan(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	m = typeKeys(m, "2")
	// Tab line, title, plan 1 and its details (a line, two warnings and
	// "and 4 more"), plans 2, 3: plan 3 is at y=8.
	m = run(m, tea.MouseMsg{X: 10, Y: 8, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.d.cur != 2 {
		t.Errorf("click picked plan %d, want 2", m.d.cur)
	}
	// The details (four lines) follow the plan picked: with plan 1 picked, y=3 to 6 are its details and plan 2 is at y=7; past the last plan a click picks nothing.
	for _, c := range []struct{ y, want int }{{2, 0}, {3, 0}, {6, 0}, {7, 1}, {8, 2}, {9, 3}, {10, 4}, {11, 4}} {
		m = run(m, tea.MouseMsg{X: 10, Y: c.y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
		if m.d.cur != c.want {
			t.Errorf("click at y=%d picked plan %d, want %d", c.y, m.d.cur, c.want)
		}
	}
}

func TestChoosePlanSaves(t *testing.T) {
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	m = typeKeys(m, "2", "j", "enter")
	p, ok, _ := st.Chosen("p001")
	if !ok || !samePlan(&p, &m.d.res.Plans[1]) {
		t.Fatalf("second plan not saved as chosen: %+v", p)
	}
	if !strings.Contains(view(m), "plan chosen and saved") {
		t.Errorf("status does not say saved:\n%s", view(m))
	}
	if !strings.Contains(view(m), "2. Evening: Mon Tue Thu 17:30 · home by 20:55 · unpaid 0m · !6 chosen") {
		t.Errorf("list does not mark the chosen plan:\n%s", view(m))
	}
	// Reopening shows the chosen plan.
	m2 := started(t, st, 120, 40)
	if m2.d.cur != 1 || !strings.Contains(view(m2), "Plan 2 of 5") || !strings.Contains(view(m2), "(chosen)") {
		t.Errorf("reopened on plan %d:\n%s", m2.d.cur, view(m2))
	}
}

func TestPlansMovingShowsEachOnGrid(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	m = typeKeys(m, "2", "j", "j", "j")
	if m.d.cur != 3 {
		t.Fatalf("plan on show = %d, want 3", m.d.cur)
	}
	// Plan 4 is Tue Wed Thu: Monday has no session at 18:00.
	c := planner.LayGrid(m.d.blocks, planner.MinutesPerWeek, 60)[18]
	if c.Block >= 0 && m.d.blocks[c.Block].Kind == planner.KindSession {
		t.Error("Monday 18:00 still a session on plan 4")
	}
	if !strings.Contains(view(m), "Does not fit") || !strings.Contains(view(m), "Morning: Mon 09:00-12:00 overlaps Office") {
		t.Errorf("rejections missing:\n%s", view(m))
	}
}

func TestExcludeDayAndLockResolve(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	m = typeKeys(m, "x") // Monday
	if m.d.opt.ExcludeDays != planner.DaySet(0).With(planner.Mon) {
		t.Fatalf("exclude = %v", m.d.opt.ExcludeDays)
	}
	for _, p := range m.d.res.Plans {
		for _, s := range p.Sessions {
			if s.Day == planner.Mon {
				t.Fatalf("plan with a Monday session after excluding Monday: %+v", p)
			}
		}
	}
	m = typeKeys(m, "X")
	if m.d.opt.ExcludeDays != 0 || len(m.d.res.Plans) != 5 {
		t.Fatalf("clear did not restore: %v %d", m.d.opt.ExcludeDays, len(m.d.res.Plans))
	}
	// Lock Thursday's session from plan 2 (Mon Tue Thu).
	m = typeKeys(m, "2", "j", "1", "l", "l", "l")
	for m.week.grid.row*zoomOf(m.week.grid.zoom) < 18*60 {
		m = typeKeys(m, "j")
	}
	m = typeKeys(m, "L")
	if len(m.d.opt.Require) != 1 || m.d.opt.Require[0].Day != planner.Thu {
		t.Fatalf("require = %+v (status %q)", m.d.opt.Require, m.status)
	}
	for _, p := range m.d.res.Plans {
		has := false
		for _, s := range p.Sessions {
			has = has || s.Day == planner.Thu
		}
		if !has {
			t.Fatalf("plan without the locked Thursday: %+v", p)
		}
	}
}

func TestEditShiftValidatesAndUndo(t *testing.T) {
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	m = typeKeys(m, "e")
	m = gotoField(t, m, "time", "09:00-17:00")
	m = typeKeys(m, "enter", "ctrl+u", "2", "5", ":", "0", "0")
	if !strings.Contains(view(m), "hour out of range") && !strings.Contains(view(m), "! ") {
		t.Errorf("no error beside the field while typing 25:00:\n%s", view(m))
	}
	m = typeKeys(m, "enter")
	if !m.edit.editing {
		t.Fatal("a bad time was accepted")
	}
	m = typeKeys(m, "ctrl+u")
	m = typeKeys(m, strings.Split("10:00-18:00", "")...)
	m = typeKeys(m, "enter")
	if m.edit.editing {
		t.Fatalf("good time not accepted: %q", m.edit.err)
	}
	if got := m.d.sc.Jobs[0].Shifts[0].Time.String(); got != "10:00-18:00" {
		t.Fatalf("shift = %s", got)
	}
	if got := st.weeks["p001"].Jobs[0].Shifts[0].Time.String(); got != "10:00-18:00" {
		t.Fatalf("saved shift = %s", got)
	}
	if !strings.Contains(view(m), "week saved") {
		t.Errorf("status does not say saved:\n%s", view(m))
	}
	m = typeKeys(m, "u")
	if got := st.weeks["p001"].Jobs[0].Shifts[0].Time.String(); got != "09:00-17:00" {
		t.Fatalf("after undo saved shift = %s", got)
	}
}

func TestEditAddDeleteAndBadReference(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	m = typeKeys(m, "e")
	m = gotoField(t, m, "place", "Office")
	m = typeKeys(m, "enter", "ctrl+u", "m", "o", "o", "n", "enter")
	if !m.edit.editing || !strings.Contains(m.edit.err, "moon") {
		t.Fatalf("unknown place accepted (err %q)", m.edit.err)
	}
	m = typeKeys(m, "esc")
	n := len(m.d.sc.Jobs[0].Shifts)
	m = typeKeys(m, "a")
	if len(m.d.sc.Jobs[0].Shifts) != n+1 {
		t.Fatalf("a did not add a shift")
	}
	m = typeKeys(m, "u")
	if len(m.d.sc.Jobs[0].Shifts) != n {
		t.Fatalf("u did not remove the added shift")
	}
}

// gotoField moves the Edit cursor to the first field with this label and value.
func gotoField(t *testing.T, m Model, label, value string) Model {
	t.Helper()
	for i := 0; i < len(m.edit.fields); i++ {
		f := m.edit.fields[m.edit.cursor]
		if f.label == label && f.kind != fHead && f.get(m.d.sc) == value {
			return m
		}
		m = typeKeys(m, "j")
	}
	t.Fatalf("no field %q = %q", label, value)
	return m
}

func TestDiscreetHidesNames(t *testing.T) {
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	m = typeKeys(m, "d")
	for _, s := range []string{"", "2", "3", "4"} {
		if s != "" {
			m = typeKeys(m, s)
		}
		v := view(m)
		for _, bad := range []string{"Riverside", "Alex", "Office"} {
			if bad == "Office" {
				continue // the job keeps its name; places and programs do not
			}
			if strings.Contains(v, bad) {
				t.Errorf("screen %s shows %q in discreet mode:\n%s", s, bad, v)
			}
		}
	}
	if !st.profiles["p001"].Discreet {
		t.Error("discreet mode not remembered for the profile")
	}
	m2 := started(t, st, 120, 40)
	if !m2.d.discreet || strings.Contains(view(m2), "Riverside") {
		t.Error("discreet mode lost on reopening")
	}
}

func TestPanicKeyBlanks(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	row := m.week.grid.row
	m = typeKeys(m, "esc", "esc")
	if strings.TrimSpace(view(m)) != "" {
		t.Fatalf("screen not blank:\n%s", view(m))
	}
	m = typeKeys(m, "j")
	if !strings.Contains(view(m), "Plan 1 of 5") {
		t.Fatal("a key does not bring the screen back")
	}
	if m.week.grid.row != row {
		t.Error("the key that unblanks also moved the cursor")
	}
	// Typed quickly, esc esc reaches the program as alt+esc.
	m = run(m, tea.KeyMsg{Type: tea.KeyEsc, Alt: true})
	if strings.TrimSpace(view(m)) != "" {
		t.Fatal("alt+esc does not blank the screen")
	}
}

func TestHelpListsOnlyWorkingKeys(t *testing.T) {
	m := started(t, storeWith(t, 1), 160, 40)
	if strings.Contains(view(m), "clear locks") {
		t.Error("short help offers clear locks with nothing locked")
	}
	m = typeKeys(m, "?")
	v := view(m)
	for _, want := range []string{"zoom in", "blank screen", "undo", "profiles"} {
		if !strings.Contains(v, want) {
			t.Errorf("full help lacks %q:\n%s", want, v)
		}
	}
	m = typeKeys(m, "?")
	if m.fullHelp {
		t.Error("? does not close the help")
	}
}

func TestProfilesAddRenameDelete(t *testing.T) {
	st := storeWith(t, 2)
	m := started(t, st, 120, 40)
	m = typeKeys(m, "P", "a")
	m = typeKeys(m, strings.Split("Sam", "")...)
	m = typeKeys(m, "enter")
	if len(st.order) != 3 || !strings.Contains(view(m), "Sam") {
		t.Fatalf("add: %v\n%s", st.order, view(m))
	}
	m = typeKeys(m, "j", "r", "ctrl+u", "K", "i", "m", "enter")
	if st.profiles["p002"].Name != "Kim" {
		t.Fatalf("rename: %+v", st.profiles["p002"])
	}
	m = typeKeys(m, "D")
	if !strings.Contains(view(m), `Delete "Kim"`) {
		t.Fatalf("no confirmation:\n%s", view(m))
	}
	m = typeKeys(m, "n")
	if len(st.order) != 3 {
		t.Fatal("deleted without a yes")
	}
	m = typeKeys(m, "D", "y")
	if len(st.order) != 2 {
		t.Fatal("not deleted after y")
	}
	m = typeKeys(m, "enter")
	if m.active != scWeek || m.d.profile.ID != "p003" {
		t.Errorf("switch: screen %d profile %s", m.active, m.d.profile.ID)
	}
}

func TestQuitWaitsForSave(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	tm, _ := m.Update(keyMsg("2"))
	m = tm.(Model)
	tm, intent := m.Update(keyMsg("enter"))
	m = tm.(Model)
	tm, save := m.Update(drain(intent)[0])
	m = tm.(Model)
	tm, cmd := m.Update(keyMsg("q"))
	m = tm.(Model)
	if cmd != nil || !m.quitting {
		t.Fatal("quit did not wait for the save under way")
	}
	for _, msg := range drain(save) {
		tm, cmd = m.Update(msg)
		m = tm.(Model)
	}
	if !quits(cmd) {
		t.Fatal("no quit after the save finished")
	}
}

func TestSaveErrorInWords(t *testing.T) {
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	st.fail = errNotFound
	m = typeKeys(m, "2", "enter")
	if !strings.Contains(view(m), "save the chosen plan: not found") {
		t.Errorf("error not shown:\n%s", view(m))
	}
}

func TestTooSmall(t *testing.T) {
	m := started(t, storeWith(t, 1), 50, 10)
	if !strings.Contains(view(m), "terminal too small (need 60x16)") {
		t.Errorf("got %q", view(m))
	}
}

func TestPickFromCatalog(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	m = typeKeys(m, "e")
	m = gotoField(t, m, "catalog programs (ids)", "")
	if !strings.Contains(view(m), "in the catalog: east (Eastside Evening IOP)") {
		t.Fatalf("no catalog hint:\n%s", view(m))
	}
	m = typeKeys(m, "enter", "n", "o", "p", "e", "enter")
	if !m.edit.editing || !strings.Contains(m.edit.err, "no program in the catalog") {
		t.Fatalf("unknown catalog id accepted: %q", m.edit.err)
	}
	m = typeKeys(m, "ctrl+u", "e", "a", "s", "t", "enter")
	if m.edit.editing {
		t.Fatalf("catalog id not accepted: %q", m.edit.err)
	}
	found := false
	for _, r := range m.d.res.Rejected {
		found = found || r.Program == "east"
	}
	for _, p := range m.d.res.Plans {
		found = found || p.Program == "east"
	}
	if !found {
		t.Fatalf("the catalog program was not planned: %+v", m.d.res)
	}
	m = typeKeys(m, "2")
	if !strings.Contains(view(m), "Eastside Evening IOP") {
		t.Errorf("plans do not show the catalog program:\n%s", view(m))
	}
}

func TestQuitStaysWhenSaveFails(t *testing.T) {
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	st.fail = errNotFound
	m = typeKeys(m, "2")
	tm, intent := m.Update(keyMsg("enter"))
	m = tm.(Model)
	tm, save := m.Update(drain(intent)[0])
	m = tm.(Model)
	tm, _ = m.Update(keyMsg("q"))
	m = tm.(Model)
	tm, cmd := m.Update(drain(save)[0])
	m = tm.(Model)
	if cmd != nil || m.quitting || !strings.Contains(view(m), "not quitting") {
		t.Fatalf("quit after a failed save:\n%s", view(m))
	}
}

// TestEveryFieldRoundTrips opens each field of the Edit screen and accepts it
// unchanged: every getter writes what its setter and the checks read back.
func TestEveryFieldRoundTrips(t *testing.T) {
	sc, err := planner.ParseScenario([]byte(nightRotation))
	if err != nil {
		t.Fatal(err)
	}
	st := storeWith(t, 1)
	if _, err := st.NewProfile("N", sc); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"p001", "p002"} {
		m := started(t, st, 120, 40)
		m = run(m, switchMsg{id})
		m = typeKeys(m, "e")
		want, _ := planner.MarshalScenario(m.d.sc)
		for i := range m.edit.fields {
			f := m.edit.fields[i]
			m.edit.cursor = i
			if f.kind == fHead {
				continue
			}
			m = typeKeys(m, "enter", "enter")
			if m.edit.editing {
				t.Fatalf("%s: field %q = %q refused: %s", id, f.label, f.get(m.d.sc), m.edit.err)
			}
		}
		got, _ := planner.MarshalScenario(m.d.sc)
		if string(got) != string(want) {
			t.Errorf("%s: accepting every field unchanged changed the week:\n%s\nwant\n%s", id, got, want)
		}
	}
}

// TestAddAndDeleteEverywhere adds an item at every heading and deletes it again.
func TestAddAndDeleteEverywhere(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	m = typeKeys(m, "e")
	for i := 0; i < len(m.edit.fields); i++ {
		f := m.edit.fields[i]
		if f.kind != fHead || f.indent != 0 || f.add == nil {
			continue
		}
		before := len(m.edit.fields)
		m.edit.cursor = i
		m.edit.follow()
		m = typeKeys(m, "a")
		if f.label == "Travel" && len(m.d.sc.Travel) == 3 {
			if !strings.Contains(view(m), "already have a travel leg") {
				t.Errorf("no reason why a leg cannot be added:\n%s", view(m))
			}
			continue
		}
		if f.label == "Support people" && len(m.d.sc.Commitments) == 0 {
			if !strings.Contains(view(m), "list the commitments this person covers") {
				t.Errorf("no reason why a support person cannot be added:\n%s", view(m))
			}
			continue
		}
		if len(m.edit.fields) <= before {
			t.Errorf("a on %q added nothing: %s", f.label, m.edit.err)
			continue
		}
		m = typeKeys(m, "u")
		if len(m.edit.fields) != before {
			t.Errorf("u after adding on %q left %d fields, want %d", f.label, len(m.edit.fields), before)
		}
	}
}
