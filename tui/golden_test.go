package tui

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
)

// TestGolden runs the program as a terminal would, goes to each screen and
// compares the final screen with testdata. Regenerate with -update.
func TestGolden(t *testing.T) {
	screens := []struct {
		name string
		keys []string
		want string
		opt  Options
	}{
		{"week", nil, "home by", Options{}},
		{"plans", []string{"2", "j"}, "Does not fit", Options{}},
		{"compare", []string{"3"}, "short nights", Options{}},
		{"edit", []string{"e", "j", "j"}, "arrive early", Options{}},
		{"profiles", []string{"P"}, "Profiles in this database", Options{}},
		{"help", []string{"?"}, "zoom in", Options{}},
		{"export", []string{"E"}, "Export the plan to a file", exportOptions(&fakeExporter{})},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				tm := teatest.NewTestModel(t, New(storeWith(t, 2), sc.opt), teatest.WithInitialTermSize(size[0], size[1]))
				waitFor(t, tm, "Plan 1 of 5")
				for _, k := range sc.keys {
					tm.Send(keyMsg(k))
				}
				if sc.name == "plans" {
					waitFor(t, tm, "to fit, ask:") // the fixes follow the plans
				}
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(Model)
				out := ansi.Strip(final.View())
				if !bytes.Contains([]byte(out), []byte(sc.want)) {
					t.Errorf("screen lacks %q:\n%s", sc.want, out)
				}
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

func waitFor(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

var _ tea.Model = Model{}
