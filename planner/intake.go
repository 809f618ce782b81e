package planner

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// PlaceID makes a place id from a place's display name: lower case, letters
// and digits kept, every other run of characters one "-", at most 24
// characters; "place" when nothing is left. An id already in taken gets "-2",
// "-3", ... so that two places of the same name stay two places. The guided
// interview uses it, so that a person never types or sees an id.
func PlaceID(name string, taken []string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(StripControls(name)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 24 {
			break
		}
	}
	base := b.String()
	if base == "" {
		base = "place"
	}
	id := base
	for n := 2; slices.Contains(taken, id); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

// ParseClockLoose reads a time range as ParseClock does, and also with bare
// hours and unpunctuated times, as people type them in a hurry: "6-14:30",
// "9-12", "1430-19", "630-1500". The error says what to write.
func ParseClockLoose(s string) (Clock, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok {
		return ParseClock(s)
	}
	return ParseClock(looseTime(a) + "-" + looseTime(b))
}

// looseTime writes a bare hour ("6", "14") or hour and minutes without a
// colon ("630", "1430") as HH:MM, and leaves anything else as it is.
func looseTime(s string) string {
	t := strings.TrimSpace(s)
	if t == "" || strings.ContainsFunc(t, func(r rune) bool { return r < '0' || r > '9' }) {
		return s
	}
	switch len(t) {
	case 1, 2:
		return t + ":00"
	case 3, 4:
		return t[:len(t)-2] + ":" + t[len(t)-2:]
	}
	return s
}
