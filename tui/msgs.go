package tui

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// Messages: each says what happened.
type (
	loadedMsg struct {
		profiles []Profile
		profile  Profile
		sc       *planner.Scenario
		cat      *planner.Catalog
		chosen   *planner.Plan
		note     string
		err      error
		reload   bool // another weekfit changed the database: keep the cursor
	}
	solvedMsg struct {
		seq int
		res *planner.Result
		err error
	}
	savedMsg struct {
		what string
		err  error
	}
	profilesMsg struct {
		profiles []Profile
		note     string
		err      error
	}
	// Intents that screens send to the root.
	choosePlanMsg struct{ plan planner.Plan }
	editedMsg     struct {
		sc   *planner.Scenario
		what string
	}
	lockMsg       struct{ ref planner.SessionRef }
	excludeMsg    struct{ day planner.Day }
	clearLocksMsg struct{}
	switchMsg     struct{ id string }
	newProfileMsg struct{ name string }
	renameMsg     struct{ id, name string }
	deleteMsg     struct{ id string }
	compareMsg    struct{}
	exportMsg     struct {
		format, dir string
		start       time.Time
		names       bool
	}
	exportBackMsg struct{}
)

// send wraps a message in a command.
func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// loadCmd opens profile id (the first one when id is empty; a new one from
// template when there is none) with its week and chosen plan.
func loadCmd(st Store, id string, template func() *planner.Scenario) tea.Cmd {
	if s, ok := st.(Starter); ok {
		return startCmd(s, st, id, template)
	}
	return func() tea.Msg { return readLoad(st, id, template) }
}

// readLoad loads profile id (the first when not found) with one store call
// for each part, making a first profile from template when there is none.
func readLoad(st Store, id string, template func() *planner.Scenario) loadedMsg {
	list, err := st.ListProfiles()
	if err != nil {
		return loadedMsg{err: fmt.Errorf("list profiles: %w", err)}
	}
	var msg loadedMsg
	if len(list) == 0 {
		var first *planner.Scenario
		if template != nil {
			first = template()
		}
		if first == nil {
			return loadedMsg{err: errors.New("this database has no profile yet; import a scenario with weekfit import FILE")}
		}
		p, err := st.NewProfile("Me", first.Clone())
		if err != nil {
			return loadedMsg{err: fmt.Errorf("create a first profile: %w", err)}
		}
		list = []Profile{p}
		msg.note = "new profile \"Me\" from the example week: press e to make it yours"
	}
	msg.profiles, msg.profile = list, list[0]
	for _, p := range list {
		if p.ID == id {
			msg.profile = p
		}
	}
	msg.sc, err = st.Scenario(msg.profile.ID)
	if err != nil {
		return loadedMsg{profiles: list, err: fmt.Errorf("open the week of this profile: %w", err)}
	}
	if msg.cat, err = st.Catalog(); err != nil {
		msg.note = fmt.Sprintf("could not read the program catalog: %v", err)
	}
	plan, ok, err := st.Chosen(msg.profile.ID)
	if err != nil {
		msg.note = fmt.Sprintf("could not read the chosen plan: %v", err)
	} else if ok {
		msg.chosen = &plan
	}
	return msg
}

// stoppedStatus is the status line after a solve that ran out of time.
const stoppedStatus = "planning stopped at its time limit: these plans fit, but better ones may exist"

// solveCmd solves sc as solve number seq; done releases the solve's budget
// (opt.Context) once the answer is in.
func solveCmd(seq int, sc *planner.Scenario, opt planner.Options, done context.CancelFunc) tea.Cmd {
	return func() tea.Msg {
		defer done()
		res, err := planner.Solve(sc, opt)
		return solvedMsg{seq: seq, res: res, err: err}
	}
}

// saveScenarioCmd saves the week after a change, which what describes.
func saveScenarioCmd(st Store, id string, sc *planner.Scenario, what string) tea.Cmd {
	return func() tea.Msg {
		if err := st.SaveScenario(id, sc); err != nil {
			return savedMsg{err: fmt.Errorf("%s, but could not save the week: %w", what, err)}
		}
		return savedMsg{what: what + ": week saved"}
	}
}

func choosePlanCmd(st Store, id string, p planner.Plan, sc *planner.Scenario) tea.Cmd {
	return func() tea.Msg {
		if err := st.ChoosePlan(id, p, sc); err != nil {
			return savedMsg{err: fmt.Errorf("save the chosen plan: %w", err)}
		}
		return savedMsg{what: "plan chosen and saved"}
	}
}

func discreetCmd(st Store, id string, on bool) tea.Cmd {
	return func() tea.Msg {
		if err := st.SetDiscreet(id, on); err != nil {
			return savedMsg{err: fmt.Errorf("remember discreet mode: %w", err)}
		}
		if on {
			return savedMsg{what: "discreet mode on, saved"}
		}
		return savedMsg{what: "discreet mode off, saved"}
	}
}

// profileCmd runs one change to the profile list and lists the profiles again.
func profileCmd(st Store, note string, do func() error) tea.Cmd {
	return func() tea.Msg {
		if err := do(); err != nil {
			return profilesMsg{err: err}
		}
		list, err := st.ListProfiles()
		if err != nil {
			return profilesMsg{err: fmt.Errorf("list profiles: %w", err)}
		}
		return profilesMsg{profiles: list, note: note}
	}
}

// exportCmd writes a plan to a file; the status line says where, or why not.
func exportCmd(ex Exporter, req ExportRequest) tea.Cmd {
	return func() tea.Msg {
		path, err := ex.Export(req)
		if err != nil {
			return savedMsg{err: fmt.Errorf("could not export the plan: %w", err)}
		}
		return savedMsg{what: "exported to " + path}
	}
}
