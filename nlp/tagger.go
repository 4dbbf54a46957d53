package nlp

import (
	"github.com/newsgraph/kg/nlp/perceptron"
)

// Feature template ids (any distinct constants; changing one invalidates models).
const (
	tBias uint64 = iota + 1000
	tPSuf
	tPPre
	tPLower
	tPWord
	tPShape
	tPPrev
	tPPrev2
	tPPrevPair
	tPPrevWord
	tPLowerM1
	tPSuf3M1
	tPLowerM2
	tPLowerP1
	tPSuf3P1
	tPLowerP2
	tPShapeP1
	tPFirstCap
	tPCluster
	tPCaps
	tPFlags
	tPRaw
	tPBigram
	tPBigram2
	tPShapeM1
	tPCapsLower
	tPCapsSuf
	tPFirstBucket

	tNWord
	tNLower
	tNLowerAt // + offset
	tNWordAt
	tNShapeAt
	tNShapePair
	tNShapePair2
	tNPre
	tNSuf
	tNPos
	tNPosAt
	tNPrev
	tNPrevPair
	tNPrevWord
	tNPrevShape
	tNBigram
	tNBigram2
	tNFirst
	tNGazU
	tNGazB
	tNGazI
	tNGazAt
	tNHist
	tNHistCaps
	tNDocLow
	tNDocTitle
	tNCapsLower
	tNCluster
	tNClusterAt
	tNCapsBucket
	tNCapsBucketAt
	tNFlags
	tNFlagsAt
	tNPrevLower
	tNNextCap
	tNLen
	tNDocCtx

	// POS templates added after the recogniser's (whose ids stay as they were)
	tPHyLast
	tPHySuf
	tPPrevNext
	tPPrevSuf
	tPAmb
	tPAmb3
	tPUnk
)

var (
	hStart  = fnvString("-START-")
	hStart2 = fnvString("-START2-")
	hEnd    = fnvString("-END-")
	hEnd2   = fnvString("-END2-")
)

// sentence-level context passed to feature functions
type sentCtx struct {
	lexs     []lex // tokens of the sentence
	capsSent bool
}

// word-level value at offset k from i, with boundary markers.
func (c *sentCtx) lowerAt(i, k int) uint64 {
	j := i + k
	if j < 0 {
		if j == -1 {
			return hStart
		}
		return hStart2
	}
	if j >= len(c.lexs) {
		if j == len(c.lexs) {
			return hEnd
		}
		return hEnd2
	}
	return c.lexs[j].lower
}

func (c *sentCtx) shapeAt(i, k int) uint64 {
	j := i + k
	if j < 0 || j >= len(c.lexs) {
		return c.lowerAt(i, k)
	}
	return c.lexs[j].shape
}

// The feature set of each tagger is split in two: features that look at one
// word at a fixed offset from the token being tagged (-2..2), whose summed
// weights depend only on that word and can be cached per word type, and
// context features (previous tags, word pairs, gazetteer, document memory).
// Training uses exactly the same functions, so the two paths agree.

// boundary markers for offsets outside the sentence
func boundary(k int) uint64 {
	switch k {
	case -1:
		return hStart
	case -2:
		return hStart2
	case 1:
		return hEnd
	}
	return hEnd2
}

// posWordFeatures appends the POS features that look only at word l at offset k.
func posWordFeatures(f []uint64, l *lex, k int, caps bool) []uint64 {
	switch k {
	case 0:
		f = append(f,
			feat2(tPSuf, 1, l.suf[0]), feat2(tPSuf, 2, l.suf[1]), feat2(tPSuf, 3, l.suf[2]), feat2(tPSuf, 4, l.suf[3]),
			feat2(tPPre, 1, l.pre[0]), feat2(tPPre, 2, l.pre[1]), feat2(tPPre, 3, l.pre[2]),
			feat1(tPLower, l.lower),
			feat1(tPWord, l.word),
			feat1(tPShape, l.shape),
			feat2(tPFlags, uint64(l.flags), b2u(caps)),
		)
		if l.clen > 0 {
			f = append(f, feat2(tPCluster, 1, uint64(l.cluster>>16)), feat2(tPCluster, 2, uint64(l.cluster&0xffff)))
		}
		if l.capsBucket > 0 {
			f = append(f, feat2(tPCaps, uint64(l.capsBucket), uint64(l.flags&(fCapInit|fAllCaps))))
		}
		if caps {
			f = append(f, feat1(tPCapsLower, l.lower), feat1(tPCapsSuf, l.suf[2]))
		}
		if l.hyLast != 0 {
			f = append(f, feat1(tPHyLast, l.hyLast), feat1(tPHySuf, l.hySuf))
		}
	case -1:
		f = append(f, feat1(tPLowerM1, l.lower), feat1(tPSuf3M1, l.suf[2]), feat1(tPShapeM1, l.shape))
	case -2:
		f = append(f, feat1(tPLowerM2, l.lower))
	case 1:
		f = append(f, feat1(tPLowerP1, l.lower), feat1(tPSuf3P1, l.suf[2]), feat1(tPShapeP1, l.shape))
	case 2:
		f = append(f, feat1(tPLowerP2, l.lower))
	}
	return f
}

// posBoundaryFeatures appends the offset-k features when k is outside the sentence.
func posBoundaryFeatures(f []uint64, k int) []uint64 {
	h := boundary(k)
	switch k {
	case -1:
		f = append(f, feat1(tPLowerM1, h), feat1(tPSuf3M1, h), feat1(tPShapeM1, h))
	case -2:
		f = append(f, feat1(tPLowerM2, h))
	case 1:
		f = append(f, feat1(tPLowerP1, h), feat1(tPSuf3P1, h), feat1(tPShapeP1, h))
	case 2:
		f = append(f, feat1(tPLowerP2, h))
	}
	return f
}

// posTransFeatures appends the features of the previous two tags alone (tag
// index + 1, 0 = sentence start); their sums are precomputed per pair.
func posTransFeatures(f []uint64, p1, p2 uint64) []uint64 {
	return append(f, tBias, feat1(tPPrev, p1), feat1(tPPrev2, p2), feat2(tPPrevPair, p1, p2))
}

// ambAt returns the ambiguity class of the word at offset k from i, or a
// boundary marker.
func (c *sentCtx) ambAt(i, k int) uint64 {
	if j := i + k; j >= 0 && j < len(c.lexs) {
		return c.lexs[j].amb
	}
	return 1 << 63
}

// posContextFeatures appends the other features that depend on the
// previous tag or the position.
//
// The CoNLL-2003 POS column was made by the MBT tagger (memory-based,
// greedy), whose features for a known word are the tags already given to
// the words on its left, the word's ambiguity class (the set of tags it had
// in training) and the ambiguity classes of the words on its right; for an
// unknown word, its suffix, capitalisation and the same context. The
// ambiguity-class conjunctions below imitate that, with classes from CoNLL
// train (ambMinCount).
func posContextFeatures(f []uint64, c *sentCtx, i int, p1, p2 uint64) []uint64 {
	l := &c.lexs[i]
	f = append(f, feat1(tPRaw, l.raw), feat2(tPPrevWord, p1, l.lower), feat2(tPBigram, c.lowerAt(i, -1), l.lower), feat2(tPBigram2, l.lower, c.lowerAt(i, 1)))
	if i == 0 {
		f = append(f, feat1(tPFirstCap, uint64(l.flags&fCapInit)), feat2(tPFirstBucket, uint64(l.capsBucket), uint64(l.flags&(fCapInit|fAllCaps))))
	}
	next := c.ambAt(i, 1)
	f = append(f,
		feat2(tPPrevNext, p1, c.lowerAt(i, 1)),
		feat2(tPPrevSuf, p1, l.suf[2]),
		feat2(tPAmb, p1, mix(l.amb, next)),
		feat2(tPAmb3, p1, mix(mix(c.ambAt(i, -1), l.amb), next)),
	)
	if l.amb == 0 { // rare or unknown word
		first := b2u(i == 0) << 8
		f = append(f,
			feat2(tPUnk, p1, mix(l.suf[2], next)),
			feat2(tPUnk, 1<<32, mix(l.suf[2], next)),
			feat2(tPUnk, 2<<32|p1, mix(l.shape, next)),
			feat2(tPUnk, 3<<32|first|uint64(l.flags&(fCapInit|fAllCaps)), next),
			feat2(tPUnk, 4<<32|first|p1, l.suf[2]),
		)
	}
	return f
}

// posFeatures appends all POS features of token i (the training path).
func posFeatures(f []uint64, c *sentCtx, i int, p1, p2 uint64) []uint64 {
	f = posTransFeatures(f, p1, p2)
	f = posContextFeatures(f, c, i, p1, p2)
	for k := -2; k <= 2; k++ {
		if j := i + k; j >= 0 && j < len(c.lexs) {
			f = posWordFeatures(f, &c.lexs[j], k, c.capsSent)
		} else {
			f = posBoundaryFeatures(f, k)
		}
	}
	return f
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// NER classes: O, then B/I/L/U for each type.
var nerTypes = [...]string{"PER", "ORG", "LOC", "MISC"}

const (
	bilouB = iota
	bilouI
	bilouL
	bilouU
)

func nerClass(typ, pos int) int { return 1 + typ*4 + pos }
func nerType(c int) int         { return (c - 1) / 4 } // -1 for O
func nerPos(c int) int          { return (c - 1) % 4 }

var nerClasses, nerIOB2 []string

func init() {
	nerClasses = []string{"O"}
	nerIOB2 = []string{"O"}
	for _, t := range nerTypes {
		for _, p := range []string{"B", "I", "L", "U"} {
			nerClasses = append(nerClasses, p+"-"+t)
			iob := "I-" + t
			if p == "B" || p == "U" {
				iob = "B-" + t
			}
			nerIOB2 = append(nerIOB2, iob)
		}
	}
}

// allowed reports whether class c may follow class prev (0 = O or start) in
// BILOU, and whether it may end a sentence.
func allowed(prev, c int, last bool) bool {
	open := prev != 0 && (nerPos(prev) == bilouB || nerPos(prev) == bilouI)
	if c == 0 {
		return !open
	}
	p := nerPos(c)
	if open {
		return nerType(c) == nerType(prev) && (p == bilouI || p == bilouL) && (!last || p == bilouL)
	}
	if p == bilouI || p == bilouL {
		return false
	}
	return !last || p == bilouU
}

// gazetteer bit masks per token
type gazBits struct{ u, b, i uint16 }

// doc-level memory for the recogniser
type docMemory struct {
	flags map[uint64]uint16    // lower hash -> dfLower|dfTitle|dfCaps
	hist  map[uint64][5]uint16 // lower hash -> counts of O,PER,ORG,LOC,MISC given to capitalised occurrences
}

const (
	dfLower = 1 << iota
	dfTitle
	dfCaps
	// contexts of the word's capitalised occurrences anywhere in the document
	dfAfterTitle   // right after a title or honorific, or ending a name that follows one
	dfAfterLocPrep // right after in/at/from/near
	dfBeforeSuffix // in a capitalised run followed by a company suffix
	dfInRun        // in a run of two or more capitalised words
	dfNameRun      // in a run that starts with a known first name ("Tony Blair" -> blair)
	dfBasic        = dfLower | dfTitle | dfCaps
)

// nerWordFeatures appends the recogniser's features that look only at word l at offset k.
func nerWordFeatures(f []uint64, l *lex, k int, caps bool) []uint64 {
	switch k {
	case 0:
		f = append(f,
			feat1(tNWord, l.word),
			feat2(tNLower, l.lower, b2u(caps)),
			feat2(tNShapeAt, 10, l.shape),
			feat2(tNPre, 1, l.pre[0]), feat2(tNPre, 2, l.pre[1]), feat2(tNPre, 3, l.pre[2]), feat2(tNPre, 4, l.pre[3]),
			feat2(tNSuf, 1, l.suf[0]), feat2(tNSuf, 2, l.suf[1]), feat2(tNSuf, 3, l.suf[2]), feat2(tNSuf, 4, l.suf[3]),
			feat2(tNFlags, uint64(l.flags), b2u(caps)),
			feat2(tNLen, uint64(min(l.nletters, 12)), uint64(l.flags&(fCapInit|fAllCaps))),
		)
		if l.clen > 0 {
			f = append(f, feat2(tNCluster, 1, uint64(l.cluster>>16)), feat2(tNCluster, 2, uint64(l.cluster&0xffff)),
				feat2(tNCluster, 3, uint64(l.cluster&0xffff)<<8|uint64(l.flags&(fCapInit|fAllCaps))))
		}
	case -1, 1:
		o := uint64(10 + k)
		f = append(f, feat2(tNLowerAt, o, l.lower), feat2(tNWordAt, o, l.word), feat2(tNShapeAt, o, l.shape),
			feat2(tNFlagsAt, o, uint64(l.flags)))
		if l.clen > 0 {
			f = append(f, feat2(tNClusterAt, o<<32|1, uint64(l.cluster>>16)), feat2(tNClusterAt, o<<32|2, uint64(l.cluster&0xffff)))
		}
		if k == -1 {
			f = append(f, feat2(tNCapsBucketAt, 9, uint64(l.capsBucket)))
		}
	case -2, 2:
		f = append(f, feat2(tNLowerAt, uint64(10+k), l.lower))
	}
	return f
}

// nerBoundaryFeatures appends the offset-k features when k is outside the sentence.
func nerBoundaryFeatures(f []uint64, k int) []uint64 {
	h := boundary(k)
	o := uint64(10 + k)
	switch k {
	case -1, 1:
		f = append(f, feat2(tNLowerAt, o, h), feat2(tNWordAt, o, h), feat2(tNShapeAt, o, h))
	case -2, 2:
		f = append(f, feat2(tNLowerAt, o, h))
	}
	return f
}

// nerTransFeatures appends the features of the previous two labels alone.
func nerTransFeatures(f []uint64, y1, y2 int) []uint64 {
	return append(f, tBias, feat1(tNPrev, uint64(y1)), feat2(tNPrevPair, uint64(y1), uint64(y2)))
}

// nerPOSFeatures appends the features of the POS tags of the previous (pm,
// 255 at the start), current (p0) and next (pp, 255 at the end) token.
func nerPOSFeatures(f []uint64, pm, p0, pp uint64) []uint64 {
	return append(f, feat1(tNPos, p0), feat2(tNPosAt, 9, pm), feat2(tNPosAt, 11, pp), feat2(tNPosAt, 12, pm<<8|p0))
}

func posAround(pos []uint8, i int) (pm, p0, pp uint64) {
	p0 = uint64(pos[i])
	pm, pp = 255, 255
	if i > 0 {
		pm = uint64(pos[i-1])
	}
	if i+1 < len(pos) {
		pp = uint64(pos[i+1])
	}
	return
}

// nerSkip reports a token the recogniser labels O without scoring it: no
// entity is open and it has no capital letter or digit (lower-case words
// and punctuation; fewer than 0.3% of CoNLL entities start with one).
func nerSkip(l *lex, y1 int) bool {
	return (y1 == 0 || nerPos(y1) == bilouL || nerPos(y1) == bilouU) && l.flags&(fCapInit|fAllCaps|fMixed|fHasDigit) == 0
}

// nerContextFeatures appends the other features that depend on the previous
// label, word pairs, gazetteer matches and the document memory.
func nerContextFeatures(f []uint64, c *sentCtx, i int, gaz []gazBits, y1 int, mem *docMemory) []uint64 {
	l := &c.lexs[i]
	caps := b2u(c.capsSent)
	f = append(f,
		feat2(tNPrevWord, uint64(y1), l.lower),
		feat2(tNPrevShape, uint64(y1), l.shape),
		feat2(tNBigram, c.lowerAt(i, -1), l.lower),
		feat2(tNBigram2, l.lower, c.lowerAt(i, 1)),
		feat2(tNShapePair, c.shapeAt(i, -1), l.shape),
		feat2(tNShapePair2, l.shape, c.shapeAt(i, 1)),
		feat2(tNCapsBucket, uint64(l.capsBucket), uint64(l.flags&(fCapInit|fAllCaps))|caps<<8|b2u(i == 0)<<9),
	)
	if i == 0 {
		f = append(f, feat1(tNFirst, uint64(l.flags&(fCapInit|fAllCaps))))
	}
	g := gaz[i]
	for b := g.u; b != 0; b &= b - 1 {
		f = append(f, feat1(tNGazU, uint64(tz(b))))
	}
	for b := g.b; b != 0; b &= b - 1 {
		f = append(f, feat1(tNGazB, uint64(tz(b))))
	}
	for b := g.i; b != 0; b &= b - 1 {
		f = append(f, feat1(tNGazI, uint64(tz(b))))
	}
	if i > 0 {
		if gm := gaz[i-1]; gm.u|gm.b|gm.i != 0 {
			f = append(f, feat2(tNGazAt, 9, uint64(gm.u|gm.b|gm.i)))
		}
	}
	if i+1 < len(gaz) {
		if gp := gaz[i+1]; gp.u|gp.b|gp.i != 0 {
			f = append(f, feat2(tNGazAt, 11, uint64(gp.u|gp.b|gp.i)))
		}
	}
	if mem != nil && l.flags&(fCapInit|fAllCaps) != 0 {
		df := mem.flags[l.lower]
		f = append(f, feat2(tNDocLow, uint64(df&dfBasic), caps<<1|b2u(i == 0)))
		for b := df &^ dfBasic; b != 0; b &= b - 1 {
			f = append(f, feat2(tNDocCtx, uint64(b&-b), uint64(l.flags&(fCapInit|fAllCaps))))
		}
		if h, ok := mem.hist[l.lower]; ok {
			best, bn, tot := 0, uint16(0), uint16(0)
			for t, n := range h {
				tot += n
				if n > bn {
					best, bn = t, n
				}
			}
			if tot > 0 {
				f = append(f, feat1(tNHist, uint64(best)), feat2(tNHistCaps, uint64(best), caps<<1|b2u(i == 0)))
			}
		}
		if c.capsSent {
			f = append(f, feat2(tNCapsLower, l.lower, uint64(df)))
		}
	}
	return f
}

// nerFeatures appends all of the recogniser's features for token i (the training path).
func nerFeatures(f []uint64, c *sentCtx, i int, pos []uint8, gaz []gazBits, y1, y2 int, mem *docMemory) []uint64 {
	f = nerTransFeatures(f, y1, y2)
	pm, p0, pp := posAround(pos, i)
	f = nerPOSFeatures(f, pm, p0, pp)
	f = nerContextFeatures(f, c, i, gaz, y1, mem)
	for k := -2; k <= 2; k++ {
		if j := i + k; j >= 0 && j < len(c.lexs) {
			f = nerWordFeatures(f, &c.lexs[j], k, c.capsSent)
		} else {
			f = nerBoundaryFeatures(f, k)
		}
	}
	return f
}

func tz(b uint16) int {
	n := 0
	for b&1 == 0 {
		b >>= 1
		n++
	}
	return n
}

// decide picks a token's class from its scores given the previous class
// y1. When an entity is open but the model's own best class cannot continue
// it (O, or the start of another entity), the entity is closed at the
// previous token (B -> U, I -> L) instead of being dragged over the token
// by the BILOU constraints; prev is then the previous token's new class.
func decide[T int32 | float32](sc []T, y1 int, last bool) (cl, prev int) {
	if y1 != 0 && (nerPos(y1) == bilouB || nerPos(y1) == bilouI) {
		if best := argmax(sc); best == 0 || nerPos(best) == bilouB || nerPos(best) == bilouU {
			prev = nerClass(nerType(y1), bilouU)
			if nerPos(y1) == bilouI {
				prev = nerClass(nerType(y1), bilouL)
			}
			return argmaxAllowed(sc, prev, last), prev
		}
	}
	return argmaxAllowed(sc, y1, last), y1
}

// argmaxAllowed returns the best class allowed after prev.
func argmaxAllowed[T int32 | float32](scores []T, prev int, last bool) int {
	best := -1
	for c := range scores {
		if !allowed(prev, c, last) {
			continue
		}
		if best < 0 || scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

func argmax[T int32 | float32](scores []T) int {
	best := 0
	for c := range scores {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

// models bundles the trained parts.
type models struct {
	pos *perceptron.Model
	ner *perceptron.Model
	res *resources
	gaz *gazetteer
	// precomputed sums (see precompute)
	posTrans, nerTrans, nerPOS []int32
}
