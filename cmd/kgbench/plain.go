package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/kg/graph"
)

// plainLoad reads N-Quads from file and writes them into the store named by
// spec through Cayley's own batch writer (qs.NewQuadWriter, the fastest
// path Cayley offers), and prints the quads written and the seconds the
// writing took (reading the file is not counted).
func plainLoad(spec, file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	r := nquads.NewReader(bufio.NewReaderSize(f, 1<<20), true)
	var all []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		all = append(all, q)
	}
	st, err := graph.Open(spec, graph.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	w, err := st.QS.NewQuadWriter()
	if err != nil {
		return err
	}
	for i := 0; i < len(all); i += quad.DefaultBatch {
		j := min(i+quad.DefaultBatch, len(all))
		if _, err := w.WriteQuads(all[i:j]); err != nil {
			w.Close()
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	took := time.Since(start)
	stats, err := st.Stats(context.Background())
	if err != nil {
		return err
	}
	fmt.Printf("%d %.3f\n", stats.Quads.Value, took.Seconds())
	return nil
}
