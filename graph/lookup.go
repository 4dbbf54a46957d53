package graph

import (
	"context"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// Each calls fn for every quad whose subject (when s is not nil) or object
// (when o is not nil) and predicate are the ones given, stopping when fn
// returns false. On the embedded stores it seeks Cayley's subject-predicate
// or object-predicate-subject index by both values at once, so asking who
// took part in a meeting with Tony Blair reads his dozens of participant
// quads, not his thousands of quads of every kind. At least one of s and o
// is needed.
func (s *Store) Each(ctx context.Context, subj quad.Value, pred quad.IRI, obj quad.Value, fn func(quad.Quad) bool) error {
	if kv, ok := s.QS.(*ckv.QuadStore); ok && s.pg == nil {
		var scan ckv.IndexScan
		var fixed quad.Value
		switch {
		case subj != nil:
			scan.Index, fixed = ckv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}, subj
		default:
			scan.Index, fixed = ckv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}, obj
		}
		refs := make([]uint64, 0, 2)
		for _, v := range []quad.Value{fixed, pred} {
			ref, err := kv.ValueOf(v)
			if err != nil || ref == nil {
				return err // a value the store never saw: no quad
			}
			id, ok := ref.(ckv.Int64Value)
			if !ok {
				return s.eachFiltered(ctx, subj, pred, obj, fn)
			}
			refs = append(refs, uint64(id))
		}
		scan.Values = refs
		it := scan.BuildIterator(kv).Iterate()
		defer it.Close()
		for it.Next(ctx) {
			q, err := kv.Quad(it.Result())
			if err != nil {
				return err
			}
			if subj != nil && obj != nil && q.Object != obj {
				continue
			}
			if !fn(q) {
				break
			}
		}
		return it.Err()
	}
	if s.pg != nil {
		return s.pg.eachMatch(ctx, subj, pred, obj, fn)
	}
	return s.eachFiltered(ctx, subj, pred, obj, fn)
}

// eachFiltered is Each through one direction's index and a filter.
func (s *Store) eachFiltered(ctx context.Context, subj quad.Value, pred quad.IRI, obj quad.Value, fn func(quad.Quad) bool) error {
	d, v := quad.Subject, subj
	if subj == nil {
		d, v = quad.Object, obj
	}
	return s.eachWhile(ctx, d, v, func(q quad.Quad) bool {
		if q.Predicate != pred || subj != nil && obj != nil && q.Object != obj {
			return true
		}
		return fn(q)
	})
}

// Subjects returns the distinct subjects of the quads with predicate pred
// and object obj. A name key stated by six hundred articles is six hundred
// quads of one or two subjects: it compares subject references and reads
// each subject's value once, instead of reading every quad whole.
func (s *Store) Subjects(ctx context.Context, pred quad.IRI, obj quad.Value) ([]quad.Value, error) {
	var out []quad.Value
	if ok, err := s.kvView(ctx, func(r kvRead) (err error) { out, err = r.subjects(pred, obj); return }); ok {
		return out, err
	}
	return s.distinct(ctx, quad.Subject, obj, pred)
}

// Objects returns the distinct objects of the quads with subject subj and predicate pred.
func (s *Store) Objects(ctx context.Context, subj quad.Value, pred quad.IRI) ([]quad.Value, error) {
	var out []quad.Value
	if ok, err := s.kvView(ctx, func(r kvRead) (err error) { out, err = r.objects(subj, pred); return }); ok {
		return out, err
	}
	return s.distinct(ctx, quad.Object, subj, pred)
}

// First returns the object of one quad with subject subj and predicate
// pred (the first the index holds), or nil.
func (s *Store) First(ctx context.Context, subj quad.Value, pred quad.IRI) (quad.Value, error) {
	if s.pg != nil { // the first written, as on the embedded stores
		m, err := s.pg.firstObjects(ctx, []quad.Value{subj}, pred)
		return m[subj], err
	}
	var first quad.Value
	if ok, err := s.kvView(ctx, func(r kvRead) (err error) { first, err = r.firstObject(subj, pred); return }); ok {
		return first, err
	}
	vs, err := s.distinctN(ctx, quad.Object, subj, pred, 1)
	if len(vs) == 0 {
		return nil, err
	}
	return vs[0], err
}

// Firsts is First for several predicates of one subject, in one read on
// the embedded stores (who-met reads a meeting's place, date, article and
// evidence together).
func (s *Store) Firsts(ctx context.Context, subj quad.Value, preds ...quad.IRI) ([]quad.Value, error) {
	var out []quad.Value
	if ok, err := s.kvView(ctx, func(r kvRead) (err error) { out, err = r.firsts(subj, preds); return }); ok {
		return out, err
	}
	out = make([]quad.Value, len(preds))
	for i, p := range preds {
		v, err := s.First(ctx, subj, p)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// Has reports whether the quad subj pred obj is in the store (in any article).
func (s *Store) Has(ctx context.Context, subj quad.Value, pred quad.IRI, obj quad.Value) (bool, error) {
	found := false
	if ok, err := s.kvView(ctx, func(r kvRead) (err error) { found, err = r.has(subj, pred, obj); return }); ok {
		return found, err
	}
	err := s.Each(ctx, subj, pred, obj, func(quad.Quad) bool { found = true; return false })
	return found, err
}

// distinct returns the distinct values at direction want of the quads
// whose other end (object when want is the subject, and the reverse) is
// fixed and whose predicate is pred.
func (s *Store) distinct(ctx context.Context, want quad.Direction, fixed quad.Value, pred quad.IRI) ([]quad.Value, error) {
	return s.distinctN(ctx, want, fixed, pred, 0)
}

// distinctN is distinct stopping after max values (0: all).
func (s *Store) distinctN(ctx context.Context, want quad.Direction, fixed quad.Value, pred quad.IRI, max int) ([]quad.Value, error) {
	if s.pg != nil {
		return s.pg.distinctEnds(ctx, want, fixed, pred)
	}
	kv, ok := s.QS.(*ckv.QuadStore)
	if !ok {
		var out []quad.Value
		seen := map[quad.Value]bool{}
		add := func(q quad.Quad) bool {
			if v := q.Get(want); !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
			return max == 0 || len(out) < max
		}
		var err error
		if want == quad.Subject {
			err = s.Each(ctx, nil, pred, fixed, add)
		} else {
			err = s.Each(ctx, fixed, pred, nil, add)
		}
		return out, err
	}
	index := ckv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}
	if want == quad.Object {
		index = ckv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
	}
	var ids []uint64
	for _, v := range []quad.Value{fixed, pred} {
		ref, err := kv.ValueOf(v)
		if err != nil || ref == nil {
			return nil, err
		}
		ids = append(ids, uint64(ref.(ckv.Int64Value)))
	}
	it := ckv.IndexScan{Index: index, Values: ids}.BuildIterator(kv).Iterate()
	defer it.Close()
	seen := map[any]bool{}
	var out []quad.Value
	for it.Next(ctx) {
		ref, err := kv.QuadDirection(it.Result(), want)
		if err != nil {
			return nil, err
		}
		if seen[ref.Key()] {
			continue
		}
		seen[ref.Key()] = true
		v, err := kv.NameOf(ref)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		if max > 0 && len(out) >= max {
			break
		}
	}
	return out, it.Err()
}

// RoundTrips reports whether each lookup costs a round trip to a server
// (PostgreSQL), so that reading in batches pays; on the embedded stores a
// lookup is an index seek in memory and batching only adds work.
func (s *Store) RoundTrips() bool { return s.pg != nil }
