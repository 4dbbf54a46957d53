package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/kg/graph"
)

func init() {
	Register(Format{Name: "dot", Ext: ".dot", Write: writeDOT})
}

// dotShape draws each entity type its own way.
var dotShape = map[string]string{"Person": "ellipse", "Organization": "box", "Place": "house"}

// writeDOT writes the entity graph (entities.go) for Graphviz: nodes named
// by their IRI and labelled with their rdfs:label, edges labelled with the
// relation; symmetric relations have no arrowhead, and penwidth grows with
// the number of articles stating an edge (also in its weight).
func writeDOT(ctx context.Context, st *graph.Store, w io.Writer, opt Options) error {
	var b bytes.Buffer
	b.WriteString("digraph kg {\n  graph [overlap=false, splines=true];\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	flush := func() error {
		_, err := w.Write(b.Bytes())
		b.Reset()
		return err
	}
	err := eachEntity(ctx, st, opt, func(n entityNode) error {
		fmt.Fprintf(&b, "  %s [label=%s", dotQuote(id(n.ID)), dotQuote(n.Label))
		if n.Type != "" {
			fmt.Fprintf(&b, ", shape=%s, type=%s", dotShape[n.Type], dotQuote(n.Type))
		}
		b.WriteString("];\n")
		if b.Len() >= 1<<16 {
			return flush()
		}
		return nil
	}, func(e entityEdge) error {
		fmt.Fprintf(&b, "  %s -> %s [label=%s, weight=%d, penwidth=%d", dotQuote(id(e.From)), dotQuote(id(e.To)), dotQuote(e.Relation), e.Weight, min(e.Weight, 5))
		if e.Symmetric {
			b.WriteString(", dir=none")
		}
		b.WriteString("];\n")
		if b.Len() >= 1<<16 {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	b.WriteString("}\n")
	return flush()
}

// dotQuote makes a DOT quoted string: `"` and `\` escaped (a label's `\\`
// is one backslash), line breaks as \n, other control characters dropped.
func dotQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7F:
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
