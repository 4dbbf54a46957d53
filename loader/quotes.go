package loader

import (
	"strings"
	"unicode/utf8"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/nlp"
)

// quoteSpan is a quotation found in the text: tokens (open, close) exclusive.
type quoteSpan struct {
	open, close int // token indexes of the marks; close may be -1 (unclosed)
	start, end  int // byte range of the quoted text
}

// findQuotes pairs quotation marks. Curly marks pair by direction; a
// straight mark opens when glued to the word after it and closes when glued
// to the word before. A quotation left open ends where the next one opens
// or at the paragraph's end (BBC text runs paragraphs of one quotation
// together: `said: "I am glad ... "Once again ...`). A mistyped closing
// mark at a paragraph start (`”We will ...`) opens. Single marks count only
// where they cannot be apostrophes (headlines: Blair 'pressing US on climate').
func (r *reading) findQuotes() []quoteSpan {
	toks := r.doc.Tokens
	text := r.doc.Text
	var out []quoteSpan
	open := -1
	openKind := ""
	closeAt := func(i, endByte int) {
		if open >= 0 {
			start := toks[open].End
			if endByte > start {
				out = append(out, quoteSpan{open: open, close: i, start: start, end: endByte})
			}
		}
		open, openKind = -1, ""
	}
	for i, t := range toks {
		// a paragraph break closes an open quotation
		if open >= 0 && i > 0 && strings.Contains(text[toks[i-1].End:t.Start], "\n\n") {
			closeAt(-1, toks[i-1].End)
		}
		kind, opens, closes := quoteMark(text, toks, i)
		if kind == "" {
			continue
		}
		switch {
		case open < 0 && opens:
			open, openKind = i, kind
		case open >= 0 && closes && kind == openKind:
			closeAt(i, t.Start)
		case open >= 0 && opens && kind == openKind:
			// a new quotation opens before the old one closed
			end := t.Start
			for end > toks[open].End && (text[end-1] == ' ' || text[end-1] == '\n') {
				end--
			}
			closeAt(-1, end)
			open, openKind = i, kind
		}
	}
	if open >= 0 {
		closeAt(-1, toks[len(toks)-1].End)
	}
	return out
}

// quoteMark classifies token i: its kind ("double" or "single") and
// whether it can open or close a quotation.
func quoteMark(text string, toks []nlp.Token, i int) (kind string, opens, closes bool) {
	t := toks[i]
	before := i > 0 && toks[i-1].End == t.Start          // glued to the previous token
	after := i+1 < len(toks) && toks[i+1].Start == t.End // glued to the next token
	switch t.Text {
	case "“":
		return "double", true, false
	case "”":
		// a mistyped closing mark at the start of a paragraph opens
		if after && (i == 0 || strings.Contains(text[toks[i-1].End:t.Start], "\n")) {
			return "double", true, false
		}
		return "double", false, true
	case "\"":
		switch {
		case after && !before:
			return "double", true, false
		case before && !after:
			return "double", false, true
		case before && after:
			// `,"said` or `word"word`: decide by what is glued
			prev := toks[i-1].Text
			r, _ := utf8.DecodeRuneInString(prev)
			if strings.ContainsRune(".,!?;:", r) {
				return "double", false, true
			}
			return "double", true, true
		}
		return "double", true, true
	case "‘":
		return "single", true, false
	case "'", "’":
		// an apostrophe inside or after a word (Soviets') is no quotation mark
		switch {
		case after && !before:
			return "single", true, false
		case before && !after:
			prev := toks[i-1].Text
			if strings.HasSuffix(prev, "s") && !isPunct(prev) {
				return "single", false, true // may be the plural possessive; closes only an open quote
			}
			return "single", false, true
		}
	}
	return "", false, false
}

func isPunct(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(".,!?;:", r)
}

// readQuotes finds every quotation and who said it.
func (r *reading) readQuotes() {
	var lastSpeaker *mention
	lastSent := -10
	r.quoteSpans = r.findQuotes()
	for _, q := range r.quoteSpans {
		txt := strings.TrimSpace(r.doc.Text[q.start:q.end])
		txt = strings.TrimRight(txt, ",")
		if txt == "" {
			continue
		}
		single := r.tok(q.open) == "'" || r.tok(q.open) == "‘" || r.tok(q.open) == "’"
		if single && (strings.Count(txt, " ") < 1 || r.doc.SentenceOf(q.open) > 0 && len(txt) < 12) {
			continue // a single scare-quoted word, or an apostrophe pair
		}
		sp, adds := r.speakerOf(q)
		sent := r.doc.SentenceOf(q.open)
		if sp == nil && adds && lastSpeaker != nil && sent-lastSent <= 3 {
			sp = lastSpeaker
		}
		if sp == nil && lastSpeaker != nil && sent-lastSent <= 1 && r.continues(q) {
			sp = lastSpeaker
		}
		name := ""
		if e := r.entOf(sp); e != nil {
			name = e.name
			lastSpeaker, lastSent = sp, r.doc.SentenceOf(maxInt(q.close, q.open))
		}
		r.quots = append(r.quots, kg.Quote{Text: txt, Speaker: name, Evidence: []int{sent}, Start: q.start, End: q.end})
	}
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// continues reports whether a quotation opens a sentence with nothing
// attributing it: the speaker of the one before goes on.
func (r *reading) continues(q quoteSpan) bool {
	s := r.doc.Sentences[r.doc.SentenceOf(q.open)]
	return q.open == s.First
}

// speakerOf finds who said a quotation: "..., X said", "X said: ...",
// "... he added", "said X", "according to X", "described as ... by X". The
// second result is true for "he added"-style attributions that continue the
// last speaker.
func (r *reading) speakerOf(q quoteSpan) (*mention, bool) {
	after := q.close + 1
	if q.close < 0 {
		after = -1
	}
	sentIdx := r.doc.SentenceOf(q.open)
	s := r.doc.Sentences[sentIdx]
	// after the quote: `", Peskov said.` / `," said Stuart Quint, an analyst` / `," he added.`
	if after > 0 && after < len(r.doc.Tokens) {
		s := r.doc.Sentences[r.doc.SentenceOf(q.close)]
		i := after
		for i < s.Last && r.tok(i) == "," {
			i++
		}
		end := min(s.Last, i+12)
		for k := i; k < end; k++ {
			w := r.lower(k)
			if speechVerbs[w] {
				// "said X"
				if m := r.mentionAt(k + 1); m != nil && actor(m) {
					return m, w == "added" || w == "adds"
				}
				// "X said" before the verb
				for j := k - 1; j >= i; j-- {
					if m := r.mentionAt(j); m != nil && actor(m) && m.typ != kg.Place {
						return r.headOf(m), false
					}
					if pr := r.tok(j); personPronouns[pr] && (strings.EqualFold(pr, "he") || strings.EqualFold(pr, "she")) {
						return r.pronounSpeaker(q.open), w == "added" || w == "adds"
					}
				}
				break
			}
			if m := r.mentionAt(k); m != nil && !actor(m) {
				continue
			}
		}
		// "described as "very productive" by President Trump"
		if r.lower(after) == "by" {
			if m := r.mentionAt(after + 1); m != nil && actor(m) {
				return m, false
			}
		}
		// "says the Times"
	}
	// before the quote in the same sentence: `Peskov said: "..."` or `X said it was a "..."`
	for k := q.open - 1; k >= s.First; k-- {
		w := r.lower(k)
		if speechVerbs[w] || w == "according" {
			if w == "according" && r.lower(k+1) == "to" {
				if m := r.mentionAt(k + 2); m != nil && actor(m) {
					return m, false
				}
			}
			if subj := r.subjectsBefore(k); len(subj) > 0 {
				return subj[0], false
			}
			// "said X" before the quote: `said a spokesman` is unnamed
			if m := r.mentionAt(k + 1); m != nil && actor(m) {
				return m, false
			}
			if k > s.First && personPronouns[r.tok(k-1)] {
				return r.pronounSpeaker(k), false
			}
		}
	}
	// the sentence's subject when it reports speech or thought after the quote
	for k := s.First; k < s.Last; k++ {
		if speechVerbs[r.lower(k)] {
			if subj := r.subjectsBefore(k); len(subj) > 0 {
				return subj[0], false
			}
		}
	}
	// the sentence's first person: "Mr Blair is urging European leaders to
	// wake up from their "state of denial""
	for k := s.First; k < q.open; k++ {
		if m := r.mentionAt(k); m != nil && m.typ == kg.Person {
			return m, false
		}
	}
	return nil, false
}

// headOf returns the person an appositive speaker phrase is about:
// in `Rabbi Marvin Hier, founder of ... said` it is the first name.
func (r *reading) headOf(m *mention) *mention {
	s := r.doc.Sentences[r.doc.SentenceOf(m.first)]
	for k := s.First; k < m.first; k++ {
		if r.tok(k) == "," && k+1 < len(r.doc.Tokens) {
			if p := r.mentionAt(k + 1); p != nil && p.typ == kg.Person && r.hasCommaBetween(p.last, m.first) {
				return p
			}
		}
	}
	return m
}

func (r *reading) hasCommaBetween(a, b int) bool {
	for i := a; i < b; i++ {
		if r.tok(i) == "," {
			return true
		}
	}
	return false
}

// pronounSpeaker resolves "he said" at token i: the person who spoke or
// was the subject most recently.
func (r *reading) pronounSpeaker(i int) *mention {
	for k := i - 1; k >= 0; k-- {
		m := r.mentionAt(k)
		if m == nil || m.typ != kg.Person {
			continue
		}
		// inside another quotation the name is said, not the speaker
		if r.insideQuote(k) {
			continue
		}
		if isPossessive(r.tok(m.last)) && r.mentionAt(m.last+1) != nil {
			continue
		}
		return m
	}
	return nil
}

// insideQuote reports whether token k lies inside a quotation.
func (r *reading) insideQuote(k int) bool {
	pos := r.doc.Tokens[k].Start
	for _, q := range r.quoteSpans {
		if pos >= q.start && pos < q.end {
			return true
		}
	}
	return false
}
