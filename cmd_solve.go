package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"weekfit/planner"
)

// defaultMaxTime is how long a solve on the command line may take before it
// stops with the plans found so far.
const defaultMaxTime = 2 * time.Second

const solveUsage = "usage: weekfit solve FILE [--json] [--top N] [--max-asks N | --no-fixes] [--max-time DURATION] [--db PATH]"

// solveHelp is what `weekfit solve --help` prints under the usage line.
const solveHelp = `Ranks the plans that fit the scenario FILE, best first, and says why the other tracks do not fit.

  --json               print one JSON object instead of text
  --top N              how many plans to show (default 5)
  --max-asks N         the most asks (requests to an employer or a helper) a fix of a track
                       that does not fit may hold (default 3)
  --no-fixes           leave out what to ask for (shift changes, days off, more unpaid time,
                       covers) to make each track that does not fit fit; --fixes, which
                       asked for them before they were shown by default, is still accepted
  --max-time DURATION  how long the search may take, such as 500ms or 10s (default 2s);
                       past it the plans found so far are shown
  --db PATH            a database whose catalog holds the programs the scenario's
                       catalog ids name
`

func cmdSolve(args []string, stdout io.Writer, env storeEnv, now time.Time) error {
	fs := newFlagSet("solve")
	asJSON := fs.Bool("json", false, "print one JSON object")
	top := fs.Int("top", planner.DefaultTop, "how many plans to show")
	maxTime := fs.Duration("max-time", defaultMaxTime, "how long the search may take")
	dbPath := fs.String("db", "", "database whose catalog the scenario's catalog ids name")
	fixes := fs.Bool("fixes", true, "say what to ask for to make each track that does not fit fit (the default)")
	noFixes := fs.Bool("no-fixes", false, "leave out what to ask for")
	maxAsks := fs.Int("max-asks", planner.DefaultMaxAsks, "the most asks a fix of a track that does not fit may hold")
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		_, err = fmt.Fprintf(stdout, "%s\n\n%s", solveUsage, solveHelp)
		return err
	}
	if err != nil {
		return usageErr("solve: %v\n%s", strings.TrimPrefix(err.Error(), "flag provided but not defined: "), solveUsage)
	}
	if len(pos) != 1 {
		return usageErr("solve needs one scenario file\n%s", solveUsage)
	}
	if *top < 1 {
		return usageErr("--top: %d: give a whole number of plans, 1 or more", *top)
	}
	if *maxAsks < 1 {
		return usageErr("--max-asks: %d: give a whole number of asks, 1 or more", *maxAsks)
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if *noFixes && (given["fixes"] || given["max-asks"]) {
		return usageErr("--no-fixes leaves out what to ask for: give it without --fixes or --max-asks\n%s", solveUsage)
	}
	*fixes = *fixes && !*noFixes
	if *maxTime <= 0 {
		return usageErr("--max-time: %s: give a time above zero, such as 500ms or 2s", *maxTime)
	}
	sc, err := loadScenario(pos[0])
	if err != nil {
		return err
	}
	if sc, err = withFileCatalog(pos[0], sc, *dbPath, env); err != nil {
		return err
	}
	res, err := solveWithin(sc, planner.Options{Top: *top, Fixes: *fixes, MaxAsks: *maxAsks, Today: now}, *maxTime)
	if err != nil {
		return err
	}
	if *asJSON {
		return planner.WriteJSON(stdout, res)
	}
	return planner.WriteText(stdout, sc, res)
}

// solveWithin solves with a wall-clock budget: past it, the result holds the
// plans found so far and Incomplete says so.
func solveWithin(sc *planner.Scenario, opt planner.Options, d time.Duration) (*planner.Result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	opt.Context = ctx
	return planner.Solve(sc, opt)
}

// readWait is how long reading a pipe may wait for its writer.
const readWait = 2 * time.Second

// loadScenario reads and checks a scenario file. It reads at most the
// largest scenario there can be, and opens without waiting for a writer, so
// /dev/zero or a named pipe cannot hang it or fill memory.
func loadScenario(path string) (*planner.Scenario, error) {
	data, err := readScenario(path)
	if err != nil {
		return nil, err
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		return nil, inputError{fmt.Errorf("%s: %w", path, err)}
	}
	return sc, nil
}

func readScenario(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, inputError{fmt.Errorf("%s: no such file; check the path", path)}
		}
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	pipe := st.Mode()&os.ModeNamedPipe != 0
	opened := time.Now()
	if pipe {
		_ = f.SetReadDeadline(opened.Add(readWait))
	}
	// A file is read into memory of its size (one past the limit at most),
	// where io.ReadAll would grow its buffer from 512 bytes: a page of memory
	// a process takes fresh costs about 13 µs on this project's machine.
	size := int64(0)
	if st.Mode().IsRegular() {
		size = min(st.Size(), planner.MaxScenarioBytes) + 1
	}
	data, err := readAllSized(io.LimitReader(f, planner.MaxScenarioBytes+1), size)
	for pipe && err == nil && len(data) == 0 && time.Since(opened) < readWait {
		// a named pipe nobody has opened for writing yet reads as empty
		time.Sleep(50 * time.Millisecond)
		data, err = readAllSized(io.LimitReader(f, planner.MaxScenarioBytes+1), 0)
	}
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		return nil, inputError{fmt.Errorf("%s: nothing arrived within %s (is anything writing to the pipe?); give a scenario file", path, readWait)}
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", path, err)
	case len(data) > planner.MaxScenarioBytes:
		return nil, inputError{fmt.Errorf("%s is larger than %d MiB; a scenario is at most %d MiB (a few kilobytes is usual); check the path", path, planner.MaxScenarioBytes>>20, planner.MaxScenarioBytes>>20)}
	case len(data) == 0 && pipe:
		return nil, inputError{fmt.Errorf("%s: nothing arrived within %s (is anything writing to the pipe?); give a scenario file", path, readWait)}
	}
	return data, nil
}

// withFileCatalog merges the catalog programs a scenario file names from
// the database given with --db. Without one, catalog ids are an input
// error that names them: solve never plans without a program silently.
func withFileCatalog(path string, sc *planner.Scenario, dbPath string, env storeEnv) (*planner.Scenario, error) {
	if len(sc.Catalog) == 0 {
		return sc, nil
	}
	if dbPath == "" {
		q := make([]string, len(sc.Catalog))
		for i, id := range sc.Catalog {
			q[i] = strconv.Quote(id)
		}
		return nil, usageErr("%s: catalog: %s: these are programs of a weekfit database's catalog, and solve was given none; add --db PATH to plan with them (or remove the ids)", path, strings.Join(q, ", "))
	}
	cat, err := readCatalog(dbPath, env)
	if err != nil {
		return nil, err
	}
	full, err := sc.WithCatalog(cat)
	if err != nil {
		var ie *planner.InputError
		if errors.As(err, &ie) {
			return nil, usageErr("%s: %v", path, err)
		}
		return nil, err
	}
	return full, nil
}

// readAllSized reads r to its end, as io.ReadAll does, into a buffer made
// for size bytes; a reader that gives more grows it.
func readAllSized(r io.Reader, size int64) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(int(size) + bytes.MinRead) // ReadFrom grows a buffer with less room than MinRead
	_, err := b.ReadFrom(r)
	return b.Bytes(), err
}
