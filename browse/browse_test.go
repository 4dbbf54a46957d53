package browse

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/loader"
)

func ptr(s string) *string { return &s }

func person(name string, aliases ...string) kg.Entity {
	return kg.Entity{Name: name, Type: kg.Person, Aliases: aliases}
}

func sentences(texts ...string) []kg.Sentence {
	var out []kg.Sentence
	for i, t := range texts {
		out = append(out, kg.Sentence{Index: i, Text: t})
	}
	return out
}

// Small is a hand-made graph of two articles, independent of the extractor.
func Small() []*kg.Extraction {
	a := &kg.Extraction{
		Article: "a.txt", Date: ptr("2025-03-01"), Title: "Ames meets Bell in Paris",
		Entities: []kg.Entity{person("Alice Ames", "Ames"), person("Bob Bell", "Bell"), person("Carol Cole"),
			{Name: "Paris", Type: kg.Place}},
		Meetings: []kg.Meeting{
			{Participants: []string{"Alice Ames", "Bob Bell"}, Place: "Paris", Date: "2025-02-10", Evidence: []int{0}},
			{Participants: []string{"Alice Ames", "Bob Bell", "Carol Cole"}, Evidence: []int{1}},
		},
		Relations: []kg.Relation{
			{Subject: "Alice Ames", Predicate: kg.Met, Object: "Bob Bell", Evidence: []int{0}},
			{Subject: "Carol Cole", Predicate: kg.Advises, Object: "Alice Ames", Evidence: []int{2}},
		},
		Quotes: []kg.Quote{{Text: "We will build bridges", Speaker: "Alice Ames", Evidence: []int{3}}},
		Sentences: sentences("Alice Ames met Bob Bell in Paris on 10 February.",
			"Ames, Bell and Carol Cole met again later.",
			"Cole, who advises Ames, said little.",
			`"We will build bridges," Ames said.`),
	}
	b := &kg.Extraction{
		Article: "b.txt", Date: ptr("2024-06-01"), Title: "Bell and Dore",
		Entities: []kg.Entity{person("Bob Bell"), person("Dan Dore"), person("Carol Cole"), {Name: "Acme Corp", Type: kg.Org}},
		Meetings: []kg.Meeting{{Participants: []string{"Bob Bell", "Dan Dore"}, Date: "2024-05", Evidence: []int{0}}},
		Relations: []kg.Relation{
			{Subject: "Bob Bell", Predicate: kg.Met, Object: "Dan Dore", Evidence: []int{0}},
			{Subject: "Carol Cole", Predicate: kg.Met, Object: "Dan Dore", Evidence: []int{1}},
			{Subject: "Dan Dore", Predicate: kg.WorksFor, Object: "Acme Corp", Evidence: []int{1}},
		},
		Sentences: sentences("Bell met Dore in May 2024.", "Cole met Dore of Acme Corp."),
	}
	return []*kg.Extraction{a, b}
}

func smallStore(t *testing.T) *Browser {
	t.Helper()
	st, err := graph.Open(filepath.Join(t.TempDir(), "kg.db"), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Write(context.Background(), Small()); err != nil {
		t.Fatal(err)
	}
	return New(st)
}

func names(n *Network) []string {
	var out []string
	for _, p := range n.People {
		out = append(out, p.Name)
	}
	sort.Strings(out)
	return out
}

func TestNetworkWhole(t *testing.T) {
	b := smallStore(t)
	n, err := b.Network(context.Background(), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(n), []string{"Alice Ames", "Bob Bell", "Carol Cole", "Dan Dore"}; !reflect.DeepEqual(got, want) {
		t.Errorf("people %v, want %v", got, want)
	}
	met := map[string]int{}
	for _, p := range n.People {
		met[p.Name] = p.Met
	}
	if want := map[string]int{"Alice Ames": 2, "Bob Bell": 3, "Carol Cole": 3, "Dan Dore": 2}; !reflect.DeepEqual(met, want) {
		t.Errorf("met counts %v, want %v", met, want)
	}
	pairs := map[string]Pair{}
	for _, p := range n.Pairs {
		pairs[p.A+" "+p.B] = p
	}
	if len(pairs) != 5 {
		t.Errorf("%d pairs, want 5: %+v", len(pairs), n.Pairs)
	}
	ab := pairs["person/alice-ames person/bob-bell"]
	if ab.Meetings != 2 || !reflect.DeepEqual(ab.Dates, []string{"2025-02-10"}) || len(ab.Articles) != 1 {
		t.Errorf("Ames-Bell: %+v, want 2 meetings, one dated 2025-02-10, in one article", ab)
	}
	// told by a meeting and by a met edge of the same article: one meeting
	bd := pairs["person/bob-bell person/dan-dore"]
	if bd.Meetings != 1 || !reflect.DeepEqual(bd.Dates, []string{"2024-05"}) {
		t.Errorf("Bell-Dore: %+v, want one meeting dated 2024-05", bd)
	}
	// a met edge alone makes a pair
	if cd := pairs["person/carol-cole person/dan-dore"]; cd.Meetings != 1 || len(cd.Articles) != 1 || cd.Articles[0].Name != "b.txt" {
		t.Errorf("Cole-Dore: %+v, want one meeting from b.txt", cd)
	}
	if len(n.Relations) != 0 {
		t.Errorf("relations without asking: %+v", n.Relations)
	}
}

func TestNetworkAroundAndHops(t *testing.T) {
	b := smallStore(t)
	ctx := context.Background()
	n, err := b.Network(ctx, Filter{Around: []string{"Mr Dore"}, Hops: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(n), []string{"Bob Bell", "Carol Cole", "Dan Dore"}; !reflect.DeepEqual(got, want) {
		t.Errorf("around Dore: %v, want %v", got, want)
	}
	if !reflect.DeepEqual(n.Focus, []string{"person/dan-dore"}) {
		t.Errorf("focus %v", n.Focus)
	}
	// the pair between two neighbours is drawn too
	found := false
	for _, p := range n.Pairs {
		found = found || p.A == "person/bob-bell" && p.B == "person/carol-cole"
	}
	if !found {
		t.Errorf("Bell-Cole missing among neighbours of Dore: %+v", n.Pairs)
	}
	n, err = b.Network(ctx, Filter{Around: []string{"Dan Dore"}, Hops: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.People) != 4 {
		t.Errorf("two hops from Dore: %v, want all four", names(n))
	}
	n, err = b.Network(ctx, Filter{Around: []string{"Dan Dore"}, Hops: 2, MaxNodes: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !n.Truncated || len(n.People) != 2 || n.People[0].Name != "Dan Dore" {
		t.Errorf("capped at two: %+v, want Dore first and truncated", n.People)
	}
	if _, err := b.Network(ctx, Filter{Around: []string{"Nobody Known"}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown name: %v, want ErrNotFound", err)
	}
}

func TestNetworkDates(t *testing.T) {
	b := smallStore(t)
	ctx := context.Background()
	// the undated meeting of a.txt is dated by its article (2025-03-01)
	n, err := b.Network(ctx, Filter{Since: "2025"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(n), []string{"Alice Ames", "Bob Bell", "Carol Cole"}; !reflect.DeepEqual(got, want) {
		t.Errorf("since 2025: %v, want %v", got, want)
	}
	n, err = b.Network(ctx, Filter{Until: "2024-12"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(n), []string{"Bob Bell", "Carol Cole", "Dan Dore"}; !reflect.DeepEqual(got, want) {
		t.Errorf("until 2024-12: %v, want %v", got, want)
	}
	n, err = b.Network(ctx, Filter{Since: "2025-02", Until: "2025-02"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(n), []string{"Alice Ames", "Bob Bell"}; !reflect.DeepEqual(got, want) {
		t.Errorf("February 2025: %v, want %v", got, want)
	}
	if _, err := b.Network(ctx, Filter{Since: "March"}); err == nil {
		t.Error("a malformed date was accepted")
	}
}

func TestNetworkRelations(t *testing.T) {
	b := smallStore(t)
	n, err := b.Network(context.Background(), Filter{Relations: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, l := range n.Relations {
		got[l.Subject+" "+l.Predicate+" "+l.Object] = true
	}
	for _, want := range []string{"person/carol-cole advises person/alice-ames", "person/dan-dore works_for org/acme-corp"} {
		if !got[want] {
			t.Errorf("relations lack %q: %v", want, got)
		}
	}
	if len(n.Others) != 1 || n.Others[0].Name != "Acme Corp" || n.Others[0].Type != kg.Org {
		t.Errorf("others: %+v, want Acme Corp", n.Others)
	}
}

func TestSearch(t *testing.T) {
	b := smallStore(t)
	ctx := context.Background()
	for q, want := range map[string]string{
		"Ames": "Alice Ames", "alice ames": "Alice Ames", "Mr. Bell's": "Bob Bell",
		"car": "Carol Cole", "dor": "Dan Dore", "acme": "Acme Corp",
	} {
		hits, err := b.Search(ctx, q, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Name != want {
			t.Errorf("search %q: %+v, want %s first", q, hits, want)
		}
	}
	hits, err := b.Search(ctx, "zzz", 5)
	if err != nil || len(hits) != 0 {
		t.Errorf("search zzz: %v %+v, want nothing", err, hits)
	}
	hits, _ = b.Search(ctx, "Bell", 5)
	if len(hits) != 1 || hits[0].Articles != 2 || hits[0].ID != "person/bob-bell" {
		t.Errorf("Bell: %+v, want one hit mentioned by 2 articles", hits)
	}
}

func TestEntity(t *testing.T) {
	b := smallStore(t)
	ctx := context.Background()
	e, err := b.Entity(ctx, "person/alice-ames")
	if err != nil {
		t.Fatal(err)
	}
	if e.Name != "Alice Ames" || e.Type != kg.Person || !reflect.DeepEqual(e.Aliases, []string{"Ames"}) {
		t.Errorf("entity: %+v", e.Ref)
	}
	var met []string
	for _, m := range e.Met {
		met = append(met, m.Name)
	}
	if !reflect.DeepEqual(met, []string{"Bob Bell", "Carol Cole"}) {
		t.Errorf("met %v", met)
	}
	if len(e.Meetings) != 2 {
		t.Fatalf("meetings: %+v", e.Meetings)
	}
	m := e.Meetings[0]
	if m.Date != "2025-02-10" || m.Place == nil || m.Place.Name != "Paris" || m.Article.Name != "a.txt" ||
		m.Article.Title != "Ames meets Bell in Paris" || len(m.Evidence) != 1 ||
		m.Evidence[0].Text != "Alice Ames met Bob Bell in Paris on 10 February." {
		t.Errorf("first meeting: %+v", m)
	}
	if e.Meetings[1].Date != "" || len(e.Meetings[1].Participants) != 3 {
		t.Errorf("second meeting: %+v", e.Meetings[1])
	}
	if len(e.Relations) != 1 || e.Relations[0].Predicate != "advises" || e.Relations[0].Subject.Name != "Carol Cole" ||
		len(e.Relations[0].Evidence) != 1 || !strings.Contains(e.Relations[0].Evidence[0].Text, "who advises Ames") {
		t.Errorf("relations: %+v", e.Relations)
	}
	if len(e.Quotes) != 1 || e.Quotes[0].Text != "We will build bridges" || len(e.Quotes[0].Evidence) != 1 ||
		e.Quotes[0].Article.Date != "2025-03-01" {
		t.Errorf("quotes: %+v", e.Quotes)
	}
	if len(e.Articles) != 1 || e.Articles[0].Name != "a.txt" {
		t.Errorf("articles: %+v", e.Articles)
	}
	// the full IRI is an id too
	if e2, err := b.Entity(ctx, graph.DefaultBase+"person/alice-ames"); err != nil || e2.Name != "Alice Ames" {
		t.Errorf("by IRI: %v %+v", err, e2)
	}
	if _, err := b.Entity(ctx, "person/nobody"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v, want ErrNotFound", err)
	}
	d, err := b.Entity(ctx, "person/dan-dore")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Relations) != 1 || d.Relations[0].Object.Name != "Acme Corp" || d.Relations[0].Object.Type != kg.Org {
		t.Errorf("Dore's relations: %+v", d.Relations)
	}
}

// The seed article's stable facts, as the extractor reads them.
func TestSeedNetwork(t *testing.T) {
	st, err := graph.Open(filepath.Join(t.TempDir(), "kg.db"), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, err := loader.ReadFile("../testdata/seed-witkoff-putin.txt", "", loader.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	x, err := loader.New()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := st.Write(ctx, []*kg.Extraction{x.Extract(a)}); err != nil {
		t.Fatal(err)
	}
	b := New(st)
	n, err := b.Network(ctx, Filter{Around: []string{"Putin"}})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(names(n), ", ")
	for _, want := range []string{"Vladimir Putin", "Steve Witkoff", "Jared Kushner"} {
		if !strings.Contains(got, want) {
			t.Errorf("network around Putin: %s; want %s in it", got, want)
		}
	}
	hits, err := b.Search(ctx, "Peskov", 3)
	if err != nil || len(hits) == 0 {
		t.Fatalf("search Peskov: %v %+v", err, hits)
	}
	e, err := b.Entity(ctx, hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Quotes) == 0 || len(e.Quotes[0].Evidence) == 0 {
		t.Errorf("Peskov's quotes with evidence: %+v", e.Quotes)
	}
}

// A kg:met edge without its rdf:Statement (imported RDF) shows around
// either of its people.
func TestNetworkImportedMetEdge(t *testing.T) {
	b := smallStore(t)
	ctx := context.Background()
	ames := quad.IRI(graph.DefaultBase + "person/alice-ames")
	zed := quad.IRI(graph.DefaultBase + "person/zed-zola")
	art := quad.IRI(graph.DefaultBase + "article/imported.nq")
	err := b.st.QS.ApplyDeltas([]cgraph.Delta{
		{Action: cgraph.Add, Quad: quad.Quad{Subject: zed, Predicate: graph.RDFType, Object: graph.SchemaPerson, Label: art}},
		{Action: cgraph.Add, Quad: quad.Quad{Subject: zed, Predicate: graph.RDFSLabel, Object: quad.String("Zed Zola"), Label: art}},
		{Action: cgraph.Add, Quad: quad.Quad{Subject: zed, Predicate: graph.KGKey, Object: quad.String("zola"), Label: art}},
		{Action: cgraph.Add, Quad: quad.Quad{Subject: zed, Predicate: graph.Predicate(kg.Met), Object: ames, Label: art}},
	}, cgraph.IgnoreOpts{})
	if err != nil {
		t.Fatal(err)
	}
	for _, around := range []string{"Ames", "Zola"} {
		n, err := b.Network(ctx, Filter{Around: []string{around}})
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(names(n), ", ")
		if !strings.Contains(got, "Zed Zola") || !strings.Contains(got, "Alice Ames") {
			t.Errorf("around %s: %s; want Zola and Ames", around, got)
		}
	}
}
