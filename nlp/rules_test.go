package nlp

import "testing"

func TestRuleEntities(t *testing.T) {
	tests := []struct {
		text string
		want map[string]string // entity text -> type
	}{
		{"President Donald Trump’s special envoy Steve Witkoff met with Russian President Vladimir Putin in Moscow on Tuesday.",
			map[string]string{"Donald Trump": "PER", "Steve Witkoff": "PER", "Russian": "MISC", "Vladimir Putin": "PER", "Moscow": "LOC"}},
		{"Vladimir Putin spoke. According to the Kremlin, Putin was joined by Yury Ushakov.",
			map[string]string{"Kremlin": "ORG", "Putin": "PER", "Yury Ushakov": "PER"}}, // a lone surname is the person named in full
		{"Abbas Gallyamov told NBC News that Putin could agree.",
			map[string]string{"Abbas Gallyamov": "PER", "NBC News": "ORG"}},
		{"Prince Harry apologised at the Simon Wiesenthal Center.",
			map[string]string{"Prince Harry": "PER", "Simon Wiesenthal Center": "ORG"}},
	}
	p, _ := Default()
	for _, tt := range tests {
		got := map[string]string{}
		for _, e := range p.Process(tt.text).Entities {
			got[e.Text] = e.Type
		}
		for name, typ := range tt.want {
			if got[name] != typ {
				t.Errorf("%q: %q typed %q, want %q (all: %v)", tt.text, name, got[name], typ, got)
			}
		}
	}
}
