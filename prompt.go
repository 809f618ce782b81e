package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"

	"golang.org/x/term"
)

// readPassword reads a line from the terminal fd without echo. A stop
// signal while it waits (ctrl+c, the window closing) puts the terminal back
// as it was, echo on, before weekfit ends with 128 plus the signal's number:
// term.ReadPassword alone would leave the shell without echo. The read cannot
// be interrupted, so this is the one place besides main that exits.
func readPassword(fd int, stderr io.Writer) ([]byte, error) {
	state, err := term.GetState(fd)
	if err != nil {
		return nil, err
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, stopSignals()...)
	done := make(chan struct{})
	defer func() {
		signal.Stop(sigs)
		close(done)
	}()
	go func() {
		select {
		case sig := <-sigs:
			_ = term.Restore(fd, state)
			fmt.Fprintf(stderr, "\nweekfit: stopped by %s at the passphrase prompt; nothing was changed\n", signalName(sig))
			os.Exit(stopError{sig: sig}.code())
		case <-done:
		}
	}()
	return term.ReadPassword(fd)
}
