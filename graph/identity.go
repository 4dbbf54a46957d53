package graph

import (
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
)

// Identity decides which node an article's entity is, so that "Putin" in
// one article and "President Vladimir Putin" in another are one node while
// "Mahmoud Abbas" and "Abbas Gallyamov" stay two. It is an index of name
// keys (kg.NameKey of every name an entity went by) to entity IRIs, kept in
// the store as kg:key quads and mirrored in memory.
type Identity struct {
	iris   IRIs
	byKey  map[string][]quad.IRI // name key -> entities (read from the store, or learned)
	label  map[quad.IRI]string   // entity -> canonical label ("" when it has none)
	merged map[quad.IRI]quad.IRI // surname-only node -> the full name that absorbs it

	// the store behind the index; nil for an index of one batch only
	lookupKey   func(key string) ([]quad.IRI, error)
	lookupLabel func(node quad.IRI) (string, bool, error)
	keyRead     map[string]bool
	absent      map[quad.IRI]bool // nodes a batch read found not in the store
	err         error             // the first lookup error; Write reports it
}

func newIdentity(iris IRIs) *Identity {
	return &Identity{iris: iris, byKey: map[string][]quad.IRI{}, label: map[quad.IRI]string{},
		merged: map[quad.IRI]quad.IRI{}, keyRead: map[string]bool{}, absent: map[quad.IRI]bool{}}
}

// keyed returns the entities known by a name key, reading the store once per key.
func (id *Identity) keyed(key string) []quad.IRI {
	if !id.keyRead[key] && id.lookupKey != nil {
		id.keyRead[key] = true
		found, err := id.lookupKey(key)
		if err != nil && id.err == nil {
			id.err = err
		}
		for _, e := range found {
			id.addKey(key, e)
		}
	}
	return id.byKey[key]
}

// labelOf returns a node's canonical label and whether the graph has the node.
func (id *Identity) labelOf(node quad.IRI) (string, bool) {
	if _, gone := id.merged[node]; gone {
		return "", false
	}
	if l, ok := id.label[node]; ok {
		return l, true
	}
	if id.lookupLabel == nil || id.absent[node] {
		return "", false
	}
	l, found, err := id.lookupLabel(node)
	if err != nil && id.err == nil {
		id.err = err
	}
	if found {
		id.label[node] = l
	}
	return l, found
}

// addKey records that entity e went by a name with this key.
func (id *Identity) addKey(key string, e quad.IRI) {
	for _, x := range id.byKey[key] {
		if x == e {
			return
		}
	}
	id.byKey[key] = append(id.byKey[key], e)
}

// Keys returns the name keys an entity is found by: its name, its aliases
// that are names (not descriptions such as "the Russian president"), and
// for a person the surname and the first-and-last name.
func Keys(e kg.Entity) []string {
	seen := map[string]bool{}
	var out []string
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	add(kg.NameKey(e.Name))
	for _, a := range e.Aliases {
		if isName(a) {
			add(kg.NameKey(a))
		}
	}
	if e.Type == kg.Person {
		if w := strings.Fields(kg.NameKey(e.Name)); len(w) >= 2 {
			add(w[len(w)-1])
			add(w[0] + " " + w[len(w)-1])
		}
	}
	return out
}

// isName reports whether an alias is a proper name rather than a
// description: it starts with a capital once a leading "the" is dropped,
// and is not a title alone.
func isName(a string) bool {
	a = strings.TrimPrefix(strings.TrimPrefix(a, "the "), "The ")
	if a == "" || !(a[0] >= 'A' && a[0] <= 'Z' || a[0] >= 0x80) {
		return false
	}
	return kg.NameKey(a) != ""
}

// candidates returns the entities of a type found by key.
func (id *Identity) candidates(key, typ string) []quad.IRI {
	var out []quad.IRI
	for _, e := range id.keyed(key) {
		if id.iris.TypeOfEntity(e) == typ {
			out = append(out, id.follow(e))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	// the same entity may be found through a merged node
	uniq := out[:0]
	for i, e := range out {
		if i == 0 || e != out[i-1] {
			uniq = append(uniq, e)
		}
	}
	return uniq
}

func (id *Identity) follow(e quad.IRI) quad.IRI {
	for {
		n, ok := id.merged[e]
		if !ok {
			return e
		}
		e = n
	}
}

// Resolve returns the node for an article's entity and, when a node named
// only by this person's surname exists, that node to merge into it.
//
//  1. the node minted from its own name, if the graph has it;
//  2. else the one node of its type that went by the same name key
//     ("Putin" finds Vladimir Putin through his surname key);
//  3. else, for a person, the one node with the same first and last name
//     ("George Bush" finds George W. Bush);
//  4. else a new node minted from its name. If the only person known by its
//     surname is a node named by that surname alone, that node is merged in.
func (id *Identity) Resolve(e kg.Entity) (node quad.IRI, absorb quad.IRI) {
	own := id.iris.Entity(e.Type, e.Name)
	if _, ok := id.labelOf(own); ok {
		return id.follow(own), ""
	}
	key := kg.NameKey(e.Name)
	if c := id.candidates(key, e.Type); len(c) == 1 {
		return c[0], ""
	}
	w := strings.Fields(key)
	if e.Type != kg.Person && len(w) == 1 && len(id.candidates(key, e.Type)) == 0 {
		// a recogniser often takes a lone surname for an organisation
		// ("Putin is in no hurry"): the one person known by it is meant
		if c := id.candidates(key, kg.Person); len(c) == 1 {
			return c[0], ""
		}
	}
	if e.Type == kg.Person && len(w) >= 2 {
		if c := id.candidates(w[0]+" "+w[len(w)-1], e.Type); len(c) == 1 {
			return c[0], ""
		}
		if c := id.candidates(w[len(w)-1], e.Type); len(c) == 1 && kg.NameKey(id.mustLabel(c[0])) == w[len(w)-1] {
			return own, c[0]
		}
		// a lone surname an earlier article took for an organisation or place
		for _, t := range []string{kg.Org, kg.Place} {
			if c := id.candidates(w[len(w)-1], t); len(c) == 1 && kg.NameKey(id.mustLabel(c[0])) == w[len(w)-1] {
				return own, c[0]
			}
		}
	}
	return own, ""
}

func (id *Identity) mustLabel(node quad.IRI) string {
	l, _ := id.labelOf(node)
	return l
}

// learn records an entity's node, label and keys after an article is written.
// A node merged away earlier and minted again by this article is a node
// again, as it is in the store (its quads are this article's).
func (id *Identity) learn(node quad.IRI, label string, keys []string) {
	delete(id.merged, node)
	if _, ok := id.label[node]; !ok {
		id.label[node] = label
	}
	for _, k := range keys {
		id.addKey(k, node)
	}
}

// merge points an absorbed node at the node that replaces it.
//
// The keys that found from now find to, as in the store, where mergeNode
// rewrote from's kg:key quads onto to: the index in memory must answer as
// one read back from the store does, or a run that resumes after a crash
// (and reads the index from the store) resolves names otherwise than a run
// that never stopped. (It did: a surname first taken for an organisation
// and merged into a person was still an organisation's key in memory.)
func (id *Identity) merge(from, to quad.IRI) {
	id.merged[from] = to
	delete(id.label, from)
	for k, es := range id.byKey {
		i := slices.Index(es, from)
		if i < 0 {
			continue
		}
		if slices.Contains(es, to) {
			id.byKey[k] = slices.Delete(es, i, i+1)
		} else {
			es[i] = to
		}
	}
}
