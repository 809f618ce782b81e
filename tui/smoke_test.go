package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestSmokePrint(t *testing.T) {
	m := started(t, storeWith(t, 2), 120, 40)
	fmt.Println(ansi.Strip(m.View()))
	for _, k := range []string{"2", "3", "4", "P", "?"} {
		m = typeKeys(m, k)
		fmt.Println(ansi.Strip(m.View()))
	}
	m = started(t, storeWith(t, 2), 80, 24)
	fmt.Println(ansi.Strip(m.View()))
}
