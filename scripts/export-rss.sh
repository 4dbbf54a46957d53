#!/usr/bin/env bash
# Measure peak memory (max RSS) and time of kg import and of kg export in
# every format on a synthetic graph of about a million quads: the N-Quads
# export of testdata/ copied under distinct article IRIs (the entities are
# shared, as across real articles). Usage:
#   scripts/export-rss.sh [QUADS] [WORKDIR]
# QUADS defaults to 1000000; WORKDIR (default: a new temporary directory,
# removed at the end) needs about 1 GB free.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-1000000}
work=${2:-}
if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

go build -o "$work/kg" ./cmd/kg
kg="$work/kg"
"$kg" ingest --db "$work/seed.db" testdata/ >/dev/null
"$kg" export --db "$work/seed.db" --format nquads -o "$work/seed.nq"
lines=$(wc -l <"$work/seed.nq")
copies=$(( (target + lines - 1) / lines ))
awk -v n="$copies" '{ line[NR] = $0 } END {
  for (i = 1; i <= n; i++) for (j = 1; j <= NR; j++) {
    l = line[j]; gsub("/id/article/", "/id/article/copy" i "/", l); print l } }' \
  "$work/seed.nq" >"$work/big.nq"
quads=$(wc -l <"$work/big.nq")
echo "graph: $quads quads ($copies copies of testdata/'s $lines), $(du -h "$work/big.nq" | cut -f1) of N-Quads"

# measure runs a command and prints its peak resident memory (VmHWM) and,
# sampled every 0.1 s, its peak anonymous memory (RssAnon: the Go heap and
# stacks, without the pages of the store file bbolt maps into memory).
measure() { # label, command...
  local label=$1; shift
  local start end pid hwm=0 anon=0 h a
  start=$(date +%s.%N)
  "$@" >/dev/null &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if read -r h a < <(awk '/^VmHWM/ { h = $2 } /^RssAnon/ { a = $2 } END { print h + 0, a + 0 }' "/proc/$pid/status" 2>/dev/null); then
      ((h > hwm)) && hwm=$h
      ((a > anon)) && anon=$a
    fi
    sleep 0.1
  done
  wait "$pid"
  end=$(date +%s.%N)
  printf "%-16s peak RSS %4d MB, of it anonymous %4d MB  %5.1f s\n" "$label" $((hwm / 1024)) $((anon / 1024)) "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
}
measure "import nquads" "$kg" import --db "$work/big.db" "$work/big.nq"
for f in nquads trig turtle jsonld graphml dot; do
  measure "export $f" "$kg" export --db "$work/big.db" --format "$f" -o "$work/out.$f"
done
ls -l "$work"/out.* | awk '{ printf "  %s %d MB\n", $NF, $5 / 1048576 }'
