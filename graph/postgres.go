package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // the "postgres" SQL store (lib/pq)
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"
)

// PostgreSQL (and CockroachDB, which speaks its protocol) hold the graph in
// Cayley's SQL store: tables nodes (one row per value, keyed by its hash,
// with a reference count) and quads (four hashes). Cayley writes a quad at
// a time, about 3,000 quads/s here; kg writes its batches with COPY into
// temporary tables and a few set-based statements that keep Cayley's
// hashes, reference counts and constraints exactly as Cayley's own writer
// would, so Cayley reads what kg wrote and can delete it again (the tests
// check both). Reads that kg does for itself (an article's quads, the
// identity index) are single joins instead of a lookup per value.

func init() {
	open := func(scheme string) func(s *Store, addr string, opt Options) error {
		return func(s *Store, addr string, opt Options) error { return openPostgres(s, scheme+addr, opt) }
	}
	backends["postgres://"] = open("postgres://")
	backends["postgresql://"] = open("postgresql://")
}

// pgStore is what kg keeps beside Cayley's SQL store: its own connection
// pool (the same DSN) for bulk writes and fast reads.
type pgStore struct {
	db *sql.DB
	// replica: the role may set session_replication_role, so kg's bulk
	// statements skip the row-by-row foreign-key triggers on quads (every
	// node is inserted before its quads in the same transaction, and a
	// node is removed only when no quad counts it); otherwise they run.
	replica bool
	// noSubjectIndex: a bulk load dropped spo_index (see subjectIs);
	// bulkNoReads: it dropped every index, as nothing reads until it ends
	noSubjectIndex, bulkNoReads bool
	// fresh: a fresh import is running (pgfresh.go)
	fresh *freshLoad
	// postgres: the server is PostgreSQL itself (not CockroachDB)
	postgres bool

	mu    sync.Mutex
	stmts map[string]*sql.Stmt // prepared once: PostgreSQL plans a large query in milliseconds
}

// prepared returns the statement for q, preparing it on first use; after
// a few runs PostgreSQL keeps a generic plan for it.
func (p *pgStore) prepared(ctx context.Context, q string) (*sql.Stmt, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if st, ok := p.stmts[q]; ok {
		return st, nil
	}
	st, err := p.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, redactError(err)
	}
	if p.stmts == nil {
		p.stmts = map[string]*sql.Stmt{}
	}
	p.stmts[q] = st
	return st, nil
}

func openPostgres(s *Store, dsn string, opt Options) error {
	addSecret(dsnPassword(dsn))
	shown := Redact(dsn)
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return redactError(fmt.Errorf("open %s: %w", shown, err))
	}
	ctx, cancel := context.WithTimeout(context.Background(), max(opt.Wait, 10*time.Second))
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return redactError(fmt.Errorf("connect to %s: %w", shown, err))
	}
	var have sql.NullString
	if err := db.QueryRowContext(ctx, `SELECT to_regclass('quads')::text`).Scan(&have); err != nil {
		db.Close()
		return redactError(fmt.Errorf("%s: %w", shown, err))
	}
	if !have.Valid {
		if opt.ReadOnly {
			db.Close()
			return fmt.Errorf("%s holds no graph yet (ingest articles first: kg ingest --db URL FILE...)", shown)
		}
		if err := graph.InitQuadStore("postgres", dsn, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			db.Close()
			return redactError(fmt.Errorf("create Cayley's tables in %s: %w", shown, err))
		}
	}
	pg := &pgStore{db: db, replica: mayReplicate(ctx, db)}
	pg.postgres = pg.isPostgreSQL(ctx)
	if !opt.ReadOnly && !pg.freshImportRunning(ctx) {
		// kg's label index; and a bulk load that died left indexes dropped
		// (no timeout: rebuilding a large graph's indexes takes a while)
		if n, err := pg.ensureIndexes(context.Background()); err != nil {
			db.Close()
			return fmt.Errorf("%s: %w", shown, err)
		} else if n > 0 && opt.Log != nil {
			opt.Log("kg: %s: built %d of Cayley's indexes again (a bulk load stopped before it finished)", shown, n)
		}
	}
	qs, err := graph.NewQuadStore("postgres", dsn, nil)
	if err != nil {
		db.Close()
		return redactError(fmt.Errorf("open %s: %w", shown, err))
	}
	s.QS, s.Kind = qs, "postgres"
	s.pg = pg
	s.closeFns = append(s.closeFns, func() error {
		if pg.fresh != nil { // closed before the import ended: its indexes are built by the next open
			pg.fresh.conn.Close()
		}
		return db.Close()
	})
	return nil
}

// mayReplicate reports whether the role may skip triggers for its own
// session (a superuser, or granted SET on session_replication_role).
func mayReplicate(ctx context.Context, db *sql.DB) bool {
	var ok bool
	if db.QueryRowContext(ctx, `SELECT rolsuper FROM pg_roles WHERE rolname = current_user`).Scan(&ok) == nil && ok {
		return true
	}
	ok = false
	db.QueryRowContext(ctx, `SELECT has_parameter_privilege('session_replication_role', 'SET')`).Scan(&ok)
	return ok
}

// nodeColumns are Cayley's value columns of the nodes table, in the order
// kg copies them.
var nodeColumns = []string{"value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

// nodeRow is a node's hash (h) and value columns as Cayley's SQL store writes
// them (csql.NodeValues decides which columns a value fills).
func nodeRow(v quad.Value, h csql.NodeHash) ([]any, error) {
	typ, vals, err := csql.NodeValues(h, v)
	if err != nil {
		return nil, err
	}
	row := make([]any, 1+len(nodeColumns))
	row[0] = vals[0]
	for i, col := range typ.Columns() {
		for j, c := range nodeColumns {
			if c == col {
				row[1+j] = vals[1+i]
			}
		}
	}
	return row, nil
}

func hashOf(v quad.Value) any { return csql.HashOf(v).SQLValue() }

// perNode counts by node the four directions of the quads a statement
// touched (%[1]s names the statement).
const perNode = `SELECT h, count(*) AS n FROM (
	SELECT subject_hash AS h FROM %[1]s UNION ALL SELECT predicate_hash FROM %[1]s
	UNION ALL SELECT object_hash FROM %[1]s UNION ALL SELECT label_hash FROM %[1]s WHERE label_hash IS NOT NULL) x GROUP BY h`

// pgBatch is a batch of deltas made ready for writing: the work that needs
// no database (splitting, dropping repeated quads, hashing every value
// once) is done before the transaction, so that an import prepares the
// next batch while PostgreSQL writes this one.
type pgBatch struct {
	adds, dels []quad.Quad
	nodes      [][]any          // kg_nodes rows: hash, value columns, ord, refs
	rows       [4]pq.Int32Array // each added quad's subject, predicate, object and label as ord (0: no label)
	deltas     int
	fresh      bool // for a fresh import: every add is new, refs counts its quads
}

// preparePG makes deltas ready for pgStore.write; for a fresh import (f
// not nil) it leaves out the quads the import has written already.
func preparePG(deltas []graph.Delta, f *freshLoad) (*pgBatch, error) {
	b := &pgBatch{deltas: len(deltas), fresh: f != nil}
	for _, d := range deltas {
		if d.Action == graph.Delete {
			b.dels = append(b.dels, d.Quad)
		} else {
			b.adds = append(b.adds, d.Quad)
		}
	}
	b.adds = distinctQuads(b.adds)
	hashes := make(map[quad.Value]csql.NodeHash, len(b.adds))
	for _, q := range b.adds {
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if _, ok := hashes[v]; v != nil && !ok {
				hashes[v] = csql.HashOf(v)
			}
		}
	}
	if f != nil {
		b.adds = f.unseen(b.adds, hashes)
	}
	ord := make(map[quad.Value]int, len(hashes)) // each value's kg_nodes row number, in the order the quads name it
	var refs []int
	for _, q := range b.adds {
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v == nil {
				continue
			}
			if i, ok := ord[v]; ok {
				refs[i-1]++
				continue
			}
			ord[v] = len(ord) + 1
			refs = append(refs, 1)
			row, err := nodeRow(v, hashes[v])
			if err != nil {
				return nil, fmt.Errorf("copy nodes: %w", err)
			}
			b.nodes = append(b.nodes, append(row, ord[v], 0))
		}
	}
	if b.fresh {
		for i, row := range b.nodes {
			row[len(row)-1] = refs[i]
		}
	}
	for i := range b.rows {
		b.rows[i] = make(pq.Int32Array, len(b.adds))
	}
	for i, q := range b.adds {
		for j, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v != nil {
				b.rows[j][i] = int32(ord[v])
			}
		}
	}
	return b, nil
}

// apply writes deltas in one transaction: the same rows Cayley's
// ApplyDeltas would write (IgnoreDup, IgnoreMissing), set-based.
func (p *pgStore) apply(ctx context.Context, deltas []graph.Delta) error {
	b, err := preparePG(deltas, nil)
	if err != nil {
		return err
	}
	return p.write(ctx, b)
}

// write writes a prepared batch in one transaction.
func (p *pgStore) write(ctx context.Context, b *pgBatch) (err error) {
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
			err = redactError(err)
		}
	}()
	exec := func(q string, args ...any) error {
		_, err := tx.ExecContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("%s: %w", strings.Fields(q)[0]+" "+strings.Fields(q)[1], err)
		}
		return nil
	}
	switch {
	case p.fresh != nil && !b.fresh:
		return errors.New("graph: a write during a fresh import") // kg's own bug: AddQuads holds the store
	case p.fresh == nil && p.postgres:
		// wait for a fresh import (another kg's) to end: see pgfresh.go
		if err := exec(`SELECT pg_advisory_xact_lock_shared($1)`, bulkLockKey); err != nil {
			return err
		}
	}
	if p.replica {
		if err := exec(`SET LOCAL session_replication_role = replica`); err != nil {
			return err
		}
	}
	// touched: nodes whose count went down, or that were inserted with a
	// count of 0; those left at 0 are removed at the end, as Cayley does
	for _, q := range []string{
		`CREATE TEMP TABLE kg_del (s bytea, p bytea, o bytea, l bytea) ON COMMIT DROP`,
		`CREATE TEMP TABLE kg_add (s bytea, p bytea, o bytea, l bytea) ON COMMIT DROP`,
		`CREATE TEMP TABLE kg_nodes (hash bytea, ` + strings.Join([]string{"value bytea", "value_string text",
			"datatype text", "language text", "iri boolean", "bnode boolean", "value_int bigint", "value_bool boolean",
			"value_float double precision", "value_time timestamp with time zone", "ord int", "refs int"}, ", ") + `) ON COMMIT DROP`,
		`CREATE TEMP TABLE kg_touched (h bytea) ON COMMIT DROP`,
	} {
		if err := exec(q); err != nil {
			return err
		}
	}
	copyQuads := func(table string, qs []quad.Quad) error {
		stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, "s", "p", "o", "l"))
		if err != nil {
			return err
		}
		for _, q := range qs {
			var l any
			if q.Label != nil {
				l = hashOf(q.Label)
			}
			if _, err := stmt.ExecContext(ctx, hashOf(q.Subject), hashOf(q.Predicate), hashOf(q.Object), l); err != nil {
				stmt.Close()
				return err
			}
		}
		if _, err := stmt.ExecContext(ctx); err != nil {
			stmt.Close()
			return err
		}
		return stmt.Close()
	}
	if len(b.dels) > 0 {
		if err := copyQuads("kg_del", b.dels); err != nil {
			return fmt.Errorf("copy deletions: %w", err)
		}
		if err := exec(`WITH gone1 AS (
			DELETE FROM quads q USING kg_del d
			WHERE q.subject_hash = d.s AND q.predicate_hash = d.p AND q.object_hash = d.o AND q.label_hash = d.l
			RETURNING q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash),
		gone2 AS (
			DELETE FROM quads q USING kg_del d
			WHERE q.subject_hash = d.s AND q.predicate_hash = d.p AND q.object_hash = d.o
			  AND q.label_hash IS NULL AND d.l IS NULL
			RETURNING q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash),
		gone AS (SELECT * FROM gone1 UNION ALL SELECT * FROM gone2),
		dec AS (` + fmt.Sprintf(perNode, "gone") + `),
		upd AS (UPDATE nodes SET refs = nodes.refs - dec.n FROM dec WHERE nodes.hash = dec.h RETURNING nodes.hash)
		INSERT INTO kg_touched SELECT hash FROM upd`); err != nil {
			return err
		}
	}
	if len(b.adds) > 0 {
		stmt, err := tx.PrepareContext(ctx, pq.CopyIn("kg_nodes", append(append([]string{"hash"}, nodeColumns...), "ord", "refs")...))
		if err != nil {
			return err
		}
		for _, row := range b.nodes {
			if _, err := stmt.ExecContext(ctx, row...); err != nil {
				stmt.Close()
				return fmt.Errorf("copy nodes: %w", err)
			}
		}
		if _, err := stmt.ExecContext(ctx); err != nil {
			stmt.Close()
			return fmt.Errorf("copy nodes: %w", err)
		}
		stmt.Close()
		cols := strings.Join(nodeColumns, ", ")
		switch {
		case b.fresh:
			if err := p.addFresh(exec, b, cols); err != nil {
				return err
			}
		case p.replica:
			if err := p.addFast(exec, b, cols); err != nil {
				return err
			}
		default:
			if err := copyQuads("kg_add", b.adds); err != nil {
				return fmt.Errorf("copy quads: %w", err)
			}
			if err := p.addCounted(exec, cols); err != nil {
				return err
			}
		}
	}
	if err := exec(`DELETE FROM nodes USING (SELECT DISTINCT h FROM kg_touched) t WHERE nodes.hash = t.h AND nodes.refs <= 0`); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return p.analyzeAfter(ctx, b.deltas)
}

// addFast adds the quads with no foreign-key triggers (replica role): the
// quads go first and each node is written once, with its count (inserting
// nodes at 0 and counting them up after was a third of the time). The
// quads travel as numbers of kg_nodes rows, in four integer arrays that
// are the statement's parameters (COPYing four hashes a quad in hex took
// 2.7 s of the BBC corpus's 14 s of database time; COPYing the numbers
// into a temporary table, which then had to be analyzed, about 2 s). A quad
// already stored is skipped and counts nothing (Cayley's IgnoreDup), and
// a node only such quads name is not written. (Leaving stored quads out
// by looking them up instead of ON CONFLICT was slower: 12.9 s against
// 9.4 s for the BBC corpus.) Quads and
// nodes go in in the order they were given: Cayley's reader has no ORDER
// BY, and which of several values Gizmo's ToValue() gives follows the
// rows' order on disk.
func (p *pgStore) addFast(exec func(string, ...any) error, b *pgBatch, cols string) error {
	if err := planBatch(exec); err != nil {
		return err
	}
	return exec(`WITH ins AS (
		INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts) `+batchQuads+`
		ON CONFLICT DO NOTHING
		RETURNING subject_hash, predicate_hash, object_hash, label_hash),
	inc AS (`+fmt.Sprintf(perNode, "ins")+`)
	INSERT INTO nodes (hash, refs, `+cols+`) SELECT n.hash, inc.n, `+cols+`
	FROM kg_nodes n JOIN inc ON inc.h = n.hash ORDER BY n.ord
	ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`,
		b.rows[0], b.rows[1], b.rows[2], b.rows[3])
}

// batchQuads selects a batch's quads in the order given, their values'
// hashes found by row number in kg_nodes ($1-$4: pgBatch.rows).
const batchQuads = `SELECT ns.hash, np.hash, no.hash, nl.hash, now()
		FROM unnest($1::int[], $2::int[], $3::int[], $4::int[]) WITH ORDINALITY AS a(s, p, o, l, n)
		JOIN kg_nodes ns ON ns.ord = a.s JOIN kg_nodes np ON np.ord = a.p JOIN kg_nodes no ON no.ord = a.o
		LEFT JOIN kg_nodes nl ON nl.ord = a.l
		ORDER BY a.n`

// planBatch readies the planner for a statement over batchQuads.
func planBatch(exec func(string, ...any) error) error {
	// temporary tables have no statistics: planned blind, the joins by
	// number ran as nested loops (minutes for a batch)
	if err := exec(`ANALYZE kg_nodes`); err != nil {
		return err
	}
	// memory enough to sort and count a batch without spilling to disk
	return exec(`SET LOCAL work_mem = '64MB'`)
}

// distinctQuads drops repeated quads, keeping the first of each (an import
// may hold a quad twice; looking stored quads up does not see the batch's own).
func distinctQuads(qs []quad.Quad) []quad.Quad {
	seen := make(map[quad.Quad]bool, len(qs))
	out := qs[:0:0]
	for _, q := range qs {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

// addCounted inserts kg_nodes and kg_add with the foreign keys checked
// row by row: every node first, at a count of 0, then the quads, then the
// counts; nodes left at 0 are removed at the end of apply.
func (p *pgStore) addCounted(exec func(string, ...any) error, cols string) error {
	if err := exec(`INSERT INTO nodes (hash, refs, ` + cols + `) SELECT hash, 0, ` + cols +
		` FROM kg_nodes ON CONFLICT (hash) DO NOTHING`); err != nil {
		return err
	}
	if err := exec(`WITH ins AS (
			INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
			SELECT s, p, o, l, now() FROM kg_add ON CONFLICT DO NOTHING
			RETURNING subject_hash, predicate_hash, object_hash, label_hash),
		inc AS (` + fmt.Sprintf(perNode, "ins") + `)
		UPDATE nodes SET refs = nodes.refs + inc.n FROM inc WHERE nodes.hash = inc.h`); err != nil {
		return err
	}
	return exec(`INSERT INTO kg_touched SELECT hash FROM kg_nodes`)
}

// analyzeAfter refreshes the planner's statistics after a large write.
func (p *pgStore) analyzeAfter(ctx context.Context, written int) error {
	if p.bulkNoReads {
		return nil // ensureIndexes analyzes at the end
	}
	// A bulk load outruns autovacuum's statistics: planned for the empty
	// table it was, finding an article's quads scans them all (30 ms an
	// article after the first batch of the BBC corpus, a third of the
	// ingest). Refresh them when a batch changed a fifth of the table.
	// (Which plan Cayley's reader gets decides which of several values
	// Gizmo's ToValue() returns on PostgreSQL, which has no order without
	// ORDER BY: refreshing less often made TestWhoMetEqualsGizmo see
	// another of a meeting's two evidence sentences.)
	var rows float64
	if p.db.QueryRowContext(ctx, `SELECT reltuples FROM pg_class WHERE oid = 'quads'::regclass`).Scan(&rows) == nil &&
		float64(written) > rows/5 {
		if _, err := p.db.ExecContext(ctx, `ANALYZE quads, nodes`); err != nil {
			return fmt.Errorf("analyze: %w", err)
		}
	}
	return nil
}

// valueSQL selects a node's value columns, as Cayley's NameOf reads them.
const valueSQL = `%[1]s.value, %[1]s.value_string, %[1]s.datatype, %[1]s.language, %[1]s.iri, %[1]s.bnode,
	%[1]s.value_int, %[1]s.value_bool, %[1]s.value_float, %[1]s.value_time`

type valueCols struct {
	data   []byte
	str    sql.NullString
	typ    sql.NullString
	lang   sql.NullString
	iri    sql.NullBool
	bnode  sql.NullBool
	vint   sql.NullInt64
	vbool  sql.NullBool
	vfloat sql.NullFloat64
	vtime  sql.NullTime
}

func (c *valueCols) dest() []any {
	return []any{&c.data, &c.str, &c.typ, &c.lang, &c.iri, &c.bnode, &c.vint, &c.vbool, &c.vfloat, &c.vtime}
}

// value decodes the columns exactly as Cayley's SQL store does (NameOf).
func (c *valueCols) value() (quad.Value, error) {
	unescape := func(s string) string { return strings.ReplaceAll(s, `\x00`, "\u0000") }
	switch {
	case c.str.Valid:
		switch {
		case c.iri.Bool:
			return quad.IRI(c.str.String), nil
		case c.bnode.Bool:
			return quad.BNode(c.str.String), nil
		case c.lang.Valid:
			return quad.LangString{Value: quad.String(unescape(c.str.String)), Lang: c.lang.String}, nil
		case c.typ.Valid:
			return quad.TypedString{Value: quad.String(unescape(c.str.String)), Type: quad.IRI(c.typ.String)}, nil
		}
		return quad.String(unescape(c.str.String)), nil
	case c.vint.Valid:
		return quad.Int(c.vint.Int64), nil
	case c.vbool.Valid:
		return quad.Bool(c.vbool.Bool), nil
	case c.vfloat.Valid:
		return quad.Float(c.vfloat.Float64), nil
	case c.vtime.Valid:
		return quad.Time(c.vtime.Time.UTC()), nil
	case c.data == nil:
		return nil, nil
	}
	return pquads.UnmarshalValue(c.data)
}

// each calls fn for every quad whose direction d holds v, in one query, in
// the order they were written (as Cayley's KV indexes list them), until fn
// returns false.
func (p *pgStore) each(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) bool) error {
	return p.eachOf(ctx, d, []quad.Value{v}, fn)
}

// eachOf is each for several values in one query: a batch's articles.
func (p *pgStore) eachOf(ctx context.Context, d quad.Direction, vs []quad.Value, fn func(quad.Quad) bool) error {
	cond := `q.` + d.String() + `_hash = ANY($1::bytea[])`
	if d == quad.Subject {
		cond = p.subjectIs(`= ANY($1::bytea[])`)
	}
	return p.eachWhere(ctx, cond, []any{pq.Array(byteaArray(vs))}, fn)
}

// eachMatch calls fn for the quads with this subject (or object, when subj
// is nil) and predicate, and this object when both are given: the filter
// runs in PostgreSQL, so a person's label is one row, not the thousands of
// quads the person is the subject of.
func (p *pgStore) eachMatch(ctx context.Context, subj quad.Value, pred quad.IRI, obj quad.Value, fn func(quad.Quad) bool) error {
	where, args := `q.predicate_hash = $1`, []any{hashOf(pred)}
	if subj != nil {
		args = append(args, hashOf(subj))
		where += ` AND ` + p.subjectIs(fmt.Sprintf(`= $%d`, len(args)))
	}
	if obj != nil {
		args = append(args, hashOf(obj))
		where += fmt.Sprintf(` AND q.object_hash = $%d`, len(args))
	}
	return p.eachWhere(ctx, where, args, fn)
}

// eachWhere runs the quads query with a condition on q and decodes each row.
func (p *pgStore) eachWhere(ctx context.Context, where string, args []any, fn func(quad.Quad) bool) error {
	q := `SELECT ` + fmt.Sprintf(valueSQL, "s") + `, ` + fmt.Sprintf(valueSQL, "p") + `, ` +
		fmt.Sprintf(valueSQL, "o") + `, ` + fmt.Sprintf(valueSQL, "l") + `
	FROM quads q
	JOIN nodes s ON s.hash = q.subject_hash
	JOIN nodes p ON p.hash = q.predicate_hash
	JOIN nodes o ON o.hash = q.object_hash
	LEFT JOIN nodes l ON l.hash = q.label_hash
	WHERE ` + where + `
	ORDER BY q.horizon`
	rows, err := p.db.QueryContext(ctx, q, args...)
	if err != nil {
		return redactError(err)
	}
	defer rows.Close()
	var cols [4]valueCols
	dest := make([]any, 0, 40)
	for i := range cols {
		dest = append(dest, cols[i].dest()...)
	}
	for rows.Next() {
		for i := range cols {
			cols[i] = valueCols{}
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		var vals [4]quad.Value
		for i := range cols {
			if vals[i], err = cols[i].value(); err != nil {
				return err
			}
		}
		if !fn(quad.Quad{Subject: vals[0], Predicate: vals[1], Object: vals[2], Label: vals[3]}) {
			return nil
		}
	}
	return redactError(rows.Err())
}

// ends returns, for each value of fixed (at direction at), the values at
// the other end (subject for an object, object for a subject) of the quads
// with predicate pred: one query for a whole batch's name keys or labels,
// where a lookup per value costs a round trip each.
func (p *pgStore) ends(ctx context.Context, at quad.Direction, fixed []quad.Value, pred quad.IRI) (map[quad.Value][]quad.Value, error) {
	other := quad.Subject
	if at == quad.Subject {
		other = quad.Object
	}
	cond := `q.` + at.String() + `_hash = ANY($1::bytea[])`
	if at == quad.Subject {
		cond = p.subjectIs(`= ANY($1::bytea[])`)
	}
	// each distinct pair once, in the order first written: a person's label
	// is stated once per article, and reading it hundreds of times made
	// who-met take a third of a second on a million quads
	q := `SELECT ` + fmt.Sprintf(valueSQL, "f") + `, ` + fmt.Sprintf(valueSQL, "e") + `
	FROM (SELECT q.` + at.String() + `_hash AS fh, q.` + other.String() + `_hash AS eh, min(q.horizon) AS h
		FROM quads q
		WHERE ` + cond + ` AND q.predicate_hash = $2
		GROUP BY 1, 2) x
	JOIN nodes f ON f.hash = x.fh
	JOIN nodes e ON e.hash = x.eh
	ORDER BY x.h`
	out := map[quad.Value][]quad.Value{}
	err := p.pairs(ctx, q, []any{pq.Array(byteaArray(fixed)), hashOf(pred)}, func(f, e quad.Value) { out[f] = append(out[f], e) })
	return out, err
}

// pairs runs a query that selects two values' columns (valueSQL twice) and
// calls fn with each row's two values.
func (p *pgStore) pairs(ctx context.Context, q string, args []any, fn func(f, e quad.Value)) error {
	rows, err := p.db.QueryContext(ctx, q, args...)
	if err != nil {
		return redactError(err)
	}
	defer rows.Close()
	var cols [2]valueCols
	dest := append(cols[0].dest(), cols[1].dest()...)
	for rows.Next() {
		cols = [2]valueCols{}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		f, err := cols[0].value()
		if err != nil {
			return err
		}
		e, err := cols[1].value()
		if err != nil {
			return err
		}
		fn(f, e)
	}
	return redactError(rows.Err())
}

// firstObjects returns, for each subject, the object of its first written
// quad with predicate pred (as First and Gizmo see it): one query for many
// subjects. A subject with one distinct object (most people have one
// label, stated once per article that names them) is answered from the
// index; only one with several has its rows ordered by when they were
// written.
func (p *pgStore) firstObjects(ctx context.Context, subjects []quad.Value, pred quad.IRI) (map[quad.Value]quad.Value, error) {
	q := `SELECT ` + fmt.Sprintf(valueSQL, "f") + `, ` + fmt.Sprintf(valueSQL, "e") + `
	FROM unnest($1::bytea[]) AS u(h)
	CROSS JOIN LATERAL (SELECT CASE WHEN count(*) = 1 THEN (array_agg(d.o))[1] ELSE
			(SELECT q.object_hash FROM quads q WHERE ` + p.subjectIs(`= u.h`) + ` AND q.predicate_hash = $2
			ORDER BY q.horizon LIMIT 1) END AS object_hash
		FROM (SELECT DISTINCT q.object_hash AS o FROM quads q
			WHERE ` + p.subjectIs(`= u.h`) + ` AND q.predicate_hash = $2) d
		HAVING count(*) > 0) x
	JOIN nodes f ON f.hash = u.h
	JOIN nodes e ON e.hash = x.object_hash`
	out := map[quad.Value]quad.Value{}
	err := p.pairs(ctx, q, []any{pq.Array(byteaArray(subjects)), hashOf(pred)}, func(f, e quad.Value) { out[f] = e })
	return out, err
}

// distinctEnds returns the distinct values at direction want of the quads
// whose other end is fixed and whose predicate is pred, in hash order: a
// name key or a person stated by a thousand articles is a thousand index
// entries, read without their rows.
func (p *pgStore) distinctEnds(ctx context.Context, want quad.Direction, fixed quad.Value, pred quad.IRI) ([]quad.Value, error) {
	other := quad.Object
	if want == quad.Object {
		other = quad.Subject
	}
	cond := `q.` + other.String() + `_hash = $2`
	if other == quad.Subject {
		cond = p.subjectIs(`= $2`)
	}
	q := `SELECT ` + fmt.Sprintf(valueSQL, "e") + `
	FROM (SELECT DISTINCT q.` + want.String() + `_hash AS h FROM quads q
		WHERE q.predicate_hash = $1 AND ` + cond + `) x
	JOIN nodes e ON e.hash = x.h
	ORDER BY x.h`
	rows, err := p.db.QueryContext(ctx, q, hashOf(pred), hashOf(fixed))
	if err != nil {
		return nil, redactError(err)
	}
	defer rows.Close()
	var out []quad.Value
	var c valueCols
	for rows.Next() {
		c = valueCols{}
		if err := rows.Scan(c.dest()...); err != nil {
			return nil, err
		}
		v, err := c.value()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, redactError(rows.Err())
}

// byteaArray lists the values' hashes for an ANY($1::bytea[]) parameter.
func byteaArray(vs []quad.Value) [][]byte {
	out := make([][]byte, 0, len(vs))
	for _, v := range vs {
		h := csql.HashOf(v)
		out = append(out, h.ValueHash[:])
	}
	return out
}
