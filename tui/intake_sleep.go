package tui

import (
	"errors"
	"fmt"
	"strings"

	"weekfit/planner"
)

// sleep adds the usual sleep, every day; with a second pattern, the usual
// one on the other days and the second on its days.
func (b *builder) sleep() {
	a := b.a
	usual := b.span("Sleep", "daily", sleepHours(a.Bed, a.Wake))
	if !a.SleepDiffers {
		b.sc.Sleep = append(b.sc.Sleep, usual)
		return
	}
	other := b.span("Sleep", a.Sleep2Days, sleepHours(a.Bed2, a.Wake2))
	if b.err != nil {
		return
	}
	usual.Days = planner.AllDays &^ other.Days
	if usual.Days == 0 {
		b.fail("Sleep", errors.New("the days you sleep at other times are every day; answer no there, and give those times as the usual ones"))
		return
	}
	b.sc.Sleep = append(b.sc.Sleep, usual, other)
}

// sleepHours writes bed and wake times as a time range, the usual ones where empty.
func sleepHours(bed, wake string) string {
	return strings.TrimSpace(or(bed, defBed)) + "-" + strings.TrimSpace(or(wake, defWake))
}

// checkSleepDays checks the days of a second sleep pattern: some days, not every day.
func checkSleepDays(s string) error {
	d, err := planner.ParseDays(s)
	if err != nil {
		return fmt.Errorf("days: %v", err)
	}
	if d == planner.AllDays {
		return errors.New("days: that is every day; name only the days you sleep at other times")
	}
	return nil
}
