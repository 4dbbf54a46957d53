// Command kgbench measures bulk ingest (make bench): the whole BBC corpus
// into each backend through `kg ingest`, and the same quads through
// Cayley's plain batch writer into the same backend, and prints a table:
// wall time, articles/s, quads/s, peak RSS, store size, the ratio of the
// two loads, and the median time of who-met on the result.
//
//	kgbench [-kg ./kg] [-corpus DIR] [-backends bbolt,bolt,leveldb,pebble,postgres] [-dir TMP]
//
// postgres needs -postgres DSN (default $KG_TEST_POSTGRES): a role that may
// create databases; kgbench creates and drops kgbench_* databases there.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "github.com/lib/pq"

	"github.com/newsgraph/kg/eval"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/ingest"
	"github.com/newsgraph/kg/queries"
)

func main() {
	if len(os.Args) == 4 && os.Args[1] == "plain" {
		if err := plainLoad(os.Args[2], os.Args[3]); err != nil {
			fmt.Fprintln(os.Stderr, "kgbench:", graph.Redact(err.Error()))
			os.Exit(1)
		}
		return
	}
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "kgbench:", graph.Redact(err.Error()))
		os.Exit(1)
	}
}

type measure struct {
	wall  time.Duration
	rssKB int64
	out   string
}

// timed runs a command and reports its wall time and peak RSS.
func timed(name string, args ...string) (measure, error) {
	cmd := exec.Command(name, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	m := measure{wall: time.Since(start), out: out.String()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.rssKB = ru.Maxrss
	}
	if err != nil {
		return m, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, lastLines(errb.String(), 5))
	}
	return m, nil
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	if len(l) > n {
		l = l[len(l)-n:]
	}
	return strings.Join(l, "\n")
}

type row struct {
	backend        string
	ingest, plain  measure
	imported       measure // kg import of the same quads
	articles       int
	quads          int64
	plainSeconds   float64
	size, sizePlan int64
	whoMet         time.Duration
}

func run() error {
	kgBin := flag.String("kg", "./kg", "the kg binary to measure")
	corpus := flag.String("corpus", "", "articles to ingest (default: the shared BBC corpus)")
	backends := flag.String("backends", "bbolt,bolt,leveldb,pebble,postgres", "backends to measure")
	dir := flag.String("dir", "", "where to put the stores (default: a temporary folder, removed after)")
	pgDSN := flag.String("postgres", os.Getenv("KG_TEST_POSTGRES"), "PostgreSQL DSN of a role that may create databases")
	person := flag.String("who", "Gordon Brown", "the person who-met is timed for")
	flag.Parse()
	if *corpus == "" {
		shared, err := eval.SharedDir()
		if err != nil {
			return err
		}
		*corpus = filepath.Join(shared, "corpus", "bbc")
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "kgbench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		*dir = d
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	loadBefore, _ := os.ReadFile("/proc/loadavg")
	var rows []row
	var nq string
	for _, b := range strings.Split(*backends, ",") {
		r := row{backend: b}
		var ingestSpec, plainSpec, importSpec string
		var size func(spec string) (int64, error)
		if b == "postgres" {
			if *pgDSN == "" {
				fmt.Fprintln(os.Stderr, "kgbench: skipping postgres: no -postgres DSN and no $KG_TEST_POSTGRES")
				continue
			}
			ingestSpec, err = freshDB(*pgDSN, "kgbench_ingest")
			if err != nil {
				return err
			}
			plainSpec, err = freshDB(*pgDSN, "kgbench_plain")
			if err != nil {
				return err
			}
			importSpec, err = freshDB(*pgDSN, "kgbench_import")
			if err != nil {
				return err
			}
			size = pgSize
		} else {
			ingestSpec = b + ":" + filepath.Join(*dir, "ingest."+b)
			plainSpec = b + ":" + filepath.Join(*dir, "plain."+b)
			importSpec = b + ":" + filepath.Join(*dir, "import."+b)
			size = diskSize
		}
		fmt.Fprintf(os.Stderr, "kgbench: %s: kg ingest...\n", b)
		r.ingest, err = timed(*kgBin, "ingest", "-q", "--db", ingestSpec, *corpus)
		if err != nil {
			return err
		}
		if m := regexp.MustCompile(`(\d+) articles stored \((\d+) unchanged\)`).FindStringSubmatch(r.ingest.out); m != nil {
			r.articles, _ = strconv.Atoi(m[1])
		}
		st, err := graph.Open(ingestSpec, graph.Options{ReadOnly: true})
		if err != nil {
			return err
		}
		stats, err := st.Stats(context.Background())
		if err == nil {
			r.quads = stats.Quads.Value
			r.whoMet, err = medianWhoMet(st, *person)
		}
		st.Close()
		if err != nil {
			return err
		}
		if r.size, err = size(ingestSpec); err != nil {
			return err
		}
		if nq == "" {
			nq = filepath.Join(*dir, "corpus.nq")
			if _, err := timed(*kgBin, "export", "--db", ingestSpec, "--format", "nquads", "-o", nq); err != nil {
				return err
			}
		}
		fmt.Fprintf(os.Stderr, "kgbench: %s: Cayley's batch writer...\n", b)
		r.plain, err = timed(self, "plain", plainSpec, nq)
		if err != nil {
			return err
		}
		var n int64
		if _, err := fmt.Sscanf(r.plain.out, "%d %f", &n, &r.plainSeconds); err != nil || n != r.quads {
			return fmt.Errorf("plain load wrote %d quads (%v), kg ingest %d", n, err, r.quads)
		}
		if r.sizePlan, err = size(plainSpec); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "kgbench: %s: kg import...\n", b)
		r.imported, err = timed(*kgBin, "import", "--db", importSpec, nq)
		if err != nil {
			return err
		}
		if !strings.Contains(r.imported.out, fmt.Sprintf(" %d added,", r.quads)) {
			return fmt.Errorf("kg import did not add the %d quads: %s", r.quads, lastLines(r.imported.out, 2))
		}
		rows = append(rows, r)
		if b == "postgres" {
			dropDB(*pgDSN, "kgbench_ingest")
			dropDB(*pgDSN, "kgbench_plain")
			dropDB(*pgDSN, "kgbench_import")
		}
	}
	printTable(rows, *person, string(loadBefore))
	return nil
}

func medianWhoMet(st *graph.Store, name string) (time.Duration, error) {
	var ds []time.Duration
	for i := 0; i < 21; i++ {
		start := time.Now()
		if _, err := queries.WhoMet(context.Background(), st, name); err != nil {
			return 0, err
		}
		ds = append(ds, time.Since(start))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2], nil
}

func diskSize(spec string) (int64, error) {
	path := spec[strings.Index(spec, ":")+1:]
	var n int64
	err := filepath.Walk(path, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			if st, ok := info.Sys().(*syscall.Stat_t); ok {
				n += st.Blocks * 512 // allocated, not apparent (bbolt files are sparse at first)
			} else {
				n += info.Size()
			}
		}
		return err
	})
	return n, err
}

func pgSize(dsn string) (int64, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int64
	err = db.QueryRow(`SELECT pg_database_size(current_database())`).Scan(&n)
	return n, err
}

func withDB(dsn, name string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}

func freshDB(dsn, name string) (string, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return "", err
	}
	defer db.Close()
	if _, err := db.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
		return "", err
	}
	if _, err := db.Exec(`CREATE DATABASE ` + name); err != nil {
		return "", err
	}
	return withDB(dsn, name)
}

func dropDB(dsn, name string) {
	if db, err := sql.Open("postgres", dsn); err == nil {
		db.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		db.Close()
	}
}

func mb(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/(1<<20)) }

func printTable(rows []row, person, loadBefore string) {
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("%d cores (GOMAXPROCS %d); load average (1, 5, 15 min) before: %s, after: %s\n\n",
		runtime.NumCPU(), runtime.GOMAXPROCS(0), strings.Join(strings.Fields(loadBefore)[:3], " "), strings.Join(strings.Fields(string(load))[:3], " "))
	fmt.Println("| backend | kg ingest: wall | articles/s | quads/s | peak RSS | store size | Cayley batch writer: write time | quads/s | peak RSS | store size | ingest / plain | kg import: wall | quads/s | who-met " + person + " (median) |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		fmt.Printf("| %s | %.1f s | %.0f | %.0f | %s | %s | %.1f s | %.0f | %s | %s | %.2f | %.1f s | %.0f | %.1f ms |\n",
			r.backend, r.ingest.wall.Seconds(), float64(r.articles)/r.ingest.wall.Seconds(),
			float64(r.quads)/r.ingest.wall.Seconds(), mb(r.ingest.rssKB*1024), mb(r.size),
			r.plainSeconds, float64(r.quads)/r.plainSeconds, mb(r.plain.rssKB*1024), mb(r.sizePlan),
			r.ingest.wall.Seconds()/r.plainSeconds, r.imported.wall.Seconds(), float64(r.quads)/r.imported.wall.Seconds(),
			float64(r.whoMet.Microseconds())/1000)
	}
	fmt.Printf("\n%d quads. kg ingest is end to end (walk, read, extract, write, commit every %d articles, durability on);\n", firstQuads(rows), ingest.DefaultBatch)
	fmt.Println("Cayley's batch writer (qs.NewQuadWriter, commits every 200,000 quads) is timed for the writing only, reading the N-Quads not counted.")
	fmt.Println("kg import loads the same N-Quads file, end to end (parse and write; on PostgreSQL kg's COPY writer, on the embedded stores Cayley's writer).")
}

func firstQuads(rows []row) int64 {
	if len(rows) == 0 {
		return 0
	}
	return rows[0].quads
}
