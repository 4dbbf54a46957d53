package export

import (
	"context"
	"io"

	"github.com/newsgraph/kg/graph"
)

func init() {
	Register(Format{Name: "trig", Ext: ".trig", Write: writeTriG})
}

// writeTriG writes every quad with its article as named graph, one block
// per graph, grouped by subject and predicate inside, with the prefixes of
// graph.Prefixes. It holds the same quads as the N-Quads export.
func writeTriG(ctx context.Context, st *graph.Store, w io.Writer, opt Options) error {
	if _, err := io.WriteString(w, prefixLines()); err != nil {
		return err
	}
	tw := &ttlWriter{w: w, trig: true}
	if err := eachSorted(ctx, st, opt, true, tw.quad); err != nil {
		return err
	}
	return tw.close()
}
