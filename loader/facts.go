package loader

import (
	kg "github.com/newsgraph/kg"
)

// factSet collects relations between entities, each with the sentences
// that state it, without duplicates.
type factSet struct {
	r     *reading
	order []factKey
	ev    map[factKey][]int
}

type factKey struct {
	s    int
	pred string
	o    int
}

func newFactSet(r *reading) *factSet { return &factSet{r: r, ev: map[factKey][]int{}} }

// typesFit says which entity types each predicate takes (GUIDE.md table).
func typesFit(pred, s, o string) bool {
	switch pred {
	case kg.Met:
		return s != kg.Place && o != kg.Place
	case kg.Accompanied, kg.RelativeOf:
		return s == kg.Person && o == kg.Person
	case kg.Advises, kg.EnvoyOf, kg.SpokespersonOf, kg.WorksFor:
		return s == kg.Person
	case kg.HeadOf:
		return s == kg.Person && o != kg.Person
	case kg.MemberOf:
		return s != kg.Person || o == kg.Org
	case kg.Nationality:
		return s == kg.Person && o == kg.Place
	case kg.SpokeTo:
		return s != kg.Place && o != kg.Place
	case kg.Visited:
		return s == kg.Person && o != kg.Person
	case kg.LocatedIn:
		return s != kg.Person && o == kg.Place
	}
	return false
}

// add records "s pred o" stated in sentence sent; it ignores a fact that
// ties an entity to itself or joins types the predicate does not take.
func (f *factSet) add(s int, pred string, o int, sent int) bool {
	if s < 0 || o < 0 || s == o || f.r.ents[s].name == f.r.ents[o].name {
		return false
	}
	if !typesFit(pred, f.r.ents[s].typ, f.r.ents[o].typ) {
		return false
	}
	if kg.Symmetric(pred) && o < s {
		s, o = o, s
	}
	k := factKey{s, pred, o}
	if _, ok := f.ev[k]; !ok {
		f.order = append(f.order, k)
	}
	for _, e := range f.ev[k] {
		if e == sent {
			return true
		}
	}
	f.ev[k] = append(f.ev[k], sent)
	return true
}

func (f *factSet) has(s int, pred string, o int) bool {
	if kg.Symmetric(pred) && o < s {
		s, o = o, s
	}
	_, ok := f.ev[factKey{s, pred, o}]
	return ok
}

// relations returns the facts in the order they were found.
func (f *factSet) relations() []kg.Relation {
	out := make([]kg.Relation, 0, len(f.order))
	for _, k := range f.order {
		out = append(out, kg.Relation{Subject: f.r.ents[k.s].name, Predicate: k.pred,
			Object: f.r.ents[k.o].name, Evidence: f.ev[k]})
	}
	return out
}
