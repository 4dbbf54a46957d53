package nlp

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestTrainDeterministic trains twice on a small slice of the corpus and
// checks that the model files are byte-identical and load.
func TestTrainDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("training in -short mode")
	}
	dir := SharedCorpusDir()
	if dir == "" {
		t.Skip("shared/corpus not found (set KG_SHARED); skipping the training test")
	}
	var outs [2]string
	for i := range outs {
		outs[i] = t.TempDir()
		_, err := Train(TrainConfig{CorpusDir: dir, OutDir: outs[i], MaxDocs: 25, POSIters: 2, NERIters: 2, Folds: 2})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{POSModelFile, NERModelFile, LexiconFile} {
		a, err := os.ReadFile(filepath.Join(outs[0], name))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(outs[1], name))
		if err != nil {
			t.Fatal(err)
		}
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two identical training runs (%d vs %d bytes)", name, len(a), len(b))
		}
	}
	p, err := LoadFS(os.DirFS(outs[0]), ".")
	if err != nil {
		t.Fatal(err)
	}
	if d := p.Process("Tony Blair visited Paris."); len(d.Tokens) != 5 || d.Tokens[0].POS == "" {
		t.Errorf("model trained on a slice does not tag: %+v", d.Tokens)
	}
}
