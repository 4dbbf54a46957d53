package export

import (
	"bufio"
	"container/heap"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// SortMemory is how many bytes of records a sorter keeps in memory before
// it writes a sorted run to a temporary file. The exports' peak memory is
// about three times this (records, their headers, the sort), whatever the
// size of the graph.
var SortMemory = 32 << 20

// sorter is an external merge sort of one-line records (no '\n' inside):
// Add them in any order, then Each yields them in byte order. Up to
// SortMemory bytes stay in memory; beyond that, sorted runs go to files in
// the temporary directory and are merged at the end.
type sorter struct {
	limit int
	buf   []string
	size  int
	runs  []*os.File
}

func newSorter() *sorter { return &sorter{limit: SortMemory} }

// Add adds a record.
func (s *sorter) Add(rec string) error {
	if strings.IndexByte(rec, '\n') >= 0 {
		return fmt.Errorf("internal: record with a newline: %q", rec)
	}
	s.buf = append(s.buf, rec)
	s.size += len(rec) + 16
	if s.size >= s.limit {
		return s.spill()
	}
	return nil
}

// spill writes the buffer, sorted, to a new run file.
func (s *sorter) spill() error {
	slices.Sort(s.buf)
	f, err := os.CreateTemp("", "kg-export-*.run")
	if err != nil {
		return fmt.Errorf("export: temporary file for sorting: %w", err)
	}
	os.Remove(f.Name()) // gone when closed, even if we crash
	s.runs = append(s.runs, f)
	w := bufio.NewWriterSize(f, 1<<16)
	for _, r := range s.buf {
		w.WriteString(r)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("export: write %s: %w (is the temporary directory full? set TMPDIR)", f.Name(), err)
	}
	s.buf, s.size = nil, 0
	return nil
}

// Close removes the run files.
func (s *sorter) Close() error {
	var errs []error
	for _, f := range s.runs {
		errs = append(errs, f.Close())
	}
	s.runs, s.buf = nil, nil
	return errors.Join(errs...)
}

// Each calls fn for every record in byte order, then closes the sorter.
func (s *sorter) Each(fn func(rec string) error) error {
	defer s.Close()
	if len(s.runs) == 0 {
		slices.Sort(s.buf)
		for _, r := range s.buf {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
	if len(s.buf) > 0 {
		if err := s.spill(); err != nil {
			return err
		}
	}
	h := &runHeap{}
	for _, f := range s.runs {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		r := &run{r: bufio.NewReaderSize(f, 1<<16)}
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			h.runs = append(h.runs, r)
		}
	}
	heap.Init(h)
	for h.Len() > 0 {
		r := h.runs[0]
		if err := fn(r.head); err != nil {
			return err
		}
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	return nil
}

// run is one sorted run file being merged.
type run struct {
	r    *bufio.Reader
	head string
}

func (r *run) next() (bool, error) {
	line, err := r.r.ReadString('\n')
	if errors.Is(err, io.EOF) && line == "" {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("export: read sorted run: %w", err)
	}
	r.head = line[:len(line)-1]
	return true, nil
}

type runHeap struct{ runs []*run }

func (h *runHeap) Len() int           { return len(h.runs) }
func (h *runHeap) Less(i, j int) bool { return h.runs[i].head < h.runs[j].head }
func (h *runHeap) Swap(i, j int)      { h.runs[i], h.runs[j] = h.runs[j], h.runs[i] }
func (h *runHeap) Push(x any)         { h.runs = append(h.runs, x.(*run)) }
func (h *runHeap) Pop() any {
	r := h.runs[len(h.runs)-1]
	h.runs = h.runs[:len(h.runs)-1]
	return r
}
