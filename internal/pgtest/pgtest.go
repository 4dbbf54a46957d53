// Package pgtest gives tests a fresh PostgreSQL database: one per test,
// created in the cluster that $KG_TEST_POSTGRES names (.ci/run starts a
// throwaway one with .ci/postgres.sh) and dropped when the test ends.
package pgtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/lib/pq"
)

// Env names the variable that holds the DSN of a database on a test
// cluster whose user may create databases.
const Env = "KG_TEST_POSTGRES"

// DSN returns $KG_TEST_POSTGRES, or skips the test (fails it under
// KG_REQUIRE_TOOLS=1, as in CI).
func DSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(Env)
	if dsn == "" {
		if os.Getenv("KG_REQUIRE_TOOLS") != "" {
			t.Fatalf("$%s is not set: .ci/run starts PostgreSQL (.ci/postgres.sh) and sets it", Env)
		}
		t.Skipf("$%s is not set; start a cluster with: eval \"$(.ci/postgres.sh)\"", Env)
	}
	return dsn
}

// Fresh creates an empty database for this test and returns its DSN.
func Fresh(t testing.TB) string {
	t.Helper()
	base := DSN(t)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("$%s is not a postgres:// URL: %v", Env, err)
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "kgtest_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		admin.Close()
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		admin.Close()
	})
	u.Path = "/" + name
	return u.String()
}
