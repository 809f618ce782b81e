// Command frametime times a terminal program from its start to the first
// frame it draws: it runs the command in a 120x40 pseudo-terminal made by
// script(1), and stops the clock when the command's output first holds a
// marker, before the program has begun to exit. The same pseudo-terminal
// running printf of the marker is timed too, so that its own cost can be
// taken off. scripts/bench.sh times weekfit's first frame with it:
//
//	go run ./internal/frametime -runs 20 -marker 'Plan 1 of' -- weekfit --db FILE
//
// With -stop, each run is ended with SIGTERM once the marker is out, for a
// program that goes on running (weekfit's grid without
// WEEKFIT_QUIT_AFTER_FIRST_FRAME, whose frame then comes out when its
// renderer's tick writes it, as a person sees it).
//
// It prints three lines: the median milliseconds of the command, of the
// pseudo-terminal alone, and their difference.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	runs := flag.Int("runs", 20, "runs of each (at least 3)")
	marker := flag.String("marker", "", "text whose first appearance ends the clock")
	timeout := flag.Duration("timeout", 10*time.Second, "the most one run may take")
	stop := flag.Bool("stop", false, "end each run with SIGTERM once the marker is out, for a program that does not quit by itself")
	flag.Parse()
	stopAfter = *stop
	if *marker == "" || flag.NArg() == 0 || *runs < 3 {
		fmt.Fprintln(os.Stderr, "usage: frametime [-runs N] -marker TEXT -- COMMAND [ARG...]")
		os.Exit(2)
	}
	quoted := make([]string, flag.NArg())
	for i, a := range flag.Args() {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	cmd, err := median(*runs, strings.Join(quoted, " "), *marker, *timeout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "frametime:", err)
		os.Exit(1)
	}
	pty, err := median(*runs, "printf '%s' '"+strings.ReplaceAll(*marker, "'", `'\''`)+"'", *marker, *timeout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "frametime: the pseudo-terminal alone:", err)
		os.Exit(1)
	}
	fmt.Printf("command %.2f\npty %.2f\nframe %.2f\n", ms(cmd), ms(pty), ms(cmd-pty))
}

// stopAfter sends SIGTERM to script once the marker is out (-stop).
var stopAfter bool

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// median runs shell command line n times (after one run to warm the caches)
// and returns the median time to the marker.
func median(n int, line, marker string, timeout time.Duration) (time.Duration, error) {
	var ds []time.Duration
	for i := 0; i <= n; i++ {
		d, err := once(line, marker, timeout)
		if err != nil {
			return 0, err
		}
		if i > 0 {
			ds = append(ds, d)
		}
	}
	slices.Sort(ds)
	return ds[len(ds)/2], nil
}

// once runs line in a 120x40 pseudo-terminal and returns the time from its
// start to the marker in its output; the run is then let finish.
func once(line, marker string, timeout time.Duration) (time.Duration, error) {
	c := exec.Command("script", "-qec", "stty cols 120 rows 40; exec "+line, "/dev/null")
	out, err := c.StdoutPipe()
	if err != nil {
		return 0, err
	}
	// script's input stays open, as a person's terminal does: at the end of
	// its input script ends the pty's input too, which a program in raw mode
	// reads as a NUL key
	in, keep, err := os.Pipe()
	if err != nil {
		return 0, err
	}
	defer keep.Close()
	defer in.Close()
	c.Stdin = in
	if !stopAfter {
		c.Stderr = os.Stderr // with -stop, script's word on the signal is not the command's
	}
	start := time.Now()
	if err := c.Start(); err != nil {
		return 0, fmt.Errorf("start script (util-linux): %w", err)
	}
	timer := time.AfterFunc(timeout, func() { _ = c.Process.Kill() })
	defer timer.Stop()
	var seen bytes.Buffer
	buf := make([]byte, 64<<10)
	var took time.Duration
	for took == 0 {
		k, err := out.Read(buf)
		seen.Write(buf[:k])
		if bytes.Contains(seen.Bytes(), []byte(marker)) {
			took = time.Since(start)
			break
		}
		if err != nil {
			_ = c.Wait()
			if errors.Is(err, io.EOF) {
				return 0, fmt.Errorf("%s: the output ended without %q", line, marker)
			}
			return 0, err
		}
	}
	if stopAfter {
		_ = c.Process.Signal(syscall.SIGTERM)
	}
	_, _ = io.Copy(io.Discard, out)
	if err := c.Wait(); err != nil && !stopAfter {
		return 0, fmt.Errorf("%s: %w", line, err)
	}
	return took, nil
}
