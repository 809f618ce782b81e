package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// inputError marks an error caused by what the user gave: exit code 2.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }

func (e inputError) Unwrap() error { return e.err }

// usageErr is an inputError with a sentence made as fmt.Errorf makes one.
func usageErr(format string, args ...any) error {
	return inputError{fmt.Errorf(format, args...)}
}

// parseInterleaved parses flags that may come before or after positional arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, inputError{err}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
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
