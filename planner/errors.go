package planner

import (
	"errors"
	"fmt"
	"strings"
)

// InputError says what is wrong with a scenario, at which field, and the bad value.
type InputError struct {
	Path   string // e.g. jobs[0].shifts[1].time
	Value  string // the value as written, when there is one
	Reason string
}

// Error formats the error as `path: "value": reason`.
func (e *InputError) Error() string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	if e.Value != "" {
		b.WriteString(fmt.Sprintf("%q: ", e.Value))
	}
	b.WriteString(e.Reason)
	return b.String()
}

// ErrInput is matched by every *InputError with errors.Is.
var ErrInput = errors.New("invalid scenario")

// Is lets errors.Is(err, ErrInput) find input errors.
func (e *InputError) Is(target error) bool { return target == ErrInput }

func bad(path, value, format string, args ...any) *InputError {
	return &InputError{Path: path, Value: value, Reason: fmt.Sprintf(format, args...)}
}
