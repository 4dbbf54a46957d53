package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations keep their full stop: "Mr." is one token and ends no sentence.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "Gen": true, "Sen": true,
	"Rep": true, "Gov": true, "Lt": true, "Col": true, "Capt": true, "Sgt": true, "Rev": true,
	"St": true, "Jr": true, "Sr": true, "Mt": true, "Ft": true, "Adm": true, "Maj": true, "Cpl": true,
	"Inc": true, "Corp": true, "Ltd": true, "Co": true, "Bros": true, "Plc": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true,
	"Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"vs": true, "etc": true, "No": true, "approx": true, "est": true, "Pres": true,
}

// Tokenize splits news text into words and punctuation with byte offsets.
// Possessive 's is its own token; hyphenated words (Al-Jazeera) and words
// with an inner apostrophe (O'Brien, don't) stay whole; abbreviations
// (Mr., U.S., George W. Bush's "W.") keep their full stop; numbers keep
// their separators (2,225 and 11.5bn); URLs and e-mail addresses are one token.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5)
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		end := scanToken(text, i)
		toks = append(toks, Token{Text: text[i:end], Start: i, End: end})
		i = end
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// scanToken returns the end of the token starting at i.
func scanToken(text string, i int) int {
	r, w := utf8.DecodeRuneInString(text[i:])
	if !isWordRune(r) {
		if end := scanURL(text, i); end > i {
			return end
		}
		// possessive or contraction suffix: 's, ’s, 're, n't are produced by the word scanner
		if r == '.' && strings.HasPrefix(text[i:], "...") {
			return i + 3
		}
		if r == '-' && strings.HasPrefix(text[i:], "--") {
			return i + 2
		}
		if isApostrophe(r) {
			// "’s" after a word (the possessive split off below)
			if j := i + w; j < len(text) && (text[j] == 's' || text[j] == 'S') && (j+1 == len(text) || !isWordRune(rune(text[j+1]))) && i > 0 {
				prev, _ := utf8.DecodeLastRuneInString(text[:i])
				if isWordRune(prev) {
					return j + 1
				}
			}
		}
		return i + w
	}
	if end := scanURL(text, i); end > i {
		return end
	}
	j := i + w
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		switch {
		case isWordRune(r):
			j += w
			continue
		case r == '-' || r == '‑':
			// inner hyphen: ex-Labour, son-in-law
			if n, _ := utf8.DecodeRuneInString(text[j+w:]); isWordRune(n) {
				j += w
				continue
			}
		case isApostrophe(r):
			n, nw := utf8.DecodeRuneInString(text[j+w:])
			if isWordRune(n) {
				// possessive 's stays apart: Trump’s -> Trump ’s
				if (n == 's' || n == 'S') && (j+w+nw == len(text) || !isWordRune(rune(text[j+w+nw]))) {
					return j
				}
				j += w
				continue
			}
		case r == '.' || r == ',':
			// 2,225 and 11.5bn keep their separators
			p, _ := utf8.DecodeLastRuneInString(text[:j])
			if n, _ := utf8.DecodeRuneInString(text[j+1:]); unicode.IsDigit(p) && unicode.IsDigit(n) {
				j++
				continue
			}
			if r == '.' && dottedLetter(text, i, j) {
				j++ // U.S., U.K.: one token
				continue
			}
			if r == '.' && keepsStop(text, i, j) {
				return j + 1
			}
		case r == '@':
			if end := scanEmail(text, i); end > j {
				return end
			}
		}
		break
	}
	return j
}

// keepsStop reports whether the word text[i:j] followed by "." is an
// abbreviation or an initial ("Mr.", "W.", "U.S.").
func keepsStop(text string, i, j int) bool {
	word := text[i:j]
	if abbreviations[word] {
		return true
	}
	for _, seg := range strings.Split(word, ".") {
		r, w := utf8.DecodeRuneInString(seg)
		if w != len(seg) || !unicode.IsUpper(r) {
			return false
		}
	}
	return true // an initial ("W."), or dotted letters ("U.S.")
}

// dottedLetter reports whether the "." at j sits inside an abbreviation
// spelled with dotted letters: the segment before it and the one after it
// are single letters, the latter followed by another ".".
func dottedLetter(text string, i, j int) bool {
	seg := text[i:j]
	if k := strings.LastIndexByte(seg, '.'); k >= 0 {
		seg = seg[k+1:]
	}
	if len(seg) != 1 || j+2 >= len(text) {
		return false
	}
	return unicode.IsLetter(rune(text[j+1])) && text[j+2] == '.'
}

// scanURL returns the end of a URL starting at i, or i.
func scanURL(text string, i int) int {
	rest := text[i:]
	if !(strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "www.")) {
		return i
	}
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) || r == '"' || r == '”' || r == '<' || r == '>' {
			break
		}
		j += w
	}
	for j > i && strings.ContainsRune(".,;:)!?'’", rune(text[j-1])) {
		j-- // trailing punctuation belongs to the sentence
	}
	return j
}

// scanEmail returns the end of an address like name@example.com starting at i, or i.
func scanEmail(text string, i int) int {
	j := i
	at := false
	for j < len(text) {
		c := text[j]
		if c == '@' {
			if at {
				return i
			}
			at = true
		} else if !(c == '.' || c == '-' || c == '_' || c == '+' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			break
		}
		j++
	}
	for j > i && text[j-1] == '.' {
		j--
	}
	if !at || text[j-1] == '@' {
		return i
	}
	return j
}
