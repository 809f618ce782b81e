package export

import (
	"strings"
	"unicode/utf8"
)

// icsWriter writes iCalendar content lines (RFC 5545 section 3.1): CRLF line
// ends, lines folded at 75 octets without splitting a character, and TEXT
// values escaped. weekfit only writes calendars, and this is all it needs of
// the format; the tests read what it writes back with an iCalendar parser.
type icsWriter struct {
	b strings.Builder
}

// maxLine is the longest content line, in octets, before it is folded.
const maxLine = 75

// prop writes one property whose value is written as it is (dates, rules,
// offsets); name may carry parameters, as in "DTSTART;TZID=Europe/Paris".
func (w *icsWriter) prop(name, value string) {
	w.fold(name + ":" + value)
}

// text writes one property of type TEXT, escaping backslashes, semicolons,
// commas and line breaks.
func (w *icsWriter) text(name, value string) {
	w.prop(name, icsText.Replace(value))
}

var icsText = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// fold writes a content line, continuing it on lines that begin with a space
// where it is longer than maxLine octets.
func (w *icsWriter) fold(line string) {
	limit := maxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		w.b.WriteString(line[:cut])
		w.b.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLine - 1 // the leading space counts
	}
	w.b.WriteString(line)
	w.b.WriteString("\r\n")
}

func (w *icsWriter) begin(component string) { w.prop("BEGIN", component) }
func (w *icsWriter) end(component string)   { w.prop("END", component) }

// bytes returns what has been written.
func (w *icsWriter) bytes() []byte { return []byte(w.b.String()) }
