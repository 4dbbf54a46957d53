// Package corpuscheck holds one test: that no file of the repository copies
// text from the research-only corpora in ../shared/corpus (their licences
// forbid it). Test sentences and comments are written anew; gold files
// quote only the first words of a quotation.
package corpuscheck

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// runLen is how many words in a row make a copy: short enough to catch a
// copied sentence, long enough that names and set phrases do not.
const runLen = 8

var word = regexp.MustCompile(`[A-Za-z0-9£$%']+`)

func runs(text string, fn func(run string)) {
	w := word.FindAllString(text, -1)
	for i := 0; i+runLen <= len(w); i++ {
		fn(strings.ToLower(strings.Join(w[i:i+runLen], " ")))
	}
}

// root is the repository's top folder (this package is two below it).
func root(t *testing.T) string {
	t.Helper()
	r, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestNoCorpusTextInTheRepository(t *testing.T) {
	bbc := filepath.Join(root(t), "..", "shared", "corpus", "bbc")
	if d := os.Getenv("KG_SHARED"); d != "" {
		bbc = filepath.Join(d, "corpus", "bbc")
	}
	corpus := map[string]bool{}
	files, _ := filepath.Glob(filepath.Join(bbc, "*", "*.txt"))
	if len(files) == 0 {
		t.Skipf("the BBC corpus is not at %s (../shared or $KG_SHARED): nothing to compare with", bbc)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		runs(string(b), func(r string) { corpus[r] = true })
	}
	err := filepath.WalkDir(root(t), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			// third-party code, build output and fuzz caches are not ours to check
			if name == ".git" || name == "third_party" || name == "node_modules" || name == "out" {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(name) {
		case ".go", ".md", ".json", ".txt", ".js", ".html", ".css", ".tsv", ".sh":
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil || len(b) > 2<<20 {
			return nil
		}
		found := ""
		runs(string(b), func(r string) {
			if found == "" && corpus[r] {
				found = r
			}
		})
		if found != "" {
			rel, _ := filepath.Rel(root(t), path)
			t.Errorf("%s copies corpus text: %q (rewrite it in your own words)", rel, found)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
