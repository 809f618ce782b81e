package sheet

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// numKind is how a number cell is shown: as a number, a date, a time of day
// or both.
type numKind int

const (
	plainNumber numKind = iota
	dateNumber
	timeNumber
	dateTimeNumber
)

// epoch1900 is day 0 of the 1900 date system as spreadsheets count it
// (30 December 1899, so that serial 61 is 1 March 1900).
var epoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// epoch1904 is day 0 of the 1904 date system (older Mac workbooks).
var epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)

// formatNumber writes a number cell as text the way the sheet shows it:
// times as HH:MM (a fraction of a day: 0.375 is 09:00), dates as
// YYYY-MM-DD, anything else in its shortest decimal form.
func formatNumber(v float64, kind numKind, date1904 bool) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	switch kind {
	case timeNumber:
		if v >= 0 && v <= 1 {
			return clockText(v)
		}
		return clockText(v - math.Floor(v))
	case dateNumber, dateTimeNumber:
		if v < 0 || v > 2958465 { // after 9999-12-31
			break
		}
		epoch := epoch1900
		if date1904 {
			epoch = epoch1904
		}
		day := math.Floor(v)
		d := epoch.AddDate(0, 0, int(day)).Format("2006-01-02")
		if kind == dateTimeNumber || v != day {
			return d + " " + clockText(v-day)
		}
		return d
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// clockText writes a fraction of a day, rounded to the minute, as HH:MM;
// a whole day is 24:00.
func clockText(frac float64) string {
	m := int(math.Round(frac * 24 * 60))
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}
