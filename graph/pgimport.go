package graph

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// pgImportBatch is how many quads an import writes per transaction on
// PostgreSQL (a variable so that tests can write many small batches).
var pgImportBatch = importCommit

// addQuads is AddQuads on PostgreSQL: one transaction per pgImportBatch
// quads through kg's bulk writer. Reading, parsing and preparing the next
// batch (preparePG) runs while the database writes the current one: done
// one after the other, the importer's own work (a fifth of an import's
// time) left PostgreSQL idle.
func (p *pgStore) addQuads(ctx context.Context, r quad.Reader) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type prepared struct {
		b    *pgBatch
		upTo int // quads read when the batch was full
		err  error
	}
	ready := make(chan prepared, 1)
	// on return the reader has stopped (at most a batch after a failed
	// write): r is not read after AddQuads returns
	defer func() {
		cancel()
		for range ready {
		}
	}()
	go func() {
		defer close(ready)
		send := func(x prepared) bool {
			if ctx.Err() != nil { // not a race with a free slot in ready
				return false
			}
			select {
			case ready <- x:
				return true
			case <-ctx.Done():
				return false
			}
		}
		n := 0
		buf := make([]graph.Delta, 0, pgImportBatch)
		flush := func() bool {
			if len(buf) == 0 {
				return true
			}
			b, err := preparePG(buf, p.fresh)
			buf = make([]graph.Delta, 0, pgImportBatch)
			return send(prepared{b: b, upTo: n, err: err})
		}
		for {
			q, err := r.ReadQuad()
			if errors.Is(err, io.EOF) {
				flush()
				return
			}
			if err == nil {
				err = checkQuad(q, n+1)
			}
			if err != nil { // the batches before this one's stay written
				send(prepared{upTo: n, err: err})
				return
			}
			buf = append(buf, graph.Delta{Quad: q, Action: graph.Add})
			n++
			if len(buf) == pgImportBatch && !flush() {
				return
			}
		}
	}()
	n := 0
	for x := range ready {
		if x.err != nil {
			return x.upTo, x.err
		}
		if err := p.write(ctx, x.b); err != nil {
			return n, fmt.Errorf("after %d quads: %w", n, err)
		}
		n = x.upTo
	}
	return n, ctx.Err() // the reader stops early only when ctx is done
}
