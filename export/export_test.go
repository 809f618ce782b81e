package export

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"weekfit/planner"
)

// sensitiveIn returns the first program name or id, place name (home aside)
// or sensitive word that text holds, or "".
func sensitiveIn(sc *planner.Scenario, text string) string {
	low := strings.ToLower(text)
	bad := planner.SensitiveWords()
	for _, pr := range sc.Programs {
		bad = append(bad, pr.Name, pr.ID)
	}
	for _, pl := range sc.Places {
		if pl.ID != planner.Home {
			bad = append(bad, pl.Name)
		}
	}
	for _, w := range bad {
		if w != "" && strings.Contains(low, strings.ToLower(w)) {
			return w
		}
	}
	return ""
}

// exportText renders a format and returns its text (the PDF through pdftotext).
func exportText(t *testing.T, format string, sc *planner.Scenario, p planner.Plan, opt Options) string {
	t.Helper()
	out, err := Render(format, sc, p, opt)
	if err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	if format != "pdf" {
		return string(out)
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	return poppler(t, "pdftotext", path, "-")
}

func TestDiscreetExportsHoldNoNames(t *testing.T) {
	formats := []string{"ics", "md", "csv", "employer"}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		formats = append(formats, "pdf")
	} else {
		// a skip, not a log line, so that CI (which fails on skips) sees it
		t.Run("pdf", func(t *testing.T) { needTool(t, "pdftotext") })
	}
	loc := testZone(t, "America/New_York")
	for _, file := range []string{"export_office.json", "export_rotation.json"} {
		sc, p := testPlan(t, file)
		opt := Options{Start: ymd("2026-03-02"), Loc: loc, Travel: true, Now: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
		for _, f := range formats {
			if w := sensitiveIn(sc, exportText(t, f, sc, p, opt)); w != "" {
				t.Errorf("%s: discreet %s holds %q", file, f, w)
			}
		}
		named := opt
		named.Names = true
		for _, f := range []string{"ics", "md", "csv"} {
			if !strings.Contains(exportText(t, f, sc, p, named), p.ProgramName) {
				t.Errorf("%s: %s with --names lacks the program's name", file, f)
			}
		}
		if w := sensitiveIn(sc, exportText(t, "employer", sc, p, named)); w != "" {
			t.Errorf("%s: the employer note with --names holds %q", file, w)
		}
	}
}

func TestICSStructure(t *testing.T) {
	sc, p := testPlan(t, "export_rotation.json")
	opt := Options{Start: ymd("2026-10-28"), Loc: testZone(t, "America/New_York"), Now: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), Seed: "k3x9"}
	out, err := renderICS(sc, p, opt)
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	if !strings.Contains(text, "\r\n") || strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") {
		t.Error("lines must end in CRLF")
	}
	cal, err := ics.ParseCalendar(strings.NewReader(text))
	if err != nil {
		t.Fatalf("the file does not parse back: %v", err)
	}
	if got, want := len(cal.Events()), len(p.Sessions); got != want {
		t.Errorf("%d events, want one per session: %d", got, want)
	}
	rrule := regexp.MustCompile(`^FREQ=WEEKLY;INTERVAL=2;BYDAY=(MO|TU|WE|TH|FR|SA|SU);COUNT=\d+$`)
	for _, e := range cal.Events() {
		r := e.GetProperty(ics.ComponentPropertyRrule)
		if r == nil || !rrule.MatchString(r.Value) {
			t.Errorf("event %s: RRULE %v, want weekly with INTERVAL=2, BYDAY and COUNT", e.Id(), r)
		}
		st := e.GetProperty(ics.ComponentPropertyDtStart)
		if st == nil || len(st.ICalParameters["TZID"]) != 1 || st.ICalParameters["TZID"][0] != "America/New_York" {
			t.Errorf("event %s: DTSTART %v lacks TZID America/New_York", e.Id(), st)
		}
	}
	if n := strings.Count(text, "BEGIN:VTIMEZONE"); n != 1 || !strings.Contains(text, "TZID:America/New_York") {
		t.Errorf("want one VTIMEZONE for America/New_York, found %d", n)
	}
	for _, part := range []string{"BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400",
		"BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500"} {
		if !strings.Contains(text, part) {
			t.Errorf("VTIMEZONE lacks\n%s", part)
		}
	}
}

func uids(t *testing.T, out []byte) []string {
	t.Helper()
	cal, err := ics.ParseCalendar(strings.NewReader(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range cal.Events() {
		ids = append(ids, e.Id())
	}
	return ids
}

func TestICSUIDsStable(t *testing.T) {
	sc, p := testPlan(t, "export_office.json")
	loc := testZone(t, "Europe/Berlin")
	opt := Options{Start: ymd("2026-03-02"), Loc: loc, Now: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Seed: "a1"}
	later := opt
	later.Now, later.Start, later.Names = opt.Now.Add(48*time.Hour), ymd("2026-03-09"), true
	other := opt
	other.Seed = "b2"
	var outs [3][]byte
	for i, o := range []Options{opt, later, other} {
		out, err := renderICS(sc, p, o)
		if err != nil {
			t.Fatal(err)
		}
		outs[i] = out
	}
	a, b, c := outs[0], outs[1], outs[2]
	ua, ub, uc := uids(t, a), uids(t, b), uids(t, c)
	if len(ua) == 0 || strings.Join(ua, ",") != strings.Join(ub, ",") {
		t.Errorf("a re-export changed the UIDs:\n%v\n%v", ua, ub)
	}
	seen := map[string]bool{}
	for _, u := range ua {
		if seen[u] {
			t.Errorf("UID %s used twice", u)
		}
		seen[u] = true
	}
	for _, u := range uc {
		if seen[u] {
			t.Errorf("another profile's export shares UID %s", u)
		}
	}
}

func TestVTimezoneFixedZone(t *testing.T) {
	sc, p := testPlan(t, "export_office.json")
	for _, zone := range []string{"UTC", "Asia/Tokyo"} {
		out, err := renderICS(sc, p, Options{Start: ymd("2026-03-02"), Loc: testZone(t, zone)})
		if err != nil {
			t.Fatal(err)
		}
		text := string(out)
		if strings.Count(text, "BEGIN:STANDARD") != 1 || strings.Contains(text, "BEGIN:DAYLIGHT") {
			t.Errorf("%s: want exactly one STANDARD part:\n%s", zone, text)
		}
	}
}

func TestRenderExportErrors(t *testing.T) {
	sc, p := testPlan(t, "export_office.json")
	opt := Options{Start: ymd("2026-03-02"), Loc: time.UTC}
	if _, err := Render("docx", sc, p, opt); !errors.Is(err, ErrInvalid) {
		t.Errorf("unknown format: %v, want ErrInvalid", err)
	}
	local := opt
	local.Loc = time.Local
	if _, err := Render("ics", sc, p, local); err == nil || !strings.Contains(err.Error(), "--tz") {
		t.Errorf("unnamed zone: %v, want a hint to pass --tz", err)
	}
	bad := p
	bad.Sessions = append([]planner.Session(nil), p.Sessions...)
	bad.Sessions[0].Track = "Gone"
	if _, err := Render("md", sc, bad, opt); !errors.Is(err, ErrPlanMismatch) {
		t.Errorf("plan with a missing track: %v, want ErrPlanMismatch", err)
	}
	if _, err := Render("md", sc, p, Options{}); err == nil {
		t.Error("no start date gave no error")
	}
}

func TestICSTravelAndWorkEvents(t *testing.T) {
	sc, p := testPlan(t, "export_office.json")
	opt := Options{Start: ymd("2026-03-02"), Loc: testZone(t, "America/New_York"), Travel: true}
	out, err := renderICS(sc, p, opt)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	seen := map[string]bool{}
	for _, e := range cal.Events() {
		count[e.GetProperty(ics.ComponentPropertySummary).Value]++
		if seen[e.Id()] {
			t.Errorf("UID %s used twice", e.Id())
		}
		seen[e.Id()] = true
	}
	if count["Appointment"] != len(p.Sessions) || count["Work (changed hours)"] != len(p.ShiftChanges) || count["Travel"] == 0 {
		t.Errorf("events by summary %v; want %d appointments, %d changed shifts and some travel", count, len(p.Sessions), len(p.ShiftChanges))
	}
	opt.Travel = false
	plain, err := renderICS(sc, p, opt)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(plain), "Travel") || strings.Contains(string(plain), "changed hours") {
		t.Error("without --travel the calendar holds travel or work events")
	}
}
