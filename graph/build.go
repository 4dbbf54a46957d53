package graph

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
)

// Built is one article as quads, every one labelled with the article's IRI,
// and what the identity index learns from it.
type Built struct {
	Article quad.IRI
	Quads   []quad.Quad
	Nodes   map[string]quad.IRI // entity name in the extraction -> node
	absorb  map[quad.IRI]quad.IRI
	keys    map[quad.IRI][]string
	labels  map[quad.IRI]string
}

// DateLiteral types a date as xsd:date, xsd:gYearMonth or xsd:gYear by its
// precision; anything else is a plain string.
func DateLiteral(d string) quad.Value {
	switch len(d) {
	case 10:
		return quad.TypedString{Value: quad.String(d), Type: XSDDate}
	case 7:
		return quad.TypedString{Value: quad.String(d), Type: XSDYearMonth}
	case 4:
		return quad.TypedString{Value: quad.String(d), Type: XSDYear}
	}
	return quad.String(d)
}

func intLiteral(n int) quad.Value {
	return quad.TypedString{Value: quad.String(strconv.Itoa(n)), Type: XSDInteger}
}

func english(s string) quad.Value { return quad.LangString{Value: quad.String(s), Lang: "en"} }

// Build turns an extraction into quads (see DESIGN.md, "The graph model"):
// the article node; each entity with its type, label, other names and name
// keys; each relation as a direct edge plus an rdf:Statement carrying its
// evidence sentence; meetings and quotes as nodes; the evidence sentences.
func Build(x *kg.Extraction, iris IRIs, id *Identity) *Built {
	art := iris.Article(x.Article)
	b := &Built{Article: art, Nodes: map[string]quad.IRI{}, absorb: map[quad.IRI]quad.IRI{},
		keys: map[quad.IRI][]string{}, labels: map[quad.IRI]string{}}
	add := func(s quad.Value, p quad.IRI, o quad.Value) {
		b.Quads = append(b.Quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: art})
	}
	add(art, RDFType, SchemaArticle)
	add(art, SchemaName, quad.String(x.Article))
	if x.Title != "" {
		add(art, SchemaHead, english(x.Title))
	}
	if x.Date != nil && *x.Date != "" {
		add(art, SchemaDate, DateLiteral(*x.Date))
	}
	if x.Hash != "" {
		add(art, KGHash, quad.String(x.Hash))
	}
	if x.Source != "" {
		add(art, KGSource, quad.String(x.Source))
	}
	// entities
	for _, e := range x.Entities {
		node, absorb := id.Resolve(e)
		if absorb != "" {
			b.absorb[absorb] = node
		}
		label := e.Name
		if l, ok := id.labelOf(node); ok && l != "" {
			label = l
		}
		if l, ok := b.labels[node]; ok {
			label = l // two entities of this article resolved to one node
		}
		b.Nodes[e.Name] = node
		b.labels[node] = label
		b.keys[node] = append(b.keys[node], Keys(e)...)
		typ := e.Type
		if t := iris.TypeOfEntity(node); t != "" {
			typ = t // the node's type wins over this article's reading
		}
		add(node, RDFType, TypeIRI(typ))
		add(node, RDFSLabel, quad.String(label))
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if a != label {
				add(node, SchemaAltName, quad.String(a))
			}
		}
		for _, k := range Keys(e) {
			add(node, KGKey, quad.String(k))
		}
		add(art, SchemaMention, node)
	}
	evidence := map[int]bool{}
	sentence := func(i int) quad.IRI {
		evidence[i] = true
		return quad.IRI(fmt.Sprintf("%s#s%d", string(art), i))
	}
	// relations: the edge itself, and a statement that says where it was read
	for i, r := range x.Relations {
		s, o := b.Nodes[r.Subject], b.Nodes[r.Object]
		if s == "" || o == "" || !kg.IsPredicate(r.Predicate) {
			continue
		}
		p := Predicate(r.Predicate)
		add(s, p, o)
		// numbered, not named after its nodes: a merge renames nodes, not statements
		st := quad.IRI(fmt.Sprintf("%s#rel-%d", string(art), i+1))
		add(st, RDFType, RDFStatement)
		add(st, RDFSubject, s)
		add(st, RDFPredicate, p)
		add(st, RDFObject, o)
		add(st, ProvDerived, art)
		for _, e := range r.Evidence {
			add(st, KGEvidence, sentence(e))
		}
	}
	meetings := func(ms []kg.Meeting, class quad.IRI, prefix string) {
		for i, m := range ms {
			n := quad.IRI(fmt.Sprintf("%s#%s-%d", string(art), prefix, i+1))
			add(n, RDFType, class)
			add(n, ProvDerived, art)
			for _, p := range m.Participants {
				if node := b.Nodes[p]; node != "" {
					add(n, KGParticipant, node)
				}
			}
			if node := b.Nodes[m.Place]; m.Place != "" && node != "" {
				add(n, KGPlace, node)
			}
			if m.Date != "" {
				add(n, KGDate, DateLiteral(m.Date))
			}
			for _, e := range m.Evidence {
				add(n, KGEvidence, sentence(e))
			}
		}
	}
	meetings(x.Meetings, KGMeeting, "meeting")
	meetings(x.Planned, KGPlanned, "planned")
	for i, q := range x.Quotes {
		n := quad.IRI(fmt.Sprintf("%s#quote-%d", string(art), i+1))
		add(n, RDFType, KGQuote)
		add(n, ProvDerived, art)
		add(n, KGText, english(q.Text))
		if node := b.Nodes[q.Speaker]; q.Speaker != "" && node != "" {
			add(n, KGSpeaker, node)
		}
		for _, e := range q.Evidence {
			add(n, KGEvidence, sentence(e))
		}
	}
	// the evidence sentences, in order
	var idx []int
	for i := range evidence {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	for _, i := range idx {
		if i < 0 || i >= len(x.Sentences) {
			continue
		}
		n := quad.IRI(fmt.Sprintf("%s#s%d", string(art), i))
		add(n, RDFType, KGSentence)
		add(n, SchemaPartOf, art)
		add(n, KGIndex, intLiteral(i))
		add(n, KGText, english(x.Sentences[i].Text))
	}
	b.Quads = dedupe(b.Quads)
	return b
}

// dedupe drops repeated quads, keeping the first of each.
func dedupe(qs []quad.Quad) []quad.Quad {
	seen := make(map[quad.Quad]bool, len(qs))
	out := qs[:0]
	for _, q := range qs {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}
