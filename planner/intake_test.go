package planner

import (
	"strings"
	"testing"
)

func TestPlaceID(t *testing.T) {
	for _, tc := range []struct {
		name  string
		taken []string
		want  string
	}{
		{"Warehouse", nil, "warehouse"},
		{"Riverside Recovery", nil, "riverside-recovery"},
		{"  St. Mary's  School ", nil, "st-mary-s-school"},
		{"Home", []string{"home"}, "home-2"},
		{"Warehouse", []string{"home", "warehouse", "warehouse-2"}, "warehouse-3"},
		{"", nil, "place"},
		{"!!!", []string{"place"}, "place-2"},
		{"\x1b[2JClinic", nil, "clinic"},
		{"Café Zürich", nil, "café-zürich"},
		{"a very long name of a clinic far away", nil, "a-very-long-name-of-a-cl"},
	} {
		if got := PlaceID(tc.name, tc.taken); got != tc.want {
			t.Errorf("PlaceID(%q, %q) = %q, want %q", tc.name, tc.taken, got, tc.want)
		}
	}
}

func TestParseClockLoose(t *testing.T) {
	for _, tc := range []struct {
		in, want, err string
	}{
		{in: "6-14:30", want: "06:00-14:30"},
		{in: "9-12", want: "09:00-12:00"},
		{in: "1430-19", want: "14:30-19:00"},
		{in: "630-1500", want: "06:30-15:00"},
		{in: "22-5", want: "22:00-05:00"},
		{in: "9am-5pm", want: "09:00-17:00"},
		{in: "06:00-14:30", want: "06:00-14:30"},
		{in: "25-26", err: "hour out of range"},
		{in: "25:00-07:00", err: "hour out of range"},
		{in: "9", err: "needs a start and an end"},
		{in: "960-10", err: "minute out of range"},
		{in: "9-9", err: "the same"},
		{in: "12345-13", err: "not a time"},
		{in: "", err: "no time given"},
	} {
		c, err := ParseClockLoose(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseClockLoose(%q) = %v, %v; want an error with %q", tc.in, c, err, tc.err)
			}
			continue
		}
		if err != nil || c.String() != tc.want {
			t.Errorf("ParseClockLoose(%q) = %v, %v; want %s", tc.in, c, err, tc.want)
		}
	}
}

func FuzzParseClockLoose(f *testing.F) {
	for _, s := range []string{"6-14:30", "9-12", "1430-19", "9am-5pm", "-", "0-0", "24-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseClockLoose(s)
		if err != nil {
			return
		}
		if c.Start < 0 || c.Start >= MinutesPerDay || c.End < 0 || c.End > MinutesPerDay || c.Start == c.End {
			t.Fatalf("ParseClockLoose(%q) = %+v, out of range", s, c)
		}
		if again, err := ParseClock(c.String()); err != nil || again != c {
			t.Fatalf("ParseClock(%q) = %v, %v; want %v", c.String(), again, err, c)
		}
	})
}

func FuzzPlaceID(f *testing.F) {
	for _, s := range []string{"Warehouse", "", "\x1b]52;c;x\a", "Home", "a b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id := PlaceID(s, []string{Home})
		if !isWord(id) || id == Home || strings.HasPrefix(id, "-") || strings.HasSuffix(id, "-") {
			t.Fatalf("PlaceID(%q) = %q, not a usable id", s, id)
		}
	})
}
