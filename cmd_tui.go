package main

import (
	_ "embed"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"weekfit/planner"
	"weekfit/store"
	"weekfit/tui"
)

// demoScenario is the week the demo database starts from, and the week a new
// profile starts from.
//
//go:embed examples/office.json
var demoScenario []byte

// firstFrameEnv, when set, makes the week grid quit once its first full frame
// is drawn: scripts/bench.sh times the start-up with it.
const firstFrameEnv = "WEEKFIT_QUIT_AFTER_FIRST_FRAME"

// demoFile is the name of the demo database, next to the default one.
const demoFile = "demo.db"

// cmdTUI opens the week grid on a database. tty says whether stdin is a terminal.
func cmdTUI(args []string, env storeEnv, tty bool) error {
	fs := newFlagSet("weekfit")
	dbFlag := fs.String("db", "", "database file")
	demo := fs.Bool("demo", false, "open the demo database")
	discreet := fs.Bool("discreet", false, "neutral labels")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return usageErr("%s\n%s", strings.Replace(err.Error(), "flag provided but not defined:", "unknown flag", 1), usage())
	}
	if len(pos) > 0 {
		return usageErr("unknown command %q\n%s", pos[0], usage())
	}
	if !tty {
		return usageErr("the week grid needs a terminal, and this is not one; to plan from a script use: weekfit solve FILE")
	}
	// the example week is read only when a profile is made from it: a
	// database with profiles opens without it
	template := sync.OnceValues(func() (*planner.Scenario, error) { return planner.ParseScenario(demoScenario) })
	path := *dbFlag
	if path == "" && *demo {
		def, err := store.DefaultPath()
		if err != nil {
			return err
		}
		path = filepath.Join(filepath.Dir(def), demoFile)
	}
	// Idle: the database is opened for each read and write, so other
	// weekfits can use it while the grid is on screen.
	return withStoreOpt(path, env, store.Options{Idle: true}, func(db *store.DB, _ string) error {
		ws := newWatchedStore(db) // the week and the what-ifs, each written only from the latest copy
		// The setting and the first week in one read: the file is opened
		// once more after Open on the way to the first frame.
		start, everyone, err := ws.startUp("")
		if err == nil && *demo && len(start.Profiles) == 0 {
			sc, perr := template()
			if perr != nil {
				return fmt.Errorf("read the example week: %w", perr)
			}
			if err := seedDemo(db, sc); err != nil {
				return err
			}
			start, everyone, err = ws.startUp("")
		}
		if err != nil {
			return storeErr(err)
		}
		note := strings.Join(db.Warnings(), "; ")
		ex := tuiExporter{lookupEnv: env.lookupEnv, now: time.Now}
		_, firstFrame := env.lookupEnv(firstFrameEnv)
		m := tui.New(ws, tui.Options{Discreet: *discreet || everyone, Template: func() *planner.Scenario { sc, _ := template(); return sc }, Note: note, Exporter: ex,
			Formats: tuiFormats(), QuitAfterFirstFrame: firstFrame, WhatIfs: ws, Catalog: tuiCatalog{db}, Start: &start})
		return runWeekGrid(m, env)
	})
}

// seedDemo fills a demo database that has no profile with the example week.
func seedDemo(db *store.DB, sc *planner.Scenario) error {
	if _, err := db.CreateProfile(sc.Name, "", sc); err != nil {
		return storeErr(fmt.Errorf("fill the demo database: %w", err))
	}
	return nil
}

// tuiStore gives the TUI the store's profile list and chosen plan in the
// TUI's own types; every other method the TUI uses is the store's own.
type tuiStore struct{ *store.DB }

func profileOf(p store.Profile) tui.Profile {
	return tui.Profile{ID: p.ID, Name: p.Name, ClientCode: p.ClientCode, Discreet: p.Discreet}
}

// ListProfiles lists the profiles of the database.
func (s tuiStore) ListProfiles() ([]tui.Profile, error) {
	ps, err := s.Profiles()
	if err != nil {
		return nil, err
	}
	out := make([]tui.Profile, len(ps))
	for i, p := range ps {
		out[i] = profileOf(p)
	}
	return out, nil
}

// NewProfile adds a profile with a week.
func (s tuiStore) NewProfile(name string, sc *planner.Scenario) (tui.Profile, error) {
	p, err := s.CreateProfile(name, "", sc)
	return profileOf(p), err
}

// Chosen returns the plan a profile chose, if it chose one.
func (s tuiStore) Chosen(id string) (planner.Plan, bool, error) {
	sp, err := s.ChosenPlan(id)
	if errors.Is(err, store.ErrNotFound) {
		return planner.Plan{}, false, nil
	}
	if err != nil {
		return planner.Plan{}, false, err
	}
	return sp.Plan, true, nil
}
