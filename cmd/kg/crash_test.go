package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/kg/eval"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// kgBinary builds kg once for the tests that run it as a process.
func kgBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kg-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "kg")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = err
			t.Logf("%s", out)
		}
	})
	if binErr != nil {
		t.Fatalf("build kg: %v", binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// corpusCopy copies the BBC articles of the given folders into dir/bbc/
// (read from ../shared, never kept in the repository), or skips.
func corpusCopy(t *testing.T, dir string, folders ...string) string {
	t.Helper()
	shared, err := eval.SharedDir()
	if err != nil {
		t.Skipf("no shared corpus: %v", err)
	}
	root := filepath.Join(dir, "bbc")
	for _, f := range folders {
		src := filepath.Join(shared, "corpus", "bbc", f)
		ents, err := os.ReadDir(src)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(root, f), 0o755)
		for _, e := range ents {
			b, err := os.ReadFile(filepath.Join(src, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(root, f, e.Name()), b, 0o644)
		}
	}
	return root
}

// storeQuads returns a store's quads as sorted N-Quads lines, read by
// `kg export` in a process of its own (quicker than reading them here
// under -race); opening the store must work.
func storeQuads(t *testing.T, spec string) []string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "export.nq")
	cmd := exec.Command(kgBinary(t), "export", "--db", spec, "--format", "nquads", "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("kg export --db %s: %v\n%s", spec, err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) == 1 && lines[0] == "" {
		lines = nil
	}
	sort.Strings(lines)
	return lines
}

// articlesIn counts the articles in a store's quads.
func articlesIn(quads []string) int {
	n := 0
	for _, q := range quads {
		if strings.Contains(q, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsArticle>") {
			n++
		}
	}
	return n
}

func sameGraph(t *testing.T, what string, a, b []string) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%s: %d quads vs %d", what, len(a), len(b))
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			t.Errorf("%s: first difference:\n %s\n %s", what, a[i], b[i])
			return
		}
	}
}

// kill -9 in the middle of a bulk ingest leaves a store that opens and
// holds whole articles only (exactly the graph of the batches committed
// before the kill); running the same command again completes to exactly
// the graph one uninterrupted ingest gives. Durability stays as shipped.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds kg and ingests hundreds of articles several times")
	}
	bin := kgBinary(t)
	// every embedded kind but bolt, which dies at start-up under -race
	// (this test opens the stores in-process)
	for _, kind := range []string{"bbolt", "leveldb", "pebble"} {
		t.Run(kind, func(t *testing.T) { killDuringIngest(t, bin, kind) })
	}
}

func killDuringIngest(t *testing.T, bin, kind string) {
	tmp := t.TempDir()
	corpus := corpusCopy(t, tmp, "politics")
	for _, f := range walkFiles(t, corpus)[200:] { // 200 articles: 20 batches
		os.Remove(f)
	}
	const batch = "10"
	ingest := func(db string) *exec.Cmd {
		cmd := exec.Command(bin, "ingest", "-q", "--batch", batch, "--db", kind+":"+db, corpus)
		cmd.Stdout, cmd.Stderr = new(bytes.Buffer), new(bytes.Buffer)
		return cmd
	}
	run := func(db string) time.Duration {
		t.Helper()
		cmd := ingest(db)
		start := time.Now()
		if err := cmd.Run(); err != nil {
			t.Fatalf("kg ingest: %v\n%s", err, cmd.Stderr)
		}
		return time.Since(start)
	}
	clean := filepath.Join(tmp, "clean.db")
	took := run(clean)
	want := storeQuads(t, kind+":"+clean)
	total := articlesIn(want)

	// kill it part way: at a fraction of a clean run's time, later and
	// later until the kill lands after a commit and before the end
	crashed := filepath.Join(tmp, "crashed.db")
	var killedAt int
	for _, frac := range []float64{0.5, 0.3, 0.7, 0.85, 0.2} {
		os.RemoveAll(crashed)
		os.Remove(crashed + ".lock")
		cmd := ingest(crashed)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(frac * float64(took)))
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if err == nil { // it finished first
			continue
		}
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("kg ingest failed on its own: %v\n%s", err, cmd.Stderr)
		}
		if killedAt = articlesIn(storeQuads(t, kind+":"+crashed)); killedAt > 0 && killedAt < total {
			break
		}
		killedAt = 0
	}
	if killedAt == 0 {
		t.Skip("could not kill the ingest between its first and last commit (machine too fast or too slow)")
	}
	t.Logf("%s: killed with %d of %d articles stored", kind, killedAt, total)

	// what survived is the graph of the first killedAt articles, whole: an
	// uninterrupted ingest of just those files gives it quad for quad
	got := storeQuads(t, kind+":"+crashed)
	held := filepath.Join(tmp, "held")
	files := walkFiles(t, corpus)
	for _, f := range files[killedAt:] {
		dst := filepath.Join(held, strings.TrimPrefix(f, corpus))
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.Rename(f, dst); err != nil {
			t.Fatal(err)
		}
	}
	prefix := filepath.Join(tmp, "prefix.db")
	run(prefix)
	for _, f := range files[killedAt:] {
		if err := os.Rename(filepath.Join(held, strings.TrimPrefix(f, corpus)), f); err != nil {
			t.Fatal(err)
		}
	}
	sameGraph(t, "the killed store vs a clean ingest of the articles it holds", got, storeQuads(t, kind+":"+prefix))

	// the same command again finishes the job
	cmd := ingest(crashed)
	if err := cmd.Run(); err != nil {
		t.Fatalf("re-run after the kill: %v\n%s", err, cmd.Stderr)
	}
	if out := cmd.Stdout.(*bytes.Buffer).String(); !strings.Contains(out, "("+strconv.Itoa(killedAt)+" unchanged)") {
		t.Errorf("the re-run should skip the %d articles already stored:\n%s", killedAt, out)
	}
	sameGraph(t, "re-run after kill -9 vs one clean ingest", storeQuads(t, kind+":"+crashed), want)
}

// walkFiles lists the .txt files under root in the order kg ingest walks.
func walkFiles(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.EqualFold(filepath.Ext(p), ".txt") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}
