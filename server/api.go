package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/browse"
	"github.com/newsgraph/kg/queries"
	"github.com/newsgraph/kg/viz"
)

// GET /api/entities?q=NAME[&limit=N]: entities found by any name.
func (s *Server) entities(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	limit := intParam(r, "limit", 20, 1, 100)
	hits, err := s.browse.Search(r.Context(), q, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q, "results": hits})
}

// GET /api/entity/{id}: everything about one entity, with evidence.
// The id is what /api/entities gives ("person/vladimir-putin") or a full IRI.
func (s *Server) entity(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if id == "" {
		writeError(w, http.StatusBadRequest, "bad_request", "give an entity id: /api/entity/person/vladimir-putin")
		return
	}
	e, err := s.browse.Entity(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, e)
}

// GET /api/who-met?name=NAME: the rows of the named query who-met, read as
// kg who-met reads them (queries.WhoMet, through the store's indexes).
func (s *Server) whoMet(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.URL.Query().Get("name"))
	if name == "" {
		writeError(w, http.StatusBadRequest, "bad_request", "give a name: /api/who-met?name=Putin")
		return
	}
	var rows []any
	err := s.gizmo(r.Context(), func(ctx context.Context) (err error) {
		ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
		defer cancel()
		rows, err = queries.WhoMet(ctx, s.cfg.Store, name)
		if s.cfg.Limit > 0 && len(rows) > s.cfg.Limit {
			rows = rows[:s.cfg.Limit]
		}
		return err
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"name": name, "result": rows})
}

// svgNode ties an element of a drawing to the entity it shows.
type svgNode struct {
	DOM  string `json:"dom"` // the SVG element's id
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

type networkReply struct {
	Title   string          `json:"title"`
	Network *browse.Network `json:"network"`
	SVG     string          `json:"svg"`
	Nodes   []svgNode       `json:"nodes"`
}

// drawings caches network drawings: the store is read-only while served,
// so a drawing never goes stale.
type drawings struct {
	mu sync.Mutex
	m  map[string]*networkReply
}

// GET /api/network?around=NAME&hops=1&since=&until=&relations=1: the
// who-met-whom network as data and as an SVG drawing.
func (s *Server) network(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := browse.Filter{Around: q["around"], Hops: intParam(r, "hops", 1, 1, 4), Since: q.Get("since"), Until: q.Get("until"),
		Relations: boolParam(q.Get("relations")), MaxNodes: intParam(r, "max", s.cfg.MaxNodes, 1, s.cfg.MaxNodes)}
	if err := f.Check(); err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	key := fmt.Sprintf("%q|%d|%s|%s|%v|%d", f.Around, f.Hops, f.Since, f.Until, f.Relations, f.MaxNodes)
	s.drawings.mu.Lock()
	reply := s.drawings.m[key]
	s.drawings.mu.Unlock()
	if reply == nil {
		n, err := s.browse.Network(r.Context(), f)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		reply = &networkReply{Title: networkTitle(n), Network: n, Nodes: []svgNode{}}
		if len(n.People) > 0 {
			g := viz.FromNetwork(n, "")
			svg, nodes, err := draw(r.Context(), g, "net-")
			if err != nil {
				s.fail(w, r, err)
				return
			}
			reply.SVG, reply.Nodes = svg, nodes
		}
		s.drawings.mu.Lock()
		if len(s.drawings.m) >= 256 {
			clear(s.drawings.m)
		}
		s.drawings.m[key] = reply
		s.drawings.mu.Unlock()
	}
	writeJSON(w, http.StatusOK, reply)
}

func networkTitle(n *browse.Network) string {
	if len(n.Focus) == 0 {
		return "Who met whom"
	}
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
	return "Who met whom around " + strings.Join(names, " and ")
}

// draw lays a graph out as inline SVG and says which element shows which node.
func draw(ctx context.Context, g *viz.Graph, prefix string) (string, []svgNode, error) {
	opt := viz.Options{IDPrefix: prefix}
	svg, err := viz.Layout(ctx, g.DOT(opt), "svg")
	if err != nil {
		return "", nil, err
	}
	nodes := make([]svgNode, len(g.Nodes))
	for i, n := range g.DOMIDs(opt) {
		nodes[i] = svgNode{DOM: n.DOM, ID: n.Node.ID, Name: n.Node.Label, Kind: n.Node.Kind}
	}
	return string(viz.InlineSVG(svg)), nodes, nil
}

// GET /api/stats: how big the graph is (counted once: the store is read-only).
type Stats struct {
	browse.Counts
	Store string `json:"store"`
}

func (s *Server) statsHandler(w http.ResponseWriter, r *http.Request) {
	s.statsMu.Lock()
	defer s.statsMu.Unlock()
	if s.stats == nil {
		c, err := s.browse.Counts(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		s.stats = &Stats{Counts: c, Store: s.cfg.Store.Kind}
	}
	writeJSON(w, http.StatusOK, s.stats)
}

type queryReply struct {
	Result    []any                 `json:"result"`
	Labels    map[string]browse.Ref `json:"labels"`
	Truncated bool                  `json:"truncated"`
	Limit     int                   `json:"limit"`
	TookMS    int64                 `json:"took_ms"`
	SVG       string                `json:"svg,omitempty"`
	Nodes     []svgNode             `json:"nodes,omitempty"`
}

// POST /api/query[?limit=N&graph=1]: run Gizmo. The script is the form
// field "query" (application/x-www-form-urlencoded or multipart) or the
// raw body, as Cayley's /api/v1/query/gizmo takes it. With graph=1 the
// reply also draws the results: each row's IRIs joined (source and target
// when the row has them, else id to each other tag).
func (s *Server) query(w http.ResponseWriter, r *http.Request) {
	script, err := readScript(r)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("request body over %d bytes", tooBig.Limit))
			return
		}
		writeError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	if strings.TrimSpace(script) == "" {
		writeError(w, http.StatusBadRequest, "bad_request", `no query: send Gizmo as the body, or as the form field "query"`)
		return
	}
	limit := intParam(r, "limit", s.cfg.Limit, 1, s.cfg.Limit)
	start := time.Now()
	var res []any
	err = s.gizmo(r.Context(), func(ctx context.Context) (err error) {
		// one more than asked, to tell a full page from a cut one
		res, err = queries.Run(ctx, s.cfg.Store.QS, script, queries.Options{Timeout: s.cfg.Timeout, Limit: limit + 1})
		return err
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	reply := queryReply{Result: res, Limit: limit, Labels: map[string]browse.Ref{}}
	if len(res) > limit {
		reply.Result, reply.Truncated = res[:limit], true
	}
	var iris []quad.IRI
	seen := map[string]bool{}
	for _, row := range reply.Result {
		collectIRIs(row, seen, &iris, 2000)
	}
	for i, ref := range s.browse.Labels(r.Context(), iris) {
		reply.Labels["<"+string(i)+">"] = ref
	}
	if boolParam(r.URL.Query().Get("graph")) {
		if g := resultGraph(reply.Result, reply.Labels, 200); len(g.Nodes) > 0 {
			reply.SVG, reply.Nodes, err = draw(r.Context(), g, "q-")
			if err != nil {
				s.fail(w, r, err)
				return
			}
		}
	}
	reply.TookMS = time.Since(start).Milliseconds()
	writeJSON(w, http.StatusOK, reply)
}

// readScript reads the Gizmo text of a request: the form field "query",
// else the whole body. (curl -d 'g.V()...' sends a script as a form
// without the field name: Cayley takes the raw body then, and so do we.)
func readScript(r *http.Request) (string, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "multipart/form-data" {
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			return "", err
		}
		return r.PostFormValue("query"), nil
	}
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return "", err
	}
	if ct == "application/x-www-form-urlencoded" {
		if form, err := url.ParseQuery(string(b)); err == nil && form.Has("query") {
			return form.Get("query"), nil
		}
	}
	return string(b), nil
}

// errBusy says every query slot stayed taken for a whole timeout.
var errBusy = errors.New("server busy: too many queries at once")

// errMemory says the server's heap passed Config.MaxMemory while queries ran.
var errMemory = errors.New("the server's memory passed its limit")

// gizmo runs fn when a query slot is free: at most Concurrent queries at
// once, the others waiting up to Timeout. While fn runs, a watchdog stops
// it (through its context, as the timeout does) if the heap grows past
// MaxMemory: Gizmo has no memory limit of its own, and a script that
// fills an array (measured: 1.3 GB in 30 s) would otherwise take the
// machine's memory long before its timeout.
func (s *Server) gizmo(ctx context.Context, fn func(context.Context) error) error {
	t := time.NewTimer(s.cfg.Timeout)
	defer t.Stop()
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return errBusy
	}
	defer func() { <-s.sem }()
	qctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	done := make(chan struct{})
	defer close(done)
	go func() {
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				if heapBytes() > s.cfg.MaxMemory {
					cancel(errMemory)
					return
				}
			}
		}
	}()
	err := fn(qctx)
	if context.Cause(qctx) == errMemory {
		debug.FreeOSMemory() // give the script's garbage back now
		return errMemory
	}
	return err
}

// heapBytes is the memory the heap's objects take, live or not yet swept.
func heapBytes() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

// fail answers an error with the status it deserves.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, browse.ErrNotFound):
		writeError(w, http.StatusNotFound, "not_found", err.Error())
	case errors.Is(err, queries.ErrTimeout):
		writeError(w, http.StatusGatewayTimeout, "timeout",
			fmt.Sprintf("the query ran longer than the server's %s limit and was stopped; narrow it (fewer hops, a Limit()) or ask for a longer --timeout", s.cfg.Timeout))
	case errors.Is(err, errMemory):
		writeError(w, http.StatusServiceUnavailable, "memory",
			fmt.Sprintf("the query was stopped: the server's memory passed its %d MiB limit while it ran; narrow it (a Limit(), fewer values kept)", s.cfg.MaxMemory>>20))
	case errors.Is(err, errBusy):
		writeError(w, http.StatusServiceUnavailable, "busy", err.Error()+"; try again shortly")
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "cancelled", "the request was cancelled: "+err.Error())
	case errors.Is(err, viz.ErrLayout):
		writeError(w, http.StatusInternalServerError, "layout", err.Error())
	case strings.HasPrefix(err.Error(), "gizmo:"):
		writeError(w, http.StatusBadRequest, "gizmo", err.Error())
	default:
		if s.cfg.Log != nil {
			s.cfg.Log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
		}
		writeError(w, http.StatusInternalServerError, "internal", err.Error())
	}
}

func intParam(r *http.Request, name string, def, lo, hi int) int {
	v, err := strconv.Atoi(r.URL.Query().Get(name))
	if err != nil {
		return def
	}
	return max(lo, min(v, hi))
}

func boolParam(v string) bool {
	b, _ := strconv.ParseBool(v)
	return b || v == "on" || v == "yes"
}

// isIRI reports whether a Gizmo JSON value is an IRI ("<...>").
func isIRI(s string) bool {
	return len(s) > 2 && s[0] == '<' && s[len(s)-1] == '>' && !strings.ContainsAny(s, "\" \n")
}

func collectIRIs(v any, seen map[string]bool, out *[]quad.IRI, max int) {
	switch v := v.(type) {
	case string:
		if isIRI(v) && !seen[v] && len(*out) < max {
			seen[v] = true
			*out = append(*out, quad.IRI(v[1:len(v)-1]))
		}
	case map[string]any:
		for _, x := range v {
			collectIRIs(x, seen, out, max)
		}
	case []any:
		for _, x := range v {
			collectIRIs(x, seen, out, max)
		}
	}
}

// resultGraph draws query results: a row with source and target is an
// edge (labelled by its label or predicate tag); otherwise the row's id
// is joined to each other tag holding an IRI, labelled with the tag.
func resultGraph(rows []any, labels map[string]browse.Ref, maxNodes int) *viz.Graph {
	g := &viz.Graph{}
	have := map[string]bool{}
	node := func(iri string) bool {
		if have[iri] {
			return true
		}
		if len(g.Nodes) >= maxNodes {
			return false
		}
		have[iri] = true
		ref, ok := labels[iri]
		if !ok {
			ref = browse.Ref{ID: iri, Name: strings.Trim(iri, "<>")}
		}
		kind := map[string]string{"PERSON": viz.KindPerson, "ORG": viz.KindOrg, "PLACE": viz.KindPlace}[ref.Type]
		if kind == "" {
			kind = viz.KindOther
		}
		g.Nodes = append(g.Nodes, viz.Node{ID: iri, Label: ref.Name, Kind: kind, Tooltip: strings.Trim(iri, "<>")})
		return true
	}
	edges := map[string]bool{}
	edge := func(from, to, label string) {
		if from == to || !node(from) || !node(to) {
			return
		}
		k := from + "\x00" + to + "\x00" + label
		if edges[k] {
			return
		}
		edges[k] = true
		g.Edges = append(g.Edges, viz.Edge{From: from, To: to, Relation: label, Label: label, Weight: 1, Directed: true})
	}
	for _, row := range rows {
		switch v := row.(type) {
		case string:
			if isIRI(v) {
				node(v)
			}
		case map[string]any:
			src, _ := v["source"].(string)
			dst, _ := v["target"].(string)
			if isIRI(src) && isIRI(dst) {
				label, _ := v["label"].(string)
				if label == "" {
					label, _ = v["predicate"].(string)
				}
				edge(src, dst, shortLabel(label))
				continue
			}
			id, _ := v["id"].(string)
			var tags []string
			for k := range v {
				tags = append(tags, k)
			}
			sort.Strings(tags)
			if !isIRI(id) {
				for _, k := range tags {
					if s, ok := v[k].(string); ok && isIRI(s) {
						node(s)
					}
				}
				continue
			}
			node(id)
			for _, k := range tags {
				if s, ok := v[k].(string); ok && k != "id" && isIRI(s) {
					edge(id, s, k)
				}
			}
		}
	}
	return g
}

// shortLabel shortens a predicate IRI to its last segment.
func shortLabel(s string) string {
	s = strings.Trim(s, "<>")
	if i := strings.LastIndexAny(s, "#/"); i >= 0 && i < len(s)-1 {
		return s[i+1:]
	}
	return s
}
