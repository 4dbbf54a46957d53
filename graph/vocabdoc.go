package graph

import (
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
)

// This file describes the kg: vocabulary for people and tools: every class
// and property Build uses, with label, comment, domain and range, and its
// mappings to schema.org and PROV-O. `kg vocab` prints it as Turtle. The
// IRIs are the variables of vocab.go and the relations of kg.Predicates, so
// what is described and what is built cannot drift apart (vocabdoc_test.go
// checks that every kg: term Build emits is described here).

// TermKind says what a vocabulary term is.
type TermKind int

const (
	Class TermKind = iota
	Datatype
	ObjectProperty
	DatatypeProperty
)

// Term describes one class or property of the vocabulary. Domain, Range and
// UnionOf with more than one IRI mean the union of those classes (written
// as an owl:unionOf list, since several rdfs:domain triples would mean
// their intersection).
type Term struct {
	IRI                quad.IRI
	Kind               TermKind
	Label, Comment     string
	Domain, Range      []quad.IRI
	UnionOf            []quad.IRI // a class or datatype defined as this union
	SubClassOf         []quad.IRI
	SubPropertyOf      []quad.IRI
	EquivalentProperty []quad.IRI
	Symmetric          bool
}

// More of the vocabulary, used only to describe it.
var (
	KGDateType       = iri("kg:Date")
	RDFLangString    = iri("rdf:langString")
	RDFProperty      = iri("rdf:Property")
	RDFFirst         = iri("rdf:first")
	RDFRest          = iri("rdf:rest")
	RDFNil           = iri("rdf:nil")
	RDFSComment      = iri("rdfs:comment")
	RDFSDomain       = iri("rdfs:domain")
	RDFSRange        = iri("rdfs:range")
	RDFSSubClass     = iri("rdfs:subClassOf")
	RDFSSubProperty  = iri("rdfs:subPropertyOf")
	RDFSDatatype     = iri("rdfs:Datatype")
	RDFSIsDefinedBy  = iri("rdfs:isDefinedBy")
	OWLOntology      = iri("owl:Ontology")
	OWLClass         = iri("owl:Class")
	OWLObjectProp    = iri("owl:ObjectProperty")
	OWLDatatypeProp  = iri("owl:DatatypeProperty")
	OWLSymmetricProp = iri("owl:SymmetricProperty")
	OWLEquivalent    = iri("owl:equivalentProperty")
	OWLUnionOf       = iri("owl:unionOf")
	XSDString        = iri("xsd:string")
)

// Ontology is the IRI of the vocabulary as a whole (the namespace without '#').
var Ontology = quad.IRI(strings.TrimSuffix(NSKG, "#"))

var (
	agent     = []quad.IRI{SchemaPerson, SchemaOrg}
	entity    = []quad.IRI{SchemaPerson, SchemaOrg, SchemaPlace}
	persons   = []quad.IRI{SchemaPerson}
	place     = []quad.IRI{SchemaPlace}
	orgPlace  = []quad.IRI{SchemaOrg, SchemaPlace}
	meetings  = []quad.IRI{KGMeeting, KGPlanned}
	schemaIRI = func(local string) []quad.IRI { return []quad.IRI{iri("schema:" + local)} }
)

// relationDoc describes the relations of the closed vocabulary, with the
// meanings of ../shared/eval/GUIDE.md.
var relationDoc = map[string]Term{
	kg.Met: {Comment: "The two took part in the same meeting, talks, visit or call, in person or not: \"A met (with) B\", \"A held talks with B\", \"talks between A and B\", \"B received A\". Symmetric.",
		Domain: agent, Range: agent},
	kg.Accompanied: {Comment: "A travelled or attended together with B, as B's companion: \"B, accompanied by A\".",
		Domain: persons, Range: persons},
	kg.Advises: {Comment: "A is an adviser, aide or counsellor of B: \"B's foreign policy aide A\".",
		Domain: persons, Range: entity},
	kg.EnvoyOf: {Comment: "A is an envoy, emissary, representative or negotiator sent by B: \"B's special envoy A\".",
		Domain: persons, Range: entity},
	kg.SpokespersonOf: {Comment: "A speaks officially for B: \"Kremlin spokesman A\".",
		Domain: persons, Range: entity},
	kg.HeadOf: {Comment: "A holds the top post of B: president, prime minister, chancellor, king, leader, chief executive, chairman, secretary general: \"Russian President Putin\" (Putin head_of Russia).",
		Domain: persons, Range: orgPlace},
	kg.WorksFor: {Comment: "A holds a post in B below its top, or works for person B (minister, secretary, official, director, employee, speechwriter); former posts count: \"Spain's foreign minister Moratinos\".",
		Domain: persons, Range: entity, SubPropertyOf: schemaIRI("worksFor")},
	kg.MemberOf: {Comment: "A belongs to party, parliament, alliance or body B: \"Labour MP A\", \"EU member Italy\".",
		Domain: entity, Range: []quad.IRI{SchemaOrg}, SubPropertyOf: schemaIRI("memberOf")},
	kg.RelativeOf: {Comment: "A family tie of any kind: \"B's son-in-law A\". Symmetric.",
		Domain: persons, Range: persons, SubPropertyOf: schemaIRI("relatedTo")},
	kg.Nationality: {Comment: "Person A is a citizen or national of country B, where the text says so: \"Russian political analyst A\".",
		Domain: persons, Range: place, EquivalentProperty: schemaIRI("nationality")},
	kg.SpokeTo: {Comment: "A told, informed, was interviewed by or gave a statement to B: \"A told NBC News\".",
		Domain: agent, Range: agent},
	kg.Visited: {Comment: "A travelled to place B: \"A flew to Basra\", \"A met B in Moscow\" when A came to Moscow.",
		Domain: agent, Range: place},
	kg.LocatedIn: {Comment: "Place or organisation A lies in place B, as the text states: \"Basra in southern Iraq\".",
		Domain: orgPlace, Range: place, SubPropertyOf: schemaIRI("containedInPlace")},
}

// Vocabulary lists every class and property of the kg: namespace.
func Vocabulary() []Term {
	terms := []Term{
		{IRI: KGMeeting, Kind: Class, Label: "meeting",
			Comment:    "A meeting, talks, visit or call that took place, as an article reports it: its participants, place and date, and the sentences that say so.",
			SubClassOf: schemaIRI("Event")},
		{IRI: KGPlanned, Kind: Class, Label: "planned meeting",
			Comment:    "A meeting or visit an article reports as announced, hoped for, denied or hypothetical. Kept, but never a fact: it gives no kg:met or kg:visited edge.",
			SubClassOf: schemaIRI("Event")},
		{IRI: KGQuote, Kind: Class, Label: "quote",
			Comment:    "A span in quotation marks that someone said or wrote, with its speaker when the article says who.",
			SubClassOf: schemaIRI("Quotation")},
		{IRI: KGSentence, Kind: Class, Label: "sentence",
			Comment:    "One sentence of an article, kept as the evidence of relations, meetings and quotes; schema:isPartOf its article.",
			SubClassOf: schemaIRI("CreativeWork")},
		{IRI: KGDateType, Kind: Datatype, Label: "date of known precision",
			Comment: "A calendar date as precise as the article gives it: xsd:date (2025-12-02), xsd:gYearMonth (2025-12) or xsd:gYear (2025).",
			UnionOf: []quad.IRI{XSDDate, XSDYearMonth, XSDYear}},
	}
	for _, name := range kg.Predicates {
		t, ok := relationDoc[name]
		if !ok {
			panic(fmt.Sprintf("graph: relation %q has no entry in relationDoc", name))
		}
		t.IRI, t.Kind = Predicate(name), ObjectProperty
		t.Label = strings.ReplaceAll(name, "_", " ")
		t.Symmetric = kg.Symmetric(name)
		t.Comment += " Each edge also has an rdf:Statement with its kg:evidence."
		terms = append(terms, t)
	}
	terms = append(terms,
		Term{IRI: KGParticipant, Kind: ObjectProperty, Label: "participant",
			Comment: "An entity that took part in the meeting (or would take part in the planned one).",
			Domain:  meetings, Range: entity, SubPropertyOf: schemaIRI("attendee")},
		Term{IRI: KGPlace, Kind: ObjectProperty, Label: "place",
			Comment: "Where the meeting took place (or would).",
			Domain:  meetings, Range: place, SubPropertyOf: schemaIRI("location")},
		Term{IRI: KGDate, Kind: DatatypeProperty, Label: "date",
			Comment: "When the meeting took place (or would), as precise as the article says; relative dates (\"on Tuesday\") are resolved against the article's date line.",
			Domain:  meetings, Range: []quad.IRI{KGDateType}, SubPropertyOf: schemaIRI("startDate")},
		Term{IRI: KGEvidence, Kind: ObjectProperty, Label: "evidence",
			Comment: "A sentence of the article that states the relation (on its rdf:Statement), the meeting or the quote.",
			Domain:  []quad.IRI{RDFStatement, KGMeeting, KGPlanned, KGQuote}, Range: []quad.IRI{KGSentence},
			SubPropertyOf: []quad.IRI{ProvDerived}},
		Term{IRI: KGSpeaker, Kind: ObjectProperty, Label: "speaker",
			Comment: "Who said the quote, resolved through pronouns and \"he added\" (schema.org gives a real person's quotation a schema:creator).",
			Domain:  []quad.IRI{KGQuote}, Range: agent, SubPropertyOf: schemaIRI("creator")},
		Term{IRI: KGText, Kind: DatatypeProperty, Label: "text",
			Comment: "The words of the quote or sentence, as the article has them, tagged with their language.",
			Domain:  []quad.IRI{KGQuote, KGSentence}, Range: []quad.IRI{RDFLangString}, SubPropertyOf: schemaIRI("text")},
		Term{IRI: KGIndex, Kind: DatatypeProperty, Label: "index",
			Comment: "The position of the sentence in its article, counting from 0.",
			Domain:  []quad.IRI{KGSentence}, Range: []quad.IRI{XSDInteger}, SubPropertyOf: schemaIRI("position")},
		Term{IRI: KGKey, Kind: DatatypeProperty, Label: "name key",
			Comment: "A normalised name the entity goes by (lower case, titles and punctuation dropped: \"President Putin's\" is \"putin\"): the index that makes one node of the same entity named in different articles.",
			Domain:  entity, Range: []quad.IRI{XSDString}},
		Term{IRI: KGSource, Kind: DatatypeProperty, Label: "source",
			Comment: "Where the article's text was read from (a file path).",
			Domain:  []quad.IRI{SchemaArticle}, Range: []quad.IRI{XSDString}},
		Term{IRI: KGHash, Kind: DatatypeProperty, Label: "content hash",
			Comment: "The SHA-256 of the article's bytes, in hex: an article ingested again unchanged is recognised by it.",
			Domain:  []quad.IRI{SchemaArticle}, Range: []quad.IRI{XSDString}, EquivalentProperty: schemaIRI("sha256")},
	)
	return terms
}

// VocabularyQuads returns the vocabulary as RDF triples (no graph): the
// ontology, then each term. Unions are blank nodes with owl:unionOf lists.
func VocabularyQuads() []quad.Quad {
	var out []quad.Quad
	add := func(s quad.Value, p quad.IRI, o quad.Value) {
		out = append(out, quad.Quad{Subject: s, Predicate: p, Object: o})
	}
	en := func(s string) quad.Value { return quad.LangString{Value: quad.String(s), Lang: "en"} }
	add(Ontology, RDFType, OWLOntology)
	add(Ontology, RDFSLabel, en("newsgraph vocabulary"))
	add(Ontology, RDFSComment, en("Classes and properties of the knowledge graph kg builds from news articles: meetings, quotes, evidence sentences, and the closed vocabulary of relations between people, organisations and places. Every quad's graph name is the article that states it."))
	n := 0
	list := func(items []quad.IRI) quad.Value {
		var head quad.Value = RDFNil
		for i := len(items) - 1; i >= 0; i-- {
			n++
			node := quad.BNode(fmt.Sprintf("l%d", n))
			add(node, RDFFirst, items[i])
			add(node, RDFRest, head)
			head = node
		}
		return head
	}
	union := func(items []quad.IRI, class quad.IRI) quad.Value {
		if len(items) == 1 {
			return items[0]
		}
		n++
		u := quad.BNode(fmt.Sprintf("u%d", n))
		add(u, RDFType, class)
		add(u, OWLUnionOf, list(items))
		return u
	}
	for _, t := range Vocabulary() {
		switch t.Kind {
		case Class:
			add(t.IRI, RDFType, OWLClass)
		case Datatype:
			add(t.IRI, RDFType, RDFSDatatype)
		case ObjectProperty:
			add(t.IRI, RDFType, OWLObjectProp)
		case DatatypeProperty:
			add(t.IRI, RDFType, OWLDatatypeProp)
		}
		if t.Symmetric {
			add(t.IRI, RDFType, OWLSymmetricProp)
		}
		add(t.IRI, RDFSLabel, en(t.Label))
		add(t.IRI, RDFSComment, en(t.Comment))
		add(t.IRI, RDFSIsDefinedBy, Ontology)
		class := OWLClass
		if t.Kind == DatatypeProperty {
			class = RDFSDatatype
		}
		if len(t.Domain) > 0 {
			add(t.IRI, RDFSDomain, union(t.Domain, OWLClass))
		}
		if len(t.Range) > 0 {
			add(t.IRI, RDFSRange, union(t.Range, class))
		}
		if len(t.UnionOf) > 0 {
			add(t.IRI, OWLUnionOf, list(t.UnionOf))
		}
		for _, c := range t.SubClassOf {
			add(t.IRI, RDFSSubClass, c)
		}
		for _, p := range t.SubPropertyOf {
			add(t.IRI, RDFSSubProperty, p)
		}
		for _, p := range t.EquivalentProperty {
			add(t.IRI, OWLEquivalent, p)
		}
	}
	return out
}
