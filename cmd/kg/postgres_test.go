package main

import (
	"bytes"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/kg/internal/pgtest"
)

func sortedLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l := strings.Split(strings.TrimSpace(string(b)), "\n")
	sort.Strings(l)
	return l
}

// The commands work the same on PostgreSQL: ingest, query, export,
// re-ingest; and the exported graph is the embedded store's, line for line.
func TestPostgresEndToEnd(t *testing.T) {
	dsn := pgtest.Fresh(t)
	tmp := t.TempDir()
	corpus := corpusCopy(t, tmp, "politics")
	// 80 articles are enough, and keep the test short
	files := walkFiles(t, corpus)
	for _, f := range files[80:] {
		os.Remove(f)
	}
	emb := filepath.Join(tmp, "kg.db")
	for _, db := range []string{dsn, emb} {
		out, errs, err := run(t, "ingest", "-q", "--batch", "30", "--db", db, corpus)
		if err != nil {
			t.Fatalf("ingest into %s: %v\n%s", db, err, errs)
		}
		if !strings.Contains(out, "80 articles stored (0 unchanged)") {
			t.Errorf("summary: %s", out)
		}
	}
	out, _, err := run(t, "query", "--db", dsn, `g.emit(g.V().Has("<rdf:type>", "<schema:NewsArticle>").Count())`)
	if err != nil || strings.TrimSpace(out) != "80" {
		t.Errorf("count articles on PostgreSQL: %v %q", err, out)
	}
	pgNQ, embNQ := filepath.Join(tmp, "pg.nq"), filepath.Join(tmp, "emb.nq")
	for db, nq := range map[string]string{dsn: pgNQ, emb: embNQ} {
		if _, errs, err := run(t, "export", "--db", db, "--format", "nquads", "-o", nq); err != nil {
			t.Fatalf("export: %v\n%s", err, errs)
		}
	}
	want := sortedLines(t, embNQ)
	if len(want) < 5000 {
		t.Fatalf("only %d quads", len(want))
	}
	sameGraph(t, "PostgreSQL export vs embedded export", sortedLines(t, pgNQ), want)

	// re-ingest: nothing changes; a changed article is replaced
	out, _, err = run(t, "ingest", "-q", "--db", dsn, corpus)
	if err != nil || !strings.Contains(out, "0 articles stored (80 unchanged)") {
		t.Errorf("re-ingest: %v\n%s", err, out)
	}
	f := files[10]
	b, _ := os.ReadFile(f)
	os.WriteFile(f, append(b, []byte("\n\nQuentin Zappaterra met Yolanda Birtwhistle in Lisbon.\n")...), 0o644)
	for _, db := range []string{dsn, emb} {
		out, _, err = run(t, "ingest", "-q", "--db", db, corpus)
		if err != nil || !strings.Contains(out, "1 articles stored (79 unchanged)") {
			t.Errorf("ingest of a changed article into %s: %v\n%s", db, err, out)
		}
		if _, _, err := run(t, "export", "--db", db, "--format", "nquads", "-o", map[bool]string{true: pgNQ, false: embNQ}[db == dsn]); err != nil {
			t.Fatal(err)
		}
	}
	after := sortedLines(t, pgNQ)
	sameGraph(t, "after the change: PostgreSQL vs embedded", after, sortedLines(t, embNQ))
	if !strings.Contains(strings.Join(after, "\n"), "Quentin Zappaterra") {
		t.Error("the changed article's new sentence is not in the graph")
	}
}

// A wrong password never reaches stderr or the error, whatever Cayley logs.
func TestPostgresWrongPasswordNotShown(t *testing.T) {
	u, err := url.Parse(pgtest.DSN(t))
	if err != nil || u.User == nil {
		t.Fatalf("$%s: want postgres://USER:PASSWORD@HOST/DB: %v", pgtest.Env, err)
	}
	const secret = "NotTheRightPassw0rd"
	u.User = url.UserPassword(u.User.Username(), secret)
	bin := kgBinary(t)
	for _, args := range [][]string{
		{"ingest", "--db", u.String(), seed},
		{"query", "--db", u.String(), "g.V().All()"},
		{"who-met", "--db", strings.Replace(u.String(), "postgres://", "postgresql://", 1), "Putin"},
	} {
		cmd := exec.Command(bin, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		if err == nil {
			t.Errorf("kg %s succeeded with a wrong password", args[0])
		}
		all := stdout.String() + stderr.String()
		if strings.Contains(all, secret) {
			t.Errorf("kg %s shows the password:\n%s", args[0], all)
		}
		if !strings.Contains(stderr.String(), "password authentication failed") {
			t.Errorf("kg %s does not say the login failed:\n%s", args[0], stderr.String())
		}
	}
}
