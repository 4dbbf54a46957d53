package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/graph"
)

func init() {
	Register(Format{Name: "nquads", Ext: ".nq", Write: writeNQuads})
}

// writeNQuads writes N-Quads in the store's order, one line per quad, the
// article as graph name. Nothing is held but the current quad.
func writeNQuads(ctx context.Context, st *graph.Store, w io.Writer, opt Options) error {
	return Each(ctx, st, opt, func(q quad.Quad) error {
		line, err := nquadLine(q)
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, line)
		return err
	})
}

// NQuadsReader reads N-Quads (and N-Triples) one line at a time, keeping
// every value exactly as written: datatypes in full, language tags, blank
// node labels. Errors name the line.
type NQuadsReader struct {
	r    *bufio.Reader
	name string
	line int
}

// NewNQuadsReader reads from r; name is used in errors (a file name).
func NewNQuadsReader(r io.Reader, name string) *NQuadsReader {
	return &NQuadsReader{r: bufio.NewReaderSize(r, 1<<16), name: name}
}

// ReadQuad returns the next quad, or io.EOF.
func (d *NQuadsReader) ReadQuad() (quad.Quad, error) {
	for {
		line, err := d.r.ReadString('\n')
		if err != nil && !(errors.Is(err, io.EOF) && line != "") {
			return quad.Quad{}, err
		}
		d.line++
		q, ok, perr := parseNQuad(line)
		if perr != nil {
			return quad.Quad{}, fmt.Errorf("%s:%d: %w", d.name, d.line, perr)
		}
		if ok {
			return q, nil
		}
	}
}

// Close does nothing; the caller closes the underlying reader.
func (d *NQuadsReader) Close() error { return nil }

// parseNQuad parses one line; ok is false for a blank or comment line.
func parseNQuad(line string) (q quad.Quad, ok bool, err error) {
	p := &termParser{s: line}
	p.space()
	if p.eol() {
		return q, false, nil
	}
	var vals [4]quad.Value
	n := 0
	for n < 4 {
		p.space()
		if p.peek() == '.' {
			break
		}
		v, err := p.term()
		if err != nil {
			return q, false, err
		}
		vals[n] = v
		n++
	}
	p.space()
	if p.peek() != '.' {
		return q, false, p.errorf("expected '.' to end the statement")
	}
	p.i++
	p.space()
	if !p.eol() {
		return q, false, p.errorf("unexpected text after '.'")
	}
	if n < 3 {
		return q, false, p.errorf("a statement needs subject, predicate and object")
	}
	q = quad.Quad{Subject: vals[0], Predicate: vals[1], Object: vals[2], Label: vals[3]}
	if err := checkQuad(q); err != nil {
		return q, false, err
	}
	return q, true, nil
}

// termParser reads N-Quads terms from a line.
type termParser struct {
	s string
	i int
}

func (p *termParser) errorf(format string, args ...any) error {
	return fmt.Errorf("column %d: %s", p.i+1, fmt.Sprintf(format, args...))
}

func (p *termParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *termParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// eol reports whether only a comment or the line end is left.
func (p *termParser) eol() bool {
	rest := strings.TrimRight(p.s[p.i:], "\r\n")
	return rest == "" || rest[0] == '#'
}

func (p *termParser) term() (quad.Value, error) {
	switch p.peek() {
	case '<':
		s, err := p.iri()
		return quad.IRI(s), err
	case '_':
		if !strings.HasPrefix(p.s[p.i:], "_:") {
			return nil, p.errorf("expected _: to start a blank node")
		}
		p.i += 2
		start := p.i
		for p.i < len(p.s) && !strings.ContainsRune(" \t\r\n", rune(p.s[p.i])) {
			p.i++
		}
		// a label may not end with '.', which then ends the statement
		for p.i > start && p.s[p.i-1] == '.' {
			p.i--
		}
		if p.i == start {
			return nil, p.errorf("empty blank node label")
		}
		return quad.BNode(p.s[start:p.i]), nil
	case '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		switch p.peek() {
		case '@':
			p.i++
			start := p.i
			for p.i < len(p.s) && (isAlnum(p.s[p.i]) || p.s[p.i] == '-') {
				p.i++
			}
			if p.i == start {
				return nil, p.errorf("empty language tag")
			}
			return quad.LangString{Value: quad.String(s), Lang: p.s[start:p.i]}, nil
		case '^':
			if !strings.HasPrefix(p.s[p.i:], "^^<") {
				return nil, p.errorf("expected ^^<datatype>")
			}
			p.i += 2
			t, err := p.iri()
			if err != nil {
				return nil, err
			}
			return quad.TypedString{Value: quad.String(s), Type: quad.IRI(t)}, nil
		}
		return quad.String(s), nil
	case 0, '\r', '\n':
		return nil, p.errorf("unexpected end of line")
	}
	return nil, p.errorf("unexpected %q", p.s[p.i])
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// iri reads <...>, decoding \u and \U escapes.
func (p *termParser) iri() (string, error) {
	p.i++ // '<'
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '>':
			p.i++
			return b.String(), nil
		case c == '\\':
			r, err := p.uchar()
			if err != nil {
				return "", err
			}
			b.WriteRune(r)
		case c <= ' ' || strings.IndexByte("<\"{}|^`", c) >= 0:
			return "", p.errorf("character %q is not allowed in an IRI (write it as \\u%04X)", c, c)
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return "", p.errorf("IRI not closed with '>'")
}

// uchar reads \uXXXX or \UXXXXXXXX at p.i.
func (p *termParser) uchar() (rune, error) {
	if p.i+1 >= len(p.s) {
		return 0, p.errorf("lone backslash")
	}
	n := 0
	switch p.s[p.i+1] {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return 0, p.errorf("unknown escape \\%c", p.s[p.i+1])
	}
	if p.i+2+n > len(p.s) {
		return 0, p.errorf("short \\%c escape", p.s[p.i+1])
	}
	v, err := strconv.ParseUint(p.s[p.i+2:p.i+2+n], 16, 32)
	if err != nil || !utf8.ValidRune(rune(v)) {
		return 0, p.errorf("bad escape %s", p.s[p.i:p.i+2+n])
	}
	p.i += 2 + n
	return rune(v), nil
}

// echar maps the letter of an ECHAR escape to its character.
var echar = map[byte]byte{'t': '\t', 'b': '\b', 'n': '\n', 'r': '\r', 'f': '\f', '"': '"', '\'': '\'', '\\': '\\'}

// str reads "...", decoding ECHAR and UCHAR escapes.
func (p *termParser) str() (string, error) {
	p.i++ // '"'
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch c {
		case '"':
			p.i++
			return b.String(), nil
		case '\n', '\r':
			return "", p.errorf("line break inside a string (write it as \\n)")
		case '\\':
			if p.i+1 >= len(p.s) {
				return "", p.errorf("lone backslash")
			}
			if e := p.s[p.i+1]; e != 'u' && e != 'U' {
				r, ok := echar[e]
				if !ok {
					return "", p.errorf("unknown escape \\%c", e)
				}
				b.WriteByte(r)
				p.i += 2
				continue
			}
			r, err := p.uchar()
			if err != nil {
				return "", err
			}
			b.WriteRune(r)
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return "", p.errorf("string not closed with '\"'")
}
