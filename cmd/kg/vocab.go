package main

import (
	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/export"
	"github.com/newsgraph/kg/graph"
)

func newVocabCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "vocab",
		Short: "Print the kg: vocabulary (classes and properties) as Turtle",
		Long: `vocab prints the vocabulary the graph is written in, as Turtle: every
class (kg:Meeting, kg:PlannedMeeting, kg:Quote, kg:Sentence, and the
datatype kg:Date) and every property (the 13 relations of the closed
vocabulary and kg:participant, kg:place, kg:date, kg:evidence,
kg:speaker, kg:text, kg:index, kg:key, kg:source, kg:contentHash) with
rdfs:label, rdfs:comment, rdfs:domain and rdfs:range, and where schema.org
or PROV-O has the same idea, rdfs:subPropertyOf, rdfs:subClassOf or
owl:equivalentProperty to it. A domain or range of several classes is
their owl:unionOf.

Load it beside an export so that tools show labels and can reason over
the mappings. It needs no store.`,
		Example: `  kg vocab > kg-vocab.ttl
  rapper -i turtle -c kg-vocab.ttl
  kg vocab | grep -A6 'kg:works_for'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return export.WriteTurtleGraph(cmd.OutOrStdout(), graph.VocabularyQuads())
		},
	}
}
