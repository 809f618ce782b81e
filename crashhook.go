//go:build !weekfit_crashhook

package main

// crashHook marks a place where the tests built with the weekfit_crashhook
// tag can make weekfit panic; in every other build it does nothing.
func crashHook(string) {}
