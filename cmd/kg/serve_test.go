package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// kg serve, run as the command line runs it: read-only, on the loopback,
// answering the API, stopping when its context ends.
func TestServeCommand(t *testing.T) {
	db := seedDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	root := newRoot()
	root.SetOut(pw)
	var errb bytes.Buffer
	root.SetErr(&errb)
	root.SetArgs([]string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--quiet", "--timeout", "2s"})
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx); pw.Close() }()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("kg serve said nothing: %v (%v) %s", err, <-done, errb.String())
	}
	go io.Copy(io.Discard, pr)
	i := strings.Index(line, "http://")
	if i < 0 || !strings.Contains(line, "read-only") {
		t.Fatalf("kg serve says %q", line)
	}
	base := strings.TrimSuffix(strings.Fields(line[i:])[0], "/")
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("not on the loopback: %s", base)
	}
	res, err := http.Get(base + "/api/entities?q=Witkoff")
	if err != nil {
		t.Fatal(err)
	}
	var hits struct{ Results []struct{ Name string } }
	json.NewDecoder(res.Body).Decode(&hits)
	res.Body.Close()
	if len(hits.Results) == 0 || hits.Results[0].Name != "Steve Witkoff" {
		t.Errorf("search Witkoff: %+v", hits)
	}
	start := time.Now()
	res, err = http.Post(base+"/api/query", "text/plain", strings.NewReader("while (true) {}"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusGatewayTimeout || time.Since(start) > 15*time.Second {
		t.Errorf("runaway over kg serve: %d after %s", res.StatusCode, time.Since(start))
	}
	// the store is open read-only: a writer is told who holds it, not hung
	_, _, err = run(t, "ingest", "--db", db, "--wait", "200ms", seed)
	if err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("ingest while serving: %v, want a store-in-use error", err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("kg serve ended with %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("kg serve did not stop")
	}
}
