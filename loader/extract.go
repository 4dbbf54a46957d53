package loader

import (
	"sort"
	"strings"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/nlp"
)

// Annotator is what the loader needs from the language layer: tokens,
// sentences and recognised names over one text. *nlp.Pipeline is one.
type Annotator interface {
	Process(text string) *nlp.Doc
}

// Extractor reads articles into extractions. It is safe for concurrent use.
type Extractor struct {
	nlp Annotator
}

// New returns an extractor over the built-in language models.
func New() (*Extractor, error) {
	p, err := nlp.Default()
	if err != nil {
		return nil, err
	}
	return &Extractor{nlp: p}, nil
}

// NewWith returns an extractor over another annotator (tests, other models).
func NewWith(a Annotator) *Extractor { return &Extractor{nlp: a} }

// Extract reads one article.
func (x *Extractor) Extract(a *Article) *kg.Extraction {
	r := &reading{a: a, doc: x.nlp.Process(a.Text)}
	r.facts = newFactSet(r)
	r.findMentions()
	r.quoteSpans = r.findQuotes()
	r.resolve()
	r.titleRelations()
	r.locations()
	r.readEvents()
	r.meetingFacts()
	r.readQuotes()
	return r.extraction()
}

// extraction assembles the result.
func (r *reading) extraction() *kg.Extraction {
	x := &kg.Extraction{Article: r.a.ID, Title: r.a.Title, Source: r.a.Path, Hash: r.a.Hash,
		Entities: []kg.Entity{}, Relations: []kg.Relation{}, Meetings: []kg.Meeting{}, Quotes: []kg.Quote{}}
	if r.a.Date != "" {
		d := r.a.Date
		x.Date = &d
	}
	for _, e := range r.ents {
		if len(e.ments) == 0 {
			continue
		}
		ent := kg.Entity{Name: e.name, Type: e.typ, Aliases: []string{}}
		for _, f := range e.forms {
			if f != e.name {
				ent.Aliases = append(ent.Aliases, f)
			}
		}
		sort.Strings(ent.Aliases)
		x.Entities = append(x.Entities, ent)
	}
	x.Relations = r.facts.relations()
	x.Meetings = r.meetings(r.meets)
	x.Planned = r.meetings(r.plans)
	x.Quotes = r.quots
	for i, s := range r.doc.Sentences {
		x.Sentences = append(x.Sentences, kg.Sentence{Index: i, Text: strings.TrimSpace(r.a.Text[s.Start:s.End]), Start: s.Start, End: s.End})
	}
	return x
}

func (r *reading) meetings(ms []*meeting) []kg.Meeting {
	out := []kg.Meeting{}
	for _, m := range ms {
		km := kg.Meeting{Date: m.date, Evidence: m.sents}
		for _, p := range m.parts {
			km.Participants = append(km.Participants, r.ents[p].name)
		}
		if m.place >= 0 {
			km.Place = r.ents[m.place].name
		}
		out = append(out, km)
	}
	return out
}
