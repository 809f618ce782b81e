package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestLongStatusWraps checks that a status sentence longer than the
// terminal is wide is read whole, on up to three lines taken from the
// screen above it (which is sized again to the lines left), and that the
// frame keeps its height and width.
func TestLongStatusWraps(t *testing.T) {
	long := "this profile changed in another weekfit window; it has been reloaded — check it, then delete again"
	cases := []struct {
		name      string
		status    string
		width     int
		wantLines int
	}{
		{"short", "saved", 80, 1},
		{"two lines at 80", long, 80, 2},
		{"one line at 120", long, 120, 1},
		{"cut at three lines", strings.Repeat(long+" ", 4), 80, 3},
	}
	for _, c := range cases {
		m := started(t, storeWith(t, 1), c.width, 30)
		m.setStatus(c.status, true)
		if m.statusRows != c.wantLines {
			t.Fatalf("%s: the screens were sized for a status of %d lines, want %d", c.name, m.statusRows, c.wantLines)
		}
		frame := m.View()
		lines := strings.Split(frame, "\n")
		if len(lines) != 30 {
			t.Fatalf("%s: %d lines, want 30", c.name, len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > c.width {
				t.Fatalf("%s: line %d is %d columns wide", c.name, i, w)
			}
		}
		status := lines[len(lines)-1-c.wantLines : len(lines)-1]
		if !strings.HasPrefix(ansi.Strip(status[0]), "! ") {
			t.Fatalf("%s: the status does not start %d lines above the help:\n%s", c.name, c.wantLines, frame)
		}
		text := ansi.Strip(strings.Join(status, " "))
		if c.wantLines < 3 && !strings.Contains(strings.Join(strings.Fields(text), " "), c.status) {
			t.Errorf("%s: the status reads %q, want all of %q", c.name, text, c.status)
		}
		if above := ansi.Strip(lines[len(lines)-2-c.wantLines]); strings.HasPrefix(above, "! ") {
			t.Errorf("%s: the status takes more than %d lines", c.name, c.wantLines)
		}
	}
}
