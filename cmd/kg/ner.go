package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/nlp"
)

func newNERCmd() *cobra.Command {
	var conll bool
	cmd := &cobra.Command{
		Use:   "ner [--conll] FILE...",
		Short: "Recognise named entities (PER, ORG, LOC, MISC) in text or CoNLL-2003 columns",
		Long: `ner runs kg's own tokenizer, tagger and entity recogniser (package nlp,
trained on CoNLL-2003) over each FILE ("-" reads standard input).

On plain text it prints one entity per line: type, text, start and end
byte offsets into the file, separated by tabs.

With --conll, FILE is in CoNLL-2003 columns (word first; -DOCSTART- lines
and blank lines are kept as they are) and every token line is written back
with the predicted tag appended as the last column, in IOB2 (B- on every
entity's first token), so conlleval-style scorers compare it with the gold
column: kg ner --conll testa.txt | conlleval.`,
		Example: `  kg ner article.txt
  kg ner --conll ../shared/corpus/conll2003/testa.txt > testa.pred`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := nlp.Default()
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			for _, name := range args {
				var r io.Reader = cmd.InOrStdin()
				if name != "-" {
					f, err := os.Open(name)
					if err != nil {
						return err
					}
					defer f.Close()
					r = f
				}
				if conll {
					if err := p.WriteCoNLL(r, out); err != nil {
						return fmt.Errorf("%s: %w", name, err)
					}
					continue
				}
				b, err := io.ReadAll(r)
				if err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				if len(args) > 1 {
					fmt.Fprintf(out, "# %s\n", name)
				}
				if err := p.PrintEntities(string(b), out); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&conll, "conll", false, "read and write CoNLL-2003 columns instead of plain text")
	return cmd
}
