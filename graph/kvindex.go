package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"sync"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/options"
	"google.golang.org/protobuf/proto"
)

// Reading Cayley's KV indexes directly, for the lookups who-met and name
// resolution do most (First, Subjects, Objects, Has). Through Cayley's API
// each lookup opened four read transactions (two value lookups, the index
// iterator, the value of the answer), and the index iterator fetches an
// entry's quads a hundred at a time: the first label of Tony Blair (one
// label quad per article that names him, a thousand on a million-quad
// graph) read a hundred quads to use one, and the people with a name key
// read every quad stating the key, although the subject is in the index
// key itself. Here a lookup is one read transaction: an index entry's key
// gives its subject, and its quads are fetched one at a time until a live
// one turns up.
//
// The layout read is Cayley's (graph/kv at the version go.mod pins): a
// value's id is a uvarint under "v"+hash[0:2] / hash; a value or quad is a
// cproto.Primitive under "log" / its id (8 bytes, big-endian), a deleted
// quad kept with Deleted set; an index entry's key is the index's
// direction letters / the ids of those directions (8 bytes each); its
// value is the entry's quad ids as uvarints, in the order they were
// written. TestKVIndexEqualsIterator holds these reads to Cayley's
// iterator on every embedded kind, on a store with deletions.

var kvLogBucket = []byte("log")

var (
	kvSP  = ckv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
	kvOPS = ckv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}
)

// kvRead is one read transaction on an embedded store's key-value store.
type kvRead struct {
	ctx context.Context
	tx  hkv.Tx
	// iris remembers the ids of IRIs (predicates and classes: a dozen) across
	// transactions; the store forgets them whenever it writes
	iris *sync.Map
}

// kvView runs fn in a read transaction, or returns false when the store is
// not one whose layout kvindex.go reads.
func (s *Store) kvView(ctx context.Context, fn func(r kvRead) error) (bool, error) {
	if s.kv == nil || s.pg != nil {
		return false, nil
	}
	if _, ok := s.QS.(*ckv.QuadStore); !ok {
		return false, nil
	}
	return true, hkv.View(ctx, s.kv, func(tx hkv.Tx) error { return fn(kvRead{ctx: ctx, tx: tx, iris: &s.iriIDs}) })
}

// id returns a value's id, 0 when the store never saw it.
func (r kvRead) id(v quad.Value) (uint64, error) {
	if v == nil {
		return 0, nil
	}
	iri, isIRI := v.(quad.IRI)
	if isIRI && r.iris != nil {
		if id, ok := r.iris.Load(iri); ok {
			return id.(uint64), nil
		}
	}
	h := refs.HashOf(v)
	raw, err := r.tx.Get(r.ctx, hkv.Key{[]byte{'v', h[0], h[1]}, h[:]})
	if errors.Is(err, hkv.ErrNotFound) || len(raw) == 0 {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	id, _ := binary.Uvarint(raw)
	if isIRI && r.iris != nil && id != 0 {
		r.iris.Store(iri, id)
	}
	return id, nil
}

// ids returns the ids of the values, or nil when one is unknown (then no
// quad holds them all).
func (r kvRead) ids(vs ...quad.Value) ([]uint64, error) {
	out := make([]uint64, len(vs))
	for i, v := range vs {
		id, err := r.id(v)
		if err != nil || id == 0 {
			return nil, err
		}
		out[i] = id
	}
	return out, nil
}

// primitive returns the log entry of an id, nil when there is none.
func (r kvRead) primitive(id uint64) (*cproto.Primitive, error) {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], id)
	raw, err := r.tx.Get(r.ctx, hkv.Key{kvLogBucket, k[:]})
	if errors.Is(err, hkv.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var p cproto.Primitive
	if err := proto.Unmarshal(raw, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// value returns the value with this id.
func (r kvRead) value(id uint64) (quad.Value, error) {
	p, err := r.primitive(id)
	if err != nil || p == nil || !p.IsNode() {
		return nil, err
	}
	return pquads.UnmarshalValue(p.Value)
}

// live calls fn with each live quad of an index entry's id list, in order,
// until fn returns false.
func (r kvRead) live(list []byte, fn func(p *cproto.Primitive) bool) error {
	for len(list) > 0 {
		id, n := binary.Uvarint(list)
		if n <= 0 {
			return errors.New("corrupt index entry in Cayley's KV store")
		}
		list = list[n:]
		p, err := r.primitive(id)
		if err != nil {
			return err
		}
		if p != nil && !p.Deleted && !fn(p) {
			return nil
		}
	}
	return nil
}

// entry returns an index entry's id list, nil when there is none.
func (r kvRead) entry(ind ckv.QuadIndex, ids []uint64) ([]byte, error) {
	list, err := r.tx.Get(r.ctx, ind.Key(ids))
	if errors.Is(err, hkv.ErrNotFound) {
		return nil, nil
	}
	return list, err
}

// firstObject is the object of the first-written live quad with this
// subject and predicate, or nil.
func (r kvRead) firstObject(subj quad.Value, pred quad.IRI) (quad.Value, error) {
	vs, err := r.firsts(subj, []quad.IRI{pred})
	if err != nil {
		return nil, err
	}
	return vs[0], nil
}

// firsts is firstObject for several predicates of one subject.
func (r kvRead) firsts(subj quad.Value, preds []quad.IRI) ([]quad.Value, error) {
	out := make([]quad.Value, len(preds))
	sid, err := r.id(subj)
	if err != nil || sid == 0 {
		return out, err
	}
	for i, pred := range preds {
		pid, err := r.id(pred)
		if err != nil {
			return nil, err
		}
		if pid == 0 {
			continue
		}
		list, err := r.entry(kvSP, []uint64{sid, pid})
		if err != nil {
			return nil, err
		}
		var obj uint64
		if err := r.live(list, func(p *cproto.Primitive) bool { obj = p.Object; return false }); err != nil {
			return nil, err
		}
		if obj != 0 {
			if out[i], err = r.value(obj); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// objects are the distinct objects of the live quads with this subject
// and predicate, first written first.
func (r kvRead) objects(subj quad.Value, pred quad.IRI) ([]quad.Value, error) {
	ids, err := r.ids(subj, pred)
	if err != nil || ids == nil {
		return nil, err
	}
	list, err := r.entry(kvSP, ids)
	if err != nil {
		return nil, err
	}
	var objs []uint64
	seen := map[uint64]bool{}
	err = r.live(list, func(p *cproto.Primitive) bool {
		if !seen[p.Object] {
			seen[p.Object] = true
			objs = append(objs, p.Object)
		}
		return true
	})
	return r.values(objs, err)
}

// subjects are the distinct subjects of the live quads with this predicate
// and object, in the order of their ids (as the index lists them).
func (r kvRead) subjects(pred quad.IRI, obj quad.Value) ([]quad.Value, error) {
	ids, err := r.ids(obj, pred)
	if err != nil || ids == nil {
		return nil, err
	}
	it := r.tx.Scan(r.ctx, options.WithPrefixKV(kvOPS.Key(ids)))
	defer it.Close()
	var subjects []uint64
	for it.Next(r.ctx) {
		key := it.Key()
		last := key[len(key)-1]
		if len(last) != 24 {
			return nil, errors.New("unexpected key in Cayley's object-predicate-subject index")
		}
		found := false
		if err := r.live(it.Val(), func(*cproto.Primitive) bool { found = true; return false }); err != nil {
			return nil, err
		}
		if found {
			subjects = append(subjects, binary.BigEndian.Uint64(last[16:]))
		}
	}
	return r.values(subjects, it.Err())
}

// has reports whether a live quad subj pred obj exists (in any article).
func (r kvRead) has(subj quad.Value, pred quad.IRI, obj quad.Value) (bool, error) {
	ids, err := r.ids(obj, pred, subj)
	if err != nil || ids == nil {
		return false, err
	}
	list, err := r.entry(kvOPS, ids)
	if err != nil {
		return false, err
	}
	found := false
	err = r.live(list, func(*cproto.Primitive) bool { found = true; return false })
	return found, err
}

// values turns ids into values (after err, which it passes on).
func (r kvRead) values(ids []uint64, err error) ([]quad.Value, error) {
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	out := make([]quad.Value, 0, len(ids))
	for _, id := range ids {
		v, err := r.value(id)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
