package planner

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// fuzzScenario builds a small week from fuzz bytes: a rotation of up to 8
// weeks, a job whose flex may be wide, sleep, and one program whose tracks
// may tie and whose minimums may be out of reach.
func fuzzScenario(data []byte) (*Scenario, int) {
	at := func(i int) int {
		if len(data) == 0 {
			return 0
		}
		return int(data[i%len(data)])
	}
	days := []string{"Mon-Fri", "daily", "Mon,Wed,Fri", "Tue,Thu", "Sat,Sun", "Mon-Thu", "Fri-Mon", "Wed"}
	clock := func(i int) string {
		s := at(i) % 96 * 15
		l := 60 + at(i+1)%48*15
		e := (s + l) % MinutesPerDay
		return FormatClock(s) + "-" + FormatClock(e)
	}
	flex := func(i int) int { return at(i) % 4 * [4]int{5, 30, 60, 240}[at(i+1)%4] }
	var tracks []string
	for t := 0; t <= at(20)%4; t++ {
		var sess []string
		for k := 0; k <= at(21+t)%2; k++ {
			sess = append(sess, fmt.Sprintf(`{"days": %q, "time": %q}`, days[at(22+t+k)%len(days)], clock(30+2*t+k)))
		}
		tracks = append(tracks, fmt.Sprintf(`{"name": "T%d", "sessions": [%s]}`, t, strings.Join(sess, ",")))
	}
	modality, place := "in-person", `"place": "c",`
	if at(9)%2 == 0 {
		modality, place = "virtual", ""
	}
	body := fmt.Sprintf(`{"version": 1, "places": {"home": "Home", "work": "Work", "c": "Clinic"},
		"travel": [{"from": "home", "to": "work", "minutes": %d}, {"from": "work", "to": "c", "minutes": %d}, {"from": "home", "to": "c", "minutes": %d}],
		"cycle_weeks": %d,
		"jobs": [{"name": "Job", "place": "work", "shifts": [{"days": %q, "time": %q}, {"days": %q, "time": %q, "weeks": [1]}],
			"flex": {"start_earlier": %d, "start_later": %d, "end_earlier": %d, "end_later": %d}, "max_unpaid_minutes_per_week": %d}],
		"sleep": [%s],
		"programs": [{"id": "p", "name": "P", %s "modality": %q, "min_days": %d, "min_hours": %d, "mix_tracks": %v, "tracks": [%s]}]}`,
		at(1)%60, at(2)%60, at(3)%60, 1+at(4)%8,
		days[at(5)%len(days)], clock(6), days[at(8)%len(days)], clock(10),
		flex(11), flex(12), flex(13), flex(14), at(15)%5*60,
		map[bool]string{true: `{"days": "daily", "time": "23:00-06:00"}`}[at(16)%3 == 0],
		place, modality, at(17)%8, []int{0, 3, 9, 12, 168}[at(18)%5], at(19)%2 == 0, strings.Join(tracks, ","))
	sc, err := ParseScenario([]byte(body))
	if err != nil {
		return nil, 0
	}
	return sc, 1 + at(23)%10
}

// FuzzSolveBounded solves fuzz-built weeks with a 100 ms budget: each solve
// must come back within a bound of time and allocation, its plans must fit
// when walked again and meet the minimums, best first, and it must say when
// it stopped early.
func FuzzSolveBounded(f *testing.F) {
	f.Add([]byte("weekfit"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, top := fuzzScenario(data)
		if sc == nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		res, err := Solve(sc, Options{Top: top, Context: ctx})
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if took > 3*time.Second {
			t.Fatalf("a solve with a 100 ms budget took %s", took)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 512<<20 {
			t.Fatalf("a solve allocated %d MB", alloc>>20)
		}
		if res.Incomplete != "" && res.Incomplete != IncompleteSentence && res.Incomplete != TooMuchWorkSentence {
			t.Fatalf("Incomplete = %q", res.Incomplete)
		}
		if len(res.Plans) > top {
			t.Fatalf("%d plans, top %d", len(res.Plans), top)
		}
		checkPlans(t, sc, res)
	})
}
