package main

import (
	"strings"
	"testing"
	"time"
)

// TestStopsAtTheMarker times a command that prints the marker, and fails
// one whose output ends without it, with a sentence naming the marker.
func TestStopsAtTheMarker(t *testing.T) {
	d, err := once("printf 'frame READY'; sleep 0.3", "READY", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if d <= 0 || d >= 300*time.Millisecond {
		t.Fatalf("the clock stopped at %v: it should stop at the marker, before the command's 0.3 s sleep", d)
	}
	_, err = once("printf 'no frame'", "READY", 5*time.Second)
	if err == nil || !strings.Contains(err.Error(), `without "READY"`) {
		t.Fatalf("a run without the marker gave %v", err)
	}
}

// TestMedianIsTheMiddleRun checks that median runs the command and gives a
// time no shorter than the pseudo-terminal needs to print.
func TestMedianIsTheMiddleRun(t *testing.T) {
	d, err := median(3, "printf READY", "READY", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if d <= 0 {
		t.Fatalf("median %v", d)
	}
}

// TestStopEndsARunThatGoesOn stops the clock at the marker of a command
// that would run for a minute, and ends it with -stop's SIGTERM.
func TestStopEndsARunThatGoesOn(t *testing.T) {
	stopAfter = true
	defer func() { stopAfter = false }()
	start := time.Now()
	d, err := once("printf READY; sleep 60", "READY", 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if d <= 0 || time.Since(start) > 20*time.Second {
		t.Fatalf("clock %v, run %v: the run should end soon after the marker", d, time.Since(start))
	}
}
