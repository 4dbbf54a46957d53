package graph

import (
	"context"
	"encoding/binary"
	"errors"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/options"
	"google.golang.org/protobuf/proto"
)

// Reading Cayley's KV indexes directly, for the two lookups who-met and
// name resolution do most. Cayley's index iterator fetches the quads of an
// index entry a hundred at a time: the first label of Tony Blair (one
// label quad per article that names him, a thousand on a million-quad
// graph) read a hundred quads to use one, and the people with a name key
// read every quad stating the key, although the subject is in the index
// key itself. Here an index entry's key gives its subject, and its quads
// are fetched one at a time until a live one turns up.
//
// The layout read is Cayley's (graph/kv at the version go.mod pins): an
// index entry's key is the index's direction letters, then the value ids
// of those directions (8 bytes each, big-endian); its value is the
// entry's quad ids as uvarints, in the order they were written; a quad is
// a cproto.Primitive under "log" + its id, kept with Deleted set when it
// is deleted. TestKVIndexEqualsIterator holds these reads to Cayley's
// iterator on a store with deletions.

var kvLogBucket = []byte("log")

// kvFirstObject returns the object of the first-written live quad with
// this subject and predicate (what First reads through Cayley's iterator),
// or nil.
func (s *Store) kvFirstObject(ctx context.Context, kv *ckv.QuadStore, subj quad.Value, pred quad.IRI) (quad.Value, error) {
	ids, err := s.kvRefs(kv, subj, pred)
	if err != nil || ids == nil {
		return nil, err
	}
	var obj uint64
	err = hkv.View(ctx, s.kv, func(tx hkv.Tx) error {
		key := ckv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}.Key(ids)
		list, err := tx.Get(ctx, key)
		if errors.Is(err, hkv.ErrNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		p, err := firstLive(ctx, tx, list)
		if p != nil {
			obj = p.Object
		}
		return err
	})
	if err != nil || obj == 0 {
		return nil, err
	}
	return kv.NameOf(ckv.Int64Value(obj))
}

// kvSubjects returns the distinct subjects of the live quads with this
// predicate and object, in the order of their ids (as Cayley's
// object-predicate-subject index lists them).
func (s *Store) kvSubjects(ctx context.Context, kv *ckv.QuadStore, pred quad.IRI, obj quad.Value) ([]quad.Value, error) {
	ids, err := s.kvRefs(kv, obj, pred)
	if err != nil || ids == nil {
		return nil, err
	}
	var subjects []uint64
	err = hkv.View(ctx, s.kv, func(tx hkv.Tx) error {
		prefix := ckv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}.Key(ids)
		it := tx.Scan(ctx, options.WithPrefixKV(prefix))
		defer it.Close()
		for it.Next(ctx) {
			key := it.Key()
			last := key[len(key)-1]
			if len(last) != 24 {
				return errors.New("unexpected key in Cayley's object-predicate-subject index")
			}
			p, err := firstLive(ctx, tx, it.Val())
			if err != nil {
				return err
			}
			if p != nil {
				subjects = append(subjects, binary.BigEndian.Uint64(last[16:]))
			}
		}
		return it.Err()
	})
	if err != nil || len(subjects) == 0 {
		return nil, err
	}
	refs := make([]ckv.Int64Value, len(subjects))
	for i, id := range subjects {
		refs[i] = ckv.Int64Value(id)
	}
	out := make([]quad.Value, 0, len(refs))
	for _, r := range refs {
		v, err := kv.NameOf(r)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// kvRefs returns the value ids of a and b, or nil when the store has never
// seen one of them (then no quad has it).
func (s *Store) kvRefs(kv *ckv.QuadStore, a quad.Value, b quad.Value) ([]uint64, error) {
	ids := make([]uint64, 0, 2)
	for _, v := range []quad.Value{a, b} {
		ref, err := kv.ValueOf(v)
		if err != nil || ref == nil {
			return nil, err
		}
		id, ok := ref.(ckv.Int64Value)
		if !ok {
			return nil, errors.New("unexpected value reference from Cayley's KV store")
		}
		ids = append(ids, uint64(id))
	}
	return ids, nil
}

// firstLive returns the first quad of an index entry's id list that is not
// deleted, or nil.
func firstLive(ctx context.Context, tx hkv.Tx, list []byte) (*cproto.Primitive, error) {
	for len(list) > 0 {
		id, n := binary.Uvarint(list)
		if n <= 0 {
			return nil, errors.New("corrupt index entry in Cayley's KV store")
		}
		list = list[n:]
		var k [8]byte
		binary.BigEndian.PutUint64(k[:], id)
		raw, err := tx.Get(ctx, hkv.Key{kvLogBucket, k[:]})
		if errors.Is(err, hkv.ErrNotFound) {
			continue
		} else if err != nil {
			return nil, err
		}
		var p cproto.Primitive
		if err := proto.Unmarshal(raw, &p); err != nil {
			return nil, err
		}
		if !p.Deleted {
			return &p, nil
		}
	}
	return nil, nil
}
