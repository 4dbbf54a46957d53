//go:build race

package graph

// raceBuild: the race detector's checkptr kills boltdb/bolt at start-up
// ("converted pointer straddles multiple allocations"), so tests leave the
// bolt kind out under -race (README, Backends).
const raceBuild = true
