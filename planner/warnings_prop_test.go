package planner

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
)

// TestWarningsProperties checks the warnings of every plan of random small
// weeks against rules that hold whatever the week: slack is never negative
// in a plan that fits, a slack warning is under min_slack_minutes and not
// under the tightest slack, a bad-day factor of 1 breaks nothing, and a plan
// read back from storage (its exported fields only) gets the same checks.
func TestWarningsProperties(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 80
	}
	r := rand.New(rand.NewSource(29))
	plans, warned := 0, map[string]int{}
	for i := 0; i < n; i++ {
		sc := randomScenario(r)
		one, slack := 1.0, 5+r.Intn(30)
		if r.Intn(3) == 0 {
			sc.BadDayFactor = &one
		}
		sc.MinSlack = &slack
		res, err := Solve(sc, Options{Top: 3})
		if err != nil {
			t.Fatal(err)
		}
		for k := range res.Plans {
			p := &res.Plans[k]
			plans++
			where := fmt.Sprintf("week %d plan %d", i, k)
			if !p.Checked || p.TightestSlack < -1 {
				t.Fatalf("%s: checked %v, tightest %d", where, p.Checked, p.TightestSlack)
			}
			bad := 0
			for _, w := range p.Warnings {
				warned[w.Kind]++
				switch w.Kind {
				case WarnSlack:
					if w.Minutes < 0 || w.Minutes >= slack || w.Minutes < p.TightestSlack {
						t.Fatalf("%s: %+v with min slack %d, tightest %d", where, w, slack, p.TightestSlack)
					}
				case WarnBadDay:
					bad++
					if w.Minutes <= 0 || sc.BadDayFactor == &one {
						t.Fatalf("%s: %+v (bad-day factor %v)", where, w, sc.Limits().BadDayFactor)
					}
				}
				if w.Text == "" || w.Week < 1 || w.Week > sc.Weeks() {
					t.Fatalf("%s: %+v", where, w)
				}
			}
			if p.FitsBadDay != (bad == 0) {
				t.Fatalf("%s: fits a bad day %v with %d bad-day warnings", where, p.FitsBadDay, bad)
			}
			stored := Plan{Program: p.Program, ProgramName: p.ProgramName, Track: p.Track, Sessions: p.Sessions, ShiftChanges: p.ShiftChanges, Covered: p.Covered}
			ck := PlanChecks(sc, &stored)
			if !reflect.DeepEqual(ck.Warnings, p.Warnings) || ck.TightestSlack != p.TightestSlack || ck.FitsBadDay != p.FitsBadDay {
				t.Fatalf("%s: checks of the stored plan %+v differ from the solve's %+v", where, ck, p.Warnings)
			}
		}
	}
	if plans < n/2 || warned[WarnSlack] == 0 || warned[WarnBadDay] == 0 {
		t.Fatalf("%d plans, warnings %v: the weeks do not exercise the checks", plans, warned)
	}
	t.Logf("%d plans; warnings %v", plans, warned)
}
