package planner

import (
	"fmt"
	"reflect"
	"testing"
)

// TestPhasedTiesKeepTheirOrder: plans equal in every figure come in the
// order of their programs, then of their tracks.
func TestPhasedTiesKeepTheirOrder(t *testing.T) {
	m := phasedFile(t)
	p := program0(m)
	tracks := p["tracks"].([]any)
	twinTrack := map[string]any{"name": "Evening too", "sessions": tracks[1].(map[string]any)["sessions"]}
	p["tracks"] = append(tracks, twinTrack)
	twin := map[string]any{}
	for k, v := range p {
		twin[k] = v
	}
	twin["id"], twin["name"] = "twin", "Twin IOP"
	m["programs"] = append(m["programs"].([]any), twin)
	sc, err := parseMap(t, m)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Solve(sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, pl := range res.Plans {
		got = append(got, fmt.Sprintf("%s/%s", pl.Program, pl.Phases[0].Plan.Track))
	}
	want := []string{"lakeside/Evening", "lakeside/Evening too", "twin/Evening", "twin/Evening too"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("plans %v; want %v", got, want)
	}
}
