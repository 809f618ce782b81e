module weekfit

go 1.26.8

require (
	github.com/arran4/golang-ical v0.3.4
	github.com/go-pdf/fpdf v0.9.0
	go.etcd.io/bbolt v1.5.0
	golang.org/x/crypto v0.58.0
	golang.org/x/term v0.47.0
)

require golang.org/x/sys v0.49.0 // indirect
