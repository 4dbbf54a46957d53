package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/internal/pgtest"
)

// failingReader yields quads, then an error in place of quad number
// len(qs)+1 (or io.EOF when err is nil), and notes any read made after
// the test said it was done.
type failingReader struct {
	qs        []quad.Quad
	err       error
	i         int
	done      atomic.Bool
	lateReads atomic.Int32
}

func (r *failingReader) ReadQuad() (quad.Quad, error) {
	if r.done.Load() {
		r.lateReads.Add(1)
	}
	if r.i == len(r.qs) {
		if r.err != nil {
			return quad.Quad{}, r.err
		}
		return quad.Quad{}, io.EOF
	}
	r.i++
	return r.qs[r.i-1], nil
}

func (r *failingReader) Close() error { return nil }

func numbered(n int) []quad.Quad {
	qs := make([]quad.Quad, n)
	for i := range qs {
		qs[i] = quad.MakeIRI(fmt.Sprintf("s%d", i), "p", fmt.Sprintf("o%d", i%7), "")
		if i%3 == 0 {
			qs[i].Label = quad.IRI(fmt.Sprintf("g%d", i%5))
		}
	}
	return qs
}

// An import into PostgreSQL reads the next batch while it writes one: it
// writes every batch in order, stops at a bad quad with the batches
// before it written and the one it was reading dropped, and reads
// nothing after it returns.
func TestPostgresImportInBatches(t *testing.T) {
	defer func(n int) { pgImportBatch = n }(pgImportBatch)
	pgImportBatch = 100
	ctx := context.Background()
	fresh := pgtest.Fresh(t)
	pg := openPG(t, fresh)

	all := numbered(1050)
	r := &failingReader{qs: all}
	n, err := pg.AddQuads(ctx, r)
	r.done.Store(true)
	if err != nil || n != len(all) {
		t.Fatalf("AddQuads: %d of %d quads, %v", n, len(all), err)
	}
	noLateReads(t, r)
	emb := openTemp(t)
	if _, err := emb.AddQuads(ctx, quad.NewReader(all)); err != nil {
		t.Fatal(err)
	}
	sameQuads(t, "imported in batches of 100", allQuads(t, emb), allQuads(t, pg))
	checkCounts(t, fresh)

	fresh = pgtest.Fresh(t)
	pg = openPG(t, fresh)
	bad := errors.New("line 1051: not a quad")
	r = &failingReader{qs: numbered(1050), err: bad}
	n, err = pg.AddQuads(ctx, r)
	r.done.Store(true)
	if !errors.Is(err, bad) || n != 1050 {
		t.Fatalf("AddQuads at a bad quad: %d quads read, %v; want 1050 and the reader's error", n, err)
	}
	noLateReads(t, r)
	first := openTemp(t)
	if _, err := first.AddQuads(ctx, quad.NewReader(all[:1000])); err != nil {
		t.Fatal(err)
	}
	sameQuads(t, "the batches before a bad quad", allQuads(t, first), allQuads(t, pg))
	checkCounts(t, fresh)

	// a write that fails (here: cancelled) stops the reading too
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	r = &failingReader{qs: numbered(5000)}
	if _, err := pg.AddQuads(cctx, r); err == nil {
		t.Error("AddQuads with a cancelled context succeeded")
	}
	r.done.Store(true)
	if r.i > 3*pgImportBatch {
		t.Errorf("after a failed write the import read %d quads; want at most the batches in flight", r.i)
	}
	noLateReads(t, r)
}

func noLateReads(t *testing.T, r *failingReader) {
	t.Helper()
	if late := r.lateReads.Load(); late > 0 {
		t.Errorf("the reader was read %d times after AddQuads returned", late)
	}
}

// An import into an empty graph writes without Cayley's unique indexes,
// leaves out the quads it has already written (in earlier batches too),
// and holds every other kg's writes until it has built the indexes again;
// another kg opening the graph meanwhile does not build them itself.
func TestPostgresFreshImport(t *testing.T) {
	defer func(n int) { pgImportBatch = n }(pgImportBatch)
	pgImportBatch = 100
	ctx := context.Background()
	fresh := pgtest.Fresh(t)
	pg := openPG(t, fresh)
	cayleys := quadIndexDefs(t, fresh)
	end, err := pg.BeginBulk(ctx, 1000, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	all := numbered(1200)
	first := append(append([]quad.Quad{}, all[:700]...), all[50:450]...) // repeats across batches
	if _, err := pg.AddQuads(ctx, quad.NewReader(first)); err != nil {
		t.Fatal(err)
	}
	if got := quadIndexDefs(t, fresh); len(got) != 1 {
		t.Fatalf("during an import into an empty graph: indexes\n%s\nwant the primary key alone", strings.Join(got, "\n"))
	}

	other := openPG(t, fresh)
	if got := quadIndexDefs(t, fresh); len(got) != 1 {
		t.Errorf("another kg opening the graph during a fresh import built indexes: %d", len(got))
	}
	// Cayley's own writer does not wait, and without the unique indexes
	// it stores a quad twice; the end of the import removes the copy
	if err := other.QS.ApplyDeltas([]graph.Delta{{Quad: all[10], Action: graph.Add}, {Quad: all[11], Action: graph.Add}},
		graph.IgnoreOpts{IgnoreDup: true}); err != nil {
		t.Fatal(err)
	}
	var stored int
	if err := other.pg.db.QueryRow(`SELECT count(*) FROM quads`).Scan(&stored); err != nil || stored != 702 {
		t.Fatalf("after Cayley's writer added two quads again: %d quads stored (%v), want 700 + 2 copies", stored, err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := other.AddQuads(ctx, quad.NewReader(all[600:]))
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("another kg wrote during a fresh import (err %v)", err)
	case <-time.After(300 * time.Millisecond):
	}
	if err := end(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the other write still waits after the import ended")
	}
	sameIndexes(t, "after the import", fresh, cayleys)
	emb := openTemp(t)
	if _, err := emb.AddQuads(ctx, quad.NewReader(all)); err != nil {
		t.Fatal(err)
	}
	sameQuads(t, "fresh import and the write after it", allQuads(t, emb), allQuads(t, pg))
	checkCounts(t, fresh)
}
