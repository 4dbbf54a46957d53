package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
)

// The direct index reads (kvindex.go) answer First and Subjects exactly as
// Cayley's index iterator does, on every embedded kind, after articles
// were replaced (Cayley keeps deleted quads in its indexes, marked dead
// in its log).
func TestKVIndexEqualsIterator(t *testing.T) {
	xs := corpusExtractions(t, "politics", 16)
	for _, kind := range EmbeddedKinds {
		if kind == "bolt" && raceBuild {
			continue
		}
		t.Run(kind, func(t *testing.T) {
			st, err := Open(kind+":"+filepath.Join(t.TempDir(), "kg."+kind), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			writeAll(t, st, xs, 10)
			// replace a few articles: their old quads die in the log
			for _, x := range xs[:4] {
				changed := *x
				changed.Quotes = nil
				changed.Entities = changed.Entities[len(changed.Entities)/2:]
				if _, err := st.Write(context.Background(), []*kg.Extraction{&changed}); err != nil {
					t.Fatal(err)
				}
			}
			ctx := context.Background()
			view := func(fn func(r kvRead) error) {
				t.Helper()
				if ok, err := st.kvView(ctx, fn); !ok || err != nil {
					t.Fatalf("direct read: %v, %v", ok, err)
				}
			}
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
			if len(sp) < 500 {
				t.Fatalf("only %d subject-predicate pairs", len(sp))
			}
			for p := range sp {
				pred, _ := p.b.(quad.IRI)
				want, err := st.distinctN(ctx, quad.Object, p.a, pred, 1)
				if err != nil {
					t.Fatal(err)
				}
				var got quad.Value
				var all []quad.Value
				view(func(r kvRead) (err error) {
					if got, err = r.firstObject(p.a, pred); err == nil {
						all, err = r.objects(p.a, pred)
					}
					return
				})
				var firsts []quad.Value
				view(func(r kvRead) (err error) { firsts, err = r.firsts(p.a, []quad.IRI{RDFType, pred}); return })
				if fmt.Sprint(got) != fmt.Sprint(first(want)) || fmt.Sprint(firsts[1]) != fmt.Sprint(got) {
					t.Fatalf("first %v %v: direct %v (with another %v), Cayley's iterator %v", p.a, p.b, got, firsts[1], first(want))
				}
				wantAll, err := st.distinct(ctx, quad.Object, p.a, pred)
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(all) != fmt.Sprint(wantAll) {
					t.Fatalf("objects %v %v: direct %v, Cayley's iterator %v", p.a, p.b, all, wantAll)
				}
			}
			for p := range po {
				pred, _ := p.a.(quad.IRI)
				want, err := st.distinct(ctx, quad.Subject, p.b, pred)
				if err != nil {
					t.Fatal(err)
				}
				var got []quad.Value
				view(func(r kvRead) (err error) { got, err = r.subjects(pred, p.b); return })
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("subjects of %v %v: direct %v, Cayley's iterator %v", p.a, p.b, got, want)
				}
				// and each (subject, predicate, object) is there, as Cayley's
				// iterator says; a subject it does not list is not
				for _, subj := range append(want[:min(len(want), 2)], quad.IRI("https://example.org/nothing")) {
					wantHas := false
					st.eachFiltered(ctx, subj, pred, p.b, func(quad.Quad) bool { wantHas = true; return false })
					var has bool
					view(func(r kvRead) (err error) { has, err = r.has(subj, pred, p.b); return })
					if has != wantHas {
						t.Fatalf("has %v %v %v: direct %v, Cayley's iterator %v", subj, p.a, p.b, has, wantHas)
					}
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

// The ids of IRIs the direct reads remember are forgotten when the store
// writes: a predicate whose every quad goes loses its id, and comes back
// with another.
func TestKVIndexForgetsIDsOnWrite(t *testing.T) {
	st := openTemp(t)
	ctx := context.Background()
	pred := quad.IRI("https://example.org/rare")
	q := quad.Quad{Subject: quad.IRI("https://example.org/a"), Predicate: pred, Object: quad.String("x")}
	first := func() quad.Value {
		t.Helper()
		v, err := st.First(ctx, q.Subject, pred)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for round := 0; round < 2; round++ {
		if err := st.apply(ctx, []cgraph.Delta{{Quad: q, Action: cgraph.Add}}); err != nil {
			t.Fatal(err)
		}
		if got := first(); got != q.Object {
			t.Fatalf("round %d: first = %v, want %v", round, got, q.Object)
		}
		if err := st.apply(ctx, []cgraph.Delta{{Quad: q, Action: cgraph.Delete}}); err != nil {
			t.Fatal(err)
		}
		if got := first(); got != nil {
			t.Fatalf("round %d: first after the delete = %v", round, got)
		}
	}
}
