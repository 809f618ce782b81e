package export

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"weekfit/planner"
)

func testZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("no zone data for %s: %v", name, err)
	}
	return loc
}

func ymd(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// icsCase is a plan over a span and, written out by hand, every occurrence a
// calendar must show: "YYYY-MM-DD HH:MM YYYY-MM-DD HH:MM" in the zone's local time.
type icsCase struct {
	name     string
	cycle    int
	sessions []planner.Session
	start    string
	weeks    int
	want     []string
}

func clock(a, b string) planner.Clock {
	c, err := planner.ParseClock(a + "-" + b)
	if err != nil {
		panic(err)
	}
	return c
}

// icsCases cross the 2026 changes in America/New_York: 8 March (spring
// forward) and 1 November (fall back).
func icsCases() []icsCase {
	return []icsCase{
		{"weekly across the November change from a Wednesday", 1,
			[]planner.Session{{Week: 1, Day: planner.Mon, Time: clock("17:30", "20:30")}, {Week: 1, Day: planner.Thu, Time: clock("18:00", "21:00")}},
			"2026-10-28", 3, []string{
				"2026-10-29 18:00 2026-10-29 21:00", "2026-11-02 17:30 2026-11-02 20:30",
				"2026-11-05 18:00 2026-11-05 21:00", "2026-11-09 17:30 2026-11-09 20:30",
				"2026-11-12 18:00 2026-11-12 21:00", "2026-11-16 17:30 2026-11-16 20:30",
			}},
		{"two-week rotation across the March change with a night over midnight", 2,
			[]planner.Session{{Week: 1, Day: planner.Tue, Time: clock("09:00", "12:00")}, {Week: 2, Day: planner.Sat, Time: clock("22:00", "01:00")}},
			"2026-03-02", 4, []string{
				"2026-03-03 09:00 2026-03-03 12:00", "2026-03-14 22:00 2026-03-15 01:00",
				"2026-03-17 09:00 2026-03-17 12:00", "2026-03-28 22:00 2026-03-29 01:00",
			}},
	}
}

func (c icsCase) render(t *testing.T, loc *time.Location) []byte {
	t.Helper()
	sc := &planner.Scenario{CycleWeeks: c.cycle, Programs: []planner.Program{{ID: "p", Name: "Riverside Recovery IOP", Weeks: c.weeks,
		Tracks: []planner.Track{{Name: "Evening"}}}}}
	p := planner.Plan{Program: "p", ProgramName: "Riverside Recovery IOP", Track: "Evening"}
	for _, s := range c.sessions {
		s.Track = "Evening"
		p.Sessions = append(p.Sessions, s)
	}
	out, err := Render("ics", sc, p, Options{Start: ymd(c.start), Loc: loc, Now: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// write renders the case into a new temporary folder: the folder and the file.
func (c icsCase) write(t *testing.T, loc *time.Location) (string, string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.ics")
	if err := os.WriteFile(path, c.render(t, loc), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// mkdirs makes folder name inside dir and returns its path.
func mkdirs(t *testing.T, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.Mkdir(p, 0o700); err != nil {
		t.Fatal(err)
	}
	return p
}

func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (apt-get install %s; .ci/run does it): skipping the import test", name, name)
	}
}

// runTool runs a client with a time limit and the given zone, and returns its output.
func runTool(t *testing.T, tz string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "TZ="+tz, "HOME="+t.TempDir(), "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

var occurrenceLine = regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d \d{4}-\d\d-\d\d \d\d:\d\d`)

// occurrences picks the occurrence lines out of a client's listing, once each
// (a client lists an event that crosses midnight under both days).
func occurrences(listing string) []string {
	seen := map[string]bool{}
	var out []string
	for _, line := range strings.Split(listing, "\n") {
		m := occurrenceLine.FindString(strings.TrimSpace(line))
		if m != "" && !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out
}

func sameList(t *testing.T, tool string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s shows\n  %s\nwant\n  %s", tool, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestICSImportsIntoCalcurse(t *testing.T) {
	needTool(t, "calcurse")
	const zone = "America/New_York"
	loc := testZone(t, zone)
	for _, c := range icsCases() {
		t.Run(c.name, func(t *testing.T) {
			dir, path := c.write(t, loc)
			data, conf := mkdirs(t, dir, "data"), mkdirs(t, dir, "conf")
			report := runTool(t, zone, "calcurse", "-D", data, "-C", conf, "-i", path)
			if !strings.Contains(report, "0 skipped") {
				t.Errorf("calcurse skipped something:\n%s", report)
			}
			from := ymd(c.start).AddDate(0, 0, -7)
			list := runTool(t, zone, "calcurse", "-D", data, "-C", conf, "-Q", "--filter-type", "cal",
				"--from", from.Format("01/02/2006"), "--days", "120",
				"--format-apt", "%(start:%Y-%m-%d %H:%M) %(end:%Y-%m-%d %H:%M) %m\\n",
				"--format-recur-apt", "%(start:%Y-%m-%d %H:%M) %(end:%Y-%m-%d %H:%M) %m\\n")
			sameList(t, "calcurse", occurrences(list), c.want)
		})
	}
}

const khalConfig = `[calendars]
[[weekfit]]
path = %DIR%
type = calendar
[locale]
local_timezone = UTC
default_timezone = UTC
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[default]
default_calendar = weekfit
`

// TestICSImportsIntoKhal shows the events in UTC, so it proves that khal
// reads each occurrence in the file's zone, daylight saving included.
func TestICSImportsIntoKhal(t *testing.T) {
	needTool(t, "khal")
	loc := testZone(t, "America/New_York")
	for _, c := range icsCases() {
		t.Run(c.name, func(t *testing.T) {
			dir, path := c.write(t, loc)
			cal := mkdirs(t, dir, "cal")
			conf := filepath.Join(dir, "khal.conf")
			if err := os.WriteFile(conf, []byte(strings.ReplaceAll(khalConfig, "%DIR%", cal)), 0o600); err != nil {
				t.Fatal(err)
			}
			runTool(t, "UTC", "khal", "-c", conf, "import", "--batch", "-a", "weekfit", path)
			from := ymd(c.start).AddDate(0, 0, -7)
			list := runTool(t, "UTC", "khal", "-c", conf, "list", "--format", "{start} {end} {title}", "--day-format", "",
				from.Format("2006-01-02"), "120d")
			var want []string
			for _, w := range c.want {
				want = append(want, inUTC(t, w, loc))
			}
			sameList(t, "khal", occurrences(list), want)
		})
	}
}

// inUTC turns "date time date time" in loc into the same in UTC.
func inUTC(t *testing.T, s string, loc *time.Location) string {
	t.Helper()
	f := strings.Fields(s)
	var parts []string
	for i := 0; i < 4; i += 2 {
		tm, err := time.ParseInLocation("2006-01-02 15:04", f[i]+" "+f[i+1], loc)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, tm.UTC().Format("2006-01-02 15:04"))
	}
	return strings.Join(parts, " ")
}
