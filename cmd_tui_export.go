package main

import (
	"errors"
	"fmt"
	"time"

	"weekfit/export"
	"weekfit/planner"
	"weekfit/tui"
)

// tuiExporter writes the TUI's exports with the same renderers, zone and paper
// rules as export-plan, into files that name no one and replace nothing.
type tuiExporter struct {
	lookupEnv func(string) (string, bool) // finds the machine's zone, as export-plan does
	now       func() time.Time
}

// Export renders req's plan and writes it into req.Dir under a new name.
func (e tuiExporter) Export(req tui.ExportRequest) (string, error) {
	if req.Scenario == nil {
		return "", errors.New("no week to export")
	}
	opt, err := exportFlags{names: req.Names}.options(e.now(), e.lookupEnv)
	if err != nil {
		return "", err
	}
	opt.Start, opt.Seed = req.Start, req.ProfileID
	f, ok := export.Lookup(req.Format)
	if !ok {
		return "", fmt.Errorf("no export format %q", req.Format)
	}
	var data []byte
	if req.Format == "employer" && len(req.Asks) > 0 {
		var best *planner.Plan
		if req.Plan.Program != "" {
			best = &req.Plan
		}
		data, err = export.RenderFixNote(req.Scenario, best, req.Asks, opt)
	} else {
		data, err = export.Render(req.Format, req.Scenario, req.Plan, opt)
	}
	if err != nil {
		return "", err
	}
	return export.WriteNew(req.Dir, f.FileName(req.Start), data)
}

// tuiFormats are export.Formats as the TUI's Export screen offers them.
func tuiFormats() []tui.ExportFormat {
	var out []tui.ExportFormat
	for _, f := range export.Formats() {
		out = append(out, tui.ExportFormat{Name: f.Name, What: f.What})
	}
	return out
}
