// Package browse reads the graph the way a person looks at it: find an
// entity by any name it goes by, everything the graph holds about it with
// the sentence and article behind each fact, and the who-met-whom network
// around it. It reads a graph.Store and returns small plain types; it
// neither draws (package viz) nor speaks HTTP (package server).
package browse

import (
	"context"
	"errors"
	"sort"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
)

// ErrNotFound says no entity has the given id.
var ErrNotFound = errors.New("no such entity")

// Browser reads one store. It is safe for concurrent use when the store is
// (a read-only bbolt store is).
type Browser struct {
	st *graph.Store

	mu  sync.Mutex
	idx *nameIndex // read on the first search
}

// New returns a Browser over st.
func New(st *graph.Store) *Browser { return &Browser{st: st} }

// Ref names an entity: its id (the IRI below the store's base, such as
// "person/vladimir-putin", or the whole IRI when it lies elsewhere), its
// label and its type ("PERSON", "ORG", "PLACE" or "").
type Ref struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
}

// ID returns the short id of an entity IRI.
func (b *Browser) ID(i quad.IRI) string {
	if rest, ok := strings.CutPrefix(string(i), b.st.IRIs.Base); ok && rest != "" {
		return rest
	}
	return string(i)
}

// IRI turns an id back into the entity's IRI.
func (b *Browser) IRI(id string) quad.IRI {
	id = strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">")
	if strings.Contains(id, "://") {
		return quad.IRI(id)
	}
	return quad.IRI(b.st.IRIs.Base + strings.TrimPrefix(id, "/"))
}

// reader reads quads for one request, remembering labels and articles.
type reader struct {
	ctx      context.Context
	qs       cgraph.QuadStore
	b        *Browser
	labels   map[quad.IRI]string
	articles map[quad.IRI]Article
}

func (b *Browser) reader(ctx context.Context) *reader {
	return &reader{ctx: ctx, qs: b.st.QS, b: b, labels: map[quad.IRI]string{}, articles: map[quad.IRI]Article{}}
}

// each calls fn for every quad whose direction d holds v.
func (r *reader) each(d quad.Direction, v quad.Value, fn func(quad.Quad)) error {
	ref, err := r.qs.ValueOf(v)
	if err != nil || ref == nil {
		return err
	}
	it := r.qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	for it.Next(r.ctx) {
		q, err := r.qs.Quad(it.Result())
		if err != nil {
			return err
		}
		fn(q)
	}
	if err := it.Err(); err != nil {
		return err
	}
	return r.ctx.Err()
}

// props returns the quads about s, by predicate.
func (r *reader) props(s quad.Value) (map[quad.IRI][]quad.Value, error) {
	out := map[quad.IRI][]quad.Value{}
	err := r.each(quad.Subject, s, func(q quad.Quad) {
		if p, ok := q.Predicate.(quad.IRI); ok {
			for _, v := range out[p] {
				if v == q.Object {
					return // the same fact from another article
				}
			}
			out[p] = append(out[p], q.Object)
		}
	})
	return out, err
}

// text is a literal's text, or an IRI as it is.
func text(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.IRI:
		return string(v)
	}
	return quad.ToString(v)
}

func first(vs []quad.Value) quad.Value {
	if len(vs) == 0 {
		return nil
	}
	return vs[0]
}

// label returns an entity's rdfs:label (its IRI's last segment when none).
func (r *reader) label(i quad.IRI) string {
	if l, ok := r.labels[i]; ok {
		return l
	}
	var labels []string
	_ = r.each(quad.Subject, i, func(q quad.Quad) {
		if q.Predicate == graph.RDFSLabel {
			labels = append(labels, text(q.Object))
		}
	})
	l := ""
	if len(labels) > 0 {
		sort.Strings(labels)
		l = labels[0]
	} else {
		s := string(i)
		l = s[strings.LastIndexAny(s, "/#")+1:]
	}
	r.labels[i] = l
	return l
}

func (r *reader) ref(i quad.IRI) Ref {
	return Ref{ID: r.b.ID(i), Name: r.label(i), Type: r.b.st.IRIs.TypeOfEntity(i)}
}

// Article is an article as the graph knows it.
type Article struct {
	Name  string `json:"name"`            // as ingest named it: "politics/018.txt"
	Title string `json:"title,omitempty"` // headline
	Date  string `json:"date,omitempty"`  // publication date
}

func (r *reader) article(i quad.IRI) Article {
	if a, ok := r.articles[i]; ok {
		return a
	}
	a := Article{}
	if p, err := r.props(i); err == nil {
		a.Name = text(first(p[graph.SchemaName]))
		a.Title = text(first(p[graph.SchemaHead]))
		a.Date = text(first(p[graph.SchemaDate]))
	}
	if a.Name == "" {
		a.Name = string(i)
	}
	r.articles[i] = a
	return a
}

// Evidence is a sentence that states a fact, and the article it is in.
type Evidence struct {
	Text    string  `json:"text"`
	Article Article `json:"article"`
}

func (r *reader) evidence(sentences []quad.Value) []Evidence {
	out := []Evidence{}
	for _, s := range sentences {
		p, err := r.props(s)
		if err != nil {
			continue
		}
		ev := Evidence{Text: text(first(p[graph.KGText]))}
		if a, ok := first(p[graph.SchemaPartOf]).(quad.IRI); ok {
			ev.Article = r.article(a)
		}
		if ev.Text != "" {
			out = append(out, ev)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Article.Name < out[j].Article.Name })
	return out
}

// relationNames maps the relation predicates' IRIs to their short names.
var relationNames = func() map[quad.IRI]string {
	m := map[quad.IRI]string{}
	for _, p := range kg.Predicates {
		m[graph.Predicate(p)] = p
	}
	return m
}()

// relName returns the short name of a relation predicate.
func relName(v quad.Value) (string, bool) {
	i, ok := v.(quad.IRI)
	if !ok {
		return "", false
	}
	p, ok := relationNames[i]
	return p, ok
}

// relationOrder is a relation's place in the guide's list.
func relationOrder(p string) int {
	for i, q := range kg.Predicates {
		if q == p {
			return i
		}
	}
	return len(kg.Predicates)
}

// Labels returns the Ref of each IRI (its label, type and id).
func (b *Browser) Labels(ctx context.Context, iris []quad.IRI) map[quad.IRI]Ref {
	r := b.reader(ctx)
	out := make(map[quad.IRI]Ref, len(iris))
	for _, i := range iris {
		if ctx.Err() != nil {
			break
		}
		out[i] = r.ref(i)
	}
	return out
}

// Counts says how big the graph is.
type Counts struct {
	Articles int `json:"articles"`
	People   int `json:"people"`
	Meetings int `json:"meetings"`
	Quotes   int `json:"quotes"`
}

// Counts counts articles, people, meetings and quotes.
func (b *Browser) Counts(ctx context.Context) (Counts, error) {
	r := b.reader(ctx)
	count := func(class quad.IRI) (int, error) {
		seen := map[quad.Value]bool{}
		err := r.each(quad.Object, class, func(q quad.Quad) {
			if q.Predicate == graph.RDFType {
				seen[q.Subject] = true
			}
		})
		return len(seen), err
	}
	var c Counts
	var err error
	for _, x := range []struct {
		n     *int
		class quad.IRI
	}{{&c.Articles, graph.SchemaArticle}, {&c.People, graph.SchemaPerson}, {&c.Meetings, graph.KGMeeting}, {&c.Quotes, graph.KGQuote}} {
		if *x.n, err = count(x.class); err != nil {
			return c, err
		}
	}
	return c, nil
}
