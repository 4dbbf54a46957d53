package main

import (
	"fmt"

	"github.com/spf13/cobra"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loader"
)

func newIngestCmd() *cobra.Command {
	var sf storeFlags
	var strict bool
	cmd := &cobra.Command{
		Use:   "ingest [--db PATH] FILE|DIR...",
		Short: "Extract articles and store them in the graph",
		Long: `ingest reads articles, extracts entities, relations, meetings and quotes,
and stores them as quads labelled with each article's IRI. Folders are
walked for .txt files; other files are skipped and counted.

An article already in the store is replaced: what it said before is
removed and what it says now is added, so ingesting the same article twice
leaves the graph as one ingest does. Its name in the graph is its path
below the folder given (bbc/politics/018.txt for a file found under bbc/),
or its base name when the file is given by name.

A file that cannot be read (empty, binary, unreadable) is reported with its
name on stderr and nothing of it is stored; the other files still are.
Exit status: 0 when every file was stored, 1 when any failed.`,
		Example: `  kg ingest testdata/
  kg ingest --db /tmp/news.db ../shared/corpus/bbc/politics
  KG_DB=news.db kg ingest today/*.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := sf.open(false)
			if err != nil {
				return err
			}
			defer st.Close()
			x, err := loader.New()
			if err != nil {
				return err
			}
			failed := 0
			var batch []*kg.Extraction
			walk, err := loader.WalkCount(args, func(f loader.File) error {
				a, err := loader.ReadFile(f.Path, f.ID, loader.ReadOptions{Strict: strict})
				if err != nil {
					failed++
					fmt.Fprintf(cmd.ErrOrStderr(), "kg: %s: %v\n", f.Path, err)
					return nil
				}
				for _, w := range a.Warnings {
					fmt.Fprintf(cmd.ErrOrStderr(), "kg: %s: warning: %s\n", f.Path, w)
				}
				batch = append(batch, x.Extract(a))
				return nil
			}, func(path string, err error) {
				failed++
				fmt.Fprintf(cmd.ErrOrStderr(), "kg: %s: %v\n", path, err)
			})
			if err != nil {
				return err
			}
			ws, err := st.Write(cmd.Context(), batch)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%d articles stored (%d unchanged), %d quads added, %d removed, %d failed, %d non-.txt files skipped\n",
				ws.Articles, ws.Unchanged, ws.Added, ws.Deleted, failed, walk.Skipped)
			if failed > 0 {
				return exitError{1}
			}
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().BoolVar(&strict, "strict", false, "refuse text that is not valid UTF-8 instead of reading it as Windows-1252")
	return cmd
}
