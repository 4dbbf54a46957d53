package main

import (
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/queries"
	"github.com/newsgraph/kg/server"
)

func newServeCmd() *cobra.Command {
	var sf storeFlags
	var addr string
	var cfg server.Config
	var quiet bool
	var maxMemMB uint64
	cmd := &cobra.Command{
		Use:   "serve [--db PATH] [--addr 127.0.0.1:8080] [--timeout 30s]",
		Short: "Serve the graph: a page to explore who met whom, and a JSON API",
		Long: `serve opens the store read-only and serves, until interrupted:

  /                      a page: search a person, see the who-met-whom network
                         around them (pan, zoom, click a person), read their
                         meetings, relations and quotes with the sentence and
                         article behind each; /?focus=NAME opens on NAME; a
                         Gizmo console with results as a table and a graph
  GET  /api/entities?q=NAME       entities by any name they go by
  GET  /api/entity/ID             everything about one entity, with evidence
  GET  /api/who-met?name=NAME     the who-met query (as kg who-met)
  GET  /api/network?around=NAME&hops=1&relations=1&since=&until=
                                  the network as data and as SVG
  GET  /api/stats                 how many articles, people, meetings, quotes
  POST /api/query                 Gizmo: the body, or the form field "query";
                                  ?limit=N caps the results (at most --limit)

Everything the page needs is built into kg: it works offline.

Safe by default: it listens on the loopback only, and answers only
requests addressed to localhost, 127.0.0.1 or [::1] (so a web page
elsewhere cannot read the graph through your browser). Nothing it serves
writes to the store. Request bodies are capped (--max-body); a Gizmo query
stops after --timeout with a JSON error (HTTP 504) and returns at most
--limit results; queries running when the server's heap passes
--max-memory-mb are stopped (HTTP 503); at most --concurrent queries run
at once, the others wait their turn. Listening on another address
(--addr 0.0.0.0:8080) shows the graph to anyone who can reach the
machine: there is no login.

A file store allows one writer or several readers: while kg serve holds
it, kg ingest waits --wait and then says the store is in use. Stop the
server to ingest, then start it again.`,
		Example: `  kg serve
  kg serve --db news.db --addr 127.0.0.1:9000
  open http://127.0.0.1:8080/?focus=Putin
  curl -s 'http://127.0.0.1:8080/api/entities?q=putin'
  curl -s --data-urlencode 'query=g.V().Has("<kg:key>","putin").Out("<rdfs:label>").All()' http://127.0.0.1:8080/api/query`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := sf.open(true)
			if err != nil {
				return err
			}
			defer st.Close()
			cfg.Store = st
			cfg.MaxMemory = maxMemMB << 20
			if !quiet {
				cfg.Log = log.New(cmd.ErrOrStderr(), "kg serve: ", log.LstdFlags)
			}
			if !server.IsLoopback(addr) {
				fmt.Fprintf(cmd.ErrOrStderr(), "kg: warning: listening on %s, beyond this machine: anyone who can reach it can read the whole graph (there is no login)\n", addr)
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return server.Serve(ctx, addr, cfg, func(a net.Addr) {
				fmt.Fprintf(cmd.OutOrStdout(), "serving %s (read-only) on http://%s/ — Ctrl-C stops\n", st.Spec, a)
			})
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (keep it on the loopback unless you mean to share the graph)")
	cmd.Flags().DurationVar(&cfg.Timeout, "timeout", queries.DefaultTimeout, "stop a Gizmo query after this long")
	cmd.Flags().IntVar(&cfg.Limit, "limit", queries.DefaultLimit, "at most this many results per query")
	cmd.Flags().Int64Var(&cfg.MaxBody, "max-body", 1<<20, "largest request body accepted, in bytes")
	cmd.Flags().IntVar(&cfg.MaxNodes, "max-nodes", 150, "draw at most this many people in a network")
	cmd.Flags().IntVar(&cfg.Concurrent, "concurrent", 0, "Gizmo queries run at once (default 2 per CPU)")
	cmd.Flags().Uint64Var(&maxMemMB, "max-memory-mb", 2048, "stop running queries when the server's heap passes this many MiB")
	cmd.Flags().BoolVar(&quiet, "quiet", false, "do not log requests")
	return cmd
}
