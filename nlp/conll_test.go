package nlp

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const conllSample = `-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- O O

LONDON NNP I-NP I-LOC
1996-08-30 CD I-NP O
`

func TestReadCoNLL(t *testing.T) {
	docs, err := ReadCoNLL(strings.NewReader(conllSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences) != 1 {
		t.Fatalf("docs = %+v", docs)
	}
	s := docs[0].Sentences[0]
	if strings.Join(s.Words, " ") != "EU rejects German call ." || s.POS[1] != "VBZ" || s.NER[2] != "I-MISC" {
		t.Errorf("sentence = %+v", s)
	}
}

func TestWriteCoNLL(t *testing.T) {
	p := defaultPipeline(t)
	var out bytes.Buffer
	if err := p.WriteCoNLL(strings.NewReader(conllSample), &out); err != nil {
		t.Fatal(err)
	}
	in := strings.Split(strings.TrimSuffix(conllSample, "\n"), "\n")
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != len(in) {
		t.Fatalf("%d lines out, %d in:\n%s", len(got), len(in), out.String())
	}
	var gold, pred []string
	for i := range in {
		if in[i] == "" || strings.HasPrefix(in[i], "-DOCSTART-") {
			if got[i] != in[i] {
				t.Errorf("line %d: %q, want it kept as %q", i, got[i], in[i])
			}
			continue
		}
		f := strings.Fields(got[i])
		if !strings.HasPrefix(got[i], in[i]+" ") || len(f) != 5 {
			t.Errorf("line %d: %q does not extend %q by one column", i, got[i], in[i])
			continue
		}
		if tag := f[4]; tag != "O" && !strings.HasPrefix(tag, "B-") && !strings.HasPrefix(tag, "I-") {
			t.Errorf("line %d: bad tag %q", i, tag)
		}
		gold = append(gold, f[3])
		pred = append(pred, f[4])
	}
	e := NewEval()
	e.Add(gold, pred)
	if o := e.Overall(); o.Correct < 4 {
		t.Errorf("expected at least 4 of the 5 easy entities, got %+v\n%s", o, out.String())
	}
}

func TestPrintEntities(t *testing.T) {
	p := defaultPipeline(t)
	var out bytes.Buffer
	text := "Tony Blair visited Paris."
	if err := p.PrintEntities(text, &out); err != nil {
		t.Fatal(err)
	}
	want := "PER\tTony Blair\t0\t10\nLOC\tParis\t19\t24\n"
	if out.String() != want {
		t.Errorf("PrintEntities = %q, want %q", out.String(), want)
	}
}

// TestTestaScores evaluates the embedded models on CoNLL-2003 testa.
func TestTestaScores(t *testing.T) {
	dir := SharedCorpusDir()
	if dir == "" {
		t.Skip("shared/corpus not found (set KG_SHARED); skipping the testa evaluation")
	}
	f, err := os.Open(filepath.Join(dir, "conll2003", "testa.txt"))
	if err != nil {
		t.Skip("testa not available: ", err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	acc, ev := Evaluate(defaultPipeline(t), docs)
	t.Logf("testa POS accuracy %.2f%%\n%s", acc, ev)
	if o := ev.Overall(); o.F1 < testaF1Floor {
		t.Errorf("testa NER F1 %.2f < floor %.1f", o.F1, testaF1Floor)
	}
	if acc < testaPOSFloor {
		t.Errorf("testa POS accuracy %.2f < floor %.1f", acc, testaPOSFloor)
	}
	if o := ev.Overall(); o.Gold != 5942 {
		t.Errorf("testa has %d gold entities, want 5942 (SOURCE.md)", o.Gold)
	}
}

// Floors a little under what the committed models reach (see README.md).
const (
	testaF1Floor  = 90.5
	testaPOSFloor = 95.9
)
