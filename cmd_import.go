package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"weekfit/planner"
	"weekfit/sheet"
	"weekfit/store"
)

const useImport = "weekfit import FILE [--as NAME] [--sheet NAME] [--db PATH]   (a scenario, a profile export, or a catalog: JSON, CSV, .xlsx or .ods)"

// fileKind is what an imported file holds.
type fileKind int

const (
	kindScenario fileKind = iota
	kindExport
	kindCatalogJSON
	kindCatalogCSV
	kindCatalogSheet
)

// maxImportBytes bounds the files import reads.
const maxImportBytes = planner.MaxCatalogBytes

// detectKind tells a scenario, a profile export and a catalog apart: a
// spreadsheet (.xlsx, .ods) by being a zip archive; CSV by its extension or
// by not being a JSON object; a JSON object with only version, places,
// programs and details is a catalog.
func detectKind(path string, data []byte) fileKind {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return kindCatalogSheet
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if strings.EqualFold(filepath.Ext(path), ".csv") || (len(trimmed) > 0 && trimmed[0] != '{') {
		return kindCatalogCSV
	}
	if store.IsProfileExport(trimmed) {
		return kindExport
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(trimmed, &obj) != nil || obj["programs"] == nil {
		return kindScenario
	}
	for k := range obj {
		if k != "version" && k != "places" && k != "programs" && k != "details" {
			return kindScenario
		}
	}
	return kindCatalogJSON
}

func readImport(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, usageErr("%s: no such file; check the path", path)
		}
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > maxImportBytes {
		return nil, usageErr("%s is larger than %d MiB; weekfit imports scenarios, profiles and catalogs far smaller than that", path, maxImportBytes>>20)
	}
	return data, nil
}

func cmdImport(args []string, stdout io.Writer, env storeEnv) error {
	fs := newFlagSet("import")
	as := fs.String("as", "", "profile name")
	sheetName := fs.String("sheet", "", "the sheet of a spreadsheet to read")
	pos, dbPath, err := storeFlags(fs, args, 1, useImport)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*as) != "" && strings.TrimSpace(planner.StripControls(*as)) == "" {
		return usageErr("--as: %q: holds nothing but control characters (terminal escape codes); give the profile name in plain text", *as)
	}
	path := pos[0]
	data, err := readImport(path)
	if err != nil {
		return err
	}
	kind := detectKind(path, data)
	isCatalog := kind == kindCatalogCSV || kind == kindCatalogJSON || kind == kindCatalogSheet
	if *as != "" && isCatalog {
		return usageErr("%s is a program catalog, shared by all profiles; --as names a profile, so leave it out", path)
	}
	if *sheetName != "" && kind != kindCatalogSheet {
		return usageErr("--sheet: %s is not a spreadsheet (.xlsx or .ods); leave --sheet out", path)
	}
	// Check the file completely before the database is opened: bad input changes nothing.
	switch {
	case isCatalog:
		c, err := parseCatalogFile(kind, data, *sheetName)
		if err != nil {
			return usageErr("%s: %v\nnothing was imported; fix the file and import it again", path, err)
		}
		return withStore(dbPath, env, func(db *store.DB, _ string) error {
			added, updated, err := db.ImportCatalog(c)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "catalog: %d program(s) added, %d updated\n", added, updated)
			return nil
		})
	case kind == kindExport:
		return withStore(dbPath, env, func(db *store.DB, _ string) error {
			p, created, err := db.ImportProfile(data, *as)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			fmt.Fprintf(stdout, "%s profile %q with its week and saved plans\n", map[bool]string{true: "created", false: "replaced"}[created], p.Name)
			return nil
		})
	}
	return importScenario(path, data, *as, dbPath, stdout, env)
}

// importScenario makes a scenario file the week of the profile named after
// it (or --as), creating the profile when there is none of that name.
func importScenario(path string, data []byte, as, dbPath string, stdout io.Writer, env storeEnv) error {
	sc, err := planner.ParseScenario(data)
	if err != nil {
		return usageErr("%s: %v\nnothing was imported; fix the file and import it again", path, err)
	}
	name := strings.TrimSpace(as)
	if name == "" {
		name = sc.Name
	}
	if name == "" {
		return usageErr("%s has no \"name\", so weekfit cannot tell which profile it is for; give one with --as NAME", path)
	}
	return withStore(dbPath, env, func(db *store.DB, _ string) error {
		p, err := db.Profile(name)
		switch {
		case errors.Is(err, store.ErrNotFound):
			p, err = db.CreateProfile(name, "", sc)
			if err == nil {
				fmt.Fprintf(stdout, "created profile %q\n", p.Name)
			}
		case err == nil:
			err = db.SaveScenario(p.ID, sc)
			if err == nil {
				fmt.Fprintf(stdout, "updated the week of profile %q\n", p.Name)
			}
		}
		if err != nil {
			return err
		}
		return noteMissingCatalog(db, sc, env)
	})
}

// noteMissingCatalog tells the user about catalog ids the scenario names that
// the database's catalog does not hold yet.
func noteMissingCatalog(db *store.DB, sc *planner.Scenario, env storeEnv) error {
	if len(sc.Catalog) == 0 {
		return nil
	}
	c, err := db.Catalog()
	if err != nil {
		return err
	}
	for _, id := range sc.Catalog {
		if c.ProgramIndex(id) < 0 {
			fmt.Fprintf(env.stderr, "weekfit: note: the catalog has no program %q yet; import a catalog that lists it\n", id)
		}
	}
	return nil
}

// parseCatalogFile reads a catalog file of a known kind; sheetName picks a
// spreadsheet's sheet ("" for the first).
func parseCatalogFile(kind fileKind, data []byte, sheetName string) (*planner.Catalog, error) {
	switch kind {
	case kindCatalogCSV:
		return planner.ParseCatalogCSV(data)
	case kindCatalogSheet:
		s, err := sheet.Read(data, sheetName)
		if err != nil {
			return nil, err
		}
		return planner.ParseCatalogSheet(s.Rows, s.Ref)
	}
	return planner.ParseCatalogJSON(data)
}
