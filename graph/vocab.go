// Package graph turns extractions into quads and keeps them in a Cayley
// store: the vocabulary (IRIs and prefixes), the mapping of an Extraction
// to quads with provenance, entity identity across articles, and the store
// itself (open, replace an article, read). It knows nothing of text.
package graph

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"

	kg "github.com/newsgraph/kg"
)

// Namespaces used by the graph. kg: is ours; the rest are the standard ones.
const (
	NSRDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	NSRDFS   = "http://www.w3.org/2000/01/rdf-schema#"
	NSXSD    = "http://www.w3.org/2001/XMLSchema#"
	NSSchema = "https://schema.org/"
	NSProv   = "http://www.w3.org/ns/prov#"
	NSOWL    = "http://www.w3.org/2002/07/owl#"
	NSKG     = "https://newsgraph.example/ns#"
)

// DefaultBase is the IRI under which articles and entities are named
// unless --base or $KG_BASE says otherwise. The .example domain is reserved
// (RFC 2606): it can never clash with a real site.
const DefaultBase = "https://newsgraph.example/id/"

// Prefix is a short name for a namespace, as Gizmo and Turtle write it.
type Prefix struct{ Name, IRI string }

// Prefixes lists the prefixes `kg query` registers and exports declare.
var Prefixes = []Prefix{
	{"rdf", NSRDF}, {"rdfs", NSRDFS}, {"xsd", NSXSD}, {"schema", NSSchema},
	{"prov", NSProv}, {"owl", NSOWL}, {"kg", NSKG},
}

// Expand turns "kg:met" into the full IRI; other strings come back unchanged.
func Expand(short string) string {
	for _, p := range Prefixes {
		if strings.HasPrefix(short, p.Name+":") {
			return p.IRI + short[len(p.Name)+1:]
		}
	}
	return short
}

// Shorten turns a full IRI into its prefixed form when a prefix fits.
func Shorten(full string) string {
	for _, p := range Prefixes {
		if strings.HasPrefix(full, p.IRI) {
			return p.Name + ":" + full[len(p.IRI):]
		}
	}
	return full
}

func iri(short string) quad.IRI { return quad.IRI(Expand(short)) }

// The vocabulary, as full IRIs.
var (
	RDFType       = iri("rdf:type")
	RDFStatement  = iri("rdf:Statement")
	RDFSubject    = iri("rdf:subject")
	RDFPredicate  = iri("rdf:predicate")
	RDFObject     = iri("rdf:object")
	RDFSLabel     = iri("rdfs:label")
	SchemaAltName = iri("schema:alternateName")
	SchemaPerson  = iri("schema:Person")
	SchemaOrg     = iri("schema:Organization")
	SchemaPlace   = iri("schema:Place")
	SchemaArticle = iri("schema:NewsArticle")
	SchemaName    = iri("schema:name")
	SchemaHead    = iri("schema:headline")
	SchemaDate    = iri("schema:datePublished")
	SchemaMention = iri("schema:mentions")
	SchemaPartOf  = iri("schema:isPartOf")
	ProvDerived   = iri("prov:wasDerivedFrom")
	XSDDate       = iri("xsd:date")
	XSDYearMonth  = iri("xsd:gYearMonth")
	XSDYear       = iri("xsd:gYear")
	XSDInteger    = iri("xsd:integer")
	XSDBoolean    = iri("xsd:boolean")

	KGMeeting     = iri("kg:Meeting")
	KGPlanned     = iri("kg:PlannedMeeting")
	KGQuote       = iri("kg:Quote")
	KGSentence    = iri("kg:Sentence")
	KGParticipant = iri("kg:participant")
	KGPlace       = iri("kg:place")
	KGDate        = iri("kg:date")
	KGEvidence    = iri("kg:evidence")
	KGSpeaker     = iri("kg:speaker")
	KGText        = iri("kg:text")
	KGIndex       = iri("kg:index")
	KGKey         = iri("kg:key")
	KGSource      = iri("kg:source")
	KGHash        = iri("kg:contentHash")
)

// Predicate returns the IRI of a relation in the closed vocabulary: "met" is kg:met.
func Predicate(name string) quad.IRI { return quad.IRI(NSKG + name) }

// TypeIRI returns the class of an entity type.
func TypeIRI(typ string) quad.IRI {
	switch typ {
	case kg.Person:
		return SchemaPerson
	case kg.Org:
		return SchemaOrg
	default:
		return SchemaPlace
	}
}

// IRIs mints the names of articles and entities under a base IRI.
type IRIs struct{ Base string }

// NewIRIs returns the minting rules for base ("" means DefaultBase).
func NewIRIs(base string) IRIs {
	if base == "" {
		base = DefaultBase
	}
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		base += "/"
	}
	return IRIs{Base: base}
}

// Article names an article by its ID: <base>article/bbc/politics/018.txt.
func (n IRIs) Article(id string) quad.IRI {
	parts := strings.Split(id, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return quad.IRI(n.Base + "article/" + strings.Join(parts, "/"))
}

// Entity names an entity by type and canonical name: <base>person/vladimir-putin.
func (n IRIs) Entity(typ, name string) quad.IRI {
	return quad.IRI(n.Base + strings.ToLower(typeSegment(typ)) + "/" + Slug(name))
}

func typeSegment(typ string) string {
	switch typ {
	case kg.Person:
		return "person"
	case kg.Org:
		return "org"
	default:
		return "place"
	}
}

// TypeOfEntity reads the entity type back from an entity IRI, or "".
func (n IRIs) TypeOfEntity(i quad.IRI) string {
	rest, ok := strings.CutPrefix(string(i), n.Base)
	if !ok {
		return ""
	}
	seg, _, _ := strings.Cut(rest, "/")
	switch seg {
	case "person":
		return kg.Person
	case "org":
		return kg.Org
	case "place":
		return kg.Place
	}
	return ""
}

// Slug makes a name into an IRI path segment: accents dropped, lower case,
// words joined by "-" ("José Luis Rodríguez Zapatero" is
// "jose-luis-rodriguez-zapatero"); letters outside ASCII are kept, escaped.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "unnamed"
	}
	return url.PathEscape(b.String())
}
