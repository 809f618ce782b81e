package planner

import (
	"reflect"
	"testing"
	"time"
)

// phasedPlan solves the evening-then-aftercare week and returns it with its
// best plan: Evening Mon, Tue and Thu for 6 weeks from Mon 25 Oct 2027, then
// Thursday 18:00-19:00 for 12.
func phasedPlan(t *testing.T) (*Scenario, Plan) {
	t.Helper()
	sc, err := parseMap(t, phasedFile(t))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Solve(sc, Options{})
	if err != nil || len(res.Plans) == 0 || len(res.Plans[0].Phases) != 2 {
		t.Fatalf("%v, %d plans", err, len(res.Plans))
	}
	return sc, res.Plans[0]
}

func phaseFroms(p *Plan) []string {
	var out []string
	for _, ph := range p.Phases {
		out = append(out, ph.From.Format(time.DateOnly))
	}
	return out
}

func TestDatePhases(t *testing.T) {
	sc, p := phasedPlan(t)
	moved := p
	moved.Phases = append([]PhasePlan(nil), p.Phases...)
	DatePhases(sc, &moved, day("2027-11-01"))
	if got := phaseFroms(&moved); !reflect.DeepEqual(got, []string{"2027-11-01", "2027-12-13"}) {
		t.Fatalf("phases dated from 1 Nov start on %v; want 2027-11-01 and 2027-12-13", got)
	}
	for _, c := range []struct {
		name   string
		change func(p *Plan)
	}{
		{"no phases", func(p *Plan) { p.Phases = nil }},
		{"program not in the week", func(p *Plan) { p.Program = "gone" }},
	} {
		q := p
		q.Phases = append([]PhasePlan(nil), p.Phases...)
		c.change(&q)
		before := phaseFroms(&q)
		DatePhases(sc, &q, day("2027-11-01"))
		if got := phaseFroms(&q); !reflect.DeepEqual(got, before) {
			t.Errorf("%s: phases dated %v; want them left as %v", c.name, got, before)
		}
	}
}

func TestPhaseOccurrences(t *testing.T) {
	sc, p := phasedPlan(t)
	cases := []struct {
		k, w        int
		d           Day
		n           int
		first, last string
	}{
		{-1, 1, Thu, 0, "", ""},
		{2, 1, Thu, 0, "", ""},
		{0, 1, Thu, 6, "2027-10-28", "2027-12-02"},
		{1, 1, Thu, 12, "2027-12-09", "2028-02-24"},
		{1, 1, Mon, 12, "2027-12-06", "2028-02-21"},
	}
	for _, c := range cases {
		got := PhaseOccurrences(sc, &p, c.k, c.w, c.d)
		if len(got) != c.n {
			t.Errorf("phase %d week %d %v: %d dates %v; want %d", c.k, c.w, c.d, len(got), got, c.n)
			continue
		}
		if c.n == 0 {
			continue
		}
		for i := 1; i < len(got); i++ {
			if !got[i-1].Before(got[i]) {
				t.Errorf("phase %d: dates out of order: %v", c.k, got)
			}
		}
		if f, l := got[0].Format(time.DateOnly), got[len(got)-1].Format(time.DateOnly); f != c.first || l != c.last {
			t.Errorf("phase %d week %d %v: %s to %s; want %s to %s", c.k, c.w, c.d, f, l, c.first, c.last)
		}
	}
}

func TestClosedOn(t *testing.T) {
	sc, p := phasedPlan(t)
	gone := p
	gone.Program = "gone"
	cases := []struct {
		p    *Plan
		date string
		want bool
	}{
		{&p, "2027-11-25", true},
		{&p, "2027-11-24", false},
		{&p, "2028-01-17", true},
		{&gone, "2027-11-25", false},
	}
	for _, c := range cases {
		if got := ClosedOn(sc, c.p, day(c.date)); got != c.want {
			t.Errorf("program %q closed on %s: %v; want %v", c.p.Program, c.date, got, c.want)
		}
	}
}

func TestWithPhases(t *testing.T) {
	sc, p := phasedPlan(t)
	bare := p
	bare.Phases, bare.Leave = nil, nil
	reversed := bare
	reversed.Sessions = []Session{p.Sessions[2], p.Sessions[1], p.Sessions[0]}
	one := bare
	one.Sessions = p.Sessions[:1]
	gone := bare
	gone.Program = "gone"
	m := phasedFile(t)
	delete(m, "start")
	delete(program0(m), "phases")
	delete(program0(m), "closed")
	undated, err := parseMap(t, m)
	if err != nil || undated.Dated() {
		t.Fatalf("a week without a start, phases or closed days: %v, dated %v", err, undated.Dated())
	}
	res, err := Solve(undated, Options{})
	if err != nil || len(res.Plans) == 0 {
		t.Fatalf("%v, %d plans", err, len(res.Plans))
	}
	cases := []struct {
		name  string
		sc    *Scenario
		p     Plan
		start string
		froms []string // nil: the plan comes back without phases
	}{
		{"saved without phases", sc, bare, "2027-11-01", []string{"2027-11-01", "2027-12-13"}},
		{"with phases, dated again", sc, p, "2027-11-08", []string{"2027-11-08", "2027-12-20"}},
		{"sessions in another order", sc, reversed, "2027-11-01", nil},
		{"fewer sessions than any plan holds", sc, one, "2027-11-01", nil},
		{"program not in the week", sc, gone, "2027-11-01", nil},
		{"week without a start", undated, res.Plans[0], "2027-11-01", nil},
	}
	for _, c := range cases {
		got := WithPhases(c.sc, c.p, day(c.start), Options{})
		if froms := phaseFroms(&got); !reflect.DeepEqual(froms, c.froms) {
			t.Errorf("%s: phases from %v; want %v", c.name, froms, c.froms)
		}
		if !reflect.DeepEqual(got.Sessions, c.p.Sessions) {
			t.Errorf("%s: sessions %v; want %v", c.name, got.Sessions, c.p.Sessions)
		}
		if c.froms != nil && got.Leave == nil {
			t.Errorf("%s: no leave ledger", c.name)
		}
	}
}
