package graph

import (
	"bytes"
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/clog"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/eval"
	"github.com/newsgraph/kg/internal/pgtest"
	"github.com/newsgraph/kg/loader"
)

// corpusExtractions extracts the first n articles of a BBC folder (or skips
// without the shared corpus), in walk order as kg ingest writes them.
func corpusExtractions(t *testing.T, folder string, n int) []*kg.Extraction {
	t.Helper()
	shared, err := eval.SharedDir()
	if err != nil {
		t.Skipf("no shared corpus: %v", err)
	}
	x, err := loader.New()
	if err != nil {
		t.Fatal(err)
	}
	var out []*kg.Extraction
	err = loader.Walk([]string{filepath.Join(shared, "corpus", "bbc", folder)}, func(f loader.File) error {
		if len(out) >= n {
			return nil
		}
		a, err := loader.ReadFile(f.Path, f.ID, loader.ReadOptions{})
		if err != nil {
			return err
		}
		out = append(out, x.Extract(a))
		return nil
	}, func(p string, err error) { t.Errorf("%s: %v", p, err) })
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func writeAll(t *testing.T, st *Store, xs []*kg.Extraction, batch int) {
	t.Helper()
	for i := 0; i < len(xs); i += batch {
		if _, err := st.Write(context.Background(), xs[i:min(i+batch, len(xs))]); err != nil {
			t.Fatal(err)
		}
	}
}

func sameQuads(t *testing.T, what string, a, b []string) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%s: %d quads vs %d", what, len(a), len(b))
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			t.Errorf("%s: first difference at %d:\n %s\n %s", what, i, a[i], b[i])
			return
		}
	}
}

func openPG(t *testing.T, dsn string) *Store {
	t.Helper()
	st, err := Open(dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// checkCounts checks what Cayley's SQL store relies on: every quad's nodes
// exist, and each node's refs is the number of quad positions naming it.
func checkCounts(t *testing.T, dsn string) {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var orphans, wrong, nodes int
	err = db.QueryRow(`SELECT count(*) FROM quads q WHERE
		NOT EXISTS (SELECT 1 FROM nodes WHERE hash = q.subject_hash) OR
		NOT EXISTS (SELECT 1 FROM nodes WHERE hash = q.predicate_hash) OR
		NOT EXISTS (SELECT 1 FROM nodes WHERE hash = q.object_hash) OR
		q.label_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM nodes WHERE hash = q.label_hash)`).Scan(&orphans)
	if err != nil {
		t.Fatal(err)
	}
	err = db.QueryRow(`WITH c AS (SELECT h, count(*) AS n FROM (
			SELECT subject_hash AS h FROM quads UNION ALL SELECT predicate_hash FROM quads
			UNION ALL SELECT object_hash FROM quads UNION ALL SELECT label_hash FROM quads WHERE label_hash IS NOT NULL) x GROUP BY h)
		SELECT count(*) FROM nodes n FULL JOIN c ON c.h = n.hash WHERE n.refs IS DISTINCT FROM c.n`).Scan(&wrong)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM nodes`).Scan(&nodes); err != nil {
		t.Fatal(err)
	}
	if orphans != 0 || wrong != 0 {
		t.Errorf("PostgreSQL store inconsistent: %d quads name a missing node, %d of %d nodes have a wrong count", orphans, wrong, nodes)
	}
}

// The same articles give the same graph, quad for quad, in PostgreSQL (kg's
// bulk writer, read back through Cayley's SQL reader) as in bbolt; a
// changed article replaces its quads in both; and the tables stay as
// Cayley's own writer keeps them, so Cayley can delete what kg wrote.
func TestPostgresGraphEqualsEmbedded(t *testing.T) {
	dsn := pgtest.Fresh(t)
	xs := corpusExtractions(t, "politics", 60)
	emb := openTemp(t)
	pg := openPG(t, dsn)
	writeAll(t, emb, xs, 25)
	writeAll(t, pg, xs, 25)
	want := allQuads(t, emb)
	if len(want) < 5000 {
		t.Fatalf("only %d quads from 60 articles", len(want))
	}
	sameQuads(t, "after ingest", want, allQuads(t, pg))
	checkCounts(t, dsn)

	// a changed article: its old quads go, its new ones come
	changed := *xs[3]
	changed.Quotes = nil
	changed.Relations = changed.Relations[:len(changed.Relations)/2]
	for _, st := range []*Store{emb, pg} {
		ws, err := st.Write(context.Background(), []*kg.Extraction{&changed})
		if err != nil {
			t.Fatal(err)
		}
		if ws.Deleted == 0 {
			t.Fatalf("%s: replacing an article removed nothing: %+v", st.Kind, ws)
		}
	}
	sameQuads(t, "after replacing an article", allQuads(t, emb), allQuads(t, pg))
	checkCounts(t, dsn)

	// reopened, it reads the same through a new connection and Cayley's reader
	pg.Close()
	pg = openPG(t, dsn)
	sameQuads(t, "reopened", allQuads(t, emb), allQuads(t, pg))

	// Cayley's own writer deletes an article kg's bulk writer wrote
	art := pg.IRIs.Article(xs[0].Article)
	old, err := pg.ArticleQuads(context.Background(), art)
	if err != nil || len(old) == 0 {
		t.Fatalf("article quads: %d, %v", len(old), err)
	}
	var ds []cgraph.Delta
	for _, q := range old {
		ds = append(ds, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	if err := pg.QS.ApplyDeltas(ds, cgraph.IgnoreOpts{}); err != nil {
		t.Fatalf("Cayley cannot delete what kg wrote: %v", err)
	}
	for _, st := range []*Store{emb} {
		if err := st.QS.ApplyDeltas(ds, cgraph.IgnoreOpts{}); err != nil {
			t.Fatal(err)
		}
	}
	sameQuads(t, "after Cayley deleted an article", allQuads(t, emb), allQuads(t, pg))
	checkCounts(t, dsn)
	// and kg writes it again on top of what Cayley left
	for _, st := range []*Store{emb, pg} {
		st.id = nil
		if _, err := st.Write(context.Background(), xs[:1]); err != nil {
			t.Fatal(err)
		}
	}
	sameQuads(t, "after writing it again", allQuads(t, emb), allQuads(t, pg))
	checkCounts(t, dsn)
}

// Quads written by Cayley's own writer are read and replaced by kg's.
func TestPostgresReadsCayleysWrites(t *testing.T) {
	dsn := pgtest.Fresh(t)
	pg := openPG(t, dsn)
	art := pg.IRIs.Article("a.txt")
	vals := []quad.Value{quad.String("plain"), quad.LangString{Value: "en", Lang: "en"},
		quad.TypedString{Value: "2025-01-02", Type: XSDDate}, quad.IRI("https://example.org/x"),
		quad.BNode("b1"), quad.Int(42), quad.Bool(true), quad.Float(1.5), quad.String("nul\x00byte")}
	w, err := pg.QS.NewQuadWriter()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, v := range vals {
		q := quad.Quad{Subject: art, Predicate: quad.IRI("https://example.org/p"), Object: v, Label: art}
		if err := w.WriteQuad(q); err != nil {
			t.Fatal(err)
		}
		want = append(want, q.NQuad())
	}
	w.Close()
	got, err := pg.ArticleQuads(context.Background(), art)
	if err != nil {
		t.Fatal(err)
	}
	var gs []string
	for _, q := range got {
		gs = append(gs, q.NQuad())
	}
	sort.Strings(want)
	sort.Strings(gs)
	sameQuads(t, "kg's reader on Cayley's rows", want, gs)
	// kg replaces that article: every one of Cayley's quads goes
	x := &kg.Extraction{Article: "a.txt", Entities: []kg.Entity{person("Ann Smith")}}
	if _, err := pg.Write(context.Background(), []*kg.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	for _, q := range allQuads(t, pg) {
		if strings.Contains(q, "example.org/p") {
			t.Errorf("quad left after replacing the article: %s", q)
		}
	}
	checkCounts(t, dsn)
}

// A wrong password is reported without the password, in the error and in
// what Cayley logs.
func TestPostgresWrongPasswordRedacted(t *testing.T) {
	dsn := pgtest.DSN(t)
	const secret = "Wr0ngPassw0rdNeverShown"
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		t.Fatalf("$%s: want postgres://USER:PASSWORD@HOST..., %v", pgtest.Env, err)
	}
	u.User = url.UserPassword(u.User.Username(), secret)
	var logged bytes.Buffer
	SetLogOutput(&logged)
	defer SetLogOutput(os.Stderr)
	_, err = Open(u.String(), Options{})
	if err == nil {
		t.Fatal("opened PostgreSQL with a wrong password")
	}
	if strings.Contains(err.Error(), secret) || strings.Contains(logged.String(), secret) {
		t.Errorf("the password shows:\nerror: %v\nlog: %s", err, logged.String())
	}
	if !strings.Contains(err.Error(), "password authentication failed") || !strings.Contains(err.Error(), redacted) {
		t.Errorf("the error should say the login failed, with the DSN redacted: %v", err)
	}
}

func TestRedact(t *testing.T) {
	addSecret("s3cr3t/pw")
	for in, want := range map[string]string{
		"postgres://kg:hunter2@db:5432/kg?sslmode=disable": "postgres://kg:xxxxx@db:5432/kg?sslmode=disable",
		"host=db user=kg password=hunter2 dbname=kg":       "host=db user=kg password=xxxxx dbname=kg",
		"host=db password='a b c' dbname=kg":               "host=db password=xxxxx dbname=kg",
		`&url.Error{URL:"postgres://u:s3cr3t%2Fpw@h"}`:     `&url.Error{URL:"postgres://u:xxxxx@h"}`,
		"login failed: s3cr3t/pw":                          "login failed: xxxxx",
		"postgres://db:5432/kg":                            "postgres://db:5432/kg",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
	if p := dsnPassword("postgres://kg:p%40ss@db/kg"); p != "p@ss" {
		t.Errorf("dsnPassword: %q", p)
	}
	// what Cayley's SQL store logs on a failed login goes through Redact
	var logged bytes.Buffer
	SetLogOutput(&logged)
	defer SetLogOutput(os.Stderr)
	dsn := "postgres://kg:hunter2@db:5432/kg"
	clog.Errorf("Couldn't open database at %s: %#v", dsn, &url.Error{Op: "parse", URL: dsn})
	if strings.Contains(logged.String(), "hunter2") || !strings.Contains(logged.String(), "Couldn't open database") {
		t.Errorf("clog line not redacted: %s", logged.String())
	}
}
