package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/browse"
	"github.com/newsgraph/kg/viz"
)

func newVizCmd() *cobra.Command {
	var sf storeFlags
	var format, out, since, until, layout, title string
	var around []string
	var hops, maxNodes int
	var relations bool
	cmd := &cobra.Command{
		Use:   "viz [--db PATH] --format svg|png|dot|html [--around NAME] [--hops N] [--since DATE] [--until DATE] [--relations] [-o FILE]",
		Short: "Draw the who-met-whom network (SVG, PNG, DOT or an HTML page)",
		Long: `viz draws who met whom: people as boxes that grow with how many people
they met, one line per pair that met, thicker for more meetings, labelled
with the meetings' dates where the articles give them. Meetings come from
the articles' kg:Meeting nodes (people only) and from kg:met edges.

--around NAME draws only the people within --hops meetings of NAME (any
name the person goes by; repeat --around for several centres), NAME
highlighted. --since and --until (YYYY, YYYY-MM or YYYY-MM-DD, both
included) keep the meetings whose date may fall in that range; a meeting
the article does not date is dated by the article's publication date.
--relations adds the other relations of the people drawn (advises,
envoy_of, works_for, ...) as dashed arrows, with the organisations and
places they lead to.

Layout is Graphviz's, run inside kg (no Graphviz installation is needed):
circo for a few people who nearly all met, neato otherwise, sfdp above 300
people; --layout chooses. Formats: svg, png (twice the size of the SVG, at
most 4,096 pixels a side), dot (the graph in DOT with the look and layout
engine as attributes, for people who lay it out themselves: dot -Tsvg),
html (a standalone page with the SVG inline). Without --format, -o FILE's extension chooses;
without -o the drawing goes to standard output.`,
		Example: `  kg viz -o network.svg
  kg viz --around Putin --hops 2 --format png -o putin.png
  kg viz --since 2025-01 --until 2025-06 --relations -o h1-2025.html
  kg viz --format dot | dot -Tpdf -o network.pdf`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format == "" {
				format = strings.TrimPrefix(filepath.Ext(out), ".")
				if format == "" || out == "-" {
					format = "svg"
				}
			}
			f, err := viz.ParseFormat(format)
			if err != nil {
				return err
			}
			filter := browse.Filter{Around: around, Hops: hops, Since: since, Until: until, Relations: relations, MaxNodes: maxNodes}
			if err := filter.Check(); err != nil {
				return err
			}
			st, err := sf.open(true)
			if err != nil {
				return err
			}
			defer st.Close()
			net, err := browse.New(st).Network(cmd.Context(), filter)
			if err != nil {
				return err
			}
			if len(net.Pairs) == 0 && len(net.Relations) == 0 {
				who := "nobody met anybody"
				if len(around) > 0 {
					who = strings.Join(around, " and ") + " met nobody"
				}
				return fmt.Errorf("%s in %s%s: nothing to draw", who, st.Spec, rangeText(since, until))
			}
			if title == "" {
				title = vizTitle(net, since, until)
			}
			if net.Truncated {
				fmt.Fprintf(cmd.ErrOrStderr(), "kg: drawing the %d people nearest the centre and best connected (--max-nodes)\n", len(net.People))
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
			bw := bufio.NewWriter(w)
			if err := viz.Render(cmd.Context(), viz.FromNetwork(net, title), f, bw, viz.Options{Layout: layout}); err != nil {
				return err
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
	cmd.Flags().StringVar(&format, "format", "", "svg, png, dot or html (default: from -o's extension, else svg)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().StringArrayVar(&around, "around", nil, "draw only the people near this person (repeatable)")
	cmd.Flags().IntVar(&hops, "hops", 1, "with --around: how many meetings away from the centre")
	cmd.Flags().StringVar(&since, "since", "", "only meetings from this date on (YYYY, YYYY-MM or YYYY-MM-DD)")
	cmd.Flags().StringVar(&until, "until", "", "only meetings up to this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	cmd.Flags().BoolVar(&relations, "relations", false, "also draw the other relations (advises, envoy_of, ...) as dashed arrows")
	cmd.Flags().IntVar(&maxNodes, "max-nodes", 0, "draw at most this many people, nearest the centre and best connected first (0: all)")
	cmd.Flags().StringVar(&layout, "layout", "", "Graphviz layout engine: neato, sfdp, fdp, circo, twopi or dot (default: chosen by the network's size and density)")
	cmd.Flags().StringVar(&title, "title", "", "the caption (default: says what is drawn)")
	return cmd
}

func rangeText(since, until string) string {
	switch {
	case since != "" && until != "":
		return fmt.Sprintf(" from %s to %s", since, until)
	case since != "":
		return " since " + since
	case until != "":
		return " until " + until
	}
	return ""
}

// vizTitle says what a drawing shows: "Who met whom around Vladimir Putin, since 2025".
func vizTitle(n *browse.Network, since, until string) string {
	t := "Who met whom"
	if len(n.Focus) > 0 {
		focus := map[string]bool{}
		for _, f := range n.Focus {
			focus[f] = true
		}
		var names []string
		for _, p := range n.People {
			if focus[p.ID] {
				names = append(names, p.Name)
			}
		}
		t += " around " + strings.Join(names, " and ")
	}
	if r := rangeText(since, until); r != "" {
		t += "," + r
	}
	return t
}
