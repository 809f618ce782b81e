// Package planner models a week of work, travel, family duties and sleep, and
// finds every way of attending an intensive outpatient program that fits it.
//
// Time is counted in minutes of a cyclic week (or of a cycle of weeks): Monday
// 00:00 of week 1 is minute 0, and the minute after the last one of the cycle is
// minute 0 again. The package imports only the standard library and never reads
// the clock: callers pass in everything it needs.
//
// The pipeline, file by file: scenario.go holds the types a caller fills in;
// load.go and validate.go read and check a scenario file; compile.go turns a
// scenario into a model (minutes of the cycle, place indexes, travel legs,
// rush hours); segment.go cuts the cycle into segments; group.go, search.go
// and dp.go choose sessions and price them; exhaustive.go is the fallback for
// a cycle with no cut; walk.go and eval.go are the one definition of what a
// plan costs; solve.go ranks (with budget.go's bounds on time and work and
// its k-best merge of a rotation's weeks), makeplan.go turns a ranked choice
// into a Plan with its shift changes and covers, explain.go says why a track
// does not fit;
// fix.go, fix_keys.go and fix_relax.go find the smallest sets of asks that
// would make it fit (each set tried by solving the week with it applied);
// apply.go applies asks to a week (a what-if) and diff.go says what changes
// between two weeks and their best plans; catalog*.go read catalogs and
// catalog_board.go ranks every program of a week on one board;
// timeline.go, gridcells.go and report.go lay a plan out for people;
// schedule.go puts a plan's sessions on calendar dates.
//
// Glossary of the internal terms:
//
//   - cut: a minute of the cycle at which the person is at home whatever is
//     chosen and however shifts bend; the solver splits the cycle there.
//   - segment: the stretch of the cycle between two cuts, priced on its own.
//   - pot: where an item could be over all bends, the span of its possible
//     starts and ends; overlapping pots cannot be split by a cut.
//   - unit: a set of weeks of a rotation linked by a segment whose candidate
//     sessions fall in more than one of them (one that crosses from a Sunday
//     to a Monday); a unit's weeks are chosen together, units independently.
//   - bend: how far a shift's start and end move within its flex.
//   - job-week: one job in one week of the cycle, the scope of the unpaid
//     minutes limit.
package planner
