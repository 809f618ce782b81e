package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"weekfit/planner"
	"weekfit/store"
	"weekfit/tui"
)

const useIntake = "weekfit intake [--as NAME] [--accessible] [--db PATH]"

// envAccessible set to 1 asks the interview as plain prompts, as --accessible does.
const envAccessible = "WEEKFIT_ACCESSIBLE"

// cmdIntake makes a new profile by the guided interview: on the terminal the
// week grid opens on it, and on its plans once it is saved; with
// --accessible the questions are plain numbered prompts on standard input
// and output.
func cmdIntake(args []string, stdout io.Writer, env storeEnv) error {
	fs := newFlagSet("intake")
	as := fs.String("as", "", "the new profile's name")
	accessible := fs.Bool("accessible", false, "plain numbered prompts, one question a line")
	_, dbPath, err := storeFlags(fs, args, 0, useIntake)
	if err != nil {
		return err
	}
	name := strings.TrimSpace(planner.StripControls(*as))
	if *as != "" && name == "" {
		return usageErr("--as %q holds no name; give the profile a name in plain text", *as)
	}
	acc := *accessible || env.env(envAccessible) == "1"
	if !acc && !env.terminal {
		return usageErr("the interview needs a terminal, and this is not one; to answer it from a script or with a screen reader add --accessible (or set %s=1)", envAccessible)
	}
	// Idle: the database is opened only to read what the interview needs
	// and to save, so other weekfits can use it while the person answers.
	return withStoreOpt(dbPath, env, store.Options{Idle: true}, func(db *store.DB, _ string) error {
		if acc {
			return intakeAccessible(db, name, stdout, env)
		}
		ex := tuiExporter{lookupEnv: env.lookupEnv, now: time.Now}
		m := tui.New(newWatchedStore(db), tui.Options{Intake: true, As: name, Note: strings.Join(db.Warnings(), "; "),
			Exporter: ex, Formats: tuiFormats()})
		return runWeekGrid(m, env)
	})
}

func intakeAccessible(db *store.DB, name string, stdout io.Writer, env storeEnv) error {
	p, err := tui.RunIntakeAccessible(env.stdin, stdout, name, tuiStore{db})
	switch {
	case errors.Is(err, tui.ErrIntakeDropped):
		fmt.Fprintln(stdout, "The answers were dropped; nothing was saved.")
		return nil
	case errors.Is(err, tui.ErrIntakeEnded), errors.Is(err, tui.ErrIntakeName):
		return inputError{err}
	case err != nil:
		return err
	}
	fmt.Fprintf(stdout, "Saved the profile %q. Its plans: weekfit export-plan %q --format md\n", p.Name, p.Name)
	return nil
}
