package planner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseClock: any input parses or errors; a parsed range formats back to
// itself and has a length of 1 minute to a day.
func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"09:00-17:00", "9am-5pm", "22:00-06:00", "18:00-24:00", "25:00-07:00", "9:30am-1pm", "12am-12pm"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseClock(s)
		if err != nil {
			return
		}
		if c.Minutes() < 1 || c.Minutes() > MinutesPerDay {
			t.Fatalf("%q: length %d", s, c.Minutes())
		}
		back, err := ParseClock(c.String())
		if err != nil || back != c {
			t.Fatalf("%q -> %s -> %v, %v", s, c, back, err)
		}
	})
}

// FuzzParseDays: a parsed set formats back to itself.
func FuzzParseDays(f *testing.F) {
	for _, s := range []string{"Mon-Fri", "mon,wed,FRI", "daily", "Fri-Mon", "Funday", "Monday-Wednesday", ",,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDays(s)
		if err != nil {
			return
		}
		back, err := ParseDays(d.String())
		if err != nil || back != d {
			t.Fatalf("%q -> %s -> %v, %v", s, d, back, err)
		}
	})
}

// FuzzParseScenario: any bytes give a scenario or an *InputError, never a
// panic; a parsed scenario marshals and parses back, and solves.
func FuzzParseScenario(f *testing.F) {
	f.Add([]byte(baseScenario))
	for _, ex := range []string{"office.json", "night-rotation.json", "parent-bus.json"} {
		if b, err := os.ReadFile(filepath.Join("..", "examples", ex)); err == nil {
			f.Add(b)
		}
	}
	phased, _ := filepath.Glob(filepath.Join("testdata", "phases", "*.json"))
	for _, ex := range phased {
		if b, err := os.ReadFile(ex); err == nil && !strings.HasSuffix(ex, ".out.json") {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"version": 1, "programs": [`))
	f.Add([]byte(`{"version": 1, "jobs": [{"name": "J", "place": "home", "shifts": [{"days": "Sun", "time": "22:00-06:00"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := ParseScenario(data)
		if err != nil {
			if _, ok := err.(*InputError); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error spans lines: %q", err)
			}
			return
		}
		out, err := MarshalScenario(sc)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseScenario(out); err != nil {
			t.Fatalf("marshalled scenario does not parse: %v\n%s", err, out)
		}
		if len(sc.Programs) <= 3 && len(sc.Jobs) <= 3 {
			if _, err := Solve(sc, Options{Top: 2}); err != nil {
				t.Fatal(err)
			}
		}
	})
}
