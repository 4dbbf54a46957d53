package kg

import (
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// nameTitles are honorifics and offices that may lead a name without being
// part of it ("President Putin" is Putin). The list is score.py's.
var nameTitles = []string{"prime minister", "president", "chancellor", "secretary", "minister", "mr", "mrs",
	"ms", "dr", "sir", "lord", "lady", "king", "queen", "prince", "general", "senator"}

var (
	possessiveRe = regexp.MustCompile(`'s\b`)
	punctRe      = regexp.MustCompile(`[."',]`)
	spaceRe      = regexp.MustCompile(`\s+`)
	leadingThe   = regexp.MustCompile(`^the\s+`)
	quoteFolder  = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`)
)

// NameKey normalises a name for matching, with the rules of
// ../shared/eval/score.py: NFKC, curly quotes straightened, lower case,
// possessive 's, dots, quotes and commas dropped, then a leading "the" and
// leading titles removed. "President Putin's" and "Mr. Putin" both give "putin".
func NameKey(s string) string {
	if s == "" {
		return ""
	}
	s = norm.NFKC.String(s)
	s = strings.TrimSpace(strings.ToLower(quoteFolder.Replace(s)))
	s = possessiveRe.ReplaceAllString(s, "")
	s = punctRe.ReplaceAllString(s, "")
	s = leadingThe.ReplaceAllString(s, "")
	for changed := true; changed; {
		changed = false
		for _, t := range nameTitles {
			if strings.HasPrefix(s, t+" ") && len(s) > len(t)+1 {
				s = s[len(t)+1:]
				changed = true
			}
		}
	}
	return strings.TrimSpace(spaceRe.ReplaceAllString(s, " "))
}
