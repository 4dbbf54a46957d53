package nlp

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// CoNLLSentence is one sentence of a CoNLL-2003 file.
type CoNLLSentence struct {
	Words []string
	POS   []string // second column ("" when absent)
	NER   []string // last column when there are 4 or more ("" when absent)
}

// CoNLLDoc is the sentences between two -DOCSTART- lines.
type CoNLLDoc struct{ Sentences []CoNLLSentence }

// ReadCoNLL reads CoNLL-2003 columns (word POS chunk NER), with blank lines
// between sentences and -DOCSTART- lines between documents.
func ReadCoNLL(r io.Reader) ([]CoNLLDoc, error) {
	var docs []CoNLLDoc
	var cur CoNLLSentence
	flush := func() {
		if len(cur.Words) == 0 {
			return
		}
		if len(docs) == 0 {
			docs = append(docs, CoNLLDoc{})
		}
		d := &docs[len(docs)-1]
		d.Sentences = append(d.Sentences, cur)
		cur = CoNLLSentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flush()
			continue
		}
		if f[0] == "-DOCSTART-" {
			flush()
			docs = append(docs, CoNLLDoc{})
			continue
		}
		cur.Words = append(cur.Words, f[0])
		pos, ner := "", ""
		if len(f) > 1 {
			pos = f[1]
		}
		if len(f) > 3 {
			ner = f[len(f)-1]
		}
		cur.POS = append(cur.POS, pos)
		cur.NER = append(cur.NER, ner)
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, err
	}
	// drop empty documents (a file ending in -DOCSTART-)
	out := docs[:0]
	for _, d := range docs {
		if len(d.Sentences) > 0 {
			out = append(out, d)
		}
	}
	return out, nil
}

// WriteCoNLL reads CoNLL-2003 columns from r (word first; -DOCSTART- lines
// and blank lines are kept as they are) and writes every token line back with
// the predicted entity tag appended as the last column, in IOB2 (B- on every
// entity's first token). conlleval and Eval score IOB1 gold against IOB2
// predictions correctly. Documents are tagged as a whole, so the recogniser
// uses what it saw earlier in the same -DOCSTART- document.
func (p *Pipeline) WriteCoNLL(r io.Reader, w io.Writer) error {
	bw := bufio.NewWriter(w)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var lines []string // pending lines of the current document
	var sents [][]string
	var cur []string
	flushDoc := func() error {
		if len(cur) > 0 {
			sents = append(sents, cur)
			cur = nil
		}
		var tags [][]string
		if len(sents) > 0 {
			_, tags = p.TagDocument(sents)
		}
		si, ti := 0, 0
		for _, line := range lines {
			f := strings.Fields(line)
			if len(f) == 0 || f[0] == "-DOCSTART-" {
				if _, err := bw.WriteString(line + "\n"); err != nil {
					return err
				}
				if len(f) == 0 && ti > 0 {
					si, ti = si+1, 0
				}
				continue
			}
			if _, err := bw.WriteString(strings.TrimRight(line, " \t\r") + " " + tags[si][ti] + "\n"); err != nil {
				return err
			}
			ti++
		}
		lines, sents = lines[:0], nil
		return nil
	}
	for sc.Scan() {
		line := sc.Text()
		f := strings.Fields(line)
		switch {
		case len(f) > 0 && f[0] == "-DOCSTART-":
			if err := flushDoc(); err != nil {
				return err
			}
			lines = append(lines, line)
		case len(f) == 0:
			lines = append(lines, line)
			if len(cur) > 0 {
				sents = append(sents, cur)
				cur = nil
			}
		default:
			lines = append(lines, line)
			cur = append(cur, f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if err := flushDoc(); err != nil {
		return err
	}
	return bw.Flush()
}

// PrintEntities processes text and writes one line per entity:
// type, tab, text, tab, start and end byte offsets ("PER\tTony Blair\t10\t20").
func (p *Pipeline) PrintEntities(text string, w io.Writer) error {
	doc := p.Process(text)
	bw := bufio.NewWriter(w)
	for _, e := range doc.Entities {
		fmt.Fprintf(bw, "%s\t%s\t%d\t%d\n", e.Type, strings.Join(strings.Fields(e.Text), " "), e.Start, e.End)
	}
	return bw.Flush()
}

// SharedCorpusDir finds the project's shared corpus folder: $KG_SHARED/corpus
// (or $KG_SHARED itself when it holds conll2003/), else the first
// shared/corpus found walking up from the working directory. It returns ""
// when there is none.
func SharedCorpusDir() string {
	if s := os.Getenv("KG_SHARED"); s != "" {
		for _, d := range []string{filepath.Join(s, "corpus"), s} {
			if fi, err := os.Stat(filepath.Join(d, "conll2003")); err == nil && fi.IsDir() {
				return d
			}
		}
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		d := filepath.Join(dir, "shared", "corpus")
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
