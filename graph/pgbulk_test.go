package graph

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/internal/pgtest"
)

// quadIndexDefs lists the quads table's indexes as PostgreSQL prints them.
func quadIndexDefs(t *testing.T, dsn string) []string {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'quads'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// sameIndexes checks that the quads table has exactly Cayley's indexes
// (and kg's label index) as they were when the graph was created.
func sameIndexes(t *testing.T, when, dsn string, want []string) {
	t.Helper()
	if got := quadIndexDefs(t, dsn); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("indexes %s:\n%s\nwant, as Cayley made them:\n%s", when, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func hasIndex(defs []string, name string) bool {
	for _, d := range defs {
		if strings.Contains(d, " "+name+" ") {
			return true
		}
	}
	return false
}

// A bulk ingest into PostgreSQL writes without the indexes its reads do
// not need, resolves names exactly as with them (subjects through Cayley's
// unique indexes), and leaves the indexes as Cayley creates them; the
// graph equals the embedded one quad for quad.
func TestPostgresBulkIngest(t *testing.T) {
	fresh := pgtest.Fresh(t)
	xs := corpusExtractions(t, "politics", 60)
	emb := openTemp(t)
	writeAll(t, emb, xs, 25)
	want := allQuads(t, emb)

	pg := openPG(t, fresh)
	cayleys := quadIndexDefs(t, fresh) // as Cayley created them, and kg's label index
	ctx := context.Background()
	end, err := pg.BeginBulk(ctx, 100000, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	during := quadIndexDefs(t, fresh)
	for _, ix := range quadIndexes {
		if want := slices.Contains(ingestReads, ix.name); hasIndex(during, ix.name) != want {
			t.Errorf("during a bulk ingest, %s present = %v, want %v", ix.name, !want, want)
		}
	}
	writeAll(t, pg, xs, 25)
	sameQuads(t, "bulk ingest, before the indexes are back", want, allQuads(t, pg))
	if err := end(ctx); err != nil {
		t.Fatal(err)
	}
	sameIndexes(t, "after the bulk load", fresh, cayleys)
	sameQuads(t, "bulk ingest", want, allQuads(t, pg))
	checkCounts(t, fresh)

	// a small load into a large graph keeps every index
	end, err = pg.BeginBulk(ctx, 100, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := quadIndexDefs(t, fresh); len(got) != len(cayleys) {
		t.Errorf("a load of 100 quads into %d dropped indexes: %d left of %d", len(want), len(got), len(cayleys))
	}
	end(ctx)
}

// kg import into PostgreSQL goes through kg's bulk writer with every
// secondary index dropped; Cayley's reader sees exactly the quads written,
// the reference counts are right, and importing again adds nothing.
func TestPostgresBulkImport(t *testing.T) {
	xs := corpusExtractions(t, "business", 40)
	emb := openTemp(t)
	writeAll(t, emb, xs, 40)
	want := allQuads(t, emb)
	var qs []quad.Quad
	it := emb.QS.QuadsAllIterator().Iterate()
	for it.Next(context.Background()) {
		q, err := emb.QS.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
	it.Close()

	fresh := pgtest.Fresh(t)
	pg := openPG(t, fresh)
	cayleys := quadIndexDefs(t, fresh)
	ctx := context.Background()
	end, err := pg.BeginBulk(ctx, int64(len(qs)), false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := quadIndexDefs(t, fresh); len(got) != 1 {
		t.Errorf("during a bulk import into an empty graph: %d indexes, want the primary key alone", len(got))
	}
	n, err := pg.AddQuads(ctx, quad.NewReader(qs))
	if err != nil || n != len(qs) {
		t.Fatalf("AddQuads: %d of %d, %v", n, len(qs), err)
	}
	if err := end(ctx); err != nil {
		t.Fatal(err)
	}
	sameIndexes(t, "after the import", fresh, cayleys)
	sameQuads(t, "imported", want, allQuads(t, pg))
	checkCounts(t, fresh)
	// again, in smaller pieces and with the indexes: nothing is added twice
	if _, err := pg.AddQuads(ctx, quad.NewReader(append(qs[len(qs)/2:], qs[:10]...))); err != nil {
		t.Fatal(err)
	}
	sameQuads(t, "imported twice", want, allQuads(t, pg))
	checkCounts(t, fresh)
}

// A bulk load that dies leaves indexes dropped; the next kg that opens the
// graph for writing builds them again, and says so.
func TestPostgresIndexesRebuiltAfterACrash(t *testing.T) {
	fresh := pgtest.Fresh(t)
	pg := openPG(t, fresh)
	cayleys := quadIndexDefs(t, fresh)
	if _, err := pg.BeginBulk(context.Background(), 1000, false, nil); err != nil { // and never ended
		t.Fatal(err)
	}
	qs := numbered(500)
	if _, err := pg.AddQuads(context.Background(), quad.NewReader(qs)); err != nil {
		t.Fatal(err)
	}
	pg.Close()
	if got := quadIndexDefs(t, fresh); len(got) == len(cayleys) {
		t.Fatal("the bulk load dropped no index")
	}
	ro, err := Open(fresh, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
	if got := quadIndexDefs(t, fresh); len(got) == len(cayleys) {
		t.Error("a read-only open built indexes")
	}
	u, _ := url.Parse(fresh)
	password, _ := u.User.Password()
	var logged []string
	st, err := Open(fresh, Options{Log: func(f string, a ...any) { logged = append(logged, fmt.Sprintf(f, a...)) }})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	sameIndexes(t, "after reopening", fresh, cayleys)
	checkCounts(t, fresh)
	// an import into an empty graph drops Cayley's unique indexes too
	if len(logged) != 1 || !strings.Contains(logged[0], "built 6 of Cayley's indexes again") || strings.Contains(logged[0], password) {
		t.Errorf("logged %q, want one line saying the 6 indexes were built again, without the password", logged)
	}
}
