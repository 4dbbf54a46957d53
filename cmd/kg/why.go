package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/queries"
)

func newWhyCmd() *cobra.Command {
	var sf storeFlags
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "why [--db PATH] SUBJECT PREDICATE OBJECT",
		Short: "Print the sentences, with their articles, that state a relation",
		Long: `why shows the evidence for a fact in the graph: every sentence that states
SUBJECT PREDICATE OBJECT, with the article and the sentence's number in it
(counting from 1; the graph's kg:index counts from 0).
SUBJECT and OBJECT may be any name the entities go by; PREDICATE is one of
` + strings.Join(kg.Predicates, ", ") + `.
met and relative_of hold both ways. It runs the built-in Gizmo query why.`,
		Example: `  kg why Witkoff met Putin
  kg why "Dmitry Peskov" spokesperson_of Kremlin`,
		Args: cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !kg.IsPredicate(args[1]) {
				return fmt.Errorf("%q is not a relation; use one of %s", args[1], strings.Join(kg.Predicates, ", "))
			}
			st, err := sf.open(true)
			if err != nil {
				return err
			}
			defer st.Close()
			rows, err := queries.RunNamed(cmd.Context(), st.QS, "why", args, queries.Options{Timeout: timeout})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if len(rows) == 0 {
				fmt.Fprintf(out, "the graph does not say %s %s %s\n", args[0], args[1], args[2])
				return nil
			}
			head := ""
			for _, r := range rows {
				m, _ := r.(map[string]any)
				if h := fmt.Sprintf("%s %s %s", str(m["subject"]), str(m["predicate"]), str(m["object"])); h != head {
					fmt.Fprintln(out, h)
					head = h
				}
				n, _ := m["sentence"].(int64) // kg:index counts from 0; people count from 1
				fmt.Fprintf(out, "  %s, sentence %d: “%s”\n", str(m["article"]), n+1, oneLine(str(m["text"])))
			}
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().DurationVar(&timeout, "timeout", queries.DefaultTimeout, "stop the query after this long")
	return cmd
}
