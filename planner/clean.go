package planner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// StripControls returns s without anything a terminal would act on rather
// than print: C0 controls, DEL and C1 controls are dropped, and with them the
// whole escape sequence each one starts (a CSI such as ESC [ 2 J, an OSC such
// as a window title or an OSC 52 clipboard write, and DCS, SOS, PM and APC
// strings, each up to its terminator). Tabs and line breaks become spaces and
// bytes that are not UTF-8 become U+FFFD. Every other character, accents, CJK
// and emoji among them, is kept: a string without controls comes back as it is.
func StripControls(s string) string {
	if !hasControl(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		// An if chain, not a tagless switch: Go's coverage profile records
		// the conditions of an else-if but not those of a case.
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else if r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' {
			b.WriteByte(' ')
		} else if r == 0x1b {
			n += escLen(s[i+n:])
		} else if r == 0x9b { // CSI
			n += csiLen(s[i+n:])
		} else if r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f { // DCS, SOS, OSC, PM, APC
			n += stringLen(s[i+n:])
		} else if !unicode.IsControl(r) {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// hasControl reports whether s holds a control character or a byte that is
// not UTF-8.
func hasControl(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsControl(r) || (r == utf8.RuneError && n == 1) {
			return true
		}
		i += n
	}
	return false
}

// escLen is the length of the rest of an escape sequence after its ESC.
func escLen(rest string) int {
	if rest == "" {
		return 0
	}
	c := rest[0]
	if c == '[' {
		return 1 + csiLen(rest[1:])
	}
	if c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_' {
		return 1 + stringLen(rest[1:])
	}
	if c >= 0x20 && c <= 0x2f { // intermediates, then a final byte
		j := 0
		for j < len(rest) && rest[j] >= 0x20 && rest[j] <= 0x2f {
			j++
		}
		if j < len(rest) && rest[j] >= 0x30 && rest[j] <= 0x7e {
			j++
		}
		return j
	}
	if c >= 0x30 && c <= 0x7e { // a two-byte sequence such as ESC c
		return 1
	}
	return 0
}

// csiLen is the length of a control sequence's parameters, intermediates and
// final byte.
func csiLen(rest string) int {
	j := 0
	for j < len(rest) && rest[j] >= 0x20 && rest[j] <= 0x3f {
		j++
	}
	if j < len(rest) && rest[j] >= 0x40 && rest[j] <= 0x7e {
		j++
	}
	return j
}

// stringLen is the length of a control string (OSC, DCS, ...) up to and with
// its terminator: BEL, ST (ESC \ or U+009C). Another ESC ends it without being
// taken, and so does the end of s.
func stringLen(rest string) int {
	for j := 0; j < len(rest); j++ {
		if rest[j] == 0x07 {
			return j + 1
		}
		if rest[j] == 0x1b && j+1 < len(rest) && rest[j+1] == '\\' {
			return j + 2
		}
		if rest[j] == 0x1b {
			return j
		}
		if strings.HasPrefix(rest[j:], "\u009c") {
			return j + len("\u009c")
		}
	}
	return len(rest)
}

// cleanName strips the control characters from a name read at path. A name
// that held something but is left with nothing printable is an *InputError:
// whoever wrote it meant a name, and none can be shown.
func cleanName(path, raw string) (string, error) {
	s := StripControls(raw)
	if strings.TrimSpace(s) == "" && strings.TrimSpace(raw) != "" {
		return "", bad(path, raw, "%s", controlsOnly)
	}
	return s, nil
}

// controlsOnly says what is wrong with a name that is nothing but controls.
const controlsOnly = "holds nothing but control characters (terminal escape codes); write the name in plain text"

// isWord reports whether an id is one word: not empty, without spaces or
// control characters.
func isWord(id string) bool {
	return strings.TrimSpace(id) != "" && !strings.ContainsFunc(id, func(r rune) bool {
		return r == ' ' || unicode.IsControl(r)
	})
}

// CleanPlan returns a copy of p with StripControls applied to every name it
// holds: for a plan read back from storage or from a file, which ParseScenario
// has not seen.
func CleanPlan(p Plan) Plan {
	p.Program, p.ProgramName, p.Track = StripControls(p.Program), StripControls(p.ProgramName), StripControls(p.Track)
	p.Sessions = append([]Session(nil), p.Sessions...)
	for i := range p.Sessions {
		p.Sessions[i].Track = StripControls(p.Sessions[i].Track)
	}
	p.ShiftChanges = append([]ShiftChange(nil), p.ShiftChanges...)
	for i := range p.ShiftChanges {
		p.ShiftChanges[i].Job = StripControls(p.ShiftChanges[i].Job)
	}
	p.Covered = append([]Cover(nil), p.Covered...)
	for i := range p.Covered {
		p.Covered[i].Commitment = StripControls(p.Covered[i].Commitment)
		p.Covered[i].By = StripControls(p.Covered[i].By)
	}
	return p
}
