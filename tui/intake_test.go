package tui

import (
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// runForm feeds msg to m and the messages of its commands, as run does,
// but leaves out the text cursor's blink timers (which wait half a second
// and then start another) and unpacks sequences as well as batches.
func runForm(m Model, msg tea.Msg) Model {
	queue := []tea.Msg{msg}
	for len(queue) > 0 && len(queue) < 1000 {
		next := queue[0]
		queue = queue[1:]
		tm, cmd := m.Update(next)
		m = tm.(Model)
		queue = append(queue, drainForm(cmd)...)
	}
	return m
}

// isBlink reports whether a command is a cursor's blink timer.
func isBlink(cmd tea.Cmd) bool {
	f := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer())
	return f != nil && strings.Contains(f.Name(), "cursor.(*Model).BlinkCmd")
}

func drainForm(cmd tea.Cmd) []tea.Msg {
	if cmd == nil || isBlink(cmd) {
		return nil
	}
	msg := cmd()
	if msg == nil {
		return nil
	}
	if _, ok := msg.(tea.QuitMsg); ok {
		return []tea.Msg{msg}
	}
	v := reflect.ValueOf(msg)
	if v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := 0; i < v.Len(); i++ {
			c, _ := v.Index(i).Interface().(tea.Cmd)
			out = append(out, drainForm(c)...)
		}
		return out
	}
	switch fmt.Sprintf("%T", msg) {
	case "tea.setWindowTitleMsg", "tea.windowSizeMsg", "cursor.initialBlinkMsg", "cursor.BlinkMsg", "cursor.blinkCanceled":
		return nil
	}
	return []tea.Msg{msg}
}

// answer is one step of a script: text typed a rune at a time, or a key.
type answer string

// typeScript types a script into m and returns the keystrokes it took.
func typeScript(m Model, script ...answer) (Model, int) {
	n := 0
	for _, a := range script {
		switch s := string(a); s {
		case "enter", "down", "up", "esc", "left", "right", "tab", "backspace":
			m = runForm(m, keyMsg(s))
			n++
		default:
			for _, r := range s {
				m = runForm(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
				n++
			}
		}
	}
	return m, n
}

// warehouseScript enters the warehouse week from the Week screen of
// another profile: P, n, then the answers.
func warehouseScript() []answer {
	return []answer{
		"P", "n",
		// 1 Work
		"Sam", "enter", "Warehouse", "enter",
		"enter", "enter", "6-14:30", "enter", "enter", "enter", "down", "down", "enter", "enter",
		// 2 Getting around
		"down", "enter", "25", "enter", "enter", "down", "enter",
		// 3 Family
		"School pickup", "enter", "enter", "15-15:30", "enter", "enter",
		"Sister", "enter", "Tue,Thu", "enter", "14:30-19", "enter",
		// 4 Sleep
		"22", "enter", "5", "enter", "enter",
		// 5 Programs
		"Riverside", "enter", "enter", "enter",
		"enter", "Mon,Wed,Fri", "enter", "9-12", "enter", "enter", "Mon-Thu", "enter", "18-21", "enter",
		"enter", // the usual rules
		"20", "enter", "15", "enter",
		// 6 Review
		"enter",
	}
}

func readScenario(t *testing.T, path string) *planner.Scenario {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func TestIntakeWarehouseWeek(t *testing.T) {
	st := storeWith(t, 1)
	m := started(t, st, 120, 40)
	m, keys := typeScript(m, warehouseScript()...)
	t.Logf("the warehouse week took %d keystrokes", keys)
	if keys > 150 {
		t.Errorf("the warehouse week took %d keystrokes, want at most 150", keys)
	}
	list, _ := st.ListProfiles()
	if len(list) != 2 || list[1].Name != "Sam" {
		t.Fatalf("profiles after the interview: %+v\n%s", list, view(m))
	}
	got, _ := st.Scenario(list[1].ID)
	want := readScenario(t, "testdata/intake/warehouse.json")
	gj, _ := planner.MarshalScenario(got)
	wj, _ := planner.MarshalScenario(want)
	if string(gj) != string(wj) {
		t.Errorf("saved week:\n%s\nwant:\n%s", gj, wj)
	}
	if m.active != scPlans || m.d.profile.Name != "Sam" {
		t.Errorf("after the save: screen %v, profile %q; want Plans on Sam", m.active, m.d.profile.Name)
	}
	if v := view(m); !strings.Contains(v, "Riverside") {
		t.Errorf("the Plans screen does not show the new week's program:\n%s", v)
	}
}

// intakeOpen returns the TUI on st with the interview open from Profiles.
func intakeOpen(t *testing.T, st Store, w, h int) Model {
	t.Helper()
	m := started(t, st, w, h)
	m, _ = typeScript(m, "P", "n")
	if m.active != scIntake || !strings.Contains(view(m), "1 of 6: Work") {
		t.Fatalf("n on Profiles did not open the interview:\n%s", view(m))
	}
	return m
}

func TestIntakeChecksAsTyped(t *testing.T) {
	for _, tc := range []struct {
		name   string
		script []answer
		want   string
	}{
		{"hour out of range", []answer{"Sam", "enter", "Warehouse", "enter", "enter", "enter", "25:00-07:00"}, "hours: hour out of range"},
		{"unknown day", []answer{"Sam", "enter", "Warehouse", "enter", "enter", "Mon-Fry"}, `days: unknown day "fry"`},
		{"zero-minute trip", []answer{"Sam", "enter", "Warehouse", "enter", "enter", "enter", "6-14:30", "enter", "enter", "enter", "enter", "enter", "enter", "0"}, "minutes: 0 is not between 1 and 600"},
		{"not a number", []answer{"Sam", "enter", "Warehouse", "enter", "enter", "enter", "6-14:30", "enter", "enter", "enter", "enter", "x"}, `unpaid hours: "x" is not a whole number`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := intakeOpen(t, storeWith(t, 1), 120, 40)
			m, _ = typeScript(m, tc.script...)
			if v := view(m); !strings.Contains(v, tc.want) {
				t.Fatalf("typing shows no %q:\n%s", tc.want, v)
			}
			// enter does not move on past a wrong answer
			step, field := m.intake.step, m.intake.form.GetFocusedField().GetKey()
			m, _ = typeScript(m, "enter")
			if m.intake.step != step || m.intake.form.GetFocusedField().GetKey() != field {
				t.Errorf("enter moved on past a wrong answer")
			}
		})
	}
}

func TestIntakeEscAsksBeforeDropping(t *testing.T) {
	st := storeWith(t, 1)
	m := intakeOpen(t, st, 120, 40)
	m, _ = typeScript(m, "Sam", "enter", "Warehouse")
	m, _ = typeScript(m, "esc")
	if !strings.Contains(view(m), "Drop these answers?") {
		t.Fatalf("esc did not ask:\n%s", view(m))
	}
	m, _ = typeScript(m, "x") // any other key goes on
	if m.active != scIntake || m.intake.a.Job.Name != "Warehouse" {
		t.Fatalf("a key other than y dropped the answers: screen %v, job %q", m.active, m.intake.a.Job.Name)
	}
	m, _ = typeScript(m, "esc", "y")
	if m.active != scProfiles || !strings.Contains(view(m), "nothing was saved") {
		t.Fatalf("y did not drop the answers:\n%s", view(m))
	}
	if list, _ := st.ListProfiles(); len(list) != 1 {
		t.Errorf("dropping the interview saved a profile: %+v", list)
	}
}

// savedWarehouse returns the TUI open on the warehouse week, entered by the
// interview.
func savedWarehouse(t *testing.T, st *fakeStore) Model {
	t.Helper()
	m := started(t, st, 120, 40)
	m, _ = typeScript(m, warehouseScript()...)
	if m.d.profile.Name != "Sam" {
		t.Fatalf("the warehouse week was not saved:\n%s", view(m))
	}
	return m
}

func TestIntakeReopenFromWeekAndEdit(t *testing.T) {
	st := storeWith(t, 1)
	m := savedWarehouse(t, st)
	for _, from := range []answer{"1", "e"} {
		m, _ = typeScript(m, from, "i")
		v := view(m)
		if m.active != scIntake || !strings.Contains(v, "6 of 6: Review") || !strings.Contains(v, "You work at Warehouse Mon-Fri 06:00-14:30 and could leave up to 30 minutes early") {
			t.Fatalf("i on %s did not open the review of this week:\n%s", from, v)
		}
		m, _ = typeScript(m, "esc", "y")
	}
	// Reopen Sleep, change the wake-up time, save: the week is saved and planned again.
	m, _ = typeScript(m, "1", "i", "4")
	if !strings.Contains(view(m), "4 of 6: Sleep") {
		t.Fatalf("4 did not reopen Sleep:\n%s", view(m))
	}
	saves := st.saves
	m, _ = typeScript(m, "enter", "backspace", "backspace", "backspace", "backspace", "backspace", "5:30", "enter", "enter")
	if !strings.Contains(view(m), "You sleep from 22:00 to 05:30 every day.") {
		t.Fatalf("the review does not show the change:\n%s", view(m))
	}
	m, _ = typeScript(m, "enter")
	sc, _ := st.Scenario(m.d.profile.ID)
	if got := sc.Sleep[0].Time.String(); got != "22:00-05:30" || st.saves != saves+1 {
		t.Errorf("after the save: sleep %s, %d saves; want 22:00-05:30 and one save", got, st.saves-saves)
	}
	if m.active != scWeek || m.d.sc.Sleep[0].Time.End != 5*60+30 {
		t.Errorf("after the save: screen %v, week's sleep %v; want the Week screen on the new week", m.active, m.d.sc.Sleep[0].Time)
	}
	m, _ = typeScript(m, "u")
	if m.d.sc.Sleep[0].Time.End != 5*60 {
		t.Errorf("u did not undo the interview's save")
	}
}

func TestIntakeReopenRefusesAWeekItCannotHold(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40) // the office week: three tracks, other rush hours
	m, _ = typeScript(m, "i")
	if m.active != scWeek || !strings.Contains(view(m), "the interview cannot hold all of this week; use the Edit screen (e)") {
		t.Fatalf("i on a week the interview cannot hold:\n%s", view(m))
	}
}

func TestIntakeSaveFailureKeepsAnswers(t *testing.T) {
	st := &failingDirectory{fakeStore: storeWith(t, 1), fail: true}
	m := started(t, st, 120, 40)
	m, _ = typeScript(m, warehouseScript()...)
	v := view(m)
	if m.active != scIntake || !strings.Contains(v, "could not save the profile: disk full") || !strings.Contains(v, "6 of 6: Review") {
		t.Fatalf("a failed save:\n%s", v)
	}
	st.fail = false
	m, _ = typeScript(m, "enter")
	if m.active != scPlans || m.d.profile.Name != "Sam" {
		t.Errorf("enter after a failed save did not save: screen %v, profile %q", m.active, m.d.profile.Name)
	}
}

// failingDirectory fails to create a profile while fail is set.
type failingDirectory struct {
	*fakeStore
	fail bool
}

func (f *failingDirectory) NewProfile(name string, sc *planner.Scenario) (Profile, error) {
	if f.fail {
		return Profile{}, fmt.Errorf("disk full")
	}
	return f.fakeStore.NewProfile(name, sc)
}

// warehouseLines answers the accessible interview with the warehouse week,
// a line a question (an empty line keeps what is offered).
func warehouseLines(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/intake/warehouse.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestIntakeAccessible(t *testing.T) {
	st := newFakeStore()
	var out strings.Builder
	p, err := RunIntakeAccessible(strings.NewReader(warehouseLines(t)), &out, "Sam", st)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	got, _ := st.Scenario(p.ID)
	gj, _ := planner.MarshalScenario(got)
	wj, _ := planner.MarshalScenario(readScenario(t, "testdata/intake/warehouse.json"))
	if string(gj) != string(wj) {
		t.Errorf("saved week:\n%s\nwant:\n%s\nprompts:\n%s", gj, wj, out.String())
	}
	for _, want := range []string{"1 of 6: Work", "1. Your job: what do you call it?", "Which days do you work? [Mon-Fri]",
		"6 of 6: Review", "1. You work at Warehouse Mon-Fri 06:00-14:30 and could leave up to 30 minutes early"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the prompts lack %q:\n%s", want, out.String())
		}
	}
}

func TestIntakeAccessibleRetriesAndEnds(t *testing.T) {
	for _, tc := range []struct {
		name, in, prompt, err string
	}{
		{"a wrong answer is asked again", "Warehouse\n\nMon-Fry\n", `days: unknown day "fry"`, "the answers ended"},
		{"dropped at the review", strings.Replace(warehouseLines(t), "15\n1\n", "15\n7\n", 1), "7. Drop the answers", "dropped"},
		{"a group changed at the review", strings.Replace(warehouseLines(t), "15\n1\n", "15\n5\n21:00\n\n\n1\n", 1), "You sleep from 21:00 to 05:00", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newFakeStore()
			var out strings.Builder
			_, err := RunIntakeAccessible(strings.NewReader(tc.in), &out, "Sam", st)
			if !strings.Contains(out.String(), tc.prompt) {
				t.Errorf("the prompts lack %q:\n%s", tc.prompt, out.String())
			}
			list, _ := st.ListProfiles()
			if tc.err == "" {
				if err != nil || len(list) != 1 {
					t.Errorf("err %v, %d profiles; want one saved", err, len(list))
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) || len(list) != 0 {
				t.Errorf("err %v, %d profiles; want %q and nothing saved", err, len(list), tc.err)
			}
		})
	}
}

func TestIntakeCopiesAnotherProfilesWeek(t *testing.T) {
	st := storeWith(t, 1)
	m := savedWarehouse(t, st) // profiles: Alex Doe (the office week), Sam (the warehouse week)
	m, _ = typeScript(m, "P", "c")
	if m.active != scProfiles || !strings.Contains(view(m), `the interview cannot hold all of the week of "Alex Doe"`) {
		t.Fatalf("c on a week the interview cannot hold:\n%s", view(m))
	}
	m, _ = typeScript(m, "down", "c")
	if m.active != scIntake || m.intake.a.Job.Name != "Warehouse" || m.intake.a.Name != "" {
		t.Fatalf("c on Sam did not open the interview on a copy of the week:\n%s", view(m))
	}
	m, _ = typeScript(m, "sam", "enter")
	if !strings.Contains(view(m), `a profile called "Sam" already exists; choose another name`) {
		t.Fatalf("a taken name is not refused as typed:\n%s", view(m))
	}
	m, _ = typeScript(m, "backspace", "backspace", "backspace", "C-1042", "enter")
	for i := 0; i < 60 && m.intake.step != stepReview; i++ {
		m, _ = typeScript(m, "enter")
	}
	m, _ = typeScript(m, "enter")
	if m.d.profile.Name != "C-1042" {
		t.Fatalf("the copy was not saved:\n%s", view(m))
	}
	sam, _ := st.Scenario("p002")
	cp, _ := st.Scenario(m.d.profile.ID)
	sam.Name = cp.Name
	a, _ := planner.MarshalScenario(sam)
	b, _ := planner.MarshalScenario(cp)
	if string(a) != string(b) {
		t.Errorf("the copy differs from its original:\n%s\n%s", b, a)
	}
}

func TestIntakeKeepsDiscreetModeDiscreet(t *testing.T) {
	st := storeWith(t, 1)
	m := savedWarehouse(t, st)
	m, _ = typeScript(m, "d", "1", "i")
	if m.active != scWeek || !strings.Contains(view(m), "turn discreet mode off (d)") || strings.Contains(view(m), "Warehouse") {
		t.Fatalf("i in discreet mode:\n%s", view(m))
	}
	m, _ = typeScript(m, "P", "c")
	if m.active != scProfiles || !strings.Contains(view(m), "turn discreet mode off (d)") {
		t.Fatalf("c in discreet mode:\n%s", view(m))
	}
}

func TestIntakeCommandStartsOnTheInterview(t *testing.T) {
	st := newFakeStore() // weekfit intake on an empty database: no example profile is made
	m := New(st, Options{Intake: true, As: "Sam"})
	m = runForm(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, msg := range drainForm(m.Init()) {
		m = runForm(m, msg)
	}
	if v := view(m); !strings.Contains(v, "1 of 6: Work") || strings.Contains(v, "Whose week is this?") {
		t.Fatalf("weekfit intake --as Sam does not open on the job question:\n%s", v)
	}
	m, _ = typeScript(m, "esc")
	_, cmd := m.Update(keyMsg("y")) // asks the root to drop the answers
	_, cmd = m.Update(cmd())
	if list, _ := st.ListProfiles(); len(list) != 0 || !quits(cmd) {
		t.Errorf("esc y on weekfit intake: %d profiles, or the program goes on", len(list))
	}
	m = New(st, Options{Intake: true, As: "Sam"})
	m = runForm(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, msg := range drainForm(m.Init()) {
		m = runForm(m, msg)
	}
	m, _ = typeScript(m, warehouseScript()[4:]...) // from the job's name on
	if list, _ := st.ListProfiles(); len(list) != 1 || m.d.profile.Name != "Sam" || m.active != scPlans {
		t.Errorf("weekfit intake did not save and open Sam: %+v, %q\n%s", list, m.d.profile.Name, view(m))
	}
}
