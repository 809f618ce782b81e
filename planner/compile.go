package planner

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
)

// model is a scenario compiled to minutes of its cycle, ready to evaluate plans.
type model struct {
	sc       *Scenario
	weeks    int // weeks in the cycle
	L        int // minutes in the cycle
	places   []string
	placeIdx map[string]int
	legs     []int // base minutes from place a to b at legs[a*len(places)+b]; -1 when none
	rush     []rushSeg
	maxLeg   int // longest stretched leg in minutes, an upper bound for any trip

	items      []item  // fixed located items (shifts, commitments with a place), by start
	free       []block // busy blocks with no place (sleep, commitments without a place nobody may cover), by start
	freeMaxEnd []int   // the latest end among free[0..i]
	opt        []block // commitments without a place that a helper may cover, by start
	optMaxEnd  []int   // the latest end among opt[0..i]
	covers     []coverOcc

	seen       []pot   // scratch for the cut test
	evalBuf    []visit // scratch for evaluateCov's laps
	global     []byte  // globalPrint, once a solve has asked for it
	baseLegs   map[legKey]bool
	basePairs  map[pairKey]bool
	baseTravel int
	warnings   []string
}

const homePlace = 0 // index of Home in model.places

type itemKind uint8

const (
	kShift itemKind = iota
	kCommit
	kSession
)

// item is a located activity: a shift, a commitment with a place, or a session.
type item struct {
	id         int // order of fixed items; sessions get ids after them
	kind       itemKind
	start, end int // minutes of the cycle, start in [0, L); end may pass L
	place      int
	job        int // index into Scenario.Jobs, or -1
	jw         int // job-week index (job*weeks + week), or -1
	week       int // week of the cycle of the start, 0-based
	day        Day
	clock      Clock
	name       string
	ds, de     []int // shift options: start and end moves in 5-minute steps (0 included)
	dayStart   int   // sessions: cycle minute of the midnight that starts its day
	// sessions only
	prog, track int
	// cover is 1 + the index into model.covers of a commitment a helper
	// may cover (the plan chooses whether to use the cover), or 0
	cover int
}

// block is a busy stretch with no place.
type block struct {
	start, end int
	kind       BlockKind
	name       string
	week       int // of the cycle, from 0
	day        Day
	clock      Clock // its own times
	cover      int   // in model.opt: the index into model.covers
}

// what names block b in a sentence ("sleep Mon 23:00-07:00", "School
// pickup week 2 Fri 15:00-15:30"). It is put into words only when a
// sentence needs it: a solve makes blocks by the hundred and words for few.
func (m *model) what(b *block) string {
	label := b.name
	if b.kind == KindSleep {
		label = "sleep"
	}
	return fmt.Sprintf("%s %s%s %s", label, m.weekPrefix(b.week), b.day, b.clock)
}

type rushSeg struct {
	start, end int // minutes of the week
	factor     float64
}

type legKey struct{ from, to, dep, dur int }
type pairKey struct{ p, k, pEnd, kStart int }

func compile(sc *Scenario) *model {
	return compileOn(sc, nil)
}

// compileOn is compile, taking the places, travel times and rush hours from
// frame, a week compiled already, when frame is not nil: the fix search's
// trial weeks change shifts, budgets and helpers, never those. They are
// read only, so the weeks share them.
func compileOn(sc *Scenario, frame *model) *model {
	m := &model{sc: sc, weeks: sc.Weeks()}
	m.L = m.weeks * MinutesPerWeek
	if frame != nil {
		m.places, m.placeIdx, m.legs, m.rush, m.maxLeg = frame.places, frame.placeIdx, frame.legs, frame.rush, frame.maxLeg
	} else {
		m.compileFrame()
	}
	fixed := make([]item, 0, m.countLocated())
	for w := 0; w < m.weeks; w++ {
		fixed = m.addShifts(fixed, w)
		fixed = m.addCommitments(fixed, w)
		for _, sl := range sc.Sleep {
			m.eachOcc(w, sl, func(start int, d Day) {
				m.free = append(m.free, block{start: start, end: start + sl.Time.Minutes(), kind: KindSleep, name: "Sleep",
					week: w, day: d, clock: sl.Time})
			})
		}
	}
	m.free, m.freeMaxEnd = sortBlocks(m.free)
	m.index(fixed)
	for {
		need := m.standingCovers()
		if len(need) == 0 {
			break
		}
		m.standDown(need)
	}
	m.baseline()
	return m
}

// index sorts the located items and the optional blocks and links the
// covers to them.
func (m *model) index(fixed []item) {
	slices.SortStableFunc(fixed, func(a, b item) int { return cmp.Compare(a.start, b.start) })
	for i := range fixed {
		fixed[i].id = i
	}
	m.items = fixed
	m.opt, m.optMaxEnd = sortBlocks(m.opt)
	for i := range m.covers {
		m.covers[i].item, m.covers[i].blk = -1, -1
	}
	for i, it := range m.items {
		if it.cover > 0 {
			m.covers[it.cover-1].item = i
		}
	}
	for i, b := range m.opt {
		m.covers[b.cover].blk = i
	}
}

// sortBlocks sorts blocks by start and returns the running latest end.
func sortBlocks(bs []block) ([]block, []int) {
	slices.SortStableFunc(bs, func(a, b block) int { return cmp.Compare(a.start, b.start) })
	maxEnd := make([]int, len(bs))
	for i, f := range bs {
		maxEnd[i] = f.end
		if i > 0 {
			maxEnd[i] = max(f.end, maxEnd[i-1])
		}
	}
	return bs, maxEnd
}

// compileFrame works out the places, the travel times between them, the
// rush hours and the longest trip.
func (m *model) compileFrame() {
	sc := m.sc
	m.placeIdx = map[string]int{}
	m.places = append(m.places, Home)
	m.placeIdx[Home] = homePlace
	for _, p := range sc.Places {
		if _, ok := m.placeIdx[p.ID]; !ok {
			m.placeIdx[p.ID] = len(m.places)
			m.places = append(m.places, p.ID)
		}
	}
	n := len(m.places)
	m.legs = make([]int, n*n)
	for i := range m.legs {
		m.legs[i] = -1
	}
	for _, l := range sc.Travel {
		a, okA := m.placeIdx[l.From]
		b, okB := m.placeIdx[l.To]
		if !okA || !okB {
			continue // a leg to a catalog place of a week not merged with its catalog
		}
		m.legs[a*n+b] = l.Minutes
		if !l.OneWay && m.legs[b*n+a] < 0 {
			m.legs[b*n+a] = l.Minutes
		}
	}
	m.buildRush()
	maxF := 1.0
	for _, r := range m.rush {
		maxF = math.Max(maxF, r.factor)
	}
	for _, v := range m.legs {
		m.maxLeg = max(m.maxLeg, stretch(v, maxF))
	}
}

// countLocated counts the items addShifts and addCommitments add over the
// cycle, so that their list is made once at its size.
func (m *model) countLocated() int {
	n := 0
	count := func(int, Day) { n++ }
	for w := 0; w < m.weeks; w++ {
		for j := range m.sc.Jobs {
			for _, sh := range m.sc.Jobs[j].Shifts {
				m.eachOcc(w, sh, count)
			}
		}
		for _, c := range m.sc.Commitments {
			if c.Place != "" {
				m.eachOcc(w, c.Span, count)
			}
		}
	}
	return n
}

// addShifts adds the shifts of week w.
func (m *model) addShifts(fixed []item, w int) []item {
	for j := range m.sc.Jobs {
		job := &m.sc.Jobs[j]
		// the moves are the job's, shared (read only) by its shifts
		ds, de := steps(job.Flex.StartEarlier, job.Flex.StartLater), steps(job.Flex.EndEarlier, job.Flex.EndLater)
		for _, sh := range job.Shifts {
			m.eachOcc(w, sh, func(start int, d Day) {
				fixed = append(fixed, item{kind: kShift, start: start, end: start + sh.Time.Minutes(),
					place: m.placeIdx[job.Place], job: j, jw: j*m.weeks + w, week: w, day: d, clock: sh.Time,
					name: job.Name, ds: ds, de: de})
			})
		}
	}
	return fixed
}

// addCommitments adds the commitments of week w: those without a place as
// busy blocks, the rest as located items; one a helper may cover also as a
// cover the plan may use (its block goes to model.opt).
func (m *model) addCommitments(fixed []item, w int) []item {
	for _, c := range m.sc.Commitments {
		m.eachOcc(w, c.Span, func(start int, d Day) {
			end := start + c.Span.Time.Minutes()
			cover := 0
			if by := m.coveredBy(c, start, end); by != "" {
				m.covers = append(m.covers, coverOcc{start: start, end: end, commitment: c.Name, by: by, week: w, day: d, clock: c.Span.Time})
				cover = len(m.covers)
			}
			if c.Place == "" {
				b := block{start: start, end: end, kind: KindCommitment, name: c.Name,
					week: w, day: d, clock: c.Span.Time, cover: cover - 1}
				if cover > 0 {
					m.opt = append(m.opt, b)
				} else {
					m.free = append(m.free, b)
				}
			} else {
				fixed = append(fixed, item{kind: kCommit, start: start, end: end, place: m.placeIdx[c.Place],
					job: -1, jw: -1, week: w, day: d, clock: c.Span.Time, name: c.Name, ds: zeroStep, de: zeroStep, cover: cover})
			}
		})
	}
	return fixed
}

var zeroStep = []int{0}

// steps lists the moves allowed by a flex range, in 5-minute steps, 0 first
// and then by growing size, so that a search meets small moves first.
func steps(earlier, later int) []int {
	out := []int{0}
	for d := 5; d <= max(earlier, later); d += 5 {
		if d <= later {
			out = append(out, d)
		}
		if d <= earlier {
			out = append(out, -d)
		}
	}
	return out
}

// eachOcc calls f with the start of each occurrence of span in week w.
func (m *model) eachOcc(w int, sp Span, f func(start int, d Day)) {
	if !sp.InWeek(w + 1) {
		return
	}
	for d := range sp.Days.All() {
		f(w*MinutesPerWeek+int(d)*MinutesPerDay+sp.Time.Start, d)
	}
}

func containsStr(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func (m *model) buildRush() {
	cuts := []int{0, MinutesPerWeek}
	type win struct {
		start, end int
		f          float64
	}
	var wins []win
	for _, r := range m.sc.RushHours {
		for d := range r.Days.All() {
			a := int(d)*MinutesPerDay + r.Time.Start
			b := a + r.Time.Minutes()
			for _, x := range [2][2]int{{a, b}, {a - MinutesPerWeek, b - MinutesPerWeek}} {
				lo, hi := max(x[0], 0), min(x[1], MinutesPerWeek)
				if lo < hi {
					wins = append(wins, win{lo, hi, r.Factor})
					cuts = append(cuts, lo, hi)
				}
			}
		}
	}
	sort.Ints(cuts)
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		f := 1.0
		for _, w := range wins {
			if w.start <= a && b <= w.end && w.f > f {
				f = w.f
			}
		}
		if n := len(m.rush); n > 0 && m.rush[n-1].factor == f {
			m.rush[n-1].end = b
			continue
		}
		m.rush = append(m.rush, rushSeg{a, b, f})
	}
}

func mod(a, n int) int { return ((a % n) + n) % n }

// stretch applies a rush factor to base minutes, rounding up to a whole minute.
func stretch(base int, f float64) int {
	if f == 1 || base <= 0 {
		return base
	}
	return int(math.Ceil(float64(base)*f - 1e-9))
}

// segAt returns the index of the rush segment holding minute t (of any week).
func (m *model) segAt(t int) int {
	x := mod(t, MinutesPerWeek)
	return sort.Search(len(m.rush), func(i int) bool { return m.rush[i].end > x })
}

// leg returns the base minutes of the leg from place a to b, or -1.
func (m *model) leg(a, b int) int {
	if a == b {
		return 0
	}
	return m.legs[a*len(m.places)+b]
}

// durAt returns the minutes of a leg of base minutes departing at t, and the factor.
func (m *model) durAt(base, t int) (int, float64) {
	f := m.rush[m.segAt(t)].factor
	return stretch(base, f), f
}

// latestDeparture returns the latest departure for a leg of base minutes that
// arrives by arriveBy, with its length and factor.
func (m *model) latestDeparture(base, arriveBy int) (int, int, float64) {
	d := arriveBy - base
	for guard := 0; guard < 2*len(m.rush)+4; guard++ {
		seg := m.rush[m.segAt(d)]
		segStart := d - (mod(d, MinutesPerWeek) - seg.start)
		c := stretch(base, seg.factor)
		if arriveBy-c >= segStart {
			return min(d, arriveBy-c), c, seg.factor
		}
		d = segStart - 1
	}
	c, f := m.durAt(base, d)
	return d, c, f
}

// freeClash returns the index of a block with no place that [a, b) overlaps
// (times of any lap), or -1.
func (m *model) freeClash(a, b int) int {
	if b <= a || len(m.free) == 0 {
		return -1
	}
	off := a - mod(a, m.L)
	for _, sh := range [3]int{off, off - m.L, off + m.L} {
		lo, hi := a-sh, b-sh
		// blocks starting before hi; walk back while one could still reach lo
		j := sort.Search(len(m.free), func(i int) bool { return m.free[i].start >= hi })
		j-- // on a line of its own: the coverage profile ends at a function literal
		for ; j >= 0 && m.freeMaxEnd[j] > lo; j-- {
			if m.free[j].end > lo {
				return j
			}
		}
	}
	return -1
}

// when writes an absolute minute as "Mon 17:00" (with "week 2" in a rotation).
func (m *model) when(t int) string {
	t = mod(t, m.L)
	d := Day((t % MinutesPerWeek) / MinutesPerDay)
	return fmt.Sprintf("%s%s %s", m.weekPrefix(t/MinutesPerWeek), d, FormatClock(t%MinutesPerDay))
}

func (m *model) weekPrefix(w int) string {
	if m.weeks > 1 {
		return fmt.Sprintf("week %d ", w+1)
	}
	return ""
}

func (m *model) placeName(i int) string { return m.sc.PlaceName(m.places[i]) }
