// Package viz draws networks: the who-met-whom network of package browse,
// or any small graph of named nodes and labelled edges, as Graphviz DOT,
// SVG, PNG or a standalone HTML page. Layout is Graphviz's (neato, or sfdp
// for large graphs) through github.com/goccy/go-graphviz, which runs
// Graphviz compiled to WebAssembly: no system binary, no cgo. It reads no
// store and serves nothing.
package viz

import (
	"fmt"
	"math"
	"sort"
	"strings"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/browse"
)

// Node kinds, which set a node's look.
const (
	KindPerson = "person"
	KindOrg    = "org"
	KindPlace  = "place"
	KindOther  = "other"
)

// Graph is what gets drawn.
type Graph struct {
	Title string // drawn under the network ("" for none)
	Nodes []Node
	Edges []Edge
}

// Node is one entity.
type Node struct {
	ID      string // unique key (an entity id)
	Label   string
	Kind    string // KindPerson, ...
	Size    int    // for people: how many people they met; drawn bigger the more
	Focus   bool   // at the centre of the picture
	Tooltip string
}

// Edge joins two nodes by ID.
type Edge struct {
	From, To string
	Relation string // "met", a relation of the vocabulary (advises, ...), or any label
	Weight   int    // meetings or articles: drawn thicker the more
	Label    string // drawn along the edge (dates)
	Tooltip  string
	Directed bool
}

// FromNetwork turns a who-met-whom network into a drawing: people sized by
// how many people they met, one line per pair that met, as thick as the
// meetings that say so and labelled with their dates; other relations as
// dashed arrows coloured by kind; organisations and places they lead to.
func FromNetwork(n *browse.Network, title string) *Graph {
	g := &Graph{Title: title}
	focus := map[string]bool{}
	for _, f := range n.Focus {
		focus[f] = true
	}
	for _, p := range n.People {
		tip := fmt.Sprintf("%s: met %d %s", p.Name, p.Met, plural(p.Met, "person", "people"))
		g.Nodes = append(g.Nodes, Node{ID: p.ID, Label: p.Name, Kind: KindPerson, Size: p.Met, Focus: focus[p.ID], Tooltip: tip})
	}
	for _, o := range n.Others {
		g.Nodes = append(g.Nodes, Node{ID: o.ID, Label: o.Name, Kind: kindOf(o.Type), Tooltip: o.Name})
	}
	names := map[string]string{}
	for _, nd := range g.Nodes {
		names[nd.ID] = nd.Label
	}
	for _, p := range n.Pairs {
		tip := fmt.Sprintf("%s and %s: %d %s in %d %s", names[p.A], names[p.B], p.Meetings, plural(p.Meetings, "meeting", "meetings"),
			len(p.Articles), plural(len(p.Articles), "article", "articles"))
		if len(p.Dates) > 0 {
			tip += " (" + strings.Join(p.Dates, ", ") + ")"
		}
		g.Edges = append(g.Edges, Edge{From: p.A, To: p.B, Relation: kg.Met, Weight: max(p.Meetings, 1),
			Label: DateLabel(p.Dates), Tooltip: tip})
	}
	for _, l := range n.Relations {
		verb := strings.ReplaceAll(l.Predicate, "_", " ")
		g.Edges = append(g.Edges, Edge{From: l.Subject, To: l.Object, Relation: l.Predicate, Weight: max(len(l.Articles), 1),
			Label: verb, Directed: !kg.Symmetric(l.Predicate),
			Tooltip: fmt.Sprintf("%s %s %s (%d %s)", names[l.Subject], verb, names[l.Object], len(l.Articles), plural(len(l.Articles), "article", "articles"))})
	}
	return g
}

func kindOf(typ string) string {
	switch typ {
	case kg.Person:
		return KindPerson
	case kg.Org:
		return KindOrg
	case kg.Place:
		return KindPlace
	}
	return KindOther
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// DateLabel shortens a sorted list of dates for an edge: all of them when
// few, else the first and last with the count.
func DateLabel(dates []string) string {
	switch {
	case len(dates) == 0:
		return ""
	case len(dates) <= 3:
		return strings.Join(dates, ", ")
	}
	return fmt.Sprintf("%s … %s (%d)", dates[0], dates[len(dates)-1], len(dates))
}

// Options change how a graph is drawn.
type Options struct {
	// IDPrefix starts every SVG element id the drawing makes, so that
	// two drawings can share a page ("" is "kg-").
	IDPrefix string
	// Layout is a Graphviz engine: neato, sfdp, fdp, circo, dot, twopi
	// ("" chooses: see autoLayout).
	Layout string
}

// Look: a quiet palette that prints well, with one accent for the focus.
const (
	fontName    = "Helvetica"
	inkColor    = "#1d2733"
	mutedColor  = "#5d6b7a"
	lineColor   = "#7d8ca3"
	personLine  = "#48658c"
	focusFill   = "#1f3a5f"
	orgFill     = "#f4efe4"
	orgLine     = "#a58d5d"
	placeColor  = "#6f6250"
	personFills = "#eef3f9 #dde7f3 #c9d8ec #b3c8e4"
)

// relationColor is the colour of a relation's edges.
func relationColor(rel string) string {
	switch rel {
	case kg.Met:
		return lineColor
	case kg.Advises:
		return "#8a5aa3"
	case kg.EnvoyOf, kg.SpokespersonOf:
		return "#2f8a5b"
	case kg.HeadOf, kg.WorksFor, kg.MemberOf:
		return "#b5731b"
	case kg.RelativeOf:
		return "#b83b3b"
	case kg.Accompanied, kg.SpokeTo:
		return "#3a7ca5"
	}
	return "#8c8c8c"
}

// DOT writes the graph in the DOT language, with the layout engine and the
// look set as graph attributes: `dot -Tsvg` draws it as kg viz does.
func (g *Graph) DOT(opt Options) []byte {
	prefix := opt.IDPrefix
	if prefix == "" {
		prefix = "kg-"
	}
	layout := opt.Layout
	if layout == "" {
		layout = g.autoLayout()
	}
	var b strings.Builder
	title := g.Title
	if title == "" {
		title = "network"
	}
	fmt.Fprintf(&b, "graph %s {\n", quote(title))
	attrs := [][2]string{
		{"layout", layout}, {"overlap", "prism"}, {"splines", g.splines()}, {"pack", "true"}, {"sep", "+14"},
		{"esep", "+6"}, {"outputorder", "edgesfirst"}, {"pad", "0.3"}, {"bgcolor", "white"}, {"start", "7"},
		{"fontname", fontName}, {"fontcolor", mutedColor}, {"fontsize", "11"}, {"id", prefix + "graph"},
	}
	if layout == "neato" {
		// (model=subset spread a star of eight people over 1,400 points;
		// the default shortest-path model keeps it near 650)
		attrs = append(attrs, [2]string{"mode", "major"})
	}
	if g.Title != "" {
		attrs = append(attrs, [2]string{"label", g.Title}, [2]string{"labelloc", "b"}, [2]string{"labeljust", "l"})
	}
	writeAttrs(&b, "  graph", attrs)
	writeAttrs(&b, "  node", [][2]string{{"fontname", fontName}, {"fontcolor", inkColor}, {"penwidth", "1.2"}})
	writeAttrs(&b, "  edge", [][2]string{{"fontname", fontName}, {"fontsize", "9"}, {"fontcolor", mutedColor}, {"color", lineColor}})

	// DOT names are the labels (so an SVG <title> reads as a name),
	// made unique where two entities share one
	nameOf := map[string]string{}
	used := map[string]int{}
	for _, nd := range g.DOMIDs(opt) {
		n := nd.Node
		name := n.Label
		if name == "" {
			name = n.ID
		}
		if used[name]++; used[name] > 1 {
			name = fmt.Sprintf("%s (%d)", name, used[name])
		}
		nameOf[n.ID] = name
		a := [][2]string{{"id", nd.DOM}, {"label", n.Label}, {"class", nodeClass(n)}}
		if n.Tooltip != "" {
			a = append(a, [2]string{"tooltip", n.Tooltip})
		}
		a = append(a, nodeLook(n)...)
		writeAttrs(&b, "  "+quote(name), a)
	}
	labels := len(g.Edges) <= 120 // more would be clutter: dates stay in the tooltips
	for i, e := range g.Edges {
		from, ok1 := nameOf[e.From]
		to, ok2 := nameOf[e.To]
		if !ok1 || !ok2 {
			continue
		}
		rel := e.Relation
		if rel == "" {
			rel = "link"
		}
		a := [][2]string{{"id", fmt.Sprintf("%se%d", prefix, i)}, {"class", "edge-" + cssName(rel)}}
		w := max(e.Weight, 1)
		col := relationColor(rel)
		switch {
		case rel == kg.Met:
			a = append(a, [2]string{"penwidth", trim(math.Min(1.4+1.3*float64(w-1), 7))})
		case kg.IsPredicate(rel):
			a = append(a, [2]string{"penwidth", trim(math.Min(1.1+0.6*float64(w-1), 4))}, [2]string{"style", "dashed"},
				[2]string{"fontcolor", col}, [2]string{"arrowsize", "0.7"})
		default: // a link of no kind we know (a query's tags): a plain thin arrow
			a = append(a, [2]string{"penwidth", "1.1"}, [2]string{"arrowsize", "0.7"})
		}
		a = append(a, [2]string{"color", col})
		if e.Directed {
			a = append(a, [2]string{"dir", "forward"})
		}
		if e.Label != "" && labels {
			a = append(a, [2]string{"label", e.Label})
		}
		if e.Tooltip != "" {
			a = append(a, [2]string{"tooltip", e.Tooltip})
		}
		writeAttrs(&b, "  "+quote(from)+" -- "+quote(to), a)
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

// NodeDOM is a node and the id of the SVG element that draws it.
type NodeDOM struct {
	Node Node
	DOM  string
}

// DOMIDs returns the nodes in drawing order with the SVG element id each
// gets (Options.IDPrefix, "n", its place in that order).
func (g *Graph) DOMIDs(opt Options) []NodeDOM {
	prefix := opt.IDPrefix
	if prefix == "" {
		prefix = "kg-"
	}
	nodes := append([]Node(nil), g.Nodes...)
	sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].ID < nodes[j].ID })
	out := make([]NodeDOM, len(nodes))
	for i, n := range nodes {
		out[i] = NodeDOM{Node: n, DOM: fmt.Sprintf("%sn%d", prefix, i)}
	}
	return out
}

// splines draws edges straight-ish ("true"), or "curved" when two edges
// join the same two nodes (a meeting and a relation), which "true" draws
// one over the other, labels and all.
func (g *Graph) splines() string {
	seen := map[[2]string]bool{}
	for _, e := range g.Edges {
		k := [2]string{e.From, e.To}
		if k[1] < k[0] {
			k[0], k[1] = k[1], k[0]
		}
		if seen[k] {
			return "curved"
		}
		seen[k] = true
	}
	return "true"
}

// autoLayout picks the engine: circo for a few people who nearly all met
// each other (one meeting of five is a clique: a ring reads best), neato
// for the rest, sfdp above 300 nodes where neato gets slow.
func (g *Graph) autoLayout() string {
	n := len(g.Nodes)
	switch {
	case n > 300:
		return "sfdp"
	case n >= 3 && n <= 10 && float64(len(g.Edges)) >= 0.5*float64(n*(n-1)/2):
		return "circo"
	}
	return "neato"
}

func nodeClass(n Node) string {
	c := "node-" + n.Kind
	if n.Focus {
		c += " focus"
	}
	return c
}

// nodeLook sets shape, size and colour: a person's type grows with the
// square root of how many people they met.
func nodeLook(n Node) [][2]string {
	switch n.Kind {
	case KindPerson:
		size := math.Min(11+2.4*math.Sqrt(float64(n.Size)), 26)
		fills := strings.Fields(personFills)
		fill, line, ink, font, pen := fills[min(n.Size/2, len(fills)-1)], personLine, inkColor, fontName, "1.2"
		if n.Focus {
			fill, line, ink, font, pen = focusFill, focusFill, "white", fontName+"-Bold", "2"
		}
		return [][2]string{{"shape", "box"}, {"style", "rounded,filled"}, {"fontsize", trim(size)},
			{"margin", trim(0.10+0.008*size) + "," + trim(0.04+0.003*size)}, {"color", line}, {"fillcolor", fill},
			{"fontcolor", ink}, {"fontname", font}, {"penwidth", pen}}
	case KindOrg:
		return [][2]string{{"shape", "box"}, {"style", "filled"}, {"fontsize", "10"}, {"fillcolor", orgFill}, {"color", orgLine},
			{"margin", "0.1,0.03"}}
	case KindPlace:
		return [][2]string{{"shape", "plaintext"}, {"fontsize", "10"}, {"fontcolor", placeColor}, {"fontname", fontName + "-Oblique"}}
	}
	return [][2]string{{"shape", "ellipse"}, {"fontsize", "10"}, {"color", "#9aa5b1"}, {"fillcolor", "#f7f7f7"}, {"style", "filled"}}
}

func writeAttrs(b *strings.Builder, head string, attrs [][2]string) {
	b.WriteString(head)
	b.WriteString(" [")
	for i, a := range attrs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(a[0])
		b.WriteByte('=')
		b.WriteString(quote(a[1]))
	}
	b.WriteString("];\n")
}

// quote makes a DOT string: backslashes and quotes escaped (so a name
// holding \N or \l stays text), line ends kept as \n.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	return `"` + r.Replace(s) + `"`
}

func trim(f float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}

func cssName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}
