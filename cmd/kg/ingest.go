package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/newsgraph/kg/ingest"
	"github.com/newsgraph/kg/loader"
)

func newIngestCmd() *cobra.Command {
	var sf storeFlags
	var opt ingest.Options
	var quiet bool
	cmd := &cobra.Command{
		Use:   "ingest [--db STORE] FILE|DIR...",
		Short: "Extract articles and store them in the graph",
		Long: `ingest reads articles, extracts entities, relations, meetings and quotes,
and stores them as quads labelled with each article's IRI. Folders are
walked for .txt files; other files are skipped and counted.

Articles are extracted in parallel on every core (--workers) and written
in walk order by one writer, --batch articles per transaction: each article
lands whole or not at all, so an ingest that is stopped (even by kill -9)
leaves a store that opens, and running the same command again finishes
the job and gives the graph one uninterrupted run gives.

Incremental: an article whose file has not changed since it was stored
(same sha256, kept on its article node as kg:contentHash) is skipped
without being read again; a changed one replaces what it said before, so
ingesting the same articles twice leaves the graph as one ingest does. Its
name in the graph is its path below the folder given (bbc/politics/018.txt
for a file found under bbc/), or its base name when the file is given by
name.

On a terminal a progress bar shows articles done, articles/s and the time
left; when stderr is not a terminal a plain progress line is printed every
10 s instead (--quiet: neither). A summary follows on stdout: articles,
entities, relations, meetings, quotes, quads, failures and time.

A file that cannot be read (empty, binary, unreadable) is reported with its
name on stderr and nothing of it is stored; the other files still are.
Exit status: 0 when every file was stored or unchanged, 1 when any failed.`,
		Example: `  kg ingest testdata/
  kg ingest --db /tmp/news.db ../shared/corpus/bbc
  kg ingest --db pebble:/tmp/news.pebble ../shared/corpus/bbc/politics
  kg ingest --db 'postgres://kg:secret@localhost:5432/news?sslmode=disable' ../shared/corpus/bbc
  KG_DB=news.db kg ingest today/*.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := sf.open(false)
			if err != nil {
				return err
			}
			defer st.Close()
			stderr := cmd.ErrOrStderr()
			opt.Log = stderr
			if !quiet {
				opt.Progress = ingest.NewProgress(stderr, isTerminal(stderr))
			}
			sum, err := ingest.Run(cmd.Context(), st, args, opt)
			if err != nil {
				return err
			}
			printSummary(cmd.OutOrStdout(), sum)
			if sum.Failed > 0 {
				return exitError{1}
			}
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().BoolVar(&opt.Strict, "strict", false, "refuse text that is not valid UTF-8 instead of reading it as Windows-1252")
	cmd.Flags().Int64Var(&opt.MaxBytes, "max-size", loader.DefaultMaxBytes, "refuse files larger than this many bytes (a news article is a few KB; a bigger file is usually a dump)")
	cmd.Flags().IntVar(&opt.Workers, "workers", 0, "articles extracted at once (default: one per core)")
	cmd.Flags().IntVar(&opt.Batch, "batch", ingest.DefaultBatch, "articles written per transaction")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress bar or progress lines")
	return cmd
}

func printSummary(w io.Writer, s ingest.Summary) {
	fmt.Fprintf(w, "%d articles stored (%d unchanged), %d quads added, %d removed, %d failed, %d non-.txt files skipped\n",
		s.Stored, s.Unchanged, s.Added, s.Deleted, s.Failed, s.Skipped)
	fmt.Fprintf(w, "extracted from the stored articles: %d entities, %d relations, %d meetings (%d planned), %d quotes\n",
		s.Entities, s.Relations, s.Meetings, s.Planned, s.Quotes)
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.Stored+s.Unchanged) / s.Elapsed.Seconds()
	}
	fmt.Fprintf(w, "%s: %.0f articles/s, %.0f quads/s, %d transactions\n",
		s.Elapsed.Round(10*time.Millisecond), rate, s.QuadsPerSecond(), s.Batches)
}

// isTerminal reports whether w is a terminal (a progress bar can redraw).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
