package main

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/graph"
)

// storeFlags are the flags every command that opens the store shares.
type storeFlags struct {
	db   string
	base string
	wait time.Duration
}

func (f *storeFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.db, "db", "", "the store: PATH (embedded; a new one is "+graph.DefaultKind+"), KIND:PATH (bbolt, bolt, leveldb, pebble), postgres://..., or mem: (default $KG_DB, else kg.db)")
	cmd.Flags().StringVar(&f.base, "base", "", "IRI base for articles and entities (default $KG_BASE, else "+graph.DefaultBase+")")
	cmd.Flags().DurationVar(&f.wait, "wait", 2*time.Second, "how long to wait for a store another process is writing")
}

// open opens the store the flags name.
func (f *storeFlags) open(readOnly bool) (*graph.Store, error) {
	db := f.db
	if db == "" {
		db = os.Getenv("KG_DB")
	}
	if db == "" {
		db = "kg.db"
	}
	base := f.base
	if base == "" {
		base = os.Getenv("KG_BASE")
	}
	logf := func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }
	return graph.Open(db, graph.Options{Base: base, ReadOnly: readOnly, Wait: f.wait, Log: logf})
}
