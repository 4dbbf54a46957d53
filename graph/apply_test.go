package graph

import (
	"context"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Cayley's KV ApplyDeltas stores an added quad without a value whose net
// count the same deltas lower (more of its quads deleted than added);
// Store.apply must not.
func TestApplyKeepsValuesWhoseCountGoesDown(t *testing.T) {
	for _, kind := range []string{"bbolt", "leveldb", "pebble"} {
		t.Run(kind, func(t *testing.T) {
			st, err := Open(kind+":"+t.TempDir()+"/kg", Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			ctx := context.Background()
			q := func(s string) quad.Quad {
				return quad.Quad{Subject: quad.IRI(s), Predicate: quad.IRI("p"), Object: quad.IRI("o"), Label: quad.IRI("L")}
			}
			add := func(qs ...quad.Quad) (ds []cgraph.Delta) {
				for _, x := range qs {
					ds = append(ds, cgraph.Delta{Quad: x, Action: cgraph.Add})
				}
				return ds
			}
			if err := st.apply(ctx, add(q("s0"), q("s1"))); err != nil {
				t.Fatal(err)
			}
			// p, o and L: two quads deleted, one added
			ds := []cgraph.Delta{{Quad: q("s0"), Action: cgraph.Delete}, {Quad: q("s1"), Action: cgraph.Delete}}
			if err := st.apply(ctx, append(ds, add(q("s2"))...)); err != nil {
				t.Fatal(err)
			}
			got := strings.Join(allQuads(t, st), "\n")
			if got != "<s2> <p> <o> <L> ." {
				t.Errorf("store holds %q, want only <s2> <p> <o> <L> .", got)
			}
			// and deleting the last quad still works
			if err := st.apply(ctx, []cgraph.Delta{{Quad: q("s2"), Action: cgraph.Delete}}); err != nil {
				t.Fatal(err)
			}
			if got := allQuads(t, st); len(got) != 0 {
				t.Errorf("left: %v", got)
			}
		})
	}
}
