// Package export writes the graph out for other tools. It streams: quads go
// from the store to the writer one at a time, so exporting a large graph
// holds memory flat.
package export

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/kg/graph"
)

// Options narrow an export.
type Options struct {
	// Graph, when set, exports only the quads of this article (its IRI).
	Graph quad.IRI
}

// Format writes quads in one serialisation.
type Format struct {
	Name  string
	Ext   string
	Write func(ctx context.Context, st *graph.Store, w io.Writer, opt Options) error
}

var formats = map[string]Format{}

// Register adds a format.
func Register(f Format) { formats[f.Name] = f }

// Get returns the format of that name.
func Get(name string) (Format, error) {
	f, ok := formats[name]
	if !ok {
		return Format{}, fmt.Errorf("unknown format %q (have: %v)", name, Names())
	}
	return f, nil
}

// Names lists the formats, sorted.
func Names() []string {
	var out []string
	for n := range formats {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func init() {
	Register(Format{Name: "nquads", Ext: ".nq", Write: writeNQuads})
}

// Each calls fn for every quad of the export, in the store's order.
func Each(ctx context.Context, st *graph.Store, opt Options, fn func(quad.Quad) error) error {
	qs := st.QS
	shape := qs.QuadsAllIterator()
	if opt.Graph != "" {
		ref, err := qs.ValueOf(opt.Graph)
		if err != nil {
			return err
		}
		if ref == nil {
			return fmt.Errorf("no article %s in the store", opt.Graph)
		}
		shape = qs.QuadIterator(quad.Label, ref)
	}
	sc := shape.Iterate()
	defer sc.Close()
	for sc.Next(ctx) {
		q, err := qs.Quad(sc.Result())
		if err != nil {
			return err
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	return sc.Err()
}

// writeNQuads writes N-Quads: one line per quad, the article as graph name.
func writeNQuads(ctx context.Context, st *graph.Store, w io.Writer, opt Options) error {
	nw := nquads.NewWriter(w)
	err := Each(ctx, st, opt, func(q quad.Quad) error { return nw.WriteQuad(q) })
	if cerr := nw.Close(); err == nil {
		err = cerr
	}
	return err
}
