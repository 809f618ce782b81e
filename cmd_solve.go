package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"weekfit/planner"
)

func cmdSolve(args []string, stdout io.Writer) error {
	fs := newFlagSet("solve")
	asJSON := fs.Bool("json", false, "print one JSON object")
	top := fs.Int("top", planner.DefaultTop, "how many plans to show")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return usageErr("solve: %v\nusage: weekfit solve FILE [--json] [--top N]", strings.TrimPrefix(err.Error(), "flag provided but not defined: "))
	}
	if len(pos) != 1 {
		return usageErr("solve needs one scenario file\nusage: weekfit solve FILE [--json] [--top N]")
	}
	if *top < 1 {
		return usageErr("--top: %d: give a whole number of plans, 1 or more", *top)
	}
	sc, err := loadScenario(pos[0])
	if err != nil {
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
