package export

import (
	"context"
	"io"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/graph"
)

func init() {
	Register(Format{Name: "turtle", Ext: ".ttl", Write: writeTurtle})
}

// writeTurtle writes the merged default graph: every article's triples
// together, each distinct triple once, grouped by subject and predicate,
// with the prefixes of graph.Prefixes. Which article said what is lost
// (TriG and N-Quads keep it).
func writeTurtle(ctx context.Context, st *graph.Store, w io.Writer, opt Options) error {
	if _, err := io.WriteString(w, prefixLines()+"\n"); err != nil {
		return err
	}
	tw := &ttlWriter{w: w}
	if err := eachSorted(ctx, st, opt, false, tw.quad); err != nil {
		return err
	}
	return tw.close()
}

// ttlWriter writes sorted quads as Turtle (or, with trig, TriG): a subject
// once, its predicates after ';', a predicate's objects after ','. In TriG
// each graph is a block `<graph> { ... }`; triples of the default graph
// come first, outside any block (Debian's rapper reads neither the GRAPH
// keyword nor an unnamed `{ }` block).
type ttlWriter struct {
	w       io.Writer
	trig    bool
	started bool // a graph block or the default graph has begun
	inGraph bool
	graph   string
	subj    string
	pred    string
	b       strings.Builder
	err     error
}

func (t *ttlWriter) term(v quad.Value, predicate bool) string {
	start := t.b.Len()
	if err := writeTurtleTerm(&t.b, v, predicate); err != nil && t.err == nil {
		t.err = err
	}
	return t.b.String()[start:]
}

// quad adds one quad; quads must come sorted (by graph first, for TriG).
func (t *ttlWriter) quad(q quad.Quad) error {
	t.b.Reset()
	var g string
	if t.trig && q.Label != nil {
		g = t.term(q.Label, false)
	}
	s, p, o := t.term(q.Subject, false), t.term(q.Predicate, true), t.term(q.Object, false)
	if t.err != nil {
		return t.err
	}
	var out strings.Builder
	if t.trig && (!t.started || g != t.graph) {
		t.endStatement(&out)
		if t.inGraph {
			out.WriteString("}\n")
		}
		t.inGraph = g != ""
		if t.inGraph {
			out.WriteString("\n" + g + " {\n")
		}
		t.graph, t.subj, t.pred = g, "", ""
	}
	t.started = true
	ind := ""
	if t.inGraph {
		ind = "    "
	}
	switch {
	case s != t.subj:
		t.endStatement(&out)
		out.WriteString(ind + s + " " + p + " " + o)
	case p != t.pred:
		out.WriteString(" ;\n" + ind + "    " + p + " " + o)
	default:
		out.WriteString(",\n" + ind + "        " + o)
	}
	t.subj, t.pred = s, p
	_, err := io.WriteString(t.w, out.String())
	return err
}

func (t *ttlWriter) endStatement(out *strings.Builder) {
	if t.subj != "" {
		out.WriteString(" .\n")
		t.subj, t.pred = "", ""
	}
}

// close ends the last statement and block.
func (t *ttlWriter) close() error {
	var out strings.Builder
	t.endStatement(&out)
	if t.inGraph {
		out.WriteString("}\n")
		t.inGraph = false
	}
	_, err := io.WriteString(t.w, out.String())
	return err
}
