package planner

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"sync"
)

// Cache keeps the prices one solve worked out for the next solve of a similar
// week, so that a change to one shift prices again only the stretch of the
// week it touches. A stretch's price depends on its own shifts, duties and
// sessions and on the week's travel times, rush hours and sleep, and is kept
// under a fingerprint of all of them. A Cache may be shared by solves that
// run at the same time.
type Cache struct {
	mu     sync.Mutex
	prices map[priceKey][]segEntry
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{prices: map[priceKey][]segEntry{}} }

// maxCached bounds a cache; past it the cache starts again empty.
const maxCached = 50000

func (c *Cache) get(k priceKey) ([]segEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.prices[k]
	return e, ok
}

func (c *Cache) put(k priceKey, e []segEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.prices) >= maxCached {
		clear(c.prices)
	}
	c.prices[k] = e
}

// fingerprint is a 128-bit hash of what a segment's price depends on.
type fingerprint [2]uint64

type hasher struct{ buf []byte }

func (h *hasher) int(v int) { h.buf = binary.AppendVarint(h.buf, int64(v)) }
func (h *hasher) ints(vs ...int) {
	for _, v := range vs {
		h.int(v)
	}
}
func (h *hasher) float(f float64) { h.buf = binary.AppendUvarint(h.buf, math.Float64bits(f)) }

func (h *hasher) sum() fingerprint {
	a, b := fnv.New64a(), fnv.New64()
	a.Write(h.buf)
	b.Write(h.buf)
	return fingerprint{a.Sum64(), b.Sum64()}
}

// globalPrint is a hash of what every segment's price depends on: the cycle, the
// travel times, the rush hours and the busy blocks with no place.
func (m *model) globalPrint() []byte {
	var h hasher
	h.ints(m.L, m.weeks, len(m.places))
	h.ints(m.legs...)
	for _, r := range m.rush {
		h.ints(r.start, r.end)
		h.float(r.factor)
	}
	for _, f := range m.free {
		h.ints(f.start, f.end)
	}
	h.int(len(m.opt))
	for _, f := range m.opt {
		h.ints(f.start, f.end)
	}
	// hashed once here, not again with each segment: with many places the
	// travel times are most of it
	sum := h.sum()
	return binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(nil, sum[0]), sum[1])
}

// segPrint hashes a segment: the global print and its fixed items, each with
// its times in the segment's frame, place, kind, job-week and bends. The trips
// the week without sessions makes inside a segment follow from these, since a
// segment starts and ends at home.
// h holds the global print; its memory serves the next segment's.
func (m *model) segPrint(h *hasher, seg *segment) fingerprint {
	h.ints(seg.jws...)
	for k, fi := range seg.fixed {
		it := &m.items[fi]
		h.ints(it.start+seg.fixedOff[k], it.end+seg.fixedOff[k], it.place, int(it.kind), it.jw, min(it.cover, 1), len(it.ds), len(it.de))
		h.ints(it.ds...)
		h.ints(it.de...)
	}
	return h.sum()
}
