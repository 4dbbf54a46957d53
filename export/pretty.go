package export

import (
	"io"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/graph"
)

// WriteTurtleGraph writes a small graph held in memory (the vocabulary) as
// Turtle for people to read: subjects in the order they first appear, a
// blank line between them, and blank nodes used once written in place,
// RDF lists as ( a b c ) and other blank nodes as [ p o ; ... ]. Graph
// names are ignored. Large graphs go through the streaming writer instead.
func WriteTurtleGraph(w io.Writer, quads []quad.Quad) error {
	props := map[quad.Value][]quad.Quad{}
	var order []quad.Value
	uses := map[quad.Value]int{}
	for _, q := range quads {
		if err := checkQuad(q); err != nil {
			return err
		}
		if _, ok := props[q.Subject]; !ok {
			order = append(order, q.Subject)
		}
		props[q.Subject] = append(props[q.Subject], q)
		if _, ok := q.Object.(quad.BNode); ok {
			uses[q.Object]++
		}
	}
	inline := func(v quad.Value) bool {
		_, ok := v.(quad.BNode)
		return ok && uses[v] == 1 && len(props[v]) > 0
	}
	// listItems returns the items of the list starting at v, if v is an
	// inlinable well-formed list.
	var listItems func(v quad.Value, depth int) ([]quad.Value, bool)
	listItems = func(v quad.Value, depth int) ([]quad.Value, bool) {
		if v == graph.RDFNil {
			return nil, true
		}
		ps := props[v]
		if depth > len(quads) || !inline(v) || len(ps) != 2 {
			return nil, false
		}
		var first, rest quad.Value
		for _, q := range ps {
			switch q.Predicate {
			case graph.RDFFirst:
				first = q.Object
			case graph.RDFRest:
				rest = q.Object
			}
		}
		if first == nil || rest == nil {
			return nil, false
		}
		tail, ok := listItems(rest, depth+1)
		return append([]quad.Value{first}, tail...), ok
	}
	var b strings.Builder
	var object func(v quad.Value, depth int) error
	predicates := func(ps []quad.Quad, sepPred, depth int) error {
		for i, q := range ps {
			if i > 0 && q.Predicate == ps[i-1].Predicate {
				b.WriteString(", ")
			} else {
				if i > 0 {
					if sepPred > 0 {
						b.WriteString(" ;\n" + strings.Repeat(" ", sepPred))
					} else {
						b.WriteString(" ; ")
					}
				}
				if err := writeTurtleTerm(&b, q.Predicate, true); err != nil {
					return err
				}
				b.WriteByte(' ')
			}
			if err := object(q.Object, depth); err != nil {
				return err
			}
		}
		return nil
	}
	object = func(v quad.Value, depth int) error {
		if depth > 32 || !inline(v) {
			return writeTurtleTerm(&b, v, false)
		}
		if items, ok := listItems(v, 0); ok {
			b.WriteString("(")
			for _, it := range items {
				b.WriteByte(' ')
				if err := object(it, depth+1); err != nil {
					return err
				}
			}
			b.WriteString(" )")
			return nil
		}
		b.WriteString("[ ")
		if err := predicates(sortByPredicate(props[v]), 0, depth+1); err != nil {
			return err
		}
		b.WriteString(" ]")
		return nil
	}
	b.WriteString(prefixLines())
	for _, s := range order {
		if inline(s) {
			continue
		}
		b.WriteByte('\n')
		if err := writeTurtleTerm(&b, s, false); err != nil {
			return err
		}
		b.WriteString(" ")
		if err := predicates(sortByPredicate(props[s]), 4, 0); err != nil {
			return err
		}
		b.WriteString(" .\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sortByPredicate groups a subject's quads by predicate, keeping the order
// in which predicates (and each predicate's objects) first appear.
func sortByPredicate(qs []quad.Quad) []quad.Quad {
	var preds []quad.Value
	by := map[quad.Value][]quad.Quad{}
	for _, q := range qs {
		if _, ok := by[q.Predicate]; !ok {
			preds = append(preds, q.Predicate)
		}
		by[q.Predicate] = append(by[q.Predicate], q)
	}
	out := make([]quad.Quad, 0, len(qs))
	for _, p := range preds {
		out = append(out, by[p]...)
	}
	return out
}
