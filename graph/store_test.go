package graph

import (
	"context"
	"path/filepath"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
)

func person(name string, aliases ...string) kg.Entity {
	return kg.Entity{Name: name, Type: kg.Person, Aliases: aliases}
}

func article(id string, ents []kg.Entity, rels ...kg.Relation) *kg.Extraction {
	return &kg.Extraction{Article: id, Entities: ents, Relations: rels,
		Sentences: []kg.Sentence{{Index: 0, Text: "A sentence."}}}
}

func openTemp(t *testing.T) *Store {
	t.Helper()
	st, err := Open(filepath.Join(t.TempDir(), "kg.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func allQuads(t *testing.T, st *Store) []string {
	t.Helper()
	var out []string
	sc := st.QS.QuadsAllIterator().Iterate()
	defer sc.Close()
	ctx := context.Background()
	for sc.Next(ctx) {
		q, err := st.QS.Quad(sc.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.NQuad())
	}
	sort.Strings(out)
	return out
}

func nodesLabelled(t *testing.T, st *Store, label string) []quad.Value {
	t.Helper()
	var out []quad.Value
	seen := map[quad.Value]bool{}
	err := st.each(context.Background(), quad.Object, quad.String(label), func(q quad.Quad) {
		if q.Predicate == RDFSLabel && !seen[q.Subject] {
			seen[q.Subject] = true
			out = append(out, q.Subject)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWriteTwiceChangesNothing(t *testing.T) {
	st := openTemp(t)
	ctx := context.Background()
	x := article("a.txt", []kg.Entity{person("Steve Witkoff", "Witkoff"), person("Vladimir Putin", "Putin")},
		kg.Relation{Subject: "Steve Witkoff", Predicate: kg.Met, Object: "Vladimir Putin", Evidence: []int{0}})
	if _, err := st.Write(ctx, []*kg.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	before := allQuads(t, st)
	ws, err := st.Write(ctx, []*kg.Extraction{x})
	if err != nil {
		t.Fatal(err)
	}
	if ws.Unchanged != 1 || ws.Added != 0 || ws.Deleted != 0 {
		t.Errorf("second write: %+v, want one unchanged article", ws)
	}
	after := allQuads(t, st)
	if len(before) != len(after) {
		t.Fatalf("graph changed: %d quads, then %d", len(before), len(after))
	}
	for i := range before {
		if before[i] != after[i] {
			t.Fatalf("graph changed at %d: %s / %s", i, before[i], after[i])
		}
	}
}

func TestRewriteReplacesWhatTheArticleSaid(t *testing.T) {
	st := openTemp(t)
	ctx := context.Background()
	met := kg.Relation{Subject: "Steve Witkoff", Predicate: kg.Met, Object: "Vladimir Putin"}
	x := article("a.txt", []kg.Entity{person("Steve Witkoff"), person("Vladimir Putin")}, met)
	if _, err := st.Write(ctx, []*kg.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	// the article changed: no meeting any more
	y := article("a.txt", []kg.Entity{person("Steve Witkoff"), person("Vladimir Putin")})
	if _, err := st.Write(ctx, []*kg.Extraction{y}); err != nil {
		t.Fatal(err)
	}
	for _, q := range allQuads(t, st) {
		if contains(q, "#met>") {
			t.Errorf("stale quad left: %s", q)
		}
	}
	// and it is the same as writing y alone
	fresh := openTemp(t)
	if _, err := fresh.Write(ctx, []*kg.Extraction{y}); err != nil {
		t.Fatal(err)
	}
	if a, b := allQuads(t, st), allQuads(t, fresh); len(a) != len(b) {
		t.Errorf("rewritten graph has %d quads, a fresh one %d", len(a), len(b))
	}
}

func contains(s, sub string) bool {
	return len(sub) <= len(s) && (s[:len(sub)] == sub || contains(s[1:], sub))
}

func TestOneNodePerPersonAcrossArticles(t *testing.T) {
	st := openTemp(t)
	ctx := context.Background()
	xs := []*kg.Extraction{
		article("1.txt", []kg.Entity{person("Vladimir Putin", "President Vladimir Putin", "Putin"), person("Mahmoud Abbas", "Abbas")}),
		article("2.txt", []kg.Entity{person("Putin"), person("Abbas Gallyamov", "Gallyamov")}),
		article("3.txt", []kg.Entity{person("Feroz Abbasi"), person("Abbas")}),
	}
	for _, x := range xs {
		if _, err := st.Write(ctx, []*kg.Extraction{x}); err != nil {
			t.Fatal(err)
		}
	}
	if n := nodesLabelled(t, st, "Vladimir Putin"); len(n) != 1 {
		t.Errorf("Vladimir Putin: %d nodes, want 1", len(n))
	}
	if n := nodesLabelled(t, st, "Putin"); len(n) != 0 {
		t.Errorf(`"Putin" in article 2 became its own node %v; want it to be Vladimir Putin`, n)
	}
	for _, name := range []string{"Mahmoud Abbas", "Abbas Gallyamov", "Feroz Abbasi"} {
		if n := nodesLabelled(t, st, name); len(n) != 1 {
			t.Errorf("%s: %d nodes, want 1", name, len(n))
		}
	}
	// "Abbas" alone in article 3 is Mahmoud Abbas (the one person with that surname)
	if n := nodesLabelled(t, st, "Abbas"); len(n) != 0 {
		t.Errorf(`"Abbas" became its own node; want Mahmoud Abbas`)
	}
}

func TestSurnameNodeMergesIntoFullNameWhicheverComesFirst(t *testing.T) {
	ctx := context.Background()
	a := article("a.txt", []kg.Entity{person("Putin"), person("Steve Witkoff")},
		kg.Relation{Subject: "Steve Witkoff", Predicate: kg.Met, Object: "Putin"})
	b := article("b.txt", []kg.Entity{person("Vladimir Putin", "Putin")})
	one, two := openTemp(t), openTemp(t)
	for _, order := range [][]*kg.Extraction{{a, b}, {b, a}} {
		st := one
		if order[0] == b {
			st = two
		}
		for _, x := range order {
			if _, err := st.Write(ctx, []*kg.Extraction{x}); err != nil {
				t.Fatal(err)
			}
		}
	}
	qa, qb := allQuads(t, one), allQuads(t, two)
	if len(qa) != len(qb) {
		t.Fatalf("ingest order changes the graph: %d quads vs %d\n%v\n%v", len(qa), len(qb), qa, qb)
	}
	for i := range qa {
		if qa[i] != qb[i] {
			t.Errorf("ingest order changes the graph:\n %s\n %s", qa[i], qb[i])
		}
	}
	if n := nodesLabelled(t, one, "Putin"); len(n) != 0 {
		t.Errorf("the surname-only node survived the merge")
	}
	// and re-ingesting the first article changes nothing
	ws, err := one.Write(ctx, []*kg.Extraction{a})
	if err != nil || ws.Unchanged != 1 {
		t.Errorf("re-ingest after merge: %+v %v", ws, err)
	}
}

func TestSecondWriterGetsClearError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kg.db")
	st, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = Open(path, Options{Wait: 50e6})
	if err == nil {
		t.Fatal("a second writer opened a store in use")
	}
	if !contains(err.Error(), "held by process") || !contains(err.Error(), path) {
		t.Errorf("error does not say who holds %s: %v", path, err)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Vladimir Putin": "vladimir-putin", "José Luis Rodríguez Zapatero": "jose-luis-rodriguez-zapatero",
		"St James's Palace": "st-james-s-palace", "Travelers Life & Annuity": "travelers-life-annuity", "": "unnamed",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLoneSurnameTakenForAnOrganisationJoinsThePerson(t *testing.T) {
	ctx := context.Background()
	a := article("a.txt", []kg.Entity{{Name: "Putin", Type: kg.Org}})
	b := article("b.txt", []kg.Entity{person("Vladimir Putin", "Putin")})
	for _, order := range [][]*kg.Extraction{{a, b}, {b, a}} {
		st := openTemp(t)
		for _, x := range order {
			if _, err := st.Write(ctx, []*kg.Extraction{x}); err != nil {
				t.Fatal(err)
			}
		}
		if n := nodesLabelled(t, st, "Putin"); len(n) != 0 {
			t.Errorf("order %s first: an organisation node \"Putin\" survived", order[0].Article)
		}
		for _, q := range allQuads(t, st) {
			if contains(q, "vladimir-putin> <"+NSRDF+"type> <"+NSSchema+"Organization>") {
				t.Errorf("order %s first: the person is typed as an organisation: %s", order[0].Article, q)
			}
		}
	}
}
