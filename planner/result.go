package planner

import (
	"context"
	"time"
)

// Options steer a solve.
type Options struct {
	Top         int          // plans to return, best first; 0 means DefaultTop
	ExcludeDays DaySet       // days on which no session may be taken
	Require     []SessionRef // sessions every plan must hold (locked by the user)
	Programs    []string     // program ids to consider; empty means all
	Cache       *Cache       // prices kept from earlier solves of a similar week; nil for none

	// Fixes asks the solve to find, for every track that does not fit, the
	// smallest sets of asks that would make it fit (Rejection.Fixes), with
	// at most MaxAsks asks each (0 means DefaultMaxAsks).
	Fixes   bool
	MaxAsks int

	// Context ends a solve early when it is cancelled or its deadline passes
	// (the caller sets the budget; the planner never reads the clock). The
	// plans found by then are returned, with Result.Incomplete saying so.
	// Nil means no limit.
	Context context.Context

	// Today is the caller's date, from which a scenario without a start
	// starts: the Monday after it (the planner never reads the clock).
	Today time.Time
	// skipChecks leaves out the plans' warnings (Plan.Warnings), for the
	// solves of the fix search, which show none.
	skipChecks bool
	// compiled is sc compiled already, for the solves of the fix search,
	// whose weeks differ from one another in their programs only; nil to
	// compile sc.
	compiled *model
	// scratch is the memory of the dynamic programmes, kept from one
	// solve of the fix search to the next; nil for the solve's own.
	scratch *dpScratch
	// unfinished leaves the plans' bends, covers, dates and leave to be
	// worked out by Plan.finish, for the fix search, whose solves show only
	// the plans that become fixes.
	unfinished bool
}

// DefaultTop is how many plans a solve returns when Options.Top is 0.
const DefaultTop = 5

// SessionRef names one session of a program in one week of the cycle.
type SessionRef struct {
	Program string
	Week    int // 1-based
	Day     Day
	Time    Clock
	Phase   int // the phase of a program with phases whose plans hold it, 0-based; 0 for a program without
}

// Result is everything a solve found.
type Result struct {
	Plans    []Plan      // best first, at most Options.Top
	More     bool        // whether more plans fit than Plans holds
	Rejected []Rejection // tracks (or mixing programs) with no plan that fits, and why
	Warnings []string    // problems in the fixed week itself, such as overlapping shifts

	// Incomplete is empty when the search finished; otherwise a sentence
	// saying that it stopped early (its budget ran out or it was cancelled)
	// and that the plans shown may not be the best.
	Incomplete string

	// FixesSought says whether the solve looked for fixes (Options.Fixes), so
	// that an empty Rejection.Fixes can be told from fixes not looked for.
	FixesSought bool

	compiled *model // the week as the solve compiled it, for Timeline
}

// Plan is one way of attending one program that fits every week of the cycle.
type Plan struct {
	Program      string // program id
	ProgramName  string
	Track        string // the track's name, or MixedTrack
	Sessions     []Session
	ShiftChanges []ShiftChange
	Covered      []Cover

	UnpaidMinutes  int // minutes of shifts lost, summed over the cycle
	MovedMinutes   int // minutes shift starts and ends moved, summed over the cycle
	TravelMinutes  int // all travel in the cycle with this plan
	AddedTravel    int // travel this plan adds to the week without sessions
	SessionMinutes int // session time over the cycle
	ExtraMinutes   int // session time beyond the program's weekly minimum, over the cycle
	LatestHome     int // latest arrival home after a session, minutes after the midnight that starts its day

	// The program over time (issue 14), set when the scenario is Dated: each
	// phase's dates and plan, and the leave the plan takes. For a program
	// with phases the fields above are those of its first phase.
	Phases []PhasePlan
	Leave  *LeaveLedger
	// What could still go wrong with the plan (issue 13), worked out on its
	// timeline with the scenario's Limits when Checked (a solve checks every
	// plan it returns; a plan read back from storage is not checked).
	Checked       bool
	Warnings      []Warning
	TightestSlack int  // minutes of the tightest trip the plan adds or changes; -1 for none
	FitsBadDay    bool // whether every such trip is on time on a bad-traffic day
	longestDay    int  // minutes of the longest day away from home
	weeksNoDayOff int  // weeks of the cycle without a day free of work and sessions

	key      rankKey
	tie      []int
	groupIdx int
	picks    []segPick
	bends    []bend
	cov      []bool // per covers of the compiled week: the covers used (Covered, by index)
	// finish works out what an unfinished plan (Options.unfinished) still
	// lacks: its bends and shift changes, covers, dates and leave; nil once
	// done, and for every plan a solve returns to its callers
	finish func(*Plan)
}

// Session is one session a plan attends.
type Session struct {
	Week  int // 1-based week of the cycle
	Day   Day
	Time  Clock
	Track string
}

// ShiftChange is one shift a plan bends.
type ShiftChange struct {
	Job  string
	Week int
	Day  Day
	From Clock
	To   Clock
}

// Cover is a commitment that a support person takes over on one day.
type Cover struct {
	Commitment string
	Week       int
	Day        Day
	By         string
}

// Rejection explains why a track (or a program that mixes tracks) has no plan.
type Rejection struct {
	Program string // program id
	Track   string // track name, or MixedTrack for a program that mixes tracks
	Phase   string // the phase whose rules the track does not fit, for a program with phases; "" otherwise
	Reasons []string

	// Fixes are the smallest fixes found when Options.Fixes is set, the best
	// first: the same number of asks, unpaid and moved minutes, at most three.
	Fixes []Fix
	// FixNote is a sentence when Fixes is empty because more than
	// Options.MaxAsks asks are needed, or when the search for fixes stopped
	// early; empty otherwise.
	FixNote string
}

// BlockKind says what fills a block of time on the grid.
type BlockKind int

// The kinds of block, in the order a grid legend lists them.
const (
	KindJob BlockKind = iota
	KindTravel
	KindSession
	KindCommitment
	KindCovered
	KindSleep
)

// String names the kind in one lower-case word.
func (k BlockKind) String() string {
	switch k {
	case KindJob:
		return "job"
	case KindTravel:
		return "travel"
	case KindSession:
		return "session"
	case KindCommitment:
		return "commitment"
	case KindCovered:
		return "covered"
	case KindSleep:
		return "sleep"
	}
	return "unknown"
}

// Block is a stretch of the cycle and what fills it. Start is in [0, cycle
// length); End is after Start and may pass the cycle's end, in which case the
// block wraps round to its beginning. A covered commitment is not busy time;
// every other kind is, and two busy blocks that overlap are a conflict.
type Block struct {
	Start, End int
	Kind       BlockKind
	Label      string // the job, commitment or program name; "Sleep"; "Travel"
	Detail     string // a sentence for a side panel, such as "Travel work to clinic, 17:00-17:30, rush hour x1.5"
	Place      string // place id where the block happens (from place for travel)
	To         string // destination place id, for travel
	Program    string // program id, for sessions
	Bent       bool   // a shift moved by the plan
}
