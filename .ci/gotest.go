//go:build ignore

// gotest reads `go test -json` on standard input and prints what a plain
// `go test` prints (each package's closing line, and the output of failing
// tests), then names every skipped test. It exits 1 when a test or package
// failed, and, with CI=true, when any test was skipped: a check that skips
// in CI is a check that did not run.
//
//	go test -json ./... | go run .ci/gotest.go
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

func main() {
	var skipped []string
	failed := false
	buf := map[string][]string{} // output of each running test, printed if it fails
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	for in.Scan() {
		line := in.Bytes()
		var e event
		if err := json.Unmarshal(line, &e); err != nil {
			// not an event (go vet or the build wrote it): show it as it is
			fmt.Println(string(line))
			continue
		}
		key := e.Package + " " + e.Test
		switch {
		case e.Action == "build-output":
			fmt.Print(e.Output)
		case e.Action == "build-fail":
			failed = true
		case e.Test == "" && e.Action == "output":
			if e.Output != "PASS\n" {
				fmt.Print(e.Output)
			}
		case e.Test == "" && e.Action == "fail":
			failed = true
		case e.Test == "":
		case e.Action == "output":
			buf[key] = append(buf[key], e.Output)
		case e.Action == "fail":
			failed = true
			fmt.Print(strings.Join(buf[key], ""))
			delete(buf, key)
		case e.Action == "skip":
			skipped = append(skipped, e.Package+" "+e.Test+": "+skipReason(buf[key]))
			delete(buf, key)
		case e.Action == "pass":
			delete(buf, key)
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "read go test -json:", err)
		os.Exit(1)
	}
	if len(skipped) > 0 {
		fmt.Printf("%d test(s) skipped:\n", len(skipped))
		for _, s := range skipped {
			fmt.Println("  " + s)
		}
		if os.Getenv("CI") == "true" {
			fmt.Println("in CI every test must run: install what the skipped tests need (see above)")
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

// skipReason is the message a skipped test logged, in one line.
func skipReason(out []string) string {
	var parts []string
	for _, l := range out {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "=== ") || strings.HasPrefix(l, "--- SKIP") {
			continue
		}
		parts = append(parts, l)
	}
	if len(parts) == 0 {
		return "(no reason given)"
	}
	return strings.Join(parts, " ")
}
