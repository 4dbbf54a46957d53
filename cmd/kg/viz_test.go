package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/internal/testtool"
)

func seedDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, errs, err := run(t, "ingest", "--db", db, seed); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errs)
	}
	return db
}

func TestVizFormats(t *testing.T) {
	db := seedDB(t)
	dir := t.TempDir()

	// svg, chosen by the extension
	svgFile := filepath.Join(dir, "net.svg")
	if _, errs, err := run(t, "viz", "--db", db, "-o", svgFile); err != nil {
		t.Fatalf("viz svg: %v\n%s", err, errs)
	}
	b, _ := os.ReadFile(svgFile)
	dec := xml.NewDecoder(bytes.NewReader(b))
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed: %v", err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			text.Write(cd)
		}
	}
	for _, name := range []string{"Vladimir Putin", "Steve Witkoff", "Jared Kushner"} {
		if !strings.Contains(text.String(), name) {
			t.Errorf("the SVG does not draw %s", name)
		}
	}

	// png around Putin
	pngFile := filepath.Join(dir, "putin.png")
	if _, errs, err := run(t, "viz", "--db", db, "--around", "Putin", "--format", "png", "-o", pngFile); err != nil {
		t.Fatalf("viz png: %v\n%s", err, errs)
	}
	f, _ := os.Open(pngFile)
	img, err := png.Decode(f)
	f.Close()
	if err != nil || img.Bounds().Dx() < 100 {
		t.Errorf("not a PNG drawing: %v", err)
	}

	// html to standard output
	out, _, err := run(t, "viz", "--db", db, "--format", "html", "--relations")
	if err != nil || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, "<svg") || !strings.Contains(out, "Steve Witkoff") {
		t.Errorf("viz html: %v\n%.300s", err, out)
	}

	// DOT that Graphviz's dot lays out
	out, _, err = run(t, "viz", "--db", db, "--format", "dot", "--relations")
	if err != nil || !strings.HasPrefix(out, "graph ") {
		t.Fatalf("viz dot: %v\n%.300s", err, out)
	}
	dot := testtool.Need(t, "dot")
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = strings.NewReader(out)
	var svg, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &svg, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("dot rejects kg viz's DOT: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(svg.String(), "Steve Witkoff") {
		t.Error("dot's drawing lacks Witkoff")
	}
}

func TestVizErrors(t *testing.T) {
	db := seedDB(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "pdf"}, "unknown format"},
		{[]string{"--since", "last week"}, "YYYY"},
		{[]string{"--around", "Nobody Known"}, "no person goes by"},
		{[]string{"--since", "2030"}, "nobody met anybody"},
	} {
		_, _, err := run(t, append([]string{"viz", "--db", db}, c.args...)...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("kg viz %v: %v, want an error saying %q", c.args, err, c.want)
		}
	}
}

func TestVizSomeoneWhoMetNobody(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	st, err := graph.Open(db, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x := &kg.Extraction{Article: "a.txt", Entities: []kg.Entity{{Name: "Lone Walker", Type: kg.Person}, {Name: "Ann Other", Type: kg.Person},
		{Name: "Bea Third", Type: kg.Person}},
		Meetings: []kg.Meeting{{Participants: []string{"Ann Other", "Bea Third"}}}}
	if _, err := st.Write(context.Background(), []*kg.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	_, _, err = run(t, "viz", "--db", db, "--around", "Walker")
	if err == nil || !strings.Contains(err.Error(), "Walker met nobody") {
		t.Errorf("a person who met nobody: %v", err)
	}
	if out, _, err := run(t, "viz", "--db", db, "--format", "dot"); err != nil || !strings.Contains(out, "Ann Other") || strings.Contains(out, "Lone Walker") {
		t.Errorf("the whole network: %v\n%s", err, out)
	}
}
