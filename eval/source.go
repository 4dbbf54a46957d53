package eval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// SharedDir finds the project's shared folder (corpus, eval guide): $KG_SHARED
// when set, else the first "shared" folder beside the working directory or
// one of its parents (the checkout sits next to it, in CI too).
func SharedDir() (string, error) {
	if d := os.Getenv("KG_SHARED"); d != "" {
		if _, err := os.Stat(d); err != nil {
			return "", fmt.Errorf("KG_SHARED=%s: %w", d, err)
		}
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		cand := filepath.Join(dir, "shared")
		if st, err := os.Stat(filepath.Join(cand, "corpus")); err == nil && st.IsDir() {
			return cand, nil
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return "", errors.New("no shared folder (with corpus/) found beside the working directory or its parents; set KG_SHARED")
}

// TextPath returns the article text a gold file annotates: its "source"
// (relative to the shared folder) when it has one, else the file named by
// "article" next to the gold file.
func (g *Gold) TextPath() (string, error) {
	if g.Source != "" {
		shared, err := SharedDir()
		if err != nil {
			return "", fmt.Errorf("%s refers to %s: %w", g.path, g.Source, err)
		}
		return filepath.Join(shared, filepath.FromSlash(g.Source)), nil
	}
	p := filepath.Join(filepath.Dir(g.path), filepath.Base(g.Article))
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%s: article text %s not found (give it on the command line, or add \"source\")", g.path, p)
	}
	return p, nil
}

// Name is the article name the gold file scores ("bbc-politics-018.txt").
func (g *Gold) Name() string { return filepath.Base(strings.TrimSpace(g.Article)) }
