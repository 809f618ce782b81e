package main

import (
	"fmt"
	"io"

	"weekfit/store"
)

// minPassphrase is the shortest passphrase the passphrase command accepts.
const minPassphrase = 8

const usePassphrase = "weekfit passphrase [--db PATH]"

func cmdPassphrase(args []string, stdout io.Writer, env storeEnv) error {
	_, dbPath, err := storeFlags(newFlagSet("passphrase"), args, 0, usePassphrase)
	if err != nil {
		return err
	}
	return withStore(dbPath, env, func(db *store.DB, old string) error {
		had := db.HasPassphrase()
		next, err := newPassphrase(env, had)
		if err != nil {
			return err
		}
		if !had && next == "" {
			fmt.Fprintln(stdout, "the database has no passphrase; nothing changed")
			return nil
		}
		if err := db.SetPassphrase(old, next); err != nil {
			return err
		}
		switch {
		case next == "":
			fmt.Fprintln(stdout, "passphrase removed; the database is no longer sealed")
		case had:
			fmt.Fprintln(stdout, "passphrase changed; every record is sealed again with a new key, so the old passphrase no longer opens this database (backups made before still open with it)")
		default:
			fmt.Fprintln(stdout, "passphrase set; weekfit will ask for it each time it opens this database. If it is lost, the data cannot be read")
		}
		return nil
	})
}

// newPassphrase reads the new passphrase: from WEEKFIT_NEW_PASSPHRASE, else
// typed twice on the terminal. "" removes it.
func newPassphrase(env storeEnv, had bool) (string, error) {
	next, ok := env.lookupEnv(envNewPassphrase)
	if !ok {
		if !env.terminal {
			return "", usageErr("passphrase needs a terminal to type the new passphrase on; in a script set %s (empty removes the passphrase)", envNewPassphrase)
		}
		prompt := "New passphrase: "
		if had {
			prompt = "New passphrase (leave empty to remove it): "
		}
		a, err := env.readPass(prompt)
		if err != nil {
			return "", fmt.Errorf("read the passphrase: %w", err)
		}
		if a != "" {
			b, err := env.readPass("Type it again: ")
			if err != nil {
				return "", fmt.Errorf("read the passphrase: %w", err)
			}
			if a != b {
				return "", usageErr("the two passphrases differ; nothing was changed")
			}
		}
		next = a
	}
	if next != "" && len([]rune(next)) < minPassphrase {
		return "", usageErr("a passphrase needs at least %d characters (a few words work well); nothing was changed", minPassphrase)
	}
	return next, nil
}
