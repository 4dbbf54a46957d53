package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// run executes kg in-process with args and returns stdout, stderr and the error.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	root := newRoot()
	var out, errb bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), errb.String(), err
}

// needTool returns a tool's path, or skips; with KG_REQUIRE_TOOLS=1 (as in
// .ci/run) a missing tool fails the test instead.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("KG_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s is not installed (.ci/run installs it)", name)
		}
		t.Skipf("%s is not installed; .ci/run installs it", name)
	}
	return p
}

const seed = "../../testdata/seed-witkoff-putin.txt"

func TestEndToEndSeed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, errs, err := run(t, "ingest", "--db", db, seed); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errs)
	}
	out, _, err := run(t, "query", "--db", db, `g.V().Has("<rdfs:label>", "Vladimir Putin").Both("<kg:met>").Out("<rdfs:label>").All()`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`{"id":"Steve Witkoff"}`, `{"id":"Jared Kushner"}`} {
		if !strings.Contains(out, want) {
			t.Errorf("query output lacks %s:\n%s", want, out)
		}
	}
	nq := filepath.Join(t.TempDir(), "graph.nq")
	if _, _, err := run(t, "export", "--db", db, "--format", "nquads", "-o", nq); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(nq)
	lines := strings.Count(string(first), "\n")
	if lines < 100 {
		t.Fatalf("export has only %d lines", lines)
	}
	rapper := needTool(t, "rapper")
	cmd := exec.Command(rapper, "-i", "nquads", "-c", nq)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("rapper rejects the export: %v\n%s", err, msg)
	}
	if !strings.Contains(string(msg), "returned "+strconv.Itoa(lines)+" ") {
		t.Errorf("rapper counted otherwise than the %d lines: %s", lines, msg)
	}
	// a second ingest changes nothing
	out, _, err = run(t, "ingest", "--db", db, seed)
	if err != nil || !strings.Contains(out, "(1 unchanged)") {
		t.Errorf("second ingest: %v %s", err, out)
	}
	if _, _, err := run(t, "export", "--db", db, "--format", "nquads", "-o", nq); err != nil {
		t.Fatal(err)
	}
	if second, _ := os.ReadFile(nq); !bytes.Equal(first, second) {
		t.Error("the graph changed after ingesting the same article again")
	}
	out, _, err = run(t, "why", "--db", db, "Witkoff", "met", "Putin")
	if err != nil || !strings.Contains(out, "Steve Witkoff met Vladimir Putin") || !strings.Contains(out, "sentence 1: “President Donald Trump’s special envoy") {
		t.Errorf("why Witkoff met Putin: %v\n%s", err, out)
	}
	out, _, err = run(t, "why", "--db", db, "Putin", "met", "Trump")
	if err != nil || !strings.Contains(out, "does not say") {
		t.Errorf("why Putin met Trump (a forbidden fact): %v\n%s", err, out)
	}
	out, _, err = run(t, "who-met", "--db", db, "Putin")
	if err != nil || !strings.Contains(out, "Steve Witkoff") || !strings.Contains(out, "2025-12-02") {
		t.Errorf("who-met Putin: %v\n%s", err, out)
	}
}

func TestBadFilesAreNamedAndOthersStillLand(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile(seed)
	os.WriteFile(filepath.Join(dir, "good.txt"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "binary.txt"), []byte("PK\x03\x04\x00\x00\x00garbage"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("not an article"), 0o644)
	os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "dangling.txt"))
	locked := filepath.Join(dir, "locked.txt")
	os.WriteFile(locked, good, 0o000)
	db := filepath.Join(t.TempDir(), "kg.db")
	out, errs, err := run(t, "ingest", "--db", db, dir)
	if ee, ok := err.(exitError); !ok || ee.code != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	for _, name := range []string{"binary.txt", "empty.txt", "dangling.txt"} {
		if !strings.Contains(errs, name) {
			t.Errorf("no error line names %s:\n%s", name, errs)
		}
	}
	if os.Getuid() != 0 && !strings.Contains(errs, "locked.txt") {
		t.Errorf("no error line names the unreadable file:\n%s", errs)
	}
	for _, line := range strings.Split(strings.TrimSpace(errs), "\n") {
		if !strings.HasPrefix(line, "kg: ") || strings.Count(line, "\n") > 0 {
			t.Errorf("error is not one line naming the file: %q", line)
		}
	}
	if !strings.Contains(out, "1 non-.txt files skipped") {
		t.Errorf("summary: %s", out)
	}
	res, _, err := run(t, "query", "--db", db, `g.V().Has("<rdfs:label>", "Steve Witkoff").All()`)
	if err != nil || !strings.Contains(res, "steve-witkoff") {
		t.Errorf("the good article did not land: %v %s", err, res)
	}
}

func TestHelpTeachesEveryCommand(t *testing.T) {
	root := newRoot()
	for _, c := range root.Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if c.Short == "" || c.Long == "" || c.Example == "" {
			t.Errorf("kg %s: help lacks a summary, a description or an example", c.Name())
		}
	}
}

// The same person is one node across articles ("Putin" in one article,
// "Russian President Vladimir Putin" in another), and people who share a
// name part are not ("Mahmoud Abbas", "Abbas Gallyamov", "Feroz Abbasi").
func TestIdentityAcrossArticles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, errs, err := run(t, "ingest", "--db", db, "../../testdata/"); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errs)
	}
	count := func(label string) int {
		out, _, err := run(t, "query", "--db", db, `g.V().Has("<rdfs:label>", "`+label+`").Unique().All()`)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Count(out, "\n")
	}
	for _, name := range []string{"Vladimir Putin", "Mahmoud Abbas", "Abbas Gallyamov", "Feroz Abbasi", "Dmitry Peskov"} {
		if n := count(name); n != 1 {
			t.Errorf("%s: %d nodes, want 1", name, n)
		}
	}
	for _, short := range []string{"Putin", "Abbas", "Peskov", "Gallyamov"} {
		if n := count(short); n != 0 {
			t.Errorf("a node labelled %q exists beside the full name", short)
		}
	}
	// "a former speechwriter for Putin" in one article is about the Putin of the others
	out, _, err := run(t, "why", "--db", db, "Gallyamov", "works_for", "Putin")
	if err != nil || !strings.Contains(out, "kremlin-analysts.txt") || !strings.Contains(out, "seed-witkoff-putin.txt") {
		t.Errorf("why Gallyamov works_for Putin should cite both articles:\n%s", out)
	}
}

// A runaway Gizmo script is stopped at --timeout with a clear error and a
// non-zero exit, and the store is left usable.
func TestRunawayQueryStopsAtTimeout(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, _, err := run(t, "ingest", "-q", "--db", db, seed); err != nil {
		t.Fatal(err)
	}
	_, errs, err := run(t, "query", "--db", db, "--timeout", "300ms", "while (true) {}")
	if err == nil || !strings.Contains(errs+err.Error(), "timed out after 300ms") {
		t.Fatalf("runaway query: err %v, stderr %q; want a timeout error", err, errs)
	}
	out, _, err := run(t, "query", "--db", db, `g.V().Has("<rdfs:label>", "Vladimir Putin").All()`)
	if err != nil || !strings.Contains(out, "vladimir-putin") {
		t.Fatalf("the store after a stopped query: %v %q", err, out)
	}
}

// A file larger than --max-size is refused with a message that names the
// file and the flag; raising the flag reads it.
func TestMaxSizeFlag(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "dump.txt")
	os.WriteFile(big, bytes.Repeat([]byte("word "), 3000), 0o644) // 15,000 bytes
	db := filepath.Join(t.TempDir(), "kg.db")
	_, errs, err := run(t, "ingest", "-q", "--max-size", "10000", "--db", db, big)
	if err == nil || !strings.Contains(errs, "dump.txt") || !strings.Contains(errs, "--max-size") {
		t.Fatalf("a file over --max-size: err %v, stderr %q", err, errs)
	}
	if _, errs, err := run(t, "ingest", "-q", "--max-size", "20000", "--db", db, big); err != nil {
		t.Fatalf("with a higher --max-size: %v %s", err, errs)
	}
	if _, errs, err := run(t, "extract", "--max-size", "10000", big); err == nil || !strings.Contains(errs, "--max-size") {
		t.Fatalf("extract over --max-size: err %v, stderr %q", err, errs)
	}
}
