package planner

import (
	"context"
	"testing"
	"time"
)

// FuzzFixes looks for fixes on fuzzed weeks within a 100 ms budget: every
// track that does not fit has fixes or a sentence saying why not, and every
// fix, applied with ApplyAsks, gives a plan of that track at least as good.
func FuzzFixes(f *testing.F) {
	for _, seed := range []string{"weekfit", "fix", "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17", "asks"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, _ := fuzzScenario(data)
		if sc == nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		res, err := Solve(sc, Options{Fixes: true, MaxAsks: 2, Context: ctx})
		if err != nil {
			t.Fatal(err)
		}
		for _, rj := range res.Rejected {
			if len(rj.Fixes) == 0 && rj.FixNote == "" {
				t.Fatalf("track %s: no fixes and no sentence", rj.Track)
			}
			for _, fx := range rj.Fixes {
				if len(fx.Asks) == 0 || len(fx.Asks) > 2 {
					t.Fatalf("track %s: a fix of %d asks", rj.Track, len(fx.Asks))
				}
				lost, moved := 0, 0
				for _, a := range fx.Asks {
					lost, moved = lost+a.MinutesLost, moved+a.MinutesMoved
				}
				applied, err := ApplyAsks(soloTrack(sc, rj.Track), fx.Asks)
				if err != nil {
					t.Fatalf("track %s: ApplyAsks(%+v): %v", rj.Track, fx.Asks, err)
				}
				got, err := Solve(applied, Options{Top: 1})
				if err != nil || len(got.Plans) == 0 {
					t.Fatalf("track %s: no plan with the asks %+v applied", rj.Track, fx.Asks)
				}
				// the what-if's changed shifts may still bend within the flex,
				// so its best plan is at least as good as the fix's
				p := got.Plans[0]
				if c := (fixCost{0, p.UnpaidMinutes + lost, p.MovedMinutes + moved}); less3(fixCost{0, fx.Plan.UnpaidMinutes, fx.Plan.MovedMinutes}, c) {
					t.Fatalf("track %s: with the asks applied the plan loses %d and moves %d; the fix says %d and %d",
						rj.Track, c.unpaid, c.moved, fx.Plan.UnpaidMinutes, fx.Plan.MovedMinutes)
				}
			}
		}
	})
}
