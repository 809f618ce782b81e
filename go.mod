module weekfit

go 1.26.8

require (
	github.com/arran4/golang-ical v0.3.4
	github.com/go-pdf/fpdf v0.9.0
)
