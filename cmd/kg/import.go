package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/export"
	"github.com/newsgraph/kg/graph"
)

func newImportCmd() *cobra.Command {
	var sf storeFlags
	var format string
	cmd := &cobra.Command{
		Use:   "import [--db PATH] [--format FORMAT] FILE...",
		Short: "Load quads from N-Quads or JSON-LD files into the graph",
		Long: `import adds the quads of RDF files to the store, so a graph moves between
machines and backends: kg export --format nquads on one, kg import on the
other, and kg export gives back exactly the same quads.

Formats, from the extension unless --format says: nquads (.nq, .nt),
jsonld (.jsonld), and Cayley's json (.json) and pquads (.pq); a trailing
.gz is decompressed. N-Quads streams and every value comes back exactly
as written (datatypes in full, language tags, blank nodes); JSON-LD and
Cayley's formats are read whole into memory.

Quads are added as they are, in batches: quads already in the store are
skipped, and no article is replaced (ingest does that). Quads without a
graph name land in the default graph. Imported entities are known to the
next ingest: their kg:key quads feed the cross-article identity index.
A file that fails to parse stops the import with its line number; batches
before it stay in the store.`,
		Example: `  kg export --db old.db --format nquads -o graph.nq
  kg import --db new.db graph.nq
  kg import --db new.db --format nquads dump.txt
  kg import --db new.db graph.jsonld more.nq.gz`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := sf.open(false)
			if err != nil {
				return err
			}
			defer st.Close()
			ctx := cmd.Context()
			before, err := st.QuadCount(ctx)
			if err != nil {
				return err
			}
			// on PostgreSQL a large import writes without the indexes it
			// does not need and builds them once at the end
			logf := func(format string, args ...any) { fmt.Fprintf(cmd.ErrOrStderr(), format+"\n", args...) }
			end, err := st.BeginBulk(ctx, importSize(args), false, logf)
			if err != nil {
				return err
			}
			total, err := importFiles(cmd, st, args, format)
			if endErr := end(context.Background()); err == nil {
				err = endErr
			}
			if err != nil {
				return err
			}
			after, err := st.QuadCount(ctx)
			if err != nil {
				return err
			}
			added := after - before
			fmt.Fprintf(cmd.OutOrStdout(), "%d quads read from %d files, %d added, %d already in the store\n",
				total, len(args), added, int64(total)-added)
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVar(&format, "format", "", "input format: "+strings.Join(export.ImportFormats(), ", ")+" (default: from each file's extension)")
	return cmd
}

// importSize guesses how many quads the files hold from their sizes (an
// N-Quads line of kg's is about 200 bytes; gzip shrinks it about tenfold).
func importSize(paths []string) int64 {
	var n int64
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil {
			size := fi.Size()
			if strings.HasSuffix(p, ".gz") {
				size *= 10
			}
			n += size / 200
		}
	}
	return n
}

// importFiles adds each file's quads to the store and returns how many it read.
func importFiles(cmd *cobra.Command, st *graph.Store, args []string, format string) (int, error) {
	ctx := cmd.Context()
	total := 0
	for _, path := range args {
		f := format
		if f == "" {
			var err error
			if f, err = export.ImportFormatOf(path); err != nil {
				return total, err
			}
		}
		file, err := os.Open(path)
		if err != nil {
			return total, err
		}
		r, err := export.NewReader(f, file, path, strings.HasSuffix(path, ".gz"))
		if err != nil {
			file.Close()
			return total, err
		}
		n, err := st.AddQuads(ctx, r)
		r.Close()
		file.Close()
		total += n
		if err != nil {
			return total, fmt.Errorf("import %s: %w", path, err)
		}
		fmt.Fprintf(cmd.OutOrStdout(), "%s: %d quads read\n", path, n)
	}
	return total, nil
}
