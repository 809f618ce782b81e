package planner_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"weekfit/planner"
)

// hostile are names as a third party's file can hold them: each must lose
// its controls and keep its text.
var hostile = []struct{ name, in, want string }{
	{"plain ASCII", "Riverside Recovery", "Riverside Recovery"},
	{"accents, CJK, emoji", "Clínica Ñandú 東京 🧘‍♀️", "Clínica Ñandú 東京 🧘‍♀️"},
	{"CSI clear screen", "Mom\x1b[2J\x1b[H", "Mom"},
	{"CSI colour", "\x1b[31;1mRed\x1b[0m Cross", "Red Cross"},
	{"CSI private mode", "a\x1b[?1049hb", "ab"},
	{"OSC 0 title, BEL", "\x1b]0;pwned\x07Office", "Office"},
	{"OSC 2 title, ST", "Office\x1b]2;tmux title\x1b\\", "Office"},
	{"OSC 52 clipboard", "Clinic\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07", "Clinic"},
	{"OSC 8 hyperlink", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"},
	{"unterminated OSC", "Job\x1b]0;title", "Job"},
	{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
	{"APC", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
	{"BEL", "Ding\x07Dong", "DingDong"},
	{"C1 CSI", "Day\u009b2JShift", "DayShift"},
	{"C1 OSC with C1 ST", "x\u009d0;t\u009cy", "xy"},
	{"C1 other", "a\u0085b\u0084c", "abc"},
	{"DEL", "Back\x7fspace", "Backspace"},
	{"NUL and other C0", "a\x00b\x01c\x1fd", "abcd"},
	{"tabs and newlines", "School\tpickup\r\nMon", "School pickup  Mon"},
	{"two-byte escapes", "\x1bcReset\x1b7\x1b8", "Reset"},
	{"charset designation", "\x1b(BAB\x1b)0", "AB"},
	{"lone ESC at the end", "Gym\x1b", "Gym"},
	{"ESC before non-ASCII", "\x1bé", "é"},
	{"invalid UTF-8", "a\xffb\x9bc", "a\ufffdb\ufffdc"},
	{"only escapes", "\x1b[2J\x1b]0;x\x07", ""},
}

func TestStripControls(t *testing.T) {
	for _, tc := range hostile {
		t.Run(tc.name, func(t *testing.T) {
			if got := planner.StripControls(tc.in); got != tc.want {
				t.Fatalf("StripControls(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzStripControls: the result has no control character and is UTF-8,
// cleaning it again changes nothing, and text without controls is kept as is.
func FuzzStripControls(f *testing.F) {
	for _, tc := range hostile {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := planner.StripControls(s)
		if !utf8.ValidString(out) {
			t.Fatalf("%q -> %q: not UTF-8", s, out)
		}
		if i := strings.IndexFunc(out, unicode.IsControl); i >= 0 {
			t.Fatalf("%q -> %q: a control character at byte %d", s, out, i)
		}
		if again := planner.StripControls(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
		if utf8.ValidString(s) && !strings.ContainsFunc(s, unicode.IsControl) && out != s {
			t.Fatalf("printable %q changed to %q", s, out)
		}
		if len(out) > len(s)*3 {
			t.Fatalf("%q grew to %q", s, out)
		}
	})
}

// TestCleanPlan: every name of a plan loses its controls; the plan given is
// not changed.
func TestCleanPlan(t *testing.T) {
	p := planner.Plan{Program: "river\x07side", ProgramName: "\x1b]0;t\x07IOP", Track: "Eve\x7fning",
		Sessions:     []planner.Session{{Week: 1, Track: "Eve\u009b2Jning"}},
		ShiftChanges: []planner.ShiftChange{{Job: "Off\x1b[1mice"}},
		Covered:      []planner.Cover{{Commitment: "Pick\x07up", By: "M\x1b]52;c;eA==\x07om"}}}
	got := planner.CleanPlan(p)
	names := []string{got.Program, got.ProgramName, got.Track, got.Sessions[0].Track, got.ShiftChanges[0].Job, got.Covered[0].Commitment, got.Covered[0].By}
	want := []string{"riverside", "IOP", "Evening", "Evening", "Office", "Pickup", "Mom"}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("names = %q, want %q", names, want)
		}
	}
	if p.Sessions[0].Track != "Eve\u009b2Jning" || p.Covered[0].By != "M\x1b]52;c;eA==\x07om" {
		t.Fatal("CleanPlan changed the plan it was given")
	}
}

// BenchmarkStripControls: a plain name (the common case, checked and kept)
// and a name full of escape codes.
func BenchmarkStripControls(b *testing.B) {
	for _, in := range []string{"Riverside Recovery IOP, Evening track", "\x1b]0;pwned\x07Riverside\x1b[2J Recovery\u009b1m IOP\x1b]52;c;ZXZpbA==\x07"} {
		b.Run(fmt.Sprintf("%d-bytes", len(in)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = planner.StripControls(in)
			}
		})
	}
}
