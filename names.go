package kg

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// nameTitles are honorifics and offices that may lead a name without being
// part of it ("President Putin" is Putin). The list is score.py's.
var nameTitles = []string{"prime minister", "president", "chancellor", "secretary", "minister", "mr", "mrs",
	"ms", "dr", "sir", "lord", "lady", "king", "queen", "prince", "general", "senator"}

var quoteFolder = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`)

// NameKey normalises a name for matching, with the rules of
// ../shared/eval/score.py: NFKC, curly quotes straightened, lower case,
// possessive 's, dots, quotes and commas dropped, then a leading "the" and
// leading titles removed. "President Putin's" and "Mr. Putin" both give "putin".
// It is written without regular expressions: the loader and the graph call it
// for every mention, and the regexp version cost seconds on a corpus.
func NameKey(s string) string {
	if s == "" {
		return ""
	}
	if !isASCII(s) {
		s = norm.NFKC.String(s)
		s = quoteFolder.Replace(s)
	}
	s = strings.TrimSpace(strings.ToLower(s))
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		// 's at the end of a word ('s\b)
		if c == '\'' && i+1 < len(s) && s[i+1] == 's' && (i+2 == len(s) || !isWordByte(s[i+2])) {
			i++
			continue
		}
		if c == '.' || c == '"' || c == '\'' || c == ',' {
			continue
		}
		b.WriteByte(c)
	}
	s = b.String()
	if strings.HasPrefix(s, "the") && len(s) > 3 && isSpace(s[3]) {
		s = strings.TrimLeft(s[3:], " \t\n\r\f\v")
	}
	for changed := true; changed; {
		changed = false
		for _, t := range nameTitles {
			if strings.HasPrefix(s, t+" ") && len(s) > len(t)+1 {
				s = s[len(t)+1:]
				changed = true
			}
		}
	}
	return strings.Join(strings.Fields(s), " ")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// isWordByte reports a regexp \w byte (ASCII letters, digits, underscore).
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
