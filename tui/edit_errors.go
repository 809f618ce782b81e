package tui

import (
	"regexp"
	"strconv"
	"strings"
)

// pathLabels are the Edit screen's words for the parts of a scenario file's
// field paths: what it calls travel[1] is "leg 2".
var pathLabels = map[string]string{
	"jobs": "job", "shifts": "shift", "travel": "leg", "rush_hours": "rush", "commitments": "duty",
	"support": "person", "sleep": "sleep", "programs": "program", "tracks": "track", "sessions": "sessions",
}

// pathPart is one indexed part of a field path, such as travel[1].
var pathPart = regexp.MustCompile(`^([a-z_]+)\[(\d+)\]$`)

// screenError writes an error about the week with the labels the Edit
// screen shows: "jobs[0].shifts[1].time: ..." becomes "job 1 shift 2
// time: ...". An error without a field path is left as it is.
func screenError(err error) string {
	msg := err.Error()
	path, rest, ok := strings.Cut(msg, ": ")
	if !ok || path == "" || strings.Trim(path, "abcdefghijklmnopqrstuvwxyz_.[]0123456789") != "" {
		return msg
	}
	var words []string
	for _, part := range strings.Split(path, ".") {
		if m := pathPart.FindStringSubmatch(part); m != nil {
			n, _ := strconv.Atoi(m[2])
			label, ok := pathLabels[m[1]]
			if !ok {
				label = strings.ReplaceAll(m[1], "_", " ")
			}
			words = append(words, label+" "+strconv.Itoa(n+1))
			continue
		}
		words = append(words, strings.ReplaceAll(part, "_", " "))
	}
	return strings.Join(words, " ") + ": " + rest
}
