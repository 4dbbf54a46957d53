package nlp

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		tags string
		want []Chunk
	}{
		{"B-PER I-PER O B-LOC O", []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		// IOB1: I- after O starts a chunk, B- splits two adjacent chunks of one type
		{"I-ORG I-ORG B-ORG O I-MISC", []Chunk{{0, 2, "ORG"}, {2, 3, "ORG"}, {4, 5, "MISC"}}},
		// a change of type starts a new chunk
		{"I-PER I-LOC", []Chunk{{0, 1, "PER"}, {1, 2, "LOC"}}},
		{"O O", nil},
		{"B-MISC", []Chunk{{0, 1, "MISC"}}},
	}
	for _, tc := range tests {
		if got := Chunks(strings.Fields(tc.tags)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Chunks(%s) = %v, want %v", tc.tags, got, tc.want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.01 }

func TestEvalHandComputed(t *testing.T) {
	// gold PER[0,2) LOC[3,4); predicted PER[0,1) LOC[3,4) ORG[4,5):
	// 1 correct of 3 found and 2 gold: P 33.33, R 50, F1 40.
	e := NewEval()
	e.Add(strings.Fields("B-PER I-PER O B-LOC O"), strings.Fields("B-PER O O B-LOC B-ORG"))
	o := e.Overall()
	if o.Correct != 1 || o.Guessed != 3 || o.Gold != 2 || !near(o.Precision, 100.0/3) || !near(o.Recall, 50) || !near(o.F1, 40) {
		t.Errorf("overall = %+v", o)
	}
	if s := e.Type("LOC"); s.F1 != 100 {
		t.Errorf("LOC = %+v", s)
	}
	if s := e.Type("PER"); s.F1 != 0 || s.Guessed != 1 || s.Gold != 1 {
		t.Errorf("PER = %+v", s)
	}
	if s := e.Type("ORG"); s.F1 != 0 || s.Guessed != 1 || s.Gold != 0 {
		t.Errorf("ORG = %+v", s)
	}
	if got := e.Types(); !reflect.DeepEqual(got, []string{"LOC", "ORG", "PER"}) {
		t.Errorf("Types = %v", got)
	}
	// token accuracy: tokens 0,2,3 agree; 1 and 4 differ -> 3 of 5
	if e.CorrectTags != 3 || e.Tokens != 5 {
		t.Errorf("token counts %d/%d", e.CorrectTags, e.Tokens)
	}
}

func TestEvalIOB1AgainstIOB2(t *testing.T) {
	gold := strings.Fields("I-ORG I-ORG B-ORG O I-MISC")
	e := NewEval()
	e.Add(gold, strings.Fields("B-ORG I-ORG B-ORG O B-MISC")) // same spans in IOB2
	if o := e.Overall(); o.F1 != 100 || o.Correct != 3 {
		t.Errorf("IOB2 of the same spans: %+v", o)
	}
	// merging the two ORG chunks: found ORG[0,3) MISC[4,5); 1 correct of 2 found, 3 gold:
	// P 50, R 33.33, F1 40
	e = NewEval()
	e.Add(gold, strings.Fields("I-ORG I-ORG I-ORG O I-MISC"))
	if o := e.Overall(); o.Correct != 1 || !near(o.Precision, 50) || !near(o.Recall, 100.0/3) || !near(o.F1, 40) {
		t.Errorf("merged chunks: %+v", o)
	}
}

func TestEvalAccumulatesSentences(t *testing.T) {
	// two sentences: 2 of 2 and 0 of 1 (wrong type) -> P = R = 2/3, F1 66.67;
	// a chunk does not run across the sentence boundary
	e := NewEval()
	e.Add(strings.Fields("O B-PER"), strings.Fields("O B-PER"))
	e.Add(strings.Fields("I-PER O B-LOC"), strings.Fields("I-PER O B-ORG"))
	o := e.Overall()
	if o.Correct != 2 || o.Guessed != 3 || o.Gold != 3 || !near(o.F1, 200.0/3) {
		t.Errorf("overall = %+v", o)
	}
	if !strings.Contains(e.String(), "FB1:  66.67") {
		t.Errorf("report:\n%s", e.String())
	}
}

func TestEvalEmpty(t *testing.T) {
	e := NewEval()
	e.Add([]string{"O"}, []string{"O"})
	if o := e.Overall(); o.F1 != 0 || o.Precision != 0 || o.Recall != 0 {
		t.Errorf("no entities: %+v", o)
	}
}

func TestBILOURoundTrip(t *testing.T) {
	tags := strings.Fields("I-ORG I-ORG B-ORG O I-MISC I-PER I-PER I-PER O")
	classes := bilouFromIOB(tags)
	var got []Chunk
	for _, s := range entitySpans(classes) {
		got = append(got, Chunk{s.first, s.last, nerTypes[s.typ]})
	}
	if want := Chunks(tags); !reflect.DeepEqual(got, want) {
		t.Errorf("BILOU round trip: %v, want %v", got, want)
	}
	for i := 1; i < len(classes); i++ {
		if !allowed(int(classes[i-1]), int(classes[i]), i == len(classes)-1) {
			t.Errorf("gold BILOU sequence rejected at %d: %v", i, classes)
		}
	}
	if allowed(nerClass(0, bilouB), 0, false) || allowed(0, nerClass(1, bilouI), false) || allowed(0, nerClass(2, bilouB), true) {
		t.Error("allowed accepts an invalid transition")
	}
}

func TestDecideClosesEntity(t *testing.T) {
	bPER, iPER, lPER, uPER := nerClass(0, bilouB), nerClass(0, bilouI), nerClass(0, bilouL), nerClass(0, bilouU)
	sc := make([]int32, len(nerClasses))
	sc[0] = 10   // the model prefers O
	sc[iPER] = 5 // the best continuation
	if cl, prev := decide(sc, bPER, false); cl != 0 || prev != uPER {
		t.Errorf("after B-PER preferring O: class %s, prev %s; want O, U-PER", nerClasses[cl], nerClasses[prev])
	}
	if cl, prev := decide(sc, iPER, false); cl != 0 || prev != lPER {
		t.Errorf("after I-PER preferring O: class %s, prev %s; want O, L-PER", nerClasses[cl], nerClasses[prev])
	}
	sc[0], sc[lPER] = 0, 20 // the model continues the name
	if cl, prev := decide(sc, bPER, false); cl != lPER || prev != bPER {
		t.Errorf("continuing: class %s, prev %s; want L-PER, B-PER", nerClasses[cl], nerClasses[prev])
	}
}
