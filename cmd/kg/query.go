package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/queries"
)

func newQueryCmd() *cobra.Command {
	var sf storeFlags
	var limit int
	var timeout time.Duration
	var file, named string
	var list bool
	cmd := &cobra.Command{
		Use:   "query [--db PATH] [--limit N] [--timeout 30s] 'GIZMO' | -f FILE.js | --named NAME ARG...",
		Short: "Ask the graph in Gizmo and print the results as JSON",
		Long: `query runs a Gizmo script (Cayley's JavaScript query language) and prints
one JSON result per line. The prefixes rdf, rdfs, xsd, schema, prov, owl
and kg are registered, so <rdfs:label> and <kg:met> work as IRIs.

Relations are kg:met, kg:accompanied, kg:advises, kg:envoy_of,
kg:spokesperson_of, kg:head_of, kg:works_for, kg:member_of, kg:relative_of,
kg:nationality, kg:spoke_to, kg:visited, kg:located_in. Entities carry
rdf:type (schema:Person, schema:Organization, schema:Place), rdfs:label and
schema:alternateName; meetings are kg:Meeting nodes with kg:participant,
kg:place, kg:date; quotes are kg:Quote nodes with kg:speaker and kg:text.

--named runs one of the queries built into kg (--list shows them).
A query that runs longer than --timeout is stopped with an error.`,
		Example: `  kg query 'g.V().Has("<rdfs:label>", "Vladimir Putin").Both("<kg:met>").Out("<rdfs:label>").All()'
  kg query 'g.V().Has("<rdf:type>", "<kg:Quote>").Out("<kg:text>").Limit(3).All()'
  kg query --named who-met Putin
  kg query --named path "Jared Kushner" "Abbas Gallyamov"
  kg query --named meetings-between 2025-01 2025-12
  kg query --list`,
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			if list {
				for _, n := range queries.List() {
					fmt.Fprintf(out, "%-34s %s\n", n.Usage, n.Doc)
				}
				return nil
			}
			script := ""
			switch {
			case named != "":
				n, err := queries.Get(named)
				if err != nil {
					return err
				}
				if script, err = n.Bind(args); err != nil {
					return err
				}
			case file != "":
				b, err := os.ReadFile(file)
				if err != nil {
					return err
				}
				script = string(b)
			case len(args) == 1:
				script = args[0]
			default:
				return fmt.Errorf("give one Gizmo script, -f FILE.js, or --named NAME ARG... (see kg query --help)")
			}
			st, err := sf.open(true)
			if err != nil {
				return err
			}
			defer st.Close()
			res, err := queries.Run(cmd.Context(), st.QS, script, queries.Options{Limit: limit, Timeout: timeout})
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			for _, r := range res {
				if err := enc.Encode(r); err != nil {
					return err
				}
			}
			return err
		},
	}
	sf.register(cmd)
	cmd.Flags().IntVar(&limit, "limit", queries.DefaultLimit, "at most this many results")
	cmd.Flags().DurationVar(&timeout, "timeout", queries.DefaultTimeout, "stop the query after this long")
	cmd.Flags().StringVarP(&file, "file", "f", "", "read the Gizmo script from a file")
	cmd.Flags().StringVar(&named, "named", "", "run a built-in query (see --list) with the arguments given")
	cmd.Flags().BoolVar(&list, "list", false, "list the built-in queries")
	return cmd
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
