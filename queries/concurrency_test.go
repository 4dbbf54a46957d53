package queries

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/loader"
)

// Eight Gizmo readers and one writer at once, on every embedded kind kg
// offers, under -race: pebble through hidalgo raced here (a read
// transaction closed twice went back to pebble's pool while in use) until
// graph made closing idempotent.
func TestConcurrentQueriesWhileWriting(t *testing.T) {
	x, err := loader.New()
	if err != nil {
		t.Fatal(err)
	}
	a, err := loader.ReadFile("../testdata/seed-witkoff-putin.txt", "", loader.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	seed := x.Extract(a)
	for _, kind := range []string{"bbolt", "leveldb", "pebble"} {
		t.Run(kind, func(t *testing.T) {
			st, err := graph.Open(kind+":"+filepath.Join(t.TempDir(), "kg"), graph.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			ctx := context.Background()
			if _, err := st.Write(ctx, []*kg.Extraction{seed}); err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			wg.Add(1)
			go func() { // the writer: copies of the seed under other names
				defer wg.Done()
				for i := 0; i < 10; i++ {
					c := *seed
					c.Article = fmt.Sprintf("copy-%d.txt", i)
					if _, err := st.Write(ctx, []*kg.Extraction{&c}); err != nil {
						t.Error(err)
					}
				}
			}()
			for i := 0; i < 8; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for j := 0; j < 10; j++ {
						rows, err := RunNamed(ctx, st.QS, "who-met", []string{"Putin"}, Options{})
						if err != nil || len(rows) == 0 {
							t.Errorf("who-met Putin: %d rows, %v", len(rows), err)
						}
					}
				}()
			}
			wg.Wait()
		})
	}
}

// pebble panics when a closed store is read; kg's guard makes that an
// error, as bbolt gives (a server closing its store under a background
// reader hit the panic).
func TestQueryAfterCloseIsAnError(t *testing.T) {
	for _, kind := range []string{"bbolt", "pebble"} {
		st, err := graph.Open(kind+":"+filepath.Join(t.TempDir(), "kg"), graph.Options{})
		if err != nil {
			t.Fatal(err)
		}
		qs := st.QS
		st.Close()
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: query after close panicked: %v", kind, r)
				}
			}()
			if _, err := RunNamed(context.Background(), qs, "who-met", []string{"Putin"}, Options{}); err == nil && kind == "pebble" {
				t.Logf("%s: no error after close (empty result)", kind)
			}
		}()
	}
}
