// Command nlpbench runs the nlp pipeline over every BBC article in the
// shared corpus (or the files named on the command line) and reports
// tokens, entities, model load time, throughput and peak RSS.
//
//	go run ./nlp/cmd/nlpbench            # all 2,225 BBC articles
//	/usr/bin/time -v nlpbench            # cross-check the peak RSS
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"time"

	"github.com/newsgraph/kg/nlp"
)

func main() {
	flag.Parse()
	files := flag.Args()
	if len(files) == 0 {
		dir := nlp.SharedCorpusDir()
		if dir == "" {
			fmt.Fprintln(os.Stderr, "nlpbench: no shared/corpus found (set KG_SHARED) and no files given")
			os.Exit(1)
		}
		files, _ = filepath.Glob(filepath.Join(dir, "bbc", "*", "*.txt"))
		sort.Strings(files)
	}
	t0 := time.Now()
	p, err := nlp.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, "nlpbench:", err)
		os.Exit(1)
	}
	load := time.Since(t0)
	var texts []string
	bytes := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "nlpbench:", err)
			os.Exit(1)
		}
		texts = append(texts, string(b))
		bytes += len(b)
	}
	types := map[string]int{}
	toks, sents := 0, 0
	t1 := time.Now()
	for _, t := range texts {
		d := p.Process(t)
		toks += len(d.Tokens)
		sents += len(d.Sentences)
		for _, e := range d.Entities {
			types[e.Type]++
		}
	}
	el := time.Since(t1)
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	info := p.Info()
	fmt.Printf("files %d, %.1f MB, %d sentences, %d tokens, entities %v\n", len(files), float64(bytes)/1e6, sents, toks, types)
	fmt.Printf("model load %v (POS %d features/%d weights, NER %d features/%d weights, lexicon %d words)\n",
		load.Round(time.Millisecond), info.POSFeatures, info.POSWeights, info.NERFeatures, info.NERWeights, info.LexiconWords)
	fmt.Printf("processed in %v: %.0f tokens/s (one goroutine)\n", el.Round(time.Millisecond), float64(toks)/el.Seconds())
	fmt.Printf("peak RSS %.1f MB\n", float64(ru.Maxrss)/1024)
}
