package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// TestExportFieldsInColour is issue 15's leftover on the Export screen: in
// colour mode the start date and folder rows, typed into, show no raw
// escape codes, show what was typed, and still draw colour and a cursor.
func TestExportFieldsInColour(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	cases := []struct {
		name  string
		keys  []string // from the plan screen to the field, then typing
		typed string
	}{
		{"start date", []string{"E", "down", "ctrl+u"}, "2026-12-07"},
		{"folder", []string{"E", "down", "down", "down", "ctrl+u"}, "/tmp/my exports"},
	}
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		for _, c := range cases {
			m := startedWith(t, storeWith(t, 1), exportOptions(&fakeExporter{}), size[0], size[1])
			m = typeKeys(m, c.keys...)
			m = typeKeys(m, strings.Split(c.typed, "")...)
			raw, seen := typingRow(t, m)
			for _, junk := range []string{"\x1b", "[7m", "[0m", "[4m", "[m"} {
				if strings.Contains(seen, junk) {
					t.Errorf("%dx%d %s: the row shows %q: %q", size[0], size[1], c.name, junk, seen)
				}
			}
			if !strings.Contains(seen, c.typed) {
				t.Errorf("%dx%d %s: the row does not show %q: %q", size[0], size[1], c.name, c.typed, seen)
			}
			if !strings.Contains(raw, "\x1b[") {
				t.Errorf("%dx%d %s: no colour or cursor drawn: %q", size[0], size[1], c.name, raw)
			}
		}
	}
}
