package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSolveShowsFixes checks the smallest fix under a track that does not
// fit, in words and in the JSON contract, and the sentence when more asks
// than --max-asks would be needed.
func TestSolveShowsFixes(t *testing.T) {
	code, out, stderr := runCLI(t, "solve", "testdata/fix_pickup.json", "--fixes")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"To make it fit, ask:",
		"* Office: 08:30-16:30 instead of 09:00-17:00 on Mon, Wed",
		"* Sister to cover School pickup on Mon 19:00-19:30",
		"which gives sessions Mon 17:00-20:00, Wed 17:00-20:00; home by 20:20; 0 unpaid, 120 moved minutes",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("solve output lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = runCLI(t, "solve", "testdata/fix_pickup.json", "--json", "--fixes")
	if code != 0 {
		t.Fatalf("--json: exit %d", code)
	}
	var res struct {
		Rejected []struct {
			Track string `json:"track"`
			Fixes []struct {
				Asks []map[string]any `json:"asks"`
				Plan struct {
					Track         string `json:"track"`
					UnpaidMinutes int    `json:"unpaid_minutes"`
					LatestHome    string `json:"latest_home"`
					Sessions      []any  `json:"sessions"`
				} `json:"plan"`
			} `json:"fixes"`
			Note string `json:"fixes_note"`
		} `json:"rejected"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Rejected) != 1 || len(res.Rejected[0].Fixes) != 1 {
		t.Fatalf("want one rejection with one fix: %s", out)
	}
	f := res.Rejected[0].Fixes[0]
	if len(f.Asks) != 2 || f.Plan.UnpaidMinutes != 0 || f.Plan.LatestHome != "20:20" || len(f.Plan.Sessions) != 2 || f.Plan.Track != "Evening" {
		t.Fatalf("fix: %+v", f)
	}
	shift, cover := f.Asks[0], f.Asks[1]
	if shift["kind"] != "shift" || shift["party"] != "Office" || shift["job"] != "Office" || shift["from"] != "09:00-17:00" || shift["to"] != "08:30-16:30" ||
		shift["minutes_lost"] != 0.0 || shift["minutes_moved"] != 120.0 || len(shift["days"].([]any)) != 2 {
		t.Errorf("shift ask: %v", shift)
	}
	days, _ := cover["days"].([]any)
	if cover["kind"] != "cover" || cover["party"] != "Sister" || cover["commitment"] != "School pickup" || cover["time"] != "19:00-19:30" ||
		len(days) != 1 || days[0].(map[string]any)["day"] != "Mon" || days[0].(map[string]any)["week"] != 1.0 {
		t.Errorf("cover ask: %v", cover)
	}
	if _, ok := cover["minutes_lost"]; ok {
		t.Errorf("a cover ask has no minutes_lost: %v", cover)
	}

	code, out, _ = runCLI(t, "solve", "testdata/fix_pickup.json", "--json", "--max-asks", "1")
	if code != 0 || !strings.Contains(out, `"fixes": []`) || !strings.Contains(out, `"fixes_note": "needs more than 1 change: Mon 17:00-20:00 overlaps School pickup`) {
		t.Fatalf("--max-asks 1: exit %d\n%s", code, out)
	}
	if code, _, stderr := runCLI(t, "solve", "testdata/fix_pickup.json", "--max-asks", "0"); code != 2 || !strings.Contains(stderr, "--max-asks") {
		t.Fatalf("--max-asks 0: exit %d, %q", code, stderr)
	}
	if code, out, _ := runCLI(t, "solve", "--help"); code != 0 || !strings.Contains(out, "--max-asks N         the most asks") || !strings.Contains(out, "--no-fixes") {
		t.Fatalf("solve --help: exit %d, does not explain --max-asks:\n%s", code, out)
	}
}

// TestSolveShowsShiftAsks checks fixes that ask for shifts off and at new
// times: one ask for the same change on several days, with the pay it
// loses and the minutes it moves.
func TestSolveShowsShiftAsks(t *testing.T) {
	for _, c := range []struct {
		file, track, from, to string
		lost, moved           float64
	}{
		{"examples/parent-bus.json", "Afternoon", "08:00-14:30", "07:00-13:25", 15, 375},
		{"examples/office.json", "Afternoon", "09:00-17:00", "off", 1440, 0},
	} {
		a := firstAsk(t, c.file, c.track)
		if a["kind"] != "shift" || a["to"] != c.to || a["from"] != c.from || a["minutes_lost"] != c.lost || a["minutes_moved"] != c.moved || len(a["days"].([]any)) != 3 {
			t.Errorf("%s, %s: ask %v", c.file, c.track, a)
		}
	}
}

// firstAsk returns the first ask of the first fix of a track in `solve --json --fixes`.
func firstAsk(t *testing.T, file, track string) map[string]any {
	t.Helper()
	code, out, _ := runCLI(t, "solve", file, "--json", "--fixes")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var res struct {
		Rejected []struct {
			Track string `json:"track"`
			Fixes []struct {
				Asks []map[string]any `json:"asks"`
			} `json:"fixes"`
		} `json:"rejected"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	for _, rj := range res.Rejected {
		if rj.Track == track && len(rj.Fixes) > 0 {
			return rj.Fixes[0].Asks[0]
		}
	}
	t.Fatalf("want a fix of %s: %s", track, out)
	return nil
}

// TestSolveWithoutFixesLooksForNone: solve says what to ask for by default;
// with --no-fixes it looks for none, and its JSON has no fixes field to
// mistake for "none"; --no-fixes with --fixes or --max-asks is refused.
func TestSolveWithoutFixesLooksForNone(t *testing.T) {
	code, out, _ := runCLI(t, "solve", "testdata/fix_pickup.json")
	if code != 0 || !strings.Contains(out, "To make it fit, ask:") {
		t.Fatalf("default: exit %d, output:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "solve", "testdata/fix_pickup.json", "--json")
	if code != 0 || !strings.Contains(out, `"fixes": [`) {
		t.Fatalf("default: exit %d, JSON:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "solve", "testdata/fix_pickup.json", "--no-fixes")
	if code != 0 || strings.Contains(out, "To make it fit, ask:") {
		t.Fatalf("--no-fixes: exit %d, output:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "solve", "testdata/fix_pickup.json", "--json", "--no-fixes")
	if code != 0 || strings.Contains(out, `"fixes"`) || !strings.Contains(out, `"rejected"`) {
		t.Fatalf("--no-fixes: exit %d, JSON:\n%s", code, out)
	}
	for _, both := range [][]string{{"--no-fixes", "--fixes"}, {"--no-fixes", "--max-asks", "2"}} {
		code, _, stderr := runCLI(t, append([]string{"solve", "testdata/fix_pickup.json"}, both...)...)
		if code != 2 || !strings.Contains(stderr, "--no-fixes leaves out what to ask for") {
			t.Fatalf("%v: exit %d, %q", both, code, stderr)
		}
	}
}
