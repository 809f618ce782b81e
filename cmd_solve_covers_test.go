package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestSolveUsesCoversOnlyWhereNeeded checks through `solve --json` that a
// helper's cover is used only on the days the plan needs it (issue 13): a
// session, its travel or a bent shift would otherwise overlap the commitment
// or make it unreachable. Each plan is written as its session days, its
// covers and its travel minutes, best first.
func TestSolveUsesCoversOnlyWhereNeeded(t *testing.T) {
	cases := []struct {
		file string
		want []string
	}{
		// home at 18:50 from a session that ends 18:30: bedtime at 19:30 is the parent's own
		{"parent-bedtime.json", []string{"Mon Wed Thu | - | 120"}},
		// off work at 14:30, the 15:00 pickup is done before the 18:00 session
		{"warehouse-pickup.json", []string{"Mon Tue Thu | - | 395"}},
		// Wed 14:30 meets the pickup and Thu 17:30-20:30 meets bedtime (a duty with no
		// place); Mon 09:00 and Fri 16:00 (the pickup, then the clinic by 15:50,
		// home by 19:20) need nobody. One cover ranks before two, whatever the travel.
		{"some-days.json", []string{
			"Mon Wed Fri | School pickup Wed by Grandma | 185",
			"Mon Thu Fri | Bedtime Thu by Partner | 205",
			"Wed Thu Fri | School pickup Wed by Grandma, Bedtime Thu by Partner | 185",
			"Mon Wed Thu | School pickup Wed by Grandma, Bedtime Thu by Partner | 200",
			"Mon Wed Thu Fri | School pickup Wed by Grandma, Bedtime Thu by Partner | 225",
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			code, out, stderr := runCLI(t, "solve", "testdata/covers/"+c.file, "--json", "--top", "10")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var res struct {
				Plans []struct {
					Sessions []struct {
						Day string `json:"day"`
					} `json:"sessions"`
					Covered []struct {
						Commitment string `json:"commitment"`
						Week       int    `json:"week"`
						Day        string `json:"day"`
						By         string `json:"by"`
					} `json:"covered"`
					Travel int `json:"travel_minutes"`
				} `json:"plans"`
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range res.Plans {
				var days, covers []string
				for _, s := range p.Sessions {
					days = append(days, s.Day)
				}
				for _, cv := range p.Covered {
					covers = append(covers, fmt.Sprintf("%s %s by %s", cv.Commitment, cv.Day, cv.By))
				}
				cs := strings.Join(covers, ", ")
				if cs == "" {
					cs = "-"
				}
				got = append(got, fmt.Sprintf("%s | %s | %d", strings.Join(days, " "), cs, p.Travel))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Fatalf("plans:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestSolveGridShowsCoversOnTheirDays checks solve's text: the covers line
// names only the days the plan uses, and the week grid shows the bedtime a
// helper could take as the person's own on the other days.
func TestSolveGridShowsCoversOnTheirDays(t *testing.T) {
	code, out, stderr := runCLI(t, "solve", "testdata/covers/some-days.json", "--top", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "School pickup Wed by Grandma") {
		t.Fatalf("the best plan's covers are not named:\n%s", out)
	}
	for _, not := range []string{"Mon by Grandma", "Fri by Grandma", "by Partner"} {
		if strings.Contains(out, not) {
			t.Fatalf("a cover the plan does not need is named (%q):\n%s", not, out)
		}
	}
	// the 15:00 row: the pickup is covered (c) on Wednesday only, the
	// person's own (C) on the other weekdays
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) != 8 || f[0] != "15:00" {
			continue
		}
		for d, cell := range f[1:6] {
			if covered := strings.Contains(cell, "c"); covered != (d == 2) || (d != 2 && !strings.Contains(cell, "C")) {
				t.Fatalf("15:00 row %q: day %d shows %q\n%s", line, d, cell, out)
			}
		}
		return
	}
	t.Fatalf("no 15:00 row in the grid:\n%s", out)
}
