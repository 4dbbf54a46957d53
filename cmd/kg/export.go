package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/export"
)

func newExportCmd() *cobra.Command {
	var sf storeFlags
	var format, out, article string
	cmd := &cobra.Command{
		Use:   "export [--db PATH] --format FORMAT [-o FILE] [--graph ARTICLE]",
		Short: "Write the graph out as RDF (or for graph tools)",
		Long: `export writes every quad of the store, streaming, to standard output or
-o FILE. In N-Quads each quad keeps its article as the named graph.
--graph ARTICLE exports one article's quads (its name, as ingest gave it,
or its full IRI).

Formats: ` + strings.Join(export.Names(), ", "),
		Example: `  kg export --format nquads -o graph.nq
  rapper -i nquads -c graph.nq
  kg export --format nquads --graph seed-witkoff-putin.txt`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := export.Get(format)
			if err != nil {
				return err
			}
			st, err := sf.open(true)
			if err != nil {
				return err
			}
			defer st.Close()
			opt := export.Options{}
			switch {
			case strings.Contains(article, "://"):
				opt.Graph = quad.IRI(article)
			case article != "":
				opt.Graph = st.IRIs.Article(article)
			}
			w := cmd.OutOrStdout()
			var file *os.File
			if out != "" && out != "-" {
				if file, err = os.Create(out); err != nil {
					return err
				}
				defer file.Close()
				w = file
			}
			bw := bufio.NewWriterSize(w, 1<<16)
			if err := f.Write(cmd.Context(), st, bw, opt); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			if file != nil {
				return file.Close()
			}
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVar(&format, "format", "nquads", "output format: "+strings.Join(export.Names(), ", "))
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().StringVar(&article, "graph", "", "export only this article's quads (its name in the graph, or IRI)")
	return cmd
}
