package planner

import (
	"errors"
	"strings"
	"testing"
)

// TestMoreInputErrors: each bad input is refused with a sentence naming where.
func TestMoreInputErrors(t *testing.T) {
	detailsHead := "program_id,place_id,track,days,time,start,end,last_verified,address\n"
	longAddress := detailsHead + "p,c,M,Mon,09:00-12:00,,,," + strings.Repeat("a", maxDetailBytes+1) + "\n"
	phases := func() error {
		m := phasedFile(t)
		phase(m, 0)["weeks"] = 60
		phase(m, 1)["weeks"] = 60
		_, err := parseMap(t, m)
		return err
	}
	cases := []struct {
		name string
		err  func() error
		want string
	}{
		{"csv without a days column", func() error { _, err := ParseCatalogCSV([]byte("program_id,track,time\n")); return err },
			`row 1: the header has no "days" column; it is required`},
		{"an address too long", func() error { _, err := ParseCatalogCSV([]byte(longAddress)); return err },
			`row 2, column "address": is 4097 bytes long; keep it under 4096`},
		{"a sheet without a place column", func() error {
			_, err := ParseCatalogSheet([][]string{{"program_id", "track", "days", "time"}, {"p", "M", "Mon", "09:00-12:00"}}, sheetRef)
			return err
		}, `row 2 (place_id): missing; an in-person program needs the id of its place`},
		{"phases longer than any program", phases,
			`programs[0].phases: the phases last 120 weeks together; a program lasts at most 104`},
	}
	for _, c := range cases {
		err := c.err()
		if err == nil || !errors.Is(err, ErrInput) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v; want an input error starting %q", c.name, err, c.want)
		}
	}
}

func TestWarningBadge(t *testing.T) {
	cases := []struct {
		n    int
		want string
	}{{0, ""}, {1, "!1"}, {2, "!2"}}
	for _, c := range cases {
		p := &Plan{Warnings: make([]Warning, c.n)}
		if got := WarningBadge(p); got != c.want {
			t.Errorf("%d warnings: badge %q; want %q", c.n, got, c.want)
		}
	}
}

// TestPhasesUpToTheLongestProgram: phases may last 104 weeks together, not 105.
func TestPhasesUpToTheLongestProgram(t *testing.T) {
	for _, c := range []struct {
		second int
		ok     bool
	}{{44, true}, {45, false}} {
		m := phasedFile(t)
		phase(m, 0)["weeks"] = 60
		phase(m, 1)["weeks"] = c.second
		sc, err := parseMap(t, m)
		if c.ok && (err != nil || sc.Programs[0].TotalWeeks() != 104) {
			t.Errorf("phases of 60 and %d weeks: %v", c.second, err)
		}
		if !c.ok && (err == nil || !strings.Contains(err.Error(), "the phases last 105 weeks together")) {
			t.Errorf("phases of 60 and %d weeks: error %v; want one that says they last 105 weeks", c.second, err)
		}
	}
}
