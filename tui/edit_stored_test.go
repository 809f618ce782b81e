package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestEditShowsWhatIsStored: once the week names catalog programs (whose
// merge reorders the places), every row of the Edit screen still shows the
// value the stored week holds: the catalog ids themselves, and each place
// under its own row. It used to show the merged week's values, so the
// catalog field read empty and the Places rows named other places.
func TestEditShowsWhatIsStored(t *testing.T) {
	m := started(t, storeWith(t, 1), 120, 40)
	m = typeKeys(m, "e")
	for m.edit.fields[m.edit.cursor].label != "catalog programs (ids)" {
		m = typeKeys(m, "j")
	}
	m = typeKeys(m, "enter", "ctrl+u")
	m = typeKeys(m, strings.Split("east", "")...)
	m = typeKeys(m, "enter")
	if got := strings.Join(m.d.sc.Catalog, ","); got != "east" {
		t.Fatalf("stored catalog ids %q, want east", got)
	}
	if len(m.d.full.Places) == len(m.d.sc.Places) {
		t.Fatalf("the merged week should add the catalog program's place")
	}
	checked := 0
	for i, f := range m.edit.fields {
		if f.kind == fHead || f.get == nil {
			continue
		}
		want := f.get(m.d.sc)
		row := ansi.Strip(m.edit.row(i))
		if want != "" && !strings.Contains(row, want) {
			t.Errorf("row %d (%s) = %q, want the stored %q", i, f.label, row, want)
		}
		checked++
	}
	if checked < 20 {
		t.Fatalf("only %d rows checked", checked)
	}
}
