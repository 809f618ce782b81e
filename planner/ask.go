package planner

// AskKind says whom an Ask goes to and what it asks for.
type AskKind int

// The kinds of ask.
const (
	AskShift  AskKind = iota // the employer: a shift changed beyond its flex, or off
	AskUnpaid                // the employer: a job's weekly unpaid budget raised
	AskCover                 // family or friends: a commitment covered on some days
)

// String names the kind as the JSON contract spells it: shift, unpaid or cover.
func (k AskKind) String() string {
	switch k {
	case AskShift:
		return "shift"
	case AskUnpaid:
		return "unpaid"
	case AskCover:
		return "cover"
	}
	return "unknown"
}

// Someone is the Party of a cover ask that no listed helper is named for.
const Someone = "someone"

// WeekDay is one day of one week of the cycle.
type WeekDay struct {
	Week int // 1-based week of the cycle
	Day  Day
}

// Ask is one request to one party that a Fix needs: the same change on several
// days is one ask. Which fields mean something depends on Kind.
type Ask struct {
	Kind  AskKind
	Party string    // the job's name, the helper's name, or Someone
	Days  []WeekDay // the days the fix needs it on, in cycle order

	Job string // AskShift and AskUnpaid: the job's name

	// AskShift: the shift's own times, and the new times (Off for a day off).
	From, To     Clock
	Off          bool
	MinutesLost  int // pay the change loses, summed over its days
	MinutesMoved int // how far start and end move from the shift's own times, summed over its days

	Minutes int // AskUnpaid: the raise of the job's weekly unpaid budget

	Commitment string // AskCover: the commitment's name
	Time       Clock  // AskCover: the commitment's time
}

// Fix is a set of asks that makes a track that does not fit fit, and the best
// plan it gives.
type Fix struct {
	Asks []Ask
	Plan Plan
}
