// Package queries runs Gizmo (Cayley's JavaScript query language) over the
// graph: ad-hoc scripts and the named queries kept here as .js files and
// built into the binary. The runner registers the vocabulary's prefixes,
// expands <prefix:name> IRIs, and bounds every query by a result limit and
// a timeout, so a runaway script cannot hang a command or a server.
package queries

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo" // registers the language

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
)

//go:embed *.js
var files embed.FS

// Options bound a query.
type Options struct {
	Limit   int           // at most this many results (0: DefaultLimit)
	Timeout time.Duration // stop the script after this long (0: DefaultTimeout)
}

// Defaults for Options.
const (
	DefaultLimit   = 1000
	DefaultTimeout = 30 * time.Second
)

// ErrTimeout says a query ran out of time.
var ErrTimeout = errors.New("query timed out")

var shortIRI = regexp.MustCompile(`<([A-Za-z][A-Za-z0-9]*):([^<>\s"]*)>`)

// Expand rewrites <rdfs:label> and friends to full IRIs for the prefixes
// the graph uses; other <...> are left as they are.
func Expand(script string) string {
	return shortIRI.ReplaceAllStringFunc(script, func(m string) string {
		full := graph.Expand(m[1 : len(m)-1])
		if full == m[1:len(m)-1] {
			return m
		}
		return "<" + full + ">"
	})
}

// prelude registers the prefixes so g.IRI("kg:met") works too.
func prelude() string {
	var b strings.Builder
	for _, p := range graph.Prefixes {
		fmt.Fprintf(&b, "g.addNamespace(%q, %q);\n", p.Name, p.IRI)
	}
	return b.String()
}

// Run executes a Gizmo script and returns its results as JSON-ready values.
func Run(ctx context.Context, qs cgraph.QuadStore, script string, opt Options) ([]any, error) {
	if opt.Limit <= 0 {
		opt.Limit = DefaultLimit
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	sess := query.NewSession(qs, "gizmo") // a new session per query: a reused one fails
	it, err := sess.Execute(ctx, prelude()+Expand(script), query.Options{Collation: query.JSON, Limit: opt.Limit})
	if err != nil {
		return nil, fmt.Errorf("gizmo: %w", err)
	}
	defer finish(it)
	out := []any{}
	for len(out) < opt.Limit && it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
	}
	if err := it.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			return out, fmt.Errorf("%w after %s (raise --timeout, or narrow the query)", ErrTimeout, opt.Timeout)
		}
		return out, fmt.Errorf("gizmo: %w", err)
	}
	return out, nil
}

// finish stops a query and waits for its script to end. Gizmo runs the
// script in a goroutine that holds a store read transaction while it walks
// the graph; a script cut short (by the limit or the timeout) must not
// outlive Run, or closing the store waits on that transaction for ever
// (bbolt's Close and a late transaction's rollback deadlock: seen as a
// kg query that never returned after its timeout).
func finish(it query.Iterator) {
	it.Close() // cancels the script's context and interrupts its VM
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for it.Next(ctx) { // drain what it still sends until it returns
	}
}

// Named is a query kept in this package.
type Named struct {
	Name   string // file name without .js
	Usage  string // "who-met NAME"
	Doc    string // what it answers
	Script string
	NArgs  int // arguments it needs
}

// List returns the named queries, sorted by name.
func List() []Named {
	ents, _ := files.ReadDir(".")
	var out []Named
	for _, e := range ents {
		n, err := Get(strings.TrimSuffix(e.Name(), ".js"))
		if err == nil {
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Get returns a named query. Its first comment lines give the usage
// ("// who-met NAME") and what it answers.
func Get(name string) (Named, error) {
	b, err := files.ReadFile(name + ".js")
	if err != nil {
		var names []string
		for _, n := range List() {
			names = append(names, n.Name)
		}
		return Named{}, fmt.Errorf("no named query %q (have: %s)", name, strings.Join(names, ", "))
	}
	n := Named{Name: name, Script: string(b)}
	for i, line := range strings.Split(n.Script, "\n") {
		if !strings.HasPrefix(line, "//") {
			break
		}
		text := strings.TrimSpace(strings.TrimPrefix(line, "//"))
		if i == 0 {
			n.Usage = text
			n.NArgs = len(strings.Fields(text)) - 1
		} else {
			n.Doc = strings.TrimSpace(n.Doc + " " + text)
		}
	}
	return n, nil
}

// Bind prepends the arguments as the script's `args` array, and their name
// keys (kg.NameKey: "President Putin" is "putin") as `keys`.
func (n Named) Bind(args []string) (string, error) {
	if len(args) < n.NArgs {
		return "", fmt.Errorf("%s needs %d argument(s): kg query --named %s", n.Name, n.NArgs, n.Usage)
	}
	keys := make([]string, len(args))
	for i, a := range args {
		keys[i] = kg.NameKey(a)
	}
	a, _ := json.Marshal(args)
	k, _ := json.Marshal(keys)
	return fmt.Sprintf("var args = %s;\nvar keys = %s;\n%s", a, k, n.Script), nil
}

// RunNamed binds and runs a named query.
func RunNamed(ctx context.Context, qs cgraph.QuadStore, name string, args []string, opt Options) ([]any, error) {
	n, err := Get(name)
	if err != nil {
		return nil, err
	}
	script, err := n.Bind(args)
	if err != nil {
		return nil, err
	}
	return Run(ctx, qs, script, opt)
}
