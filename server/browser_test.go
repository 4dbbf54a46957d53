package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/newsgraph/kg/internal/testtool"
)

// browser starts headless Chromium on a fresh profile, with the flags
// that keep it off the network it cannot reach here, and collects what
// the page writes to its console.
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	chrome := testtool.Need(t, "chromium", "chromium-browser", "google-chrome")
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 900),
	)
	ctx, cancelCtx := chromedp.NewContext(actx)
	// one bound for the whole test: the browser goes when it passes
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	var mu sync.Mutex
	var problems []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				mu.Lock()
				problems = append(problems, m.String())
				mu.Unlock()
			}
		}
	}()
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), problems...)
	}
}

// screenshot saves the page as a test artifact (go test -artifacts keeps
// it), and into $KG_SCREENSHOTS when that is set.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dirs := []string{t.ArtifactDir()}
	if d := os.Getenv("KG_SCREENSHOTS"); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(d, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
	}
}

func evalStrings(t *testing.T, ctx context.Context, js string) []string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The page in a real browser: search a person, see the network with the
// names in the DOM, click a node, read the evidence sentence.
func TestPageInChromium(t *testing.T) {
	ctx, problems := browser(t)
	s := newServer(t, Config{Loopback: true})
	ts := httptest.NewServer(s)
	defer ts.Close()

	// what the API says Steve Witkoff's evidence is, to find it on the page
	res, err := http.Get(ts.URL + "/api/entity/person/steve-witkoff")
	if err != nil {
		t.Fatal(err)
	}
	var witkoff entityReply
	json.NewDecoder(res.Body).Decode(&witkoff)
	res.Body.Close()
	var sentences []string
	for _, m := range witkoff.Meetings {
		for _, ev := range m.Evidence {
			sentences = append(sentences, ev.Text)
		}
	}
	if len(sentences) == 0 {
		t.Fatalf("the seed gives Witkoff no meeting evidence: %+v", witkoff)
	}

	err = chromedp.Do(ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(ts.URL+"/"),
		// the whole network first
		chromedp.WaitVisible(chromedp.CSS("#network svg g.node")),
		chromedp.SendKeys(chromedp.CSS("#q"), "Putin"),
		chromedp.WaitVisible(chromedp.CSS(`#suggestions li[role="option"]`)),
	)
	if err != nil {
		t.Fatalf("search: %v (console: %v)", err, problems())
	}
	if sug := evalStrings(t, ctx, `[...document.querySelectorAll('#suggestions li .name')].map(e => e.textContent)`); len(sug) == 0 || sug[0] != "Vladimir Putin" {
		t.Errorf("suggestions for Putin: %v", sug)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#q"), "\r"),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Poll[bool](`document.querySelector('#net-title').textContent === 'Who met whom around Vladimir Putin'
				&& document.querySelector('#profile h2.name')?.textContent === 'Vladimir Putin'
				&& document.querySelectorAll('#network svg g.node[data-name]').length > 0`)(ctx, tg)
			return err
		}),
	)
	if err != nil {
		t.Fatalf("open Putin: %v (console: %v)", err, problems())
	}
	names := evalStrings(t, ctx, `[...document.querySelectorAll('#network svg g.node')].map(g => g.dataset.name)`)
	texts := evalStrings(t, ctx, `[...document.querySelectorAll('#network svg text')].map(e => e.textContent)`)
	for _, want := range []string{"Vladimir Putin", "Steve Witkoff", "Jared Kushner"} {
		if !has(names, want) || !has(texts, want) {
			t.Errorf("the network around Putin lacks %s: nodes %v", want, names)
		}
	}
	if has(names, "Alice Ames") {
		t.Error("Alice Ames, who never met Putin, is drawn around him")
	}
	if u := evalStrings(t, ctx, `[location.search]`); u[0] != "?focus=Vladimir+Putin" {
		t.Errorf("the address does not say whom it shows: %q", u[0])
	}

	// click Steve Witkoff's box in the drawing
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#network svg g.node[data-name="Steve Witkoff"]`)),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Poll[bool](`document.querySelector('#profile h2.name')?.textContent === 'Steve Witkoff'`)(ctx, tg)
			return err
		}),
	)
	if err != nil {
		t.Fatalf("click Witkoff: %v (console: %v)", err, problems())
	}
	shown := evalStrings(t, ctx, `[...document.querySelectorAll('#profile .meeting blockquote.evidence')].map(b => b.textContent)`)
	found := false
	for _, s := range sentences {
		found = found || has(shown, s)
	}
	if !found {
		t.Errorf("Witkoff's profile shows %q; want one of the API's evidence sentences %q", shown, sentences)
	}
	if src := evalStrings(t, ctx, `[...document.querySelectorAll('#profile .meeting .source .file')].map(e => e.textContent)`); !has(src, "seed-witkoff-putin.txt") {
		t.Errorf("the evidence does not name its article: %v", src)
	}
	if sel := evalStrings(t, ctx, `[...document.querySelectorAll('#network svg g.node.selected')].map(g => g.dataset.name)`); len(sel) != 1 || sel[0] != "Steve Witkoff" {
		t.Errorf("selected in the drawing: %v", sel)
	}
	// zoom and pan move the view, the drawing stays in the DOM
	before := evalStrings(t, ctx, `[document.querySelector('#network svg').getAttribute('viewBox')]`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#zoom-in"))); err != nil {
		t.Fatal(err)
	}
	after := evalStrings(t, ctx, `[document.querySelector('#network svg').getAttribute('viewBox')]`)
	if before[0] == after[0] {
		t.Errorf("zoom in left the view at %s", after[0])
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#zoom-fit"))); err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "serve.png")
	if p := problems(); len(p) > 0 {
		t.Errorf("the page reported errors: %v", p)
	}
}

// /?focus=NAME opens on NAME; the Gizmo console shows a table and a graph.
func TestFocusAndConsoleInChromium(t *testing.T) {
	ctx, problems := browser(t)
	s := newServer(t, Config{Loopback: true, Timeout: 2 * time.Second})
	ts := httptest.NewServer(s)
	defer ts.Close()
	poll := func(js string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Poll[bool](js)(ctx, tg)
			return err
		})
	}
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(ts.URL+"/?focus=Witkoff"),
		poll(`document.querySelector('#profile h2.name')?.textContent === 'Steve Witkoff'
			&& document.querySelector('#net-title').textContent === 'Who met whom around Steve Witkoff'`),
	)
	if err != nil {
		t.Fatalf("/?focus=Witkoff: %v (console: %v)", err, problems())
	}
	query := `g.V().Has("<rdf:type>", "<schema:Person>").Tag("source").Out("<kg:met>").Tag("target").All()`
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#tab-console")),
		chromedp.WaitVisible(chromedp.CSS("#gizmo")),
		chromedp.SetValue(chromedp.CSS("#gizmo"), query),
		chromedp.Click(chromedp.CSS("#run")),
		poll(`document.querySelectorAll('#result-table tbody tr').length > 0`),
	)
	if err != nil {
		t.Fatalf("run a query: %v (console: %v)", err, problems())
	}
	cols := evalStrings(t, ctx, `[...document.querySelectorAll('#result-table th')].map(e => e.textContent)`)
	if !has(cols, "source") || !has(cols, "target") {
		t.Errorf("table columns %v", cols)
	}
	cells := evalStrings(t, ctx, `[...document.querySelectorAll('#result-table td .link')].map(e => e.textContent)`)
	if !has(cells, "Vladimir Putin") {
		t.Errorf("the table does not name Putin by his label: %v", cells)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#rt-graph")),
		poll(`!document.querySelector('#result-graph').hidden && document.querySelectorAll('#result-graph svg g.node').length > 0`),
	)
	if err != nil {
		t.Fatalf("graph view: %v (console: %v)", err, problems())
	}
	if g := evalStrings(t, ctx, `[...document.querySelectorAll('#result-graph svg g.node')].map(g => g.dataset.name)`); !has(g, "Vladimir Putin") || !has(g, "Steve Witkoff") {
		t.Errorf("result graph nodes: %v", g)
	}
	screenshot(t, ctx, "console.png")
	// a runaway query says so, and the page goes on working
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#gizmo"), "while (true) {}"),
		chromedp.Click(chromedp.CSS("#run")),
		poll(`document.querySelector('#query-status').classList.contains('error')`),
	)
	if err != nil {
		t.Fatalf("runaway from the page: %v", err)
	}
	if msg := evalStrings(t, ctx, `[document.querySelector('#query-status').textContent]`); !strings.Contains(msg[0], "stopped") {
		t.Errorf("runaway message: %q", msg[0])
	}
	// the 504 of the runaway is the only console error allowed
	for _, p := range problems() {
		if !strings.Contains(p, "504") {
			t.Errorf("the page reported: %s", p)
		}
	}
}
