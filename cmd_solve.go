package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"weekfit/planner"
)

const useSolve = "weekfit solve FILE [--json] [--top N] [--db PATH]"

func cmdSolve(args []string, stdout io.Writer, env storeEnv) error {
	fs := newFlagSet("solve")
	asJSON := fs.Bool("json", false, "print one JSON object")
	top := fs.Int("top", planner.DefaultTop, "how many plans to show")
	dbPath := fs.String("db", "", "database whose catalog the scenario's catalog ids name")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return usageErr("solve: %v\nusage: %s", strings.TrimPrefix(err.Error(), "flag provided but not defined: "), useSolve)
	}
	if len(pos) != 1 {
		return usageErr("solve needs one scenario file\nusage: %s", useSolve)
	}
	if *top < 1 {
		return usageErr("--top: %d: give a whole number of plans, 1 or more", *top)
	}
	sc, err := loadScenario(pos[0])
	if err != nil {
		return err
	}
	if sc, err = withFileCatalog(pos[0], sc, *dbPath, env); err != nil {
		return err
	}
	res, err := planner.Solve(sc, planner.Options{Top: *top})
	if err != nil {
		return err
	}
	if *asJSON {
		return planner.WriteJSON(stdout, res)
	}
	return planner.WriteText(stdout, sc, res)
}

// loadScenario reads and checks a scenario file.
func loadScenario(path string) (*planner.Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, inputError{fmt.Errorf("%s: no such file; check the path", path)}
		}
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	sc, err := planner.ParseScenario(data)
	if err != nil {
		return nil, inputError{fmt.Errorf("%s: %w", path, err)}
	}
	return sc, nil
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
