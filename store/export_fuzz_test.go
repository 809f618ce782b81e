package store

import (
	"errors"
	"testing"
)

func FuzzReadExport(f *testing.F) {
	f.Add([]byte(`{"format":"weekfit profile","version":1,"name":"x","plans":[]}`))
	f.Add([]byte(`{"format":"weekfit profile","version":1,"name":"x","plans":[{"chosen":true,"saved":"2026-01-01T00:00:00Z","plan":{"program":"p","sessions":[{"week":1,"day":2,"time":{"start":540,"end":720}}]}}]}`))
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
		}
	})
}
