package graph

import (
	"context"
	"testing"

	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
)

// An identity index read before an import must not hide the imported
// entities: AddQuads makes the store read it again.
func TestAddQuadsFeedsTheIdentityIndex(t *testing.T) {
	ctx := context.Background()
	src := openTemp(t)
	x := article("a.txt", []kg.Entity{person("Vladimir Putin", "Putin"), person("Steve Witkoff")},
		kg.Relation{Subject: "Steve Witkoff", Predicate: kg.Met, Object: "Vladimir Putin", Evidence: []int{0}})
	if _, err := src.Write(ctx, []*kg.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	var qs []quad.Quad
	sc := src.QS.QuadsAllIterator().Iterate()
	for sc.Next(ctx) {
		q, err := src.QS.Quad(sc.Result())
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
	sc.Close()

	dst := openTemp(t)
	if _, err := dst.Identity(ctx); err != nil { // read (empty) before the import
		t.Fatal(err)
	}
	n, err := dst.AddQuads(ctx, quad.NewReader(qs))
	if err != nil || n != len(qs) {
		t.Fatalf("AddQuads: %d of %d, %v", n, len(qs), err)
	}
	if c, err := dst.QuadCount(ctx); err != nil || c != int64(len(qs)) {
		t.Errorf("QuadCount after import: %d, %v; want %d", c, err, len(qs))
	}
	// a later article names him by surname only
	y := article("b.txt", []kg.Entity{person("Putin")})
	if _, err := dst.Write(ctx, []*kg.Extraction{y}); err != nil {
		t.Fatal(err)
	}
	if got := nodesLabelled(t, dst, "Putin"); len(got) != 0 {
		t.Errorf("\"Putin\" became a node of its own %v instead of joining the imported Vladimir Putin", got)
	}
	// importing the same quads again adds nothing
	if _, err := dst.AddQuads(ctx, quad.NewReader(qs)); err != nil {
		t.Fatal(err)
	}
	if c, _ := dst.QuadCount(ctx); c != int64(len(allQuads(t, dst))) {
		t.Errorf("QuadCount %d disagrees with the quads in the store (%d)", c, len(allQuads(t, dst)))
	}
}

func TestQuadCountOfANewStore(t *testing.T) {
	if c, err := openTemp(t).QuadCount(context.Background()); err != nil || c != 0 {
		t.Errorf("QuadCount of a new store: %d, %v", c, err)
	}
}
