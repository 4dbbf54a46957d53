package loader

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "bbc", "politics"), 0o755)
	os.WriteFile(filepath.Join(dir, "bbc", "politics", "001.txt"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(dir, "bbc", "politics", "002.TXT"), []byte("b"), 0o644)
	os.WriteFile(filepath.Join(dir, "bbc", "notes.md"), []byte("c"), 0o644)
	os.WriteFile(filepath.Join(dir, "bbc", "photo.jpg"), []byte("d"), 0o644)
	// a symbolic link loop: bbc/politics/loop -> bbc
	if err := os.Symlink(filepath.Join(dir, "bbc"), filepath.Join(dir, "bbc", "politics", "loop")); err != nil {
		t.Skip(err)
	}
	var got []string
	var errs []string
	st, err := WalkCount([]string{filepath.Join(dir, "bbc"), filepath.Join(dir, "missing.txt")}, func(f File) error {
		got = append(got, f.ID)
		return nil
	}, func(path string, err error) { errs = append(errs, path) })
	if err != nil {
		t.Fatal(err)
	}
	want := "bbc/politics/001.txt bbc/politics/002.TXT"
	if strings.Join(got, " ") != want {
		t.Errorf("walk found %v, want %s (the link loop must not be followed)", got, want)
	}
	if st.Skipped != 2 || st.Links != 1 {
		t.Errorf("skipped %d non-.txt files and %d folder links, want 2 and 1", st.Skipped, st.Links)
	}
	if len(errs) != 1 || !strings.HasSuffix(errs[0], "missing.txt") {
		t.Errorf("errors for %v, want one for missing.txt", errs)
	}
}

func TestTooLargeFile(t *testing.T) {
	// a 9 MB file with no newline is a dump, not an article: refused by size
	// before it is read into memory
	p := filepath.Join(t.TempDir(), "dump.txt")
	if err := os.WriteFile(p, bytes.Repeat([]byte("word "), 9<<20/5+1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(p, "", ReadOptions{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "--max-size") {
		t.Fatalf("a 9 MB file: %v", err)
	}
	if _, err := ReadFile(p, "", ReadOptions{MaxBytes: 10 << 20}); err != nil {
		t.Fatalf("with a higher limit: %v", err)
	}
}
