package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedPath returns a file under the shared folder, or skips the test.
func sharedPath(t testing.TB, rel string) string {
	t.Helper()
	dir, err := SharedDir()
	if err != nil {
		t.Skipf("shared folder not found (%v): this test needs ../shared beside the checkout", err)
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not found: %v", p, err)
	}
	return p
}
