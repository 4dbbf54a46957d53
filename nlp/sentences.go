package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentenceStarters are words that, capitalised after an abbreviation such as
// "U.S.", show that a new sentence began ("... in the U.S. The deal ...").
var sentenceStarters = map[string]bool{
	"The": true, "He": true, "She": true, "It": true, "They": true, "We": true, "I": true,
	"But": true, "And": true, "In": true, "This": true, "That": true, "A": true, "His": true,
	"Her": true, "Their": true, "There": true, "However": true, "Its": true, "On": true,
}

// SplitSentences groups tokens into sentences. A sentence ends at ".", "!"
// or "?" followed by a capitalised word, a digit or an opening quote; a
// closing quote right after the stop belongs to the sentence it closes. A
// blank line always ends a sentence, and so does the end of the first line
// (a headline).
func SplitSentences(text string, toks []Token) []Sentence {
	var out []Sentence
	first := 0
	cut := func(last int) {
		if last > first {
			out = append(out, Sentence{First: first, Last: last, Start: toks[first].Start, End: toks[last-1].End})
		}
		first = last
	}
	for i := 0; i < len(toks); i++ {
		if i+1 < len(toks) && lineBreakBetween(text, toks[i], toks[i+1], first == 0 && len(out) == 0) {
			cut(i + 1)
			continue
		}
		t := toks[i].Text
		stop := t == "." || t == "!" || t == "?" || t == "..."
		abbrevEnd := !stop && strings.HasSuffix(t, ".") && len(t) > 1
		if !stop && !abbrevEnd {
			continue
		}
		j := i + 1
		// closing quotes and brackets glued to the stop stay in this sentence
		for j < len(toks) && toks[j].Start == toks[j-1].End && isCloser(text, toks[j]) {
			j++
		}
		if j >= len(toks) {
			break
		}
		next := toks[j].Text
		r, _ := utf8.DecodeRuneInString(next)
		if abbrevEnd {
			if sentenceStarters[next] {
				cut(j)
				i = j - 1
			}
			continue
		}
		if unicode.IsUpper(r) || unicode.IsDigit(r) || isOpener(text, toks[j]) || r == '(' {
			cut(j)
			i = j - 1
		}
	}
	cut(len(toks))
	return out
}

// lineBreakBetween reports whether a sentence must end between a and b: a
// blank line lies between them, or a ends the text's first line.
func lineBreakBetween(text string, a, b Token, firstLine bool) bool {
	gap := text[a.End:b.Start]
	n := strings.Count(gap, "\n")
	if n >= 2 {
		return true
	}
	// a single line break ends the first line (a headline); elsewhere it may
	// be a wrapped line, so punctuation decides
	return n == 1 && firstLine
}

// isCloser reports whether tok closes a quotation or bracket.
func isCloser(text string, tok Token) bool {
	switch tok.Text {
	case "”", "’", ")", "]":
		return true
	case "\"", "'":
		return tok.End == len(text) || !isWordByte(text[tok.End])
	}
	return false
}

// isOpener reports whether tok opens a quotation.
func isOpener(text string, tok Token) bool {
	switch tok.Text {
	case "“", "‘":
		return true
	case "\"", "'", "”":
		// a straight quote glued to the word after it opens; so does a
		// mistyped closing curly quote at the start of a paragraph
		return tok.End < len(text) && isWordByte(text[tok.End])
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
