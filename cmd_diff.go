package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"weekfit/planner"
	"weekfit/store"
)

// diffArgs is what follows diff in the usage text.
const diffArgs = "PROFILE A B [--json]"

const useDiff = "weekfit diff " + diffArgs + " [--db PATH]\n" +
	"A and B: week (the profile's week), chosen (its chosen plan), or a what-if's name or id"

func cmdDiff(args []string, stdout io.Writer, env storeEnv) error {
	fs := newFlagSet("diff")
	asJSON := fs.Bool("json", false, "print one JSON object")
	pos, dbPath, err := storeFlags(fs, args, 3, useDiff)
	if err != nil {
		return err
	}
	return withStore(dbPath, env, func(db *store.DB, _ string) error {
		p, err := db.Profile(pos[0])
		if err != nil {
			return err
		}
		a, err := diffSide(db, p, pos[1])
		if err != nil {
			return err
		}
		b, err := diffSide(db, p, pos[2])
		if err != nil {
			return err
		}
		d := planner.Compare(a, b)
		if *asJSON {
			return planner.WriteDiffJSON(stdout, &d)
		}
		return planner.WriteDiffText(stdout, &d)
	})
}

// diffSide reads one side of a diff: the profile's week, its chosen plan (with
// the week it was chosen in), or a what-if; weeks are solved for their best
// plan and for which tracks fit.
func diffSide(db *store.DB, p store.Profile, ref string) (planner.DiffSide, error) {
	side := planner.DiffSide{Label: ref}
	var plan *planner.Plan
	switch strings.ToLower(strings.TrimSpace(ref)) {
	case "week":
		sc, err := profileWeek(db, p)
		if err != nil {
			return side, err
		}
		side.Scenario = sc
	case "chosen":
		saved, err := db.ChosenPlan(p.ID)
		if errors.Is(err, store.ErrNotFound) {
			return side, usageErr("%q has no chosen plan yet; choose one in the week grid, or diff the week or a what-if", p.Name)
		}
		if err != nil {
			return side, err
		}
		if saved.Scenario == nil {
			return side, fmt.Errorf("the chosen plan of %q keeps no week to compare; choose it again", p.Name)
		}
		side.Scenario, plan = saved.Scenario, &saved.Plan
	default:
		w, err := db.WhatIf(p.ID, ref)
		if err != nil {
			return side, err
		}
		if w.Scenario == nil {
			return side, fmt.Errorf("the what-if %q keeps no week to compare (it was saved by an older weekfit)", w.Name)
		}
		side.Label, side.Scenario = w.Name, w.Scenario
	}
	res, err := solveWeek(db, side.Scenario, 1)
	if err != nil {
		return side, err
	}
	side.Result = res
	if plan == nil {
		plan = bestOf(res)
	}
	side.Plan = plan
	return side, nil
}
