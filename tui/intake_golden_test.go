package tui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
)

// intakeScreens are the interview's groups with the answers that reach each
// (the warehouse week's, in order) and a line each shows.
func intakeScreens() []struct {
	name   string
	script []answer
	want   string
} {
	all := warehouseScript()
	upTo := func(s answer) []answer {
		for i, a := range all {
			if a == s {
				return all[:i]
			}
		}
		panic("no " + s + " in the warehouse script")
	}
	// the first answer of each group
	return []struct {
		name   string
		script []answer
		want   string
	}{
		{"work", all[:2], "Whose week is this?"},
		{"work_job", upTo("6-14:30"), "What hours?"},
		{"work_rotation", append(upTo("6-14:30"), "6-14:30", "enter"), "Does your schedule change from week to week?"},
		{"travel", upTo("25")[:len(upTo("25"))-2], "How do you get around?"},
		{"family", upTo("School pickup"), "A duty that cannot move"},
		{"family_helper", upTo("Sister"), "Who could take it over"},
		{"sleep", upTo("22"), "When do you usually go to bed?"},
		{"programs", upTo("Riverside"), "The program's name"},
		{"programs_tracks", upTo("Mon,Wed,Fri"), "First track"},
		{"programs_rules", upTo("20")[:len(upTo("20"))-1], "Are these its rules?"},
		{"programs_trips", upTo("20"), "How many minutes from home to the program?"},
		{"review", all[:len(all)-1], "6 of 6: Review"},
		// asked from the review
		{"add", append(busyUpTo("Diner")[:len(all)-1:len(all)-1], "a"), "What would you like to add?"},
		{"job_more", busyUpTo("Diner"), "What do you call this job?"},
		{"duty_more", busyUpTo("Care of mum"), "What is the duty?"},
		{"helper_more", busyUpTo("Aunt"), "Who else could take over a duty"},
		{"rotation", busyUpTo("Sat,Sun"), "Week 2 at Warehouse: which days?"},
		{"pattern", patternScript()[:len(patternScript())-4], "Which other days do you work there?"},
		{"review_busy", busyScript(), "1-9 change a line"},
		{"catalog_pick", pickScript()[:len(pickScript())-6], "Is it one of these, from the clinic's list?"},
	}
}

// busyUpTo returns the busy week's script up to an answer.
func busyUpTo(s answer) []answer {
	all := busyScript()
	for i, a := range all {
		if a == s {
			return all[:i:i]
		}
	}
	panic("no " + s + " in the busy script")
}

// TestIntakeGolden runs the program as a terminal would through the
// interview and compares each group's screen with testdata. Regenerate with
// -update.
func TestIntakeGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range intakeScreens() {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				tm := teatest.NewTestModel(t, New(storeWith(t, 1), Options{}), teatest.WithInitialTermSize(size[0], size[1]))
				waitFor(t, tm, "Plan 1 of 5")
				for _, a := range sc.script {
					switch s := string(a); s {
					case "enter", "down", "up", "esc":
						tm.Send(keyMsg(s))
					default:
						for _, r := range s {
							tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
						}
					}
				}
				waitFor(t, tm, sc.want)
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

// TestIntakeSizeSweep draws each group at a sample of sizes from 0x0 to
// 200x60 (every size near the minimum): no panic, no line wider than the
// terminal.
func TestIntakeSizeSweep(t *testing.T) {
	for _, sc := range intakeScreens() {
		m := started(t, storeWith(t, 1), 120, 40)
		m, _ = typeScript(m, sc.script...)
		if !strings.Contains(view(m), sc.want) {
			t.Fatalf("%s: screen lacks %q:\n%s", sc.name, sc.want, view(m))
		}
		for w := 0; w <= 200; w++ {
			for h := 0; h <= 60; h++ {
				if (w%7 != 0 || h%5 != 0) && (w < MinWidth-1 || w > MinWidth+1) && (h < MinHeight-1 || h > MinHeight+1) {
					continue
				}
				tm, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
				checkFits(t, fmt.Sprintf("%s at %dx%d", sc.name, w, h), tm.View(), w, h)
			}
		}
	}
}
