package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/eval"
	"github.com/newsgraph/kg/graph"
)

// articles copies the first n articles of a BBC folder into a temporary
// folder named like it (the corpus is read from ../shared, never kept in
// the repository), or skips without the corpus.
func articles(t *testing.T, folder string, n int) string {
	t.Helper()
	shared, err := eval.SharedDir()
	if err != nil {
		t.Skipf("no shared corpus: %v", err)
	}
	src := filepath.Join(shared, "corpus", "bbc", folder)
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), folder)
	os.MkdirAll(dir, 0o755)
	for _, e := range ents {
		if n == 0 {
			break
		}
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644)
		n--
	}
	return dir
}

func open(t *testing.T) *graph.Store {
	t.Helper()
	st, err := graph.Open(filepath.Join(t.TempDir(), "kg.db"), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func quads(t *testing.T, st *graph.Store) []string {
	t.Helper()
	var out []string
	it := st.QS.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(context.Background()) {
		q, err := st.QS.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.NQuad())
	}
	sort.Strings(out)
	return out
}

func equal(t *testing.T, what string, a, b []string) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%s: %d quads vs %d", what, len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("%s: first difference:\n %s\n %s", what, a[i], b[i])
		}
	}
}

// Extraction runs in parallel and finishes in any order; the graph is the
// one a single worker gives. (The batch size may change the graph: each
// batch reads the identity index from the store afresh, as a resumed run
// would, and the index read back does not always answer as the one learned
// in memory within a batch; see graph.Store.Write.)
func TestParallelGivesTheSequentialGraph(t *testing.T) {
	dir := articles(t, "politics", 60)
	ctx := context.Background()
	par, seq := open(t), open(t)
	sp, err := Run(ctx, par, []string{dir}, Options{Workers: 4, Batch: 7})
	if err != nil {
		t.Fatal(err)
	}
	ss, err := Run(ctx, seq, []string{dir}, Options{Workers: 1, Batch: 7})
	if err != nil {
		t.Fatal(err)
	}
	if sp.Stored != 60 || ss.Stored != 60 || sp.Batches != 9 || ss.Batches != 9 {
		t.Errorf("stored %d in %d batches and %d in %d; want 60 in 9 twice", sp.Stored, sp.Batches, ss.Stored, ss.Batches)
	}
	if sp.Entities == 0 || sp.Quotes == 0 || sp.Entities != ss.Entities || sp.Added != ss.Added || sp.Deleted != ss.Deleted {
		t.Errorf("summaries disagree: %+v / %+v", sp, ss)
	}
	equal(t, "4 workers vs 1 worker", quads(t, par), quads(t, seq))
}

// A second run skips every unchanged file; a changed file replaces its
// article; bad files are counted and the rest still lands.
func TestIncremental(t *testing.T) {
	dir := articles(t, "business", 12)
	ctx := context.Background()
	st := open(t)
	first, err := Run(ctx, st, []string{dir}, Options{})
	if err != nil || first.Stored != 12 || first.Unchanged != 0 {
		t.Fatalf("first run: %+v %v", first, err)
	}
	before := quads(t, st)
	again, err := Run(ctx, st, []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != 12 || again.Stored != 0 || again.Batches != 0 || again.Added+again.Deleted != 0 {
		t.Errorf("second run did not skip every article: %+v", again)
	}
	equal(t, "after an unchanged run", before, quads(t, st))

	// one article changes, and a broken file appears
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	b, _ := os.ReadFile(files[4])
	os.WriteFile(files[4], append(b, []byte("\n\nA brand new closing paragraph says Zebedee Quartermaine resigned.\n")...), 0o644)
	os.WriteFile(filepath.Join(dir, "zz-binary.txt"), []byte("PK\x03\x04\x00\x00junk"), 0o644)
	var log bytes.Buffer
	third, err := Run(ctx, st, []string{dir}, Options{Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if third.Stored != 1 || third.Unchanged != 11 || third.Failed != 1 || third.Deleted == 0 && third.Added == 0 {
		t.Errorf("after one change: %+v", third)
	}
	if !strings.Contains(log.String(), "zz-binary.txt") {
		t.Errorf("the bad file is not named: %q", log.String())
	}
	hasNew := false
	for _, q := range quads(t, st) {
		if strings.Contains(q, "Zebedee Quartermaine") {
			hasNew = true
		}
	}
	if !hasNew {
		t.Error("the changed article's new text did not land")
	}
	hash, err := st.ArticleHash(ctx, st.IRIs.Article("business/"+filepath.Base(files[4])))
	if err != nil || hash == "" {
		t.Fatalf("no content hash: %v", err)
	}
	if h, _ := hashFile(files[4]); h != hash {
		t.Errorf("stored hash %s is not the new file's %s", hash, h)
	}
}

func TestProgressLines(t *testing.T) {
	var buf bytes.Buffer
	p := NewProgress(&buf, false)
	clock := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	p.now = func() time.Time { return clock }
	p.Every = time.Hour // no ticker line during the test
	p.start(100)
	clock = clock.Add(10 * time.Second)
	p.advance(25, 1000)
	if got, want := p.Line(), "25/100 articles (25%), 2 articles/s, 1000 quads, ETA 30s"; got != want {
		t.Errorf("progress line %q, want %q", got, want)
	}
	p.mu.Lock()
	p.lastLine = clock.Add(-time.Hour)
	p.draw()
	p.mu.Unlock()
	p.Printf("kg: %s: warning", "a.txt")
	p.finish()
	if got := buf.String(); got != "kg: ingest: 25/100 articles (25%), 2 articles/s, 1000 quads, ETA 30s\nkg: a.txt: warning\n" {
		t.Errorf("not a terminal: %q", got)
	}

	buf.Reset()
	p = NewProgress(&buf, true)
	p.now = func() time.Time { return clock }
	p.start(4)
	p.advance(2, 10)
	p.mu.Lock()
	p.draw()
	p.mu.Unlock()
	p.Printf("a line")
	p.finish()
	out := buf.String()
	if !strings.Contains(out, "\r\033[K[===============               ] 2/4 articles (50%)") || !strings.Contains(out, "\r\033[Ka line\n") {
		t.Errorf("terminal output: %q", out)
	}
	if !strings.HasSuffix(out, "\r\033[K") {
		t.Errorf("the bar is not cleared at the end: %q", out)
	}
}

func TestHashFileMatchesLoader(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("Headline\n\nAnn Smith met Bob Jones in Paris.\n"), 0o644)
	st := open(t)
	if _, err := Run(context.Background(), st, []string{p}, Options{}); err != nil {
		t.Fatal(err)
	}
	stored, _ := st.ContentHashes(context.Background(), []quad.IRI{st.IRIs.Article("a.txt")})
	h, _ := hashFile(p)
	if stored[st.IRIs.Article("a.txt")] != h || h == "" {
		t.Errorf("stored %v, file %s", stored, h)
	}
}
