package tui

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestScreenError(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`jobs[0].shifts[1].time: "25:00-07:00": hour out of range`, `job 1 shift 2 time: "25:00-07:00": hour out of range`},
		{`travel[1].to: "clinc": unknown place id`, `leg 2 to: "clinc": unknown place id`},
		{`rush_hours[0].factor: "0.5": below 1`, `rush 1 factor: "0.5": below 1`},
		{`programs[0].tracks[1].sessions[0].days: "Mon-Fry": unknown day`, `program 1 track 2 sessions 1 days: "Mon-Fry": unknown day`},
		{`jobs[0].max_unpaid_minutes_per_week: "-1": minutes cannot be negative`, `job 1 max unpaid minutes per week: "-1": minutes cannot be negative`},
		{`support[0].covers[0]: "Pickup": no duty of that name`, `person 1 covers 1: "Pickup": no duty of that name`},
		{`the week has no program: add one`, `the week has no program: add one`},
		{`no colon here`, `no colon here`},
	} {
		if got := screenError(errors.New(tc.in)); got != tc.want {
			t.Errorf("screenError(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEditErrorUsesLabelsAndWraps(t *testing.T) {
	m := started(t, storeWith(t, 1), 80, 24)
	m = typeKeys(m, "e")
	m = gotoField(t, m, "place", "Office")
	m = typeKeys(m, "enter", "ctrl+u", "m", "o", "o", "n", "enter")
	if !strings.HasPrefix(m.edit.err, "job 1 place: ") {
		t.Fatalf("the error does not use the screen's labels: %q", m.edit.err)
	}
	v := view(m)
	if strings.Contains(v, "jobs[0]") || !strings.Contains(v, "! job 1 place:") {
		t.Errorf("the screen does not show the error in its labels:\n%s", v)
	}
	// the error is longer than the line: its last words are on screen, on lines of their own
	words := strings.Fields(m.edit.err)
	last := words[len(words)-1]
	if !strings.Contains(v, last) {
		t.Errorf("the error is cut (%q missing):\n%s", last, v)
	}
	checkFits(t, "edit error at 80x24", m.View(), 80, 24)
}

func TestEditListKeepsTwoRowsOfContext(t *testing.T) {
	m := started(t, storeWith(t, 1), 80, 24)
	m = typeKeys(m, "e")
	rows := m.edit.rows()
	for i := 0; i < rows+5; i++ {
		m = typeKeys(m, "j")
		if below := m.edit.top + rows - 1 - m.edit.cursor; below < editContext && m.edit.top+rows < len(m.edit.fields) {
			t.Fatalf("at field %d only %d fields below the cursor are in sight", m.edit.cursor, below)
		}
	}
	for i := 0; i < 5; i++ {
		m = typeKeys(m, "k")
		if above := m.edit.cursor - m.edit.top; above < editContext && m.edit.top > 0 {
			t.Fatalf("at field %d only %d fields above the cursor are in sight", m.edit.cursor, above)
		}
	}
}

func TestEditShowsTheWholeValueWhileTyping(t *testing.T) {
	typed := "Riverside warehouse, loading dock B, north gate"
	for _, size := range [][2]int{{120, 40}, {60, 16}} {
		m := started(t, storeWith(t, 1), size[0], size[1])
		m = typeKeys(m, "e")
		m = gotoField(t, m, "job 1 name", "Office")
		m = typeKeys(m, "enter", "ctrl+u")
		room := size[0] - labelWidth - 5
		for i, r := range typed {
			m = typeKeys(m, string(r))
			want := typed[:i+1] // all of it while it fits, else its end, where the cursor is
			if len(want) > room {
				want = want[len(want)-room:]
			}
			if v := view(m); !strings.Contains(v, want) {
				t.Fatalf("%dx%d: while typing, the field does not show %q:\n%s", size[0], size[1], want, v)
			}
		}
		m = run(m, tea.KeyMsg{Type: tea.KeyHome})
		if start := typed[:min(room, len(typed))]; !strings.Contains(view(m), start) {
			t.Errorf("%dx%d: home does not scroll back to the start %q:\n%s", size[0], size[1], start, view(m))
		}
	}
}
