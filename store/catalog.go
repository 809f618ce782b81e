package store

import (
	"fmt"
	"sort"

	"go.etcd.io/bbolt"

	"weekfit/planner"
)

// catalogEntries reads every catalog record, by key.
func catalogEntries(tx *bbolt.Tx, s *sealer) (map[string]catalogRec, error) {
	b := tx.Bucket(bucketCatalog)
	out := map[string]catalogRec{}
	err := b.ForEach(func(k, _ []byte) error {
		var r catalogRec
		if err := getRec(b, s, "catalog", string(k), &r); err != nil {
			return err
		}
		out[string(k)] = r
		return nil
	})
	return out, err
}

// Catalog returns the programs of the shared catalog, sorted by id, with
// their places. An empty catalog is not an error.
func (db *DB) Catalog() (*planner.Catalog, error) {
	var recs map[string]catalogRec
	err := db.view(func(tx *bbolt.Tx, s *sealer) error {
		var err error
		recs, err = catalogEntries(tx, s)
		return err
	})
	if err != nil {
		return nil, wrapf(err, "read the catalog")
	}
	return catalogOf(recs)
}

// catalogOf builds the catalog from its records, read by catalogEntries.
func catalogOf(recs map[string]catalogRec) (*planner.Catalog, error) {
	out := &planner.Catalog{}
	seen := map[string]bool{}
	for _, r := range recs {
		one, err := planner.ParseCatalogJSON(r.Catalog)
		if err != nil {
			return nil, failf(ErrTampered, "a stored catalog program cannot be read (%v); import the catalog again", err)
		}
		for _, p := range one.Places {
			if !seen[p.ID] {
				seen[p.ID] = true
				out.Places = append(out.Places, p)
			}
		}
		out.Programs = append(out.Programs, one.Programs...)
		for id, d := range one.Details {
			if out.Details == nil {
				out.Details = map[string]planner.Details{}
			}
			out.Details[id] = d
		}
	}
	sort.Slice(out.Places, func(i, j int) bool {
		return out.Places[i].ID < out.Places[j].ID
	})
	sort.Slice(out.Programs, func(i, j int) bool {
		return out.Programs[i].ID < out.Programs[j].ID
	})
	return out, nil
}

// ImportCatalog adds the catalog's programs to the shared catalog; a program
// whose id is already there replaces it. All or nothing.
func (db *DB) ImportCatalog(c *planner.Catalog) (added, updated int, err error) {
	if c == nil || len(c.Programs) == 0 {
		return 0, 0, failf(ErrInvalid, "the catalog has no programs to import")
	}
	recs := make([]catalogRec, 0, len(c.Programs))
	for _, p := range c.Programs {
		one := &planner.Catalog{Programs: []planner.Program{p}}
		if p.Modality != planner.Virtual && p.Place != "" {
			one.Places = []planner.Place{{ID: p.Place, Name: c.PlaceName(p.Place)}}
		}
		if d, ok := c.Details[p.ID]; ok {
			one.Details = map[string]planner.Details{p.ID: d}
		}
		data, err := planner.MarshalCatalog(one)
		if err == nil {
			_, err = planner.ParseCatalogJSON(data)
		}
		if err != nil {
			return 0, 0, &storeError{msg: fmt.Sprintf("catalog program %q is not valid, so nothing was imported: %v", p.ID, err), kind: ErrInvalid, cause: err}
		}
		recs = append(recs, catalogRec{Program: p.ID, Catalog: data})
	}
	err = db.update("import the catalog", func(tx *bbolt.Tx, s *sealer) error {
		added, updated = 0, 0
		have, err := catalogEntries(tx, s)
		if err != nil {
			return err
		}
		byProgram := map[string]string{}
		for k, r := range have {
			byProgram[r.Program] = k
		}
		b := tx.Bucket(bucketCatalog)
		for _, r := range recs {
			key, ok := byProgram[r.Program]
			if ok {
				updated++
			} else {
				key = newID()
				byProgram[r.Program] = key
				added++
			}
			if err := putRec(b, s, "catalog", key, r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	return added, updated, nil
}

// RemoveCatalogProgram removes the program with this id from the shared
// catalog. Profiles that name it keep the id (the planner then says it is
// missing). An id the catalog lacks is ErrNotFound.
func (db *DB) RemoveCatalogProgram(id string) error {
	return db.update("remove a catalog program", func(tx *bbolt.Tx, s *sealer) error {
		have, err := catalogEntries(tx, s)
		if err != nil {
			return err
		}
		for k, r := range have {
			if r.Program == id {
				return deleteRec(tx.Bucket(bucketCatalog), s, "catalog", []byte(k))
			}
		}
		return failf(ErrNotFound, "the catalog has no program %q; see the ids with: weekfit catalog list", id)
	})
}
