package planner

import (
	"context"
	"fmt"
	"sort"
)

// MaxPreferencePlans is how many plans a solve with preferences ranks at
// most: it finds the plans that fit in the default order, up to this many,
// and orders them by PreferenceScore. When more fit, Result.Incomplete says so.
const MaxPreferencePlans = 2000

// The costs that preferences weigh, each in minutes (see PreferenceCosts).
const (
	warningCost  = 60  // robust: a warning
	slackCap     = 60  // robust: slack beyond this counts as this
	sessionCost  = 60  // fewer_days: a day with a session
	noDayOffCost = 600 // keep_day_off: a week without a day off
)

// PreferenceCosts returns what each preference weighs in plan p, in the
// order of Preferences.Weights, each in minutes, lower being better:
//
//   - robust: 60 a warning, plus 60 minus the tightest slack (0 when the
//     slack is 60 minutes or more, or when the plan adds no trip);
//   - home_early: the latest return home, minutes after the midnight that
//     starts its day (as LatestHome);
//   - fewer_days: 60 a session (a day with a session) over the cycle;
//   - compact_days: the longest day away from home, minutes from the first
//     departure to the last return (0 when the person never leaves home);
//   - keep_day_off: 600 a week of the cycle with no day free of both work
//     and sessions.
//
// p must be checked (Plan.Checked); a plan that is not costs 0 for robust,
// compact_days and keep_day_off.
func PreferenceCosts(p *Plan) [5]int {
	robust := 0
	if p.Checked {
		slack := slackCap
		if p.TightestSlack >= 0 {
			slack = min(p.TightestSlack, slackCap)
		}
		robust = warningCost*len(p.Warnings) + slackCap - slack
	}
	return [5]int{robust, p.LatestHome, sessionCost * len(p.Sessions), p.longestDay, noDayOffCost * p.weeksNoDayOff}
}

// PreferenceScore is the weighted sum of a plan's PreferenceCosts: each
// cost times its weight. Plans with a lower score come first.
func PreferenceScore(prefs Preferences, p *Plan) int {
	costs, ws := PreferenceCosts(p), prefs.Weights()
	score := 0
	for i := range costs {
		score += costs[i] * ws[i]
	}
	return score
}

// checkFound works out the warnings of the plans found. To rank by
// preferences every plan is checked, in the default order, within the
// solve's budget (ctx): the plans not checked when it runs out are left out,
// and the result says it is incomplete.
func checkFound(m *model, res *Result, prefs bool, ctx context.Context) {
	if !prefs {
		ctx = nil // a few plans: always checked
	}
	if n := newChecker(m).fill(res.Plans, ctx); n < len(res.Plans) {
		res.Plans, res.More = res.Plans[:n], true
		if res.Incomplete == "" {
			res.Incomplete = IncompleteSentence
		}
	}
}

// rankByPreferences orders every plan found (in the default order) by its
// preference score, keeping the default order among equal scores, and keeps
// the best top.
func rankByPreferences(res *Result, prefs Preferences, top int) {
	if res.More && res.Incomplete == "" {
		res.Incomplete = fmt.Sprintf("more than %d plans fit, and only the %d best in the default order were ranked by your preferences; a plan you would like better may exist", MaxPreferencePlans, MaxPreferencePlans)
	}
	scores := make([]int, len(res.Plans))
	order := make([]int, len(res.Plans))
	for i := range res.Plans {
		scores[i], order[i] = PreferenceScore(prefs, &res.Plans[i]), i
	}
	sort.SliceStable(order, func(a, b int) bool { return scores[order[a]] < scores[order[b]] })
	ranked := make([]Plan, 0, min(top, len(order)))
	for _, i := range order[:min(top, len(order))] {
		ranked = append(ranked, res.Plans[i])
	}
	res.More = res.More || len(res.Plans) > top
	res.Plans = ranked
}
