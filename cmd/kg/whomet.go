package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/queries"
)

func newWhoMetCmd() *cobra.Command {
	var sf storeFlags
	var timeout time.Duration
	var evidence bool
	cmd := &cobra.Command{
		Use:   "who-met [--db PATH] [NAME]",
		Short: "Everyone a person met, with date, place and article (or every meeting)",
		Long: `who-met lists everyone NAME met, one meeting per line, with the date and
place where the article gives them and the article that tells it. NAME may
be any name the person goes by: "Putin", "Vladimir Putin", "President Putin".
It gives the rows of the built-in Gizmo query who-met (kg query --named
who-met NAME), read through the store's indexes so that a person named in
hundreds of articles still answers in milliseconds.

Without NAME it lists every meeting in the graph: who met whom, when, where.`,
		Example: `  kg who-met Putin
  kg who-met --evidence "Steve Witkoff"
  kg who-met`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := sf.open(true)
			if err != nil {
				return err
			}
			defer st.Close()
			if len(args) == 0 {
				return allMeetings(cmd, st, timeout, evidence)
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
			defer cancel()
			rows, err := queries.WhoMet(ctx, st, args[0])
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if len(rows) == 0 {
				fmt.Fprintf(out, "no meetings found for %q\n", args[0])
				return nil
			}
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tMET\tDATE\tPLACE\tARTICLE")
			for _, r := range rows {
				m, _ := r.(map[string]any)
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", str(m["name"]), str(m["met"]), str(m["date"]), str(m["place"]), str(m["article"]))
				if evidence && m["evidence"] != nil {
					fmt.Fprintf(tw, "\t  “%s”\t\t\t\n", oneLine(str(m["evidence"])))
				}
			}
			return tw.Flush()
		},
	}
	sf.register(cmd)
	cmd.Flags().DurationVar(&timeout, "timeout", queries.DefaultTimeout, "stop the query after this long")
	cmd.Flags().BoolVar(&evidence, "evidence", false, "print the sentence that tells each meeting")
	return cmd
}

// allMeetings prints every meeting, one per line.
func allMeetings(cmd *cobra.Command, st *graph.Store, timeout time.Duration, evidence bool) error {
	rows, err := queries.RunNamed(cmd.Context(), st.QS, "meetings", nil, queries.Options{Timeout: timeout, Limit: 1 << 20})
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	if len(rows) == 0 {
		fmt.Fprintln(out, "no meetings in the graph")
		return nil
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tPLACE\tWHO MET\tARTICLE")
	for _, r := range rows {
		m, _ := r.(map[string]any)
		var names []string
		if ps, ok := m["participants"].([]any); ok {
			for _, p := range ps {
				names = append(names, str(p))
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", str(m["date"]), str(m["place"]), strings.Join(names, ", "), str(m["article"]))
		if evidence && m["evidence"] != nil {
			fmt.Fprintf(tw, "\t\t  “%s”\t\n", oneLine(str(m["evidence"])))
		}
	}
	return tw.Flush()
}

// str prints a JSON value, "-" for null.
func str(v any) string {
	if v == nil {
		return "-"
	}
	return strings.TrimSpace(fmt.Sprint(v))
}
