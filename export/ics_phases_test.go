package export

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"weekfit/planner"
)

// phasedPlan solves the evening-then-aftercare week of the planner's tests:
// Mon, Tue and Thu 17:30-21:00 for six weeks from Mon 25 Oct 2027, then
// Thu 18:00-19:00 for twelve, closed on Thanksgiving (a session day) and
// four other days.
func phasedPlan(t *testing.T) (*planner.Scenario, planner.Plan) {
	t.Helper()
	return phasedPlanOf(t, "evening-aftercare.json")
}

func phasedPlanOf(t *testing.T, file string) (*planner.Scenario, planner.Plan) {
	t.Helper()
	data, err := os.ReadFile("../planner/testdata/phases/" + file)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := planner.Solve(sc, planner.Options{})
	if err != nil || len(res.Plans) != 1 {
		t.Fatalf("%v", err)
	}
	return sc, res.Plans[0]
}

// phasedWant is every session the calendar must show, written out by hand:
// New York's clocks go back on 7 Nov 2027, inside the first phase.
func phasedWant() []string {
	var out []string
	for _, d := range strings.Fields(`2027-10-25 2027-10-26 2027-10-28 2027-11-01 2027-11-02 2027-11-04
		2027-11-08 2027-11-09 2027-11-11 2027-11-15 2027-11-16 2027-11-18 2027-11-22 2027-11-23
		2027-11-29 2027-11-30 2027-12-02`) {
		out = append(out, d+" 17:30 "+d+" 21:00")
	}
	for _, d := range strings.Fields(`2027-12-09 2027-12-16 2027-12-23 2027-12-30 2028-01-06 2028-01-13
		2028-01-20 2028-01-27 2028-02-03 2028-02-10 2028-02-17 2028-02-24`) {
		out = append(out, d+" 18:00 "+d+" 19:00")
	}
	return out
}

func renderPhased(t *testing.T, loc *time.Location, p planner.Plan, sc *planner.Scenario) string {
	t.Helper()
	out, err := Render("ics", sc, p, Options{Start: sc.Start, Loc: loc, Now: time.Date(2027, 10, 1, 9, 0, 0, 0, time.UTC), Names: true})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plan.ics")
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPhasedICSText(t *testing.T) {
	sc, p := phasedPlan(t)
	loc := testZone(t, "America/New_York")
	out, err := os.ReadFile(renderPhased(t, loc, p, sc))
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{
		"RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20271202T223000Z\r\nEXDATE;TZID=America/New_York:20271125T173000\r\n",
		"DTSTART;TZID=America/New_York:20271209T180000\r\n",
		"RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=12\r\n",
		"RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6\r\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the calendar lacks %q", want)
		}
	}
	if n := strings.Count(text, "BEGIN:VEVENT"); n != 4 {
		t.Errorf("%d events, want 4: three evenings and the aftercare Thursday", n)
	}
}

func TestPhasedICSInCalcurse(t *testing.T) {
	needTool(t, "calcurse")
	const zone = "America/New_York"
	sc, p := phasedPlan(t)
	path := renderPhased(t, testZone(t, zone), p, sc)
	dir := filepath.Dir(path)
	data, conf := mkdirs(t, dir, "data"), mkdirs(t, dir, "conf")
	report := runTool(t, zone, "calcurse", "-D", data, "-C", conf, "-i", path)
	if !strings.Contains(report, "0 skipped") {
		t.Errorf("calcurse skipped something:\n%s", report)
	}
	list := runTool(t, zone, "calcurse", "-D", data, "-C", conf, "-Q", "--filter-type", "cal",
		"--from", "10/18/2027", "--days", "160",
		"--format-apt", "%(start:%Y-%m-%d %H:%M) %(end:%Y-%m-%d %H:%M) %m\\n",
		"--format-recur-apt", "%(start:%Y-%m-%d %H:%M) %(end:%Y-%m-%d %H:%M) %m\\n")
	if testing.Verbose() {
		t.Log(list)
	}
	sameList(t, "calcurse", occurrences(list), phasedWant())
}

func TestPhasedICSInKhal(t *testing.T) {
	needTool(t, "khal")
	loc := testZone(t, "America/New_York")
	sc, p := phasedPlan(t)
	path := renderPhased(t, loc, p, sc)
	dir := filepath.Dir(path)
	cal := mkdirs(t, dir, "cal")
	conf := filepath.Join(dir, "khal.conf")
	if err := os.WriteFile(conf, []byte(strings.ReplaceAll(khalConfig, "%DIR%", cal)), 0o600); err != nil {
		t.Fatal(err)
	}
	runTool(t, "UTC", "khal", "-c", conf, "import", "--batch", "-a", "weekfit", path)
	list := runTool(t, "UTC", "khal", "-c", conf, "list", "--format", "{start} {end} {title}", "--day-format", "",
		"2027-10-18", "160d")
	var want []string
	for _, w := range phasedWant() {
		want = append(want, inUTC(t, w, loc))
	}
	sameList(t, "khal", occurrences(list), want)
}

// TestPhasedICSFromSavedPlan: a plan kept without its phases (as a plan
// saved before them is) gets them back, the later phases solved again.
func TestPhasedICSFromSavedPlan(t *testing.T) {
	sc, p := phasedPlan(t)
	bare := p
	bare.Phases, bare.Leave = nil, nil
	a, err := Render("ics", sc, p, Options{Start: ymd("2027-10-25"), Loc: time.UTC, Now: time.Date(2027, 10, 1, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render("ics", sc, bare, Options{Start: ymd("2027-10-25"), Loc: time.UTC, Now: time.Date(2027, 10, 1, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) || !strings.Contains(string(b), "BYDAY=TH;COUNT=12") {
		t.Fatalf("the plan without its phases exports otherwise:\n%s", b)
	}
}

// TestPhasedICSTaper: five mornings a week for three weeks, then three for
// five, closed on Memorial Day (a session Monday): calcurse and khal show
// 29 mornings, none that Monday and none after Sun 4 Jul 2027.
func TestPhasedICSTaper(t *testing.T) {
	loc := testZone(t, "America/Chicago")
	sc, p := phasedPlanOf(t, "mornings-taper.json")
	var want []string
	for d := ymd("2027-05-10"); d.Before(ymd("2027-07-05")); d = d.AddDate(0, 0, 1) {
		wd := d.Weekday()
		taper := !d.Before(ymd("2027-05-31"))
		if wd == time.Saturday || wd == time.Sunday || (taper && wd != time.Monday && wd != time.Wednesday && wd != time.Friday) || d.Equal(ymd("2027-05-31")) {
			continue
		}
		day := d.Format(time.DateOnly)
		want = append(want, day+" 08:30 "+day+" 11:30")
	}
	if len(want) != 29 {
		t.Fatalf("the hand-made list has %d mornings", len(want))
	}
	t.Run("calcurse", func(t *testing.T) {
		needTool(t, "calcurse")
		path := renderPhased(t, loc, p, sc)
		dir := filepath.Dir(path)
		data, conf := mkdirs(t, dir, "data"), mkdirs(t, dir, "conf")
		runTool(t, "America/Chicago", "calcurse", "-D", data, "-C", conf, "-i", path)
		list := runTool(t, "America/Chicago", "calcurse", "-D", data, "-C", conf, "-Q", "--filter-type", "cal",
			"--from", "05/01/2027", "--days", "120",
			"--format-apt", "%(start:%Y-%m-%d %H:%M) %(end:%Y-%m-%d %H:%M) %m\\n",
			"--format-recur-apt", "%(start:%Y-%m-%d %H:%M) %(end:%Y-%m-%d %H:%M) %m\\n")
		sameList(t, "calcurse", occurrences(list), want)
	})
	t.Run("khal", func(t *testing.T) {
		needTool(t, "khal")
		path := renderPhased(t, loc, p, sc)
		dir := filepath.Dir(path)
		cal := mkdirs(t, dir, "cal")
		conf := filepath.Join(dir, "khal.conf")
		if err := os.WriteFile(conf, []byte(strings.ReplaceAll(khalConfig, "%DIR%", cal)), 0o600); err != nil {
			t.Fatal(err)
		}
		runTool(t, "UTC", "khal", "-c", conf, "import", "--batch", "-a", "weekfit", path)
		list := runTool(t, "UTC", "khal", "-c", conf, "list", "--format", "{start} {end} {title}", "--day-format", "", "2027-05-01", "120d")
		var utc []string
		for _, w := range want {
			utc = append(utc, inUTC(t, w, loc))
		}
		sameList(t, "khal", occurrences(list), utc)
	})
}

// TestRenderRefusesPhasesNotOfTheWeek: a plan kept with its phases is
// exported only when it has one plan a phase of its program and each phase's
// sessions and shift changes are the week's.
func TestRenderRefusesPhasesNotOfTheWeek(t *testing.T) {
	sc, p := phasedPlan(t)
	opt := Options{Start: ymd("2027-10-25"), Loc: time.UTC}
	if _, err := Render("md", sc, p, opt); err != nil {
		t.Fatalf("the plan itself: %v", err)
	}
	more := p
	more.Phases = append(append([]planner.PhasePlan(nil), p.Phases...), p.Phases[1])
	gone := p
	gone.Phases = append([]planner.PhasePlan(nil), p.Phases...)
	gone.Phases[1].Plan.Sessions = []planner.Session{{Week: 1, Day: planner.Thu, Time: planner.Clock{Start: 18 * 60, End: 19 * 60}, Track: "Gone"}}
	job := p
	job.Phases = append([]planner.PhasePlan(nil), p.Phases...)
	job.Phases[1].Plan.ShiftChanges = []planner.ShiftChange{{Job: "Elsewhere", Week: 1, Day: planner.Thu}}
	for _, tt := range []struct {
		name string
		plan planner.Plan
		want string
	}{
		{"three phases", more, "the plan has 3 phases, the program 2"},
		{"a track not in the week", gone, `phase 2: session week 1 Thu 18:00-19:00 (track "Gone")`},
		{"a job not in the week", job, "phase 2: shift change week 1 Thu"},
	} {
		_, err := Render("md", sc, tt.plan, opt)
		if !errors.Is(err, ErrPlanMismatch) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want ErrPlanMismatch with %q", tt.name, err, tt.want)
		}
	}
}
