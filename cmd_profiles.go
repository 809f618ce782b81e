package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"weekfit/store"
)

const useProfiles = "weekfit profiles [--json] [--db PATH]"

func cmdProfiles(args []string, stdout io.Writer, env storeEnv) error {
	fs := newFlagSet("profiles")
	asJSON := fs.Bool("json", false, "print JSON")
	_, dbPath, err := storeFlags(fs, args, 0, useProfiles)
	if err != nil {
		return err
	}
	return withStore(dbPath, env, func(db *store.DB, _ string) error {
		list, err := db.Profiles()
		if err != nil {
			return err
		}
		if *asJSON {
			return writeProfilesJSON(stdout, list)
		}
		if len(list) == 0 {
			fmt.Fprintln(stdout, "no profiles yet; add one with: weekfit import SCENARIO.json")
			return nil
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tCLIENT CODE\tUPDATED\tID")
		for _, p := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.Name, p.ClientCode, p.Updated.Local().Format("2006-01-02 15:04"), p.ID)
		}
		return tw.Flush()
	})
}

// profileJSON is one profile in `weekfit profiles --json`.
type profileJSON struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	ClientCode string    `json:"client_code"`
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated"`
	Discreet   bool      `json:"discreet"`
}

func writeProfilesJSON(w io.Writer, list []store.Profile) error {
	out := make([]profileJSON, 0, len(list))
	for _, p := range list {
		out = append(out, profileJSON{ID: p.ID, Name: p.Name, ClientCode: p.ClientCode, Created: p.Created.UTC(), Updated: p.Updated.UTC(), Discreet: p.Discreet})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
