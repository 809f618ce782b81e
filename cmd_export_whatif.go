package main

import (
	"errors"
	"fmt"

	"weekfit/export"
	"weekfit/store"
)

// exportWhatIf writes export-plan --whatif NAME: the what-if's best plan with
// its week, or, as the employer note of a what-if made from a fix, a note
// that asks for exactly the fix's asks to the employer.
func exportWhatIf(db *store.DB, ref string, f exportFlags, opt export.Options) ([]byte, error) {
	prof, err := db.Profile(ref)
	if err != nil {
		return nil, err
	}
	w, err := db.WhatIf(prof.ID, f.whatIf)
	if err != nil {
		return nil, err
	}
	if w.Scenario == nil {
		return nil, fmt.Errorf("the what-if %q keeps no week to export (it was saved by an older weekfit); save it again", w.Name)
	}
	if f.job != "" && !hasJob(w.Scenario, f.job) {
		return nil, usageErr("--job: %q: the what-if's week has no job of that name", f.job)
	}
	opt.Seed = w.ID
	res, err := solveWeek(db, w.Scenario, 1)
	if err != nil {
		return nil, err
	}
	best := bestOf(res)
	if f.format == "employer" && len(w.Asks) > 0 {
		return export.RenderFixNote(w.Scenario, best, w.Asks, opt)
	}
	if best == nil {
		return nil, fmt.Errorf("no plan fits the what-if %q, so there is nothing to export; weekfit whatif %s show %s says why",
			w.Name, shellQuote(prof.Name), shellQuote(w.Name))
	}
	data, err := export.Render(f.format, w.Scenario, *best, opt)
	if errors.Is(err, export.ErrInvalid) {
		return nil, inputError{err}
	}
	return data, err
}
