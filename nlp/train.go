package nlp

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/kg/nlp/perceptron"
)

// TrainConfig controls Train. Zero values take the defaults noted.
type TrainConfig struct {
	CorpusDir string    // the shared corpus folder (conll2003/, bbc/); default SharedCorpusDir()
	OutDir    string    // where model files are written; "" = do not write
	POSIters  int       // default 10
	NERIters  int       // default 8
	Seed      uint64    // default 1
	Prune     float64   // the recogniser's averaged weights below this are dropped; default 0.005
	POSPrune  float64   // the same for the POS tagger; default 0.5
	EvalEvery bool      // score testa after every NER epoch (slower)
	Clusters  int       // word clusters: 0 = on (see ClusterSizes), <0 = none
	Folds     int       // jack-knife folds for the POS tags the recogniser trains on; default 5, 1 = none
	MaxDocs   int       // use only the first MaxDocs train documents and BBC articles (tests); 0 = all
	POSOnly   bool      // train the POS tagger on all of train, score it on testa and stop (quick; no files)
	NERModels int       // recognisers averaged into the NER model; default nerEnsemble
	Log       io.Writer // progress; default io.Discard
}

// TrainResult reports what Train measured on the development split (testa).
type TrainResult struct {
	POSAccuracy float64
	NER         *Eval
	Pipeline    *Pipeline
}

type trainSent struct {
	lexs []lex
	caps bool
	pos  []uint8 // gold POS indexes
	ppos []uint8 // predicted (jack-knifed) POS indexes for NER training
	ner  []uint8 // gold BILOU classes
	gaz  []gazBits
}

type trainDoc struct {
	sents []*trainSent
	flags map[uint64]uint16
}

// Train trains the POS tagger and the recogniser on CoNLL-2003 train,
// evaluates them on testa, and writes the model files to cfg.OutDir. It is
// deterministic: the same inputs and config give byte-identical files.
func Train(cfg TrainConfig) (*TrainResult, error) {
	if cfg.CorpusDir == "" {
		cfg.CorpusDir = SharedCorpusDir()
		if cfg.CorpusDir == "" {
			return nil, fmt.Errorf("nlp: no shared/corpus folder found (set KG_SHARED)")
		}
	}
	if cfg.POSIters == 0 {
		cfg.POSIters = 10
	}
	if cfg.NERIters == 0 {
		cfg.NERIters = 8
	}
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Prune == 0 {
		cfg.Prune = 0.005
	}
	if cfg.POSPrune == 0 {
		cfg.POSPrune = 0.5
	}
	if cfg.Folds == 0 {
		cfg.Folds = 5
	}
	if cfg.NERModels == 0 {
		cfg.NERModels = nerEnsemble
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	logf := func(format string, a ...any) { fmt.Fprintf(cfg.Log, format+"\n", a...) }
	start := time.Now()

	readDocs := func(name string) ([]CoNLLDoc, error) {
		f, err := os.Open(filepath.Join(cfg.CorpusDir, "conll2003", name))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return ReadCoNLL(f)
	}
	train, err := readDocs("train.txt")
	if err != nil {
		return nil, err
	}
	dev, err := readDocs("testa.txt")
	if err != nil {
		return nil, err
	}
	if cfg.MaxDocs > 0 && len(train) > cfg.MaxDocs {
		train = train[:cfg.MaxDocs]
	}

	// Unlabelled statistics: capitalisation of each word in BBC text and
	// CoNLL train, and (optionally) word clusters.
	res := &resources{words: map[uint64]wordInfo{}, posDict: map[uint64]uint8{}}
	unl, err := unlabelledText(cfg.CorpusDir, train, cfg.MaxDocs)
	if err != nil {
		return nil, err
	}
	capsStats(unl, res)
	if cfg.Clusters >= 0 {
		brownClusters(unl, cfg.Clusters, res, logf)
	}
	logf("lexicon: %d words (%.1fs)", len(res.words), time.Since(start).Seconds())

	// POS tag set and dictionary.
	tagIndex := map[string]int{}
	var posTags []string
	type wc struct {
		n    int
		tags map[string]int
	}
	counts := map[uint64]*wc{}
	var lx lexer
	var l lex
	for _, d := range train {
		for _, s := range d.Sentences {
			for i, w := range s.Words {
				t := s.POS[i]
				if _, ok := tagIndex[t]; !ok {
					tagIndex[t] = -1
				}
				lx.compute(w, &l)
				c := counts[l.word]
				if c == nil {
					c = &wc{tags: map[string]int{}}
					counts[l.word] = c
				}
				c.n++
				c.tags[t]++
			}
		}
	}
	for t := range tagIndex {
		posTags = append(posTags, t)
	}
	sort.Strings(posTags)
	for i, t := range posTags {
		tagIndex[t] = i
	}
	res.amb = map[uint64]uint64{}
	for k, c := range counts {
		if c.n >= ambMinCount {
			var m uint64
			for t := range c.tags {
				m |= 1 << uint(tagIndex[t])
			}
			res.amb[k] = m
		}
		if c.n < 20 {
			continue
		}
		best, bn := "", 0
		for t, n := range c.tags {
			if n > bn || (n == bn && t < best) {
				best, bn = t, n
			}
		}
		if float64(bn)/float64(c.n) >= 0.99 {
			res.posDict[k] = uint8(tagIndex[best])
		}
	}
	logf("POS: %d tags, %d dictionary words, %d ambiguity classes", len(posTags), len(res.posDict), len(res.amb))

	gz := loadGazetteer()
	prep := func(docs []CoNLLDoc, withTags bool) []*trainDoc {
		s := newScratch(res)
		var out []*trainDoc
		for _, d := range docs {
			var words []string
			var spans []span
			for _, st := range d.Sentences {
				spans = append(spans, span{len(words), len(words) + len(st.Words)})
				words = append(words, st.Words...)
			}
			s.prepare(words, spans, true)
			td := &trainDoc{flags: make(map[uint64]uint16, len(s.mem.flags))}
			for k, v := range s.mem.flags {
				td.flags[k] = v
			}
			for k, st := range d.Sentences {
				sp := spans[k]
				ts := &trainSent{lexs: slices.Clone(s.lexs[sp.first:sp.last]), caps: s.caps[k]}
				ts.gaz = make([]gazBits, len(ts.lexs))
				gz.match(ts.lexs, ts.gaz)
				if withTags {
					ts.pos = make([]uint8, len(st.Words))
					for i, t := range st.POS {
						ts.pos[i] = uint8(max(tagIndex[t], 0))
					}
					ts.ner = bilouFromIOB(st.NER)
				}
				td.sents = append(td.sents, ts)
			}
			// the recogniser's order: headlines last (see scratch.prepare)
			inText := td.sents
			td.sents = make([]*trainSent, 0, len(inText))
			for _, k := range s.order {
				td.sents = append(td.sents, inText[k])
			}
			out = append(out, td)
		}
		return out
	}
	trDocs := prep(train, true)
	var trSents []*trainSent
	for _, d := range trDocs {
		trSents = append(trSents, d.sents...)
	}

	// POS: jack-knifed tags for the recogniser's training data, then the
	// final model on all of train.
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	ens := rand.New(rand.NewPCG(cfg.Seed^0x5851f42d4c957f2d, cfg.Seed))
	if cfg.POSOnly {
		m := trainPOS(trSents, posTags, res, cfg.POSIters, rng, cfg.POSPrune)
		logf("POS model: %d features, %d weights (%.1fs)", m.NumFeatures(), m.NumWeights(), time.Since(start).Seconds())
		ok, n := 0, 0
		var out []uint8
		for _, d := range prep(dev, true) {
			for _, s := range d.sents {
				out = tagPOS(m, res, s, out)
				for i := range s.lexs {
					if out[i] == s.pos[i] {
						ok++
					}
					n++
				}
			}
		}
		return &TrainResult{POSAccuracy: 100 * float64(ok) / float64(max(n, 1))}, nil
	}
	if cfg.Folds > 1 {
		for f := 0; f < cfg.Folds; f++ {
			var in, out []*trainSent
			for i, s := range trSents {
				if i%cfg.Folds == f {
					out = append(out, s)
				} else {
					in = append(in, s)
				}
			}
			m := trainPOS(in, posTags, res, cfg.POSIters, rng, cfg.POSPrune)
			for _, s := range out {
				s.ppos = tagPOS(m, res, s, nil)
			}
		}
		logf("POS jack-knife: %d folds (%.1fs)", cfg.Folds, time.Since(start).Seconds())
	}
	posModel := trainPOS(trSents, posTags, res, cfg.POSIters, rng, cfg.POSPrune)
	if cfg.Folds <= 1 {
		for _, s := range trSents {
			s.ppos = tagPOS(posModel, res, s, nil)
		}
	}
	logf("POS model: %d features, %d weights (%.1fs)", posModel.NumFeatures(), posModel.NumWeights(), time.Since(start).Seconds())

	// NER: one recogniser trained with rng (logged), then the others of the
	// ensemble with generators seeded from ens; the model averages them.
	nerTrs := make([]*perceptron.Trainer, cfg.NERModels)
	var nerModel *perceptron.Model
	var result TrainResult
	eval := func(m *perceptron.Model) string {
		p := newPipeline(&models{pos: posModel, ner: m, res: res, gaz: gz})
		acc, ev := Evaluate(p, dev)
		o := ev.Overall()
		result = TrainResult{POSAccuracy: acc, NER: ev, Pipeline: p}
		return fmt.Sprintf("; testa F1 %.2f (P %.2f R %.2f), POS %.2f%%", o.F1, o.Precision, o.Recall, acc)
	}
	nerTrs[0] = trainNER(trDocs, cfg.NERIters, rng, func(it int, errRate float64, tr *perceptron.Trainer) {
		msg := fmt.Sprintf("NER epoch %d: train token error %.2f%%", it+1, errRate)
		if cfg.EvalEvery {
			msg += eval(tr.Model(cfg.Prune))
		}
		logf("%s (%.1fs)", msg, time.Since(start).Seconds())
	})
	var wg sync.WaitGroup
	for e := 1; e < len(nerTrs); e++ {
		r := rand.New(rand.NewPCG(ens.Uint64(), ens.Uint64()))
		wg.Add(1)
		go func() {
			defer wg.Done()
			nerTrs[e] = trainNER(trDocs, cfg.NERIters, r, nil)
		}()
	}
	wg.Wait()
	nerModel = perceptron.Combine(nerTrs, cfg.Prune)
	logf("NER: %d recogniser(s)%s (%.1fs)", len(nerTrs), eval(nerModel), time.Since(start).Seconds())
	logf("NER model: %d features, %d weights", nerModel.NumFeatures(), nerModel.NumWeights())
	if cfg.OutDir != "" {
		if err := os.MkdirAll(cfg.OutDir, 0o755); err != nil {
			return nil, err
		}
		for name, m := range map[string]*perceptron.Model{POSModelFile: posModel, NERModelFile: nerModel} {
			var b bytes.Buffer
			if _, err := m.WriteTo(&b); err != nil {
				return nil, err
			}
			if err := os.WriteFile(filepath.Join(cfg.OutDir, name), b.Bytes(), 0o644); err != nil {
				return nil, err
			}
		}
		if err := os.WriteFile(filepath.Join(cfg.OutDir, LexiconFile), encodeLexicon(res), 0o644); err != nil {
			return nil, err
		}
	}
	return &result, nil
}

// ambMinCount is how often a word must occur in train to have an ambiguity
// class (its set of tags); rarer words look like unknown words to the
// features, in training as at test time.
const ambMinCount = 2

// posEnsemble is the number of POS perceptrons, trained on different
// example orders, whose averaged weights are averaged into the model: one
// model of the same form, so tagging costs the same, with less of the
// order's noise (+0.06 points on testa over a single run).
const posEnsemble = 3

// trainPOS trains the POS model: posEnsemble taggers, each shuffling with
// its own generator seeded from rng, averaged.
func trainPOS(sents []*trainSent, tags []string, res *resources, iters int, rng *rand.Rand, prune float64) *perceptron.Model {
	trs := make([]*perceptron.Trainer, posEnsemble)
	var wg sync.WaitGroup
	for e := range trs {
		r := rand.New(rand.NewPCG(rng.Uint64(), rng.Uint64()))
		wg.Add(1)
		go func() {
			defer wg.Done()
			trs[e] = trainPOS1(sents, tags, res, iters, r)
		}()
	}
	wg.Wait()
	return perceptron.Combine(trs, prune)
}

// trainPOS1 trains one greedy tagger on its own predicted history.
func trainPOS1(sents []*trainSent, tags []string, res *resources, iters int, rng *rand.Rand) *perceptron.Trainer {
	tr := perceptron.NewTrainer(tags)
	scores := make([]float32, len(tags))
	var feats []uint64
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	for it := 0; it < iters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := sents[si]
			ctx := sentCtx{lexs: s.lexs, capsSent: s.caps}
			var p1, p2 uint64
			for i := range s.lexs {
				tag, ok := res.posDict[s.lexs[i].word]
				if !ok {
					feats = posFeatures(feats[:0], &ctx, i, p1, p2)
					tr.Tick()
					tr.Score(feats, scores)
					guess := argmax(scores)
					tr.Update(feats, int(s.pos[i]), guess)
					tag = uint8(guess)
				}
				p2, p1 = p1, uint64(tag)+1
			}
		}
	}
	return tr
}

func tagPOS(m *perceptron.Model, res *resources, s *trainSent, out []uint8) []uint8 {
	out = grow(out, len(s.lexs))
	ctx := sentCtx{lexs: s.lexs, capsSent: s.caps}
	scores := make([]int32, len(m.Classes))
	var feats []uint64
	var p1, p2 uint64
	for i := range s.lexs {
		tag, ok := res.posDict[s.lexs[i].word]
		if !ok {
			feats = posFeatures(feats[:0], &ctx, i, p1, p2)
			clear(scores)
			for _, f := range feats {
				m.Add(scores, f)
			}
			tag = uint8(argmax(scores))
		}
		out[i] = tag
		p2, p1 = p1, uint64(tag)+1
	}
	return out
}

// nerEnsemble is the number of recognisers, trained on different document
// orders, whose averaged weights are averaged into the model (as for the
// POS tagger; train -ner-models N overrides it). With the ambiguity-class
// POS features, 3 give testa F1 91.87 (seed 1) and 92.01 (seed 2) against
// 91.74, 91.55 and 91.88 for one over seeds 1-3, and kg eval on
// dev+testdata/gold relations .801 / typed entities .926 for both seeds
// against .800-.803 / .923-.925; but a 2.0 MB ner.bin instead of 1.5 MB and
// about 10% fewer tokens per CPU-second (the speed target's margin); kept at 1.
const nerEnsemble = 1

// trainNER trains one recogniser on its own predicted history; epoch, if
// not nil, is called after every epoch.
func trainNER(trDocs []*trainDoc, iters int, rng *rand.Rand, epoch func(it int, errRate float64, tr *perceptron.Trainer)) *perceptron.Trainer {
	nerTr := perceptron.NewTrainer(nerClasses)
	mem := docMemory{hist: map[uint64][5]uint16{}}
	var feats []uint64
	scores := make([]float32, len(nerClasses))
	order := make([]int, len(trDocs))
	for i := range order {
		order[i] = i
	}
	for it := 0; it < iters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, n := 0, 0
		for _, di := range order {
			d := trDocs[di]
			mem.flags = d.flags
			clear(mem.hist)
			for _, s := range d.sents {
				ctx := sentCtx{lexs: s.lexs, capsSent: s.caps}
				y1, y2 := 0, 0
				for i := range s.lexs {
					if nerSkip(&s.lexs[i], y1) {
						y2, y1 = y1, 0
						continue
					}
					feats = nerFeatures(feats[:0], &ctx, i, s.ppos, s.gaz, y1, y2, &mem)
					nerTr.Tick()
					nerTr.Score(feats, scores)
					guess, prev := decide(scores, y1, i == len(s.lexs)-1)
					y1 = prev
					gold := int(s.ner[i])
					nerTr.Update(feats, gold, guess)
					if guess != gold {
						errs++
					}
					n++
					mem.remember(&s.lexs[i], guess)
					y2, y1 = y1, guess
				}
			}
		}
		if epoch != nil {
			epoch(it, 100*float64(errs)/float64(max(n, 1)), nerTr)
		}
	}
	return nerTr
}

// bilouFromIOB converts IOB1/IOB2 tags to BILOU class indexes.
func bilouFromIOB(tags []string) []uint8 {
	out := make([]uint8, len(tags))
	for _, c := range Chunks(tags) {
		t := slices.Index(nerTypes[:], c.Type)
		if t < 0 {
			continue
		}
		if c.End-c.Start == 1 {
			out[c.Start] = uint8(nerClass(t, bilouU))
			continue
		}
		out[c.Start] = uint8(nerClass(t, bilouB))
		for i := c.Start + 1; i < c.End-1; i++ {
			out[i] = uint8(nerClass(t, bilouI))
		}
		out[c.End-1] = uint8(nerClass(t, bilouL))
	}
	return out
}

// Evaluate tags docs with p and returns POS accuracy (percent) and the
// entity scores against the docs' own columns.
func Evaluate(p *Pipeline, docs []CoNLLDoc) (float64, *Eval) {
	ev := NewEval()
	okPOS, n := 0, 0
	for _, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			sents[i] = s.Words
		}
		pos, ner := p.TagDocument(sents)
		for i, s := range d.Sentences {
			ev.Add(s.NER, ner[i])
			for j := range s.Words {
				if pos[i][j] == s.POS[j] {
					okPOS++
				}
				n++
			}
		}
	}
	return 100 * float64(okPOS) / float64(max(n, 1)), ev
}

// unlabelledText returns sentences of words from the BBC articles (in a
// fixed order) and from CoNLL train.
func unlabelledText(corpus string, train []CoNLLDoc, maxFiles int) ([][]string, error) {
	var out [][]string
	bbc := filepath.Join(corpus, "bbc")
	var files []string
	err := filepath.WalkDir(bbc, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".txt") && filepath.Dir(path) != bbc {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("nlp: reading BBC corpus: %w", err)
	}
	sort.Strings(files)
	if maxFiles > 0 && len(files) > maxFiles {
		files = files[:maxFiles]
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		text := string(b)
		toks := Tokenize(text)
		for _, s := range SplitSentences(text, toks) {
			ws := make([]string, 0, s.Last-s.First)
			for _, t := range toks[s.First:s.Last] {
				ws = append(ws, t.Text)
			}
			out = append(out, ws)
		}
	}
	for _, d := range train {
		for _, s := range d.Sentences {
			out = append(out, s.Words)
		}
	}
	return out, nil
}

// capsStats sets capsBucket: how often a word is capitalised when it is
// not the first word of a sentence, in sentences that are not all capitals.
func capsStats(sents [][]string, res *resources) {
	type cnt struct{ capd, total int }
	counts := map[uint64]*cnt{}
	var lx lexer
	var lexs []lex
	for _, s := range sents {
		lexs = grow(lexs, len(s))
		for i, w := range s {
			lx.compute(w, &lexs[i])
		}
		if isCapsSentence(lexs) {
			continue
		}
		for i := 1; i < len(lexs); i++ {
			l := &lexs[i]
			if l.nletters == 0 {
				continue
			}
			c := counts[l.lower]
			if c == nil {
				c = &cnt{}
				counts[l.lower] = c
			}
			c.total++
			if l.flags&(fCapInit|fAllCaps) != 0 {
				c.capd++
			}
		}
	}
	for k, c := range counts {
		if c.total < 2 {
			continue
		}
		r := float64(c.capd) / float64(c.total)
		b := uint8(1)
		switch {
		case r >= 0.95:
			b = 4
		case r >= 0.5:
			b = 3
		case r >= 0.05:
			b = 2
		}
		wi := res.words[k]
		wi.capsBucket = b
		res.words[k] = wi
	}
}

func sortedKeys[V any](m map[uint64]V) []uint64 {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// brownClusters computes word clusters (clusters.go).
var brownClusters = func(sents [][]string, n int, res *resources, logf func(string, ...any)) {}
