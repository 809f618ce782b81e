package tui

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// cmdWait is how long the interview's driver waits for a command. The
// questions' commands answer at once; the ones that do not are the text
// cursor's blink timers, which a test does without.
const cmdWait = 50 * time.Millisecond

// runAsync feeds msg to m and the messages of its commands, as runs does,
// but runs each command with a time limit and drops it when it does not
// answer in time (a blink timer), and unpacks sequences as well as batches.
func runAsync(m Model, msg tea.Msg) Model {
	queue := []tea.Msg{msg}
	for len(queue) > 0 && len(queue) < 1000 {
		next := queue[0]
		queue = queue[1:]
		tm, cmd := m.Update(next)
		m = tm.(Model)
		queue = append(queue, drainAsync(cmd)...)
	}
	return m
}

func drainAsync(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	got := make(chan tea.Msg, 1)
	go func() { got <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-got:
	case <-time.After(cmdWait):
		return nil
	}
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
			out = append(out, drainAsync(c)...)
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
			m = runAsync(m, keyMsg(s))
			n++
		default:
			for _, r := range s {
				m = runAsync(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
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
		"enter", "enter", "6-14:30", "enter", "enter", "down", "down", "enter", "enter",
		// 2 Getting around
		"down", "enter", "25", "enter", "enter", "down", "enter",
		// 3 Family
		"School pickup", "enter", "enter", "15-15:30", "enter", "enter",
		"Sister", "enter", "Tue,Thu", "enter", "14:30-19", "enter",
		// 4 Sleep
		"22", "enter", "5", "enter",
		// 5 Programs
		"Riverside", "enter", "enter", "enter",
		"enter", "Mon,Wed,Fri", "enter", "9-12", "enter", "enter", "Mon-Thu", "enter", "18-21", "enter",
		"enter", "enter", "enter", "enter", "enter",
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
