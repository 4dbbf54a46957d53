// Package server serves the graph over HTTP for people and programs: a
// page to search a person, see the who-met-whom network around them and
// the sentence behind every fact, with a Gizmo console; and a JSON API
// under /api/. It only reads: nothing it serves writes to the store. Every
// asset is embedded in the binary (no CDN, works offline).
//
// Defaults that keep it safe to run: it listens on loopback and answers
// only requests whose Host names the loopback (no DNS rebinding); static
// files come from an embedded folder they cannot leave; request bodies are
// limited; Gizmo runs with a timeout, a result limit, a memory watchdog and
// a bounded number at once; pages carry a Content-Security-Policy that allows nothing from
// elsewhere.
package server

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/kg/browse"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/queries"
)

//go:embed static
var static embed.FS

// Config says what to serve and within which bounds.
type Config struct {
	Store *graph.Store
	// Timeout stops a Gizmo query (default queries.DefaultTimeout, 30s).
	Timeout time.Duration
	// Limit caps the results of a query (default queries.DefaultLimit).
	Limit int
	// MaxBody caps a request body in bytes (default 1 MiB).
	MaxBody int64
	// MaxNodes caps the people drawn in a network (default 150).
	MaxNodes int
	// Concurrent caps the Gizmo queries running at once; more wait their
	// turn, up to Timeout (default 2 per CPU).
	Concurrent int
	// MaxMemory stops the queries running when the heap grows past it,
	// in bytes (default 2 GiB).
	MaxMemory uint64
	// Loopback answers only requests whose Host header names the loopback
	// (localhost, 127.0.0.1, [::1]), which a web page elsewhere cannot
	// make a browser send to us (DNS rebinding). Serve sets it when the
	// address it listens on is a loopback one.
	Loopback bool
	// Log receives one line per request (nil: none).
	Log *log.Logger
}

// Server is the HTTP handler.
type Server struct {
	cfg     Config
	browse  *browse.Browser
	mux     *http.ServeMux
	sem     chan struct{}
	statsMu sync.Mutex
	stats   *Stats
	// drawings of networks already asked for
	drawings drawings
}

// New returns a Server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Store.QS == nil {
		return nil, errors.New("server: no store")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = queries.DefaultTimeout
	}
	if cfg.Limit <= 0 {
		cfg.Limit = queries.DefaultLimit
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 1 << 20
	}
	if cfg.MaxNodes <= 0 {
		cfg.MaxNodes = 150
	}
	if cfg.MaxMemory == 0 {
		cfg.MaxMemory = 2 << 30
	}
	if cfg.Concurrent <= 0 {
		cfg.Concurrent = 2 * runtime.GOMAXPROCS(0)
	}
	s := &Server{cfg: cfg, browse: browse.New(cfg.Store), mux: http.NewServeMux(), sem: make(chan struct{}, cfg.Concurrent),
		drawings: drawings{m: map[string]*networkReply{}}}
	assets, err := fs.Sub(static, "static")
	if err != nil {
		return nil, err
	}
	files := http.StripPrefix("/static/", http.FileServerFS(assets))
	s.mux.HandleFunc("GET /static/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // files only: no folder listings
			return
		}
		files.ServeHTTP(w, r)
	})
	s.mux.HandleFunc("GET /{$}", s.page)
	s.mux.HandleFunc("GET /api/entities", s.entities)
	s.mux.HandleFunc("GET /api/entity/{id...}", s.entity)
	s.mux.HandleFunc("GET /api/who-met", s.whoMet)
	s.mux.HandleFunc("GET /api/network", s.network)
	s.mux.HandleFunc("GET /api/stats", s.statsHandler)
	s.mux.HandleFunc("/api/query", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			writeError(w, http.StatusMethodNotAllowed, "method", "POST the Gizmo query: the body, or the form field \"query\"")
			return
		}
		s.query(w, r)
	})
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "no such API endpoint: "+r.Method+" "+r.URL.Path+" (see README: kg serve)")
	})
	return s, nil
}

// ServeHTTP applies the guards every request goes through, then routes it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			if s.cfg.Log != nil {
				s.cfg.Log.Printf("panic serving %s %s: %v", r.Method, r.URL.Path, p)
			}
			if !rec.wrote {
				writeError(rec, http.StatusInternalServerError, "internal", "internal error")
			}
		}
		if s.cfg.Log != nil {
			s.cfg.Log.Printf("%s %s %d %s", r.Method, r.URL.Path, rec.status, time.Since(start).Round(time.Millisecond))
		}
	}()
	h := rec.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "+
		"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	if s.cfg.Loopback && !loopbackHost(r.Host) {
		writeError(rec, http.StatusMisdirectedRequest, "bad_host",
			fmt.Sprintf("this server answers only to localhost, 127.0.0.1 or [::1], not %q", r.Host))
		return
	}
	r.Body = http.MaxBytesReader(rec, r.Body, s.cfg.MaxBody)
	s.mux.ServeHTTP(rec, r)
}

// loopbackHost reports whether a Host header names the loopback.
func loopbackHost(host string) bool {
	h := host
	if hh, _, err := net.SplitHostPort(host); err == nil {
		h = hh
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	if strings.EqualFold(h, "localhost") || strings.HasSuffix(strings.ToLower(h), ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// IsLoopback reports whether a listen address is on the loopback only.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "" {
		return false // all interfaces
	}
	return loopbackHost(host)
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// page serves the single page; /?focus=NAME is read by its script.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	b, err := static.ReadFile("static/index.html")
	if err != nil {
		writeError(w, http.StatusInternalServerError, "internal", err.Error())
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

// apiError is the body of every error the API returns.
type apiError struct {
	Error string `json:"error"`
	Code  string `json:"code"`
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, apiError{Error: msg, Code: code})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// Serve listens on addr and serves until ctx ends, then shuts down,
// letting requests in flight finish for a few seconds. ready, when not
// nil, is told the address actually listened on.
func Serve(ctx context.Context, addr string, cfg Config, ready func(net.Addr)) error {
	cfg.Loopback = IsLoopback(addr)
	s, err := New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	timeout := s.cfg.Timeout
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          cfg.Log,
	}
	go s.browse.Warm(ctx) // the name index, before the first keystroke
	if ready != nil {
		ready(ln.Addr())
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err := srv.Shutdown(sctx)
		<-done
		return err
	}
}
