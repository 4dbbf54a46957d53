package queries

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/newsgraph/kg/eval"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/ingest"
	"github.com/newsgraph/kg/internal/pgtest"
)

// A graph of at least a million quads: the BBC corpus ingested three times
// under three folder names (three times the articles, the same people).
// It takes minutes to build, so it is kept between runs: in
// $KG_BENCH_CACHE (default: the system's temporary folder) for embedded
// stores, in the database kgbench_1m for PostgreSQL.
const millionCopies = 4

func millionStore(b *testing.B, kind string) *graph.Store {
	b.Helper()
	shared, err := eval.SharedDir()
	if err != nil {
		b.Skipf("no shared corpus: %v", err)
	}
	var spec string
	if kind == "postgres" {
		u, err := url.Parse(pgtest.DSN(b))
		if err != nil {
			b.Fatal(err)
		}
		admin, err := sql.Open("postgres", u.String())
		if err != nil {
			b.Fatal(err)
		}
		admin.Exec(`CREATE DATABASE kgbench_1m`) // fails harmlessly when it exists
		admin.Close()
		u.Path = "/kgbench_1m"
		spec = u.String()
	} else {
		cache := os.Getenv("KG_BENCH_CACHE")
		if cache == "" {
			cache = os.TempDir()
		}
		spec = kind + ":" + filepath.Join(cache, "kg-bench-1m."+kind)
	}
	st, err := graph.Open(spec, graph.Options{})
	if err != nil {
		b.Fatal(err)
	}
	count := func() int64 {
		n, err := st.QuadCount(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		return n
	}
	n := count()
	if n < 1_000_000 {
		// folders of links to the corpus files: bbc1/, bbc2/, ...
		links := b.TempDir()
		var args []string
		for i := 1; i <= millionCopies; i++ {
			root := filepath.Join(links, "bbc"+string(rune('0'+i)))
			src := filepath.Join(shared, "corpus", "bbc")
			filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
				if err != nil || info.IsDir() || filepath.Ext(p) != ".txt" {
					return nil
				}
				rel, _ := filepath.Rel(src, p)
				os.MkdirAll(filepath.Join(root, filepath.Dir(rel)), 0o755)
				return os.Symlink(p, filepath.Join(root, rel))
			})
			args = append(args, root)
		}
		b.Logf("building a %d-copy BBC graph in %s (minutes; kept for the next run)", millionCopies, graph.Redact(spec))
		if _, err := ingest.Run(context.Background(), st, args, ingest.Options{}); err != nil {
			b.Fatal(err)
		}
		n = count()
	}
	if n < 1_000_000 {
		b.Fatalf("only %d quads", n)
	}
	b.Logf("%s: %d quads", kind, n)
	return st
}

// BenchmarkWhoMetMillion times `who-met NAME` on a graph of a million
// quads and reports the median (target: under 10 ms).
func BenchmarkWhoMetMillion(b *testing.B) {
	for _, kind := range []string{graph.DefaultKind, "postgres"} {
		b.Run(kind, func(b *testing.B) {
			st := millionStore(b, kind)
			defer st.Close()
			for _, who := range []string{"Clara Furse", "Gordon Brown", "Tony Blair"} {
				b.Run(who, func(b *testing.B) {
					rows, err := WhoMet(context.Background(), st, who)
					if err != nil || len(rows) == 0 {
						b.Fatalf("who-met %s: %d rows, %v", who, len(rows), err)
					}
					var ds []time.Duration
					b.ResetTimer()
					for b.Loop() {
						start := time.Now()
						if _, err := WhoMet(context.Background(), st, who); err != nil {
							b.Fatal(err)
						}
						ds = append(ds, time.Since(start))
					}
					sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
					b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, "median-ms")
				})
			}
		})
	}
}
