package main

import (
	"os"
	"strings"
	"testing"
	"weekfit/export"
)

// TestEveryCommandDocumented checks the command table against the usage
// text and the README's table of commands.
func TestEveryCommandDocumented(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := usage()
	for _, c := range commands() {
		if c.name == "" {
			continue
		}
		if !strings.Contains(text, "  weekfit "+c.name+" ") && !strings.Contains(text, "  weekfit "+c.name+"\n") {
			t.Errorf("the usage text lacks %q", c.name)
		}
		if !strings.Contains(string(readme), "| `weekfit "+c.name) {
			t.Errorf("README.md's table of commands lacks %q", c.name)
		}
		if c.run == nil {
			t.Errorf("%q runs nothing", c.name)
		}
	}
}

// TestTUIFormatsAreTheTable checks that the TUI's Export screen offers the
// export table's formats, in its order and words.
func TestTUIFormatsAreTheTable(t *testing.T) {
	got := tuiFormats()
	want := export.Formats()
	if len(got) != len(want) {
		t.Fatalf("the TUI offers %d formats, the table has %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Name != want[i].Name || got[i].What != want[i].What {
			t.Errorf("format %d: the TUI offers %+v, the table has %s (%s)", i, got[i], want[i].Name, want[i].What)
		}
	}
}
