package viz

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-graphviz"
)

// Format is an output format.
type Format string

// The formats Render writes.
const (
	DOT  Format = "dot"  // the graph in DOT, not laid out: for people who lay it out themselves
	SVG  Format = "svg"  // laid out, as a standalone SVG file
	PNG  Format = "png"  // laid out and painted, twice the SVG's size (at most 4,096 pixels a side)
	HTML Format = "html" // a standalone page with the SVG inline
)

// Formats lists the formats by name.
var Formats = []Format{SVG, PNG, DOT, HTML}

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == strings.ToLower(s) {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (have svg, png, dot, html)", s)
}

// Render draws g in format f.
func Render(ctx context.Context, g *Graph, f Format, w io.Writer, opt Options) error {
	dot := g.DOT(opt)
	switch f {
	case DOT:
		_, err := w.Write(dot)
		return err
	case SVG:
		svg, err := Layout(ctx, dot, "svg")
		if err != nil {
			return err
		}
		_, err = w.Write(svg)
		return err
	case PNG:
		js, err := Layout(ctx, dot, "json")
		if err != nil {
			return err
		}
		return paintPNG(js, 2, w)
	case HTML:
		svg, err := Layout(ctx, dot, "svg")
		if err != nil {
			return err
		}
		return writeHTML(w, g, InlineSVG(svg))
	}
	return fmt.Errorf("unknown format %q", f)
}

// go-graphviz runs one WebAssembly instance of Graphviz per process, which
// is not safe for concurrent use: one layout at a time.
var (
	gvMu sync.Mutex
	gv   *graphviz.Graphviz
)

// ErrLayout says Graphviz could not lay a graph out.
var ErrLayout = errors.New("graphviz")

// Layout lays DOT out with Graphviz and renders it in a Graphviz output
// format ("svg", "json" for xdot drawing operations, "dot" for the layout
// as DOT attributes). Layouts run one at a time.
func Layout(ctx context.Context, dot []byte, format string) (out []byte, err error) {
	gvMu.Lock()
	defer gvMu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	defer func() {
		// go-graphviz panics when the WebAssembly side fails
		if r := recover(); r != nil {
			gv = nil // start afresh next time
			err = fmt.Errorf("%w: %v", ErrLayout, r)
		}
	}()
	if gv == nil {
		if gv, err = graphviz.New(ctx); err != nil {
			return nil, fmt.Errorf("%w: start: %v", ErrLayout, err)
		}
	}
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("%w: read DOT: %v", ErrLayout, err)
	}
	defer g.Close()
	var buf bytes.Buffer
	if err := gv.Render(ctx, g, graphviz.Format(format), &buf); err != nil {
		return nil, fmt.Errorf("%w: layout: %v", ErrLayout, err)
	}
	return buf.Bytes(), nil
}

var (
	prologRe  = regexp.MustCompile(`(?s)^.*?(<svg\b)`)
	commentRe = regexp.MustCompile(`(?s)<!--.*?-->\n?`)
)

// InlineSVG makes Graphviz's SVG fit inside an HTML page: no XML prolog,
// doctype or comments.
func InlineSVG(svg []byte) []byte {
	svg = prologRe.ReplaceAll(svg, []byte("$1"))
	return commentRe.ReplaceAll(svg, nil)
}

var pageTmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kg viz">
<title>{{.Title}}</title>
<style>
  :root { color-scheme: light; }
  body { margin: 0; background: #f6f4ef; color: #1d2733;
    font: 15px/1.5 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; }
  main { max-width: 1200px; margin: 0 auto; padding: 28px 24px 40px; }
  h1 { font: 600 28px/1.2 Georgia, "Times New Roman", "Liberation Serif", serif; margin: 0 0 4px; }
  .dek { color: #5d6b7a; margin: 0 0 18px; }
  figure { margin: 0; background: #fff; border: 1px solid #e2ded4; border-radius: 6px; padding: 12px; }
  figure svg { display: block; width: 100%; height: auto; max-height: 80vh; }
  figcaption { color: #5d6b7a; font-size: 13px; padding: 10px 4px 0; }
  .key { display: inline-block; margin-right: 16px; }
  .sw { display: inline-block; width: 22px; height: 0; vertical-align: middle; margin-right: 6px; border-top: 3px solid #7d8ca3; }
  .sw.dash { border-top: 2px dashed #8a5aa3; }
</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<p class="dek">{{.People}} people · {{.Pairs}} pairs who met{{if .Links}} · {{.Links}} other relations{{end}}</p>
<figure>
{{.SVG}}
<figcaption>
<span class="key"><span class="sw"></span>met (thicker: more meetings; dates where known)</span>
{{if .Links}}<span class="key"><span class="sw dash"></span>other relations, arrow from subject to object</span>{{end}}
<span class="key">Boxes grow with how many people each met.</span>
Drawn by kg viz on {{.Date}}.
</figcaption>
</figure>
</main>
</body>
</html>
`))

func writeHTML(w io.Writer, g *Graph, svg []byte) error {
	title := g.Title
	if title == "" {
		title = "Who met whom"
	}
	people, pairs, links := 0, 0, 0
	for _, n := range g.Nodes {
		if n.Kind == KindPerson {
			people++
		}
	}
	for _, e := range g.Edges {
		if e.Relation == "met" {
			pairs++
		} else {
			links++
		}
	}
	return pageTmpl.Execute(w, map[string]any{
		"Title": title, "People": people, "Pairs": pairs, "Links": links,
		// Graphviz escapes every name it writes into the SVG
		"SVG":  template.HTML(svg),
		"Date": time.Now().Format("2 January 2006"),
	})
}
