package main

import (
	"os"
	"path/filepath"
	"strings"

	"weekfit/store"
)

// tuiCatalog lets the TUI's Catalog screen import catalog files and remove
// programs, with the same readers and checks as weekfit import.
type tuiCatalog struct{ db *store.DB }

// ImportCatalogFile reads a catalog file (JSON, CSV, .xlsx or .ods; a
// spreadsheet's first sheet) and adds its programs; a bad file changes nothing.
func (c tuiCatalog) ImportCatalogFile(path string) (added, updated int, err error) {
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home, herr := os.UserHomeDir(); herr == nil {
			path = filepath.Join(home, rest)
		}
	}
	data, err := readImport(path)
	if err != nil {
		return 0, 0, err
	}
	kind := detectKind(path, data)
	if kind != kindCatalogCSV && kind != kindCatalogJSON && kind != kindCatalogSheet {
		return 0, 0, usageErr("%s is a week or a profile, not a catalog; import it with weekfit import", filepath.Base(path))
	}
	cat, err := parseCatalogFile(kind, data, "")
	if err != nil {
		return 0, 0, usageErr("%s: %v; nothing was imported", filepath.Base(path), err)
	}
	return c.db.ImportCatalog(cat)
}

// RemoveCatalogProgram removes one program from the catalog.
func (c tuiCatalog) RemoveCatalogProgram(id string) error { return c.db.RemoveCatalogProgram(id) }
