// Package nlp is newsgraph's own natural-language front end for news English:
// a rule-based tokenizer and sentence splitter, and an averaged-perceptron
// part-of-speech tagger and named-entity recogniser trained on CoNLL-2003.
// The trained models are embedded in the binary (see model/ and the README).
package nlp

// Token is one word or punctuation mark; offsets are byte offsets into the text given.
type Token struct {
	Text       string
	Start, End int
	POS        string // Penn Treebank tag (filled by the tagger)
	NER        string // IOB2 tag such as "B-PER", "I-ORG", "O" (filled by the recogniser)
}

// Sentence is a half-open range of token indexes [First, Last) plus its byte range.
type Sentence struct{ First, Last, Start, End int }

// Entity is a recognised name: token range [First, Last), byte range, type PER|ORG|LOC|MISC.
type Entity struct {
	First, Last, Start, End int
	Type, Text              string
}

// Doc is a text with the annotations of every stage (Pipeline.Process).
type Doc struct {
	Text      string
	Tokens    []Token
	Sentences []Sentence
	Entities  []Entity
}

// SentenceOf returns the index of the sentence holding token i, or -1.
func (d *Doc) SentenceOf(i int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sentences[m]; {
		case i < s.First:
			hi = m
		case i >= s.Last:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}
