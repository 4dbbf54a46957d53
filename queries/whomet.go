package queries

import (
	"context"
	"sort"

	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
)

// WhoMet answers the who-met query (who-met.js) in Go, through indexed
// lookups of one subject or object and one predicate at a time: the same
// rows, but a person named in hundreds of articles costs milliseconds,
// where Gizmo's In() and Has() walk every quad the person is in. `kg
// who-met` and the server use it; a test holds it to the same rows as the
// Gizmo query.
func WhoMet(ctx context.Context, st *graph.Store, name string) ([]any, error) {
	r := &reader{st: st, ctx: ctx, memo: map[[2]quad.Value]quad.Value{},
		types: map[quad.Value][]quad.Value{}, many: map[[2]quad.Value][]quad.Value{}}
	src, err := r.source(kg.NameKey(name))
	if err != nil {
		return nil, err
	}
	var rows []map[string]any
	for _, p := range src.people {
		me := r.label(p)
		seen := map[quad.Value]bool{}
		meetings, err := src.meetings(p)
		if err != nil {
			return nil, err
		}
		for _, m := range meetings {
			if !r.is(m, graph.KGMeeting) {
				continue
			}
			if err := r.prefetchFirsts(m, graph.KGPlace, graph.KGDate, graph.ProvDerived, graph.KGEvidence); err != nil {
				return nil, err
			}
			place, date, article, ev := r.one(m, graph.KGPlace), r.one(m, graph.KGDate), r.one(m, graph.ProvDerived), r.one(m, graph.KGEvidence)
			others, err := r.objects(m, graph.KGParticipant)
			if err != nil {
				return nil, err
			}
			for _, o := range others {
				if o == p {
					continue
				}
				seen[o] = true
				rows = append(rows, map[string]any{"name": me, "met": r.label(o), "date": lex(date),
					"place": r.labelOrNil(place), "article": lex(r.one(article, graph.SchemaName)),
					"evidence": lex(r.one(ev, graph.KGText))})
			}
		}
		// met edges no meeting node carries (imported data)
		for _, out := range []bool{true, false} {
			ends, _ := src.met(p, out)
			for _, o := range ends {
				if seen[o] {
					continue
				}
				seen[o] = true
				rows = append(rows, map[string]any{"name": me, "met": r.label(o), "date": nil, "place": nil, "article": nil, "evidence": nil})
			}
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	sort.SliceStable(rows, func(i, j int) bool {
		di, dj := str(rows[i]["date"]), str(rows[j]["date"])
		if di != dj {
			return di < dj
		}
		if mi, mj := str(rows[i]["met"]), str(rows[j]["met"]); mi != mj {
			return mi < mj
		}
		return str(rows[i]["article"]) < str(rows[j]["article"])
	})
	out := make([]any, len(rows))
	for i, row := range rows {
		out[i] = row
	}
	return out, nil
}

// reader reads single values through indexed lookups, remembering them
// (the same people and articles come up again and again).
type reader struct {
	st    *graph.Store
	ctx   context.Context
	memo  map[[2]quad.Value]quad.Value
	types map[quad.Value][]quad.Value    // rdf:type of nodes read in a batch
	many  map[[2]quad.Value][]quad.Value // all objects, read in a batch
	err   error
}

// whoMetSource gives who-met its people, their meetings and their met
// edges; the reader answers the rest.
type whoMetSource struct {
	people   []quad.Value
	meetings func(p quad.Value) ([]quad.Value, error)
	met      func(p quad.Value, out bool) ([]quad.Value, error)
}

// source finds the people with a name key. On the embedded stores every
// lookup is an index seek, done as who-met asks; on PostgreSQL, where each
// is a round trip, one query reads all who-met shows, and the reader
// answers from it.
func (r *reader) source(key string) (*whoMetSource, error) {
	st, ctx := r.st, r.ctx
	if st.RoundTrips() {
		f, err := st.WhoMetFacts(ctx, key)
		if err != nil {
			return nil, err
		}
		for k, v := range f.First {
			r.memo[k] = v
		}
		for _, p := range f.People {
			r.types[p] = []quad.Value{graph.SchemaPerson}
			for _, m := range f.Meetings[p] {
				r.types[m] = []quad.Value{graph.KGMeeting}
				r.many[[2]quad.Value{m, graph.KGParticipant}] = f.Participants[m]
			}
		}
		return &whoMetSource{people: f.People,
			meetings: func(p quad.Value) ([]quad.Value, error) { return f.Meetings[p], nil },
			met: func(p quad.Value, out bool) ([]quad.Value, error) {
				if out {
					return f.MetOut[p], nil
				}
				return f.MetIn[p], nil
			}}, nil
	}
	named, err := st.Subjects(ctx, graph.KGKey, quad.String(key))
	if err != nil {
		return nil, err
	}
	src := &whoMetSource{
		meetings: func(p quad.Value) ([]quad.Value, error) { return st.Subjects(ctx, graph.KGParticipant, p) },
		met: func(p quad.Value, out bool) ([]quad.Value, error) {
			if out {
				return st.Objects(ctx, p, graph.Predicate(kg.Met))
			}
			return st.Subjects(ctx, graph.Predicate(kg.Met), p)
		}}
	for _, n := range named {
		if r.is(n, graph.SchemaPerson) {
			src.people = append(src.people, n)
		}
	}
	return src, nil
}

// prefetchFirsts reads the first objects of s under preds in one go, unless
// the reader has them (on PostgreSQL, from WhoMetFacts).
func (r *reader) prefetchFirsts(s quad.Value, preds ...quad.IRI) error {
	if _, ok := r.memo[[2]quad.Value{s, preds[0]}]; ok {
		return nil
	}
	vs, err := r.st.Firsts(r.ctx, s, preds...)
	if err != nil {
		return err
	}
	for i, p := range preds {
		r.memo[[2]quad.Value{s, p}] = vs[i]
	}
	return nil
}

// objects returns subject s's objects under p, from a batch when read in one.
func (r *reader) objects(s quad.Value, p quad.IRI) ([]quad.Value, error) {
	if vs, ok := r.many[[2]quad.Value{s, p}]; ok {
		return vs, nil
	}
	return r.st.Objects(r.ctx, s, p)
}

// one returns the first object of subject s under predicate p, or nil.
func (r *reader) one(s quad.Value, p quad.IRI) quad.Value {
	if s == nil {
		return nil
	}
	k := [2]quad.Value{s, p}
	if v, ok := r.memo[k]; ok {
		return v
	}
	v, err := r.st.First(r.ctx, s, p)
	if err != nil && r.err == nil {
		r.err = err
	}
	r.memo[k] = v
	return v
}

// is reports whether node has rdf:type class.
func (r *reader) is(node quad.Value, class quad.IRI) bool {
	if ts, ok := r.types[node]; ok {
		for _, t := range ts {
			if t == class {
				return true
			}
		}
		return false
	}
	found, err := r.st.Has(r.ctx, node, graph.RDFType, class)
	if err != nil && r.err == nil {
		r.err = err
	}
	return found
}

func (r *reader) label(node quad.Value) any {
	if l := lex(r.one(node, graph.RDFSLabel)); l != nil {
		return l
	}
	return quad.StringOf(node)
}

func (r *reader) labelOrNil(node quad.Value) any {
	if node == nil {
		return nil
	}
	return r.label(node)
}

// lex returns a literal's lexical form as Gizmo's scripts see it, or nil.
func lex(v quad.Value) any {
	switch x := v.(type) {
	case nil:
		return nil
	case quad.String:
		return string(x)
	case quad.TypedString:
		return string(x.Value)
	case quad.LangString:
		return string(x.Value)
	}
	return quad.StringOf(v)
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}
