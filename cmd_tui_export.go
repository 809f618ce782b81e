package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

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
	data, err := renderExport(req.Format, req.Scenario, req.Plan, opt)
	if err != nil {
		return "", err
	}
	return writeNew(req.Dir, exportFileName(req.Format, req.Start), data)
}

// exportFileName names an export for what it is and its start date, never
// for a person or a program: weekfit-plan-2026-11-30.ics.
func exportFileName(format string, start time.Time) string {
	date := start.Format(time.DateOnly)
	switch format {
	case "pdf":
		return "weekfit-handout-" + date + ".pdf"
	case "md":
		return "weekfit-plan-" + date + ".md"
	case "csv":
		return "weekfit-sessions-" + date + ".csv"
	case "employer":
		return "weekfit-employer-note-" + date + ".txt"
	}
	return "weekfit-plan-" + date + ".ics"
}

// writeNew writes data with mode 0600 to a file in dir named name, or, when
// that exists, name-2, name-3 ... before its extension; it never replaces a
// file. It returns the path written.
func writeNew(dir, name string, data []byte) (string, error) {
	if fi, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("the folder %s does not exist; type another, or create it first", dir)
	} else if err == nil && !fi.IsDir() {
		return "", fmt.Errorf("%s is a file, not a folder; type a folder", dir)
	}
	ext := filepath.Ext(name)
	base := name[:len(name)-len(ext)]
	for n := 1; n < 1000; n++ {
		path := filepath.Join(dir, name)
		if n > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d%s", base, n, ext))
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			os.Remove(path)
			return "", fmt.Errorf("write %s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			os.Remove(path)
			return "", fmt.Errorf("write %s: %w", path, err)
		}
		return path, nil
	}
	return "", fmt.Errorf("write %s: 999 files of that name are already in %s; move some away", name, dir)
}

// unwrapPath drops the path a *fs.PathError repeats, so the message names the
// file once: "write DIR/FILE: permission denied".
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
