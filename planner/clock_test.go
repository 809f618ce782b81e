package planner

import (
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
