package tui

import (
	"strings"
	"testing"

	"weekfit/planner"
)

// nightWorker answers the sleep questions of the warehouse week with a
// second pattern, in the accessible interview's lines.
func nightWorker(t *testing.T, second string) string {
	t.Helper()
	lines := warehouseLines(t)
	if !strings.Contains(lines, "22:00\n05:00\nn\n") {
		t.Fatal("the warehouse answers no longer hold the sleep questions")
	}
	return strings.Replace(lines, "22:00\n05:00\nn\n", "22:00\n05:00\ny\n"+second, 1)
}

func TestIntakeSleepByDayPattern(t *testing.T) {
	for _, tc := range []struct {
		name, second, prompt string
		want                 []string // the saved sleep blocks
	}{
		{"no second pattern", "", "", []string{"daily 22:00-05:00"}},
		{"a night worker sleeps by day on workdays", "Mon-Fri\n8\n15\n",
			"You sleep from 22:00 to 05:00 on Sat,Sun, and from 08:00 to 15:00 on Mon-Fri.",
			[]string{"Sat,Sun 22:00-05:00", "Mon-Fri 08:00-15:00"}},
		{"empty times keep the usual ones", "Sat\n\n9\n",
			"You sleep from 22:00 to 05:00 on Mon-Fri,Sun, and from 23:00 to 09:00 on Sat.",
			[]string{"Mon-Fri,Sun 22:00-05:00", "Sat 23:00-09:00"}},
		{"every day is asked again", "daily\nMon-Fri\n8\n15\n",
			"days: that is every day; name only the days you sleep at other times",
			[]string{"Sat,Sun 22:00-05:00", "Mon-Fri 08:00-15:00"}},
		{"an unknown day is asked again", "Mon-Fry\nMon-Fri\n8\n15\n",
			`days: unknown day "fry"`,
			[]string{"Sat,Sun 22:00-05:00", "Mon-Fri 08:00-15:00"}},
		{"a wrong time is asked again", "Mon-Fri\nlate\n8\n15\n",
			`time: "late" is not a time of day`,
			[]string{"Sat,Sun 22:00-05:00", "Mon-Fri 08:00-15:00"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := warehouseLines(t)
			if tc.second != "" {
				in = nightWorker(t, tc.second)
			}
			st := newFakeStore()
			var out strings.Builder
			p, err := RunIntakeAccessible(strings.NewReader(in), &out, "Sam", st)
			if err != nil {
				t.Fatalf("the interview: %v\n%s", err, out.String())
			}
			if !strings.Contains(out.String(), tc.prompt) {
				t.Errorf("the prompts lack %q:\n%s", tc.prompt, out.String())
			}
			sc, _ := st.Scenario(p.ID)
			var got []string
			for _, s := range sc.Sleep {
				got = append(got, s.Days.String()+" "+s.Time.String())
			}
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("saved sleep %q, want %q", got, tc.want)
			}
		})
	}
}

// TestIntakeReopensTwoSleepPatterns: a week with a second sleep pattern
// reopens in the interview, and a save keeps both; a week whose sleep the
// interview cannot hold is refused, so nothing of it is lost.
func TestIntakeReopensTwoSleepPatterns(t *testing.T) {
	st := newFakeStore()
	p, err := RunIntakeAccessible(strings.NewReader(nightWorker(t, "Mon-Fri\n8\n15\n")), &strings.Builder{}, "Sam", st)
	if err != nil {
		t.Fatal(err)
	}
	night, _ := st.Scenario(p.ID)
	span := func(days, hours string) planner.Span {
		d, _ := planner.ParseDays(days)
		c, _ := planner.ParseClock(hours)
		return planner.Span{Days: d, Time: c}
	}
	for _, tc := range []struct {
		name  string
		sleep []planner.Span
		holds bool
	}{
		{"as the interview saved it", nil, true},
		{"one pattern every day", []planner.Span{span("daily", "23:00-07:00")}, true},
		{"one pattern on some days only", []planner.Span{span("Mon-Fri", "23:00-07:00")}, false},
		{"two patterns that leave a day out", []planner.Span{span("Sat", "23:00-07:00"), span("Mon-Fri", "08:00-15:00")}, false},
		{"three patterns", []planner.Span{span("Sat,Sun", "23:00-07:00"), span("Mon-Thu", "08:00-15:00"), span("Fri", "09:00-16:00")}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := night.Clone()
			if tc.sleep != nil {
				sc.Sleep = tc.sleep
			}
			a, ok := answersOf(sc, nil)
			if ok != tc.holds {
				t.Fatalf("the interview holds the week: %v, want %v", ok, tc.holds)
			}
			if !ok {
				return
			}
			again, err := a.build()
			if err != nil {
				t.Fatal(err)
			}
			want, _ := planner.MarshalScenario(sc)
			got, _ := planner.MarshalScenario(again)
			if string(got) != string(want) {
				t.Errorf("the week saved again:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestIntakeSecondSleepPatternOnScreen answers the new questions on the
// screen: y opens them, and the review and the saved week show both patterns.
func TestIntakeSecondSleepPatternOnScreen(t *testing.T) {
	st := storeWith(t, 1)
	m := savedWarehouse(t, st)
	m, _ = typeScript(m, "1", "i", "4", "enter", "enter")
	if v := view(m); !strings.Contains(v, "Do you sleep at different times on some days?") {
		t.Fatalf("the Sleep group does not ask about a second pattern:\n%s", v)
	}
	m, _ = typeScript(m, "y")
	if v := view(m); !strings.Contains(v, "On which days?") {
		t.Fatalf("yes did not ask for the second pattern:\n%s", v)
	}
	m, _ = typeScript(m, "Mon-Fri", "enter", "8", "enter", "15", "enter")
	if v := view(m); !strings.Contains(v, "You sleep from 22:00 to 05:00 on Sat,Sun, and from 08:00 to 15:00 on") {
		t.Fatalf("the review does not show both patterns:\n%s", v)
	}
	m, _ = typeScript(m, "enter")
	sc, _ := st.Scenario(m.d.profile.ID)
	if len(sc.Sleep) != 2 || sc.Sleep[1].Days.String() != "Mon-Fri" || sc.Sleep[1].Time.String() != "08:00-15:00" {
		t.Errorf("saved sleep %+v, want Sat,Sun 22:00-05:00 and Mon-Fri 08:00-15:00", sc.Sleep)
	}
}
