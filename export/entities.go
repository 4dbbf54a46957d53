package export

import (
	"context"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
)

// The entity graph is what GraphML and DOT draw: one node per entity (a
// person, organisation or place, or anything a relation points at) labelled
// with its rdfs:label, and one edge per distinct relation of the closed
// vocabulary (kg:met, kg:works_for, ...) between two of them, weighted by
// the number of articles that state it. Symmetric relations (met,
// relative_of) are undirected and merged whichever way round they were
// stated. Meetings, quotes, sentences and articles are left out.

// entityNode is one node of the entity graph.
type entityNode struct {
	ID    quad.Value
	Label string // most frequent rdfs:label, else the IRI
	Type  string // Person, Organization, Place or ""
}

// entityEdge is one relation between two nodes.
type entityEdge struct {
	From, To  quad.Value
	Relation  string // "met"
	Symmetric bool
	Weight    int // quads (articles) stating it
}

var (
	entityTypes = map[quad.IRI]string{graph.SchemaPerson: "Person", graph.SchemaOrg: "Organization", graph.SchemaPlace: "Place"}
	relations   = func() map[quad.IRI]string {
		m := map[quad.IRI]string{}
		for _, p := range kg.Predicates {
			m[graph.Predicate(p)] = p
		}
		return m
	}()
)

// eachEntity calls node for every node of the entity graph (sorted by IRI),
// then edge for every edge (sorted), holding at most two sorters' worth of
// records in memory.
func eachEntity(ctx context.Context, st *graph.Store, opt Options, node func(entityNode) error, edge func(entityEdge) error) error {
	nodes, edges := newSorter(), newSorter()
	defer nodes.Close()
	defer edges.Close()
	err := Each(ctx, st, opt, func(q quad.Quad) error {
		switch q.Subject.(type) {
		case quad.IRI, quad.BNode:
		default:
			return nil
		}
		s, err := termString(q.Subject)
		if err != nil {
			return err
		}
		if t, ok := entityTypes[asIRI(q.Object)]; ok && q.Predicate == graph.RDFType {
			return nodes.Add(s + sep + "t" + sep + t)
		}
		if q.Predicate == graph.RDFSLabel {
			if _, ok := literal(q.Object); ok {
				l, err := termString(q.Object)
				if err != nil {
					return err
				}
				return nodes.Add(s + sep + "l" + sep + l)
			}
			return nil
		}
		rel, ok := relations[asIRI(q.Predicate)]
		if !ok {
			return nil
		}
		switch q.Object.(type) {
		case quad.IRI, quad.BNode:
		default:
			return nil
		}
		o, err := termString(q.Object)
		if err != nil {
			return err
		}
		if kg.Symmetric(rel) && o < s {
			s, o = o, s
		}
		if err := nodes.Add(s + sep + "r" + sep); err != nil {
			return err
		}
		if err := nodes.Add(o + sep + "r" + sep); err != nil {
			return err
		}
		return edges.Add(s + sep + rel + sep + o)
	})
	if err != nil {
		return err
	}
	// nodes: records of one node are adjacent; labels adjacent and sorted
	var cur, curLabel string
	var n entityNode
	var referenced bool
	var labelRun, bestRun int
	flush := func() error {
		if cur == "" || n.Type == "" && !referenced {
			return nil
		}
		v, err := parseTerm(cur)
		if err != nil {
			return err
		}
		n.ID = v
		if n.Label == "" {
			n.Label = id(v)
		}
		return node(n)
	}
	err = nodes.Each(func(rec string) error {
		f := strings.SplitN(rec, sep, 3)
		if len(f) != 3 {
			return fmt.Errorf("internal: node record %q", rec)
		}
		if f[0] != cur {
			if err := flush(); err != nil {
				return err
			}
			cur, n, referenced, curLabel, labelRun, bestRun = f[0], entityNode{}, false, "", 0, 0
		}
		switch f[1] {
		case "t":
			if n.Type == "" {
				n.Type = f[2]
			}
		case "r":
			referenced = true
		case "l":
			if f[2] != curLabel {
				curLabel, labelRun = f[2], 0
			}
			labelRun++
			if labelRun > bestRun {
				v, err := parseTerm(f[2])
				if err != nil {
					return err
				}
				bestRun, n.Label = labelRun, quad.StringOf(v)
				if s, ok := v.(quad.String); ok {
					n.Label = string(s)
				} else if l, ok := v.(quad.LangString); ok {
					n.Label = string(l.Value)
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	var e entityEdge
	var last string
	emit := func() error {
		if last == "" {
			return nil
		}
		return edge(e)
	}
	err = edges.Each(func(rec string) error {
		if rec == last {
			e.Weight++
			return nil
		}
		if err := emit(); err != nil {
			return err
		}
		f := strings.SplitN(rec, sep, 3)
		from, err := parseTerm(f[0])
		if err != nil {
			return err
		}
		to, err := parseTerm(f[2])
		if err != nil {
			return err
		}
		e = entityEdge{From: from, To: to, Relation: f[1], Symmetric: kg.Symmetric(f[1]), Weight: 1}
		last = rec
		return nil
	})
	if err != nil {
		return err
	}
	return emit()
}

func asIRI(v quad.Value) quad.IRI {
	i, _ := v.(quad.IRI)
	return i
}
