// Package kg holds the small types every part of newsgraph shares: the
// Extraction read out of one article (the JSON of ../shared/eval/FORMAT.md)
// and the closed relation vocabulary of ../shared/eval/GUIDE.md.
//
// The loader produces an Extraction, the graph package turns it into quads,
// and the eval package scores it; none of them needs the others' internals.
package kg

// Entity types, as the guide names them.
const (
	Person = "PERSON"
	Org    = "ORG"
	Place  = "PLACE"
)

// The closed relation vocabulary (GUIDE.md). Met and RelativeOf are symmetric.
const (
	Met            = "met"
	Accompanied    = "accompanied"
	Advises        = "advises"
	EnvoyOf        = "envoy_of"
	SpokespersonOf = "spokesperson_of"
	HeadOf         = "head_of"
	WorksFor       = "works_for"
	MemberOf       = "member_of"
	RelativeOf     = "relative_of"
	Nationality    = "nationality"
	SpokeTo        = "spoke_to"
	Visited        = "visited"
	LocatedIn      = "located_in"
)

// Predicates lists the vocabulary in the guide's order.
var Predicates = []string{Met, Accompanied, Advises, EnvoyOf, SpokespersonOf, HeadOf,
	WorksFor, MemberOf, RelativeOf, Nationality, SpokeTo, Visited, LocatedIn}

// Symmetric reports whether a predicate holds both ways (A met B is B met A).
func Symmetric(predicate string) bool { return predicate == Met || predicate == RelativeOf }

// IsPredicate reports whether p is in the closed vocabulary.
func IsPredicate(p string) bool {
	for _, q := range Predicates {
		if p == q {
			return true
		}
	}
	return false
}

// Extraction is what a careful reader takes from one article. Its JSON is the
// shape FORMAT.md describes; the extra fields (evidence, offsets, planned
// meetings) are ignored by the scorer.
type Extraction struct {
	Article   string     `json:"article"`
	Date      *string    `json:"date"` // YYYY-MM-DD from the date line, or null
	Title     string     `json:"title,omitempty"`
	Source    string     `json:"source,omitempty"` // where the text was read from
	Hash      string     `json:"hash,omitempty"`   // sha256 of the article's bytes
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	Meetings  []Meeting  `json:"meetings"`
	// Planned holds meetings and visits that are announced, hoped for,
	// denied or hypothetical: kept, but never as facts.
	Planned   []Meeting  `json:"planned,omitempty"`
	Quotes    []Quote    `json:"quotes"`
	Sentences []Sentence `json:"sentences,omitempty"`
}

// Entity is one real-world person, organisation or place the article names.
type Entity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases"`
}

// Relation is a triple in the closed vocabulary between two entities, named
// by their canonical Name. Evidence holds indexes into Extraction.Sentences.
type Relation struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	Evidence  []int  `json:"evidence,omitempty"`
}

// Meeting is an event with its participants, place and date (YYYY, YYYY-MM
// or YYYY-MM-DD) where the text gives them.
type Meeting struct {
	Participants []string `json:"participants"`
	Place        string   `json:"place,omitempty"`
	Date         string   `json:"date,omitempty"`
	Evidence     []int    `json:"evidence,omitempty"`
}

// Quote is a quoted span and the entity that said it ("" when unknown).
type Quote struct {
	Text     string `json:"text"`
	Speaker  string `json:"speaker"`
	Evidence []int  `json:"evidence,omitempty"`
	Start    int    `json:"start"` // byte offsets of the text in the article
	End      int    `json:"end"`
}

// Sentence is one sentence of the article, kept as evidence.
type Sentence struct {
	Index int    `json:"index"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// EntityByName returns the entity with the given canonical name, or nil.
func (x *Extraction) EntityByName(name string) *Entity {
	for i := range x.Entities {
		if x.Entities[i].Name == name {
			return &x.Entities[i]
		}
	}
	return nil
}
