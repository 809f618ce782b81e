package export

import (
	"strings"
	"testing"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
)

// TestICSWriterFoldsAndEscapes: every line is at most 75 octets, no line
// splits a character, TEXT values are escaped, and an independent iCalendar
// parser reads the values back exactly.
func TestICSWriterFoldsAndEscapes(t *testing.T) {
	values := []string{
		"short",
		strings.Repeat("x", 200),
		strings.Repeat("é", 100),               // two octets each: no split inside one
		strings.Repeat("日本", 60),               // three octets each
		"a; b, c \\ d\nnext line",              // every character TEXT escapes
		strings.Repeat("ab, ", 40) + "Ünïcödé", // escapes across a fold
	}
	w := &icsWriter{}
	w.begin("VCALENDAR")
	w.prop("VERSION", "2.0")
	w.prop("PRODID", "-//weekfit//test//EN")
	for i, v := range values {
		w.begin("VEVENT")
		w.text("UID", string(rune('a'+i)))
		w.text("SUMMARY", v)
		w.end("VEVENT")
	}
	w.end("VCALENDAR")
	out := string(w.bytes())
	if !strings.HasSuffix(out, "\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Fatalf("lines must end in CRLF and only there")
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > maxLine {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line splits a character: %q", line)
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	events := cal.Events()
	if len(events) != len(values) {
		t.Fatalf("%d events, want %d", len(events), len(values))
	}
	for i, e := range events {
		if got := ics.FromText(e.GetProperty(ics.ComponentPropertySummary).Value); got != values[i] {
			t.Errorf("summary %d read back as %q, want %q", i, got, values[i])
		}
	}
}
