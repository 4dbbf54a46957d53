package nlp

import (
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sync"

	"github.com/newsgraph/kg/nlp/perceptron"
)

// The trained models. model/README.md keeps the pattern matching before the
// first training run; Default reports an error when a model file is missing.
//
//go:embed model
var modelFS embed.FS

// Model file names inside model/.
const (
	POSModelFile = "pos.bin"
	NERModelFile = "ner.bin"
	LexiconFile  = "lexicon.bin"
)

// Pipeline tokenizes, splits, POS-tags and recognises entities. It holds
// read-only models and is safe for concurrent use.
type Pipeline struct {
	m *models
	// free keeps scratch buffers (with their word caches) between calls. A
	// sync.Pool would drop them at every garbage collection, and with them
	// the warm cache.
	free chan *scratch
}

var (
	defaultOnce sync.Once
	defaultPipe *Pipeline
	defaultErr  error
)

// Default returns the pipeline with the embedded models, loading them once.
func Default() (*Pipeline, error) {
	defaultOnce.Do(func() {
		defaultPipe, defaultErr = LoadFS(modelFS, "model")
	})
	return defaultPipe, defaultErr
}

// LoadFS loads a pipeline from the model files in dir of fsys (used by
// Default with the embedded files, and by training to evaluate fresh models).
func LoadFS(fsys fs.FS, dir string) (*Pipeline, error) {
	read := func(name string) ([]byte, error) {
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("nlp: model file %s missing (run `make model`): %w", name, err)
		}
		return b, nil
	}
	m := &models{gaz: loadGazetteer()}
	b, err := read(POSModelFile)
	if err != nil {
		return nil, err
	}
	if m.pos, err = perceptron.Load(b); err != nil {
		return nil, fmt.Errorf("nlp: %s: %w", POSModelFile, err)
	}
	if b, err = read(NERModelFile); err != nil {
		return nil, err
	}
	if m.ner, err = perceptron.Load(b); err != nil {
		return nil, fmt.Errorf("nlp: %s: %w", NERModelFile, err)
	}
	if len(m.ner.Classes) != len(nerClasses) {
		return nil, fmt.Errorf("nlp: %s has %d classes, want %d", NERModelFile, len(m.ner.Classes), len(nerClasses))
	}
	if b, err = read(LexiconFile); err != nil {
		return nil, err
	}
	if m.res, err = decodeLexicon(b); err != nil {
		return nil, fmt.Errorf("nlp: %s: %w", LexiconFile, err)
	}
	return newPipeline(m), nil
}

// precompute sums the weights of the features that depend only on a few
// small-range values (previous tags, POS tags around a token).
func (m *models) precompute() {
	np, nn := len(m.pos.Classes), len(m.ner.Classes)
	var f []uint64
	m.posTrans = make([]int32, (np+1)*(np+1)*np)
	for p1 := 0; p1 <= np; p1++ {
		for p2 := 0; p2 <= np; p2++ {
			v := m.posTrans[(p1*(np+1)+p2)*np:][:np]
			for _, k := range posTransFeatures(f[:0], uint64(p1), uint64(p2)) {
				m.pos.Add(v, k)
			}
		}
	}
	m.nerTrans = make([]int32, nn*nn*nn)
	for y1 := 0; y1 < nn; y1++ {
		for y2 := 0; y2 < nn; y2++ {
			v := m.nerTrans[(y1*nn+y2)*nn:][:nn]
			for _, k := range nerTransFeatures(f[:0], y1, y2) {
				m.ner.Add(v, k)
			}
		}
	}
	// POS features of the recogniser: pm (np = start), p0, pp (np = end)
	m.nerPOS = make([]int32, (np+1)*np*(np+1)*nn)
	for pm := 0; pm <= np; pm++ {
		for p0 := 0; p0 < np; p0++ {
			for pp := 0; pp <= np; pp++ {
				v := m.nerPOS[((pm*np+p0)*(np+1)+pp)*nn:][:nn]
				for _, k := range nerPOSFeatures(f[:0], posOrEdge(pm, np), uint64(p0), posOrEdge(pp, np)) {
					m.ner.Add(v, k)
				}
			}
		}
	}
}

func posOrEdge(p, np int) uint64 {
	if p == np {
		return 255
	}
	return uint64(p)
}

func (p *Pipeline) getScratch() *scratch {
	select {
	case s := <-p.free:
		return s
	default:
		return newScratch(p.m.res)
	}
}

func (p *Pipeline) putScratch(s *scratch) {
	select {
	case p.free <- s:
	default: // more goroutines than GOMAXPROCS were tagging at once
	}
}

func newPipeline(m *models) *Pipeline {
	m.precompute()
	p := &Pipeline{m: m}
	p.free = make(chan *scratch, runtime.GOMAXPROCS(0)+1)
	return p
}

// scratch holds per-call buffers, reused through a sync.Pool.
type scratch struct {
	lx     lexer
	lexs   []lex
	pos    []uint8
	ner    []uint8
	gaz    []gazBits
	feats  []uint64
	scores []int32
	caps   []bool
	words  []string
	spans  []span
	order  []int // sentences in tagging order (see prepare)
	mem    docMemory
	cache  wordCache
	ents   []int32
	zero   []int32 // zeros: the word vector of an offset outside the sentence
}

// wordCache holds, per word type (and all-caps-sentence flag), the summed
// weights of the features that look only at that word, for each offset
// -2..2 and both taggers: tagging a token then costs five vector additions
// plus the context features, instead of a table look-up per feature.
//
// The cache has two generations: when the current one is full it becomes
// the old one, and a word found only in the old one is copied over rather
// than scored again, so frequent words survive a turnover.
type wordCache struct {
	index, oldIndex map[uint64]int32
	arena, oldArena []int32
	npos, nner      int
	feats           []uint64
}

const wordCacheLimit = 16384 // words per generation

const cacheHead = 6 // dictionary tag, ambiguity class (2 words), 3-letter suffix hash (2 words), caps bucket

func (c *wordCache) reset(m *models) {
	c.npos, c.nner = len(m.pos.Classes), len(m.ner.Classes)
	if c.index == nil {
		c.index = make(map[uint64]int32, wordCacheLimit)
		c.oldIndex = make(map[uint64]int32, wordCacheLimit)
		c.arena = make([]int32, 0, 1024*(cacheHead+5*(c.npos+c.nner)))
	}
	clear(c.index)
	clear(c.oldIndex)
	c.arena = c.arena[:0]
	c.oldArena = c.oldArena[:0]
}

// rotate makes the current generation the old one and starts an empty one.
func (c *wordCache) rotate() {
	c.index, c.oldIndex = c.oldIndex, c.index
	c.arena, c.oldArena = c.oldArena, c.arena
	clear(c.index)
	c.arena = c.arena[:0]
}

// get returns the arena offset of the entry of word (lexical values l,
// without affixes). An entry is a head of cacheHead values (the POS
// dictionary tag or -1; the word's ambiguity class and its 3-letter suffix
// hash, 64 bits each as two int32s; its capitalisation bucket: the lexical
// values the context features need, which prepare leaves unset), then the
// POS vectors for offsets -2..2, then the recogniser's.
func (c *wordCache) get(m *models, lx *lexer, word string, l *lex, caps bool) int32 {
	key := l.word // the normalised form determines every cached feature
	if caps {
		key = mix(key, 1)
	}
	if off, ok := c.index[key]; ok {
		return off
	}
	stride := cacheHead + 5*(c.npos+c.nner)
	if old, ok := c.oldIndex[key]; ok {
		off := len(c.arena)
		c.arena = append(c.arena, c.oldArena[old:int(old)+stride]...)
		c.index[key] = int32(off)
		return int32(off)
	}
	var full lex
	noAffix := lx.noAffix
	lx.noAffix = false
	lx.compute(word, &full)
	lx.noAffix = noAffix
	l = &full
	off := len(c.arena)
	if cap(c.arena)-off < stride {
		c.arena = append(c.arena, make([]int32, stride)...)[:off]
	}
	c.arena = c.arena[:off+stride]
	c.arena[off] = -1
	if tag, ok := m.res.posDict[l.word]; ok {
		c.arena[off] = int32(tag)
	}
	c.arena[off+1], c.arena[off+2] = int32(uint32(l.amb)), int32(uint32(l.amb>>32))
	c.arena[off+3], c.arena[off+4] = int32(uint32(l.suf[2])), int32(uint32(l.suf[2]>>32))
	c.arena[off+5] = int32(l.capsBucket)
	v := c.arena[off+cacheHead : off+stride]
	clear(v)
	for k := -2; k <= 2; k++ {
		c.feats = posWordFeatures(c.feats[:0], l, k, caps)
		pv := v[(k+2)*c.npos : (k+3)*c.npos]
		for _, f := range c.feats {
			m.pos.Add(pv, f)
		}
		c.feats = nerWordFeatures(c.feats[:0], l, k, caps)
		nv := v[5*c.npos+(k+2)*c.nner : 5*c.npos+(k+3)*c.nner]
		for _, f := range c.feats {
			m.ner.Add(nv, f)
		}
	}
	c.index[key] = int32(off)
	return int32(off)
}

// sumVecs sets dst to the sum of seven vectors (each at least len(dst) long)
// in one pass.
func sumVecs(dst, a, b, c, d, e, f, g []int32) {
	n := len(dst)
	a, b, c, d, e, f, g = a[:n], b[:n], c[:n], d[:n], e[:n], f[:n], g[:n]
	for i := range dst {
		dst[i] = a[i] + b[i] + c[i] + d[i] + e[i] + f[i] + g[i]
	}
}

type span struct{ first, last int }

func newScratch(res *resources) *scratch {
	return &scratch{lx: lexer{res: res, norm: make([]byte, 0, 64), low: make([]byte, 0, 64), shape: make([]byte, 0, 64)},
		feats: make([]uint64, 0, 128), scores: make([]int32, 64),
		mem: docMemory{flags: map[uint64]uint16{}, hist: map[uint64][5]uint16{}}}
}

// prepare computes lexical values, all-caps sentence flags and document
// memory. Without affixes, pre/suf are left for wordCache.get to fill.
func (s *scratch) prepare(words []string, spans []span, affixes bool) {
	s.lx.noAffix = !affixes
	n := len(words)
	s.lexs = grow(s.lexs, n)
	s.pos = grow(s.pos, n)
	s.ner = grow(s.ner, n)
	s.gaz = grow(s.gaz, n)
	s.caps = grow(s.caps, len(spans))
	for i, w := range words {
		s.lx.compute(w, &s.lexs[i])
	}
	clear(s.mem.flags)
	clear(s.mem.hist)
	// Sentences are tagged in text order, except that headlines come last,
	// so that their words can use what the body said about them (document
	// memory): first a headline line without final punctuation opening the
	// document (BBC style), then all-capitals sentences (CoNLL style).
	s.order = s.order[:0]
	head := -1
	if len(spans) > 1 && spans[0].last-spans[0].first > 1 && !isCapsSentence(s.lexs[spans[0].first:spans[0].last]) {
		if l := &s.lexs[spans[0].last-1]; l.flags&fPunct == 0 {
			head = 0
		}
	}
	for k := range spans {
		if k != head && !isCapsSentence(s.lexs[spans[k].first:spans[k].last]) {
			s.order = append(s.order, k)
		}
	}
	if head >= 0 {
		s.order = append(s.order, head)
	}
	for k := range spans {
		if isCapsSentence(s.lexs[spans[k].first:spans[k].last]) {
			s.order = append(s.order, k)
		}
	}
	for k, sp := range spans {
		lexs := s.lexs[sp.first:sp.last]
		s.caps[k] = isCapsSentence(lexs)
		for i := range lexs {
			l := &lexs[i]
			if l.nletters == 0 {
				continue
			}
			switch {
			case l.flags&fAllCaps != 0:
				if l.nletters > 1 {
					s.mem.flags[l.lower] |= dfCaps
				}
			case l.flags&fCapInit != 0:
				if i > 0 && !s.caps[k] {
					s.mem.flags[l.lower] |= dfTitle
				}
			default:
				s.mem.flags[l.lower] |= dfLower
			}
		}
		if !s.caps[k] {
			s.contextFlags(lexs)
		}
	}
}

var (
	hIn   = fnvString("in")
	hAt   = fnvString("at")
	hFrom = fnvString("from")
	hNear = fnvString("near")
)

// contextFlags records, for the capitalised words of one sentence, the
// contexts that hint at their type wherever they occur in the document
// (Ratinov & Roth's context aggregation, from surface cues alone).
func (s *scratch) contextFlags(lexs []lex) {
	g := loadGazetteer()
	single := func(l *lex) uint16 { return g.phrases[mix(phraseSeed, l.lower)] }
	capd := func(l *lex) bool { return l.flags&fCapInit != 0 && l.nletters > 0 }
	for i := 1; i < len(lexs); i++ {
		if !capd(&lexs[i]) || single(&lexs[i])&(1<<gazTitle) != 0 || capd(&lexs[i-1]) && single(&lexs[i-1])&(1<<gazTitle) == 0 {
			continue // not the start of a capitalised run (titles are not part of one)
		}
		j := i + 1
		for j < len(lexs) && capd(&lexs[j]) {
			j++
		}
		var fl uint16
		prev := &lexs[i-1]
		if single(prev)&(1<<gazTitle) != 0 {
			fl |= dfAfterTitle
		}
		if p := prev.lower; p == hIn || p == hAt || p == hFrom || p == hNear {
			fl |= dfAfterLocPrep
		}
		if j-1 > i && single(&lexs[j-1])&(1<<gazCompanySuffix) != 0 {
			fl |= dfBeforeSuffix
		}
		if j-i >= 2 {
			fl |= dfInRun
			if single(&lexs[i])&(1<<gazFirstName) != 0 {
				fl |= dfNameRun
			}
		}
		if fl != 0 {
			for k := i; k < j; k++ {
				if fl&dfAfterTitle != 0 && k != i && k != j-1 {
					s.mem.flags[lexs[k].lower] |= fl &^ dfAfterTitle
					continue
				}
				s.mem.flags[lexs[k].lower] |= fl
			}
		}
		i = j - 1
	}
}

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/4)
	}
	return b[:n]
}

// isCapsSentence reports a headline-style sentence: no lower-case letters and
// at least one all-capitals word of two letters or more.
func isCapsSentence(lexs []lex) bool {
	caps := false
	for i := range lexs {
		f := lexs[i].flags
		if f&fHasLower != 0 {
			return false
		}
		if f&fAllCaps != 0 && lexs[i].nletters > 1 {
			caps = true
		}
	}
	return caps
}

// remember records the recogniser's decision for a capitalised token.
func (mem *docMemory) remember(l *lex, class int) {
	if l.flags&(fCapInit|fAllCaps) == 0 || l.nletters == 0 {
		return
	}
	h := mem.hist[l.lower]
	t := 0
	if class != 0 {
		t = nerType(class) + 1
	}
	if h[t] < 65535 {
		h[t]++
	}
	mem.hist[l.lower] = h
}

// tagDoc POS-tags and recognises entities in one document.
func (p *Pipeline) tagDoc(s *scratch, words []string, spans []span) {
	s.prepare(words, spans, false)
	m := p.m
	npos := len(m.pos.Classes)
	nner := len(m.ner.Classes)
	if cap(s.scores) < max(npos, nner) {
		s.scores = make([]int32, max(npos, nner))
	}
	if len(s.zero) < max(npos, nner) {
		s.zero = make([]int32, max(npos, nner))
	}
	c := &s.cache
	if c.index == nil || c.npos != npos || c.nner != nner {
		c.reset(m)
	}
	for _, k := range s.order {
		sp := spans[k]
		ctx := sentCtx{lexs: s.lexs[sp.first:sp.last], capsSent: s.caps[k]}
		n := len(ctx.lexs)
		if len(c.index)+n > wordCacheLimit {
			c.rotate()
		}
		s.ents = grow(s.ents, n)
		ents := s.ents
		for i := range ctx.lexs {
			e := c.get(m, &s.lx, words[sp.first+i], &ctx.lexs[i], ctx.capsSent)
			ents[i] = e
			ctx.lexs[i].amb = uint64(uint32(c.arena[e+1])) | uint64(uint32(c.arena[e+2]))<<32
			ctx.lexs[i].suf[2] = uint64(uint32(c.arena[e+3])) | uint64(uint32(c.arena[e+4]))<<32
			ctx.lexs[i].capsBucket = uint8(c.arena[e+5])
		}
		pos := s.pos[sp.first:sp.last]
		// part of speech
		var p1, p2 uint64
		for i := range ctx.lexs {
			tag := uint8(c.arena[ents[i]])
			if c.arena[ents[i]] < 0 {
				sc := s.scores[:npos]
				s.feats = posContextFeatures(s.feats[:0], &ctx, i, p1, p2)
				var v [5][]int32
				for k := -2; k <= 2; k++ {
					if j := i + k; j >= 0 && j < n {
						o := int(ents[j]) + cacheHead + (k+2)*npos
						v[k+2] = c.arena[o : o+npos]
					} else {
						v[k+2] = s.zero
						s.feats = posBoundaryFeatures(s.feats, k)
					}
				}
				sumVecs(sc, m.posTrans[(int(p1)*(npos+1)+int(p2))*npos:], v[0], v[1], v[2], v[3], v[4], s.zero)
				m.pos.AddAll(sc, s.feats)
				tag = uint8(argmax(sc))
			}
			pos[i] = tag
			p2, p1 = p1, uint64(tag)+1
		}
		// entities
		gaz := s.gaz[sp.first:sp.last]
		m.gaz.match(ctx.lexs, gaz)
		ner := s.ner[sp.first:sp.last]
		y1, y2 := 0, 0
		for i := range ctx.lexs {
			if nerSkip(&ctx.lexs[i], y1) {
				ner[i] = 0
				y2, y1 = y1, 0
				continue
			}
			sc := s.scores[:nner]
			pm, pp := npos, npos
			if i > 0 {
				pm = int(pos[i-1])
			}
			if i+1 < n {
				pp = int(pos[i+1])
			}
			s.feats = nerContextFeatures(s.feats[:0], &ctx, i, gaz, y1, &s.mem)
			var v [5][]int32
			for k := -2; k <= 2; k++ {
				if j := i + k; j >= 0 && j < n {
					o := int(ents[j]) + cacheHead + 5*npos + (k+2)*nner
					v[k+2] = c.arena[o : o+nner]
				} else {
					v[k+2] = s.zero
					s.feats = nerBoundaryFeatures(s.feats, k)
				}
			}
			sumVecs(sc, m.nerTrans[(y1*nner+y2)*nner:], v[0], v[1], v[2], v[3], v[4],
				m.nerPOS[((pm*npos+int(pos[i]))*(npos+1)+pp)*nner:])
			m.ner.AddAll(sc, s.feats)
			cl, prev := decide(sc, y1, i == n-1)
			if prev != y1 {
				ner[i-1] = uint8(prev)
				y1 = prev
			}
			ner[i] = uint8(cl)
			s.mem.remember(&ctx.lexs[i], cl)
			y2, y1 = y1, cl
		}
		dropHonorifics(words[sp.first:sp.last], ner)
	}
}

// honorifics are not part of a person's name (CoNLL-2003 tags "Mr." O; BBC
// writes "Mr Straw", which the training data hardly has).
var honorifics = map[string]bool{"Mr": true, "Mr.": true, "Mrs": true, "Mrs.": true, "Ms": true, "Ms.": true,
	"Dr": true, "Dr.": true, "Miss": true, "Mx": true, "Mx.": true, "Prof": true, "Prof.": true,
	"MR": true, "MRS": true, "DR": true}

// dropHonorifics moves a person's name that starts with an honorific to
// start after it: B-PER L-PER becomes O U-PER, B-PER I-PER.. becomes O B-PER..
func dropHonorifics(words []string, ner []uint8) {
	for i, c := range ner {
		if c == 0 || nerType(int(c)) != 0 || nerPos(int(c)) != bilouB || !honorifics[words[i]] || i+1 >= len(ner) {
			continue
		}
		ner[i] = 0
		switch next := int(ner[i+1]); nerPos(next) {
		case bilouL:
			ner[i+1] = uint8(nerClass(0, bilouU))
		case bilouI:
			ner[i+1] = uint8(nerClass(0, bilouB))
		}
	}
}

// Process tokenizes text, splits it into sentences, tags parts of speech and
// recognises entities. The whole text is one document for the recogniser's
// document-level features. Safe to call from many goroutines.
func (p *Pipeline) Process(text string) *Doc {
	toks := Tokenize(text)
	sents := SplitSentences(text, toks)
	doc := &Doc{Text: text, Tokens: toks, Sentences: sents}
	if len(toks) == 0 {
		return doc
	}
	s := p.getScratch()
	defer p.putScratch(s)
	s.words = grow(s.words, len(toks))
	for i := range toks {
		s.words[i] = toks[i].Text
	}
	s.spans = s.spans[:0]
	for _, st := range sents {
		s.spans = append(s.spans, span{st.First, st.Last})
	}
	p.tagDoc(s, s.words, s.spans)
	for i := range toks {
		toks[i].POS = p.m.pos.Classes[s.pos[i]]
		toks[i].NER = nerIOB2[s.ner[i]]
	}
	for _, sp := range entitySpans(s.ner[:len(toks)]) {
		doc.Entities = append(doc.Entities, Entity{First: sp.first, Last: sp.last,
			Start: toks[sp.first].Start, End: toks[sp.last-1].End, Type: nerTypes[sp.typ],
			Text: text[toks[sp.first].Start:toks[sp.last-1].End]})
	}
	for i := range s.words {
		s.words[i] = ""
	}
	return doc
}

type typedSpan struct{ first, last, typ int }

// entitySpans decodes BILOU classes (tolerating invalid sequences).
func entitySpans(classes []uint8) []typedSpan {
	var out []typedSpan
	open := -1
	for i, c := range classes {
		if c == 0 {
			open = -1
			continue
		}
		t, p := nerType(int(c)), nerPos(int(c))
		if open >= 0 && out[open].typ == t && (p == bilouI || p == bilouL) {
			out[open].last = i + 1
		} else {
			out = append(out, typedSpan{i, i + 1, t})
			open = len(out) - 1
		}
		if p == bilouL || p == bilouU {
			open = -1
		}
	}
	return out
}

// TagTokens tags one pre-tokenized sentence, treated as a document of its
// own. It returns Penn Treebank POS tags and IOB2 entity tags.
func (p *Pipeline) TagTokens(words []string) (pos, ner []string) {
	ps, ns := p.TagDocument([][]string{words})
	return ps[0], ns[0]
}

// TagDocument tags a pre-tokenized document given as sentences of words
// (such as one CoNLL -DOCSTART- document); the recogniser uses what it saw
// earlier in the document. It returns POS tags and IOB2 entity tags.
func (p *Pipeline) TagDocument(sents [][]string) (pos, ner [][]string) {
	s := p.getScratch()
	defer p.putScratch(s)
	s.words = s.words[:0]
	s.spans = s.spans[:0]
	for _, ws := range sents {
		s.spans = append(s.spans, span{len(s.words), len(s.words) + len(ws)})
		s.words = append(s.words, ws...)
	}
	p.tagDoc(s, s.words, s.spans)
	pos = make([][]string, len(sents))
	ner = make([][]string, len(sents))
	for k, sp := range s.spans {
		pos[k] = make([]string, sp.last-sp.first)
		ner[k] = make([]string, sp.last-sp.first)
		for i := sp.first; i < sp.last; i++ {
			pos[k][i-sp.first] = p.m.pos.Classes[s.pos[i]]
			ner[k][i-sp.first] = nerIOB2[s.ner[i]]
		}
	}
	clear(s.words)
	return pos, ner
}

// ModelInfo describes the loaded models.
type ModelInfo struct {
	POSTags, POSFeatures, POSWeights int
	NERFeatures, NERWeights          int
	LexiconWords, POSDictWords       int
}

// Info reports model sizes.
func (p *Pipeline) Info() ModelInfo {
	return ModelInfo{POSTags: len(p.m.pos.Classes), POSFeatures: p.m.pos.NumFeatures(), POSWeights: p.m.pos.NumWeights(),
		NERFeatures: p.m.ner.NumFeatures(), NERWeights: p.m.ner.NumWeights(),
		LexiconWords: len(p.m.res.words), POSDictWords: len(p.m.res.posDict)}
}

const lexiconMagic = "KGLX\x02"

// encodeLexicon writes word statistics and the POS tag dictionary, sorted by
// key so that the bytes are deterministic.
func encodeLexicon(res *resources) []byte {
	out := []byte(lexiconMagic)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(res.words)))
	for _, k := range sortedKeys(res.words) {
		w := res.words[k]
		out = binary.LittleEndian.AppendUint64(out, k)
		out = binary.LittleEndian.AppendUint32(out, w.cluster)
		out = append(out, w.clen, w.capsBucket)
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(len(res.posDict)))
	for _, k := range sortedKeys(res.posDict) {
		out = binary.LittleEndian.AppendUint64(out, k)
		out = append(out, res.posDict[k])
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(len(res.amb)))
	for _, k := range sortedKeys(res.amb) {
		out = binary.LittleEndian.AppendUint64(out, k)
		out = binary.LittleEndian.AppendUint64(out, res.amb[k])
	}
	return out
}

func decodeLexicon(b []byte) (*resources, error) {
	bad := errors.New("corrupt lexicon")
	if len(b) < len(lexiconMagic)+4 || string(b[:len(lexiconMagic)]) != lexiconMagic {
		return nil, bad
	}
	b = b[len(lexiconMagic):]
	n := int(binary.LittleEndian.Uint32(b))
	b = b[4:]
	if len(b) < n*14+4 {
		return nil, bad
	}
	res := &resources{words: make(map[uint64]wordInfo, n)}
	for i := 0; i < n; i++ {
		res.words[binary.LittleEndian.Uint64(b)] = wordInfo{cluster: binary.LittleEndian.Uint32(b[8:]), clen: b[12], capsBucket: b[13]}
		b = b[14:]
	}
	n = int(binary.LittleEndian.Uint32(b))
	b = b[4:]
	if len(b) < n*9+4 {
		return nil, bad
	}
	res.posDict = make(map[uint64]uint8, n)
	for i := 0; i < n; i++ {
		res.posDict[binary.LittleEndian.Uint64(b)] = b[8]
		b = b[9:]
	}
	n = int(binary.LittleEndian.Uint32(b))
	b = b[4:]
	if len(b) != n*16 {
		return nil, bad
	}
	res.amb = make(map[uint64]uint64, n)
	for i := 0; i < n; i++ {
		res.amb[binary.LittleEndian.Uint64(b)] = binary.LittleEndian.Uint64(b[8:])
		b = b[16:]
	}
	return res, nil
}
