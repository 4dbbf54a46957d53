package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// seeds are inputs every fuzz target starts from: the articles in testdata
// and the awkward shapes of issue 8 (encodings, line ends, odd quotes).
func seeds(f *testing.F) {
	files, _ := filepath.Glob("../testdata/*.txt")
	more, _ := filepath.Glob("../testdata/articles/*.txt")
	for _, p := range append(files, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"", "\x00", "date 2025-12-02", " date 2025-12-02 Putin met Witkoff.",
		"\xEF\xBB\xBFBOM first.", "\xFF\xFEH\x00i\x00", "\xFE\xFF\x00H\x00i", "caf\xE9 \xA3 \x93quoted\x94",
		"Title\r\n\r\nBody \"open quote and ”stray close.", "'single' ‘curly’ “double” \"straight\"",
		"Mr. U.S. Gen. St. — – ... $11.5bn 2,225 https://x.y/z?a=b mail@example.com",
		"A\n\n\n\nB", strings.Repeat("Putin met Witkoff in Moscow on Tuesday. ", 50),
		"&#233;&amp;&lt;&#xZZ;", "He said: \"I", "\"", "”", "the the the", "Mr", "E.U.",
	} {
		f.Add([]byte(s))
	}
}

// FuzzParse: reading never panics; what it accepts is valid UTF-8 text
// with the headline as its first line and a well-formed date.
func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Parse(b, ReadOptions{})
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) {
			t.Fatalf("text is not valid UTF-8: %q", a.Text)
		}
		if strings.TrimSpace(a.Text) == "" {
			t.Fatal("accepted an empty article")
		}
		if a.Title != "" && !strings.HasPrefix(a.Text, a.Title) {
			t.Fatalf("title %q does not open the text %q", a.Title, a.Text)
		}
		if a.Date != "" && len(a.Date) != 10 {
			t.Fatalf("date %q", a.Date)
		}
		if _, err := Parse(b, ReadOptions{Strict: true}); err == nil && !utf8.Valid(b) && !hasBOM16(b) {
			t.Fatal("--strict accepted invalid UTF-8")
		}
	})
}

func hasBOM16(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF)
}

// FuzzExtract: extraction never panics, and everything it reports lies in
// the text: every alias occurs in the article, every quotation and
// sentence span is inside it, every evidence index names a sentence, every
// relation joins two entities of the extraction.
func FuzzExtract(f *testing.F) {
	seeds(f)
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Parse(b, ReadOptions{})
		if err != nil {
			return
		}
		a.ID = "fuzz.txt"
		ex := x.Extract(a)
		names := map[string]bool{}
		for _, e := range ex.Entities {
			names[e.Name] = true
			for _, al := range e.Aliases {
				if !strings.Contains(a.Text, al) {
					t.Fatalf("alias %q of %q is not in the article", al, e.Name)
				}
			}
		}
		n := len(ex.Sentences)
		for _, s := range ex.Sentences {
			if s.Start < 0 || s.End > len(a.Text) || s.Start > s.End {
				t.Fatalf("sentence span %d-%d outside the text (%d bytes)", s.Start, s.End, len(a.Text))
			}
		}
		evidence := func(ev []int) {
			for _, i := range ev {
				if i < 0 || i >= n {
					t.Fatalf("evidence %d names no sentence (%d)", i, n)
				}
			}
		}
		for _, q := range ex.Quotes {
			if q.Start < 0 || q.End > len(a.Text) || q.Start > q.End || !strings.Contains(a.Text[q.Start:q.End], q.Text) {
				t.Fatalf("quotation %q not at %d-%d", q.Text, q.Start, q.End)
			}
			if q.Speaker != "" && !names[q.Speaker] {
				t.Fatalf("speaker %q is no entity", q.Speaker)
			}
			evidence(q.Evidence)
		}
		for _, r := range ex.Relations {
			if !names[r.Subject] || !names[r.Object] {
				t.Fatalf("relation %v joins a name that is no entity", r)
			}
			evidence(r.Evidence)
		}
		for _, m := range append(ex.Meetings, ex.Planned...) {
			for _, p := range m.Participants {
				if !names[p] {
					t.Fatalf("participant %q is no entity", p)
				}
			}
			if m.Place != "" && !names[m.Place] {
				t.Fatalf("place %q is no entity", m.Place)
			}
			evidence(m.Evidence)
		}
	})
}
