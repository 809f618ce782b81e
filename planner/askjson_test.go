package planner_test

import (
	"reflect"
	"strings"
	"testing"

	"weekfit/planner"
)

const fixJSON = `{
  "asks": [
    {"kind": "shift", "party": "Office", "days": [{"week": 1, "day": "Mon"}, {"week": 1, "day": "Wed"}],
     "job": "Office", "from": "09:00-17:00", "to": "09:00-16:50", "minutes_lost": 20, "minutes_moved": 20},
    {"kind": "shift", "party": "Office", "days": [{"week": 1, "day": "Fri"}], "job": "Office", "from": "09:00-17:00", "to": "off", "minutes_lost": 480, "minutes_moved": 0},
    {"kind": "unpaid", "party": "Office", "job": "Office", "minutes": 30},
    {"kind": "cover", "party": "someone", "days": [{"week": 1, "day": "Fri"}], "commitment": "School pickup", "time": "19:00-19:30"}
  ],
  "plan": {"rank": 1}
}`

func TestParseAsksRoundTrip(t *testing.T) {
	asks, err := planner.ParseAsks([]byte(fixJSON))
	if err != nil {
		t.Fatal(err)
	}
	want := []planner.Ask{
		{Kind: planner.AskShift, Party: "Office", Days: days(1, planner.Mon, planner.Wed), Job: "Office", From: nineToFive, To: to1650, MinutesLost: 20, MinutesMoved: 20},
		{Kind: planner.AskShift, Party: "Office", Days: days(1, planner.Fri), Job: "Office", From: nineToFive, Off: true, MinutesLost: 480},
		{Kind: planner.AskUnpaid, Party: "Office", Job: "Office", Minutes: 30},
		{Kind: planner.AskCover, Party: planner.Someone, Days: days(1, planner.Fri), Commitment: "School pickup", Time: planner.Clock{Start: 1140, End: 1170}},
	}
	if !reflect.DeepEqual(asks, want) {
		t.Fatalf("asks\n%+v\nwant\n%+v", asks, want)
	}
	data, err := planner.MarshalAsks(asks)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"to": "off"`) || !strings.Contains(string(data), `"minutes_lost": 480`) {
		t.Fatalf("marshalled asks lack the contract's fields:\n%s", data)
	}
	back, err := planner.ParseAsks(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, asks) {
		t.Fatalf("round trip\n%+v\nwant\n%+v", back, asks)
	}
	if _, err := planner.ApplyAsks(askScenario(t, "1"), asks); err != nil {
		t.Fatalf("the fix's asks do not apply to the week they were made for: %v", err)
	}
}

func TestParseAsksRefuses(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"plan": {}}`, "asks: missing"},
		{`[{"kind": "raise"}]`, `asks[0].kind: "raise"`},
		{`[{"kind": "shift", "from": "9-5", "to": "off"}]`, "asks[0].from"},
		{`[{"kind": "shift", "from": "09:00-17:00", "to": "soon"}]`, "asks[0].to"},
		{`[{"kind": "cover", "days": [{"week": 1, "day": "Funday"}], "commitment": "x"}]`, "asks[0].days[0].day"},
		{`[{"kind": "cover", "days": [{"week": 1, "day": "Mon"}]}]`, "asks[0].commitment: missing"},
		{`[{"kind": "cover", "commitment": "x", "time": "25:00-26:00"}]`, "asks[0].time"},
		{`[{"kind": "unpaid", "minutes": 30, "colour": "red"}]`, `asks[0]: cannot be read`},
		{`[{"kind": "shift", "party": "\u001b[2J", "from": "09:00-17:00", "to": "off"}]`, "asks[0].party"},
		{`not json`, "not JSON"},
	}
	for _, c := range cases {
		_, err := planner.ParseAsks([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one with %q", c.in, err, c.want)
		}
	}
}

func FuzzParseAsks(f *testing.F) {
	f.Add([]byte(fixJSON))
	f.Add([]byte(`[]`))
	f.Add([]byte(`[{"kind":"cover","party":"Sister","days":[{"week":2,"day":"wed"}],"commitment":"A","time":"9am-5pm"}]`))
	sc, err := planner.ParseScenario([]byte(strings.Replace(askWeek, "CYCLE", "2", 1)))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		asks, err := planner.ParseAsks(data)
		if err != nil {
			return
		}
		out, err := planner.MarshalAsks(asks)
		if err != nil {
			t.Fatal(err)
		}
		back, err := planner.ParseAsks(out)
		if err != nil {
			t.Fatalf("marshalled asks do not parse: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(back, asks) {
			t.Fatalf("round trip changed the asks:\n%+v\n%+v", asks, back)
		}
		_, _ = planner.ApplyAsks(sc, asks) // must not panic, whatever the asks
	})
}
