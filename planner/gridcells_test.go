package planner

import (
	"math/rand"
	"testing"
)

func TestLayGrid(t *testing.T) {
	at := func(d, h, m int) int { return d*MinutesPerDay + h*60 + m }
	job := Block{Start: at(0, 9, 0), End: at(0, 17, 0), Kind: KindJob, Label: "Office"}
	trip := Block{Start: at(0, 17, 27), End: at(0, 17, 50), Kind: KindTravel, Label: "to Lakeside"}
	session := Block{Start: at(0, 17, 50), End: at(0, 21, 0), Kind: KindSession, Label: "Lakeside"}
	short := Block{Start: at(1, 14, 30), End: at(1, 14, 40), Kind: KindTravel, Label: "to School"}
	tueJob := Block{Start: at(1, 9, 0), End: at(1, 17, 0), Kind: KindJob, Label: "Office"}
	clash := Block{Start: at(2, 10, 10), End: at(2, 10, 20), Kind: KindCommitment, Label: "Call"}
	wedJob := Block{Start: at(2, 9, 0), End: at(2, 17, 0), Kind: KindJob, Label: "Office"}
	night := Block{Start: at(6, 22, 0), End: at(7, 6, 0), Kind: KindSleep, Label: "Sleep"}
	blocks := []Block{job, trip, session, tueJob, short, wedJob, clash, night}
	const (
		iJob = iota
		iTrip
		iSession
		iTueJob
		iShort
		iWedJob
		iClash
		iNight
	)
	cases := []struct {
		name        string
		row, minute int
		block       int
		first       bool
		marks       []int
		conflict    bool
	}{
		{"an hour row shows the trip that covers most of it, with its start", 60, at(0, 17, 0), iTrip, true, []int{iSession}, false},
		{"the session first shows in the next hour, with its start", 60, at(0, 18, 0), iSession, true, nil, false},
		{"and not again after", 60, at(0, 19, 0), iSession, false, nil, false},
		{"a half-hour row: the trip covers 3 of the first half hour, free the rest", 30, at(0, 17, 0), iTrip, true, nil, false},
		{"a half-hour row: the trip covers 20 of the next, the session starts there as a mark", 30, at(0, 17, 30), iTrip, false, []int{iSession}, false},
		{"a short trip inside a shift is a mark where it starts", 60, at(1, 14, 0), iTueJob, false, []int{iShort}, true},
		{"at 15 minutes the shift still covers more than the 10-minute trip", 15, at(1, 14, 30), iTueJob, false, []int{iShort}, true},
		{"an overlap inside the cell is a conflict", 30, at(2, 10, 0), iWedJob, false, []int{iClash}, true},
		{"a block that wraps past the cycle's end fills its first cell", 60, at(0, 3, 0), iNight, false, nil, false},
		{"a free cell", 60, at(3, 12, 0), -1, false, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cells := LayGrid(blocks, MinutesPerWeek, c.row)
			if len(cells) != MinutesPerWeek/c.row {
				t.Fatalf("%d cells, want %d", len(cells), MinutesPerWeek/c.row)
			}
			got := cells[c.minute/c.row]
			if got.Block != c.block || got.First != c.first || got.Conflict != c.conflict {
				t.Errorf("cell = %+v, want block %d first %v conflict %v", got, c.block, c.first, c.conflict)
			}
			if c.marks != nil && !equalInts(got.Marks, c.marks) {
				t.Errorf("marks = %v, want %v", got.Marks, c.marks)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestLayGridEveryStartInItsCell checks on random weeks that every block is
// shown, with its start, in the cell where it starts, or marked there, at
// every row size, and that a cell's block covers at least as much of it as
// any other block.
func TestLayGridEveryStartInItsCell(t *testing.T) {
	rng := rand.New(rand.NewSource(15))
	for n := 0; n < 300; n++ {
		weeks := 1 + rng.Intn(2)
		cycle := weeks * MinutesPerWeek
		var blocks []Block
		for i := rng.Intn(30); i > 0; i-- {
			s := rng.Intn(cycle)
			blocks = append(blocks, Block{Start: s, End: s + 1 + rng.Intn(300), Kind: BlockKind(rng.Intn(6))})
		}
		for _, row := range []int{15, 30, 60} {
			cells := LayGrid(blocks, cycle, row)
			for bi, b := range blocks {
				c := cells[b.Start/row]
				marked := false
				for _, m := range c.Marks {
					marked = marked || m == bi
				}
				shown := c.Block == bi && c.First && !marked
				if !shown && (c.Block == bi || !marked) {
					t.Fatalf("week %d row %d: block %+v at its start cell: %+v", n, row, b, c)
				}
			}
			for i, c := range cells {
				if c.Block < 0 {
					continue
				}
				if c.First != firstShown(cells, blocks, c.Block, i, row, cycle) {
					t.Fatalf("week %d row %d cell %d: First %v for %+v", n, row, i, c.First, blocks[c.Block])
				}
				lo, hi := i*row, (i+1)*row
				cover := func(b Block) int {
					n := 0
					for _, s := range []int{0, -cycle} {
						n += max(0, min(b.End+s, hi)-max(b.Start+s, lo))
					}
					return n
				}
				for _, b := range blocks {
					if cover(b) > cover(blocks[c.Block]) {
						t.Fatalf("week %d row %d cell %d shows %+v over %+v, which covers more", n, row, i, blocks[c.Block], b)
					}
				}
			}
		}
	}
}

// firstShown reports whether cell i is the first, from the block's start on,
// that shows block bi: the slow way, minute by minute.
func firstShown(cells []GridCell, blocks []Block, bi, i, row, cycle int) bool {
	b := blocks[bi]
	for t := b.Start; t < b.End; t++ {
		if j := t % cycle / row; cells[j].Block == bi {
			return j == i
		}
	}
	return false
}
