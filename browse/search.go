package browse

import (
	"context"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
)

// Hit is an entity found by name.
type Hit struct {
	Ref
	Matched  string `json:"matched"`  // the name key that matched
	Articles int    `json:"articles"` // how many articles mention it
}

// match classes, best first
const (
	exact = iota
	prefix
	word
)

// Search finds entities by any name they go by, normalised the way
// kg.NameKey does ("President Putin's" finds Vladimir Putin through the key
// "putin"): exact keys first, then keys that start with the query, then
// keys with a word that does; within each, the most mentioned first.
func (b *Browser) Search(ctx context.Context, q string, limit int) ([]Hit, error) {
	key := kg.NameKey(q)
	if key == "" {
		return []Hit{}, nil
	}
	if limit <= 0 {
		limit = 20
	}
	r := b.reader(ctx)
	best := map[quad.IRI]int{}
	matched := map[quad.IRI]string{}
	note := func(e quad.IRI, class int, k string) {
		if c, ok := best[e]; !ok || class < c {
			best[e], matched[e] = class, k
		}
	}
	// the exact key: one index lookup
	err := r.each(quad.Object, quad.String(key), func(q quad.Quad) {
		if e, ok := q.Subject.(quad.IRI); ok && q.Predicate == graph.KGKey {
			note(e, exact, key)
		}
	})
	if err != nil {
		return nil, err
	}
	if len(best) < limit {
		idx, err := b.names(ctx)
		if err != nil {
			return nil, err
		}
		// keys that start with the query: a range of the sorted keys
		for i := sort.SearchStrings(idx.keys, key); i < len(idx.keys) && strings.HasPrefix(idx.keys[i], key); i++ {
			for _, e := range idx.byKey[idx.keys[i]] {
				note(e, prefix, idx.keys[i])
			}
		}
		// keys with a later word that does
		for _, k := range idx.keys {
			if strings.Contains(k, " "+key) {
				for _, e := range idx.byKey[k] {
					note(e, word, k)
				}
			}
		}
	}
	cands := make([]quad.IRI, 0, len(best))
	for e := range best {
		cands = append(cands, e)
	}
	// order by class, then by name, and count mentions of the first few
	sort.Slice(cands, func(i, j int) bool {
		if best[cands[i]] != best[cands[j]] {
			return best[cands[i]] < best[cands[j]]
		}
		return cands[i] < cands[j]
	})
	if len(cands) > 10*limit {
		cands = cands[:10*limit]
	}
	hits := make([]Hit, 0, len(cands))
	for _, e := range cands {
		n := 0
		if err := r.each(quad.Object, e, func(q quad.Quad) {
			if q.Predicate == graph.SchemaMention {
				n++
			}
		}); err != nil {
			return nil, err
		}
		hits = append(hits, Hit{Ref: r.ref(e), Matched: matched[e], Articles: n})
	}
	sort.SliceStable(hits, func(i, j int) bool {
		ci, cj := best[b.IRI(hits[i].ID)], best[b.IRI(hits[j].ID)]
		if ci != cj {
			return ci < cj
		}
		if hits[i].Articles != hits[j].Articles {
			return hits[i].Articles > hits[j].Articles
		}
		return hits[i].Name < hits[j].Name
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, nil
}

// nameIndex is every name key in the store, sorted, with its entities.
type nameIndex struct {
	keys  []string
	byKey map[string][]quad.IRI
}

// names reads the name index on first use. A store has no index by
// predicate, so reading every kg:key quad is a scan of the whole store:
// done once per Browser, not once per keystroke. (A Browser therefore
// finds by prefix only the names present when it first searched; exact
// names it always finds. kg serve's store is read-only.)
func (b *Browser) names(ctx context.Context) (*nameIndex, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.idx != nil {
		return b.idx, nil
	}
	idx := &nameIndex{byKey: map[string][]quad.IRI{}}
	err := b.reader(ctx).each(quad.Predicate, graph.KGKey, func(q quad.Quad) {
		e, ok := q.Subject.(quad.IRI)
		k := text(q.Object)
		if !ok || k == "" {
			return
		}
		if _, seen := idx.byKey[k]; !seen {
			idx.keys = append(idx.keys, k)
		}
		for _, x := range idx.byKey[k] {
			if x == e {
				return
			}
		}
		idx.byKey[k] = append(idx.byKey[k], e)
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(idx.keys)
	b.idx = idx
	return idx, nil
}

// Warm reads the name index now, so that the first search is as quick as
// the next ones.
func (b *Browser) Warm(ctx context.Context) error {
	_, err := b.names(ctx)
	return err
}

// Resolve returns the entities that go by name (exactly, after kg.NameKey),
// of type typ when typ is not "".
func (b *Browser) Resolve(ctx context.Context, name, typ string) ([]quad.IRI, error) {
	key := kg.NameKey(name)
	if key == "" {
		return nil, nil
	}
	r := b.reader(ctx)
	seen := map[quad.IRI]bool{}
	var out []quad.IRI
	err := r.each(quad.Object, quad.String(key), func(q quad.Quad) {
		e, ok := q.Subject.(quad.IRI)
		if ok && q.Predicate == graph.KGKey && !seen[e] && (typ == "" || b.st.IRIs.TypeOfEntity(e) == typ) {
			seen[e] = true
			out = append(out, e)
		}
	})
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, err
}
