package queries

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/internal/pgtest"
	"github.com/newsgraph/kg/loader"
)

// seedStore is a store holding the seed article as the loader reads it.
func seedStore(t *testing.T) *graph.Store {
	t.Helper()
	st, err := graph.Open(filepath.Join(t.TempDir(), "kg.db"), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	a, err := loader.ReadFile("../testdata/seed-witkoff-putin.txt", "", loader.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	x, err := loader.New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Write(context.Background(), []*kg.Extraction{x.Extract(a)}); err != nil {
		t.Fatal(err)
	}
	return st
}

func values(res []any, key string) map[string]bool {
	out := map[string]bool{}
	for _, r := range res {
		if m, ok := r.(map[string]any); ok {
			out[fmt.Sprint(m[key])] = true
		}
	}
	return out
}

func TestReadmeQuery(t *testing.T) {
	st := seedStore(t)
	res, err := Run(context.Background(), st.QS, `g.V().Has("<rdfs:label>", "Vladimir Putin").Both("<kg:met>").Out("<rdfs:label>").All()`, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := values(res, "id")
	for _, want := range []string{"Steve Witkoff", "Jared Kushner"} {
		if !got[want] {
			t.Errorf("Putin met: %v; want %s among them", got, want)
		}
	}
}

func TestPrefixesAsIRIFunction(t *testing.T) {
	st := seedStore(t)
	res, err := Run(context.Background(), st.QS, `g.V().Has(g.IRI("rdfs:label"), "Vladimir Putin").Out(g.IRI("kg:head_of")).Out(g.IRI("rdfs:label")).All()`, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !values(res, "id")["Russia"] {
		t.Errorf("Putin head_of: %v; want Russia", res)
	}
}

func TestWhoMet(t *testing.T) {
	st := seedStore(t)
	for _, name := range []string{"Putin", "President Vladimir Putin", "vladimir putin"} {
		res, err := RunNamed(context.Background(), st.QS, "who-met", []string{name}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		met := values(res, "met")
		if !met["Steve Witkoff"] || !met["Jared Kushner"] {
			t.Errorf("who-met %q: %v", name, res)
		}
		dates := values(res, "date")
		if !dates["2025-12-02"] {
			t.Errorf("who-met %q: no meeting dated 2025-12-02: %v", name, dates)
		}
		if !values(res, "article")["seed-witkoff-putin.txt"] {
			t.Errorf("who-met %q: article missing: %v", name, res)
		}
		seen := map[string]bool{}
		for _, r := range res {
			k := fmt.Sprint(r)
			if seen[k] {
				t.Errorf("who-met %q repeats a row: %s", name, k)
			}
			seen[k] = true
		}
	}
}

func TestProfilePathMeetingsBetween(t *testing.T) {
	st := seedStore(t)
	ctx := context.Background()
	res, err := RunNamed(ctx, st.QS, "profile", []string{"Peskov"}, Options{})
	if err != nil || len(res) != 1 {
		t.Fatalf("profile Peskov: %v %v", res, err)
	}
	p := res[0].(map[string]any)
	if p["name"] != "Dmitry Peskov" || len(p["quotes"].([]any)) == 0 {
		t.Errorf("profile Peskov: %v", p)
	}
	res, err = RunNamed(ctx, st.QS, "path", []string{"Jared Kushner", "Abbas Gallyamov"}, Options{})
	if err != nil || len(res) != 1 {
		t.Fatalf("path: %v %v", res, err)
	}
	if n := res[0].(map[string]any)["length"]; fmt.Sprint(n) == "0" {
		t.Errorf("path: %v", res)
	}
	res, err = RunNamed(ctx, st.QS, "meetings-between", []string{"2025-12", "2025-12"}, Options{})
	if err != nil || len(res) == 0 {
		t.Fatalf("meetings-between: %v %v", res, err)
	}
	for _, r := range res {
		if d := fmt.Sprint(r.(map[string]any)["date"]); d[:7] != "2025-12" {
			t.Errorf("meetings-between 2025-12 2025-12 gave a meeting on %s", d)
		}
	}
}

func TestRunawayScriptStops(t *testing.T) {
	st := seedStore(t)
	start := time.Now()
	_, err := Run(context.Background(), st.QS, `while (true) {}`, Options{Timeout: 300 * time.Millisecond})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("runaway script: %v, want ErrTimeout", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("took %s to stop", time.Since(start))
	}
}

func TestLimit(t *testing.T) {
	st := seedStore(t)
	res, err := Run(context.Background(), st.QS, `g.V().All()`, Options{Limit: 3})
	if err != nil || len(res) != 3 {
		t.Errorf("limit 3: %d results, %v", len(res), err)
	}
}

func TestSyntaxError(t *testing.T) {
	st := seedStore(t)
	if _, err := Run(context.Background(), st.QS, `g.V(.All()`, Options{}); err == nil {
		t.Error("a syntax error passed")
	}
}

func TestNamedQueriesDocumented(t *testing.T) {
	want := map[string]int{"who-met": 1, "profile": 1, "path": 2, "meetings-between": 2}
	for _, n := range List() {
		if n.Doc == "" {
			t.Errorf("%s has no description", n.Name)
		}
		if w, ok := want[n.Name]; ok && n.NArgs != w {
			t.Errorf("%s takes %d args, usage says %d", n.Name, w, n.NArgs)
		}
		delete(want, n.Name)
	}
	if len(want) > 0 {
		t.Errorf("missing named queries: %v", want)
	}
}

// A query cut short by its limit or its timeout must end its script before
// Run returns, so the store can close (bbolt's Close waits for read
// transactions, and a script left blocked would hold one for ever).
func TestStoreClosesAfterAQueryIsCutShort(t *testing.T) {
	for _, tc := range []struct {
		name, script string
		opt          Options
	}{
		// the script goes on emitting inside the walk (holding its read
		// transaction) long after the one result wanted
		{"limit", `g.V().ForEach(function (v) { for (var i = 0; i < 3000000; i++) { g.Emit(i); } })`, Options{Limit: 1}},
		{"timeout", `g.V().ForEach(function (v) { g.Emit(v.id); while (true) {} })`, Options{Timeout: 200 * time.Millisecond}},
		{"timeout after the limit", `g.V().ForEach(function (v) { g.Emit(v.id); }); while (true) {}`, Options{Limit: 2, Timeout: 200 * time.Millisecond}},
	} {
		st := seedStore(t)
		if _, err := Run(context.Background(), st.QS, tc.script, tc.opt); err != nil && !errors.Is(err, ErrTimeout) {
			t.Fatalf("%s: %v", tc.name, err)
		}
		done := make(chan error, 1)
		go func() { done <- st.Close() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%s: close: %v", tc.name, err)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: the store did not close: the script still holds a transaction", tc.name)
		}
	}
}

// WhoMet (indexed lookups in Go) gives exactly the rows of the Gizmo query
// who-met.js, in the same order, on the default store and on PostgreSQL
// (where it reads in batches).
func TestWhoMetEqualsGizmo(t *testing.T) {
	t.Run("bbolt", func(t *testing.T) { whoMetEqualsGizmo(t, filepath.Join(t.TempDir(), "kg.db")) })
	t.Run("postgres", func(t *testing.T) { whoMetEqualsGizmo(t, pgtest.Fresh(t)) })
}

func whoMetEqualsGizmo(t *testing.T, spec string) {
	st, err := graph.Open(spec, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x, err := loader.New()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../testdata/*.txt")
	more, _ := filepath.Glob("../testdata/articles/*.txt")
	for _, f := range append(files, more...) {
		a, err := loader.ReadFile(f, "", loader.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Write(context.Background(), []*kg.Extraction{x.Extract(a)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"Putin", "Steve Witkoff", "Mahmoud Abbas", "Kushner", "Nobody Atall"} {
		want, err := RunNamed(context.Background(), st.QS, "who-met", []string{name}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := WhoMet(context.Background(), st, name)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("who-met %s:\n go    %v\n gizmo %v", name, got, want)
		}
	}
}
