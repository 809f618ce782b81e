package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"weekfit/planner"
	"weekfit/store"
)

// whatIfShow prints a what-if: how its week differs from the profile's week
// now, the asks it was made from, and its ranked plans as solve prints them.
func whatIfShow(db *store.DB, p store.Profile, f whatIfFlags, stdout io.Writer) error {
	w, err := db.WhatIf(p.ID, f.names[0])
	if err != nil {
		return err
	}
	if w.Scenario == nil {
		return fmt.Errorf("the what-if %q keeps no week (it was saved by an older weekfit); save it again", w.Name)
	}
	var changes []string
	week, err := db.Scenario(p.ID)
	switch {
	case err == nil:
		changes = planner.WeekChanges(week, w.Scenario)
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	res, err := solveWeek(db, w.Scenario, f.top)
	if err != nil {
		return err
	}
	if f.json {
		return writeWhatIfJSON(stdout, w, changes, res)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "What-if %q of %q, saved %s\n", w.Name, p.Name, w.Saved.Local().Format("2006-01-02 15:04"))
	b.WriteString("Changes from the week as it is now:\n")
	if len(changes) == 0 {
		b.WriteString("  none: the week is the same\n")
	}
	for _, c := range changes {
		fmt.Fprintf(&b, "  %s\n", c)
	}
	if len(w.Asks) > 0 {
		b.WriteString("Made from these asks:\n")
		for _, a := range w.Asks {
			fmt.Fprintf(&b, "  %s\n", askWords(w.Scenario, a))
		}
	}
	b.WriteString("\n")
	if _, err := stdout.Write(b.Bytes()); err != nil {
		return err
	}
	return planner.WriteText(stdout, w.Scenario, res)
}

// askWords says an ask in one line: "Office: 09:00-16:50 instead of
// 09:00-17:00 on Mon, Wed, Fri", "Office: off on Wed (09:00-17:00)",
// "Office: 30 min more unpaid time a week", "Someone covers School pickup on Fri".
func askWords(sc *planner.Scenario, a planner.Ask) string {
	on := planner.DaysWords(a.Days, sc.Weeks())
	switch a.Kind {
	case planner.AskShift:
		if a.Off {
			return fmt.Sprintf("%s: off on %s (%s)", a.Job, on, a.From)
		}
		return fmt.Sprintf("%s: %s instead of %s on %s", a.Job, a.To, a.From, on)
	case planner.AskUnpaid:
		return fmt.Sprintf("%s: %s more unpaid time a week", a.Job, planner.FormatDuration(a.Minutes))
	}
	who := a.Party
	if who == "" || who == planner.Someone {
		who = "Someone"
	}
	return fmt.Sprintf("%s covers %s on %s", who, a.Commitment, on)
}

// whatIfJSON is `weekfit whatif PROFILE show NAME --json`.
type whatIfJSON struct {
	ID       string          `json:"id"`
	Name     string          `json:"name"`
	Saved    time.Time       `json:"saved"`
	Replaced string          `json:"replaced,omitempty"`
	Changes  []string        `json:"changes"`
	Asks     json.RawMessage `json:"asks"`
	Result   json.RawMessage `json:"result"`
}

func writeWhatIfJSON(w io.Writer, sp store.SavedPlan, changes []string, res *planner.Result) error {
	asks, err := planner.MarshalAsks(sp.Asks)
	if err != nil {
		return err
	}
	var result bytes.Buffer
	if err := planner.WriteJSON(&result, res); err != nil {
		return err
	}
	out := whatIfJSON{ID: sp.ID, Name: sp.Name, Saved: sp.Saved.UTC(), Replaced: sp.Replaced, Changes: append([]string{}, changes...),
		Asks: asks, Result: result.Bytes()}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// whatIfListJSON is one what-if in `weekfit whatif PROFILE list --json`.
type whatIfListJSON struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Saved    time.Time `json:"saved"`
	Asks     int       `json:"asks"`
	Program  string    `json:"program"`
	Track    string    `json:"track"`
	Replaced string    `json:"replaced,omitempty"`
}

func writeWhatIfListJSON(w io.Writer, list []store.SavedPlan) error {
	out := make([]whatIfListJSON, 0, len(list))
	for _, sp := range list {
		out = append(out, whatIfListJSON{ID: sp.ID, Name: sp.Name, Saved: sp.Saved.UTC(), Asks: len(sp.Asks),
			Program: sp.Plan.Program, Track: sp.Plan.Track, Replaced: sp.Replaced})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
