package main

import (
	"fmt"
	"io"
	"strings"

	"weekfit/store"
)

const useDelete = "weekfit delete PROFILE [--yes] [--db PATH]"

func cmdDelete(args []string, stdout io.Writer, env storeEnv) error {
	fs := newFlagSet("delete")
	yes := fs.Bool("yes", false, "do not ask")
	pos, dbPath, err := storeFlags(fs, args, 1, useDelete)
	if err != nil {
		return err
	}
	if !*yes && !env.terminal {
		return usageErr("delete asks before it removes anything, and there is no terminal to ask on; to delete %q from a script, add --yes", pos[0])
	}
	return withStore(dbPath, env, func(db *store.DB, _ string) error {
		p, err := db.Profile(pos[0])
		if err != nil {
			return err
		}
		if !*yes {
			fmt.Fprintf(env.stderr, "Delete profile %q with its week and all its saved plans? This cannot be undone. Type yes to delete: ", p.Name)
			line, _ := env.stdin.ReadString('\n')
			if a := strings.ToLower(strings.TrimSpace(line)); a != "yes" && a != "y" {
				fmt.Fprintln(stdout, "nothing deleted")
				return nil
			}
		}
		if err := db.DeleteProfile(p.ID); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "deleted profile %q\n", p.Name)
		return nil
	})
}
