package export

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestWriteIRI(t *testing.T) {
	for _, c := range []struct{ why, in, want string }{
		{"a minted entity IRI is written as it is", "https://newsgraph.example/id/person/vladimir-putin", "<https://newsgraph.example/id/person/vladimir-putin>"},
		{"non-ASCII letters are allowed in IRIREF", "http://a/Zürich", "<http://a/Zürich>"},
		{"a space would end the IRI in a line-based reader", "http://a/b c", `<http://a/b\u0020c>`},
		{"'>' would close the IRI early", "http://a/x>y", `<http://a/x\u003Ey>`},
		{"'<' and '\"' are forbidden in IRIREF", `http://a/<"`, `<http://a/\u003C\u0022>`},
		{"braces, pipe, caret and backtick are forbidden", "http://a/{|}^`", `<http://a/\u007B\u007C\u007D\u005E\u0060>`},
		{"a backslash must not start an escape by accident", `http://a/b\u`, `<http://a/b\u005Cu>`},
		{"a newline would break the N-Quads line", "http://a/\n", `<http://a/\u000A>`},
		{"invalid UTF-8 cannot be written", "http://a/\xff", `<http://a/\uFFFD>`},
		{"percent escapes are part of the IRI and stay", "http://a/jos%C3%A9", "<http://a/jos%C3%A9>"},
	} {
		var b strings.Builder
		writeIRI(&b, c.in)
		if b.String() != c.want {
			t.Errorf("%s: writeIRI(%q) = %s, want %s", c.why, c.in, b.String(), c.want)
		}
	}
}

func TestWriteString(t *testing.T) {
	for _, c := range []struct{ why, in, want string }{
		{"plain text", "Vladimir Putin", `"Vladimir Putin"`},
		{"quotes inside a quote (Peskov's words)", `he said "yes"`, `"he said \"yes\""`},
		{"a backslash in the text (oslo-visit.txt)", `step\ towards`, `"step\\ towards"`},
		{"a line break inside a sentence", "one\ntwo\r\n", `"one\ntwo\r\n"`},
		{"tab, backspace and form feed have short escapes", "a\tb\bc\fd", `"a\tb\bc\fd"`},
		{"other control characters need \\u", "x\x00y\x01z\x1f\x7f", `"x\u0000y\u0001z\u001F\u007F"`},
		{"`\"@` inside a literal (Cayley's raw reader splits there)", `tweeted "@potus"`, `"tweeted \"@potus\""`},
		{"curly quotes and non-ASCII stay as they are", "“as long as necessary” – Пе́сков", `"“as long as necessary” – Пе́сков"`},
		{"U+2028 is no line break in N-Quads", "a\u2028b", "\"a\u2028b\""},
		{"invalid UTF-8 becomes U+FFFD", "a\xffb", `"a\uFFFDb"`},
		{"the empty string", "", `""`},
	} {
		var b strings.Builder
		writeString(&b, c.in)
		if b.String() != c.want {
			t.Errorf("%s: writeString(%q) = %s, want %s", c.why, c.in, b.String(), c.want)
		}
	}
}

func TestPrefixedNames(t *testing.T) {
	for _, c := range []struct{ why, in, want string }{
		{"a kg: relation", "https://newsgraph.example/ns#works_for", "kg:works_for"},
		{"camel case", "https://newsgraph.example/ns#contentHash", "kg:contentHash"},
		{"rdf:type outside predicate position", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "rdf:type"},
		{"a datatype", "http://www.w3.org/2001/XMLSchema#gYearMonth", "xsd:gYearMonth"},
		{"a dot inside the local part is allowed", "https://schema.org/a.b", "schema:a.b"},
		{"a dot at the end would end the statement", "https://schema.org/a.", "<https://schema.org/a.>"},
		{"a slash needs an escape some parsers lack", "https://schema.org/a/b", "<https://schema.org/a/b>"},
		{"a leading digit was not allowed before Turtle 1.1", "https://newsgraph.example/ns#3d", "<https://newsgraph.example/ns#3d>"},
		{"a leading hyphen is never allowed", "https://newsgraph.example/ns#-x", "<https://newsgraph.example/ns#-x>"},
		{"percent escapes are kept out of prefixed names", "https://schema.org/a%20b", "<https://schema.org/a%20b>"},
		{"the bare namespace stays a full IRI", "https://schema.org/", "<https://schema.org/>"},
		{"a colon is allowed by PN_LOCAL but not by all parsers", "https://schema.org/a:b", "<https://schema.org/a:b>"},
		{"non-ASCII letters are PN_CHARS_BASE", "https://schema.org/Zürich", "schema:Zürich"},
		{"an IRI outside every namespace", "https://newsgraph.example/id/person/x", "<https://newsgraph.example/id/person/x>"},
		{"a similar but different namespace", "https://schema.org.evil/x", "<https://schema.org.evil/x>"},
	} {
		var b strings.Builder
		if err := writeTurtleTerm(&b, quad.IRI(c.in), false); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%s: %s written as %s, want %s", c.why, c.in, b.String(), c.want)
		}
	}
	var b strings.Builder
	writeTurtleTerm(&b, quad.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), true)
	if b.String() != "a" {
		t.Errorf("rdf:type as predicate is %q, want a", b.String())
	}
}

func TestTurtleLiterals(t *testing.T) {
	for _, c := range []struct {
		why  string
		in   quad.Value
		want string
	}{
		{"a date line", quad.TypedString{Value: "2025-12-02", Type: "http://www.w3.org/2001/XMLSchema#date"}, `"2025-12-02"^^xsd:date`},
		{"a month (\"in August 2025\")", quad.TypedString{Value: "2025-08", Type: "http://www.w3.org/2001/XMLSchema#gYearMonth"}, `"2025-08"^^xsd:gYearMonth`},
		{"a datatype outside the prefixes", quad.TypedString{Value: "x", Type: "http://example.org/dt"}, `"x"^^<http://example.org/dt>`},
		{"a lexical form is kept exactly (no 007 -> 7)", quad.TypedString{Value: "007", Type: "http://www.w3.org/2001/XMLSchema#integer"}, `"007"^^xsd:integer`},
		{"Cayley's native int gets a full datatype", quad.Int(3), `"3"^^xsd:integer`},
		{"Cayley's native bool", quad.Bool(true), `"true"^^xsd:boolean`},
		{"a quote's text in English", quad.LangString{Value: `"Yes," he said`, Lang: "en"}, `"\"Yes,\" he said"@en`},
		{"a region subtag", quad.LangString{Value: "colour", Lang: "en-GB"}, `"colour"@en-GB`},
		{"a blank node", quad.BNode("b0"), "_:b0"},
		{"a blank node label no parser reads", quad.BNode("a/b"), "_:x612f62"},
	} {
		var b strings.Builder
		if err := writeTurtleTerm(&b, c.in, false); err != nil {
			t.Fatalf("%s: %v", c.why, err)
		}
		if b.String() != c.want {
			t.Errorf("%s: %#v written as %s, want %s", c.why, c.in, b.String(), c.want)
		}
	}
}

// tricky holds one value of every kind kg writes or imports, with the
// characters that have broken writers and readers before.
var tricky = []quad.Value{
	quad.IRI("https://newsgraph.example/id/person/jos%C3%A9"),
	quad.IRI("http://a/b c>"),
	quad.BNode("b1"),
	quad.String(""),
	quad.String(`plain "quoted" \ back\slash`),
	quad.String("lines\nand\r\ntabs\tand \x00 \x01 \x7f controls"),
	quad.String("non-ASCII: Пе́сков, 北京, emoji 🙂, U+2028 \u2028"),
	quad.LangString{Value: `He wrote "@potus is wrong" today`, Lang: "en"},
	quad.LangString{Value: "x", Lang: "en-GB"},
	quad.TypedString{Value: "2025-12-02", Type: "http://www.w3.org/2001/XMLSchema#date"},
	quad.TypedString{Value: "2025-02", Type: "http://www.w3.org/2001/XMLSchema#gYearMonth"},
	quad.TypedString{Value: "2025", Type: "http://www.w3.org/2001/XMLSchema#gYear"},
	quad.TypedString{Value: "007", Type: "http://www.w3.org/2001/XMLSchema#integer"},
	quad.TypedString{Value: `odd "^^<" lexical`, Type: "http://www.w3.org/2001/XMLSchema#string"},
}

func TestNQuadsRoundTripsEveryValue(t *testing.T) {
	for _, v := range tricky {
		for _, label := range []quad.Value{nil, quad.IRI("https://newsgraph.example/id/article/a.txt"), quad.BNode("g")} {
			q := quad.Quad{Subject: quad.IRI("http://a/s"), Predicate: quad.IRI("http://a/p"), Object: v, Label: label}
			line, err := nquadLine(q)
			if err != nil {
				t.Fatalf("%#v: %v", v, err)
			}
			if strings.Count(line, "\n") != 1 {
				t.Errorf("%#v: not one line: %q", v, line)
			}
			back, ok, err := parseNQuad(line)
			if err != nil || !ok {
				t.Fatalf("%#v: %q does not parse: %v", v, line, err)
			}
			if back != q {
				t.Errorf("round trip changed the quad:\n in  %#v\n out %#v\n via %s", q, back, line)
			}
		}
	}
}

func TestNQuadsReaderErrorsNameTheLine(t *testing.T) {
	in := "# a comment\n\n<http://a/s> <http://a/p> \"ok\" .\n<http://a/s> <http://a/p> \"unclosed .\n"
	r := NewNQuadsReader(strings.NewReader(in), "bad.nq")
	if _, err := r.ReadQuad(); err != nil {
		t.Fatalf("first quad: %v", err)
	}
	_, err := r.ReadQuad()
	if err == nil || !strings.Contains(err.Error(), "bad.nq:4:") {
		t.Errorf("error %v does not name bad.nq:4", err)
	}
	for _, bad := range []string{
		`"lit" <http://a/p> <http://a/o> .`,              // literal subject
		`<http://a/s> _:p <http://a/o> .`,                // blank predicate
		`<http://a/s> <http://a/p> <http://a/o>`,         // no final dot
		`<http://a/s> <http://a/p> .`,                    // no object
		`<http://a/s> <http://a/p> "x"^^xsd:string .`,    // datatype not an IRI
		`<http://a/s> <http://a/p> "x" "graph" .`,        // literal graph name
		`<http://a/s> <http://a/p> "\q" .`,               // unknown escape
		`<http://a/s> <http://a/p> <http://a/o o> .`,     // space in IRI
		`<http://a/s> <http://a/p> "x" <http://a/g> x .`, // junk
	} {
		if _, ok, err := parseNQuad(bad); err == nil || ok {
			t.Errorf("parseNQuad(%s) accepted a bad line", bad)
		}
	}
}
