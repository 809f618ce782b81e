package main

import (
	"fmt"
	"io"

	"weekfit/export"
	"weekfit/store"
)

const useExport = "weekfit export PROFILE [--out FILE] [--db PATH]"

func cmdExport(args []string, stdout io.Writer, env storeEnv) error {
	fs := newFlagSet("export")
	out := fs.String("out", "", "file to write (readable by you only)")
	pos, dbPath, err := storeFlags(fs, args, 1, useExport)
	if err != nil {
		return err
	}
	return withStore(dbPath, env, func(db *store.DB, _ string) error {
		data, err := db.ExportProfile(pos[0])
		if err != nil {
			return err
		}
		data = append(data, '\n')
		if *out == "" {
			_, err = stdout.Write(data)
			return err
		}
		if err := export.WriteFile(*out, data); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s\n", *out)
		return nil
	})
}
