package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/loader"
)

// seedStore writes the seed article, as the extractor reads it, and a
// small hand-made article into a file store, and opens it read-only, as
// kg serve does.
func seedStore(t testing.TB) *graph.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kg.db")
	st, err := graph.Open(path, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := loader.ReadFile("../testdata/seed-witkoff-putin.txt", "", loader.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	x, err := loader.New()
	if err != nil {
		t.Fatal(err)
	}
	date := "2024-05-02"
	hand := &kg.Extraction{
		Article: "hand.txt", Date: &date, Title: "Ames and Bell meet in Paris",
		Entities: []kg.Entity{{Name: "Alice Ames", Type: kg.Person}, {Name: "Bob Bell", Type: kg.Person},
			{Name: "Paris", Type: kg.Place}, {Name: `Eve <script>alert("x")</script> Evil`, Type: kg.Person}},
		Meetings: []kg.Meeting{{Participants: []string{"Alice Ames", "Bob Bell"}, Place: "Paris", Date: "2024-05-01", Evidence: []int{0}},
			{Participants: []string{"Alice Ames", `Eve <script>alert("x")</script> Evil`}, Evidence: []int{1}}},
		Sentences: []kg.Sentence{{Index: 0, Text: "Alice Ames met Bob Bell in Paris on 1 May."},
			{Index: 1, Text: "Ames also saw a person with a dangerous name."}},
	}
	if _, err := st.Write(context.Background(), []*kg.Extraction{x.Extract(a), hand}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := graph.Open(path, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	return ro
}

func newServer(t testing.TB, cfg Config) *Server {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = seedStore(t)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// do sends one request to the handler.
func do(t testing.TB, h http.Handler, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func decode[T any](t testing.TB, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type %q, want JSON; body: %s", ct, w.Body)
	}
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("reply is not JSON: %v\n%s", err, w.Body)
	}
	return v
}

type hitsReply struct {
	Results []struct {
		ID, Name, Type string
		Articles       int
	}
}

func TestEntitiesSearch(t *testing.T) {
	s := newServer(t, Config{})
	for _, q := range []string{"putin", "Vladimir Putin", "President Putin", "Vlad"} {
		w := do(t, s, "GET", "/api/entities?q="+url.QueryEscape(q), nil)
		if w.Code != 200 {
			t.Fatalf("%q: status %d: %s", q, w.Code, w.Body)
		}
		r := decode[hitsReply](t, w)
		if len(r.Results) == 0 || r.Results[0].Name != "Vladimir Putin" || r.Results[0].ID != "person/vladimir-putin" || r.Results[0].Type != "PERSON" {
			t.Errorf("search %q: %+v, want Vladimir Putin first", q, r.Results)
		}
	}
	r := decode[hitsReply](t, do(t, s, "GET", "/api/entities?q=nobody+at+all", nil))
	if len(r.Results) != 0 {
		t.Errorf("nobody at all: %+v", r.Results)
	}
}

type entityReply struct {
	Name     string
	Met      []struct{ ID, Name string }
	Meetings []struct {
		Date     string
		Place    *struct{ Name string }
		Evidence []struct {
			Text    string
			Article struct{ Name, Title, Date string }
		}
	}
	Quotes []struct {
		Text     string
		Evidence []struct{ Text string }
	}
}

func TestEntity(t *testing.T) {
	s := newServer(t, Config{})
	w := do(t, s, "GET", "/api/entity/person/vladimir-putin", nil)
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	e := decode[entityReply](t, w)
	met := map[string]bool{}
	for _, m := range e.Met {
		met[m.Name] = true
	}
	if e.Name != "Vladimir Putin" || !met["Steve Witkoff"] || !met["Jared Kushner"] {
		t.Errorf("Putin: %s met %v, want Witkoff and Kushner", e.Name, met)
	}
	// the hand-made article: evidence, place, date and article exactly
	e = decode[entityReply](t, do(t, s, "GET", "/api/entity/person/alice-ames", nil))
	if len(e.Meetings) != 2 {
		t.Fatalf("Ames's meetings: %+v", e.Meetings)
	}
	m := e.Meetings[0]
	if m.Date != "2024-05-01" || m.Place == nil || m.Place.Name != "Paris" || len(m.Evidence) != 1 ||
		m.Evidence[0].Text != "Alice Ames met Bob Bell in Paris on 1 May." || m.Evidence[0].Article.Name != "hand.txt" ||
		m.Evidence[0].Article.Title != "Ames and Bell meet in Paris" {
		t.Errorf("meeting: %+v", m)
	}
	// a full IRI, escaped, is an id too
	w = do(t, s, "GET", "/api/entity/"+url.PathEscape(graph.DefaultBase+"person/alice-ames"), nil)
	if w.Code != 200 || decode[entityReply](t, w).Name != "Alice Ames" {
		t.Errorf("by IRI: %d %s", w.Code, w.Body)
	}
	w = do(t, s, "GET", "/api/entity/person/nobody-at-all", nil)
	if w.Code != 404 || decode[apiError](t, w).Code != "not_found" {
		t.Errorf("unknown entity: %d %s", w.Code, w.Body)
	}
	// Peskov's quotes come with their sentences
	e = decode[entityReply](t, do(t, s, "GET", "/api/entity/person/dmitry-peskov", nil))
	if len(e.Quotes) == 0 || len(e.Quotes[0].Evidence) == 0 || !strings.Contains(e.Quotes[0].Evidence[0].Text, e.Quotes[0].Text) {
		t.Errorf("Peskov's quotes: %+v", e.Quotes)
	}
}

func TestWhoMet(t *testing.T) {
	s := newServer(t, Config{})
	w := do(t, s, "GET", "/api/who-met?name=Putin", nil)
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	r := decode[struct{ Result []map[string]any }](t, w)
	met := map[any]bool{}
	for _, row := range r.Result {
		met[row["met"]] = true
	}
	if !met["Steve Witkoff"] || !met["Jared Kushner"] {
		t.Errorf("who met Putin: %v", r.Result)
	}
	if w := do(t, s, "GET", "/api/who-met", nil); w.Code != 400 {
		t.Errorf("no name: %d", w.Code)
	}
}

type netReply struct {
	Title   string
	SVG     string
	Nodes   []svgNode
	Network struct {
		People []struct{ ID, Name string }
		Focus  []string
	}
}

// checkSVG parses an SVG and returns the text it draws.
func checkSVG(t testing.TB, svg string) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	var text strings.Builder
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
			}
		case xml.CharData:
			text.Write(tok)
			text.WriteByte('\n')
		}
	}
	if root != "svg" {
		t.Fatalf("root element %q, want svg", root)
	}
	return text.String()
}

// svgIDs returns the id attributes of an SVG's elements.
func svgIDs(t testing.TB, svg string) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Local == "id" {
					ids[a.Value] = true
				}
			}
		}
	}
	return ids
}

func TestNetwork(t *testing.T) {
	s := newServer(t, Config{})
	w := do(t, s, "GET", "/api/network?around=Putin&hops=1", nil)
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	r := decode[netReply](t, w)
	if r.Title != "Who met whom around Vladimir Putin" || len(r.Network.Focus) != 1 {
		t.Errorf("title %q focus %v", r.Title, r.Network.Focus)
	}
	text := checkSVG(t, r.SVG)
	for _, name := range []string{"Vladimir Putin", "Steve Witkoff", "Jared Kushner"} {
		if !strings.Contains(text, name) {
			t.Errorf("the SVG does not draw %s", name)
		}
	}
	if strings.Contains(text, "Alice Ames") {
		t.Error("Ames is drawn around Putin")
	}
	if len(r.Nodes) != len(r.Network.People) {
		t.Errorf("%d nodes wired for %d people", len(r.Nodes), len(r.Network.People))
	}
	ids := svgIDs(t, r.SVG)
	for _, n := range r.Nodes {
		if !ids[n.DOM] {
			t.Errorf("node %s (%s) has no element in the SVG", n.DOM, n.Name)
		}
	}
	// the whole network holds both articles' people; names are escaped
	r = decode[netReply](t, do(t, s, "GET", "/api/network", nil))
	text = checkSVG(t, r.SVG)
	if !strings.Contains(text, "Alice Ames") || !strings.Contains(text, "Vladimir Putin") {
		t.Errorf("whole network lacks Ames or Putin")
	}
	if strings.Contains(r.SVG, "<script") || !strings.Contains(text, `<script>alert("x")</script>`) {
		t.Error("a name holding markup is not drawn as text")
	}
	for _, bad := range []string{"/api/network?since=March", "/api/network?around=Nobody+Known"} {
		if w := do(t, s, "GET", bad, nil); w.Code/100 != 4 {
			t.Errorf("%s: status %d, want 4xx", bad, w.Code)
		}
	}
}

type queryResult struct {
	Result    []map[string]any
	Labels    map[string]struct{ ID, Name, Type string }
	Truncated bool
	SVG       string
}

func TestQueryBodyAndForm(t *testing.T) {
	s := newServer(t, Config{})
	script := `g.V().Has("<kg:key>", "putin").Both("<kg:met>").All()`
	check := func(name string, w *httptest.ResponseRecorder) {
		t.Helper()
		if w.Code != 200 {
			t.Fatalf("%s: status %d: %s", name, w.Code, w.Body)
		}
		r := decode[queryResult](t, w)
		names := map[string]bool{}
		for _, row := range r.Result {
			id, _ := row["id"].(string)
			names[r.Labels[id].Name] = true
		}
		if !names["Steve Witkoff"] || !names["Jared Kushner"] {
			t.Errorf("%s: %v (labels %v)", name, r.Result, r.Labels)
		}
	}
	check("raw body", do(t, s, "POST", "/api/query", strings.NewReader(script), "Content-Type", "text/plain"))
	check("form field", do(t, s, "POST", "/api/query", strings.NewReader(url.Values{"query": {script}}.Encode()),
		"Content-Type", "application/x-www-form-urlencoded"))
	// curl -d 'SCRIPT' sends a form without the field name, as for Cayley
	check("curl -d", do(t, s, "POST", "/api/query", strings.NewReader(script), "Content-Type", "application/x-www-form-urlencoded"))

	var mp bytes.Buffer
	mp.WriteString("--XX\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n" + script + "\r\n--XX--\r\n")
	check("multipart", do(t, s, "POST", "/api/query", &mp, "Content-Type", "multipart/form-data; boundary=XX"))

	// the limit: at most what the server allows, and says when it cut
	w := do(t, s, "POST", "/api/query?limit=2", strings.NewReader(`g.V().All()`))
	r := decode[queryResult](t, w)
	if len(r.Result) != 2 || !r.Truncated {
		t.Errorf("limit 2: %d results, truncated %v", len(r.Result), r.Truncated)
	}
	s2 := newServer(t, Config{Store: s.cfg.Store, Limit: 3})
	r = decode[queryResult](t, do(t, s2, "POST", "/api/query?limit=50", strings.NewReader(`g.V().All()`)))
	if len(r.Result) != 3 || !r.Truncated {
		t.Errorf("server limit 3: %d results", len(r.Result))
	}
	r = decode[queryResult](t, do(t, s, "POST", "/api/query?limit=50", strings.NewReader(`g.V().Has("<kg:key>", "putin").All()`)))
	if len(r.Result) != 1 || r.Truncated {
		t.Errorf("one result: %d, truncated %v", len(r.Result), r.Truncated)
	}
}

func TestQueryGraph(t *testing.T) {
	s := newServer(t, Config{})
	w := do(t, s, "POST", "/api/query?graph=1", strings.NewReader(
		`g.V().Has("<rdf:type>", "<schema:Person>").Tag("source").Out("<kg:met>").Tag("target").All()`))
	r := decode[queryResult](t, w)
	if len(r.Result) == 0 || r.SVG == "" {
		t.Fatalf("no graph: %s", w.Body)
	}
	text := checkSVG(t, r.SVG)
	if !strings.Contains(text, "Vladimir Putin") || !strings.Contains(text, "Steve Witkoff") {
		t.Errorf("the result graph lacks Putin or Witkoff")
	}
	// rows without IRIs draw nothing, and say so by an empty svg
	c := decode[struct {
		Result []any
		SVG    string
	}](t, do(t, s, "POST", "/api/query?graph=1", strings.NewReader(`g.emit(g.V().Count())`)))
	if c.SVG != "" || len(c.Result) != 1 {
		t.Errorf("count: %+v", c)
	}
}

func TestQueryErrors(t *testing.T) {
	s := newServer(t, Config{})
	for _, c := range []struct {
		body   string
		status int
		code   string
	}{
		{"", 400, "bad_request"},
		{"g.V(.All(", 400, "gizmo"},
		{`g.V().Has("<kg:key>", "putin").ForEach(function (x) { throw new Error("boom"); })`, 400, "gizmo"},
	} {
		w := do(t, s, "POST", "/api/query", strings.NewReader(c.body))
		e := decode[apiError](t, w)
		if w.Code != c.status || e.Code != c.code || e.Error == "" {
			t.Errorf("%q: %d %+v, want %d %s", c.body, w.Code, e, c.status, c.code)
		}
	}
	if w := do(t, s, "GET", "/api/query", nil); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET /api/query: %d, want 405", w.Code)
	}
	if w := do(t, s, "GET", "/api/nothing", nil); w.Code != 404 || decode[apiError](t, w).Code != "not_found" {
		t.Errorf("unknown endpoint: %d %s", w.Code, w.Body)
	}
}

// A script that never ends is stopped at the timeout with a clear JSON
// error, leaves nothing running, and the server goes on answering.
func TestRunawayQueryIsStopped(t *testing.T) {
	s := newServer(t, Config{Timeout: 500 * time.Millisecond})
	ts := httptest.NewServer(s)
	defer ts.Close()
	before := runtime.NumGoroutine()
	start := time.Now()
	res, err := http.Post(ts.URL+"/api/query", "text/plain", strings.NewReader(`while (true) {}`))
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	var e apiError
	json.NewDecoder(res.Body).Decode(&e)
	res.Body.Close()
	if res.StatusCode != http.StatusGatewayTimeout || e.Code != "timeout" || !strings.Contains(e.Error, "500ms") {
		t.Errorf("runaway: %d %+v, want 504 timeout naming the limit", res.StatusCode, e)
	}
	if took > 10*time.Second {
		t.Errorf("the runaway script was stopped after %s, the limit is 500ms", took)
	}
	// the server still answers, queries included
	res, err = http.Get(ts.URL + "/api/entities?q=putin")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("after the runaway: %v %v", err, res)
	}
	res.Body.Close()
	res, err = http.Post(ts.URL+"/api/query", "text/plain", strings.NewReader(`g.V().Has("<kg:key>", "putin").All()`))
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("a query after the runaway: %v %v", err, res)
	}
	res.Body.Close()
	// and the script's goroutines are gone (polled: they end asynchronously)
	http.DefaultClient.CloseIdleConnections()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+2 {
		t.Errorf("%d goroutines after the runaway, %d before", n, before)
	}
}

// A hundred queries at once are all answered, in full, without an error.
func TestHundredConcurrentQueries(t *testing.T) {
	s := newServer(t, Config{Timeout: 30 * time.Second})
	ts := httptest.NewServer(s)
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 0, MaxIdleConnsPerHost: 100}}
	defer client.CloseIdleConnections()
	const n = 100
	var wg sync.WaitGroup
	errs := make(chan error, n)
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			var req *http.Request
			if i%2 == 0 {
				req, _ = http.NewRequest("POST", ts.URL+"/api/query", strings.NewReader(`g.V().Has("<kg:key>", "putin").Both("<kg:met>").Out("<rdfs:label>").All()`))
			} else {
				req, _ = http.NewRequest("GET", ts.URL+"/api/who-met?name=Putin", nil)
			}
			res, err := client.Do(req)
			if err != nil {
				errs <- err
				return
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != 200 {
				errs <- fmt.Errorf("query %d: status %d: %s", i, res.StatusCode, body)
				return
			}
			if !bytes.Contains(body, []byte("Steve Witkoff")) {
				errs <- fmt.Errorf("query %d: answer lacks Witkoff: %s", i, body)
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestBodyLimit(t *testing.T) {
	s := newServer(t, Config{MaxBody: 1024})
	big := strings.Repeat("/* padding */ ", 200) + `g.V().All()` // over 1 KiB
	for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded"} {
		body := big
		if ct != "text/plain" {
			body = url.Values{"query": {big}}.Encode()
		}
		w := do(t, s, "POST", "/api/query", strings.NewReader(body), "Content-Type", ct)
		if e := decode[apiError](t, w); w.Code != http.StatusRequestEntityTooLarge || e.Code != "too_large" {
			t.Errorf("%s body of %d bytes: %d %+v, want 413", ct, len(body), w.Code, e)
		}
	}
	// a body under the limit is fine
	if w := do(t, s, "POST", "/api/query", strings.NewReader(`g.V().Has("<kg:key>", "putin").All()`)); w.Code != 200 {
		t.Errorf("small body: %d %s", w.Code, w.Body)
	}
}

// Static files come from the embedded folder and nowhere else.
func TestStaticCannotEscape(t *testing.T) {
	s := newServer(t, Config{})
	ts := httptest.NewServer(s)
	defer ts.Close()
	get := func(rawPath string) (int, string) {
		t.Helper()
		// send the path as it is, unclean, past the client's own cleaning
		conn, err := net.Dial("tcp", ts.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", rawPath)
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := get("/static/"); code != 404 || strings.Contains(body, "app.js") {
		t.Errorf("/static/ lists the folder: %d", code)
	}
	if code, body := get("/static/app.css"); code != 200 || !strings.Contains(body, "--accent") {
		t.Fatalf("app.css: %d", code)
	}
	for _, p := range []string{
		"/static/../server.go", "/static/../../go.mod", "/static/..%2fserver.go", "/static/%2e%2e/server.go",
		"/static/%2e%2e%2f%2e%2e%2fgo.mod", "/static/..\\server.go", "/static//etc/passwd", "/static/../../../../../../etc/passwd",
		"/static/.%2e/api.go", "/static/",
	} {
		code, body := get(p)
		if code == 200 || strings.Contains(body, "package server") || strings.Contains(body, "module github.com") || strings.Contains(body, "root:") {
			t.Errorf("%s: status %d, body %.80q", p, code, body)
		}
	}
}

func TestHostCheck(t *testing.T) {
	s := newServer(t, Config{Loopback: true})
	for host, want := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "localhost": 200,
		"evil.example": 421, "evil.example:8080": 421, "127.0.0.1.evil.example": 421, "10.0.0.1:8080": 421,
	} {
		w := do(t, s, "GET", "/api/stats", nil, "Host", host)
		if w.Code != want {
			t.Errorf("Host %s: %d, want %d", host, w.Code, want)
		}
	}
	if !IsLoopback("127.0.0.1:8080") || !IsLoopback("[::1]:0") || !IsLoopback("localhost:80") ||
		IsLoopback(":8080") || IsLoopback("0.0.0.0:8080") || IsLoopback("192.168.1.2:8080") {
		t.Error("IsLoopback misjudges an address")
	}
}

func TestPageAndHeaders(t *testing.T) {
	s := newServer(t, Config{})
	for _, p := range []string{"/", "/?focus=Putin"} {
		w := do(t, s, "GET", p, nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `<script src="/static/app.js"`) {
			t.Errorf("%s: %d", p, w.Code)
		}
		csp := w.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "script-src 'self'") || w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: headers %v", p, w.Header())
		}
	}
	// every asset the page names is served, from the binary
	page := do(t, s, "GET", "/", nil).Body.String()
	for _, a := range []string{"/static/app.js", "/static/app.css", "/static/favicon.svg"} {
		if !strings.Contains(page, a) {
			t.Errorf("the page does not use %s", a)
		}
		if w := do(t, s, "GET", a, nil); w.Code != 200 || w.Body.Len() == 0 {
			t.Errorf("%s: %d", a, w.Code)
		}
	}
	if strings.Contains(page, "http://") || strings.Contains(page, "https://") {
		t.Error("the page refers to another site")
	}
	if w := do(t, s, "GET", "/nothing-here", nil); w.Code != 404 {
		t.Errorf("unknown page: %d", w.Code)
	}
}

func TestServeListensOnLoopback(t *testing.T) {
	st := seedStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, "127.0.0.1:0", Config{Store: st}, func(a net.Addr) { addrc <- a }) }()
	var addr net.Addr
	select {
	case addr = <-addrc:
	case err := <-done:
		t.Fatal(err)
	}
	res, err := http.Get("http://" + addr.String() + "/api/stats")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("stats: %v %v", err, res)
	}
	res.Body.Close()
	// Serve set Loopback: another Host is refused
	req, _ := http.NewRequest("GET", "http://"+addr.String()+"/api/stats", nil)
	req.Host = "attacker.example"
	res, err = http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("foreign Host: %v %v", err, res)
	}
	if res != nil {
		res.Body.Close()
	}
	cancel()
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		t.Errorf("shutdown: %v", err)
	}
}

// A script that fills memory is stopped when the heap passes the limit,
// long before its timeout, and the server goes on answering.
func TestMemoryRunawayIsStopped(t *testing.T) {
	s := newServer(t, Config{Timeout: 2 * time.Minute, MaxMemory: heapBytes() + 128<<20})
	start := time.Now()
	w := do(t, s, "POST", "/api/query", strings.NewReader(`var a = []; while (true) { a.push(new Array(10000).fill("x" + a.length)); }`))
	took := time.Since(start)
	e := decode[apiError](t, w)
	if w.Code != http.StatusServiceUnavailable || e.Code != "memory" || !strings.Contains(e.Error, "MiB limit") {
		t.Errorf("memory runaway: %d %+v, want 503 memory", w.Code, e)
	}
	if took > time.Minute {
		t.Errorf("stopped after %s", took)
	}
	t.Logf("stopped after %s", took.Round(time.Millisecond))
	if w := do(t, s, "POST", "/api/query", strings.NewReader(`g.V().Has("<kg:key>", "putin").All()`)); w.Code != 200 {
		t.Errorf("a query after the memory runaway: %d %s", w.Code, w.Body)
	}
}
