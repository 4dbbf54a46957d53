package nlp

import (
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // sentence texts
	}{
		{"simple", "Profits rose. Sales fell.", []string{"Profits rose.", "Sales fell."}},
		{"question and exclamation", "Why? Because! Fine.", []string{"Why?", "Because!", "Fine."}},
		{"title abbreviation", "Mr. Blair met Dr. Jones. They talked.", []string{"Mr. Blair met Dr. Jones.", "They talked."}},
		{"initials", "George W. Bush won. Kerry lost.", []string{"George W. Bush won.", "Kerry lost."}},
		{"military title", "Gen. Musharraf spoke.", []string{"Gen. Musharraf spoke."}},
		{"acronym mid-sentence", "The U.S. Treasury sold bonds.", []string{"The U.S. Treasury sold bonds."}},
		{"acronym ends sentence", "He flew to the U.S. The visit was short.", []string{"He flew to the U.S.", "The visit was short."}},
		{"company abbreviation ends sentence", "Shares in Apple Inc. rose. But Microsoft fell.", []string{"Shares in Apple Inc. rose.", "But Microsoft fell."}},
		{"closing curly quote", "“We won.” Then he left.", []string{"“We won.”", "Then he left."}},
		{"closing straight quote", `"We won." Then he left.`, []string{`"We won."`, "Then he left."}},
		{"quote then lowercase", "“Are we there?” he asked. Yes.", []string{"“Are we there?” he asked.", "Yes."}},
		{"closing bracket", "(It fell.) Shares rose.", []string{"(It fell.)", "Shares rose."}},
		{"paragraph break without stop", "First paragraph\n\nsecond one", []string{"First paragraph", "second one"}},
		{"headline line", "Ad revenue lifts Orbis Media profit\nQuarterly profits at US media firm Orbis rose 12%.", []string{"Ad revenue lifts Orbis Media profit", "Quarterly profits at US media firm Orbis rose 12%."}},
		{"wrapped line continues after comma", "Profits rose,\nsales fell.", []string{"Profits rose,\nsales fell."}},
		{"wrapped line continues lowercase", "Headline\n\nProfits at the\nfirm rose.", []string{"Headline", "Profits at the\nfirm rose."}},
		{"ellipsis", "He waited... Nothing came.", []string{"He waited...", "Nothing came."}},
		{"decimal number", "It rose 1.5 points. Good.", []string{"It rose 1.5 points.", "Good."}},
		{"no final stop", "It rose", []string{"It rose"}},
		// cases the loader relies on
		{"BBC headline", "Straw to attend Auschwitz ceremony\n\nForeign Secretary Jack Straw will visit.",
			[]string{"Straw to attend Auschwitz ceremony", "Foreign Secretary Jack Straw will visit."}},
		{"acronym then lower case", "He lives in the U.S. and works.", []string{"He lives in the U.S. and works."}},
		{"quote after colon", `Peskov said: "It is fine." Then he left.`, []string{`Peskov said: "It is fine."`, "Then he left."}},
		{"curly quote then attribution", "“We have no doubt,” Peskov said. Putin agreed.", []string{"“We have no doubt,” Peskov said.", "Putin agreed."}},
		{"opening quote after stop", `commemoration. "Once again this government has failed."`, []string{`commemoration.`, `"Once again this government has failed."`}},
		{"percent and year", "It rose 2.5% in 2004. Sales fell.", []string{"It rose 2.5% in 2004.", "Sales fell."}},
		{"first line is a headline", "first line\nwrapped line one\ncontinues here.", []string{"first line", "wrapped line one\ncontinues here."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokenize(tc.in)
			sents := SplitSentences(tc.in, toks)
			var got []string
			for _, s := range sents {
				got = append(got, tc.in[s.Start:s.End])
				if s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End {
					t.Errorf("sentence %+v byte range disagrees with its tokens", s)
				}
			}
			if strings.Join(got, "\x00") != strings.Join(tc.want, "\x00") {
				t.Errorf("SplitSentences(%q)\n got  %q\n want %q", tc.in, got, tc.want)
			}
		})
	}
}
