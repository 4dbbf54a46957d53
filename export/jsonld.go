package export

import (
	"bytes"
	"context"
	"encoding/json"
	"io"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/graph"
)

func init() {
	Register(Format{Name: "jsonld", Ext: ".jsonld", Write: writeJSONLD})
}

// writeJSONLD writes JSON-LD 1.1 in streaming fashion (Cayley's writer holds
// the whole graph until Close): an @context with the prefixes of
// graph.Prefixes, then one graph object per article, {"@id": article,
// "@graph": [...]}, holding one node object per subject, one per line.
// Quads without a graph are top-level node objects (the default graph).
// Literals keep their datatype ({"@value", "@type"}) and language
// ({"@value", "@language"}); rdf:type to an IRI is "@type".
func writeJSONLD(ctx context.Context, st *graph.Store, w io.Writer, opt Options) error {
	jw := &jsonldWriter{w: w}
	if err := jw.begin(); err != nil {
		return err
	}
	if err := eachSorted(ctx, st, opt, true, jw.quad); err != nil {
		return err
	}
	return jw.end()
}

type jsonldWriter struct {
	w        io.Writer
	buf      bytes.Buffer
	graph    quad.Value // current graph (nil: default)
	subj     quad.Value // current node object's subject, nil before the first
	key      string     // current property key
	nTop     int        // entries written to the top-level @graph
	nInGraph int        // node objects written to the current named graph
	inGraph  bool
}

// str writes a JSON string.
func (j *jsonldWriter) str(s string) {
	enc := json.NewEncoder(&j.buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	j.buf.Truncate(j.buf.Len() - 1) // Encode's newline
}

// compact returns prefix:local where it fits, else the full IRI.
func compact(i quad.IRI) string {
	if s, ok := prefixed(string(i)); ok {
		return s
	}
	return string(i)
}

// id is a node's @id: the full IRI, or _:label.
func id(v quad.Value) string {
	if b, ok := v.(quad.BNode); ok {
		return "_:" + bnodeLabel(string(b))
	}
	return string(v.(quad.IRI))
}

func (j *jsonldWriter) begin() error {
	j.buf.WriteString("{\n  \"@context\": {")
	for i, p := range graph.Prefixes {
		if i > 0 {
			j.buf.WriteByte(',')
		}
		j.buf.WriteString("\n    ")
		j.str(p.Name)
		j.buf.WriteString(": ")
		j.str(p.IRI)
	}
	j.buf.WriteString("\n  },\n  \"@graph\": [")
	return j.flush()
}

func (j *jsonldWriter) flush() error {
	_, err := j.w.Write(j.buf.Bytes())
	j.buf.Reset()
	return err
}

// closeNode ends the current node object.
func (j *jsonldWriter) closeNode() {
	if j.subj != nil {
		j.buf.WriteString("]}")
		j.subj, j.key = nil, ""
	}
}

// quad adds a quad; quads come sorted by graph, subject, predicate, object.
func (j *jsonldWriter) quad(q quad.Quad) error {
	if j.nTop+j.nInGraph == 0 || q.Label != j.graph {
		j.closeNode()
		if j.inGraph {
			j.buf.WriteString("\n    ]}")
			j.inGraph = false
		}
		j.graph = q.Label
		if q.Label != nil {
			if j.nTop > 0 {
				j.buf.WriteByte(',')
			}
			j.nTop++
			j.buf.WriteString("\n    {\"@id\": ")
			j.str(id(q.Label))
			j.buf.WriteString(", \"@graph\": [")
			j.inGraph, j.nInGraph = true, 0
		}
	}
	key := compact(q.Predicate.(quad.IRI))
	isType := q.Predicate == graph.RDFType
	if isType {
		switch q.Object.(type) {
		case quad.IRI, quad.BNode:
			key = "@type"
		}
	}
	switch {
	case q.Subject != j.subj:
		j.closeNode()
		if j.inGraph {
			if j.nInGraph > 0 {
				j.buf.WriteByte(',')
			}
			j.nInGraph++
			j.buf.WriteString("\n      ")
		} else {
			if j.nTop > 0 {
				j.buf.WriteByte(',')
			}
			j.nTop++
			j.buf.WriteString("\n    ")
		}
		j.buf.WriteString("{\"@id\": ")
		j.str(id(q.Subject))
		j.buf.WriteString(", ")
		j.str(key)
		j.buf.WriteString(": [")
		j.subj, j.key = q.Subject, key
	case key != j.key:
		j.buf.WriteString("], ")
		j.str(key)
		j.buf.WriteString(": [")
		j.key = key
	default:
		j.buf.WriteString(", ")
	}
	if key == "@type" {
		if i, ok := q.Object.(quad.IRI); ok {
			j.str(compact(i))
		} else {
			j.str(id(q.Object))
		}
	} else {
		j.value(q.Object)
	}
	if j.buf.Len() >= 1<<16 {
		return j.flush()
	}
	return nil
}

// value writes an object: {"@id"} for nodes, a string for a plain literal,
// a value object for typed and language-tagged ones.
func (j *jsonldWriter) value(v quad.Value) {
	switch v := v.(type) {
	case quad.IRI, quad.BNode:
		j.buf.WriteString("{\"@id\": ")
		j.str(id(v))
		j.buf.WriteString("}")
		return
	}
	lit, _ := literal(v) // eachSorted read it back from a term, so it is one
	switch l := lit.(type) {
	case quad.String:
		j.str(string(l))
	case quad.LangString:
		j.buf.WriteString("{\"@value\": ")
		j.str(string(l.Value))
		j.buf.WriteString(", \"@language\": ")
		j.str(l.Lang)
		j.buf.WriteString("}")
	case quad.TypedString:
		j.buf.WriteString("{\"@value\": ")
		j.str(string(l.Value))
		j.buf.WriteString(", \"@type\": ")
		j.str(compact(l.Type))
		j.buf.WriteString("}")
	}
}

func (j *jsonldWriter) end() error {
	j.closeNode()
	if j.inGraph {
		j.buf.WriteString("\n    ]}")
	}
	j.buf.WriteString("\n  ]\n}\n")
	return j.flush()
}
