package nlp

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Chunk is an entity span over token indexes [Start, End).
type Chunk struct {
	Start, End int
	Type       string
}

// Chunks decodes IOB1 or IOB2 tags ("B-PER", "I-PER", "O") into spans the
// way conlleval does: a chunk starts at a B- tag, or at an I- tag after O or
// after a tag of another type, and runs over the following I- tags of its type.
// A tag without a type (anything not starting with B- or I-, except "O") is O.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	open := false
	for i, t := range tags {
		prefix, typ := splitTag(t)
		switch prefix {
		case 'B':
			out = append(out, Chunk{i, i + 1, typ})
			open = true
		case 'I':
			if open && out[len(out)-1].Type == typ {
				out[len(out)-1].End = i + 1
			} else {
				out = append(out, Chunk{i, i + 1, typ})
				open = true
			}
		default:
			open = false
		}
	}
	return out
}

func splitTag(t string) (byte, string) {
	if len(t) > 2 && t[1] == '-' && (t[0] == 'B' || t[0] == 'I') {
		return t[0], t[2:]
	}
	return 'O', ""
}

// PRF is precision, recall and F1 (in percent) with the counts behind them.
type PRF struct {
	Precision, Recall, F1  float64
	Correct, Guessed, Gold int
}

func prf(correct, guessed, gold int) PRF {
	r := PRF{Correct: correct, Guessed: guessed, Gold: gold}
	if guessed > 0 {
		r.Precision = 100 * float64(correct) / float64(guessed)
	}
	if gold > 0 {
		r.Recall = 100 * float64(correct) / float64(gold)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}

// Eval accumulates conlleval-style exact-span scores over sentences.
type Eval struct {
	correct, guessed, gold map[string]int
	Tokens, CorrectTags    int
}

// NewEval returns an empty evaluation.
func NewEval() *Eval {
	return &Eval{correct: map[string]int{}, guessed: map[string]int{}, gold: map[string]int{}}
}

// Add scores one sentence; gold and pred are tag sequences of equal length
// (IOB1 or IOB2, mixed freely). A predicted entity counts as correct only
// when its span and type equal a gold entity's.
func (e *Eval) Add(gold, pred []string) {
	if len(gold) != len(pred) {
		panic(fmt.Sprintf("nlp.Eval.Add: %d gold tags, %d predicted", len(gold), len(pred)))
	}
	gc, pc := Chunks(gold), Chunks(pred)
	set := make(map[Chunk]bool, len(gc))
	for _, c := range gc {
		set[c] = true
		e.gold[c.Type]++
	}
	for _, c := range pc {
		e.guessed[c.Type]++
		if set[c] {
			e.correct[c.Type]++
		}
	}
	e.Tokens += len(gold)
	for i := range gold {
		g, _ := splitTag(gold[i])
		p, _ := splitTag(pred[i])
		_, gt := splitTag(gold[i])
		_, pt := splitTag(pred[i])
		if (g == 'O') == (p == 'O') && gt == pt {
			e.CorrectTags++
		}
	}
}

// Overall returns the micro-averaged scores over all types.
func (e *Eval) Overall() PRF {
	var c, g, gd int
	for _, v := range e.correct {
		c += v
	}
	for _, v := range e.guessed {
		g += v
	}
	for _, v := range e.gold {
		gd += v
	}
	return prf(c, g, gd)
}

// Types returns the entity types seen in gold or predictions, sorted.
func (e *Eval) Types() []string {
	seen := map[string]bool{}
	for t := range e.gold {
		seen[t] = true
	}
	for t := range e.guessed {
		seen[t] = true
	}
	var out []string
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Type returns the scores for one entity type.
func (e *Eval) Type(t string) PRF { return prf(e.correct[t], e.guessed[t], e.gold[t]) }

// Report writes a conlleval-like summary.
func (e *Eval) Report(w io.Writer) {
	o := e.Overall()
	acc := 0.0
	if e.Tokens > 0 {
		acc = 100 * float64(e.CorrectTags) / float64(e.Tokens)
	}
	fmt.Fprintf(w, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n", e.Tokens, o.Gold, o.Guessed, o.Correct)
	fmt.Fprintf(w, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n", acc, o.Precision, o.Recall, o.F1)
	for _, t := range e.Types() {
		s := e.Type(t)
		fmt.Fprintf(w, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n", t, s.Precision, s.Recall, s.F1, s.Guessed)
	}
}

// String is Report as a string.
func (e *Eval) String() string {
	var b strings.Builder
	e.Report(&b)
	return b.String()
}
