package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitSentences groups toks (as returned by Tokenize(text)) into sentences.
// A sentence ends after . ! ? or an ellipsis unless the next word starts in
// lower case; closing quotes and brackets right after the stop belong to the
// sentence; abbreviations (Mr., Gen.) and initials (George W. Bush) do not end
// one; an acronym such as U.S. does when a typical sentence opener (The, He,
// ...) follows. Paragraph breaks (blank lines) always end a sentence, and so
// does the end of a line without final punctuation (a headline) when the
// next line starts with a capital, digit or quote, or when it is the
// text's first line.
func SplitSentences(text string, toks []Token) []Sentence {
	return appendSentences(nil, text, toks)
}

func appendSentences(out []Sentence, text string, toks []Token) []Sentence {
	if len(toks) == 0 {
		return out
	}
	first := 0
	emit := func(last int) {
		if last > first {
			out = append(out, Sentence{First: first, Last: last, Start: toks[first].Start, End: toks[last-1].End})
		}
		first = last
	}
	for i := 0; i < len(toks); i++ {
		if i > first {
			gap := text[toks[i-1].End:toks[i].Start]
			if nl := strings.Count(gap, "\n"); nl >= 2 {
				emit(i)
			} else if nl == 1 && !continues(toks[i-1].Text) && (startsLine(toks[i].Text) || firstLine(text, toks[i-1].End)) {
				emit(i)
			}
		}
		if !terminal(toks, i) {
			continue
		}
		// absorb closing quotes and brackets
		j := i + 1
		for j < len(toks) && closer(toks, j) {
			j++
		}
		if j >= len(toks) {
			i = j - 1
			continue
		}
		if next := toks[j].Text; startsLower(next) || strings.ContainsAny(next[:1], ",;:%)]}") {
			i = j - 1
			continue
		}
		emit(j)
		i = j - 1
	}
	emit(len(toks))
	return out
}

// terminal reports whether token i can end a sentence.
func terminal(toks []Token, i int) bool {
	t := toks[i].Text
	switch t {
	case ".", "!", "?", "...", "…", "..":
		return true
	}
	if len(t) < 2 || t[len(t)-1] != '.' {
		return false
	}
	// t is an abbreviation, an initial or an acronym with its full stop.
	if i+1 >= len(toks) {
		return true
	}
	w := t[:len(t)-1]
	if strings.IndexByte(w, '.') < 0 || len(w) < 3 {
		// Mr. Gen. Inc. W.: end a sentence only before a typical opener
		// for company/place abbreviations, never for titles and initials.
		if !companyAbbrev[w] {
			return false
		}
	}
	return sentenceOpeners[strings.ToLower(toks[i+1].Text)] && startsUpper(toks[i+1].Text)
}

var companyAbbrev = map[string]bool{"Inc": true, "Corp": true, "Ltd": true, "Co": true, "Bros": true, "plc": true, "Plc": true, "etc": true, "al": true}

var sentenceOpeners = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an he she it they we i you this that these those there here his her its their our my
		but and or so yet however meanwhile in on at after before when while if as since although though
		what who why how where which mr mrs ms dr some many most all both one two no not now then also
		officials analysts police critics earlier later last next instead still`) {
		sentenceOpeners[w] = true
	}
}

func closer(toks []Token, j int) bool {
	switch toks[j].Text {
	case "”", "’", ")", "]", "}", "»", "''":
		return true
	case "\"", "'":
		return toks[j].Start == toks[j-1].End // attached straight quote closes
	}
	return false
}

// continues reports whether a line ending in token t is certainly continued.
func continues(t string) bool {
	switch t {
	case ",", ";", ":", "-", "–", "—", "(", "[", "“", "‘", "&", "/":
		return true
	}
	return false
}

// firstLine reports whether offset end is on the text's first non-blank
// line (a headline, whatever case the next line starts with).
func firstLine(text string, end int) bool {
	return !strings.Contains(strings.TrimLeft(text[:end], " \t\r\n"), "\n")
}

func startsLine(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'(`[", r)
}

func startsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

func startsUpper(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}
