// Command train trains newsgraph's POS tagger and entity recogniser on
// CoNLL-2003 train (with statistics from the BBC corpus), reports their
// scores on testa, and writes the model files that package nlp embeds.
//
//	go run ./nlp/cmd/train -out nlp/model
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/newsgraph/kg/nlp"
)

func main() {
	var cfg nlp.TrainConfig
	flag.StringVar(&cfg.CorpusDir, "corpus", "", "shared corpus folder (default: $KG_SHARED/corpus or the shared/corpus found above the working directory)")
	flag.StringVar(&cfg.OutDir, "out", "", "folder to write the model files to (default: do not write)")
	flag.IntVar(&cfg.POSIters, "pos-iters", 0, "POS training epochs (0 = default)")
	flag.IntVar(&cfg.NERIters, "ner-iters", 0, "NER training epochs (0 = default)")
	flag.IntVar(&cfg.Clusters, "clusters", 0, "word clusters: 0 = on, -1 = none")
	flag.IntVar(&cfg.Folds, "folds", 0, "jack-knife folds for POS tags used in NER training (0 = default, 1 = none)")
	flag.Uint64Var(&cfg.Seed, "seed", 0, "random seed (0 = default)")
	flag.Float64Var(&cfg.Prune, "prune", 0, "drop the recogniser's averaged weights below this (0 = default)")
	flag.Float64Var(&cfg.POSPrune, "pos-prune", 0, "drop the POS tagger's averaged weights below this (0 = default)")
	flag.BoolVar(&cfg.POSOnly, "pos-only", false, "train the POS tagger on train, print its testa accuracy and stop (quick; writes no files)")
	flag.IntVar(&cfg.NERModels, "ner-models", 0, "recognisers trained on different orders and averaged (0 = default)")
	flag.BoolVar(&cfg.EvalEvery, "eval-every", false, "score testa after every NER epoch")
	flag.Parse()
	cfg.Log = os.Stderr
	res, err := nlp.Train(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	fmt.Printf("testa POS accuracy: %.2f%%\n", res.POSAccuracy)
	if res.NER != nil {
		fmt.Print(res.NER.String())
	}
}
