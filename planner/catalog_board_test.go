package planner

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// boardWeeks are weeks the board is checked on: the benchmark's 40
// programs, the examples, and a week where nothing fits.
func boardWeeks(t testing.TB) map[string]*Scenario {
	weeks := map[string]*Scenario{"bench": benchScenario()}
	for _, name := range []string{"office.json", "night-rotation.json", "parent-bus.json"} {
		data, err := os.ReadFile(filepath.Join("..", "examples", name))
		if err != nil {
			t.Fatal(err)
		}
		sc, err := ParseScenario(data)
		if err != nil {
			t.Fatal(err)
		}
		weeks[name] = sc
	}
	tight := benchScenario()
	tight.Jobs[0].MaxUnpaid, tight.Jobs[0].Flex = 0, Flex{}
	tight.Sleep = []Span{{Days: AllDays, Time: Clock{20 * 60, 8 * 60}}}
	weeks["tight"] = tight
	return weeks
}

// TestBoardMatchesSolve: each row's best plan is the plan Solve ranks first
// for that program alone, and a program that does not fit gives the first
// reason Solve gives for it.
func TestBoardMatchesSolve(t *testing.T) {
	today := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for name, sc := range boardWeeks(t) {
		t.Run(name, func(t *testing.T) {
			rows, err := Board(sc, nil, nil, today, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(sc.Programs) {
				t.Fatalf("%d rows for %d programs", len(rows), len(sc.Programs))
			}
			fits := 0
			for i, row := range rows {
				p := sc.Programs[i]
				res, err := Solve(sc, Options{Top: 1, Programs: []string{p.ID}})
				if err != nil {
					t.Fatal(err)
				}
				if row.Program != p.ID || row.Name != p.Name || row.Catalog {
					t.Errorf("row %d is %+v", i, row)
				}
				if row.Fits != (len(res.Plans) > 0) {
					t.Fatalf("%s: fits %v, solve has %d plans", p.ID, row.Fits, len(res.Plans))
				}
				if row.Fits {
					fits++
					if !reflect.DeepEqual(publicPlan(row.Best), publicPlan(res.Plans[0])) {
						t.Errorf("%s: board's best\n%+v\nsolve's best\n%+v", p.ID, row.Best, res.Plans[0])
					}
					if row.Reason != "" || row.Days() == "" || row.Times() == "" {
						t.Errorf("%s: reason %q days %q times %q", p.ID, row.Reason, row.Days(), row.Times())
					}
					continue
				}
				first := res.Rejected[0]
				want := first.Reasons[0]
				if len(res.Rejected) > 1 || len(p.Tracks) > 1 && !p.MixTracks {
					want = first.Track + ": " + want
				}
				if row.Reason != want {
					t.Errorf("%s: reason %q, want %q", p.ID, row.Reason, want)
				}
			}
			if name == "tight" && fits == len(rows) {
				t.Errorf("the tight week should leave some programs out")
			}
			if name == "bench" && fits == 0 {
				t.Errorf("the benchmark week should fit some programs")
			}
		})
	}
}

// TestBoardCatalog: rows of catalog programs carry their details and the
// stale warning; the whole-catalog board adds the programs the week does
// not name, and programs without travel to their place say so.
func TestBoardCatalog(t *testing.T) {
	cat, err := ParseCatalogJSON(readTestdata(t, "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	cat.Details = map[string]Details{"online": {Phone: "555-0100", LastVerified: "2026-01-01"}}
	sc, err := catalogWeek(t, "", "clinic", `["online"]`)
	if err != nil {
		t.Fatal(err)
	}
	full, err := sc.WithCatalog(cat)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	rows, err := Board(full, cat, sc.Catalog, today, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || !rows[0].Catalog || rows[0].Details.Phone != "555-0100" || !rows[0].Stale || !rows[0].Fits {
		t.Fatalf("rows %+v", rows)
	}
	wide, ids, err := sc.WithWholeCatalog(cat)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids, []string{"riverside", "online"}) {
		t.Errorf("whole catalog ids %v", ids)
	}
	rows, err = Board(wide, cat, ids, today, Options{})
	if err != nil || len(rows) != 2 {
		t.Fatalf("whole catalog: %+v, %v", rows, err)
	}
	if rows[0].Program != "riverside" || rows[0].Stale || !rows[0].Catalog {
		t.Errorf("riverside row %+v", rows[0])
	}
}

// BenchmarkBoard40Programs is the board of the benchmark week: the issue's
// target is within 20% of one BenchmarkSolve40Programs.
func BenchmarkBoard40Programs(b *testing.B) {
	sc := benchScenario()
	today := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Board(sc, nil, nil, today, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// publicPlan keeps a plan's exported fields, which say what the plan is;
// the unexported ones say how the search found it.
func publicPlan(p Plan) Plan {
	return Plan{Program: p.Program, ProgramName: p.ProgramName, Track: p.Track, Sessions: p.Sessions,
		ShiftChanges: p.ShiftChanges, Covered: p.Covered, UnpaidMinutes: p.UnpaidMinutes, MovedMinutes: p.MovedMinutes,
		TravelMinutes: p.TravelMinutes, AddedTravel: p.AddedTravel, SessionMinutes: p.SessionMinutes,
		ExtraMinutes: p.ExtraMinutes, LatestHome: p.LatestHome}
}
