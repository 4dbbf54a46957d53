package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/export"
)

// articles are the test graph's sources: the seed, our two short articles,
// and the annotated dev articles when ../shared is beside the repository.
func articles(t *testing.T) []string {
	t.Helper()
	paths := []string{seed, "../../testdata/rdf/paris-talks.txt", "../../testdata/rdf/oslo-visit.txt"}
	dev, _ := filepath.Glob("../../../shared/eval/dev/*.txt")
	if len(dev) > 3 {
		dev = dev[:3]
	}
	return append(paths, dev...)
}

// rdfStore ingests the test articles into a new store.
func rdfStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "kg.db")
	if out, errs, err := run(t, append([]string{"ingest", "--db", db}, articles(t)...)...); err != nil {
		t.Fatalf("ingest: %v\n%s%s", err, out, errs)
	}
	return db
}

func exportTo(t *testing.T, db, format string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "graph."+format)
	if _, errs, err := run(t, "export", "--db", db, "--format", format, "-o", path); err != nil {
		t.Fatalf("export --format %s: %v\n%s", format, err, errs)
	}
	return path
}

var rapperCount = regexp.MustCompile(`returned (\d+) (triples|statements)`)

// rapperCheck parses a file with rapper and returns how many statements it
// read; any warning or error fails the test.
func rapperCheck(t *testing.T, syntax, path string) int {
	t.Helper()
	rapper := needTool(t, "rapper")
	var errb bytes.Buffer
	cmd := exec.Command(rapper, "-i", syntax, "-c", path)
	cmd.Stderr = &errb
	err := cmd.Run()
	msg := errb.String()
	if err != nil || strings.Contains(msg, "Warning") || strings.Contains(msg, "Error") {
		t.Fatalf("rapper -i %s %s: %v\n%s", syntax, filepath.Base(path), err, msg)
	}
	m := rapperCount.FindStringSubmatch(msg)
	if m == nil {
		t.Fatalf("rapper said no count: %s", msg)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// canonical reads an N-Quads file with kg's reader and returns its quads
// as kg writes them, sorted: files from different writers compare equal
// when they hold the same quads.
func canonical(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := export.NewNQuadsReader(f, path)
	var out []string
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.NQuad())
	}
	slices.Sort(out)
	return out
}

func lineCount(t *testing.T, path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(b, []byte("\n"))
}

// python returns Debian's /usr/bin/python3 if it has rdflib (the python3 on
// PATH may be another one), or skips (fails under KG_REQUIRE_TOOLS=1).
func python(t *testing.T) string {
	t.Helper()
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import rdflib").Run(); err != nil {
		if os.Getenv("KG_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s with rdflib is not installed (.ci/run installs python3-rdflib): %v", py, err)
		}
		t.Skipf("%s with rdflib is not installed; .ci/run installs python3-rdflib", py)
	}
	return py
}

func TestExportsAreAcceptedByRDFAndGraphTools(t *testing.T) {
	db := rdfStore(t)
	nq := exportTo(t, db, "nquads")
	quads := lineCount(t, nq)
	if quads < 500 {
		t.Fatalf("the test graph has only %d quads", quads)
	}
	if n := rapperCheck(t, "nquads", nq); n != quads {
		t.Errorf("rapper read %d quads from the N-Quads, which has %d lines", n, quads)
	}
	if n := rapperCheck(t, "trig", exportTo(t, db, "trig")); n != quads {
		t.Errorf("rapper read %d quads from the TriG, want %d as in the N-Quads", n, quads)
	}
	ttl := exportTo(t, db, "turtle")
	if n := rapperCheck(t, "turtle", ttl); n == 0 || n > quads {
		t.Errorf("rapper read %d triples from the Turtle (the N-Quads has %d quads)", n, quads)
	}
	b, _ := os.ReadFile(ttl)
	for _, want := range []string{`"2025-12-02"^^xsd:date`, `"2025-02"^^xsd:gYearMonth`, `@en`, `a kg:Meeting`, `@prefix kg: <https://newsgraph.example/ns#> .`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the Turtle lacks %s", want)
		}
	}

	// JSON-LD: rdflib reads it as a dataset with the same quads (counted
	// per graph: len() of a ConjunctiveGraph counts a triple stated in two
	// articles once), and writes them back as N-Quads equal to ours
	py := python(t)
	jsonld := exportTo(t, db, "jsonld")
	back := filepath.Join(t.TempDir(), "rdflib.nq")
	out, err := exec.Command(py, "-c", `
import sys, rdflib
g = rdflib.ConjunctiveGraph()
g.parse(sys.argv[1], format="json-ld")
named = [c for c in g.contexts() if isinstance(c.identifier, rdflib.URIRef) and "/article/" in c.identifier]
print(sum(len(c) for c in g.contexts()), len(named))
g.serialize(destination=sys.argv[2], format="nquads")
`, jsonld, back).CombinedOutput()
	if err != nil {
		t.Fatalf("rdflib cannot read the JSON-LD: %v\n%s", err, out)
	}
	f := strings.Fields(string(out))
	if len(f) != 2 || f[0] != strconv.Itoa(quads) {
		t.Errorf("rdflib read %q quads from the JSON-LD, want %d", out, quads)
	}
	if arts := len(articles(t)); len(f) == 2 && f[1] != strconv.Itoa(arts) {
		t.Errorf("rdflib found %s named graphs, want one per article (%d)", f[1], arts)
	}
	if a, b := canonical(t, nq), canonical(t, back); !slices.Equal(a, b) {
		t.Errorf("rdflib's quads differ from the N-Quads export (%d, want %d)", len(b), len(a))
	}

	// GraphML: well-formed XML with the entities; DOT: Graphviz draws it
	gml := exportTo(t, db, "graphml")
	if msg, err := exec.Command(needTool(t, "xmllint"), "--noout", gml).CombinedOutput(); err != nil || len(msg) > 0 {
		t.Errorf("xmllint rejects the GraphML: %v\n%s", err, msg)
	}
	b, _ = os.ReadFile(gml)
	for _, want := range []string{`<data key="label">Vladimir Putin</data>`, `<data key="relation">met</data>`, `<data key="relation">envoy_of</data>`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the GraphML lacks %s", want)
		}
	}
	dot := exportTo(t, db, "dot")
	svg, err := exec.Command(needTool(t, "dot"), "-Tsvg", dot).CombinedOutput()
	if err != nil || !bytes.Contains(svg, []byte("<svg")) || bytes.Contains(svg, []byte("Warning")) {
		t.Errorf("dot -Tsvg: %v\n%.500s", err, svg)
	}
	if !bytes.Contains(svg, []byte("Steve Witkoff")) {
		t.Error("the drawing has no Steve Witkoff")
	}
}

func TestImportThenExportGivesTheSameQuads(t *testing.T) {
	db := rdfStore(t)
	nq := exportTo(t, db, "nquads")
	first, _ := os.ReadFile(nq)

	// N-Quads into a fresh store: byte for byte the same export
	db2 := filepath.Join(t.TempDir(), "copy.db")
	out, errs, err := run(t, "import", "--db", db2, nq)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errs)
	}
	n := bytes.Count(first, []byte("\n"))
	if !strings.Contains(out, strconv.Itoa(n)+" quads read from 1 files, "+strconv.Itoa(n)+" added, 0 already") {
		t.Errorf("import summary: %s", out)
	}
	second, _ := os.ReadFile(exportTo(t, db2, "nquads"))
	if !bytes.Equal(first, second) {
		t.Errorf("export after import differs (%d bytes, was %d)", len(second), len(first))
	}
	// again: nothing new
	out, _, err = run(t, "import", "--db", db2, nq)
	if err != nil || !strings.Contains(out, " 0 added, "+strconv.Itoa(n)+" already in the store") {
		t.Errorf("second import: %v %s", err, out)
	}

	// JSON-LD into another fresh store: the same set of quads
	db3 := filepath.Join(t.TempDir(), "fromjsonld.db")
	if _, errs, err := run(t, "import", "--db", db3, exportTo(t, db, "jsonld")); err != nil {
		t.Fatalf("import jsonld: %v\n%s", err, errs)
	}
	third, _ := os.ReadFile(exportTo(t, db3, "nquads"))
	a, b := strings.Split(string(first), "\n"), strings.Split(string(third), "\n")
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) {
		t.Errorf("JSON-LD import gives other quads (%d lines, want %d)", len(b), len(a))
	}

	// the identity index sees imported entities: a new article naming
	// "Putin" joins the imported node instead of making a new one
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "later.txt"), []byte("date 2025-12-09\nPresident Putin received Mr Kushner in Moscow on Tuesday.\n"), 0o644)
	if _, errs, err := run(t, "ingest", "--db", db2, filepath.Join(dir, "later.txt")); err != nil {
		t.Fatalf("ingest after import: %v\n%s", err, errs)
	}
	res, _, err := run(t, "query", "--db", db2, `g.V().Has("<rdfs:label>", "Putin").All()`)
	if err != nil || strings.TrimSpace(res) != "" {
		t.Errorf("after import, Putin became a node of his own: %v %s", err, res)
	}

	// a bad line is reported with its file and line
	bad := filepath.Join(dir, "bad.nq")
	os.WriteFile(bad, []byte("<http://a/s> <http://a/p> \"ok\" .\n<http://a/s> <http://a/p> oops .\n"), 0o644)
	_, _, err = run(t, "import", "--db", filepath.Join(dir, "x.db"), bad)
	if err == nil || !strings.Contains(err.Error(), "bad.nq:2:") {
		t.Errorf("bad N-Quads: %v", err)
	}
}

func TestVocabDescribesEveryRelation(t *testing.T) {
	out, _, err := run(t, "vocab")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "vocab.ttl")
	os.WriteFile(path, []byte(out), 0o644)
	rapperCheck(t, "turtle", path)
	nt, err := exec.Command(needTool(t, "rapper"), "-q", "-i", "turtle", "-o", "ntriples", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	has := func(s, p string) bool {
		return regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(s) + ` ` + regexp.QuoteMeta(p) + ` \S`).Match(nt)
	}
	const rdfs = "<http://www.w3.org/2000/01/rdf-schema#"
	for _, p := range kg.Predicates {
		s := "<https://newsgraph.example/ns#" + p + ">"
		for _, want := range []string{"label>", "comment>", "domain>", "range>"} {
			if !has(s, rdfs+want) {
				t.Errorf("kg vocab: %s has no rdfs:%s", p, strings.TrimSuffix(want, ">"))
			}
		}
	}
	for _, c := range []string{"Meeting", "PlannedMeeting", "Quote", "Sentence"} {
		if !has("<https://newsgraph.example/ns#"+c+">", rdfs+"comment>") {
			t.Errorf("kg vocab: class kg:%s undescribed", c)
		}
	}
	for _, m := range []string{
		"<https://newsgraph.example/ns#works_for> <http://www.w3.org/2000/01/rdf-schema#subPropertyOf> <https://schema.org/worksFor>",
		"<https://newsgraph.example/ns#nationality> <http://www.w3.org/2002/07/owl#equivalentProperty> <https://schema.org/nationality>",
		"<https://newsgraph.example/ns#evidence> <http://www.w3.org/2000/01/rdf-schema#subPropertyOf> <http://www.w3.org/ns/prov#wasDerivedFrom>",
	} {
		if !bytes.Contains(nt, []byte(m)) {
			t.Errorf("kg vocab lacks the mapping %s", m)
		}
	}
}
