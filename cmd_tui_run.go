package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"sync"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"weekfit/tui"
)

// stopWait is how long a stop signal waits for the saves under way before
// the week grid ends without them.
const stopWait = 10 * time.Second

// stopSignals are the signals that end the week grid as q does. Bubble Tea
// alone catches SIGINT and SIGTERM and quits without waiting for saves;
// SIGHUP and SIGQUIT would end the process with the terminal still in the
// alternate screen.
func stopSignals() []os.Signal {
	return []os.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM}
}

// gridGC sets the collector for the week grid (tui.GCPercent), unless
// GOGC says otherwise. A command keeps Go's default: it lives for
// milliseconds, and on this project's machine a page taken fresh from the
// system costs more than a collection that lets the heap use its pages
// again (the 120-program solve with fixes took a median 89.7 ms at 100 and
// 108.4 ms at 400, 30 runs of each in turn).
func gridGC(env storeEnv) {
	if _, set := env.lookupEnv("GOGC"); !set {
		debug.SetGCPercent(tui.GCPercent)
	}
}

// runWeekGrid runs the TUI on the terminal until it quits. A stop signal
// ends it once its saves are done (a stopError), a panic ends it with the
// terminal restored (an internalError).
func runWeekGrid(m tui.Model, env storeEnv) error {
	gridGC(env)
	crash := &crashState{}
	// Bubble Tea writes a frame at the next tick of its renderer: at 120 a
	// second (60 by default) a change shows up to 8 ms sooner. Measured in
	// script's pseudo-terminal, the first frame came out at 23.6-26.0 ms
	// instead of 33.5-35.0 ms, and an idle grid still used no CPU time
	// /proc could count in 10 s.
	p := tea.NewProgram(guard{inner: m, crash: crash, last: &lastFrame{}}, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithoutSignalHandler(), tea.WithFPS(120))
	crash.kill = p.Kill
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, stopSignals()...)
	defer signal.Stop(sigs)
	done := make(chan struct{})
	got := make(chan os.Signal, 1)
	go stopOnSignal(p, sigs, got, done)
	final, err := p.Run()
	close(done)
	if where := crash.site(); where != "" {
		return internalError{where: where}
	}
	var unsaved error
	if g, ok := final.(guard); ok {
		if tm, ok := g.inner.(tui.Model); ok {
			unsaved = tm.Unsaved()
		}
	}
	select {
	case sig := <-got:
		return stopError{sig: sig, unsaved: unsaved}
	default:
	}
	switch {
	case errors.Is(err, tea.ErrProgramPanic): // Bubble Tea's own recovery, behind the guard
		return internalError{where: "the week grid"}
	case err != nil:
		return fmt.Errorf("run the week grid: %w", err)
	}
	return unsaved
}

// stopOnSignal asks the program to stop at the first signal and ends it at
// once at a second one, or when the saves take longer than stopWait.
func stopOnSignal(p *tea.Program, sigs <-chan os.Signal, got chan<- os.Signal, done <-chan struct{}) {
	select {
	case sig := <-sigs:
		got <- sig
		go p.Send(tui.StopMsg{}) // returns when the program takes it or has ended
	case <-done:
		return
	}
	select {
	case <-sigs:
		p.Kill()
	case <-time.After(stopWait):
		p.Kill()
	case <-done:
	}
}

// crashState records where the TUI panicked, for every copy of the guard.
type crashState struct {
	mu    sync.Mutex
	where string
	kill  func()
}

func (c *crashState) set(where string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.where == "" {
		c.where = where
	}
}

func (c *crashState) site() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.where
}

// crashedMsg says that a command panicked.
type crashedMsg struct{}

// guard runs a model so that a panic in its Init, Update, View or commands
// ends the program as an internal error, with the terminal restored by Bubble
// Tea and without the stack trace Bubble Tea would print. (Bubble Tea's own
// recovery stays on behind it, for the commands of a tea.Sequence, which the
// TUI does not use.)
type guard struct {
	inner tea.Model
	crash *crashState
	// last is the frame View drew, until the next Update: Bubble Tea asks
	// for a frame after every update and once more on the way out, and the
	// last one need not be drawn twice
	last *lastFrame
}

type lastFrame struct {
	s     string
	valid bool
}

func (g guard) Init() (cmd tea.Cmd) {
	defer g.recover(func() { cmd = tea.Quit })
	crashHook("tui-init")
	return g.wrap(g.inner.Init())
}

func (g guard) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	if _, ok := msg.(crashedMsg); ok {
		return g, tea.Quit
	}
	defer g.recover(func() { m, cmd = g, tea.Quit })
	crashHook("tui-update")
	if g.last != nil {
		g.last.valid = false
	}
	inner, cmd := g.inner.Update(msg)
	g.inner = inner
	return g, g.wrap(cmd)
}

// View draws the model; after a panic there is nothing to draw, and the
// program is killed, since View cannot return a command.
func (g guard) View() (s string) {
	defer g.recover(func() {
		s = ""
		if g.crash.kill != nil {
			g.crash.kill()
		}
	})
	crashHook("tui-view")
	if g.last != nil && g.last.valid {
		return g.last.s
	}
	s = g.inner.View()
	if g.last != nil {
		g.last.s, g.last.valid = s, true
	}
	return s
}

// recover, deferred, turns a panic into a recorded crash and runs then.
func (g guard) recover(then func()) {
	if r := recover(); r != nil {
		g.crash.set(panicSite())
		then()
	}
}

// wrap makes a command, and the commands of a batch it returns, report a
// panic as a crashedMsg.
func (g guard) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer g.recover(func() { msg = crashedMsg{} })
		crashHook("tui-cmd")
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			out := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				out[i] = g.wrap(c)
			}
			return out
		}
		return msg
	}
}
