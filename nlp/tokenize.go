package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits news English into tokens, Penn-Treebank style: punctuation,
// quotes, currency symbols and % are tokens of their own; possessive 's and
// contractions (n't, 're, 'll, ...) are split off; abbreviations (Mr., U.S.),
// initials, numbers (2,225, 1.1, 11.5bn), hyphenated words, URLs and e-mail
// addresses stay whole. Token offsets are byte offsets into text.
func Tokenize(text string) []Token {
	return appendTokens(make([]Token, 0, len(text)/5+4), text)
}

// abbreviations end with a full stop that belongs to the token (case-sensitive).
var abbreviations = map[string]bool{}

func init() {
	for _, a := range strings.Fields(`Mr Mrs Ms Mx Dr Prof Gen Sen Rep Gov Lt Col Maj Capt Cpt Sgt Cmdr Adm Brig
		Rev Fr St Jr Sr Hon Pres Supt Insp Det Cllr Messrs Mme Mlle Gov Atty
		Inc Corp Ltd Co Cos Bros Plc plc Pty Assn Dept Univ Mfg Intl
		Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
		No Nos Vol Vols pp Mt Ft Ave Blvd Rd Ln Hwy Sq Ste
		vs etc al approx cf ca est ed eds fig op cit viz Ph Esq
		Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont
		Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo`) {
		abbreviations[a] = true
	}
}

func isAlnumRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&clsAlnum != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&clsLetter != 0
	}
	return unicode.IsLetter(r)
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

const (
	clsLetter = 1 << iota
	clsDigit
	clsSpace
	clsUpper
	clsLower
	clsAlnum = clsLetter | clsDigit
)

var asciiClass [128]uint8

func init() {
	for c := 0; c < 128; c++ {
		var k uint8
		switch {
		case c >= 'a' && c <= 'z':
			k = clsLetter | clsLower
		case c >= 'A' && c <= 'Z':
			k = clsLetter | clsUpper
		case c >= '0' && c <= '9':
			k = clsDigit
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			k = clsSpace
		}
		asciiClass[c] = k
	}
}

// runeAt decodes the rune at byte offset i (utf8.RuneError, 0 past the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&clsSpace != 0
	}
	return unicode.IsSpace(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// letterAfter reports whether a letter starts at byte offset i.
func letterAfter(s string, i int) bool {
	r, n := runeAt(s, i)
	return n > 0 && isLetterRune(r)
}

func alnumAfter(s string, i int) bool {
	r, n := runeAt(s, i)
	return n > 0 && isAlnumRune(r)
}

// clitic returns the byte length of a clitic ('s, 're, 've, 'll, 'd, 'm) whose
// apostrophe of size asz starts at i, or 0.
func clitic(s string, i, asz int) int {
	j := i + asz
	for _, c := range [...]string{"s", "re", "ve", "ll", "d", "m"} {
		if len(s)-j >= len(c) && strings.EqualFold(s[j:j+len(c)], c) && !letterAfter(s, j+len(c)) {
			return asz + len(c)
		}
	}
	return 0
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

func appendTokens(toks []Token, text string) []Token {
	i := 0
	for i < len(text) {
		r, size := runeAt(text, i)
		if isSpaceRune(r) {
			i += size
			continue
		}
		end := scanToken(text, i, r, size)
		toks = append(toks, Token{Text: text[i:end], Start: i, End: end})
		i = end
	}
	return toks
}

// scanToken returns the end of the token that starts at byte i with rune r.
func scanToken(s string, i int, r rune, size int) int {
	switch {
	case (r == 'h' || r == 'H' || r == 'w' || r == 'W') &&
		(hasPrefixFold(s[i:], "http://") || hasPrefixFold(s[i:], "https://") || hasPrefixFold(s[i:], "www.")):
		return scanURL(s, i)
	case isAlnumRune(r):
		return scanWord(s, i)
	case isApostrophe(r):
		// 's / 're / ... directly after a word or number is a clitic token.
		if i > 0 {
			if pr, _ := utf8.DecodeLastRuneInString(s[:i]); isAlnumRune(pr) || pr == '.' {
				if n := clitic(s, i, size); n > 0 {
					return i + n
				}
			}
		}
		return i + size
	case r == '.':
		j := i
		for j < len(s) && s[j] == '.' {
			j++
		}
		if j-i >= 2 {
			return j // ellipsis .. or ...
		}
		if isDigitByte(byteAt(s, i+1)) && (i == 0 || !isAlnumRune(lastRune(s[:i]))) {
			return scanWord(s, i+1) // .5
		}
		return i + 1
	case r == '-':
		j := i
		for j < len(s) && s[j] == '-' {
			j++
		}
		return j // - or -- dash
	case r == '`':
		if byteAt(s, i+1) == '`' {
			return i + 2
		}
		return i + 1
	case r == '?' || r == '!':
		return i + size
	}
	return i + size
}

func byteAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// scanURL consumes up to white space, then gives back trailing punctuation.
func scanURL(s string, i int) int {
	j := i
	for j < len(s) {
		r, n := runeAt(s, j)
		if isSpaceRune(r) || r == '<' || r == '>' || r == '"' || r == '“' || r == '”' {
			break
		}
		j += n
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if strings.ContainsRune(".,;:!?'\")]’”", r) {
			if r == ')' && strings.Contains(s[i:j], "(") {
				break
			}
			j -= n
			continue
		}
		break
	}
	return j
}

// scanWord scans a word or number starting at i.
func scanWord(s string, i int) int {
	if n := emailLen(s, i); n > 0 {
		return i + n
	}
	j := i
	segStart := i // start of the current alphanumeric segment
	acronym := true
	for {
		// alphanumeric run
		for j < len(s) {
			r, n := runeAt(s, j)
			if !isAlnumRune(r) {
				break
			}
			j += n
		}
		if j >= len(s) {
			return j
		}
		segLen := j - segStart
		c, csz := runeAt(s, j)
		prevDigit := isDigitByte(s[j-1])
		switch {
		case c == '.':
			nxt := byteAt(s, j+1)
			if prevDigit && isDigitByte(nxt) { // 1.1, 11.5bn
				j++
				segStart = j
				acronym = false
				continue
			}
			if segLen == 1 && acronym && isLetterRune(lastRune(s[:j])) && letterAfter(s, j+1) && !letterAfter(s, j+2) {
				j++ // U.S, e.g
				segStart = j
				continue
			}
			if isLowerByte(s[j-1]) && isLowerByte(nxt) && isLowerByte(byteAt(s, j+2)) && looksLikeHost(s, i, j) {
				// host names such as bbc.co.uk, news.bbc.co.uk
				j++
				segStart = j
				acronym = false
				continue
			}
			// a full stop that belongs to the word
			word := s[i:j]
			if (acronym && j-i > 1 && strings.IndexByte(word, '.') > 0) || abbreviations[word] ||
				(segLen == 1 && j-i == 1 && isUpperByte(s[i])) {
				return j + 1
			}
			return j
		case c == ',' && prevDigit:
			if isDigitByte(byteAt(s, j+1)) && isDigitByte(byteAt(s, j+2)) && isDigitByte(byteAt(s, j+3)) && !isDigitByte(byteAt(s, j+4)) {
				j++
				segStart = j
				acronym = false
				continue
			}
			return j
		case (c == ':' || c == '/') && prevDigit && isDigitByte(byteAt(s, j+1)):
			j++
			segStart = j
			acronym = false
			continue
		case c == '-' || c == '‐' || c == '_':
			if alnumAfter(s, j+csz) {
				j += csz
				segStart = j
				acronym = false
				continue
			}
			return j
		case c == '&':
			if isUpperByte(s[j-1]) && j+1 < len(s) && isUpperByte(s[j+1]) {
				j++
				segStart = j
				acronym = false
				continue
			}
			return j
		case isApostrophe(c):
			if clitic(s, j, csz) > 0 {
				return j
			}
			// n't: do|n't, ca|n't
			if (s[j-1] == 'n' || s[j-1] == 'N') && j-1 > i && len(s) > j+csz &&
				(s[j+csz] == 't' || s[j+csz] == 'T') && !letterAfter(s, j+csz+1) {
				return j - 1
			}
			if letterAfter(s, j+csz) { // O'Brien, rock'n'roll
				j += csz
				segStart = j
				acronym = false
				continue
			}
			return j
		}
		return j
	}
}

// emailLen returns the length of an e-mail address starting at i, or 0.
func emailLen(s string, i int) int {
	j := i
	for j < len(s) && (isAlnumByte(s[j]) || s[j] == '.' || s[j] == '_' || s[j] == '%' || s[j] == '+' || s[j] == '-') {
		j++
	}
	if j == i || j >= len(s) || s[j] != '@' {
		return 0
	}
	j++
	start, lastDot := j, -1
	for j < len(s) && (isAlnumByte(s[j]) || s[j] == '.' || s[j] == '-') {
		if s[j] == '.' {
			if j+1 >= len(s) || !isAlnumByte(s[j+1]) {
				break
			}
			lastDot = j
		}
		j++
	}
	if lastDot <= start || j-lastDot < 3 {
		return 0
	}
	return j - i
}

func isAlnumByte(b byte) bool { return b < utf8.RuneSelf && asciiClass[b]&clsAlnum != 0 }

// looksLikeHost reports whether the lower-case dotted word containing the
// full stop at j ends in a known top-level domain (bbc.co.uk, google.com).
func looksLikeHost(s string, i, j int) bool {
	k := j + 1
	for k < len(s) && (isLowerByte(s[k]) || isDigitByte(s[k]) || s[k] == '.' || s[k] == '-') {
		k++
	}
	w := strings.TrimRight(s[i:k], ".")
	dot := strings.LastIndexByte(w, '.')
	if dot < 0 {
		return false
	}
	switch w[dot+1:] {
	case "com", "org", "net", "uk", "gov", "edu", "int", "eu", "us", "de", "fr", "info", "biz", "io", "tv":
		return true
	}
	return false
}

func isLowerByte(b byte) bool { return b >= 'a' && b <= 'z' }
func isUpperByte(b byte) bool { return b >= 'A' && b <= 'Z' }
