package export

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	_ "github.com/cayleygraph/quad/json"   // Cayley's JSON quads
	_ "github.com/cayleygraph/quad/pquads" // Cayley's protobuf quads
	"github.com/piprate/json-gold/ld"
)

// Readers are the formats kg import reads. N-Quads and JSON-LD are read by
// kg itself so that every value comes back exactly as written (Cayley's
// readers turn "007"^^xsd:integer into 7, or split a literal holding `"@`);
// json and pquads are Cayley's own formats.
var importExt = map[string]string{
	".nq": "nquads", ".nt": "nquads", ".nquads": "nquads", ".jsonld": "jsonld", ".json": "json", ".pq": "pquads",
}

// ImportFormats lists the formats import reads.
func ImportFormats() []string { return []string{"jsonld", "json", "nquads", "pquads"} }

// ImportFormatOf guesses a file's format from its extension (a trailing
// .gz is looked through).
func ImportFormatOf(path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(path, ".gz")))
	if f, ok := importExt[ext]; ok {
		return f, nil
	}
	var exts []string
	for e := range importExt {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	return "", fmt.Errorf("%s: cannot tell the format from the extension %q (known: %s); say --format", path, ext, strings.Join(exts, " "))
}

// NewReader reads quads of a format from r; name (a file name) is used in
// errors. gzipped says r is gzip-compressed. JSON-LD, JSON and pquads
// documents are read whole into memory; N-Quads streams.
func NewReader(format string, r io.Reader, name string, gzipped bool) (quad.ReadCloser, error) {
	if gzipped {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		r = zr
	}
	switch format {
	case "nquads":
		return NewNQuadsReader(r, name), nil
	case "jsonld":
		return readJSONLD(r, name)
	case "json", "pquads":
		return quad.FormatByName(format).Reader(r), nil
	}
	return nil, fmt.Errorf("unknown import format %q (have: %s)", format, strings.Join(ImportFormats(), ", "))
}

// readJSONLD turns a JSON-LD document into quads with json-gold, keeping
// datatypes and language tags as they are.
func readJSONLD(r io.Reader, name string) (quad.ReadCloser, error) {
	var doc any
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = noLoader{} // never fetch remote contexts
	data, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ds := data.(*ld.RDFDataset)
	names := make([]string, 0, len(ds.Graphs))
	for g := range ds.Graphs {
		names = append(names, g)
	}
	sort.Strings(names)
	var qs []quad.Quad
	for _, g := range names {
		var label quad.Value
		if g != "@default" {
			label = quad.IRI(g)
			if strings.HasPrefix(g, "_:") {
				label = quad.BNode(g[2:])
			}
		}
		for _, q := range ds.Graphs[g] {
			qs = append(qs, quad.Quad{Subject: ldValue(q.Subject), Predicate: ldValue(q.Predicate), Object: ldValue(q.Object), Label: label})
		}
	}
	return quadList{quad.NewReader(qs)}, nil
}

type quadList struct{ *quad.Quads }

func (quadList) Close() error { return nil }

const xsdString = "http://www.w3.org/2001/XMLSchema#string"

func ldValue(n ld.Node) quad.Value {
	switch n := n.(type) {
	case *ld.IRI:
		return quad.IRI(n.Value)
	case *ld.BlankNode:
		return quad.BNode(strings.TrimPrefix(n.Attribute, "_:"))
	case *ld.Literal:
		switch {
		case n.Language != "":
			return quad.LangString{Value: quad.String(n.Value), Lang: n.Language}
		case n.Datatype != "" && n.Datatype != xsdString:
			return quad.TypedString{Value: quad.String(n.Value), Type: quad.IRI(n.Datatype)}
		}
		return quad.String(n.Value)
	}
	return nil
}

// noLoader refuses remote documents: an import reads the file it is given.
type noLoader struct{}

func (noLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, fmt.Errorf("remote context %s not loaded: kg import reads only local files (inline the context)", u)
}
