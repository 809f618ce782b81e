package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"weekfit/planner"
	"weekfit/store"
)

// whatIfArgs is what follows whatif in the usage text.
const whatIfArgs = "PROFILE list|show NAME|save NAME --from FILE|rename NAME NEW|delete NAME|adopt NAME [--json]"

const useWhatIf = "weekfit whatif " + whatIfArgs + " [--db PATH]"

// whatIfNames says how many names follow an action of whatif, and whether it is one.
func whatIfNames(action string) (int, bool) {
	switch action {
	case "list":
		return 0, true
	case "show", "save", "delete", "adopt":
		return 1, true
	case "rename":
		return 2, true
	}
	return 0, false
}

// whatIfFlags are the command line of whatif.
type whatIfFlags struct {
	profile, action string
	names           []string
	from, db        string
	json            bool
	top             int
}

func parseWhatIfFlags(args []string) (whatIfFlags, error) {
	var f whatIfFlags
	fs := newFlagSet("whatif")
	fs.StringVar(&f.from, "from", "", "save: a scenario file, or the asks of a fix as JSON")
	fs.StringVar(&f.db, "db", "", "database file")
	fs.BoolVar(&f.json, "json", false, "print JSON")
	fs.IntVar(&f.top, "top", planner.DefaultTop, "show: how many plans to show")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return f, usageErr("whatif: %v\nusage: %s", strings.TrimPrefix(err.Error(), "flag provided but not defined: "), useWhatIf)
	}
	if len(pos) < 2 {
		return f, usageErr("whatif needs a profile and what to do: list, show, save, rename, delete or adopt\nusage: %s", useWhatIf)
	}
	f.profile, f.action, f.names = pos[0], pos[1], pos[2:]
	n, ok := whatIfNames(f.action)
	if !ok {
		return f, usageErr("whatif: %q: use list, show, save, rename, delete or adopt\nusage: %s", f.action, useWhatIf)
	}
	if len(f.names) != n {
		return f, usageErr("whatif %s takes %d name(s), not %d (put a name with spaces in quotes)\nusage: %s", f.action, n, len(f.names), useWhatIf)
	}
	if (f.from != "") != (f.action == "save") {
		return f, usageErr("whatif: --from goes with save, and save needs it: give a scenario file or a file with a fix's asks\nusage: %s", useWhatIf)
	}
	if f.json && f.action != "list" && f.action != "show" {
		return f, usageErr("whatif: --json goes with list and show; %s prints one line\nusage: %s", f.action, useWhatIf)
	}
	if f.top < 1 {
		return f, usageErr("--top: %d: give at least 1", f.top)
	}
	return f, nil
}

func cmdWhatIf(args []string, stdout io.Writer, env storeEnv) error {
	f, err := parseWhatIfFlags(args)
	if err != nil {
		return err
	}
	var from []byte
	if f.action == "save" {
		if from, err = readBounded(f.from, planner.MaxScenarioBytes); err != nil {
			return err
		}
	}
	return withStore(f.db, env, func(db *store.DB, _ string) error {
		p, err := db.Profile(f.profile)
		if err != nil {
			return err
		}
		switch f.action {
		case "list":
			return whatIfList(db, p, f, stdout)
		case "show":
			return whatIfShow(db, p, f, stdout)
		case "save":
			return whatIfSave(db, p, f, from, stdout)
		case "rename":
			return whatIfRename(db, p, f, stdout)
		case "delete":
			return whatIfDelete(db, p, f, stdout)
		}
		return whatIfAdopt(db, p, f, stdout)
	})
}

// readBounded reads a file the user named, refusing one larger than limit.
func readBounded(path string, limit int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, usageErr("--from: %v", err)
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, usageErr("%s is larger than %d bytes; it is not a week or a fix weekfit reads", path, limit)
	}
	return data, nil
}

// solveWeek ranks the plans of a week, with the catalog's programs it names,
// within the command line's usual time budget (solve --max-time's default).
func solveWeek(db *store.DB, sc *planner.Scenario, top int) (*planner.Result, error) {
	full := sc
	if len(sc.Catalog) > 0 {
		cat, err := db.Catalog()
		if err != nil {
			return nil, err
		}
		if full, err = sc.WithCatalog(cat); err != nil {
			return nil, inputError{err}
		}
	}
	// a dated week without a start starts the Monday after today (issue 14)
	return solveWithin(full, planner.Options{Top: top, Today: time.Now()}, defaultMaxTime)
}

func bestOf(res *planner.Result) *planner.Plan {
	if len(res.Plans) == 0 {
		return nil
	}
	return &res.Plans[0]
}

// profileWeek returns the profile's week; a profile without one is an input error.
func profileWeek(db *store.DB, p store.Profile) (*planner.Scenario, error) {
	sc, err := db.Scenario(p.ID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, usageErr("profile %q has no week yet; import a scenario file for it first", p.Name)
	}
	return sc, err
}

// whatIfWeek reads the week of save --from: a scenario file, or asks (a list,
// or a fix with "asks") applied to the profile's week.
func whatIfWeek(db *store.DB, p store.Profile, from string, data []byte) (*planner.Scenario, []planner.Ask, error) {
	if isAsks(data) {
		asks, err := planner.ParseAsks(data)
		if err != nil {
			return nil, nil, usageErr("%s: %v", from, err)
		}
		week, err := profileWeek(db, p)
		if err != nil {
			return nil, nil, err
		}
		sc, err := planner.ApplyAsks(week, asks)
		if err != nil {
			return nil, nil, usageErr("%s: %v; the asks must fit the profile's week as it is now", from, err)
		}
		return sc, asks, nil
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		return nil, nil, usageErr("%s: %v\nnothing was saved; fix the file and try again", from, err)
	}
	return sc, nil, nil
}

// isAsks tells a file of asks (a JSON list, or an object with "asks") from a scenario file.
func isAsks(data []byte) bool {
	t := bytes.TrimSpace(data)
	if len(t) > 0 && t[0] == '[' {
		return true
	}
	var head map[string]json.RawMessage
	if json.Unmarshal(t, &head) != nil {
		return false
	}
	_, ok := head["asks"]
	return ok
}

func whatIfSave(db *store.DB, p store.Profile, f whatIfFlags, data []byte, stdout io.Writer) error {
	sc, asks, err := whatIfWeek(db, p, f.from, data)
	if err != nil {
		return err
	}
	res, err := solveWeek(db, sc, 1)
	if err != nil {
		return err
	}
	saved, err := db.SaveWhatIf(p.ID, f.names[0], sc, bestOf(res), asks)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "saved the what-if %q of %q: %s\n", saved.Name, p.Name, bestWords(saved))
	return nil
}

func bestWords(sp store.SavedPlan) string {
	if !sp.HasPlan() {
		return "no plan fits it"
	}
	return fmt.Sprintf("its best plan is %s, %s", sp.Plan.ProgramName, sp.Plan.Track)
}

func whatIfRename(db *store.DB, p store.Profile, f whatIfFlags, stdout io.Writer) error {
	w, err := db.WhatIf(p.ID, f.names[0])
	if err != nil {
		return err
	}
	if err := db.RenameWhatIf(p.ID, w.ID, f.names[1]); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "renamed the what-if %q to %q\n", w.Name, strings.TrimSpace(planner.StripControls(f.names[1])))
	return nil
}

func whatIfDelete(db *store.DB, p store.Profile, f whatIfFlags, stdout io.Writer) error {
	w, err := db.WhatIf(p.ID, f.names[0])
	if err != nil {
		return err
	}
	if err := db.DeleteWhatIf(p.ID, w.ID); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "deleted the what-if %q of %q\n", w.Name, p.Name)
	return nil
}

func whatIfAdopt(db *store.DB, p store.Profile, f whatIfFlags, stdout io.Writer) error {
	w, err := db.WhatIf(p.ID, f.names[0])
	if err != nil {
		return err
	}
	var oldBest *planner.Plan
	if week, err := db.Scenario(p.ID); err == nil {
		res, err := solveWeek(db, week, 1)
		if err != nil {
			return err
		}
		oldBest = bestOf(res)
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	kept, err := db.AdoptWhatIf(p.ID, w.ID, oldBest)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "the week of %q is now the what-if %q\n", p.Name, w.Name)
	if kept.ID != "" {
		fmt.Fprintf(stdout, "the week before is kept as the what-if %q; to undo, run: weekfit whatif %s adopt %s\n",
			kept.Name, shellQuote(p.Name), shellQuote(kept.Name))
	}
	return nil
}

// shellQuote quotes a name for a command line a person copies.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func whatIfList(db *store.DB, p store.Profile, f whatIfFlags, stdout io.Writer) error {
	list, err := db.Snapshots(p.ID)
	if err != nil {
		return err
	}
	if f.json {
		return writeWhatIfListJSON(stdout, list)
	}
	if len(list) == 0 {
		fmt.Fprintf(stdout, "%q has no what-ifs yet; save one with: weekfit whatif %s save NAME --from FILE\n", p.Name, shellQuote(p.Name))
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tASKS\tBEST PLAN\tSAVED\tID")
	for _, w := range list {
		best := "none fits"
		if w.HasPlan() {
			best = w.Plan.ProgramName + ", " + w.Plan.Track
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", w.Name, len(w.Asks), best, w.Saved.Local().Format("2006-01-02 15:04"), w.ID)
	}
	return tw.Flush()
}
