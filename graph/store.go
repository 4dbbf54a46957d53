package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/memstore" // the mem: store
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"

	kg "github.com/newsgraph/kg"
)

// Options say how to open a store.
type Options struct {
	Base     string        // IRI base for articles and entities ("" = DefaultBase)
	ReadOnly bool          // open for reading; several readers may share a file store
	Wait     time.Duration // how long to wait for a file store another process holds (default 2s)
	// Log, when set, receives notes about repairs done at open
	Log func(format string, args ...any)
}

// Store is a Cayley quad store holding newsgraph's graph.
type Store struct {
	QS   graph.QuadStore
	IRIs IRIs
	Spec string // what --db said
	Kind string // "bbolt", "memstore", ...

	mu       sync.Mutex // one writer at a time (Cayley's stores need it)
	id       *Identity
	closeFns []func() error
	pg       *pgStore // PostgreSQL: kg's own bulk writer and reader
	kv       hkv.KV   // an embedded store's key-value store, read by kvindex.go
	iriIDs   sync.Map // quad.IRI -> uint64: ids of predicates and classes (kvindex.go)
}

// ErrInUse says a file store is held by another process.
var ErrInUse = errors.New("store in use")

// Open opens (creating if needed) the store named by spec:
//
//	mem:               an in-memory store, gone when the program ends
//	PATH               an embedded store: an existing one of any kind, else
//	                   a new DefaultKind one
//	KIND:PATH          an embedded store of that kind (bbolt, bolt, leveldb, pebble)
//	postgres://...     Cayley's SQL store on PostgreSQL (also postgresql://)
//
// Other backends register themselves in backends.
func Open(spec string, opt Options) (*Store, error) {
	if spec == "" {
		return nil, errors.New("no store given: use --db PATH (or set KG_DB)")
	}
	s := &Store{IRIs: NewIRIs(opt.Base), Spec: spec}
	for prefix, open := range backends {
		if strings.HasPrefix(spec, prefix) {
			return s, open(s, strings.TrimPrefix(spec, prefix), opt)
		}
	}
	for _, kind := range EmbeddedKinds {
		if strings.HasPrefix(spec, kind+":") {
			return s, openEmbedded(s, kind, strings.TrimPrefix(spec, kind+":"), opt)
		}
	}
	return s, openEmbedded(s, "", spec, opt)
}

// backends maps a --db prefix to the function that opens it.
var backends = map[string]func(s *Store, addr string, opt Options) error{
	"mem:": func(s *Store, _ string, _ Options) error {
		qs, err := graph.NewQuadStore("memstore", "", nil)
		if err != nil {
			return err
		}
		s.QS, s.Kind = qs, "memstore"
		return nil
	},
}

// lockInfo is written beside a file store by the process that holds it, so
// a second process can say who is in the way.
type lockInfo struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`
	Since   time.Time `json:"since"`
}

func writeLock(path string) {
	b, _ := json.Marshal(lockInfo{PID: os.Getpid(), Command: strings.Join(os.Args, " "), Since: time.Now().Round(time.Second)})
	_ = os.WriteFile(path+".lock", b, 0o644)
}

func inUse(path string) error {
	who := "another process"
	if b, err := os.ReadFile(path + ".lock"); err == nil {
		var li lockInfo
		if json.Unmarshal(b, &li) == nil && li.PID > 0 {
			who = fmt.Sprintf("process %d (%s, since %s)", li.PID, li.Command, li.Since.Format(time.DateTime))
		}
	}
	return fmt.Errorf("%w: %s is held by %s; wait for it to finish, or stop it, then try again", ErrInUse, path, who)
}

// Close closes the store.
func (s *Store) Close() error {
	if s.QS == nil {
		return nil
	}
	err := s.QS.Close()
	for _, f := range s.closeFns {
		f()
	}
	s.QS = nil
	return err
}

// Identity returns the cross-article identity index. It reads the store
// lazily, one name key or node at a time through the object and subject
// indexes (Cayley's KV stores index subjects and objects only: a scan by
// predicate would read the whole store).
func (s *Store) Identity(ctx context.Context) (*Identity, error) {
	if s.id != nil {
		return s.id, nil
	}
	id := newIdentity(s.IRIs)
	id.lookupKey = func(key string) ([]quad.IRI, error) {
		subjects, err := s.Subjects(ctx, KGKey, quad.String(key))
		return iriList(subjects), err
	}
	id.lookupLabel = func(node quad.IRI) (string, bool, error) {
		// the first label is enough: an entity has one per article that names it
		v, err := s.First(ctx, node, RDFSLabel)
		if str, ok := v.(quad.String); ok {
			return string(str), true, err
		}
		return "", false, err
	}
	s.id = id
	return id, nil
}

func iriList(vs []quad.Value) []quad.IRI {
	out := make([]quad.IRI, 0, len(vs))
	for _, v := range vs {
		if i, ok := v.(quad.IRI); ok {
			out = append(out, i)
		}
	}
	return out
}

// prefetchIdentity reads, in one query per kind on PostgreSQL, the name
// keys and labels a batch of extractions will ask the identity index for;
// one SQL round trip per key made PostgreSQL ingest slower than Cayley's
// own writer. Embedded stores answer each key from their indexes directly.
func (s *Store) prefetchIdentity(ctx context.Context, id *Identity, xs []*kg.Extraction) error {
	if s.pg == nil {
		return nil
	}
	var keys []quad.Value
	var nodes []quad.Value
	seen := map[string]bool{}
	for _, x := range xs {
		for _, e := range x.Entities {
			// Resolve asks first for the node minted from the entity's own name
			if own := s.IRIs.Entity(e.Type, e.Name); !seen[string(own)] {
				seen[string(own)] = true
				if _, ok := id.label[own]; !ok {
					nodes = append(nodes, own)
				}
			}
			for _, k := range append(Keys(e), kg.NameKey(e.Name)) {
				if k != "" && !seen[k] && !id.keyRead[k] {
					seen[k] = true
					keys = append(keys, quad.String(k))
				}
			}
		}
	}
	if len(keys) > 0 {
		found, err := s.pg.ends(ctx, quad.Object, keys, KGKey)
		if err != nil {
			return err
		}
		for _, k := range keys {
			key := string(k.(quad.String))
			id.keyRead[key] = true
			for _, e := range iriList(found[k]) {
				id.addKey(key, e)
				if _, ok := id.label[e]; !ok && !seen[string(e)] {
					seen[string(e)] = true
					nodes = append(nodes, e)
				}
			}
		}
	}
	if len(nodes) == 0 {
		return nil
	}
	labels, err := s.pg.firstObjects(ctx, nodes, RDFSLabel)
	if err != nil {
		return err
	}
	for _, n := range nodes {
		l, ok := labels[n]
		if !ok {
			id.absent[n.(quad.IRI)] = true
			continue
		}
		if str, ok := l.(quad.String); ok {
			id.label[n.(quad.IRI)] = string(str)
		}
	}
	return nil
}

// prefetchArticles reads, on PostgreSQL, the quads every article of a
// batch stored before, in one query (a query per article was a fifth of a
// PostgreSQL ingest); nil elsewhere, where ArticleQuads reads each.
func (s *Store) prefetchArticles(ctx context.Context, xs []*kg.Extraction) (map[quad.IRI][]quad.Quad, error) {
	if s.pg == nil {
		return nil, nil
	}
	out := map[quad.IRI][]quad.Quad{}
	var labels []quad.Value
	for _, x := range xs {
		a := s.IRIs.Article(x.Article)
		if _, ok := out[a]; !ok {
			out[a] = nil
			labels = append(labels, a)
		}
	}
	err := s.pg.eachOf(ctx, quad.Label, labels, func(q quad.Quad) bool {
		a := q.Label.(quad.IRI)
		out[a] = append(out[a], q)
		return true
	})
	return out, err
}

// each calls fn for every quad whose direction d holds v.
func (s *Store) each(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad)) error {
	return s.eachWhile(ctx, d, v, func(q quad.Quad) bool { fn(q); return true })
}

// eachWhile is each that stops when fn returns false.
func (s *Store) eachWhile(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) bool) error {
	if s.pg != nil {
		return s.pg.each(ctx, d, v, fn)
	}
	ref, err := s.QS.ValueOf(v)
	if err != nil || ref == nil {
		return err
	}
	it := s.QS.QuadIterator(d, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.QS.Quad(it.Result())
		if err != nil {
			return err
		}
		if !fn(q) {
			return nil
		}
	}
	return it.Err()
}

// ArticleQuads returns every quad an article stated (labelled with its
// IRI). It walks the article's neighbourhood through the subject and object
// indexes rather than scanning for the label (no KV index starts with the
// label): the article node and the entities it mentions, and the
// statements, meetings, quotes and sentences derived from it, keeping the
// quads that carry the article's label. Build puts every quad of an
// article within that reach.
func (s *Store) ArticleQuads(ctx context.Context, article quad.IRI) ([]quad.Quad, error) {
	var out []quad.Quad
	if s.pg != nil { // PostgreSQL has kg's index on labels: one query
		err := s.each(ctx, quad.Label, article, func(q quad.Quad) { out = append(out, q) })
		return out, err
	}
	seen := map[quad.Value]bool{}
	var nodes []quad.Value
	keep := func(q quad.Quad) {
		if q.Label == article {
			out = append(out, q)
		}
	}
	err := s.each(ctx, quad.Subject, article, func(q quad.Quad) {
		keep(q)
		if q.Predicate == SchemaMention && !seen[q.Object] {
			seen[q.Object] = true
			nodes = append(nodes, q.Object)
		}
	})
	if err != nil {
		return nil, err
	}
	err = s.each(ctx, quad.Object, article, func(q quad.Quad) {
		if q.Label != article {
			return
		}
		if q.Predicate == ProvDerived || q.Predicate == SchemaPartOf {
			if !seen[q.Subject] {
				seen[q.Subject] = true
				nodes = append(nodes, q.Subject)
			}
		} else {
			keep(q) // any other quad pointing at the article
		}
	})
	if err != nil {
		return nil, err
	}
	for _, n := range nodes {
		if err := s.each(ctx, quad.Subject, n, keep); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ArticleHash returns the content hash stored on an article node, or "".
func (s *Store) ArticleHash(ctx context.Context, article quad.IRI) (string, error) {
	var h string
	err := s.each(ctx, quad.Subject, article, func(q quad.Quad) {
		if q.Predicate == KGHash {
			if str, ok := q.Object.(quad.String); ok {
				h = string(str)
			}
		}
	})
	return h, err
}

// WriteStats counts what a write changed.
type WriteStats struct {
	Articles  int // articles whose quads were written or replaced
	Unchanged int // articles whose quads were already exactly in the store
	Added     int // quads added
	Deleted   int // quads removed
	Merged    int // surname-only nodes merged into a full name
}

// Write stores extractions, each replacing what its article said before,
// all in one transaction: either every article of the batch lands whole or
// none does. Writing the same article twice leaves the graph unchanged.
func (s *Store) Write(ctx context.Context, xs []*kg.Extraction) (WriteStats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var st WriteStats
	id, err := s.Identity(ctx)
	if err != nil {
		return st, err
	}
	if err := s.prefetchIdentity(ctx, id, xs); err != nil {
		return st, err
	}
	olds, err := s.prefetchArticles(ctx, xs)
	if err != nil {
		return st, err
	}
	adds, dels := newQuadSet(), newQuadSet()
	var learned []*Built
	for _, x := range xs {
		b := Build(x, s.IRIs, id)
		if id.err != nil {
			s.id = nil
			return st, fmt.Errorf("read the identity index: %w", id.err)
		}
		old, ok := olds[b.Article]
		if !ok {
			if old, err = s.ArticleQuads(ctx, b.Article); err != nil {
				return st, err
			}
		}
		oldSet, newSet := newQuadSet(), newQuadSet()
		for _, q := range old {
			oldSet.add(q)
		}
		for _, q := range b.Quads {
			newSet.add(q)
		}
		changed := false
		for _, q := range b.Quads {
			if !oldSet.has(q) {
				adds.add(q)
				dels.remove(q)
				changed = true
			}
		}
		for _, q := range old {
			if !newSet.has(q) {
				dels.add(q)
				changed = true
			}
		}
		for from, to := range b.absorb {
			if err := s.mergeNode(ctx, from, to, b.labels[to], adds, dels); err != nil {
				return st, err
			}
			id.merge(from, to)
			st.Merged++
			changed = true
		}
		if changed {
			st.Articles++
		} else {
			st.Unchanged++
		}
		// later articles of the batch must find this one's entities
		for node, label := range b.labels {
			id.learn(node, label, b.keys[node])
		}
		learned = append(learned, b)
	}
	st.Added, st.Deleted = adds.len(), dels.len()
	if st.Added+st.Deleted == 0 {
		return st, nil
	}
	deltas := make([]graph.Delta, 0, st.Added+st.Deleted)
	for _, q := range dels.list() {
		deltas = append(deltas, graph.Delta{Quad: q, Action: graph.Delete})
	}
	for _, q := range adds.list() {
		deltas = append(deltas, graph.Delta{Quad: q, Action: graph.Add})
	}
	if err := s.apply(ctx, deltas); err != nil {
		s.id = nil // the index learned what did not land: read it again
		return WriteStats{}, fmt.Errorf("write %d articles: %w", len(xs), err)
	}
	// The next batch reads the index from the store again, as a process
	// that starts after this commit (a re-run after a crash) would: what
	// the index learned in memory does not always answer as the store does
	// after merges, and the kill -9 test found resumed runs resolving names
	// otherwise than a run that never stopped.
	s.id = nil
	return st, nil
}

// apply writes deltas in one transaction: Cayley's ApplyDeltas, or kg's
// bulk writer on PostgreSQL.
func (s *Store) apply(ctx context.Context, deltas []graph.Delta) error {
	if s.pg != nil {
		return s.pg.apply(ctx, deltas)
	}
	s.iriIDs.Clear() // a value whose quads all go loses its id
	return s.QS.ApplyDeltas(dodgeNegative(deltas), graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
}

// dodgeNegative works around a bug in Cayley's KV ApplyDeltas: a value
// that more deleted quads than added quads name (its reference count goes
// down) is not looked up for the added quads, which are then stored
// without it (subject, object or label empty; found by the kill -9 test
// once a later batch's merge rewrote an earlier batch's quads). For each
// such value it adds again some of the quads being deleted that name it:
// they are still in the store when the adds run, so Cayley skips them as
// duplicates and then deletes them, but they lift the value's net count
// to zero, and Cayley looks it up. The cost: such a value's reference
// count stays higher than its quads, so Cayley does not remove it when its
// last quad goes (an orphan value: no quad names it, queries never see it).
func dodgeNegative(deltas []graph.Delta) []graph.Delta {
	net := map[quad.Value]int{}
	inAdd := map[quad.Value]bool{}
	for _, d := range deltas {
		for _, v := range []quad.Value{d.Quad.Subject, d.Quad.Predicate, d.Quad.Object, d.Quad.Label} {
			if v == nil {
				continue
			}
			if d.Action == graph.Add {
				net[v]++
				inAdd[v] = true
			} else {
				net[v]--
			}
		}
	}
	// a re-added quad's own values must be looked up too: repeat until
	// every value an add names has a net count of zero or more
	short := func(v quad.Value) bool { return v != nil && inAdd[v] && net[v] < 0 }
	out := deltas
	readded := make([]bool, len(deltas))
	for changed := true; changed; {
		changed = false
		for i, d := range deltas {
			q := d.Quad
			if d.Action != graph.Delete || readded[i] || !(short(q.Subject) || short(q.Predicate) || short(q.Object) || short(q.Label)) {
				continue
			}
			readded[i], changed = true, true
			out = append(out, graph.Delta{Quad: q, Action: graph.Add})
			for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
				if v != nil {
					net[v]++
					inAdd[v] = true
				}
			}
		}
	}
	return out
}

// mergeNode rewrites every quad that names node from (in any article) to
// name node to instead, with to's label.
func (s *Store) mergeNode(ctx context.Context, from, to quad.IRI, label string, adds, dels *quadSet) error {
	rewrite := func(q quad.Quad) {
		if adds.has(q) {
			adds.remove(q)
		} else {
			dels.add(q)
		}
		n := q
		if n.Subject == from {
			n.Subject = to
		}
		if n.Object == from {
			n.Object = to
		}
		if n.Predicate == RDFType && n.Subject == to {
			if t := s.IRIs.TypeOfEntity(to); t != "" {
				n.Object = TypeIRI(t) // the merged node keeps the type of the node it joins
			}
		}
		if n.Predicate == RDFSLabel && n.Subject == to && quad.StringOf(n.Object) != quad.StringOf(quad.String(label)) {
			// the old label becomes another name for the merged node
			adds.add(quad.Quad{Subject: to, Predicate: SchemaAltName, Object: n.Object, Label: n.Label})
			n.Object = quad.String(label)
		}
		adds.add(n)
	}
	var found []quad.Quad
	collect := func(q quad.Quad) { found = append(found, q) }
	if err := s.each(ctx, quad.Subject, from, collect); err != nil {
		return err
	}
	if err := s.each(ctx, quad.Object, from, collect); err != nil {
		return err
	}
	for _, q := range adds.list() {
		if q.Subject == from || q.Object == from {
			found = append(found, q)
		}
	}
	for _, q := range found {
		rewrite(q)
	}
	return nil
}

// quadSet is a set of quads, in insertion order. quad.Quad is its own key:
// every value kg writes or Cayley reads back (IRI, String, TypedString,
// LangString, BNode, Int, ...) is a comparable Go value, and comparing
// them is much cheaper than building N-Quads strings.
type quadSet struct {
	idx   map[quad.Quad]int
	quads []quad.Quad
	live  []bool
	n     int
}

func newQuadSet() *quadSet { return &quadSet{idx: map[quad.Quad]int{}} }

func (s *quadSet) add(q quad.Quad) {
	if i, ok := s.idx[q]; ok {
		if !s.live[i] {
			s.live[i] = true
			s.n++
		}
		return
	}
	s.idx[q] = len(s.quads)
	s.quads = append(s.quads, q)
	s.live = append(s.live, true)
	s.n++
}

func (s *quadSet) has(q quad.Quad) bool {
	i, ok := s.idx[q]
	return ok && s.live[i]
}

func (s *quadSet) remove(q quad.Quad) {
	if i, ok := s.idx[q]; ok && s.live[i] {
		s.live[i] = false
		s.n--
	}
}

func (s *quadSet) len() int { return s.n }

func (s *quadSet) list() []quad.Quad {
	out := make([]quad.Quad, 0, s.n)
	for i, q := range s.quads {
		if s.live[i] {
			out = append(out, q)
		}
	}
	return out
}

// Stats returns the exact number of quads and nodes.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	return s.QS.Stats(ctx, true)
}

// Articles returns the IRIs of every article in the store.
func (s *Store) Articles(ctx context.Context) ([]quad.IRI, error) {
	var out []quad.IRI
	err := s.each(ctx, quad.Object, SchemaArticle, func(q quad.Quad) {
		if q.Predicate == RDFType {
			if i, ok := q.Subject.(quad.IRI); ok {
				out = append(out, i)
			}
		}
	})
	return out, err
}

// importBatch is how many quads AddQuads hands Cayley's bulk writer at
// once, and importCommit how many it writes per transaction: Cayley's KV
// writer would commit only every 200,000, holding them all in memory
// (measured: 530 MB peak importing a million quads into bbolt).
const (
	importBatch  = 10000
	importCommit = 50000
)

// AddQuads adds every quad r yields through Cayley's bulk writer (on
// PostgreSQL kg's, which COPYs: Cayley's writes a row at a time), in
// transactions of importCommit quads, skipping quads the store already
// holds. It returns how many quads it read. Quads are added as they are:
// no article is replaced (that is Write's job). Afterwards the
// cross-article identity index is read again, so imported kg:key and
// rdfs:label quads count when the next article is ingested. On an error,
// the transactions committed before it stay.
func (s *Store) AddQuads(ctx context.Context, r quad.Reader) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() { s.id = nil; s.iriIDs.Clear() }()
	if s.pg != nil {
		return s.pg.addQuads(ctx, r)
	}
	var w quad.WriteCloser
	n, inTx := 0, 0
	batch := importBatch
	buf := make([]quad.Quad, 0, batch)
	write := func() error {
		if len(buf) == 0 {
			return nil
		}
		if w == nil {
			var err error
			if w, err = s.QS.NewQuadWriter(); err != nil {
				return err
			}
		}
		if _, err := w.WriteQuads(buf); err != nil {
			return fmt.Errorf("after %d quads: %w", n-len(buf), err)
		}
		inTx += len(buf)
		buf = buf[:0]
		if inTx >= importCommit {
			err := w.Close()
			w, inTx = nil, 0
			if err != nil {
				return fmt.Errorf("after %d quads: %w", n, err)
			}
		}
		return ctx.Err()
	}
	fail := func(err error) (int, error) {
		if w != nil {
			w.Close()
		}
		return n, err
	}
	for {
		q, err := r.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fail(err)
		}
		if err := checkQuad(q, n+1); err != nil {
			return fail(err)
		}
		buf = append(buf, q)
		n++
		if len(buf) == batch {
			if err := write(); err != nil {
				return fail(err)
			}
		}
	}
	if err := write(); err != nil {
		return fail(err)
	}
	if w != nil {
		return n, w.Close()
	}
	return n, nil
}

// checkQuad refuses the nth quad of an import when it cannot be stored.
func checkQuad(q quad.Quad, nth int) error {
	if !q.IsValid() {
		return fmt.Errorf("quad %d (%s) lacks a subject, predicate or object", nth, q.NQuad())
	}
	return nil
}

// BeginBulk prepares the store for a load of about adding quads and
// returns the function that ends it, to be called when the load is done
// or fails. On PostgreSQL a load large against the stored graph writes
// without the Cayley indexes its reads do not need (pgbulk.go), and the
// end builds them again; elsewhere both do nothing. reads says whether
// the load reads the graph as it goes (an ingest resolving names does;
// an import does not, and drops them all). logf, when not nil, hears when
// the indexes are being built again and how long it took.
func (s *Store) BeginBulk(ctx context.Context, adding int64, reads bool, logf func(format string, args ...any)) (end func(context.Context) error, err error) {
	nothing := func(context.Context) error { return nil }
	if s.pg == nil {
		return nothing, nil
	}
	var keep []string
	if reads {
		keep = ingestReads
	}
	dropped, err := s.pg.beginBulk(ctx, adding, keep...)
	if err != nil || !dropped {
		return nothing, err
	}
	return func(ctx context.Context) error {
		start := time.Now()
		if logf != nil {
			logf("kg: building the indexes the bulk load went without...")
		}
		_, err := s.pg.ensureIndexes(ctx)
		if logf != nil && err == nil {
			logf("kg: indexes built in %s", time.Since(start).Round(100*time.Millisecond))
		}
		return err
	}, nil
}

// QuadCount returns the number of quads in the store (0 for a new store,
// where Cayley's KV backends report "no bucket" until the first write).
func (s *Store) QuadCount(ctx context.Context) (int64, error) {
	if s.pg != nil { // Cayley's SQL store reports 0 until its statistics catch up
		var n int64
		err := s.pg.db.QueryRowContext(ctx, `SELECT count(*) FROM quads`).Scan(&n)
		return n, redactError(err)
	}
	st, err := s.QS.Stats(ctx, true) // false is wrong on KV stores (CAYLEY-NOTES)
	if errors.Is(err, ckv.ErrNoBucket) {
		return 0, nil
	}
	return st.Quads.Value, err
}

// ContentHashes returns the content hash stored on each of the articles'
// nodes that has one, so that an ingest can skip unchanged files before
// reading them. Cayley's KV stores index subjects and objects only, so each
// article is one small subject lookup; PostgreSQL answers for all of them
// in one query through its predicate index.
func (s *Store) ContentHashes(ctx context.Context, articles []quad.IRI) (map[quad.IRI]string, error) {
	out := map[quad.IRI]string{}
	if s.pg != nil {
		want := make(map[quad.IRI]bool, len(articles))
		for _, a := range articles {
			want[a] = true
		}
		err := s.each(ctx, quad.Predicate, KGHash, func(q quad.Quad) {
			a, ok1 := q.Subject.(quad.IRI)
			h, ok2 := q.Object.(quad.String)
			if ok1 && ok2 && want[a] {
				out[a] = string(h)
			}
		})
		return out, err
	}
	for _, a := range articles {
		h, err := s.ArticleHash(ctx, a)
		if err != nil {
			return nil, err
		}
		if h != "" {
			out[a] = h
		}
	}
	return out, nil
}
