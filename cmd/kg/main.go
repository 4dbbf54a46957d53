// Command kg turns news articles into a knowledge graph in Cayley and
// answers questions about it. Each command is a thin layer over the
// packages: loader (text to extraction), graph (extraction to quads and the
// store), queries (Gizmo), eval (scoring).
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

// exitError carries an exit status without printing anything more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	root := newRoot()
	if err := root.Execute(); err != nil {
		var ee exitError
		if errors.As(err, &ee) {
			os.Exit(ee.code)
		}
		fmt.Fprintln(os.Stderr, "kg:", err)
		os.Exit(1)
	}
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "kg",
		Short: "Turn news articles into a knowledge graph and ask it questions",
		Long: `kg reads news articles and stores what a careful reader takes from them
(who met whom, who works for, advises, speaks for or leads whom, who said
what, and the sentence that says so) as quads in an embedded Cayley graph
database. Ask the graph in Gizmo, export it as RDF, or score the extraction
against annotated articles.

The store is chosen with --db, else $KG_DB, else kg.db in the working
directory.`,
		Example: `  kg ingest testdata/                 # read every .txt article under testdata/
  kg who-met Putin                     # everyone Putin met, with date, place, article
  kg query 'g.V().Has("<rdfs:label>", "Vladimir Putin").Both("<kg:met>").Out("<rdfs:label>").All()'
  kg extract --format json article.txt # what kg reads out of one article, as JSON
  kg eval --gold ../shared/eval/dev    # score extraction against annotated articles
  kg ner article.txt                   # the names in a text: type, text, byte offsets
  kg ner --conll testa.txt             # CoNLL-2003 columns with a predicted tag appended`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newIngestCmd(), newExtractCmd(), newQueryCmd(), newWhoMetCmd(), newWhyCmd(), newExportCmd(), newEvalCmd(), newImportCmd(), newVocabCmd())
	root.AddCommand(newVizCmd(), newServeCmd(), newNERCmd())
	return root
}
