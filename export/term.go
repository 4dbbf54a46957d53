package export

import (
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/graph"
)

// This file holds the RDF term syntax shared by N-Quads, Turtle and TriG:
// how an IRI, a blank node and a literal are written (with the escapes the
// W3C grammars require) and read back. Cayley's own writer does not escape
// IRIs or control characters, and its raw reader splits "...\"@x..."@en at
// the inner `"@`, so kg writes and reads terms itself.

// writeIRI writes <iri>, escaping with \u the characters IRIREF forbids
// (controls, space, <>"{}|^`\). Such an IRI is not a valid IRI (rapper says
// "illegal Unicode escape"), but the escape keeps the file parseable line by
// line and the value exact; IRIs kg mints never contain them.
func writeIRI(b *strings.Builder, iri string) {
	b.WriteByte('<')
	for i := 0; i < len(iri); {
		r, n := utf8.DecodeRuneInString(iri[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\uFFFD`)
		case r <= 0x20, strings.ContainsRune("<>\"{}|^`\\", r):
			fmt.Fprintf(b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('>')
}

// writeString writes a quoted string: \" \\ \n \r \t \b \f as ECHAR, other
// control characters (U+0000-U+001F, U+007F) as \u00XX, invalid UTF-8 as
// U+FFFD, everything else as itself. N-Triples, N-Quads, Turtle and TriG all
// read this form.
func writeString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r == utf8.RuneError && n == 1:
				b.WriteString(`\uFFFD`)
			case r < 0x20 || r == 0x7F:
				fmt.Fprintf(b, `\u%04X`, r)
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// bnodeLabel returns a blank node label valid in every syntax: the label
// itself when it is an ASCII letter or '_' followed by letters, digits, '_'
// and '-', else "x" and its bytes in hex (distinct labels stay distinct).
func bnodeLabel(l string) string {
	ok := l != ""
	for i := 0; i < len(l) && ok; i++ {
		c := l[i]
		ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '-')
	}
	if ok {
		return l
	}
	return "x" + hex.EncodeToString([]byte(l))
}

// literal turns any literal value into one of the three RDF forms: a plain
// string, a language-tagged string, or a typed string with a full datatype
// IRI (Cayley's native ints, floats, bools and times carry short ones).
func literal(v quad.Value) (quad.Value, bool) {
	switch v := v.(type) {
	case quad.String, quad.LangString:
		return v, true
	case quad.TypedString:
		v.Type = fullIRI(v.Type)
		return v, true
	case quad.Bool: // Cayley writes "True", which xsd:boolean does not allow
		return quad.TypedString{Value: quad.String(strconv.FormatBool(bool(v))), Type: graph.XSDBoolean}, true
	case quad.TypedStringer:
		ts := v.TypedString()
		ts.Type = fullIRI(ts.Type)
		return ts, true
	}
	return nil, false
}

// fullIRI expands a short IRI (xsd:integer) with Cayley's and kg's prefixes.
func fullIRI(i quad.IRI) quad.IRI {
	if e := graph.Expand(string(i)); e != string(i) {
		return quad.IRI(e)
	}
	return i.Full()
}

// writeTerm writes v in N-Quads syntax, or returns an error for a value RDF
// cannot express.
func writeTerm(b *strings.Builder, v quad.Value) error {
	switch v := v.(type) {
	case quad.IRI:
		writeIRI(b, string(v))
		return nil
	case quad.BNode:
		b.WriteString("_:")
		b.WriteString(bnodeLabel(string(v)))
		return nil
	case nil:
		return fmt.Errorf("empty value")
	}
	lit, ok := literal(v)
	if !ok {
		return fmt.Errorf("value %v (%T) has no RDF form", v, v)
	}
	switch l := lit.(type) {
	case quad.String:
		writeString(b, string(l))
	case quad.LangString:
		writeString(b, string(l.Value))
		b.WriteByte('@')
		b.WriteString(l.Lang)
	case quad.TypedString:
		writeString(b, string(l.Value))
		b.WriteString("^^")
		writeIRI(b, string(l.Type))
	}
	return nil
}

// termString is writeTerm into a new string.
func termString(v quad.Value) (string, error) {
	var b strings.Builder
	err := writeTerm(&b, v)
	return b.String(), err
}

// checkQuad says whether a quad can be written as RDF: subject an IRI or
// blank node, predicate an IRI, graph an IRI, blank node or none.
func checkQuad(q quad.Quad) error {
	switch q.Subject.(type) {
	case quad.IRI, quad.BNode:
	default:
		return fmt.Errorf("quad %s: subject %v is not an IRI or blank node; RDF cannot express it", q.NQuad(), q.Subject)
	}
	if _, ok := q.Predicate.(quad.IRI); !ok {
		return fmt.Errorf("quad %s: predicate %v is not an IRI; RDF cannot express it", q.NQuad(), q.Predicate)
	}
	switch q.Label.(type) {
	case nil, quad.IRI, quad.BNode:
	default:
		return fmt.Errorf("quad %s: graph name %v is not an IRI or blank node; RDF cannot express it", q.NQuad(), q.Label)
	}
	return nil
}

// nquadLine returns one quad as an N-Quads line (with its newline).
func nquadLine(q quad.Quad) (string, error) {
	if err := checkQuad(q); err != nil {
		return "", err
	}
	var b strings.Builder
	for i, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
		if v == nil && i == 3 {
			break
		}
		if err := writeTerm(&b, v); err != nil {
			return "", fmt.Errorf("quad %s: %w", q.NQuad(), err)
		}
		b.WriteByte(' ')
	}
	b.WriteString(".\n")
	return b.String(), nil
}

// Prefixed names. A local part is written after its prefix only when every
// Turtle parser reads it back as the same IRI: it starts with a letter or
// '_', goes on with letters, digits, '_', '-' or '.', and does not end with
// '.'. Anything else ("person/vladimir-putin", "3d", "a%20b", "") stays a
// full <IRI>: PN_LOCAL would allow some of them with escapes, but older
// parsers (raptor 2.0.15, Debian's rapper) read escapes and leading digits
// differently.

// pnLocal reports whether s is a local part we write as prefix:s.
func pnLocal(s string) bool {
	if s == "" || s[len(s)-1] == '.' {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || isPNBase(r):
		case i > 0 && (r == '-' || r == '.' || r >= '0' && r <= '9' || r == 0xB7 ||
			r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040):
		default:
			return false
		}
	}
	return true
}

// isPNBase is Turtle's PN_CHARS_BASE.
func isPNBase(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' ||
		r >= 0xC0 && r <= 0xD6 || r >= 0xD8 && r <= 0xF6 || r >= 0xF8 && r <= 0x2FF ||
		r >= 0x370 && r <= 0x37D || r >= 0x37F && r <= 0x1FFF || r >= 0x200C && r <= 0x200D ||
		r >= 0x2070 && r <= 0x218F || r >= 0x2C00 && r <= 0x2FEF || r >= 0x3001 && r <= 0xD7FF ||
		r >= 0xF900 && r <= 0xFDCF || r >= 0xFDF0 && r <= 0xFFFD || r >= 0x10000 && r <= 0xEFFFF
}

// prefixed returns prefix:local for an IRI when a prefix of graph.Prefixes
// fits (the longest namespace wins) and the local part is safe.
func prefixed(iri string) (string, bool) {
	best := -1
	for i, p := range graph.Prefixes {
		if strings.HasPrefix(iri, p.IRI) && (best < 0 || len(p.IRI) > len(graph.Prefixes[best].IRI)) {
			best = i
		}
	}
	if best < 0 {
		return "", false
	}
	p := graph.Prefixes[best]
	local := iri[len(p.IRI):]
	if !pnLocal(local) {
		return "", false
	}
	return p.Name + ":" + local, true
}

// writeTurtleTerm writes v in Turtle: prefixed names where they fit, `a`
// for rdf:type in predicate position, datatypes prefixed too.
func writeTurtleTerm(b *strings.Builder, v quad.Value, predicate bool) error {
	switch v := v.(type) {
	case quad.IRI:
		if predicate && v == graph.RDFType {
			b.WriteByte('a')
			return nil
		}
		if s, ok := prefixed(string(v)); ok {
			b.WriteString(s)
			return nil
		}
		writeIRI(b, string(v))
		return nil
	case quad.BNode, nil:
		return writeTerm(b, v)
	}
	lit, ok := literal(v)
	if !ok {
		return fmt.Errorf("value %v (%T) has no RDF form", v, v)
	}
	if ts, ok := lit.(quad.TypedString); ok {
		writeString(b, string(ts.Value))
		b.WriteString("^^")
		return writeTurtleTerm(b, ts.Type, false)
	}
	return writeTerm(b, lit)
}

// prefixLines is the @prefix header of Turtle and TriG.
func prefixLines() string {
	var b strings.Builder
	for _, p := range graph.Prefixes {
		b.WriteString("@prefix " + p.Name + ": ")
		writeIRI(&b, p.IRI)
		b.WriteString(" .\n")
	}
	return b.String()
}
