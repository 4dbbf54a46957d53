package graph_test

import (
	"context"
	"path/filepath"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/loader"
)

// ArticleQuads walks an article's neighbourhood instead of scanning for its
// label; it must find exactly what a full scan finds.
func TestArticleQuadsFindsEveryQuadOfTheArticle(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*.txt")
	more, _ := filepath.Glob("../testdata/articles/*.txt")
	files = append(files, more...)
	if len(files) < 3 {
		t.Fatalf("testdata has %d articles", len(files))
	}
	x, err := loader.New()
	if err != nil {
		t.Fatal(err)
	}
	st, err := graph.Open(filepath.Join(t.TempDir(), "kg.db"), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	var ids []string
	for _, f := range files {
		a, err := loader.ReadFile(f, "", loader.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Write(ctx, []*kg.Extraction{x.Extract(a)}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	byLabel := map[quad.Value][]string{}
	sc := st.QS.QuadsAllIterator().Iterate()
	for sc.Next(ctx) {
		q, err := st.QS.Quad(sc.Result())
		if err != nil {
			t.Fatal(err)
		}
		byLabel[q.Label] = append(byLabel[q.Label], q.NQuad())
	}
	sc.Close()
	for _, id := range ids {
		art := st.IRIs.Article(id)
		got, err := st.ArticleQuads(ctx, art)
		if err != nil {
			t.Fatal(err)
		}
		var g []string
		for _, q := range got {
			g = append(g, q.NQuad())
		}
		want := byLabel[art]
		sort.Strings(g)
		sort.Strings(want)
		if len(g) != len(want) {
			t.Errorf("%s: ArticleQuads found %d quads, the label holds %d", id, len(g), len(want))
			continue
		}
		for i := range g {
			if g[i] != want[i] {
				t.Errorf("%s: %s / %s", id, g[i], want[i])
				break
			}
		}
	}
}
