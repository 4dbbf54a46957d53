package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/newsgraph/kg/graph"
)

func init() {
	Register(Format{Name: "graphml", Ext: ".graphml", Write: writeGraphML})
}

// writeGraphML writes the entity graph (entities.go) as GraphML, which
// Gephi, yEd, Cytoscape and networkx read. Node ids are "n" and 16 hex
// digits of the IRI's SHA-256 (GraphML ids are XML name tokens, which IRIs
// are not); the IRI itself is the "iri" attribute.
func writeGraphML(ctx context.Context, st *graph.Store, w io.Writer, opt Options) error {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="iri" for="node" attr.name="iri" attr.type="string"/>
  <key id="relation" for="edge" attr.name="label" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="kg" edgedefault="directed">
`)
	flush := func() error {
		_, err := w.Write(b.Bytes())
		b.Reset()
		return err
	}
	text := func(s string) {
		xml.EscapeText(&b, []byte(s)) // also replaces characters XML cannot hold
	}
	err := eachEntity(ctx, st, opt, func(n entityNode) error {
		fmt.Fprintf(&b, "    <node id=\"%s\">\n      <data key=\"label\">", graphmlID(id(n.ID)))
		text(n.Label)
		b.WriteString("</data>\n")
		if n.Type != "" {
			b.WriteString("      <data key=\"type\">")
			text(n.Type)
			b.WriteString("</data>\n")
		}
		b.WriteString("      <data key=\"iri\">")
		text(id(n.ID))
		b.WriteString("</data>\n    </node>\n")
		if b.Len() >= 1<<16 {
			return flush()
		}
		return nil
	}, func(e entityEdge) error {
		from, to := graphmlID(id(e.From)), graphmlID(id(e.To))
		fmt.Fprintf(&b, "    <edge source=\"%s\" target=\"%s\"", from, to)
		if e.Symmetric {
			b.WriteString(` directed="false"`)
		}
		b.WriteString(">\n      <data key=\"relation\">")
		text(e.Relation)
		fmt.Fprintf(&b, "</data>\n      <data key=\"weight\">%d</data>\n    </edge>\n", e.Weight)
		if b.Len() >= 1<<16 {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	b.WriteString("  </graph>\n</graphml>\n")
	return flush()
}

// graphmlID names a node by its IRI: stable across exports, and an XML
// name token.
func graphmlID(iri string) string {
	h := sha256.Sum256([]byte(iri))
	return "n" + hex.EncodeToString(h[:8])
}
