package planner_test

import (
	"bytes"
	"strings"
	"testing"

	"weekfit/planner"
)

func TestPreferenceCosts(t *testing.T) {
	cases := []struct {
		name  string
		edits []string
		want  [5]int
	}{
		// 15 min to spare: robust 60-15; home 21:10; one session; 08:30 to 21:10; Sunday off
		{"the Monday evening plan", nil, [5]int{45, 21*60 + 10, 60, 12*60 + 40, 0}},
		// two warnings (5 to spare, 10 late on a bad day): 2 x 60 + 55
		{"a rush hour that takes the slack", []string{`"rush_hours": []`, `"rush_hours": [{"days": "Mon-Fri", "time": "16:00-18:00", "factor": 1.5}]`},
			[5]int{175, 21*60 + 10, 60, 12*60 + 40, 0}},
		// a Sunday session: 175 min of slack (capped at 60: 0), one warning (no day off)
		{"a Sunday session", []string{`"days": "Mon", "time": "17:45-20:45"`, `"days": "Sun", "time": "10:00-13:00"`},
			[5]int{60, 13*60 + 25, 60, 9 * 60, 600}}, // the longest day is a workday, 08:30 to 17:30
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := warnWeek
			for i := 0; i+1 < len(c.edits); i += 2 {
				src = strings.Replace(src, c.edits[i], c.edits[i+1], 1)
			}
			p := bestPlan(t, src)
			if got := planner.PreferenceCosts(&p); got != c.want {
				t.Fatalf("costs %v, want %v (warnings %+v)", got, c.want, p.Warnings)
			}
			prefs := planner.Preferences{Robust: 1, HomeEarly: 2, FewerDays: 3, CompactDays: 4, KeepDayOff: 5}
			if got, want := planner.PreferenceScore(prefs, &p), c.want[0]+2*c.want[1]+3*c.want[2]+4*c.want[3]+5*c.want[4]; got != want {
				t.Fatalf("score %d, want %d", got, want)
			}
		})
	}
}

// twoTracks: an Early track that arrives with no slack (and late on a bad
// day) but is home at 20:55, and a Late track with an hour to spare, home
// at 21:55.
var twoTracks = strings.Replace(warnWeek, `"tracks": [{"name": "Evening", "sessions": [{"days": "Mon", "time": "17:45-20:45"}]}]`,
	`"tracks": [{"name": "Early", "sessions": [{"days": "Mon", "time": "17:30-20:30"}]},
	           {"name": "Late", "sessions": [{"days": "Mon", "time": "18:30-21:30"}]}]`, 1)

func TestPreferencesRerank(t *testing.T) {
	if !strings.Contains(twoTracks, `"Late"`) {
		t.Fatal("the week was not edited")
	}
	cases := []struct {
		prefs string
		want  []string
	}{
		{``, []string{"Early", "Late"}},                                                        // the default order: home earlier
		{`, "preferences": {"robust": 1}`, []string{"Late", "Early"}},                          // 180 against 0
		{`, "preferences": {"robust": 1, "home_early": 2}`, []string{"Late", "Early"}},         // 180+2x1255 = 2690 against 2x1315
		{`, "preferences": {"robust": 1, "home_early": 5}`, []string{"Early", "Late"}},         // 6455 against 6575
		{`, "preferences": {"fewer_days": 10, "keep_day_off": 10}`, []string{"Early", "Late"}}, // a tie: the default order
		{`, "preferences": {"compact_days": 3}`, []string{"Early", "Late"}},                    // 08:30 to 20:55 against 21:55
	}
	for _, c := range cases {
		src := strings.Replace(twoTracks, `"arrive_early_minutes": 10`, `"arrive_early_minutes": 10`+c.prefs, 1)
		sc, err := planner.ParseScenario([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		for _, top := range []int{1, 5} {
			res, err := planner.Solve(sc, planner.Options{Top: top})
			if err != nil {
				t.Fatal(err)
			}
			var text bytes.Buffer
			if err := planner.WriteText(&text, sc, res); err != nil {
				t.Fatal(err)
			}
			if says := strings.Contains(text.String(), "Ranked by your preferences ("); says != (c.prefs != "") {
				t.Errorf("%s: the text says it is ranked by preferences: %v\n%s", c.prefs, says, text.String())
			}
			var got []string
			for _, p := range res.Plans {
				got = append(got, p.Track)
			}
			want := c.want[:min(top, len(c.want))]
			if strings.Join(got, ",") != strings.Join(want, ",") || res.More != (top < 2) || res.Incomplete != "" {
				t.Errorf("%s top %d: %v (more %v, %q), want %v", c.prefs, top, got, res.More, res.Incomplete, want)
			}
		}
	}
}

// TestPreferenceScoreReadmeExample is the worked example of the README.
func TestPreferenceScoreReadmeExample(t *testing.T) {
	p := planner.Plan{Checked: true, Warnings: make([]planner.Warning, 2), TightestSlack: 5, LatestHome: 20*60 + 55,
		Sessions: make([]planner.Session, 3)}
	if got := planner.PreferenceScore(planner.Preferences{Robust: 8, FewerDays: 3}, &p); got != 1940 {
		t.Fatalf("score %d, want 8 x (120 + 55) + 3 x 180 = 1940", got)
	}
	p.Checked = false
	if got := planner.PreferenceCosts(&p); got != [5]int{0, 20*60 + 55, 180, 0, 0} {
		t.Fatalf("a plan not checked costs %v", got)
	}
}
