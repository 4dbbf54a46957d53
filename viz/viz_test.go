package viz

import (
	"bytes"
	"context"
	"encoding/xml"
	"image/color"
	"image/png"
	"io"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/browse"
	"github.com/newsgraph/kg/internal/testtool"
)

// awkward holds names that DOT, SVG and HTML must all keep as text.
var awkward = []string{`Dmitry "the voice" Peskov`, `Back\slash \N \l`, "Two\nLines", `<b>Bold</b> & Co`, "José Zapatero"}

func network() *browse.Network {
	p := func(id, name string, met int) browse.Person {
		return browse.Person{Ref: browse.Ref{ID: id, Name: name, Type: kg.Person}, Met: met}
	}
	n := &browse.Network{
		People: []browse.Person{p("person/putin", "Vladimir Putin", 3), p("person/witkoff", "Steve Witkoff", 2),
			p("person/kushner", "Jared Kushner", 2), p("person/dmitriev", "Kirill Dmitriev", 1)},
		Pairs: []browse.Pair{
			{A: "person/putin", B: "person/witkoff", Meetings: 6, Dates: []string{"2025-02", "2025-08", "2025-11", "2025-12-02"}},
			{A: "person/kushner", B: "person/putin", Meetings: 1, Dates: []string{"2025-12-02"}},
			{A: "person/kushner", B: "person/witkoff", Meetings: 1},
			{A: "person/dmitriev", B: "person/putin", Meetings: 1},
		},
		Relations: []browse.Link{{Subject: "person/dmitriev", Predicate: kg.Advises, Object: "person/putin"},
			{Subject: "person/witkoff", Predicate: kg.EnvoyOf, Object: "person/trump"},
			{Subject: "person/putin", Predicate: kg.HeadOf, Object: "place/russia"}},
		Others: []browse.Ref{{ID: "person/trump", Name: "Donald Trump", Type: kg.Person}, {ID: "place/russia", Name: "Russia", Type: kg.Place}},
		Focus:  []string{"person/putin"},
	}
	for i, a := range awkward {
		id := "person/awkward-" + strconv.Itoa(i)
		n.People = append(n.People, p(id, a, 1))
		n.Pairs = append(n.Pairs, browse.Pair{A: "person/dmitriev", B: id, Meetings: 1})
	}
	return n
}

func render(t *testing.T, g *Graph, f Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(context.Background(), g, f, &buf, Options{}); err != nil {
		t.Fatalf("render %s: %v", f, err)
	}
	return buf.Bytes()
}

// svgText parses an SVG and returns the text it draws, and its root element.
func svgText(t *testing.T, svg []byte) (string, string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	var text strings.Builder
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
			}
		case xml.CharData:
			text.Write(tok)
			text.WriteByte('\n')
		}
	}
	return text.String(), root
}

func TestSVGIsWellFormedWithEveryName(t *testing.T) {
	g := FromNetwork(network(), "Who met whom")
	svg := render(t, g, SVG)
	text, root := svgText(t, svg)
	if root != "svg" {
		t.Fatalf("root element %q", root)
	}
	for _, n := range g.Nodes {
		for _, line := range strings.Split(n.Label, "\n") {
			if !strings.Contains(text, line) {
				t.Errorf("the SVG does not draw %q", line)
			}
		}
	}
	// dates label the edges; a long list is shortened
	for _, want := range []string{"2025-02 … 2025-12-02 (4)", "2025-12-02", "advises", "envoy of", "head of"} {
		if !strings.Contains(text, want) {
			t.Errorf("the SVG lacks the label %q", want)
		}
	}
	if bytes.Contains(svg, []byte("<b>")) {
		t.Error("markup in a name reached the SVG as markup")
	}
	people := 0
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "g" {
			for _, a := range se.Attr {
				if a.Name.Local == "class" && strings.Contains(a.Value, "node-person") {
					people++
				}
			}
		}
	}
	if got := people; got != len(network().People)+1 {
		t.Errorf("%d person nodes drawn, want %d", got, len(network().People)+1)
	}
}

func TestDOT(t *testing.T) {
	g := FromNetwork(network(), "")
	dot := string(render(t, g, DOT))
	for _, want := range []string{`graph "network" {`, `"Vladimir Putin" [id="kg-n`, `label="Dmitry \"the voice\" Peskov"`,
		`label="Back\\slash \\N \\l"`, `label="Two\nLines"`, `dir="forward"`, `style="dashed"`} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
	// more meetings, thicker: the six meetings of Putin and Witkoff draw
	// the thickest line
	re := regexp.MustCompile(`(?m)^  "([^"]+)" -- "([^"]+)" \[.*class="edge-met", penwidth="([0-9.]+)"`)
	widths := map[string]float64{}
	for _, m := range re.FindAllStringSubmatch(dot, -1) {
		w, _ := strconv.ParseFloat(m[3], 64)
		pair := []string{m[1], m[2]}
		sort.Strings(pair)
		widths[pair[0]+"|"+pair[1]] = w
	}
	thick := widths["Steve Witkoff|Vladimir Putin"]
	if thick == 0 {
		t.Fatalf("no Putin-Witkoff edge in\n%s", dot)
	}
	for k, w := range widths {
		if k != "Steve Witkoff|Vladimir Putin" && w >= thick {
			t.Errorf("%s drawn %v wide, as wide as six meetings (%v)", k, w, thick)
		}
	}
	// people who met more are drawn bigger
	size := func(name string) float64 {
		m := regexp.MustCompile(`"` + name + `" \[.*fontsize="([0-9.]+)"`).FindStringSubmatch(dot)
		if m == nil {
			t.Fatalf("no node %s", name)
		}
		f, _ := strconv.ParseFloat(m[1], 64)
		return f
	}
	if !(size("Vladimir Putin") > size("Steve Witkoff") && size("Steve Witkoff") > size("Kirill Dmitriev")) {
		t.Errorf("sizes do not grow with meetings: Putin %v, Witkoff %v, Dmitriev %v",
			size("Vladimir Putin"), size("Steve Witkoff"), size("Kirill Dmitriev"))
	}
	if !strings.Contains(dot, `class="node-person focus"`) {
		t.Error("the focus is not marked")
	}
}

// Graphviz's own dot program reads our DOT and lays it out.
func TestDOTAcceptedByGraphviz(t *testing.T) {
	dotTool := testtool.Need(t, "dot")
	dot := render(t, FromNetwork(network(), "Who met whom"), DOT)
	cmd := exec.Command(dotTool, "-Tsvg")
	cmd.Stdin = bytes.NewReader(dot)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("dot rejects the DOT: %v\n%s", err, stderr.String())
	}
	if strings.Contains(stderr.String(), "syntax error") {
		t.Errorf("dot warns: %s", stderr.String())
	}
	text, _ := svgText(t, out.Bytes())
	for _, name := range []string{"Vladimir Putin", `Dmitry "the voice" Peskov`, `Back\slash \N \l`} {
		if !strings.Contains(text, name) {
			t.Errorf("dot's drawing lacks %q", name)
		}
	}
}

func near(c color.Color, hex string) bool {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	r, g, b, _ := c.RGBA()
	d := func(x uint32, y uint64) int { return int(x>>8) - int(y&0xff) }
	dr, dg, db := d(r, v>>16), d(g, v>>8), d(b, v)
	return dr*dr+dg*dg+db*db < 300
}

// The PNG has the edges (go-graphviz's own PNG renderer drops every
// stroke), the filled boxes and the text.
func TestPNGDrawsEdgesBoxesAndText(t *testing.T) {
	g := &Graph{Nodes: []Node{{ID: "a", Label: "Vladimir Putin", Kind: KindPerson, Size: 1}, {ID: "b", Label: "Steve Witkoff", Kind: KindPerson, Size: 1}},
		Edges: []Edge{{From: "a", To: "b", Relation: kg.Met, Weight: 4}}}
	img, err := png.Decode(bytes.NewReader(render(t, g, PNG)))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	b := img.Bounds()
	if b.Dx() < 200 || b.Dy() < 50 {
		t.Fatalf("PNG of %v", b)
	}
	var line, fill, ink int
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := img.At(x, y)
			switch {
			case near(c, lineColor):
				line++
			case near(c, strings.Fields(personFills)[0]):
				fill++
			case near(c, inkColor):
				ink++
			}
		}
	}
	if line < 100 || fill < 1000 || ink < 100 {
		t.Errorf("PNG pixels: %d of the edge colour, %d of the box fill, %d of the ink; want an edge, boxes and text", line, fill, ink)
	}
	// and the white outside stays white
	if c := img.At(b.Min.X+1, b.Min.Y+1); !near(c, "#ffffff") {
		t.Errorf("corner pixel %v, want white", c)
	}
}

func TestHTMLIsStandalone(t *testing.T) {
	page := string(render(t, FromNetwork(network(), "Who met whom around Putin"), HTML))
	for _, want := range []string{"<!DOCTYPE html>", "<svg", "Who met whom around Putin", "Vladimir Putin", "&lt;b&gt;Bold&lt;/b&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "<?xml") || strings.Contains(page, "<!DOCTYPE svg") {
		t.Error("the inline SVG keeps its XML prolog")
	}
	// nothing is fetched from elsewhere
	if m := regexp.MustCompile(`(src|href)="https?:`).FindString(page); m != "" {
		t.Errorf("the page loads %s", m)
	}
}

func TestAutoLayout(t *testing.T) {
	// five people who all met: a ring
	var g Graph
	for i := range 5 {
		g.Nodes = append(g.Nodes, Node{ID: strconv.Itoa(i)})
		for j := range i {
			g.Edges = append(g.Edges, Edge{From: strconv.Itoa(j), To: strconv.Itoa(i)})
		}
	}
	if l := g.autoLayout(); l != "circo" {
		t.Errorf("a clique of five: %s", l)
	}
	g.Edges = g.Edges[:3]
	if l := g.autoLayout(); l != "neato" {
		t.Errorf("a sparse five: %s", l)
	}
	if !strings.Contains(string(g.DOT(Options{Layout: "fdp"})), `layout="fdp"`) {
		t.Error("Options.Layout is ignored")
	}
	// two edges between the same two people are drawn apart
	if g.splines() != "true" {
		t.Errorf("splines %s without parallel edges", g.splines())
	}
	g.Edges = append(g.Edges, Edge{From: g.Edges[0].To, To: g.Edges[0].From, Relation: kg.Advises})
	if !strings.Contains(string(g.DOT(Options{})), `splines="curved"`) {
		t.Error("parallel edges are not curved")
	}
}

func TestDateLabel(t *testing.T) {
	for in, want := range map[string]string{"": "", "2025": "2025", "2025-02,2025-03": "2025-02, 2025-03",
		"2019,2020,2021,2022": "2019 … 2022 (4)"} {
		var ds []string
		if in != "" {
			ds = strings.Split(in, ",")
		}
		if got := DateLabel(ds); got != want {
			t.Errorf("DateLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

// Layouts from many goroutines at once are taken one at a time: no crash,
// every drawing whole.
func TestConcurrentLayouts(t *testing.T) {
	g := FromNetwork(network(), "")
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			if err := Render(context.Background(), g, SVG, &buf, Options{}); err != nil {
				errs <- err
				return
			}
			if !bytes.Contains(buf.Bytes(), []byte("Vladimir Putin")) {
				errs <- io.ErrUnexpectedEOF
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range []string{"svg", "PNG", "dot", "html"} {
		if _, err := ParseFormat(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("pdf accepted")
	}
}
