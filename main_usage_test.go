package main

import (
	"os"
	"strings"
	"testing"
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
