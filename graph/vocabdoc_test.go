package graph

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
)

// TestVocabularyDescribesEverythingBuilt builds an article that uses every
// part of the graph model and checks that each kg: class and property in
// its quads is described in the vocabulary, so `kg vocab` cannot fall
// behind Build.
func TestVocabularyDescribesEverythingBuilt(t *testing.T) {
	date := "2025-12-02"
	x := &kg.Extraction{
		Article: "a.txt", Date: &date, Title: "Envoy meets president", Source: "a.txt", Hash: "abc",
		Entities: []kg.Entity{person("Steve Witkoff", "Witkoff"), person("Vladimir Putin"), {Name: "Moscow", Type: kg.Place}},
		Relations: []kg.Relation{{Subject: "Steve Witkoff", Predicate: kg.Met, Object: "Vladimir Putin", Evidence: []int{0}},
			{Subject: "Steve Witkoff", Predicate: kg.Visited, Object: "Moscow", Evidence: []int{0}}},
		Meetings:  []kg.Meeting{{Participants: []string{"Steve Witkoff", "Vladimir Putin"}, Place: "Moscow", Date: date, Evidence: []int{0}}},
		Planned:   []kg.Meeting{{Participants: []string{"Vladimir Putin"}, Date: "2026", Evidence: []int{1}}},
		Quotes:    []kg.Quote{{Text: "Very productive", Speaker: "Steve Witkoff", Evidence: []int{1}}},
		Sentences: []kg.Sentence{{Index: 0, Text: "Witkoff met Putin in Moscow."}, {Index: 1, Text: "\"Very productive,\" Witkoff said."}},
	}
	b := Build(x, NewIRIs(""), newIdentity(NewIRIs("")))
	described := map[quad.IRI]bool{}
	for _, term := range Vocabulary() {
		described[term.IRI] = true
	}
	used := map[quad.IRI]bool{}
	for _, q := range b.Quads {
		used[q.Predicate.(quad.IRI)] = true
		if q.Predicate == RDFType {
			used[q.Object.(quad.IRI)] = true
		}
		if ts, ok := q.Object.(quad.TypedString); ok {
			used[ts.Type] = true
		}
	}
	n := 0
	for i := range used {
		if strings.HasPrefix(string(i), NSKG) {
			n++
			if !described[i] {
				t.Errorf("Build uses %s, which the vocabulary does not describe", i)
			}
		}
	}
	if n < 14 {
		t.Errorf("the test article uses only %d kg: terms; it should exercise the whole model", n)
	}
	// and the other way round: every kg: property described is one Build can emit
	for _, term := range Vocabulary() {
		if term.Kind != Class && term.Kind != Datatype && !used[term.IRI] && !kg.IsPredicate(strings.TrimPrefix(string(term.IRI), NSKG)) {
			t.Errorf("the vocabulary describes %s, which Build never emits", term.IRI)
		}
	}
}

func TestEveryTermIsDocumented(t *testing.T) {
	relations := 0
	for _, term := range Vocabulary() {
		if term.Label == "" || len(term.Comment) < 20 {
			t.Errorf("%s lacks a label or a real comment", term.IRI)
		}
		if term.Kind == ObjectProperty || term.Kind == DatatypeProperty {
			if len(term.Domain) == 0 || len(term.Range) == 0 {
				t.Errorf("%s lacks a domain or a range", term.IRI)
			}
		}
		if kg.IsPredicate(strings.TrimPrefix(string(term.IRI), NSKG)) {
			relations++
			if term.Symmetric != kg.Symmetric(strings.TrimPrefix(string(term.IRI), NSKG)) {
				t.Errorf("%s: symmetric is %v", term.IRI, term.Symmetric)
			}
		}
	}
	if relations != len(kg.Predicates) {
		t.Errorf("%d relations described, want %d", relations, len(kg.Predicates))
	}
}
