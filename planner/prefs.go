package planner

import (
	"fmt"
	"math"
)

// Preferences are what matters most to the person beyond the default order,
// each a weight from 0 (does not matter) to MaxWeight. With every weight 0
// plans come in the default order; otherwise by PreferenceScore, then the
// default order.
type Preferences struct {
	Robust      int // fewer warnings and more slack
	HomeEarly   int // an earlier latest return home
	FewerDays   int // fewer days with a session
	CompactDays int // shorter days away from home
	KeepDayOff  int // a day free of both work and sessions
}

// MaxWeight is the largest weight a preference may have.
const MaxWeight = 10

// None reports whether no preference has a weight.
func (p Preferences) None() bool { return p == Preferences{} }

// Weights returns the weights in the order PreferenceNames lists them.
func (p Preferences) Weights() [5]int {
	return [5]int{p.Robust, p.HomeEarly, p.FewerDays, p.CompactDays, p.KeepDayOff}
}

// WithWeight returns p with the weight of preference i (in the order of
// PreferenceNames) set to w, kept within 0 to MaxWeight.
func (p Preferences) WithWeight(i, w int) Preferences {
	w = min(max(w, 0), MaxWeight)
	ws := p.Weights()
	if i >= 0 && i < len(ws) {
		ws[i] = w
	}
	return Preferences{ws[0], ws[1], ws[2], ws[3], ws[4]}
}

// PreferenceNames are the file names of the preferences, in the order of Weights.
var PreferenceNames = [5]string{"robust", "home_early", "fewer_days", "compact_days", "keep_day_off"}

// Defaults of the thresholds a plan is checked against.
const (
	DefaultMinSlack     = 10
	DefaultBadDayFactor = 1.5
	DefaultMinRestHours = 8.0
	DefaultMaxDayHours  = 14.0
)

// Limits are the thresholds a plan's warnings are worked out with.
type Limits struct {
	MinSlack     int     // minutes
	BadDayFactor float64 // at least 1
	MinRestHours float64
	MaxDayHours  float64
}

// Limits returns the scenario's thresholds, with the defaults for those it does not set.
func (s *Scenario) Limits() Limits {
	l := Limits{DefaultMinSlack, DefaultBadDayFactor, DefaultMinRestHours, DefaultMaxDayHours}
	if s.MinSlack != nil {
		l.MinSlack = *s.MinSlack
	}
	if s.BadDayFactor != nil {
		l.BadDayFactor = *s.BadDayFactor
	}
	if s.MinRestHours != nil {
		l.MinRestHours = *s.MinRestHours
	}
	if s.MaxDayHours != nil {
		l.MaxDayHours = *s.MaxDayHours
	}
	return l
}

type filePreferences struct {
	Robust      int `json:"robust,omitempty"`
	HomeEarly   int `json:"home_early,omitempty"`
	FewerDays   int `json:"fewer_days,omitempty"`
	CompactDays int `json:"compact_days,omitempty"`
	KeepDayOff  int `json:"keep_day_off,omitempty"`
}

// readChecks reads the thresholds and the preferences of a scenario file.
func readChecks(f *fileScenario, s *Scenario) error {
	if f.MinSlack != nil {
		if err := checkMinutes("min_slack_minutes", *f.MinSlack, maxEarlyMinutes); err != nil {
			return err
		}
		s.MinSlack = clonePtr(f.MinSlack)
	}
	for _, x := range []struct {
		path     string
		v        *float64
		lo, hi   float64
		to       **float64
		whatFrom string
	}{
		{"bad_day_factor", f.BadDayFactor, 1, maxFactor, &s.BadDayFactor, "1.5 means every leg takes half as long again"},
		{"min_rest_hours", f.MinRestHours, 0, 24, &s.MinRestHours, "hours between one day's last activity and the next day's first"},
		{"max_day_hours", f.MaxDayHours, 1, 48, &s.MaxDayHours, "hours from leaving home to coming back"},
	} {
		if x.v == nil {
			continue
		}
		if *x.v < x.lo || *x.v > x.hi || math.IsNaN(*x.v) {
			return bad(x.path, fmt.Sprint(*x.v), "must be from %g to %g (%s)", x.lo, x.hi, x.whatFrom)
		}
		*x.to = clonePtr(x.v)
	}
	if f.Preferences == nil {
		return nil
	}
	fp := f.Preferences
	ws := [5]int{fp.Robust, fp.HomeEarly, fp.FewerDays, fp.CompactDays, fp.KeepDayOff}
	for i, w := range ws {
		if w < 0 || w > MaxWeight {
			return bad("preferences."+PreferenceNames[i], fmt.Sprint(w), "a weight must be a whole number from 0 (does not matter) to %d (matters most)", MaxWeight)
		}
	}
	s.Preferences = Preferences{ws[0], ws[1], ws[2], ws[3], ws[4]}
	return nil
}

// checksFile writes the thresholds and preferences a scenario sets into f.
func checksFile(s *Scenario, f *fileScenario) {
	f.MinSlack, f.BadDayFactor = clonePtr(s.MinSlack), clonePtr(s.BadDayFactor)
	f.MinRestHours, f.MaxDayHours = clonePtr(s.MinRestHours), clonePtr(s.MaxDayHours)
	if p := s.Preferences; !p.None() {
		f.Preferences = &filePreferences{p.Robust, p.HomeEarly, p.FewerDays, p.CompactDays, p.KeepDayOff}
	}
}
