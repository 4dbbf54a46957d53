package nlp

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

func defaultPipeline(t testing.TB) *Pipeline {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return p
}

func TestProcessEntities(t *testing.T) {
	p := defaultPipeline(t)
	text := "Prime Minister Tony Blair met German Chancellor Gerhard Schroeder in Berlin on Monday.\n\n" +
		"Shares in Microsoft Corp. rose 5% on the Nasdaq, the U.S. technology index."
	doc := p.Process(text)
	got := map[string]string{}
	for _, e := range doc.Entities {
		got[e.Text] = e.Type
		if text[e.Start:e.End] != e.Text || e.Start != doc.Tokens[e.First].Start || e.End != doc.Tokens[e.Last-1].End {
			t.Errorf("entity %+v offsets disagree with text/tokens", e)
		}
	}
	want := map[string]string{"Tony Blair": "PER", "Gerhard Schroeder": "PER", "Berlin": "LOC", "German": "MISC"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("entity %q: got type %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if len(doc.Sentences) != 2 {
		t.Errorf("got %d sentences, want 2: %+v", len(doc.Sentences), doc.Sentences)
	}
	for _, tk := range doc.Tokens {
		if tk.POS == "" || tk.NER == "" {
			t.Fatalf("token %+v not tagged", tk)
		}
	}
	if tk := doc.Tokens[0]; tk.POS != "NNP" {
		t.Errorf("POS of %q = %s, want NNP", tk.Text, tk.POS)
	}
}

func TestProcessIOB2Consistent(t *testing.T) {
	p := defaultPipeline(t)
	doc := p.Process("The European Commission said on Friday it rejected German guidance telling shoppers to avoid British beef until experts establish whether the disease can spread to sheep.")
	var tags []string
	for _, tk := range doc.Tokens {
		tags = append(tags, tk.NER)
	}
	chunks := Chunks(tags)
	if len(chunks) != len(doc.Entities) {
		t.Fatalf("%d chunks from tags, %d entities", len(chunks), len(doc.Entities))
	}
	for i, c := range chunks {
		e := doc.Entities[i]
		if c.Start != e.First || c.End != e.Last || c.Type != e.Type {
			t.Errorf("chunk %+v != entity %+v", c, e)
		}
		if !strings.HasPrefix(tags[c.Start], "B-") {
			t.Errorf("entity %q does not start with B-: %s", e.Text, tags[c.Start])
		}
	}
	if len(doc.Entities) < 3 {
		t.Errorf("expected at least European Commission, German, British; got %+v", doc.Entities)
	}
}

func TestProcessConcurrent(t *testing.T) {
	p := defaultPipeline(t)
	texts := []string{
		"Tony Blair spoke in London.",
		"Apple Inc. sold iPods in Japan, said chief executive Steve Jobs.",
		"RUGBY UNION - ENGLAND BEAT WALES IN CARDIFF .",
	}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = entityString(p.Process(s))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(texts)
				if got := entityString(p.Process(texts[i])); got != want[i] {
					errs <- got + " != " + want[i]
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func entityString(d *Doc) string {
	var b strings.Builder
	for _, e := range d.Entities {
		b.WriteString(e.Type + ":" + e.Text + ";")
	}
	return b.String()
}

func TestTagTokens(t *testing.T) {
	p := defaultPipeline(t)
	words := strings.Fields("Peter Blackburn visited BRUSSELS .")
	pos, ner := p.TagTokens(words)
	if len(pos) != len(words) || len(ner) != len(words) {
		t.Fatalf("lengths %d %d, want %d", len(pos), len(ner), len(words))
	}
	if ner[0] != "B-PER" || ner[1] != "I-PER" || ner[4] != "O" {
		t.Errorf("ner = %v", ner)
	}
	if pos[4] != "." {
		t.Errorf("pos = %v", pos)
	}
}

func TestEmptyInput(t *testing.T) {
	p := defaultPipeline(t)
	if d := p.Process(""); len(d.Tokens) != 0 || len(d.Entities) != 0 {
		t.Errorf("empty text gave %+v", d)
	}
	if d := p.Process(" \n\n "); len(d.Tokens) != 0 {
		t.Errorf("blank text gave %+v", d)
	}
	pos, ner := p.TagTokens(nil)
	if len(pos) != 0 || len(ner) != 0 {
		t.Errorf("TagTokens(nil) = %v %v", pos, ner)
	}
}

// bbcText returns the BBC articles' texts, or skips.
func bbcTexts(tb testing.TB) []string {
	tb.Helper()
	dir := SharedCorpusDir()
	if dir == "" {
		tb.Skip("shared/corpus not found (set KG_SHARED); skipping corpus test")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "bbc", "*", "*.txt"))
	if len(files) == 0 {
		tb.Skip("no BBC articles under " + dir)
	}
	sort.Strings(files)
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func TestHonorificNotInName(t *testing.T) {
	p := defaultPipeline(t)
	for _, tc := range []struct{ text, want string }{
		{"Mr Straw visited Beijing on Monday.", "Straw"},
		{"Yesterday Mrs Margaret Beckett spoke.", "Margaret Beckett"},
	} {
		d := p.Process(tc.text)
		found := false
		for _, e := range d.Entities {
			if e.Type == "PER" {
				found = found || e.Text == tc.want
				if strings.HasPrefix(e.Text, "Mr") {
					t.Errorf("%q: person %q includes the honorific", tc.text, e.Text)
				}
			}
		}
		if !found {
			t.Errorf("%q: no person %q in %+v", tc.text, tc.want, d.Entities)
		}
	}
}

func TestDropHonorifics(t *testing.T) {
	words := []string{"Mr", "Tony", "Blair", "and", "Mr", "Brown"}
	B, I, L := uint8(nerClass(0, bilouB)), uint8(nerClass(0, bilouI)), uint8(nerClass(0, bilouL))
	ner := []uint8{B, I, L, 0, B, L}
	dropHonorifics(words, ner)
	want := []uint8{0, B, L, 0, 0, uint8(nerClass(0, bilouU))}
	for i := range want {
		if ner[i] != want[i] {
			t.Fatalf("dropHonorifics = %v, want %v", ner, want)
		}
	}
}

func TestContextFlags(t *testing.T) {
	text := "Yesterday President Bill Clinton met reporters. He spoke in Paris. Shares in Acme Holdings Inc rose."
	toks := Tokenize(text)
	sents := SplitSentences(text, toks)
	s := newScratch(nil)
	var words []string
	for _, tk := range toks {
		words = append(words, tk.Text)
	}
	var spans []span
	for _, st := range sents {
		spans = append(spans, span{st.First, st.Last})
	}
	s.prepare(words, spans, true)
	flag := func(w string) uint16 {
		var l lex
		s.lx.compute(w, &l)
		return s.mem.flags[l.lower]
	}
	checks := []struct {
		word string
		bit  uint16
		want bool
	}{
		{"Clinton", dfAfterTitle, true},
		{"Bill", dfAfterTitle, true},
		{"Bill", dfInRun, true},
		{"Paris", dfAfterLocPrep, true},
		{"Paris", dfInRun, false},
		{"Acme", dfBeforeSuffix, true},
		{"President", dfAfterTitle, false},
		{"reporters", dfLower, true},
		{"Clinton", dfNameRun, true},
		{"Acme", dfNameRun, false},
	}
	for _, c := range checks {
		if got := flag(c.word)&c.bit != 0; got != c.want {
			t.Errorf("%s: flag %b = %v, want %v (flags %b)", c.word, c.bit, got, c.want, flag(c.word))
		}
	}
}
