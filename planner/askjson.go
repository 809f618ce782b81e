package planner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// MaxAsksBytes bounds a file of asks that ParseAsks reads.
const MaxAsksBytes = 1 << 20

// MarshalAsks writes asks as the JSON list ParseAsks reads back: the shape of
// the asks of a fix in `weekfit solve --json`.
func MarshalAsks(asks []Ask) ([]byte, error) {
	out := make([]jsonAsk, 0, len(asks))
	for _, a := range asks {
		out = append(out, jsonAskOf(a))
	}
	return json.MarshalIndent(out, "", "  ")
}

// ParseAsks reads asks from JSON: a list of asks, or an object with an "asks"
// list (such as one fix copied from `weekfit solve --json`; its other fields,
// like "plan", are not read). An error names the field, as asks[1].to.
func ParseAsks(data []byte) ([]Ask, error) {
	if len(data) > MaxAsksBytes {
		return nil, bad("", "", "the file of asks is larger than %d bytes", MaxAsksBytes)
	}
	var list []json.RawMessage
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var fix struct {
			Asks []json.RawMessage `json:"asks"`
		}
		if err := json.Unmarshal(trimmed, &fix); err != nil {
			return nil, bad("", "", "not JSON a weekfit reads (%v); give a list of asks or a fix with \"asks\"", err)
		}
		if fix.Asks == nil {
			return nil, bad("asks", "", "missing; give the asks of a fix as a list")
		}
		list = fix.Asks
	} else if err := json.Unmarshal(trimmed, &list); err != nil {
		return nil, bad("", "", "not JSON a weekfit reads (%v); give a list of asks or a fix with \"asks\"", err)
	}
	var out []Ask
	for i, raw := range list {
		a, err := parseAsk(fmt.Sprintf("asks[%d]", i), raw)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func parseAsk(path string, raw json.RawMessage) (Ask, error) {
	var w jsonAsk
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return Ask{}, bad(path, "", "cannot be read (%v)", err)
	}
	var a Ask
	var err error
	if a.Party, err = cleanName(path+".party", w.Party); err != nil {
		return Ask{}, err
	}
	for j, d := range w.Days {
		day, ok := ParseDay(d.Day)
		if !ok {
			return Ask{}, bad(fmt.Sprintf("%s.days[%d].day", path, j), d.Day, "use Mon..Sun")
		}
		a.Days = append(a.Days, WeekDay{Week: d.Week, Day: day})
	}
	switch w.Kind {
	case "shift":
		a.Kind = AskShift
		err = parseShiftAsk(path, &w, &a)
	case "unpaid":
		a.Kind = AskUnpaid
		a.Job, a.Minutes = w.Job, intOr0(w.Minutes)
	case "cover":
		a.Kind = AskCover
		err = parseCoverAsk(path, &w, &a)
	default:
		err = bad(path+".kind", w.Kind, "use shift, unpaid or cover")
	}
	if err != nil {
		return Ask{}, err
	}
	if a.Job, err = cleanName(path+".job", a.Job); err != nil {
		return Ask{}, err
	}
	return a, nil
}

func parseShiftAsk(path string, w *jsonAsk, a *Ask) error {
	var err error
	a.Job, a.MinutesLost, a.MinutesMoved = w.Job, intOr0(w.MinutesLost), intOr0(w.MinutesMoved)
	if a.From, err = ParseClock(w.From); err != nil {
		return bad(path+".from", w.From, "%v", err)
	}
	if strings.EqualFold(strings.TrimSpace(w.To), "off") {
		a.Off = true
		return nil
	}
	if a.To, err = ParseClock(w.To); err != nil {
		return bad(path+".to", w.To, "%v; or write off", err)
	}
	return nil
}

func parseCoverAsk(path string, w *jsonAsk, a *Ask) error {
	var err error
	if a.Commitment, err = cleanName(path+".commitment", w.Commitment); err != nil {
		return err
	}
	if a.Commitment == "" {
		return bad(path+".commitment", "", "missing; name the commitment to cover")
	}
	if w.Time != "" {
		if a.Time, err = ParseClock(w.Time); err != nil {
			return bad(path+".time", w.Time, "%v", err)
		}
	}
	return nil
}

func intOr0(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}
