package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

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
			b, err := readPassword(fd, stderr)
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

// openStoreOpt opens the database named by --db, WEEKFIT_DB or the default
// path, asking for the passphrase when it has one. It returns the
// passphrase that opened it ("" when none). opt's Passphrase is set here.
func openStoreOpt(dbFlag string, env storeEnv, opt store.Options) (*store.DB, string, error) {
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
	opt.Passphrase = ask
	db, err := store.Open(path, opt)
	// Someone typing may mistype: give them three tries.
	for try := 1; try < 3 && errors.Is(err, store.ErrWrongPassphrase) && env.terminal && env.env(envPassphrase) == ""; try++ {
		fmt.Fprintf(env.stderr, "weekfit: %v\n", err)
		db, err = store.Open(path, opt)
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
func withStore(dbFlag string, env storeEnv, fn func(db *store.DB, pass string) error) error {
	return withStoreOpt(dbFlag, env, store.Options{}, fn)
}

// withStoreOpt is withStore with options for store.Open.
func withStoreOpt(dbFlag string, env storeEnv, opt store.Options, fn func(db *store.DB, pass string) error) (err error) {
	db, pass, err := openStoreOpt(dbFlag, env, opt)
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
