package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"weekfit/planner"
	"weekfit/store"
)

const useCatalog = "weekfit catalog list [WORDS] [--json] | show ID | remove ID [--yes]   [--db PATH]"

// cmdCatalog lists, shows and removes the programs of the shared catalog.
func cmdCatalog(args []string, stdout io.Writer, env storeEnv, now time.Time) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usageErr("catalog needs list, show or remove\nusage: %s", useCatalog)
	}
	switch args[0] {
	case "list":
		return catalogList(args[1:], stdout, env, now)
	case "show":
		return catalogShow(args[1:], stdout, env, now)
	case "remove":
		return catalogRemove(args[1:], stdout, env)
	}
	return usageErr("catalog: %q is not list, show or remove\nusage: %s", args[0], useCatalog)
}

// readCatalog opens the database, reads the catalog and closes it.
func readCatalog(dbPath string, env storeEnv) (*planner.Catalog, error) {
	var c *planner.Catalog
	err := withStore(dbPath, env, func(db *store.DB, _ string) error {
		var err error
		c, err = db.Catalog()
		return err
	})
	return c, err
}

const emptyCatalog = "the catalog is empty; add programs with: weekfit import FILE (a catalog in JSON, CSV, .xlsx or .ods)"

func catalogList(args []string, stdout io.Writer, env storeEnv, now time.Time) error {
	fs := newFlagSet("catalog list")
	asJSON := fs.Bool("json", false, "print JSON")
	db := fs.String("db", "", "database file")
	words, err := parseInterleaved(fs, args)
	if err != nil {
		return usageErr("catalog list: %v\nusage: %s", strings.TrimPrefix(err.Error(), "flag provided but not defined: "), useCatalog)
	}
	c, err := readCatalog(*db, env)
	if err != nil {
		return err
	}
	query := strings.Join(words, " ")
	var picked []int
	for i := range c.Programs {
		if c.Matches(i, query) {
			picked = append(picked, i)
		}
	}
	if *asJSON {
		out := make([]catalogJSON, 0, len(picked))
		for _, i := range picked {
			out = append(out, toCatalogJSON(c, i, now))
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	switch {
	case len(c.Programs) == 0:
		fmt.Fprintln(stdout, emptyCatalog)
		return nil
	case len(picked) == 0:
		fmt.Fprintf(stdout, "no catalog program matches %q (the catalog has %d)\n", query, len(c.Programs))
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tWHERE\tTRACKS\tSERVES\tVERIFIED")
	for _, i := range picked {
		p := c.Programs[i]
		d := c.Details[p.ID]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", p.ID, p.Name, where(c, p), len(p.Tracks), d.Population, verified(d, now))
	}
	return tw.Flush()
}

// where is a program's place name, or "virtual".
func where(c *planner.Catalog, p planner.Program) string {
	if p.Modality == planner.Virtual {
		return "virtual"
	}
	if n := c.PlaceName(p.Place); n != "" {
		return n
	}
	return p.Place
}

// verified is the last_verified date, marked when it is stale.
func verified(d planner.Details, now time.Time) string {
	switch {
	case d.LastVerified == "":
		return "-"
	case d.Stale(now):
		return d.LastVerified + " (" + planner.StaleWarning + ")"
	}
	return d.LastVerified
}

// catalogJSON is one program of `weekfit catalog list --json`.
type catalogJSON struct {
	ID           string      `json:"id"`
	Name         string      `json:"name"`
	Modality     string      `json:"modality"`
	Level        string      `json:"level,omitempty"`
	Place        string      `json:"place,omitempty"`
	PlaceName    string      `json:"place_name,omitempty"`
	Address      string      `json:"address,omitempty"`
	Phone        string      `json:"phone,omitempty"`
	Population   string      `json:"population,omitempty"`
	LastVerified string      `json:"last_verified,omitempty"`
	Stale        bool        `json:"stale"`
	Notes        string      `json:"notes,omitempty"`
	MinDays      int         `json:"min_days"`
	MinHours     float64     `json:"min_hours"`
	MixTracks    bool        `json:"mix_tracks"`
	Weeks        int         `json:"weeks,omitempty"`
	Tracks       []trackJSON `json:"tracks"`
}

type trackJSON struct {
	Name     string   `json:"name"`
	Sessions []string `json:"sessions"` // "Mon,Wed,Fri 09:00-12:00"
}

func toCatalogJSON(c *planner.Catalog, i int, now time.Time) catalogJSON {
	p := c.Programs[i]
	d := c.Details[p.ID]
	out := catalogJSON{ID: p.ID, Name: p.Name, Modality: p.Modality, Level: p.Level,
		Address: d.Address, Phone: d.Phone, Population: d.Population, LastVerified: d.LastVerified,
		Stale: d.Stale(now), Notes: d.Notes, MinDays: p.MinDays, MinHours: float64(p.MinMinutes) / 60,
		MixTracks: p.MixTracks, Weeks: p.Weeks, Tracks: []trackJSON{}}
	if out.Modality == "" {
		out.Modality = planner.InPerson
	}
	if p.Modality != planner.Virtual {
		out.Place, out.PlaceName = p.Place, c.PlaceName(p.Place)
	}
	for _, t := range p.Tracks {
		out.Tracks = append(out.Tracks, trackJSON{Name: t.Name, Sessions: sessionTexts(t)})
	}
	return out
}

// sessionTexts writes a track's sessions as "Mon,Wed,Fri 09:00-12:00".
func sessionTexts(t planner.Track) []string {
	out := make([]string, 0, len(t.Sessions))
	for _, s := range t.Sessions {
		line := s.Days.String() + " " + s.Time.String()
		if len(s.Weeks) > 0 {
			line += fmt.Sprintf(" (weeks %s)", strings.Trim(fmt.Sprint(s.Weeks), "[]"))
		}
		out = append(out, line)
	}
	return out
}

func catalogShow(args []string, stdout io.Writer, env storeEnv, now time.Time) error {
	pos, dbPath, err := storeFlags(newFlagSet("catalog show"), args, 1, useCatalog)
	if err != nil {
		return err
	}
	c, err := readCatalog(dbPath, env)
	if err != nil {
		return err
	}
	i := c.ProgramIndex(pos[0])
	if i < 0 {
		return unknownCatalogID(c, pos[0])
	}
	j := toCatalogJSON(c, i, now)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\n", j.ID, j.Name)
	line := func(label, v string) {
		if v != "" {
			fmt.Fprintf(tw, "  %s:\t%s\n", label, v)
		}
	}
	line("where", where(c, c.Programs[i]))
	line("address", j.Address)
	line("phone", j.Phone)
	line("serves", j.Population)
	line("level", j.Level)
	line("attendance", attendance(j))
	line("last verified", verified(c.Details[j.ID], now))
	line("notes", j.Notes)
	for _, t := range j.Tracks {
		fmt.Fprintf(tw, "  track %s:\t%s\n", t.Name, strings.Join(t.Sessions, "; "))
	}
	return tw.Flush()
}

// attendance says what the program asks a week.
func attendance(j catalogJSON) string {
	var parts []string
	if j.MinDays > 0 || j.MinHours > 0 {
		parts = append(parts, fmt.Sprintf("at least %d days and %g hours a week", j.MinDays, j.MinHours))
	}
	if j.Weeks > 0 {
		parts = append(parts, fmt.Sprintf("for %d weeks", j.Weeks))
	}
	if j.MixTracks {
		parts = append(parts, "tracks may be mixed")
	} else if len(j.Tracks) > 1 {
		parts = append(parts, "one track")
	}
	return strings.Join(parts, ", ")
}

func unknownCatalogID(c *planner.Catalog, id string) error {
	if len(c.Programs) == 0 {
		return usageErr("the catalog has no program %q: %s", id, emptyCatalog)
	}
	return usageErr("the catalog has no program %q; see the ids with: weekfit catalog list", id)
}

func catalogRemove(args []string, stdout io.Writer, env storeEnv) error {
	fs := newFlagSet("catalog remove")
	yes := fs.Bool("yes", false, "do not ask")
	pos, dbPath, err := storeFlags(fs, args, 1, useCatalog)
	if err != nil {
		return err
	}
	if !*yes && !env.terminal {
		return usageErr("catalog remove asks before it removes anything, and there is no terminal to ask on; to remove %q from a script, add --yes", pos[0])
	}
	return withStore(dbPath, env, func(db *store.DB, _ string) error {
		c, err := db.Catalog()
		if err != nil {
			return err
		}
		i := c.ProgramIndex(pos[0])
		if i < 0 {
			return unknownCatalogID(c, pos[0])
		}
		if !*yes {
			fmt.Fprintf(env.stderr, "Remove %q (%s) from the catalog? Profiles that name it will no longer plan with it. Type yes to remove: ", c.Programs[i].ID, c.Programs[i].Name)
			line, _ := env.stdin.ReadString('\n')
			if a := strings.ToLower(strings.TrimSpace(line)); a != "yes" && a != "y" {
				fmt.Fprintln(stdout, "nothing removed")
				return nil
			}
		}
		if err := db.RemoveCatalogProgram(c.Programs[i].ID); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "removed %q from the catalog\n", c.Programs[i].ID)
		return nil
	})
}

// mergeCatalog returns a profile's week with the catalog programs it names.
func mergeCatalog(db *store.DB, sc *planner.Scenario) (*planner.Scenario, error) {
	if len(sc.Catalog) == 0 {
		return sc, nil
	}
	cat, err := db.Catalog()
	if err != nil {
		return nil, err
	}
	full, err := sc.WithCatalog(cat)
	if err != nil {
		return nil, inputError{fmt.Errorf("the week names catalog programs that cannot be used: %w", err)}
	}
	return full, nil
}

// exportBoard is the program board a handout or Markdown export shows: the
// week's programs and the catalog programs it names, when there are two or
// more to compare (nil otherwise, and for the other formats).
func exportBoard(format string, full *planner.Scenario, cat *planner.Catalog, ids []string, now time.Time) ([]planner.BoardRow, error) {
	if (format != "pdf" && format != "md") || full == nil || len(full.Programs) < 2 {
		return nil, nil
	}
	rows, err := planner.Board(full, cat, ids, now, planner.Options{})
	if err != nil {
		return nil, fmt.Errorf("make the program board: %w", err)
	}
	return rows, nil
}

// profileBoard is exportBoard for a profile of the database: its current
// week with the catalog programs it names.
func profileBoard(db *store.DB, format, profileID string, now time.Time) ([]planner.BoardRow, error) {
	if format != "pdf" && format != "md" {
		return nil, nil
	}
	sc, err := db.Scenario(profileID)
	if err != nil {
		return nil, err
	}
	cat, err := db.Catalog()
	if err != nil {
		return nil, err
	}
	full, err := mergeCatalog(db, sc)
	if err != nil {
		return nil, err
	}
	return exportBoard(format, full, cat, sc.Catalog, now)
}
