//go:build weekfit_crashhook

package main

import "os"

// crashHook panics at the place that WEEKFIT_CRASH names, with a value that
// holds a name, so that the tests can check that the name is never printed.
// Only binaries built with the weekfit_crashhook tag have it.
func crashHook(where string) {
	if os.Getenv("WEEKFIT_CRASH") == where {
		panic("test crash at " + where + " for Jane Doe")
	}
}
