package planner

import (
	"slices"
	"strings"
	"testing"
)

// TestDayShortIsDayNamesLower keeps ParseDay's lower-case names in step with
// the names days are written with.
func TestDayShortIsDayNamesLower(t *testing.T) {
	for i := range dayNames {
		if dayShort[i] != strings.ToLower(dayNames[i]) {
			t.Errorf("dayShort[%d] = %q, want %q", i, dayShort[i], strings.ToLower(dayNames[i]))
		}
	}
}

// TestDaySetAllIsDays holds the iterator to the list, for every set.
func TestDaySetAllIsDays(t *testing.T) {
	for s := DaySet(0); s <= AllDays; s++ {
		var got []Day
		for d := range s.All() {
			got = append(got, d)
		}
		if want := s.Days(); !slices.Equal(got, want) {
			t.Fatalf("%07b: All gave %v, Days %v", s, got, want)
		}
	}
}
