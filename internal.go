package main

import (
	"fmt"
	"os"
	"path"
	"runtime"
	"strings"
	"syscall"
)

// internalError is a bug in weekfit (a recovered panic): the message names
// the place in the code, which holds nothing about the person.
type internalError struct{ where string }

func (e internalError) Error() string {
	return fmt.Sprintf("weekfit stopped on an internal error (at %s); what was saved before is kept; please report this line, with the command you ran but not the names in it, to the weekfit maintainers", e.where)
}

// panicSite names the function that panicked as package/file.go:line. Call it
// from the deferred function that recovers.
func panicSite() string {
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case panicking && !strings.HasPrefix(f.Function, "runtime."):
			return codePlace(f)
		}
		if !more {
			return "an unknown place"
		}
	}
}

// codePlace writes a frame as its package path inside weekfit (or its full
// import path outside it), the file's name and the line.
func codePlace(f runtime.Frame) string {
	pkg := f.Function
	if i := strings.LastIndex(pkg, "/"); i >= 0 {
		pkg = pkg[:i] + strings.SplitN(pkg[i:], ".", 2)[0]
	} else {
		pkg = strings.SplitN(pkg, ".", 2)[0]
	}
	pkg = strings.TrimPrefix(strings.TrimPrefix(pkg, "weekfit"), "/")
	if pkg == "main" {
		pkg = ""
	}
	return fmt.Sprintf("%s:%d", path.Join(pkg, path.Base(f.File)), f.Line)
}

// stopError says that the week grid ended because the process was told to
// stop; the exit code is the shell's 128 plus the signal's number.
type stopError struct {
	sig     os.Signal
	unsaved error // what could not be saved, or nil
}

func (e stopError) Error() string {
	if e.unsaved != nil {
		return fmt.Sprintf("stopped by %s; %v", signalName(e.sig), e.unsaved)
	}
	return fmt.Sprintf("stopped by %s; every change was saved", signalName(e.sig))
}

func (e stopError) code() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitOther
}

func signalName(sig os.Signal) string {
	switch sig {
	case syscall.SIGHUP:
		return "SIGHUP (the terminal closed)"
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGQUIT:
		return "SIGQUIT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return sig.String()
}
