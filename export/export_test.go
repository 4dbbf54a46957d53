package export

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/graph"
)

func TestSorterSpillsAndMerges(t *testing.T) {
	for _, limit := range []int{1 << 20, 64} { // all in memory; a run every few records
		s := newSorter()
		s.limit = limit
		rng := rand.New(rand.NewSource(1))
		var want []string
		for i := 0; i < 2000; i++ {
			r := fmt.Sprintf("%08d\x00%d", rng.Intn(500), i%3)
			want = append(want, r)
			if err := s.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		if limit == 64 && len(s.runs) < 10 {
			t.Fatalf("limit %d: only %d runs spilled", limit, len(s.runs))
		}
		slices.Sort(want)
		var got []string
		if err := s.Each(func(r string) error { got = append(got, r); return nil }); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("limit %d: merged order differs (%d records, want %d)", limit, len(got), len(want))
		}
		if s.runs != nil {
			t.Errorf("run files left open")
		}
	}
	if err := newSorter().Add("a\nb"); err == nil {
		t.Error("a record with a newline was accepted")
	}
}

var (
	g1 = quad.IRI("https://newsgraph.example/id/article/one.txt")
	g2 = quad.IRI("https://newsgraph.example/id/article/two.txt")
	pA = quad.IRI("https://newsgraph.example/id/person/anna-berg")
	pB = quad.IRI("https://newsgraph.example/id/person/bo-chen")
	pC = quad.IRI("https://newsgraph.example/id/place/oslo")
)

// sample is a small graph of every literal kind, in two articles and the
// default graph, with facts stated twice and a symmetric relation stated
// both ways round. toolSafe leaves out what Debian's rapper (raptor 2.0.15)
// cannot read: an IRI with a \u escape (an illegal IRI, it says), a blank
// node as graph name (its TriG predates them), a NUL in a string (it cuts
// the string there).
func sample(toolSafe bool) []quad.Quad {
	var qs []quad.Quad
	add := func(s quad.Value, p quad.IRI, o, g quad.Value) {
		qs = append(qs, quad.Quad{Subject: s, Predicate: p, Object: o, Label: g})
	}
	for _, g := range []quad.Value{g1, g2} {
		add(pA, graph.RDFType, graph.SchemaPerson, g)
		add(pA, graph.RDFSLabel, quad.String("Anna Berg"), g)
		add(pB, graph.RDFType, graph.SchemaPerson, g)
		add(pB, graph.RDFSLabel, quad.String("Bo \"The Fixer\" Chen"), g)
		add(pC, graph.RDFType, graph.SchemaPlace, g)
		add(pC, graph.RDFSLabel, quad.String("Oslo"), g)
	}
	add(pA, graph.Predicate("met"), pB, g1)
	add(pB, graph.Predicate("met"), pA, g2) // the same meeting, the other way round
	add(pA, graph.Predicate("visited"), pC, g1)
	add(pA, graph.Predicate("works_for"), pB, g2)
	for i, v := range tricky {
		if iri, ok := v.(quad.IRI); ok && toolSafe && strings.ContainsAny(string(iri), " >") {
			continue
		}
		if s, ok := v.(quad.String); ok && toolSafe {
			v = quad.String(strings.ReplaceAll(string(s), "\x00", ""))
		}
		add(quad.IRI(fmt.Sprintf("%s#q%d", string(g1), i)), graph.KGText, v, g1)
	}
	add(quad.BNode("b1"), graph.RDFSLabel, quad.String("in the default graph"), nil)
	if !toolSafe {
		add(pA, graph.RDFSLabel, quad.String("Anna"), quad.BNode("g"))
	}
	return qs
}

func storeWith(t *testing.T, qs []quad.Quad) *graph.Store {
	t.Helper()
	st, err := graph.Open(filepath.Join(t.TempDir(), "kg.db"), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.AddQuads(context.Background(), quad.NewReader(qs)); err != nil {
		t.Fatal(err)
	}
	return st
}

func export(t *testing.T, st *graph.Store, format string, opt Options) string {
	t.Helper()
	f, err := Get(format)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(context.Background(), st, &b, opt); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.String()
}

// quadSet reads N-Quads into sorted lines of our own writer.
func quadSet(t *testing.T, nq string, dropGraph bool) []string {
	t.Helper()
	r := NewNQuadsReader(strings.NewReader(nq), "nquads")
	seen := map[string]bool{}
	var out []string
	for {
		q, err := r.ReadQuad()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatal(err)
		}
		if dropGraph {
			q.Label = nil
		}
		l, err := nquadLine(q)
		if err != nil {
			t.Fatal(err)
		}
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}

func linesOf(t *testing.T, qs []quad.Quad, dropGraph bool) []string {
	var b strings.Builder
	for _, q := range qs {
		l, err := nquadLine(q)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(l)
	}
	return quadSet(t, b.String(), dropGraph)
}

// withSmallSort makes every sorted export spill runs to disk.
func withSmallSort(t *testing.T) {
	old := SortMemory
	SortMemory = 256
	t.Cleanup(func() { SortMemory = old })
}

func TestNQuadsExportKeepsEveryValueAndGraph(t *testing.T) {
	in := sample(false)
	st := storeWith(t, in)
	got := quadSet(t, export(t, st, "nquads", Options{}), false)
	if want := linesOf(t, in, false); !slices.Equal(got, want) {
		t.Errorf("N-Quads export differs from what was stored:\n got %d %q\nwant %d %q", len(got), got, len(want), want)
	}
	one := quadSet(t, export(t, st, "nquads", Options{Graph: g2}), false)
	for _, l := range one {
		if !strings.HasSuffix(l, "<"+string(g2)+"> .\n") {
			t.Errorf("--graph two.txt exported a quad of another graph: %s", l)
		}
	}
	if len(one) != 8 {
		t.Errorf("--graph two.txt: %d quads, want 8", len(one))
	}
}

func TestJSONLDReadsBackToTheSameQuads(t *testing.T) {
	withSmallSort(t)
	in := sample(true) // json-gold drops a quad whose IRI is not valid
	st := storeWith(t, in)
	doc := export(t, st, "jsonld", Options{})
	r, err := NewReader("jsonld", strings.NewReader(doc), "x.jsonld", false)
	if err != nil {
		t.Fatalf("json-gold cannot read our JSON-LD: %v\n%s", err, doc)
	}
	var b strings.Builder
	for {
		q, err := r.ReadQuad()
		if err != nil {
			break
		}
		l, _ := nquadLine(q)
		b.WriteString(l)
	}
	// JSON-LD has no way to say "x"^^xsd:string apart from "x" (RDF 1.1
	// makes them one literal), so that one row comes back plain; and a
	// reader names blank nodes afresh (here: the sample's only one); and
	// json-gold lower-cases language tags (which are case-insensitive)
	bnode := regexp.MustCompile(`_:[A-Za-z0-9]+`)
	lang := regexp.MustCompile(`"@[A-Za-z0-9-]+ `)
	want := linesOf(t, in, false)
	for i, l := range want {
		l = strings.Replace(l, `"^^<http://www.w3.org/2001/XMLSchema#string>`, `"`, 1)
		l = lang.ReplaceAllStringFunc(l, strings.ToLower)
		want[i] = bnode.ReplaceAllString(l, "_:B")
	}
	slices.Sort(want)
	got := quadSet(t, b.String(), false)
	for i, l := range got {
		got[i] = bnode.ReplaceAllString(l, "_:B")
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("JSON-LD read back differs:\n got %q\nwant %q\n%s", got, want, doc)
	}
}

// needTool returns a tool's path, or skips; with KG_REQUIRE_TOOLS=1 (as in
// .ci/run) a missing tool fails the test instead.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("KG_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s is not installed (.ci/run installs it)", name)
		}
		t.Skipf("%s is not installed; .ci/run installs it", name)
	}
	return p
}

// rapperNQuads parses a file with rapper and returns it as N-Quads,
// failing on any warning or error.
func rapperNQuads(t *testing.T, syntax, doc string) string {
	t.Helper()
	rapper := needTool(t, "rapper")
	path := filepath.Join(t.TempDir(), "doc")
	os.WriteFile(path, []byte(doc), 0o644)
	var out, errb bytes.Buffer
	cmd := exec.Command(rapper, "-q", "-i", syntax, "-o", "nquads", path, "http://base.invalid/")
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil || errb.Len() > 0 {
		t.Fatalf("rapper -i %s: %v\n%s\n%s", syntax, err, errb.String(), doc)
	}
	return out.String()
}

func TestTriGAndTurtleKeepEveryValue(t *testing.T) {
	withSmallSort(t)
	in := sample(true)
	st := storeWith(t, in)
	trig := export(t, st, "trig", Options{})
	if got, want := quadSet(t, rapperNQuads(t, "trig", trig), false), linesOf(t, in, false); !slices.Equal(got, want) {
		t.Errorf("TriG read by rapper differs:\n got %q\nwant %q\n%s", got, want, trig)
	}
	ttl := export(t, st, "turtle", Options{})
	if got, want := quadSet(t, rapperNQuads(t, "turtle", ttl), true), linesOf(t, in, true); !slices.Equal(got, want) {
		t.Errorf("Turtle read by rapper differs:\n got %q\nwant %q\n%s", got, want, ttl)
	}
	if n := strings.Count(ttl, "<"+string(pA)+"> a schema:Person"); n != 1 {
		t.Errorf("Turtle states Anna Berg's type %d times, want once (merged graph):\n%s", n, ttl)
	}
	if n := strings.Count(trig, "<"+string(pA)+"> a schema:Person"); n != 2 {
		t.Errorf("TriG states Anna Berg's type %d times, want once per article:\n%s", n, trig)
	}
}

func TestEntityGraph(t *testing.T) {
	withSmallSort(t)
	st := storeWith(t, sample(true))
	dot := export(t, st, "dot", Options{})
	for _, want := range []string{
		`"` + string(pB) + `" [label="Bo \"The Fixer\" Chen", shape=ellipse, type="Person"];`,
		`"` + string(pA) + `" -> "` + string(pB) + `" [label="met", weight=2, penwidth=2, dir=none];`,
		`"` + string(pA) + `" -> "` + string(pB) + `" [label="works_for", weight=1, penwidth=1];`,
		`[label="visited", weight=1, penwidth=1];`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %s:\n%s", want, dot)
		}
	}
	if n := strings.Count(dot, " -> "); n != 3 {
		t.Errorf("DOT has %d edges, want 3 (met merged both ways round):\n%s", n, dot)
	}
	if strings.Contains(dot, "default graph") || strings.Contains(dot, "#q") {
		t.Errorf("DOT draws nodes that are not entities:\n%s", dot)
	}
	gml := export(t, st, "graphml", Options{})
	for _, want := range []string{
		`<data key="label">Bo &#34;The Fixer&#34; Chen</data>`,
		`<edge source="` + graphmlID(string(pA)) + `" target="` + graphmlID(string(pB)) + `" directed="false">`,
		`<data key="weight">2</data>`,
	} {
		if !strings.Contains(gml, want) {
			t.Errorf("GraphML lacks %s:\n%s", want, gml)
		}
	}
	if n := strings.Count(gml, "<node "); n != 3 {
		t.Errorf("GraphML has %d nodes, want 3", n)
	}
}
