package store

import (
	"errors"
	"testing"
)

func FuzzReadExport(f *testing.F) {
	f.Add([]byte(`{"format":"weekfit profile","version":1,"name":"x","plans":[]}`))
	f.Add([]byte(`{"format":"weekfit profile","version":1,"name":"x","plans":[{"chosen":true,"saved":"2026-01-01T00:00:00Z","plan":{"program":"p","sessions":[{"week":1,"day":2,"time":{"start":540,"end":720}}]}}]}`))
	f.Add([]byte(`{"format":"weekfit profile","version":1,"name":"x","plans":[{"chosen":true,"saved":"2026-01-01T00:00:00Z","plan":{"program":"p","sessions":[],` +
		`"phases":[{"name":"A","weeks":6,"from":"2027-10-25","until":"2027-12-05","plan":{"program":"p","sessions":[{"week":1,"day":3,"time":{"start":1080,"end":1140}}]}}],` +
		`"leave":{"increment_minutes":60,"minutes_per_week":[180],"total_minutes":1020,"entitlement_left_minutes":-60,"entitlement_minutes":960,"runs_out":"2027-11-29","phase_minutes":[1020],"skipped":["2027-11-25"]}}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ex, sc, err := readExport(data)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error is not ErrInvalid: %v", err)
			}
			return
		}
		if len(ex.Scenario) > 0 && sc == nil {
			t.Fatal("a scenario in the file was not read")
		}
		for _, p := range ex.Plans {
			if p.Plan.check() != nil {
				t.Fatal("an accepted plan fails its check")
			}
			back := toPlanJSON(p.Plan.plan())
			if len(back.Phases) != len(p.Plan.Phases) || (back.Leave == nil) != (p.Plan.Leave == nil) {
				t.Fatalf("an accepted plan's phases or leave do not survive reading: %+v", p.Plan)
			}
		}
	})
}
