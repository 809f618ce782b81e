// Command weekfit helps a person keep their job while attending an intensive
// outpatient program: it overlays job hours, travel, family duties and sleep on
// a weekly grid and finds every way of attending that fits.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
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
	if len(args) == 0 {
		return usageErr("no command given\n%s", usage)
	}
	switch args[0] {
	case "solve":
		return cmdSolve(args[1:], stdout)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return usageErr("unknown command %q\n%s", args[0], usage)
}

const usage = `usage:
  weekfit solve FILE [--json] [--top N]   rank the plans that fit a scenario file
  weekfit help                            show this help
`
