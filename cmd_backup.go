package main

import (
	"fmt"
	"io"

	"weekfit/store"
)

const useBackup = "weekfit backup PATH [--db PATH]"

func cmdBackup(args []string, stdout io.Writer, env storeEnv) error {
	pos, dbPath, err := storeFlags(newFlagSet("backup"), args, 1, useBackup)
	if err != nil {
		return err
	}
	return withStore(dbPath, env, func(db *store.DB, _ string) error {
		if err := db.Backup(pos[0]); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "backed up %s to %s\n", db.Path(), pos[0])
		return nil
	})
}
