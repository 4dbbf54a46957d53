// Package perceptron is a multi-class averaged perceptron over hashed
// features, built for fast prediction: a trained Model is an open-addressing
// table from 64-bit feature keys to short sparse rows of int16 weights, so
// scoring a feature is one probe and a few integer additions.
package perceptron

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Model is a trained, pruned, read-only model. It is safe for concurrent use.
type Model struct {
	Classes []string
	Scale   float32 // weight = int16 value / Scale

	mask    uint64
	bloom   []uint64 // blocked Bloom filter over the keys: most look-ups are of absent features
	bmask   uint64
	slots   []slot // open addressing, linear probing; key 0 = empty
	ovCls   []uint8
	ovW     []int16
	nfeat   int
	nweight int
}

// slot is one feature: 32 bytes, so a look-up touches one cache line. Rows
// of up to inlineMax weights are stored in the slot, longer ones in ov*.
type slot struct {
	key uint64
	n   uint8
	cls [inlineMax]uint8
	w   [inlineMax]int16 // or, when n > inlineMax, w[0:2] = offset into ov*
	_   [2]byte
}

const inlineMax = 7

// bloomBits picks 4 of the 64 bits of a Bloom block from the key.
func bloomBits(key uint64) uint64 {
	return 1<<(key&63) | 1<<((key>>6)&63) | 1<<((key>>12)&63) | 1<<((key>>18)&63)
}

// NumFeatures is the number of features with at least one non-zero weight.
func (m *Model) NumFeatures() int { return m.nfeat }

// NumWeights is the number of stored (non-zero) weights.
func (m *Model) NumWeights() int { return m.nweight }

// rowOf returns the classes and weights of slot s.
func (m *Model) rowOf(s *slot) ([]uint8, []int16) {
	if int(s.n) <= inlineMax {
		return s.cls[:s.n], s.w[:s.n]
	}
	off := int(uint32(uint16(s.w[0])) | uint32(uint16(s.w[1]))<<16)
	return m.ovCls[off : off+int(s.n)], m.ovW[off : off+int(s.n)]
}

// Add adds the weights of feature key to scores (len(scores) == len(Classes)).
func (m *Model) Add(scores []int32, key uint64) {
	if key == 0 {
		key = 1
	}
	if b := bloomBits(key); m.bloom[(key>>40)&m.bmask]&b != b {
		return
	}
	if s := m.find(key); s != nil {
		m.addRow(scores, s)
	}
}

// find returns the slot of key (not 0), or nil when the model has none:
// open addressing, probing from the key's home slot to an empty one.
func (m *Model) find(key uint64) *slot {
	for i := (key ^ key>>29) & m.mask; ; i = (i + 1) & m.mask {
		s := &m.slots[i]
		if s.key == key {
			return s
		}
		if s.key == 0 {
			return nil
		}
	}
}

// addRow adds a found slot's weights to scores: inline, or its row in the
// overflow array.
func (m *Model) addRow(scores []int32, s *slot) {
	if n := int(s.n); n <= inlineMax {
		for j := 0; j < n; j++ {
			scores[s.cls[j]] += int32(s.w[j])
		}
		return
	}
	cls, w := m.rowOf(s)
	for j, c := range cls {
		scores[c] += int32(w[j])
	}
}

// AddAll adds the weights of all keys to scores, as Add does for each. It
// first loads the home slot of every key that passes the Bloom filter, with
// no branch between the loads, so that their cache misses overlap instead of
// being waited for one after another (the slot tables are several MB).
func (m *Model) AddAll(scores []int32, keys []uint64) {
	var idx, home [32]uint64
	slots := m.slots
	mask := m.mask
	for len(keys) > 0 {
		batch := keys[:min(len(keys), len(idx))]
		keys = keys[len(batch):]
		n := 0
		for _, key := range batch {
			if key == 0 {
				key = 1
			}
			b := bloomBits(key)
			idx[n] = key
			if m.bloom[(key>>40)&m.bmask]&b == b {
				n++
			}
		}
		for j, key := range idx[:n] {
			home[j] = slots[(key^key>>29)&mask].key
		}
		for j, key := range idx[:n] {
			if home[j] == 0 {
				continue // empty home slot: absent
			}
			if s := m.find(key); s != nil {
				m.addRow(scores, s)
			}
		}
	}
}

// Has reports whether key has any weight.
func (m *Model) Has(key uint64) bool {
	if key == 0 {
		key = 1
	}
	return m.find(key) != nil
}

type row struct {
	key uint64
	cls []uint8
	w   []int16
}

func build(classes []string, scale float32, rows []row) *Model {
	size := 16
	for size*3 < 4*len(rows) { // load factor <= 0.75
		size <<= 1
	}
	m := &Model{Classes: classes, Scale: scale, mask: uint64(size - 1), slots: make([]slot, size), nfeat: len(rows)}
	nb := 1
	for nb*64 < 12*len(rows) { // about 12 bits per key
		nb <<= 1
	}
	m.bloom = make([]uint64, nb)
	m.bmask = uint64(nb - 1)
	for _, r := range rows {
		m.bloom[(r.key>>40)&m.bmask] |= bloomBits(r.key)
	}
	for _, r := range rows {
		i := (r.key ^ r.key>>29) & m.mask
		for m.slots[i].key != 0 {
			i = (i + 1) & m.mask
		}
		s := &m.slots[i]
		s.key = r.key
		s.n = uint8(len(r.cls))
		m.nweight += len(r.cls)
		if len(r.cls) <= inlineMax {
			copy(s.cls[:], r.cls)
			copy(s.w[:], r.w)
			continue
		}
		off := uint32(len(m.ovCls))
		s.w[0], s.w[1] = int16(uint16(off)), int16(uint16(off>>16))
		m.ovCls = append(m.ovCls, r.cls...)
		m.ovW = append(m.ovW, r.w...)
	}
	return m
}

const magic = "KGPM\x01"

// WriteTo writes the model in a compact binary format; rows are written in
// key order so the same model always gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	put := func(b []byte) { k, _ := bw.Write(b); n += int64(k) }
	var buf [8]byte
	u32 := func(v uint32) { binary.LittleEndian.PutUint32(buf[:4], v); put(buf[:4]) }
	put([]byte(magic))
	u32(uint32(len(m.Classes)))
	for _, c := range m.Classes {
		u32(uint32(len(c)))
		put([]byte(c))
	}
	u32(math.Float32bits(m.Scale))
	var rows []*slot
	for i := range m.slots {
		if m.slots[i].key != 0 {
			rows = append(rows, &m.slots[i])
		}
	}
	slices.SortFunc(rows, func(a, b *slot) int {
		if a.key < b.key {
			return -1
		}
		if a.key > b.key {
			return 1
		}
		return 0
	})
	u32(uint32(len(rows)))
	for _, r := range rows {
		binary.LittleEndian.PutUint64(buf[:], r.key)
		put(buf[:8])
		cls, w := m.rowOf(r)
		put([]byte{byte(len(cls))})
		put(cls)
		for _, x := range w {
			binary.LittleEndian.PutUint16(buf[:2], uint16(x))
			put(buf[:2])
		}
	}
	return n, bw.Flush()
}

// Load reads a model written by WriteTo.
func Load(data []byte) (*Model, error) {
	p := 0
	need := func(k int) error {
		if p+k > len(data) {
			return errors.New("perceptron: truncated model")
		}
		return nil
	}
	u32 := func() (uint32, error) {
		if err := need(4); err != nil {
			return 0, err
		}
		v := binary.LittleEndian.Uint32(data[p:])
		p += 4
		return v, nil
	}
	if err := need(len(magic)); err != nil || string(data[:len(magic)]) != magic {
		return nil, errors.New("perceptron: not a model file")
	}
	p = len(magic)
	nc, err := u32()
	if err != nil {
		return nil, err
	}
	if nc > 256 {
		return nil, fmt.Errorf("perceptron: %d classes", nc)
	}
	classes := make([]string, nc)
	for i := range classes {
		l, err := u32()
		if err != nil {
			return nil, err
		}
		if err := need(int(l)); err != nil {
			return nil, err
		}
		classes[i] = string(data[p : p+int(l)])
		p += int(l)
	}
	sb, err := u32()
	if err != nil {
		return nil, err
	}
	nr, err := u32()
	if err != nil {
		return nil, err
	}
	rows := make([]row, nr)
	for i := range rows {
		if err := need(9); err != nil {
			return nil, err
		}
		rows[i].key = binary.LittleEndian.Uint64(data[p:])
		cnt := int(data[p+8])
		p += 9
		if err := need(3 * cnt); err != nil {
			return nil, err
		}
		rows[i].cls = data[p : p+cnt]
		for _, c := range rows[i].cls {
			if int(c) >= len(classes) {
				return nil, errors.New("perceptron: class out of range")
			}
		}
		p += cnt
		w := make([]int16, cnt)
		for j := range w {
			w[j] = int16(binary.LittleEndian.Uint16(data[p:]))
			p += 2
		}
		rows[i].w = w
	}
	if p != len(data) {
		return nil, errors.New("perceptron: trailing bytes")
	}
	return build(classes, math.Float32frombits(sb), rows), nil
}

// Trainer learns an averaged perceptron. It is not safe for concurrent use.
type Trainer struct {
	Classes []string
	nc      int
	index   map[uint64]int32
	w       []float32
	tot     []float64
	ts      []int32
	t       int32 // instances seen
}

// NewTrainer returns a trainer for the given classes (at most 255).
func NewTrainer(classes []string) *Trainer {
	return &Trainer{Classes: classes, nc: len(classes), index: make(map[uint64]int32)}
}

// Score fills scores (len(Classes)) with the current weights' sums.
func (t *Trainer) Score(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		if f == 0 {
			f = 1
		}
		r, ok := t.index[f]
		if !ok {
			continue
		}
		w := t.w[int(r)*t.nc : int(r+1)*t.nc]
		for c, x := range w {
			scores[c] += x
		}
	}
}

// Tick counts one training instance (call once per instance, before Update).
func (t *Trainer) Tick() { t.t++ }

// Update moves the weights of feats towards gold and away from guess.
func (t *Trainer) Update(feats []uint64, gold, guess int) {
	if gold == guess {
		return
	}
	for _, f := range feats {
		if f == 0 {
			f = 1
		}
		r, ok := t.index[f]
		if !ok {
			r = int32(len(t.index))
			t.index[f] = r
			t.w = append(t.w, make([]float32, t.nc)...)
			t.tot = append(t.tot, make([]float64, t.nc)...)
			t.ts = append(t.ts, make([]int32, t.nc)...)
		}
		t.upd(int(r)*t.nc+gold, 1)
		t.upd(int(r)*t.nc+guess, -1)
	}
}

func (t *Trainer) upd(i int, d float32) {
	t.tot[i] += float64(t.t-t.ts[i]) * float64(t.w[i])
	t.ts[i] = t.t
	t.w[i] += d
}

// Model returns the averaged, pruned, quantised model: averaged weights with
// |w| < prune are dropped; the rest are scaled to int16.
func (t *Trainer) Model(prune float64) *Model {
	return Combine([]*Trainer{t}, prune)
}

// averaged returns the trainer's averaged weights per feature key.
func (t *Trainer) averaged() map[uint64][]float64 {
	out := make(map[uint64][]float64, len(t.index))
	for k, r := range t.index {
		a := make([]float64, t.nc)
		for c := range a {
			i := int(r)*t.nc + c
			tot := t.tot[i] + float64(t.t-t.ts[i])*float64(t.w[i])
			a[c] = tot / float64(max(t.t, 1))
		}
		out[k] = a
	}
	return out
}

// Combine returns the model whose weights are the mean of the trainers'
// averaged weights (trainers over the same classes, e.g. trained on
// different example orders), pruned and quantised as in Model.
func Combine(ts []*Trainer, prune float64) *Model {
	sum := map[uint64][]float64{}
	for _, t := range ts {
		for k, a := range t.averaged() {
			s := sum[k]
			if s == nil {
				s = make([]float64, len(a))
				sum[k] = s
			}
			for c, x := range a {
				s[c] += x / float64(len(ts))
			}
		}
	}
	keys := make([]uint64, 0, len(sum))
	for k := range sum {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	maxAbs := 0.0
	for _, k := range keys {
		for _, a := range sum[k] {
			maxAbs = max(maxAbs, math.Abs(a))
		}
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = float32(32000 / maxAbs)
	}
	var rows []row
	for _, k := range keys {
		var rw row
		rw.key = k
		for c, a := range sum[k] {
			if math.Abs(a) < prune {
				continue
			}
			q := math.Round(a * float64(scale))
			if q == 0 {
				continue
			}
			rw.cls = append(rw.cls, uint8(c))
			rw.w = append(rw.w, int16(q))
		}
		if len(rw.cls) > 0 {
			rows = append(rows, rw)
		}
	}
	return build(ts[0].Classes, scale, rows)
}
