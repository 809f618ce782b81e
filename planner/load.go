package planner

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strings"
)

// The file types mirror the JSON scenario format; they exist only here.
type fileScenario struct {
	Version     *int              `json:"version"`
	Name        string            `json:"name"`
	ArriveEarly *int              `json:"arrive_early_minutes"`
	Places      map[string]string `json:"places"`
	Travel      []fileLeg         `json:"travel"`
	RushHours   []fileRush        `json:"rush_hours"`
	CycleWeeks  *int              `json:"cycle_weeks"`
	Jobs        []fileJob         `json:"jobs"`
	Commitments []fileCommitment  `json:"commitments"`
	Support     []fileSupport     `json:"support"`
	Sleep       []fileSpan        `json:"sleep"`
	Programs    []fileProgram     `json:"programs"`
	Catalog     []string          `json:"catalog,omitempty"`

	// the program's calendar (issue 14)
	Start        string           `json:"start,omitempty"`
	Leave        *fileLeave       `json:"leave,omitempty"`
	MinSlack     *int             `json:"min_slack_minutes,omitempty"`
	BadDayFactor *float64         `json:"bad_day_factor,omitempty"`
	MinRestHours *float64         `json:"min_rest_hours,omitempty"`
	MaxDayHours  *float64         `json:"max_day_hours,omitempty"`
	Preferences  *filePreferences `json:"preferences,omitempty"`
}

type fileLeg struct {
	From    string `json:"from"`
	To      string `json:"to"`
	Minutes *int   `json:"minutes"`
	OneWay  bool   `json:"one_way,omitempty"`
	Mode    string `json:"mode,omitempty"`
}

type fileRush struct {
	Days   string  `json:"days"`
	Time   string  `json:"time"`
	Factor float64 `json:"factor"`
}

type fileSpan struct {
	Days  string `json:"days"`
	Time  string `json:"time"`
	Weeks []int  `json:"weeks,omitempty"`
}

type fileFlex struct {
	StartEarlier int `json:"start_earlier"`
	StartLater   int `json:"start_later"`
	EndEarlier   int `json:"end_earlier"`
	EndLater     int `json:"end_later"`
}

type fileJob struct {
	Name      string     `json:"name"`
	Place     string     `json:"place"`
	Shifts    []fileSpan `json:"shifts"`
	Flex      *fileFlex  `json:"flex,omitempty"`
	MaxUnpaid int        `json:"max_unpaid_minutes_per_week"`
}

type fileCommitment struct {
	Name  string `json:"name"`
	Days  string `json:"days"`
	Time  string `json:"time"`
	Weeks []int  `json:"weeks,omitempty"`
	Place string `json:"place,omitempty"`
}

type fileSupport struct {
	Name   string   `json:"name"`
	Days   string   `json:"days"`
	Time   string   `json:"time"`
	Weeks  []int    `json:"weeks,omitempty"`
	Covers []string `json:"covers"`
}

type fileProgram struct {
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	Place       string      `json:"place,omitempty"`
	Modality    string      `json:"modality,omitempty"`
	Level       string      `json:"level,omitempty"`
	MinDays     int         `json:"min_days"`
	MinHours    float64     `json:"min_hours"`
	MixTracks   bool        `json:"mix_tracks"`
	ArriveEarly *int        `json:"arrive_early_minutes,omitempty"`
	Weeks       int         `json:"weeks,omitempty"`
	Tracks      []fileTrack `json:"tracks"`

	// the program over time (issue 14)
	Phases []filePhase `json:"phases,omitempty"`
	Closed []string    `json:"closed,omitempty"`
}

type fileTrack struct {
	Name     string     `json:"name"`
	Sessions []fileSpan `json:"sessions"`
}

// MaxScenarioBytes is the largest scenario file ParseScenario reads.
const MaxScenarioBytes = 4 << 20

// ParseScenario reads a scenario file (JSON) and checks every field. The error,
// an *InputError, names the field path and the bad value.
func ParseScenario(data []byte) (*Scenario, error) {
	if len(data) > MaxScenarioBytes {
		return nil, bad("", "", "the file is larger than %d MiB; a scenario is a few kilobytes", MaxScenarioBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var f fileScenario
	if err := decodeStrict(data, &f); err != nil {
		return nil, err
	}
	return f.toScenario()
}

// decodeStrict decodes one JSON object into the file type v points to. A
// well-formed file takes one typed pass; when that fails, or the file holds a
// null (which the typed pass would take as empty), a second pass over the
// generic value finds the field path and says what is wrong with it.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && !dec.More() && !bytes.Contains(data, []byte("null")) {
		return nil
	}
	dec = json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return syntaxError(data, err)
	}
	if dec.More() {
		return bad("", "", "the file holds more than one JSON value; it must be one object")
	}
	if err := checkShape(raw, reflect.TypeOf(v).Elem(), ""); err != nil {
		return err
	}
	if err != nil {
		return bad("", "", "cannot read the file: %v", err)
	}
	return nil
}

func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	off := int64(-1)
	if errors.As(err, &se) {
		off = se.Offset
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		if len(bytes.TrimSpace(data)) == 0 {
			return bad("", "", "the file is empty; a scenario is a JSON object {...}")
		}
		return bad("", "", "the file ends too early (a JSON value is not closed); it may be cut short")
	}
	if off < 0 {
		return bad("", "", "not valid JSON: %v", err)
	}
	// Offset counts the bytes read, the offending one included: stop
	// before it, so that the column is its own.
	line, col := 1, 1
	for i := int64(0); i < off-1 && i < int64(len(data)); i++ {
		if data[i] == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	return bad(fmt.Sprintf("line %d, column %d", line, col), "", "not valid JSON (%s); check for a missing comma, quote or brace", msg)
}

// checkShape walks the decoded JSON against the file type so that an unknown
// field or a value of the wrong kind is reported with its full path.
func checkShape(v any, t reflect.Type, path string) error {
	if t.Kind() == reflect.Pointer {
		if v == nil {
			return nil
		}
		t = t.Elem()
	}
	name := path
	if name == "" {
		name = "the file"
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return bad(path, "", "must be an object {...}, not %s", jsonKind(v))
		}
		fields := map[string]reflect.StructField{}
		for i := 0; i < t.NumField(); i++ {
			tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			fields[tag] = t.Field(i)
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			f, ok := fields[k]
			if !ok {
				return bad(join(path, k), "", "unknown field; check its spelling against the format in the README")
			}
			if err := checkShape(obj[k], f.Type, join(path, k)); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if v == nil {
			return nil
		}
		arr, ok := v.([]any)
		if !ok {
			return bad(path, "", "must be a list [...], not %s", jsonKind(v))
		}
		for i, x := range arr {
			if err := checkShape(x, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok {
			return bad(path, "", "must be an object {...}, not %s", jsonKind(v))
		}
		for k, x := range obj {
			if err := checkShape(x, t.Elem(), join(path, k)); err != nil {
				return err
			}
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			return bad(path, "", "must be text in quotes, not %s", jsonKind(v))
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			return bad(path, "", "must be true or false, not %s", jsonKind(v))
		}
	case reflect.Int:
		n, ok := v.(json.Number)
		if !ok {
			return bad(path, "", "must be a whole number, not %s", jsonKind(v))
		}
		i, err := n.Int64()
		if err != nil {
			return bad(path, n.String(), "must be a whole number")
		}
		if i > math.MaxInt32 || i < math.MinInt32 {
			return bad(path, n.String(), "number out of range")
		}
	case reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			return bad(path, "", "must be a number, not %s", jsonKind(v))
		}
		f, err := n.Float64()
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return bad(path, n.String(), "number out of range")
		}
	}
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func jsonKind(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case string:
		return fmt.Sprintf("text %q", x)
	case bool:
		return fmt.Sprintf("%v", x)
	case json.Number:
		return "the number " + x.String()
	}
	return "something else"
}
