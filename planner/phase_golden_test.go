package planner

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestPhasedGolden keeps the text and JSON of `weekfit solve` for the
// evening-then-aftercare week (go test ./planner -run PhasedGolden -update
// writes them again); the command's own test compares its output with them.
func TestPhasedGolden(t *testing.T) {
	sc, err := parseMap(t, phasedFile(t))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Solve(sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var text, js bytes.Buffer
	if err := WriteText(&text, sc, res); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&js, res); err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"evening-aftercare.txt": text.Bytes(), "evening-aftercare.out.json": js.Bytes()} {
		path := "testdata/phases/" + name
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs (-update writes it):\n%s", path, got)
		}
	}
}

// TestPhaseGrid: the grid of a phase shows that phase's sessions, from
// tracks of its own.
func TestPhaseGrid(t *testing.T) {
	sc, err := parseMap(t, phasedFile(t))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Solve(sc, Options{})
	if err != nil || len(res.Plans) != 1 {
		t.Fatalf("%v", err)
	}
	after := &res.Plans[0].Phases[1]
	var sessions []string
	for _, b := range Timeline(sc.ForPhase("lakeside", 1), &after.Plan) {
		if b.Kind == KindSession {
			sessions = append(sessions, fmt.Sprintf("%d-%d", b.Start, b.End))
		}
	}
	thu := 3 * MinutesPerDay
	if fmt.Sprint(sessions) != fmt.Sprintf("[%d-%d]", thu+17*60+50, thu+19*60) {
		t.Fatalf("aftercare sessions on the grid: %v, want Thu 17:50-19:00 (arriving 10 minutes early)", sessions)
	}
	if sc.ForPhase("nope", 0) != sc || sc.ForPhase("lakeside", 2) != sc {
		t.Fatal("ForPhase of no such program or phase is not the week itself")
	}
}

// TestPublishedSchedules solves weeks built from programs' published
// schedules and checks the phase dates and the leave, worked out by hand.
func TestPublishedSchedules(t *testing.T) {
	cases := []struct {
		file    string
		phases  string
		perWeek string // minutes a usual week, per phase
		total   int    // minutes
		left    int
		runsOut string
	}{
		// three evenings for six weeks, then an hour on Thursdays for twelve;
		// 30 minutes off work each evening is an hour of leave; Thanksgiving
		// (a session day) is closed
		{"evening-aftercare.json", "[Intensive 2027-10-25..2027-12-05 Evening 2027-12-06..2028-02-27 Thursday]", "[180 0]", 17 * 60, (510 - 17) * 60, ""},
		// five mornings for three weeks, then three for five: the shift starts
		// at 11:55 instead of 07:30 (08:30-11:30 and 25 minutes to work), 265
		// minutes, 270 in quarter hours; Memorial Day (a session Monday) is
		// closed, the Monday after Independence Day falls after the end
		{"mornings-taper.json", "[Daily 2027-05-10..2027-05-30 Mornings 2027-05-31..2027-07-04 Mornings]", "[1350 810]", (15 + 15 - 1) * 270, 510*60 - 29*270, ""},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/phases/" + c.file)
			if err != nil {
				t.Fatal(err)
			}
			sc, err := ParseScenario(data)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Solve(sc, Options{})
			if err != nil || len(res.Plans) == 0 {
				t.Fatalf("%v, %d plans", err, len(res.Plans))
			}
			pl := &res.Plans[0]
			var ph []string
			for k, p := range pl.Phases {
				s := fmt.Sprintf("%s..%s %s", p.From.Format(time.DateOnly), p.Until.Format(time.DateOnly), p.Plan.Track)
				if k == 0 {
					s = p.Name + " " + s
				}
				ph = append(ph, s)
			}
			got := strings.Join(ph, " ")
			want := strings.Trim(c.phases, "[]")
			l := pl.Leave
			runs := ""
			if !l.RunsOut.IsZero() {
				runs = l.RunsOut.Format(time.DateOnly)
			}
			if got != want || fmt.Sprint(l.MinutesPerWeek) != c.perWeek || l.TotalMinutes != c.total || l.EntitlementLeft != c.left || runs != c.runsOut {
				t.Fatalf("phases %s\nleave %v a week, %d in all, %d left, runs out %q\nwant %s\n%s, %d, %d, %q", got, l.MinutesPerWeek, l.TotalMinutes, l.EntitlementLeft, runs, want, c.perWeek, c.total, c.left, c.runsOut)
			}
			for _, m := range l.MinutesPerWeek {
				if int(m)%l.Increment != 0 && sc.Weeks() == 1 {
					t.Fatalf("%v a week is not in whole increments of %d", l.MinutesPerWeek, l.Increment)
				}
			}
		})
	}
}
