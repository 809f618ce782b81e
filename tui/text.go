package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"weekfit/planner"
)

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

// legend lists every glyph and what it means in at most width cells: in
// words, else in shorter words, else with narrower gaps, else with the words
// cut from the right; a glyph is never cut.
func legend(st *Styles, width int) string {
	type entry struct {
		glyph       string
		style       lipgloss.Style
		long, short string
	}
	var es []entry
	for k := planner.KindJob; k <= planner.KindSleep; k++ {
		es = append(es, entry{string(k.Glyph()), st.Kind[k], k.String(), k.String()})
	}
	es[planner.KindCommitment].short = "duty"
	es = append(es, entry{string(planner.GlyphFree), st.Free, "free", "free"},
		entry{string(planner.GlyphConflict), st.Conflict, "conflict", "clash"},
		entry{"*", st.Subtle, "moved shift", "moved"})
	build := func(gap string, word func(entry) string) string {
		parts := make([]string, len(es))
		for i, e := range es {
			parts[i] = e.style.Render(e.glyph)
			if w := word(e); w != "" {
				parts[i] += " " + w
			}
		}
		return strings.Join(parts, gap)
	}
	long := func(e entry) string { return e.long }
	short := func(e entry) string { return e.short }
	for _, try := range []string{build("  ", long), build(" ", long), build("  ", short), build(" ", short)} {
		if ansi.StringWidth(try) <= width {
			return try
		}
	}
	for n := 4; n >= 0; n-- {
		try := build(" ", func(e entry) string { return e.short[:min(n, len(e.short))] })
		if ansi.StringWidth(try) <= width || n == 0 {
			return ansi.Truncate(try, max(width, 0), "")
		}
	}
	return ""
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
