package planner

import (
	"fmt"
	"strings"
	"time"
)

// Details is what a catalog keeps about a program beyond its schedule: how
// to reach it, whom it serves, and when its schedule was last checked.
type Details struct {
	Address      string
	Phone        string
	Population   string // whom the program serves: adults, adolescents, women ...
	LastVerified string // YYYY-MM-DD, or "" when never checked
	Notes        string
}

// StaleAfterDays is how old a catalog entry's last_verified date may be
// before the board and the handout warn about it.
const StaleAfterDays = 90

// StaleWarning is the sentence shown beside a catalog entry checked more
// than StaleAfterDays ago.
const StaleWarning = "check this schedule with the program"

// Stale reports whether the entry was last verified more than
// StaleAfterDays before today. An entry with no date is not stale: there
// is nothing to compare.
func (d Details) Stale(today time.Time) bool {
	if d.LastVerified == "" {
		return false
	}
	v, err := time.Parse(dateLayout, d.LastVerified)
	if err != nil {
		return false
	}
	y, m, dd := today.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Sub(v) > StaleAfterDays*24*time.Hour
}

// fileDetails mirrors Details in the JSON catalog format.
type fileDetails struct {
	Address      string `json:"address,omitempty"`
	Phone        string `json:"phone,omitempty"`
	Population   string `json:"population,omitempty"`
	LastVerified string `json:"last_verified,omitempty"`
	Notes        string `json:"notes,omitempty"`
}

const dateLayout = "2006-01-02"

// readDate reads a date as YYYY-MM-DD; a spreadsheet date with a time
// ("2026-03-01 00:00") keeps its date.
func readDate(path, v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	day, _, _ := strings.Cut(v, " ")
	if _, err := time.Parse(dateLayout, day); err != nil {
		return "", bad(path, v, "must be a date written YYYY-MM-DD, like 2026-03-01")
	}
	return day, nil
}

// readDetails checks the details of a program read from a file.
func readDetails(path string, f fileDetails) (Details, error) {
	var d Details
	fields := []struct {
		name string
		raw  string
		to   *string
	}{{"address", f.Address, &d.Address}, {"phone", f.Phone, &d.Phone},
		{"population", f.Population, &d.Population}, {"notes", f.Notes, &d.Notes}}
	for _, x := range fields {
		v, err := cleanName(path+"."+x.name, x.raw)
		if err != nil {
			return d, err
		}
		if len(v) > maxDetailBytes {
			return d, bad(path+"."+x.name, "", "is %d bytes long; keep it under %d", len(v), maxDetailBytes)
		}
		*x.to = v
	}
	var err error
	d.LastVerified, err = readDate(path+".last_verified", f.LastVerified)
	return d, err
}

// maxDetailBytes bounds one detail text (an address, a note).
const maxDetailBytes = 4096

func (d Details) file() fileDetails {
	return fileDetails(d)
}

// readAllDetails checks a catalog file's details, which must name its programs.
func readAllDetails(details map[string]fileDetails, c *Catalog) error {
	for id, fd := range details {
		if c.ProgramIndex(id) < 0 {
			return bad(fmt.Sprintf("details[%q]", id), id, "no program of the catalog has this id")
		}
		d, err := readDetails(fmt.Sprintf("details[%q]", id), fd)
		if err != nil {
			return err
		}
		if d != (Details{}) {
			if c.Details == nil {
				c.Details = map[string]Details{}
			}
			c.Details[id] = d
		}
	}
	return nil
}

// Matches reports whether catalog program i matches a search: every word of
// query (any case) appears in its id, name, place, address, population,
// modality, level or notes. An empty query matches every program.
func (c *Catalog) Matches(i int, query string) bool {
	p := c.Programs[i]
	d := c.Details[p.ID]
	hay := strings.ToLower(strings.Join([]string{p.ID, p.Name, p.Place, c.PlaceName(p.Place), d.Address,
		d.Population, p.Modality, p.Level, d.Notes}, "\n"))
	for _, w := range strings.Fields(strings.ToLower(query)) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}
