package browse

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/graph"
)

// Entity is everything the graph holds about one entity, each fact with the
// sentences and articles that state it.
type Entity struct {
	Ref
	Aliases   []string   `json:"aliases"`
	Met       []Ref      `json:"met"` // everyone it met, by name
	Relations []Relation `json:"relations"`
	Meetings  []Meeting  `json:"meetings"`
	Quotes    []Quote    `json:"quotes"`
	Articles  []Article  `json:"articles"` // that mention it
}

// Relation is one fact in the closed vocabulary (advises, envoy_of, ...),
// merged over the articles that state it.
type Relation struct {
	Predicate string     `json:"predicate"`
	Subject   Ref        `json:"subject"`
	Object    Ref        `json:"object"`
	Evidence  []Evidence `json:"evidence"`
	Articles  []Article  `json:"articles"`
}

// Meeting is a meeting an article tells of.
type Meeting struct {
	ID           string     `json:"id"`
	Planned      bool       `json:"planned,omitempty"` // announced, hoped for or denied: not a fact
	Date         string     `json:"date,omitempty"`
	Place        *Ref       `json:"place,omitempty"`
	Participants []Ref      `json:"participants"`
	Evidence     []Evidence `json:"evidence"`
	Article      Article    `json:"article"`
}

// Quote is something the entity said, as an article quotes it.
type Quote struct {
	Text     string     `json:"text"`
	Evidence []Evidence `json:"evidence"`
	Article  Article    `json:"article"`
}

// Entity returns what the graph holds about the entity with this id (see
// Ref), or ErrNotFound.
func (b *Browser) Entity(ctx context.Context, id string) (*Entity, error) {
	e := b.IRI(id)
	r := b.reader(ctx)
	own, err := r.props(e)
	if err != nil {
		return nil, err
	}
	if len(own[graph.RDFSLabel]) == 0 && len(own[graph.RDFType]) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	out := &Entity{Ref: r.ref(e), Aliases: []string{}, Met: []Ref{}, Relations: []Relation{},
		Meetings: []Meeting{}, Quotes: []Quote{}, Articles: []Article{}}
	for _, a := range own[graph.SchemaAltName] {
		if t := text(a); t != out.Name {
			out.Aliases = append(out.Aliases, t)
		}
	}
	sort.Strings(out.Aliases)

	// every quad that points at the entity, sorted out by what it says
	type key struct {
		s, o quad.IRI
		p    string
	}
	rels := map[key]*Relation{}
	relArticles := map[key]map[string]bool{}
	var statements, meetings, quotes, mentions []quad.IRI
	seen := map[quad.IRI]bool{}
	once := func(list *[]quad.IRI, i quad.IRI) {
		if !seen[i] {
			seen[i] = true
			*list = append(*list, i)
		}
	}
	addRel := func(s, o quad.IRI, p string, art quad.IRI) *Relation {
		k := key{s, o, p}
		rel := rels[k]
		if rel == nil {
			rel = &Relation{Predicate: p, Subject: r.ref(s), Object: r.ref(o), Evidence: []Evidence{}, Articles: []Article{}}
			rels[k], relArticles[k] = rel, map[string]bool{}
		}
		if art != "" {
			if a := r.article(art); !relArticles[k][a.Name] {
				relArticles[k][a.Name] = true
				rel.Articles = append(rel.Articles, a)
			}
		}
		return rel
	}
	label := func(q quad.Quad) quad.IRI { l, _ := q.Label.(quad.IRI); return l }
	err = r.each(quad.Object, e, func(q quad.Quad) {
		s, ok := q.Subject.(quad.IRI)
		if !ok {
			return
		}
		switch q.Predicate {
		case graph.RDFSubject, graph.RDFObject:
			once(&statements, s)
		case graph.KGParticipant:
			once(&meetings, s)
		case graph.KGSpeaker:
			once(&quotes, s)
		case graph.SchemaMention:
			once(&mentions, s)
		default:
			if p, ok := relName(q.Predicate); ok && p != "met" {
				addRel(s, e, p, label(q))
			}
		}
	})
	if err != nil {
		return nil, err
	}
	err = r.each(quad.Subject, e, func(q quad.Quad) {
		o, ok := q.Object.(quad.IRI)
		if p, isRel := relName(q.Predicate); ok && isRel && p != "met" {
			addRel(e, o, p, label(q))
		}
	})
	if err != nil {
		return nil, err
	}
	// statements carry the evidence of relations
	for _, st := range statements {
		p, err := r.props(st)
		if err != nil {
			return nil, err
		}
		s, _ := first(p[graph.RDFSubject]).(quad.IRI)
		o, _ := first(p[graph.RDFObject]).(quad.IRI)
		pred, _ := first(p[graph.RDFPredicate]).(quad.IRI)
		name, ok := relName(pred)
		if s == "" || o == "" || !ok || name == "met" {
			continue // meetings say who met whom, with more
		}
		art, _ := first(p[graph.ProvDerived]).(quad.IRI)
		rel := addRel(s, o, name, art)
		rel.Evidence = append(rel.Evidence, r.evidence(p[graph.KGEvidence])...)
	}
	for _, rel := range rels {
		sort.Slice(rel.Evidence, func(i, j int) bool { return rel.Evidence[i].Article.Name < rel.Evidence[j].Article.Name })
		out.Relations = append(out.Relations, *rel)
	}
	sort.Slice(out.Relations, func(i, j int) bool {
		a, b := out.Relations[i], out.Relations[j]
		if a.Predicate != b.Predicate {
			return relationOrder(a.Predicate) < relationOrder(b.Predicate)
		}
		if a.Subject.Name != b.Subject.Name {
			return a.Subject.Name < b.Subject.Name
		}
		return a.Object.Name < b.Object.Name
	})

	met := map[quad.IRI]bool{}
	for _, m := range meetings {
		mt, err := r.meeting(m)
		if err != nil {
			return nil, err
		}
		if mt == nil {
			continue
		}
		if !mt.Planned {
			for _, p := range mt.Participants {
				met[b.IRI(p.ID)] = true
			}
		}
		out.Meetings = append(out.Meetings, *mt)
	}
	sortMeetings(out.Meetings)
	// kg:met edges that no meeting carries
	err = r.each(quad.Object, e, func(q quad.Quad) {
		if s, ok := q.Subject.(quad.IRI); ok && q.Predicate == graph.Predicate("met") {
			met[s] = true
		}
	})
	if err != nil {
		return nil, err
	}
	err = r.each(quad.Subject, e, func(q quad.Quad) {
		if o, ok := q.Object.(quad.IRI); ok && q.Predicate == graph.Predicate("met") {
			met[o] = true
		}
	})
	if err != nil {
		return nil, err
	}
	delete(met, e)
	for m := range met {
		out.Met = append(out.Met, r.ref(m))
	}
	sort.Slice(out.Met, func(i, j int) bool { return out.Met[i].Name < out.Met[j].Name })

	for _, qn := range quotes {
		p, err := r.props(qn)
		if err != nil {
			return nil, err
		}
		q := Quote{Text: text(first(p[graph.KGText])), Evidence: r.evidence(p[graph.KGEvidence])}
		if a, ok := first(p[graph.ProvDerived]).(quad.IRI); ok {
			q.Article = r.article(a)
		}
		out.Quotes = append(out.Quotes, q)
	}
	sort.SliceStable(out.Quotes, func(i, j int) bool { return out.Quotes[i].Article.Name < out.Quotes[j].Article.Name })
	for _, a := range mentions {
		out.Articles = append(out.Articles, r.article(a))
	}
	sort.Slice(out.Articles, func(i, j int) bool {
		if out.Articles[i].Date != out.Articles[j].Date {
			return out.Articles[i].Date > out.Articles[j].Date
		}
		return out.Articles[i].Name < out.Articles[j].Name
	})
	return out, nil
}

// meeting reads a kg:Meeting or kg:PlannedMeeting node (nil for anything else).
func (r *reader) meeting(m quad.IRI) (*Meeting, error) {
	p, err := r.props(m)
	if err != nil {
		return nil, err
	}
	mt := &Meeting{ID: string(m), Participants: []Ref{}}
	switch {
	case has(p[graph.RDFType], graph.KGMeeting):
	case has(p[graph.RDFType], graph.KGPlanned):
		mt.Planned = true
	default:
		return nil, nil
	}
	mt.Date = text(first(p[graph.KGDate]))
	if pl, ok := first(p[graph.KGPlace]).(quad.IRI); ok {
		ref := r.ref(pl)
		mt.Place = &ref
	}
	for _, v := range p[graph.KGParticipant] {
		if i, ok := v.(quad.IRI); ok {
			mt.Participants = append(mt.Participants, r.ref(i))
		}
	}
	sort.Slice(mt.Participants, func(i, j int) bool { return mt.Participants[i].Name < mt.Participants[j].Name })
	mt.Evidence = r.evidence(p[graph.KGEvidence])
	if a, ok := first(p[graph.ProvDerived]).(quad.IRI); ok {
		mt.Article = r.article(a)
	}
	return mt, nil
}

func has(vs []quad.Value, v quad.Value) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// sortMeetings orders meetings by date, undated last, then by article.
func sortMeetings(ms []Meeting) {
	sort.SliceStable(ms, func(i, j int) bool {
		di, dj := ms[i].Date, ms[j].Date
		if di == "" {
			di = "~"
		}
		if dj == "" {
			dj = "~"
		}
		if di != dj {
			return di < dj
		}
		if ms[i].Article.Name != ms[j].Article.Name {
			return ms[i].Article.Name < ms[j].Article.Name
		}
		return meetingNumber(ms[i].ID) < meetingNumber(ms[j].ID)
	})
}

// meetingNumber is N of an IRI ending in #meeting-N (0 otherwise), so that
// meeting-10 sorts after meeting-9.
func meetingNumber(id string) int {
	n := 0
	i := strings.LastIndexByte(id, '-')
	if i < 0 {
		return 0
	}
	for _, c := range id[i+1:] {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
