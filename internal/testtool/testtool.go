// Package testtool finds the programs some tests need (Graphviz's dot,
// Chromium): a test skips when one is missing, or fails when
// KG_REQUIRE_TOOLS is set, as .ci/run sets it.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of the first of names installed, or skips (fails
// under KG_REQUIRE_TOOLS=1) naming the first.
func Need(t testing.TB, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("KG_REQUIRE_TOOLS") != "" {
		t.Fatalf("%s is not installed (.ci/run installs it)", names[0])
	}
	t.Skipf("%s is not installed; .ci/run installs it", names[0])
	return ""
}
