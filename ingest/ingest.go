// Package ingest stores many articles at once: it walks the arguments for
// article files, skips those whose content the store already holds (the
// kg:contentHash on their article node), extracts the others in parallel on
// every core, and writes them in order through one writer, a batch of
// articles per transaction, so that each article lands whole or not at all
// and a run stopped anywhere (even by kill -9) can simply be run again.
//
// Articles are written in walk order whatever order the workers finish in:
// which node an entity resolves to depends on what the graph already holds,
// so a fixed order makes the graph the same from run to run.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/loader"
)

// DefaultBatch is how many articles go into one transaction by default: big
// enough that the sync at each commit costs little, small enough that a
// crash loses little work and memory stays flat (README, "Bulk ingest").
const DefaultBatch = 250

// quadsPerArticle is about how many quads a news article gives (141 on
// average over the BBC corpus), to tell the store how large a load is.
const quadsPerArticle = 150

// Options tune a run.
type Options struct {
	Workers  int   // extraction goroutines (0: one per core)
	Batch    int   // articles per transaction (0: DefaultBatch)
	Strict   bool  // refuse text that is not valid UTF-8 (loader.ReadOptions)
	MaxBytes int64 // refuse larger files (0: loader.DefaultMaxBytes)
	Progress *Progress
	// Log receives one line per failed file and per warning, when Progress
	// is nil (with a Progress the lines go through it).
	Log io.Writer
}

// Summary counts what a run did.
type Summary struct {
	Files     int // article files found
	Stored    int // articles whose quads were written or replaced
	Unchanged int // articles skipped because the store already holds them as they are
	Failed    int // files that could not be read (each reported on its own line)
	Skipped   int // non-.txt files under folder arguments

	// what the stored articles say
	Entities, Relations, Meetings, Planned, Quotes int

	Added, Deleted, Merged int // quads added and removed; surname-only nodes merged
	Batches                int // transactions committed
	Elapsed                time.Duration
}

// QuadsPerSecond is the rate at which quads were added.
func (s Summary) QuadsPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Added) / s.Elapsed.Seconds()
}

type result struct {
	x        *kg.Extraction
	same     bool // content hash equal to the stored one: nothing to do
	err      error
	warnings []string
	path     string
}

type job struct {
	f   loader.File
	out chan result
}

// Run ingests the articles named by args (files, or folders walked for .txt
// files) into st. Unreadable files are counted and reported, and the others
// still land; an error is returned only when the store fails or ctx ends,
// and then every batch committed before stays whole in the store.
func Run(ctx context.Context, st *graph.Store, args []string, opt Options) (sum Summary, err error) {
	start := time.Now()
	logf := func(format string, a ...any) {
		if opt.Progress != nil {
			opt.Progress.Printf(format, a...)
		} else if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", a...)
		}
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batch := opt.Batch
	if batch <= 0 {
		batch = DefaultBatch
	}

	var files []loader.File
	walk, err := loader.WalkCount(args, func(f loader.File) error {
		files = append(files, f)
		return nil
	}, func(path string, err error) {
		sum.Failed++
		logf("kg: %s: %v", path, err)
	})
	if err != nil {
		return sum, err
	}
	sum.Files, sum.Skipped = len(files), walk.Skipped

	arts := make([]quad.IRI, len(files))
	for i, f := range files {
		arts[i] = st.IRIs.Article(f.ID)
	}
	stored, err := st.ContentHashes(ctx, arts)
	if err != nil {
		return sum, fmt.Errorf("read content hashes: %w", err)
	}
	fresh := 0
	for _, a := range arts {
		if _, ok := stored[a]; !ok {
			fresh++
		}
	}
	var progressf func(string, ...any) // --quiet: none
	if opt.Progress != nil {
		progressf = opt.Progress.Printf
	}
	end, err := st.BeginBulk(ctx, int64(fresh)*quadsPerArticle, true, progressf)
	if err != nil {
		return sum, err
	}
	defer func() {
		if endErr := end(context.Background()); endErr != nil && err == nil {
			err = fmt.Errorf("build the store's indexes again after the bulk load: %w", endErr)
		}
		sum.Elapsed = time.Since(start)
	}()
	x, err := loader.New()
	if err != nil {
		return sum, err
	}
	if opt.Progress != nil {
		opt.Progress.start(len(files))
		defer opt.Progress.finish()
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job)
	// order holds each file's result channel in walk order; its capacity
	// bounds how far extraction may run ahead of the writer
	order := make(chan chan result, 2*batch+4*workers)
	go func() {
		defer close(jobs)
		defer close(order)
		for _, f := range files {
			j := job{f: f, out: make(chan result, 1)}
			select {
			case order <- j.out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	for i := 0; i < workers; i++ {
		go func() {
			for j := range jobs {
				j.out <- extract(x, j.f, stored[st.IRIs.Article(j.f.ID)], loader.ReadOptions{Strict: opt.Strict, MaxBytes: opt.MaxBytes})
			}
		}()
	}

	var pending []*kg.Extraction
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		ws, err := st.Write(ctx, pending)
		if err != nil {
			return err
		}
		sum.Batches++
		sum.Stored += ws.Articles
		sum.Unchanged += ws.Unchanged
		sum.Added += ws.Added
		sum.Deleted += ws.Deleted
		sum.Merged += ws.Merged
		for _, x := range pending {
			sum.Entities += len(x.Entities)
			sum.Relations += len(x.Relations)
			sum.Meetings += len(x.Meetings)
			sum.Planned += len(x.Planned)
			sum.Quotes += len(x.Quotes)
		}
		if opt.Progress != nil {
			opt.Progress.advance(len(pending), ws.Added)
		}
		pending = pending[:0]
		return nil
	}
	for out := range order {
		var r result
		select {
		case r = <-out:
		case <-ctx.Done():
			return sum, ctx.Err()
		}
		for _, w := range r.warnings {
			logf("kg: %s: warning: %s", r.path, w)
		}
		switch {
		case r.err != nil:
			sum.Failed++
			logf("kg: %s: %v", r.path, r.err)
			if opt.Progress != nil {
				opt.Progress.advance(1, 0)
			}
		case r.same:
			sum.Unchanged++
			if opt.Progress != nil {
				opt.Progress.advance(1, 0)
			}
		default:
			pending = append(pending, r.x)
			if len(pending) >= batch {
				if err := flush(); err != nil {
					return sum, err
				}
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if err := flush(); err != nil {
		return sum, err
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// extract reads one file and extracts it, unless its bytes hash to the
// hash the store holds for its article (then nothing else is done).
func extract(x *loader.Extractor, f loader.File, storedHash string, ro loader.ReadOptions) result {
	r := result{path: f.Path}
	if storedHash != "" {
		if h, err := hashFile(f.Path); err == nil && h == storedHash {
			r.same = true
			return r
		}
	}
	a, err := loader.ReadFile(f.Path, f.ID, ro)
	if err != nil {
		r.err = err
		return r
	}
	r.warnings = a.Warnings
	r.x = x.Extract(a)
	return r
}

// hashFile is the sha256 of a file's bytes, as loader.Article.Hash has it.
func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
