package graph

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// A fresh import: kg import into a graph with no quads yet (moving a graph
// to PostgreSQL: kg export on one machine, kg import on the other). Cayley's
// two unique indexes on quads exist to skip quads already stored; with
// nothing stored before, kg knows which quads the load has written (a
// 16-byte digest of each), so it drops those two indexes as well and
// inserts without ON CONFLICT, and counts each node's references itself.
// Keeping the unique indexes up and checking every quad against them was
// about half of the database's time for the BBC corpus. The load ends by
// building them again, as Cayley defines them (ensureIndexes; after a
// crash the next writable open does it: the quads are distinct, so it
// cannot fail).
//
// Other writers: while the unique indexes are missing, a write that relies
// on them could store a quad twice. The load holds a PostgreSQL advisory
// lock (bulkLockKey) for its whole length, and every other kg write takes
// it shared first, so it waits. Cayley's own writer (cayley load, its HTTP
// API) knows nothing of that lock, and its ON CONFLICT names no index: if
// it stored a quad twice meanwhile, building the unique index fails, and
// ensureIndexes removes the later copies (dropRepeatedQuads) and builds it.

// bulkLockKey is the advisory lock a fresh import holds ("kg_bulk").
const bulkLockKey int64 = 0x6b675f62756c6b

// uniqueIndexes are Cayley's unique indexes on quads (cayley graph/sql
// postgres flavor), which only a fresh import drops.
var uniqueIndexes = []struct{ name, def string }{
	{"spo_unique", "(subject_hash, predicate_hash, object_hash) WHERE label_hash IS NULL"},
	{"spol_unique", "(subject_hash, predicate_hash, object_hash, label_hash) WHERE label_hash IS NOT NULL"},
}

// maxFreshQuads bounds a fresh import by its estimated size: its digests
// take about 40 bytes a quad of memory.
const maxFreshQuads = 10_000_000

// freshLoad is what a fresh import keeps while it runs.
type freshLoad struct {
	conn  *sql.Conn // the session holding bulkLockKey
	seen  map[[16]byte]struct{}
	seeds [2]maphash.Seed
}

// beginFresh starts a fresh import when the graph has no quads and no other
// kg holds the bulk lock; it returns nil otherwise.
func (p *pgStore) beginFresh(ctx context.Context, adding int64) (*freshLoad, error) {
	if !p.replica || adding > maxFreshQuads {
		return nil, nil
	}
	conn, err := p.db.Conn(ctx)
	if err != nil {
		return nil, redactError(err)
	}
	var locked, empty bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, bulkLockKey).Scan(&locked); err != nil || !locked {
		conn.Close()
		return nil, redactError(err)
	}
	if err := conn.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM quads)`).Scan(&empty); err != nil || !empty {
		conn.Close() // the session's end releases the lock
		return nil, redactError(err)
	}
	return &freshLoad{conn: conn, seen: map[[16]byte]struct{}{}, seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}, nil
}

// freshImportRunning reports whether another kg holds the bulk lock: its
// indexes are missing because it is loading, not because a load died.
func (p *pgStore) freshImportRunning(ctx context.Context) bool {
	if !p.postgres {
		return false
	}
	var free bool
	err := p.db.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM pg_locks
		WHERE locktype = 'advisory' AND granted AND mode = 'ExclusiveLock' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
		AND objsubid = 1 AND (classid::bigint << 32 | objid::bigint) = $1)`, bulkLockKey).Scan(&free)
	return err == nil && !free
}

// isUniqueViolation reports whether err is PostgreSQL's unique_violation.
func isUniqueViolation(err error) bool {
	var pe *pq.Error
	return errors.As(err, &pe) && pe.Code == "23505"
}

// dropRepeatedQuads deletes every quad stored again after its first copy
// and takes the copies' references off their nodes.
func (p *pgStore) dropRepeatedQuads(ctx context.Context) error {
	_, err := p.db.ExecContext(ctx, `WITH gone AS (
		DELETE FROM quads q USING quads r
		WHERE q.subject_hash = r.subject_hash AND q.predicate_hash = r.predicate_hash AND q.object_hash = r.object_hash
		  AND q.label_hash IS NOT DISTINCT FROM r.label_hash AND q.horizon > r.horizon
		RETURNING q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash),
	dec AS (`+fmt.Sprintf(perNode, "gone")+`)
	UPDATE nodes SET refs = nodes.refs - dec.n FROM dec WHERE nodes.hash = dec.h`)
	return err
}

// end releases the bulk lock.
func (f *freshLoad) end() error {
	_, err := f.conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, bulkLockKey)
	if cerr := f.conn.Close(); err == nil {
		err = cerr
	}
	return redactError(err)
}

// unseen keeps the quads the load has not written yet (as Cayley tells
// values apart: by their hashes) and remembers them as written.
func (f *freshLoad) unseen(adds []quad.Quad, hashes map[quad.Value]csql.NodeHash) []quad.Quad {
	out := adds[:0:0]
	var buf [4 * quad.HashSize]byte
	for _, q := range adds {
		for i, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			var h csql.NodeHash
			if v != nil {
				h = hashes[v]
			}
			copy(buf[i*quad.HashSize:], h.ValueHash[:])
		}
		var d [16]byte
		binary.LittleEndian.PutUint64(d[:8], maphash.Bytes(f.seeds[0], buf[:]))
		binary.LittleEndian.PutUint64(d[8:], maphash.Bytes(f.seeds[1], buf[:]))
		if _, ok := f.seen[d]; !ok {
			f.seen[d] = struct{}{}
			out = append(out, q)
		}
	}
	return out
}

// addFresh writes a fresh import's batch: every quad is new, and each node
// row carries its number of references in these quads.
func (p *pgStore) addFresh(exec func(string, ...any) error, b *pgBatch, cols string) error {
	if err := planBatch(exec); err != nil {
		return err
	}
	if err := exec(`INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts) `+batchQuads,
		b.rows[0], b.rows[1], b.rows[2], b.rows[3]); err != nil {
		return err
	}
	return exec(fmt.Sprintf(`INSERT INTO nodes (hash, refs, %[1]s) SELECT hash, refs, %[1]s FROM kg_nodes ORDER BY ord
		ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`, cols))
}
