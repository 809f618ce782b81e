package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"weekfit/planner"
)

// blockLabel is the short name a block shows in its first cell.
func blockLabel(b *planner.Block) string {
	if b.Bent {
		return b.Label + "*"
	}
	return b.Label
}

// pad cuts or fills s to exactly w cells.
func pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := width(s)
	if n > w {
		s = ansi.Truncate(s, w, "")
		n = width(s)
	}
	if n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// width is the cells s takes on screen, quickly for plain ASCII.
func width(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x7f || s[i] < 0x20 {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// legend lists every glyph and what it means, cut to width.
func legend(st *Styles, width int) string {
	var parts []string
	for k := planner.KindJob; k <= planner.KindSleep; k++ {
		parts = append(parts, st.Kind[k].Render(string(k.Glyph()))+" "+k.String())
	}
	parts = append(parts, st.Free.Render(string(planner.GlyphFree))+" free",
		st.Conflict.Render(string(planner.GlyphConflict))+" conflict", "* moved shift")
	return ansi.Truncate(strings.Join(parts, "  "), max(width, 0), "")
}

// hm writes minutes as "5h10" or "40 min".
func hm(m int) string {
	if m < 60 && m > -60 {
		return fmt.Sprintf("%dm", m)
	}
	if m%60 == 0 {
		return fmt.Sprintf("%dh", m/60)
	}
	return fmt.Sprintf("%dh%02d", m/60, abs(m%60))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// joinColumns puts right beside left, line by line; every line of left is
// already leftWidth cells wide, except lines past its end.
func joinColumns(left []string, leftWidth int, sep string, right []string) string {
	var b strings.Builder
	blank := strings.Repeat(" ", leftWidth)
	for i := 0; i < max(len(left), len(right)); i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(left) {
			b.WriteString(left[i])
		} else {
			b.WriteString(blank)
		}
		if i < len(right) {
			b.WriteString(sep)
			b.WriteString(right[i])
		}
	}
	return b.String()
}

// wrap breaks text into lines of at most w cells, at spaces where it can.
func wrap(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Wrap(s, w, "")
}
