// Package export moves the graph out of the store for other tools, and back
// in: N-Quads, TriG, Turtle and JSON-LD for RDF tools, GraphML and DOT for
// graph tools, and import of N-Quads, JSON-LD and Cayley's own formats.
//
// Every format streams. N-Quads goes from the store to the writer one quad
// at a time. The others need quads grouped (by graph, subject, predicate):
// they pass through an external sort (sorter.go) that keeps a bounded
// amount in memory and spills sorted runs to temporary files, so exporting
// a million quads holds memory flat. The store cannot group for us: Cayley's
// KV backends have no index on the label, so one article's quads are a scan
// of the whole store.
package export

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

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

// sep separates the terms of a sort record; escaped terms never hold it.
// typeKey stands for rdf:type as predicate, so that a subject's types sort
// (and are written) before its other properties.
const (
	sep     = "\x00"
	typeKey = "!"
)

// eachSorted calls fn for every quad of the export in sorted order: by
// graph, subject, predicate and object when byGraph, else by subject,
// predicate and object with the graph dropped and repeated triples (the same
// fact stated by two articles) given once. It holds at most SortMemory bytes
// of quads in memory.
func eachSorted(ctx context.Context, st *graph.Store, opt Options, byGraph bool, fn func(quad.Quad) error) error {
	s := newSorter()
	defer s.Close()
	var b strings.Builder
	err := Each(ctx, st, opt, func(q quad.Quad) error {
		if err := checkQuad(q); err != nil {
			return err
		}
		b.Reset()
		if byGraph && q.Label != nil {
			if err := writeTerm(&b, q.Label); err != nil {
				return err
			}
		}
		for i, v := range []quad.Value{q.Subject, q.Predicate, q.Object} {
			if byGraph || i > 0 {
				b.WriteString(sep)
			}
			if i == 1 && v == graph.RDFType {
				b.WriteString(typeKey)
				continue
			}
			if err := writeTerm(&b, v); err != nil {
				return fmt.Errorf("quad %s: %w", q.NQuad(), err)
			}
		}
		return s.Add(b.String())
	})
	if err != nil {
		return err
	}
	last := "\n" // never a record
	return s.Each(func(rec string) error {
		if rec == last {
			return nil
		}
		last = rec
		parts := strings.Split(rec, sep)
		var q quad.Quad
		if byGraph {
			if parts[0] != "" {
				v, err := parseTerm(parts[0])
				if err != nil {
					return err
				}
				q.Label = v
			}
			parts = parts[1:]
		}
		vals := make([]quad.Value, 3)
		for i, p := range parts {
			if i == 1 && p == typeKey {
				vals[i] = graph.RDFType
				continue
			}
			v, err := parseTerm(p)
			if err != nil {
				return err
			}
			vals[i] = v
		}
		q.Subject, q.Predicate, q.Object = vals[0], vals[1], vals[2]
		return fn(q)
	})
}

// parseTerm reads back one term written by writeTerm.
func parseTerm(s string) (quad.Value, error) {
	p := &termParser{s: s}
	v, err := p.term()
	if err == nil && p.i != len(s) {
		err = p.errorf("text after the term")
	}
	if err != nil {
		return nil, fmt.Errorf("internal: term %q: %w", s, err)
	}
	return v, nil
}
