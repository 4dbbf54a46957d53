package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	boltdb "github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cockroachdb/pebble"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	hboltdb "github.com/hidal-go/hidalgo/kv/bolt"
	"github.com/hidal-go/hidalgo/kv/flat"
	hleveldb "github.com/hidal-go/hidalgo/kv/flat/leveldb"
	hpebble "github.com/hidal-go/hidalgo/kv/flat/pebble"
	"github.com/syndtr/goleveldb/leveldb"
	lerrors "github.com/syndtr/goleveldb/leveldb/errors"
	lopt "github.com/syndtr/goleveldb/leveldb/opt"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// DefaultKind is the embedded backend a plain path gets when it does not
// exist yet. On the whole BBC corpus bbolt and pebble load equally fast
// (21-23 s here), bbolt answers who-met about twice as fast, several
// read-only processes can share its file, and it needs none of the
// wrappers pebble does; pebble takes a third of its disk. All survive
// kill -9 mid-ingest (README, "Backends", has the measurements).
const DefaultKind = "bbolt"

// EmbeddedKinds are the embedded backends --db accepts as "KIND:PATH".
var EmbeddedKinds = []string{"bbolt", "bolt", "leveldb", "pebble"}

// openEmbedded opens (creating if needed) an embedded store of the given
// kind at path; kind "" picks it by what is at path, else DefaultKind.
func openEmbedded(s *Store, kind, path string, opt Options) error {
	if path == "" {
		return errors.New("no path given for the embedded store")
	}
	info, statErr := os.Stat(path)
	if kind == "" {
		kind = DefaultKind
		if statErr == nil {
			kind = detectKind(path, info)
		}
	}
	if opt.ReadOnly && statErr != nil {
		return fmt.Errorf("open %s: %w (ingest articles first: kg ingest --db %s FILE...)", path, statErr, s.Spec)
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	wait := opt.Wait
	if wait == 0 {
		wait = 2 * time.Second
	}
	var (
		kv  hkv.KV
		err error
	)
	switch kind {
	case "bbolt":
		kv, err = openBBolt(path, opt.ReadOnly, wait)
	case "bolt":
		kv, err = openBoltDB(path, opt.ReadOnly, wait)
	case "leveldb":
		kv, err = retryLocked(wait, func() (hkv.KV, error) { return openLevelDB(path, opt.ReadOnly) })
	case "pebble":
		kv, err = retryLocked(wait, func() (hkv.KV, error) { return openPebble(path, opt.ReadOnly) })
	default:
		return fmt.Errorf("unknown embedded store kind %q (have: %s)", kind, strings.Join(EmbeddedKinds, ", "))
	}
	if errors.Is(err, errLocked) {
		return inUse(path)
	}
	if err != nil {
		return fmt.Errorf("open %s store %s: %w", kind, path, err)
	}
	if !opt.ReadOnly {
		if err := ckv.Init(kv, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			kv.Close()
			return fmt.Errorf("initialise %s: %w", path, err)
		}
		writeLock(path)
		s.closeFns = append(s.closeFns, func() error { return os.Remove(path + ".lock") })
	}
	// no_bloom: Cayley would otherwise scan the whole store at every open to
	// fill a duplicate filter (1.3 s at a million quads) and hold ~150 MB for it
	qs, err := ckv.New(kv, graph.Options{ckv.OptNoBloom: true})
	if err != nil {
		kv.Close()
		if errors.Is(err, graph.ErrNotInitialized) {
			return fmt.Errorf("%s is not a kg store (no graph in it)", path)
		}
		return fmt.Errorf("open %s: %w", path, err)
	}
	s.QS, s.Kind, s.kv = qs, kind, kv
	return nil
}

// detectKind tells an existing store's kind by what is on disk: bolt and
// bbolt share one file format (a file is opened with bbolt); pebble keeps
// OPTIONS-* files in its folder, leveldb does not.
func detectKind(path string, info os.FileInfo) string {
	if !info.IsDir() {
		return "bbolt"
	}
	if m, _ := filepath.Glob(filepath.Join(path, "OPTIONS-*")); len(m) > 0 {
		return "pebble"
	}
	if _, err := os.Stat(filepath.Join(path, "CURRENT")); err == nil {
		return "leveldb"
	}
	return DefaultKind
}

var errLocked = errors.New("locked by another process")

// retryLocked retries an open that failed on the folder's lock until wait
// has passed (leveldb and pebble fail at once instead of waiting).
func retryLocked(wait time.Duration, open func() (hkv.KV, error)) (hkv.KV, error) {
	deadline := time.Now().Add(wait)
	for {
		kv, err := open()
		if err == nil || !isLockErr(err) {
			return kv, err
		}
		if time.Now().After(deadline) {
			return nil, errLocked
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func isLockErr(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "resource temporarily unavailable") || strings.Contains(msg, "lock held") ||
		strings.Contains(msg, "LOCK:")
}

// mmapSize is the initial memory map of bolt and bbolt files: a large one
// keeps writers from remapping under readers (measured here: bbolt
// deadlocked growing the file while Gizmo readers held nested read
// transactions).
const mmapSize = 1 << 30

func openBBolt(path string, readOnly bool, wait time.Duration) (hkv.KV, error) {
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: wait, ReadOnly: readOnly, InitialMmapSize: mmapSize})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, errLocked
	}
	if err != nil {
		return nil, err
	}
	return hbolt.New(db), nil
}

// openBoltDB opens Cayley's "bolt" backend (github.com/boltdb/bolt, the
// unmaintained ancestor of bbolt; it dies at start-up under -race).
func openBoltDB(path string, readOnly bool, wait time.Duration) (hkv.KV, error) {
	db, err := boltdb.Open(path, 0o644, &boltdb.Options{Timeout: wait, ReadOnly: readOnly, InitialMmapSize: mmapSize})
	if errors.Is(err, boltdb.ErrTimeout) {
		return nil, errLocked
	}
	if err != nil {
		return nil, err
	}
	return hboltdb.New(db), nil
}

// openLevelDB opens goleveldb with every write synced, as Cayley's own
// leveldb backend does unless told "nosync".
func openLevelDB(path string, readOnly bool) (hkv.KV, error) {
	db, err := leveldb.OpenFile(path, &lopt.Options{ReadOnly: readOnly})
	if err != nil {
		if lerrors.IsCorrupted(err) {
			return nil, fmt.Errorf("%w (a leveldb store can be repaired with leveldb.RecoverFile)", err)
		}
		return nil, err
	}
	h := hleveldb.New(db)
	h.SetWriteOptions(&lopt.WriteOptions{Sync: true})
	return flat.Upgrade(h), nil
}

// openPebble opens pebble; hidalgo commits every batch with pebble.Sync.
func openPebble(path string, readOnly bool) (hkv.KV, error) {
	db, err := hpebble.OpenPathOptions(path, &pebble.Options{ReadOnly: readOnly})
	if err != nil {
		return nil, err
	}
	return flat.Upgrade(newGuarded(db)), nil
}

// guarded wraps pebble for Cayley's use:
//   - closing a transaction twice is harmless. hidalgo's kv.View closes every
//     read transaction twice (once when the view succeeds, once deferred);
//     pebble's Batch.Close puts the batch back in a sync.Pool each time, so
//     under concurrent readers the second Close could hand a batch another
//     goroutine had just taken from the pool back while in use (the race
//     detector saw it, 12 times in 8 readers);
//   - closing the store waits (up to 10 s) for open transactions, and a
//     transaction begun after it fails: pebble panics when a closed DB is
//     read ("pebble: closed"), where bbolt returns an error (a server
//     closing its store while a background reader ran hit it).
type guarded struct {
	flat.KV
	mu     sync.Mutex
	idle   *sync.Cond
	active int
	closed bool
}

func newGuarded(kv flat.KV) *guarded {
	g := &guarded{KV: kv}
	g.idle = sync.NewCond(&g.mu)
	return g
}

var errClosed = errors.New("store closed")

func (db *guarded) Tx(ctx context.Context, rw bool) (flat.Tx, error) {
	db.mu.Lock()
	if db.closed {
		db.mu.Unlock()
		return nil, errClosed
	}
	db.active++
	db.mu.Unlock()
	tx, err := db.KV.Tx(ctx, rw)
	if err != nil {
		db.done()
		return nil, err
	}
	return &onceTx{Tx: tx, done: db.done}, nil
}

func (db *guarded) done() {
	db.mu.Lock()
	db.active--
	if db.active == 0 {
		db.idle.Broadcast()
	}
	db.mu.Unlock()
}

func (db *guarded) Close() error {
	db.mu.Lock()
	if db.closed {
		db.mu.Unlock()
		return nil
	}
	db.closed = true
	deadline := time.AfterFunc(10*time.Second, db.idle.Broadcast)
	start := time.Now()
	for db.active > 0 && time.Since(start) < 10*time.Second {
		db.idle.Wait()
	}
	deadline.Stop()
	db.mu.Unlock()
	return db.KV.Close()
}

func (db *guarded) View(ctx context.Context, fn func(tx flat.Tx) error) error {
	return flat.View(ctx, db, fn)
}

func (db *guarded) Update(ctx context.Context, fn func(tx flat.Tx) error) error {
	return flat.Update(ctx, db, fn)
}

type onceTx struct {
	flat.Tx
	closed atomic.Bool
	done   func()
}

func (tx *onceTx) Close() error {
	if tx.closed.Swap(true) {
		return nil
	}
	err := tx.Tx.Close()
	tx.done()
	return err
}

// Commit commits and then closes: Cayley's batch writer commits without
// closing, and a transaction left open would hold Close up.
func (tx *onceTx) Commit(ctx context.Context) error {
	err := tx.Tx.Commit(ctx)
	tx.Close()
	return err
}
