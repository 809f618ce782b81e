package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// typingRow is the row of the field being typed into, raw (with its escape
// codes) and as a person sees it.
func typingRow(t *testing.T, m Model) (raw, seen string) {
	t.Helper()
	for _, line := range strings.Split(m.View(), "\n") {
		if s := ansi.Strip(line); strings.HasPrefix(s, "> ") {
			return line, s
		}
	}
	t.Fatalf("no field under the cursor:\n%s", view(m))
	return "", ""
}

// TestEditFieldInColour is issue 15's Edit field in colour mode: while a
// value is typed, the row shows no raw escape codes, the whole value when
// it fits, and when it does not the part around the cursor, scrolling
// sideways as the cursor moves; a cursor is drawn.
func TestEditFieldInColour(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		st, _ := editAllDB(t)
		m := started(t, st, size[0], size[1])
		m = typeKeys(m, "e", "j", "enter")
		if !m.edit.editing {
			t.Fatal("enter did not open the name field")
		}
		check := func(what string, want ...string) {
			t.Helper()
			raw, seen := typingRow(t, m)
			for _, junk := range []string{"\x1b", "[7m", "[0m", "[4m", "[m"} {
				if strings.Contains(seen, junk) {
					t.Errorf("%dx%d %s: the row shows %q: %q", size[0], size[1], what, junk, seen)
				}
			}
			if !strings.Contains(raw, "\x1b[") {
				t.Errorf("%dx%d %s: no colour or cursor drawn: %q", size[0], size[1], what, raw)
			}
			if ansi.StringWidth(seen) > size[0] {
				t.Errorf("%dx%d %s: the row is %d wide: %q", size[0], size[1], what, ansi.StringWidth(seen), seen)
			}
			for _, w := range want {
				if !strings.Contains(seen, w) {
					t.Errorf("%dx%d %s: the row does not show %q: %q", size[0], size[1], what, w, seen)
				}
			}
		}
		check("the stored value", "Edit test")
		m = typeKeys(m, "ctrl+u")
		short := "Office worker, evenings"
		m = typeKeys(m, strings.Split(short, "")...)
		check("a short value", short)
		// A value wider than the field: the end, where the cursor is, shows.
		long := "Aaaa-start " + strings.Repeat("middle ", 14) + "zzzz-end"
		m = typeKeys(m, "ctrl+u")
		m = typeKeys(m, strings.Split(long, "")...)
		check("a long value at its end", "zzzz-end")
		if _, seen := typingRow(t, m); strings.Contains(seen, "Aaaa-start") {
			t.Fatalf("%dx%d: the whole long value fits, so the test shows nothing: %q", size[0], size[1], seen)
		}
		m = typeKeys(m, "home")
		check("a long value at its start", "Aaaa-start")
		m = typeKeys(m, "enter")
		if m.d.sc.Name != long {
			t.Errorf("the name saved is %q", m.d.sc.Name)
		}
	}
}
