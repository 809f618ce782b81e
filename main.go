// Command weekfit helps a person keep their job while attending an intensive
// outpatient program: it overlays job hours, travel, family duties and sleep on
// a weekly grid and finds every way of attending that fits.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

// Exit codes, as the README lists them.
const (
	exitOK    = 0
	exitOther = 1
	exitInput = 2
)

// inputError marks an error caused by what the user gave: exit code 2.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return inputError{fmt.Errorf(format, args...)}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run carries out one command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	err := dispatch(args, stdout, stderr)
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "weekfit: %v\n", err)
	var ie inputError
	if errors.As(err, &ie) {
		return exitInput
	}
	return exitOther
}

func dispatch(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || isTUIFlag(args[0]) {
		return cmdTUI(args, processEnv(stderr), term.IsTerminal(int(os.Stdin.Fd())))
	}
	switch args[0] {
	case "solve":
		return cmdSolve(args[1:], stdout)
	case "export-plan":
		return cmdExportPlan(args[1:], stdout, processEnv(stderr), time.Now())
	case "profiles", "import", "export", "delete", "backup", "passphrase":
		return runStore(args[0], args[1:], stdout, processEnv(stderr))
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return usageErr("unknown command %q\n%s", args[0], usage)
}

// isTUIFlag reports whether a first argument is a flag of the week grid
// rather than a command.
func isTUIFlag(arg string) bool {
	switch arg {
	case "-h", "--help", "-help":
		return false
	}
	return strings.HasPrefix(arg, "-")
}

const usage = `usage:
  weekfit [--db PATH] [--demo] [--discreet]
                                          open the week grid (--demo: on a demo database)
  weekfit solve FILE [--json] [--top N] [--max-time DURATION]
                                          rank the plans that fit a scenario file (default budget 2s)
  weekfit profiles [--json]               list the profiles in the database
  weekfit import FILE [--as NAME]         import a scenario, a profile export, or a catalog (JSON or CSV)
  weekfit export PROFILE [--out FILE]     print a profile's week and saved plans as JSON
  weekfit export-plan PROFILE --format ics|pdf|md|csv|employer [--out FILE] [--start YYYY-MM-DD]
                                          write a profile's plan as a calendar, handout or note
                                          (docs/export.md: --tz, --names, --travel, --paper, ...)
  weekfit delete PROFILE [--yes]          delete a profile and every trace of it
  weekfit backup PATH                     copy the database to PATH
  weekfit passphrase                      set, change or remove the database passphrase
  weekfit help                            show this help
The database commands take --db PATH (or WEEKFIT_DB); the default is
$XDG_DATA_HOME/weekfit/weekfit.db. WEEKFIT_PASSPHRASE gives the passphrase to scripts.
`
