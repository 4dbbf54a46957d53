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
		Long: `export writes the graph to standard output or -o FILE, streaming: memory
stays flat however large the graph (quads that must be grouped pass
through a sort that spills to temporary files; set TMPDIR to move them).
--graph ARTICLE exports one article's quads (its name, as ingest gave it,
or its full IRI).

Formats:
  nquads   N-Quads, in the store's order; each quad's article is its graph
  trig     TriG: one block per article (the named graph), prefixed names
  turtle   Turtle: the merged default graph, each distinct triple once
  jsonld   JSON-LD 1.1 with an @context and one named graph per article
  graphml  the entity graph (entities and the 13 relations, labelled) for
           Gephi, yEd, Cytoscape, networkx
  dot      the same entity graph for Graphviz

N-Quads, TriG and JSON-LD hold the same quads; kg import reads N-Quads and
JSON-LD back.`,
		Example: `  kg export --format nquads -o graph.nq
  rapper -i nquads -c graph.nq
  kg export --format trig --graph seed-witkoff-putin.txt
  kg export --format turtle -o graph.ttl
  kg export --format dot | dot -Tsvg -o who.svg`,
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
