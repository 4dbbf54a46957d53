package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Bulk loads into PostgreSQL. Cayley's SQL store keeps four secondary
// indexes on quads (spo, ops, pos, osp, with fill factor 50) besides its
// primary key and two unique indexes. Every quad written lands at a random
// place in each of them: measured here, 315,000 BBC quads took 21 s to
// insert with all eight indexes and 6.7 s with the four secondary ones
// gone, which CREATE INDEX then rebuilt in 3.5 s. So a load that is large
// against the graph drops the secondary indexes its own reads do not need,
// and builds them again, exactly as Cayley defines them, when it ends.
//
// Crash safety: the quads are written in the same transactions either way;
// only the indexes are missing until the load ends. A load that dies
// (kill -9, power) leaves them missing, and the next kg that opens the
// graph for writing builds them again (ensureIndexes) before anything else.

// quadIndexes are the secondary quad indexes of Cayley's SQL store for
// PostgreSQL (cayley graph/sql/database.go, quadIndexes, default fill
// factor), by name, and kg's own on labels: Cayley indexes quads by
// subject, predicate and object, not by label, and finding an article's
// quads (to replace or delete it) would scan the whole table. An extra
// index is invisible to Cayley.
var quadIndexes = []struct{ name, def string }{
	{"spo_index", "(subject_hash, predicate_hash, object_hash) WITH (FILLFACTOR = 50)"},
	{"ops_index", "(object_hash, predicate_hash, subject_hash) WITH (FILLFACTOR = 50)"},
	{"pos_index", "(predicate_hash, object_hash, subject_hash) WITH (FILLFACTOR = 50)"},
	{"osp_index", "(object_hash, subject_hash, predicate_hash) WITH (FILLFACTOR = 50)"},
	{"kg_label_index", "(label_hash)"},
}

// ingestReads are the indexes an ingest's reads need during a bulk load:
// objects (a batch's name keys, a merged node's incoming quads) through
// ops_index, an article's old quads through kg_label_index. Subjects are
// found through Cayley's two unique indexes, which cover every quad
// between them (see subjectIs).
var ingestReads = []string{"ops_index", "kg_label_index"}

// ensureIndexes builds any of quadIndexes that is missing: kg's own on a
// graph Cayley created, or those a bulk load dropped and did not build
// again (it died). It reports how many of Cayley's it built. The indexes
// are built two at a time, on two connections (CREATE INDEX takes a lock
// that lets other index builds run): an index build is one sort on one
// core, and two at a time took 2.3 s where one after the other took 3.6 s
// for the BBC corpus's 315,000 quads.
func (p *pgStore) ensureIndexes(ctx context.Context) (int, error) {
	type index struct{ name, def string }
	var missing []index
	for _, ix := range slices.Concat(quadIndexes, uniqueIndexes) {
		var have bool
		if err := p.db.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, ix.name).Scan(&have); err != nil {
			return 0, redactError(err)
		}
		if !have {
			missing = append(missing, ix)
		}
	}
	todo := make(chan index, len(missing))
	for _, ix := range missing {
		todo <- ix
	}
	close(todo)
	errs := make(chan error, len(missing))
	var wg sync.WaitGroup
	for range min(2, len(missing)) {
		wg.Go(func() {
			for ix := range todo {
				create := `CREATE INDEX IF NOT EXISTS `
				if strings.HasSuffix(ix.name, "_unique") {
					create = `CREATE UNIQUE INDEX IF NOT EXISTS `
				}
				_, err := p.db.ExecContext(ctx, create+ix.name+` ON quads `+ix.def)
				if isUniqueViolation(err) { // a writer other than kg stored a quad twice (pgfresh.go)
					if err = p.dropRepeatedQuads(ctx); err == nil {
						_, err = p.db.ExecContext(ctx, create+ix.name+` ON quads `+ix.def)
					}
				}
				if err != nil {
					errs <- redactError(fmt.Errorf("build index %s: %w", ix.name, err))
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	cayleys := 0
	for _, ix := range missing {
		if !strings.HasPrefix(ix.name, "kg_") {
			cayleys++
		}
	}
	if err := <-errs; err != nil {
		return 0, err
	}
	if len(missing) > 0 {
		if _, err := p.db.ExecContext(ctx, `ANALYZE quads, nodes`); err != nil {
			return cayleys, redactError(fmt.Errorf("analyze: %w", err))
		}
	}
	p.noSubjectIndex, p.bulkNoReads = false, false
	if p.fresh != nil {
		err := p.fresh.end()
		p.fresh = nil
		return cayleys, err
	}
	return cayleys, nil
}

// isPostgreSQL reports whether the server is PostgreSQL itself: CockroachDB
// speaks its protocol but builds indexes otherwise, so bulk loads there
// keep every index.
func (p *pgStore) isPostgreSQL(ctx context.Context) bool {
	var v string
	if p.db.QueryRowContext(ctx, `SELECT version()`).Scan(&v) != nil {
		return false
	}
	return strings.HasPrefix(v, "PostgreSQL") && !strings.Contains(v, "Cockroach")
}

// beginBulk drops the secondary indexes a load of about adding quads does
// not need, when the load is large against the quads already stored
// (rebuilding costs about a third of what keeping them up costs per quad,
// but over the whole table). keep names indexes to leave alone. It
// reports whether it dropped any; endBulk (ensureIndexes) builds them
// again.
func (p *pgStore) beginBulk(ctx context.Context, adding int64, keep ...string) (bool, error) {
	if adding <= 0 || !p.isPostgreSQL(ctx) {
		return false, nil
	}
	var stored float64
	if err := p.db.QueryRowContext(ctx, `SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'quads'::regclass`).Scan(&stored); err != nil {
		return false, redactError(err)
	}
	if float64(adding) < stored/2 {
		return false, nil
	}
	var drop []string
	for _, ix := range quadIndexes {
		if !slices.Contains(keep, ix.name) {
			drop = append(drop, ix.name)
		}
	}
	if len(keep) == 0 { // an import: perhaps a fresh one
		f, err := p.beginFresh(ctx, adding)
		if err != nil {
			return false, err
		}
		if f != nil {
			p.fresh = f
			for _, ix := range uniqueIndexes {
				drop = append(drop, ix.name)
			}
		}
	}
	if len(drop) == 0 {
		return false, nil
	}
	if _, err := p.db.ExecContext(ctx, `DROP INDEX IF EXISTS `+strings.Join(drop, ", ")); err != nil {
		if p.fresh != nil {
			p.fresh.end()
			p.fresh = nil
		}
		return false, redactError(fmt.Errorf("drop indexes for a bulk load: %w", err))
	}
	p.noSubjectIndex = !slices.Contains(keep, "spo_index")
	p.bulkNoReads = len(keep) == 0
	return true, nil
}

// subjectIs is the condition "the quad's subject hash matches cond" (cond
// is the rest of the comparison, such as "= $1"). Without spo_index (a bulk
// load) it names the label too, so that PostgreSQL can answer from
// Cayley's two partial unique indexes (one for quads with a label, one
// for quads without), which hold every quad by subject between them; the
// plain condition would scan the table.
func (p *pgStore) subjectIs(cond string) string {
	c := `q.subject_hash ` + cond
	if p.noSubjectIndex {
		c = `(` + c + ` AND (q.label_hash IS NULL OR q.label_hash IS NOT NULL))`
	}
	return c
}
