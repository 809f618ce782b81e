package planner

import "slices"

// GridCell is what one cell of a week grid shows.
type GridCell struct {
	Block    int   // index of the block that covers most of the cell; -1 for a free cell
	Conflict bool  // two busy blocks overlap inside the cell
	First    bool  // the first cell that shows Block since it began: it carries Block's start time
	Marks    []int // blocks that start inside this cell but are not the one it shows, by start
}

// gridPiece is the part of one block inside one cell.
type gridPiece struct{ cell, block, a, b int }

// LayGrid lays blocks over the cells of a grid whose rows stand for row
// minutes: cycle/row cells, in time order from the cycle's start. Every grid
// of weekfit (the screens, `weekfit solve`'s text grid and the PDF) follows
// its rule: a cell shows the block that covers most of it (on a tie, the kind
// a person most needs to see: session, travel, job, commitment, sleep,
// covered); the first cell that shows a block carries its start time; and a
// block that does not show in the cell where it starts, how short soever, is
// a mark in that cell, so every block's start is on screen in its row.
func LayGrid(blocks []Block, cycle, row int) []GridCell {
	if row <= 0 || cycle <= 0 {
		return nil
	}
	cells := make([]GridCell, (cycle+row-1)/row)
	for i := range cells {
		cells[i].Block = -1
	}
	pieces := gridPieces(blocks, cycle, row)
	for i := 0; i < len(pieces); {
		j := i
		for j < len(pieces) && pieces[j].cell == pieces[i].cell {
			j++
		}
		cells[pieces[i].cell] = layCell(blocks, pieces[i:j])
		i = j
	}
	for bi := range blocks {
		b := &blocks[bi]
		if b.End <= b.Start {
			continue
		}
		start := mod(b.Start, cycle) / row
		if c := &cells[start]; c.Block != bi {
			c.Marks = append(c.Marks, bi)
		}
		last := (mod(b.Start, cycle) + b.End - b.Start - 1) / row
		for i := start; i <= last && i < start+len(cells); i++ {
			if c := &cells[i%len(cells)]; c.Block == bi {
				c.First = true
				break
			}
		}
	}
	for i := range cells {
		if len(cells[i].Marks) > 1 {
			slices.SortStableFunc(cells[i].Marks, func(x, y int) int { return blocks[x].Start - blocks[y].Start })
		}
	}
	return cells
}

// gridPieces cuts every block at the cells' edges, in cell order.
func gridPieces(blocks []Block, cycle, row int) []gridPiece {
	var pieces []gridPiece
	for bi := range blocks {
		b := &blocks[bi]
		for _, s := range [...]int{0, -cycle} {
			a, e := max(b.Start+s, 0), min(b.End+s, cycle)
			for a < e {
				c := a / row
				ce := min((c+1)*row, e)
				pieces = append(pieces, gridPiece{c, bi, a, ce})
				a = ce
			}
		}
	}
	slices.SortStableFunc(pieces, func(x, y gridPiece) int { return x.cell - y.cell })
	return pieces
}

// layCell picks what one cell shows from the pieces inside it.
func layCell(blocks []Block, pieces []gridPiece) GridCell {
	c := GridCell{Block: -1}
	best, bestMin := -1, 0
	for i, p := range pieces {
		n := 0
		for _, q := range pieces {
			if q.block == p.block {
				n += q.b - q.a
			}
		}
		if best < 0 || n > bestMin || n == bestMin && shownOver(blocks[p.block].Kind, blocks[best].Kind) {
			best, bestMin = p.block, n
		}
		for _, q := range pieces[i+1:] {
			if q.block != p.block && blocks[p.block].Kind.Busy() && blocks[q.block].Kind.Busy() && p.a < q.b && q.a < p.b {
				c.Conflict = true
			}
		}
	}
	c.Block = best
	return c
}

// shownOver reports whether kind a is shown over kind b when both cover a
// cell for as long.
func shownOver(a, b BlockKind) bool {
	rank := func(k BlockKind) int {
		return [...]int{KindSession: 6, KindTravel: 5, KindJob: 4, KindCommitment: 3, KindSleep: 2, KindCovered: 1}[k]
	}
	return rank(a) > rank(b)
}
