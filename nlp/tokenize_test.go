package nlp

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"President Donald Trump’s special envoy", "President|Donald|Trump|’s|special|envoy"},
		{"Mr. Putin met Mr Witkoff.", "Mr.|Putin|met|Mr|Witkoff|."},
		{"The U.S. delegation", "The|U.S.|delegation"},
		{"George W. Bush won", "George|W.|Bush|won"},
		{"via the Al-Jazeera channel", "via|the|Al-Jazeera|channel"},
		{"Ex-Labour MP", "Ex-Labour|MP"},
		{"O'Brien didn't say", "O'Brien|didn't|say"},
		{"for $11.5bn (£6.1bn).", "for|$|11.5bn|(|£|6.1bn|)|."},
		{"2,225 articles, 20% more", "2,225|articles|,|20|%|more"},
		{"at 0530GMT to", "at|0530GMT|to"},
		{"“We have no doubt,” Peskov said.", "“|We|have|no|doubt|,|”|Peskov|said|."},
		{"\"as long as necessary,\"", "\"|as|long|as|necessary|,|\""},
		{"the Queen's grandson", "the|Queen|'s|grandson"},
		{"see https://example.com/a?b=1. Next", "see|https://example.com/a?b=1|.|Next"},
		{"mail news@example.co.uk today", "mail|news@example.co.uk|today"},
		{"wait... what", "wait|...|what"},
		{"a move – if it is fair play — then", "a|move|–|if|it|is|fair|play|—|then"},
		{"the Soviets' 1945 liberation", "the|Soviets|'|1945|liberation"},
		{"Travelers Life & Annuity", "Travelers|Life|&|Annuity"},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		var got []string
		for _, tok := range toks {
			if tt.in[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q has offsets %d-%d that give %q", tt.in, tok.Text, tok.Start, tok.End, tt.in[tok.Start:tok.End])
			}
			got = append(got, tok.Text)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, g, tt.want)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Straw to attend Auschwitz service\n\nForeign Secretary Jack Straw will visit.",
			[]string{"Straw to attend Auschwitz service", "Foreign Secretary Jack Straw will visit."}},
		{"Mr. Putin met Mr Witkoff. They talked.", []string{"Mr. Putin met Mr Witkoff.", "They talked."}},
		{"He lives in the U.S. and works.", []string{"He lives in the U.S. and works."}},
		{"He lives in the U.S. The deal fell.", []string{"He lives in the U.S.", "The deal fell."}},
		{"George W. Bush spoke.", []string{"George W. Bush spoke."}},
		{`Peskov said: "It is fine." Then he left.`, []string{`Peskov said: "It is fine."`, "Then he left."}},
		{"“We have no doubt,” Peskov said. Putin agreed.", []string{"“We have no doubt,” Peskov said.", "Putin agreed."}},
		{`commemoration. "Once again this government has failed."`, []string{`commemoration.`, `"Once again this government has failed."`}},
		{"It rose 2.5% in 2004. Sales fell.", []string{"It rose 2.5% in 2004.", "Sales fell."}},
		{"Is it over? No.", []string{"Is it over?", "No."}},
		{"first line\nwrapped line one\ncontinues here.", []string{"first line", "wrapped line one\ncontinues here."}},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		var got []string
		for _, s := range SplitSentences(tt.in, toks) {
			got = append(got, tt.in[s.Start:s.End])
		}
		if strings.Join(got, "§") != strings.Join(tt.want, "§") {
			t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
