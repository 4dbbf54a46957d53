package perceptron

import (
	"bytes"
	"testing"
)

// train learns to map feature 10+c to class c on a toy problem.
func toyTrainer() *Trainer {
	tr := NewTrainer([]string{"A", "B", "C"})
	scores := make([]float32, 3)
	for it := 0; it < 5; it++ {
		for c := 0; c < 3; c++ {
			feats := []uint64{1000, uint64(10 + c)}
			tr.Tick()
			tr.Score(feats, scores)
			best := 0
			for k := range scores {
				if scores[k] > scores[best] {
					best = k
				}
			}
			tr.Update(feats, c, best)
		}
	}
	return tr
}

func predict(m *Model, feats ...uint64) int {
	s := make([]int32, len(m.Classes))
	for _, f := range feats {
		m.Add(s, f)
	}
	best := 0
	for k := range s {
		if s[k] > s[best] {
			best = k
		}
	}
	return best
}

func TestLearnsAndRoundTrips(t *testing.T) {
	m := toyTrainer().Model(0)
	for c := 0; c < 3; c++ {
		if got := predict(m, 1000, uint64(10+c)); got != c {
			t.Errorf("feature %d predicts %d, want %d", 10+c, got, c)
		}
	}
	if !m.Has(11) || m.Has(999) {
		t.Error("Has is wrong")
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var b2 bytes.Buffer
	m2.WriteTo(&b2)
	if !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Error("write(load(write(m))) differs from write(m)")
	}
	if m2.NumFeatures() != m.NumFeatures() || m2.NumWeights() != m.NumWeights() || m2.NumFeatures() == 0 {
		t.Errorf("features %d/%d weights %d/%d", m2.NumFeatures(), m.NumFeatures(), m2.NumWeights(), m.NumWeights())
	}
	for c := 0; c < 3; c++ {
		if got := predict(m2, 1000, uint64(10+c)); got != c {
			t.Errorf("loaded model: feature %d predicts %d, want %d", 10+c, got, c)
		}
	}
}

func TestPruneDropsSmallWeights(t *testing.T) {
	tr := toyTrainer()
	all := tr.Model(0)
	pruned := tr.Model(1e9)
	if pruned.NumWeights() != 0 || all.NumWeights() == 0 {
		t.Errorf("weights: unpruned %d, pruned %d", all.NumWeights(), pruned.NumWeights())
	}
}

func TestLongRows(t *testing.T) {
	// more classes than fit in a slot: the row goes to the overflow arrays
	classes := make([]string, 20)
	for i := range classes {
		classes[i] = string(rune('a' + i))
	}
	tr := NewTrainer(classes)
	for c := 1; c < 20; c++ {
		tr.Tick()
		tr.Update([]uint64{42}, c, 0)
	}
	tr.Tick() // averaging counts instances seen after an update
	m := tr.Model(0)
	s := make([]int32, 20)
	m.Add(s, 42)
	if s[0] >= 0 {
		t.Errorf("class 0 weight %d, want negative", s[0])
	}
	for c := 1; c < 20; c++ {
		if s[c] <= 0 {
			t.Errorf("class %d weight %d, want positive", c, s[c])
		}
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("nope"), []byte(magic + "\x01")} {
		if _, err := Load(b); err == nil {
			t.Errorf("Load(%q) succeeded", b)
		}
	}
}

// randomModel trains on random features so that the table has collisions,
// long rows and many absent keys.
func randomModel(seed uint64) *Model {
	classes := make([]string, 12)
	for i := range classes {
		classes[i] = string(rune('a' + i))
	}
	tr := NewTrainer(classes)
	x := seed
	next := func() uint64 { x = x*6364136223846793005 + 1442695040888963407; return x >> 20 }
	for i := 0; i < 3000; i++ {
		feats := []uint64{next() % 2000, next() % 2000, next() % 50}
		tr.Tick()
		tr.Update(feats, int(next()%12), int(next()%12))
	}
	return tr.Model(0)
}

func TestAddAllEqualsAdd(t *testing.T) {
	m := randomModel(1)
	var keys []uint64
	for k := uint64(0); k < 2100; k += 7 { // present and absent keys, and key 0
		keys = append(keys, k)
	}
	a := make([]int32, len(m.Classes))
	b := make([]int32, len(m.Classes))
	for _, k := range keys {
		m.Add(a, k)
	}
	m.AddAll(b, keys)
	for c := range a {
		if a[c] != b[c] {
			t.Fatalf("class %d: Add gives %d, AddAll %d", c, a[c], b[c])
		}
	}
}

func TestCombine(t *testing.T) {
	one := toyTrainer()
	m1 := one.Model(0)
	// the mean of identical trainers is the trainer's own model
	m2 := Combine([]*Trainer{toyTrainer(), toyTrainer()}, 0)
	var b1, b2 bytes.Buffer
	m1.WriteTo(&b1)
	m2.WriteTo(&b2)
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("Combine of two identical trainers differs from Model")
	}
	// the mean of a trainer and an empty one halves every weight (before quantisation)
	empty := NewTrainer(one.Classes)
	empty.Tick()
	half := Combine([]*Trainer{one, empty}, 0)
	if half.NumFeatures() != m1.NumFeatures() {
		t.Errorf("features %d, want %d", half.NumFeatures(), m1.NumFeatures())
	}
	for c := 0; c < 3; c++ {
		if got := predict(half, 1000, uint64(10+c)); got != c {
			t.Errorf("combined model: feature %d predicts %d, want %d", 10+c, got, c)
		}
	}
}
