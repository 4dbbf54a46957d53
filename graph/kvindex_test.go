package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
)

// The direct index reads (kvindex.go) answer First and Subjects exactly as
// Cayley's index iterator does, on every embedded kind, after articles
// were replaced (Cayley keeps deleted quads in its indexes, marked dead
// in its log).
func TestKVIndexEqualsIterator(t *testing.T) {
	xs := corpusExtractions(t, "politics", 30)
	for _, kind := range EmbeddedKinds {
		t.Run(kind, func(t *testing.T) {
			st, err := Open(kind+":"+filepath.Join(t.TempDir(), "kg."+kind), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			writeAll(t, st, xs, 10)
			// replace a few articles: their old quads die in the log
			for _, x := range xs[:5] {
				changed := *x
				changed.Quotes = nil
				changed.Entities = changed.Entities[len(changed.Entities)/2:]
				if _, err := st.Write(context.Background(), []*kg.Extraction{&changed}); err != nil {
					t.Fatal(err)
				}
			}
			kv := st.QS.(*ckv.QuadStore)
			ctx := context.Background()
			type pair struct{ a, b quad.Value }
			sp, po := map[pair]bool{}, map[pair]bool{}
			sc := st.QS.QuadsAllIterator().Iterate()
			for sc.Next(ctx) {
				q, err := st.QS.Quad(sc.Result())
				if err != nil {
					t.Fatal(err)
				}
				sp[pair{q.Subject, q.Predicate}] = true
				po[pair{q.Predicate, q.Object}] = true
			}
			sc.Close()
			// and pairs no live quad has: a predicate on the wrong kind of node
			sp[pair{quad.IRI("https://example.org/nothing"), RDFSLabel}] = true
			po[pair{KGKey, quad.String("no such key")}] = true
			if len(sp) < 1000 {
				t.Fatalf("only %d subject-predicate pairs", len(sp))
			}
			for p := range sp {
				pred, _ := p.b.(quad.IRI)
				want, err := st.distinctN(ctx, quad.Object, p.a, pred, 1)
				if err != nil {
					t.Fatal(err)
				}
				got, err := st.kvFirstObject(ctx, kv, p.a, pred)
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(got) != fmt.Sprint(first(want)) {
					t.Fatalf("first %v %v: direct %v, Cayley's iterator %v", p.a, p.b, got, first(want))
				}
			}
			for p := range po {
				pred, _ := p.a.(quad.IRI)
				want, err := st.distinct(ctx, quad.Subject, p.b, pred)
				if err != nil {
					t.Fatal(err)
				}
				got, err := st.kvSubjects(ctx, kv, pred, p.b)
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("subjects of %v %v: direct %v, Cayley's iterator %v", p.a, p.b, got, want)
				}
			}
		})
	}
}

func first(vs []quad.Value) quad.Value {
	if len(vs) == 0 {
		return nil
	}
	return vs[0]
}
