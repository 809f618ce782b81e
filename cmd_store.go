package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"weekfit/export"
	"weekfit/store"
)

// storeEnv is what the database commands need from the process, so that
// tests can stand in for the terminal and the environment.
type storeEnv struct {
	stdin     *bufio.Reader
	terminal  bool // stdin and stderr are a terminal a person types at
	lookupEnv func(string) (string, bool)
	readPass  func(prompt string) (string, error) // reads a line without echo
	stderr    io.Writer
}

// processEnv is the storeEnv of this process.
func processEnv(stderr io.Writer) storeEnv {
	fd := int(os.Stdin.Fd())
	return storeEnv{
		stdin:     bufio.NewReader(os.Stdin),
		terminal:  term.IsTerminal(fd) && term.IsTerminal(int(os.Stderr.Fd())),
		lookupEnv: os.LookupEnv,
		readPass: func(prompt string) (string, error) {
			fmt.Fprint(stderr, prompt)
			b, err := term.ReadPassword(fd)
			fmt.Fprintln(stderr)
			return string(b), err
		},
		stderr: stderr,
	}
}

func (e storeEnv) env(name string) string {
	v, _ := e.lookupEnv(name)
	return v
}

// Environment variables the database commands read.
const (
	envDB            = "WEEKFIT_DB"
	envPassphrase    = "WEEKFIT_PASSPHRASE"
	envNewPassphrase = "WEEKFIT_NEW_PASSPHRASE"
)

// minPassphrase is the shortest passphrase the passphrase command accepts.
const minPassphrase = 8

// runStore runs one of the database commands.
func runStore(name string, args []string, stdout io.Writer, env storeEnv) error {
	switch name {
	case "profiles":
		return cmdProfiles(args, stdout, env)
	case "import":
		return cmdImport(args, stdout, env)
	case "export":
		return cmdExport(args, stdout, env)
	case "delete":
		return cmdDelete(args, stdout, env)
	case "backup":
		return cmdBackup(args, stdout, env)
	case "passphrase":
		return cmdPassphrase(args, stdout, env)
	}
	return usageErr("unknown command %q\n%s", name, usage)
}

// storeFlags parses a command's flags, --db among them, and checks the
// number of positional arguments.
func storeFlags(fs *flag.FlagSet, args []string, npos int, use string) ([]string, string, error) {
	db := fs.String("db", "", "database file")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return nil, "", usageErr("%s: %v\nusage: %s", fs.Name(), strings.TrimPrefix(err.Error(), "flag provided but not defined: "), use)
	}
	if len(pos) != npos {
		return nil, "", usageErr("%s takes %d argument(s), not %d\nusage: %s", fs.Name(), npos, len(pos), use)
	}
	return pos, *db, nil
}

// openStore opens the database named by --db, WEEKFIT_DB or the default
// path, asking for the passphrase when it has one. It returns the
// passphrase that opened it ("" when none).
func openStore(dbFlag string, env storeEnv) (*store.DB, string, error) {
	path := dbFlag
	if path == "" {
		path = env.env(envDB)
	}
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, "", err
		}
		path = p
	}
	var used string
	ask := func() (string, error) {
		if v, ok := env.lookupEnv(envPassphrase); ok {
			used = v
			return v, nil
		}
		if !env.terminal {
			return "", inputError{fmt.Errorf("the database %s has a passphrase; run weekfit on a terminal to type it, or set %s", path, envPassphrase)}
		}
		v, err := env.readPass("Passphrase for " + path + ": ")
		used = v
		return v, err
	}
	db, err := store.Open(path, store.Options{Passphrase: ask})
	// Someone typing may mistype: give them three tries.
	for try := 1; try < 3 && errors.Is(err, store.ErrWrongPassphrase) && env.terminal && env.env(envPassphrase) == ""; try++ {
		fmt.Fprintf(env.stderr, "weekfit: %v\n", err)
		db, err = store.Open(path, store.Options{Passphrase: ask})
	}
	if err != nil {
		return nil, "", storeErr(err)
	}
	for _, w := range db.Warnings() {
		fmt.Fprintf(env.stderr, "weekfit: warning: %s\n", w)
	}
	return db, used, nil
}

// storeErr marks the store's errors that come from what the user gave as
// input errors (exit code 2).
func storeErr(err error) error {
	var ie inputError
	if err == nil || errors.As(err, &ie) {
		return err
	}
	for _, kind := range []error{store.ErrNotFound, store.ErrInvalid, store.ErrExists, store.ErrWrongPassphrase,
		store.ErrNeedPassphrase, store.ErrNotWeekfit, store.ErrNewerSchema} {
		if errors.Is(err, kind) {
			return inputError{err}
		}
	}
	return err
}

// withStore opens the database, runs fn and closes it, keeping the first error.
func withStore(dbFlag string, env storeEnv, fn func(db *store.DB, pass string) error) (err error) {
	db, pass, err := openStore(dbFlag, env)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}()
	return storeErr(fn(db, pass))
}

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
			fmt.Fprintln(stdout, "passphrase changed")
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
